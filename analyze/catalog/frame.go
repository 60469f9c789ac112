package catalog

import (
	"slices"
	"strings"
)

// Round 10's frames: the shapes of a quiet breach, as a table. Each frame
// is a conjunction of gated parts (every part must match the post) and a
// side read from the post; the frames are read only for a post whose sides
// nothing else found, in an election season (unless a frame says
// otherwise), outside reports, quotes, neutrality messages, community
// elections and sports. Adding a shape is adding a row.

// gCivicBody are the civic bodies whose volunteers ("relawan PMI",
// "relawan banjir", "relawan Linmas") serve everyone, not a side.
const gCivicBody = `tagana|pmi|sibat|rapi|orari|senkom|bencana|kebersihan|damkar|lingkungan|kesehatan|covid|banjir|posyandu|desa|kelurahan|pemuda|pendidikan|dapur|pemadam|masjid|literasi|sungai|linmas|satlinmas|hansip`

// gPersonB is a person named with an honorific, Banjar "Pa" and "H." too.
// Titles may follow the honorific ("Bapak H. X", "Ibu Hj. X", "Bapak Dr.
// H. X"); "Umi" is how Kaltim addresses a woman candidate.
const gPersonB = `\b(?:Pak|Bapak|Pa|Bu|Ibu|Bang|bang|Paman|Kak|Mas|Abah|Umi|Ummi|Haji|Hj\.|H\.)\s+(?:(?:H|Hj|Dr|Drs|Ir|Prof|KH)\.\s*){0,3}(` + gName + `)`

// frame is one shape of a quiet breach.
type frame struct {
	rule  string
	parts []*fre // every part must match
	// side returns the side the post names ("" when it names none: the
	// frame does not fire), from the first part's match.
	side func(ix *Index, st *pstate, m []string) string
	// anyDay reads the frame outside an election season too (a party's
	// anniversary wished a win in a coming election).
	anyDay bool
	sport  bool // a sport word does not block the frame
	team   bool // a team, a pupil or a contest word blocks the frame
	// mobilise: community roles ("ketua RT") do not block the frame: an
	// RT head told to attend is mobilised, not elected.
	mobilise bool
	// news reads the frame in a post with reporting words too (KPU,
	// pendaftaran): its own words are the account's act.
	news bool
	not  *fre // a match blocks the frame
	// civic reads the frame beside a civic exhortation ("datang ka TPS"):
	// a side named in it is the account's choice.
	civic bool
	// oppose: the side is the one the post turns the reader against.
	oppose bool
	// undecided reads the frame in a post that addresses the undecided
	// ("yang masih bingung, ingat angka kita: tiga").
	undecided bool
	// queue reads the frame in a post with a queue's or a counter's words
	// ("loket", "antrian"): its side is no number they could mean.
	queue bool
	// join shows every part's words in the cue ("Bagikan … video
	// kampanye"), so an auditor sees the whole shape.
	join bool
}

var (
	// An occasion said with a person: "silaturahmi bersama Pak X",
	// "tulak ka silaturahmi lawan Pa X", "temu kangen bersama Bu X".
	frOccasionPerson = mustFre(`(?i:silaturahmi|batamu|ketemuan|temu akbar|dialog akbar|dialog warga|dialogis|silaturahim|ramah tamah|temu kangen|temu warga|temu ramah|halal bihalal|deklarasi|kampanye|konsolidasi|acara akbar|kumpul akbar|syukuran)\W+(?:(?i:dukungan|untuk|akbar|dialogis|relawan|warga)\s+)?(?:(?i:bersama|bareng|lawan|dengan|wan)\s+)?` + gPersonB)
	// An activity said with a person the post calls a candidate.
	frActivityPerson = mustFre(`(?i:acara|senam|jalan sehat|jalan santai|pengajian|pengajian akbar|nobar|nonton bareng|gowes|makan bersama|doa bersama)\W+(?:(?i:akbar)\s+)?(?:(?i:bersama|bareng|lawan|dengan|wan)\s+)?(?:(?i:calon wali kota|calon gubernur|calon dewan|caleg|cawali|cagub)\s+)?` + gPersonB)
	// An occasion of a person's candidacy: "syukuran pencalonan Bang X".
	frCandidacyEvent = mustFre(`(?i:syukuran|tasyakuran|selamatan|doa bersama|deklarasi|peluncuran|launching|acara)\s+(?i:pencalonan|pendaftaran|pencalegan)\s+` + gPersonB)
	// A person described by a role outside politics ("Pak X mantan kepala
	// sekolah", "Bu X, bidan desa"): a service's or a community's guest.
	frCivicPerson = mustFre(gPersonB + `\s*,?\s*(?i:mantan|pensiunan|guru|kepala sekolah|pengurus|ketua|dokter|bidan|instruktur|pelatih|ustadz|ustaz|imam|staf|pegawai|pemilik|owner|narasumber|pemateri)\b`)
	frCandRole    = mustFre(`(?i)\b(calon|caleg|bacaleg|cawali|cawawali|cagub|cawagub|paslon|kandidat|dapil)\b`)
	// Logistics of a gathering: transport, a meeting point, food, dress.
	frLogistics = mustFre(`(?i)\b(bus|jemput\w*|dijemput|antar-jemput|kumpul|bakumpul|berkumpul|titik kumpul|konsumsi|nasi (?:kotak|bungkus)|snack|kaos|kaus|mobil|pick ?up|pikap|truk|atasan|dresscode|dress code|seragam|absensi|transport\w*|merapat|berangkat|tulak|umpat|ikut|kelotok|speedboat|rombongan|menuju|makan|makan-makan|prasmanan|hidangan|datangi|kehadiran|konfirmasi)\b`)
	// An occasion with a named pair: "temu warga bersama pasangan X-Y".
	frOccasionPair = mustFre(`(?i:silaturahmi|dialog|silaturahim|ramah tamah|temu kangen|temu warga|halal bihalal|deklarasi|kampanye|konsolidasi|acara|jalan sehat|senam|pengajian)\W+(?:\w+\s+){0,2}?(?i:bersama|bareng|dengan|lawan)\s+(?i:pasangan|paslon)\s+(` + gPair + `)`)
	frAttended     = mustFre(`(?i)\b(hadir|memadati|menghadiri|datang|memenuhi|meramaikan|menyambut|ikut|antusias\w*)\b`)
	// Support of a person's candidacy: "mendukung pencalonan Bu X".
	frCandidacy = mustFre(`(?i:mendukung|dukung|kawal|mengawal|antar|mengantar|mengiringi|iringi|sukseskan|menyukseskan)\s+(?i:pencalonan|pendaftaran|pencalegan)\s+` + gPersonB)
	// A greeting with an electoral wish: "semoga … sampai terpilih",
	// "mudahan … jadi wali kota", "semoga … suara terbanyak".
	frGreet       = mustFre(`(?i)\b(selamat|salamat|barakallah|barakallahu|happy birthday|happy bday|hbd|milad|ulang tahun|ultah|dirgahayu|harlah|hari jadi)\b`)
	frElectWish   = mustFre(`(?i)\b(?:semoga|moga|mudahan|mudah-mudahan|muga|doakan|insyaallah)\b.{0,80}?\b(terpilih|suara terbanyak|garis finis|(?:ketemu|bertemu|jumpa) (?:lagi )?di surat suara|ke senayan|(?:duduk|kursi) (?:di )?(?:kursi )?(?:dprd|dewan|senayan|wali ?kota|gubernur|bupati)|(?:men)?jadi (?:wali ?kota|gubernur|bupati|anggota (?:dewan|dprd)|dewan|presiden)|lolos (?:ke|jadi)|menang(?: besar| lagi)?|juara (?:di|lagi)|kursinya bertambah|dipercaya (?:rakyat|warga|masyarakat) (?:untuk )?(?:memimpin|menjadi|jadi))\b`)
	frCandidateOf = mustFre(`(?i)\b(?:pendaftaran|mendaftar|ditetapkan\w*|penetapan|pencalonan)\b.{0,60}?\bsebagai (?:bakal )?(?:pasangan )?(?:calon|caleg|bacaleg|cagub|cawali)\b`)
	frGoodWish    = mustFre(`(?i)\b(?:semoga|moga|mudahan|mudah-mudahan|doa\b.{0,30}?\bmenyertai)\b.{0,40}?\b(sukses|menang|lancar|terpilih|amanah|dimudahkan|suara|kemenangan)\b`)
	// "Barakallah Bu X atas pendaftaran resminya di KPU, doa … sampai
	// hari kemenangan": a registration greeted with a wish of victory.
	frRegisterGreet = mustFre(`(?i)\b(?:selamat|barakallah|congrats|salamat)\b.{0,60}?\b(?:pendaftaran|mendaftar|penetapan|pencalonan|rekomendasi)\b`)
	frVictoryWish   = mustFre(`(?i)\b(hari kemenangan|sampai menang|sampai manang|sampai terpilih|sampai dilantik|sampai pelantikan|sampai jadi|kemenangan|(?:amanah|sampai) memimpin|memimpin\b.{0,40}?\blima tahun|dipercaya (?:\w+ ){0,2}memimpin)\b`)
	frElectWord     = mustFre(`(?i)\b(pemilu|pileg|pilkada|pilwali|pilgub|pilpres|2029|2034|tahun depan|isuk|nanti)\b`)
	// Aid from a person the post calls a candidate, thanked or wished well.
	frAidWord       = mustFre(`(?i)\b(bantuan|sembako|paket|seragam|beras|sumur bor|ambulans|pasar murah|pengobatan gratis|cek kesehatan|takjil|santunan)\b`)
	frPersonRole    = mustFre(gPersonB + `\s*[,(]\s*(?i:calon|caleg|bacaleg|cawali|cagub)\b`)
	frThankWish     = mustFre(`(?i)\b(terima kasih|makasih|semoga|mudahan|layak|peduli|balas|dimudahkan|langkahnya)\b`)
	frPartyCheer    = mustFre(`(?i)(?:^|[^\w-])([\w-]+)\s+(hadir\s*[,!]|pang\s*!|nomor(?: urut)?\s*\d{1,2}\s*[!,.]?\s*$|nomor(?: urut)?\s*\d{1,2}\s*!|menang lagi|pasti menang|harus menang)`)
	frPartyCheerEnd = mustFre(`(?i)\b(sembako|bantuan|pasar murah|gratis|bubuhan|satu suara|sapakat|coblos|pilih|tanggal|tgl|ingat|februari|november)\b`)
	// A party's symbol wished a win: "demi banteng menang lagi".
	frSymbolWin = mustFre(`(?i)\b(banteng|beringin|ka'?bah|moncong putih|mercy|bulan bintang)\s+(?:\w+\s+)?(menang|juara|berjaya)\b`)
	// A person beside a ballot number: "bersama Pak X nomor 1!".
	frPersonNum = mustFre(`(?i:bersama|bareng|dukung|pilih|coblos)\s+` + gPersonB + `\s+(?i:no|nomor|nomer)\.?\s*0?[1-9]\b`)
	frQueue     = mustFre(`(?i)\b(antrean|antrian|loket|kamar|undian|kupon|doorprize)\b`)
	// "#RamliTigaJari": a name hashtag with a number or fingers.
	frTagNameNum = mustFre(`#([A-Z][a-z]{2,})(?:Satu|Dua|Tiga|Empat|Lima|Nomor\w*|0?[1-9])(?:Jari)?\b`)
	// "Pa X haja gasan wali kota", "Pa X tu pamimpin nang kami tunggu".
	frPersonOffice = mustFre(gPersonB + `\s+(?i:haja|aja|saja|ja)\s+(?i:gasan|untuk|jadi|buat)\s+(?i:wali ?kota|gubernur|bupati|dewan|presiden|pamimpin|pemimpin)`)
	frPersonLeader = mustFre(gPersonB + `\s+(?i:tu|itu|ni|ini)\s+(?i:pamimpin|pemimpin|calon)\s+(?i:nang|yang|yg)\s+(?:\w+\s+){0,2}?(?i:tunggu\w*|parlu\w*|perlu\w*|butuh\w*|harapkan|cari)\b`)
	frWishWin      = mustFre(`(?i)\b(?:mudahan|semoga|moga|muga)\s+(?:\w+\s+){0,2}?menang\b`)
	frSupportHaja  = mustFre(`(?i:dukung|pilih|coblos|umpat)\s+(?i:haja|aja|saja|terus)\s+` + gPersonB)
	frOfficeWord   = mustFre(`(?i)\b(wali ?kota|gubernur|bupati|dewan|presiden|pamimpin|pemimpin|tps|coblos|pilkada|menang|isuk)\b`)
)

var (
	// The composite shape: a person (not an office, not a civic role), a
	// mark of a candidacy or a race, and an act (a wish, a support verb,
	// logistics). Each alone is everyday; the three together in a season
	// are a side's post, whatever the wording.
	frPersonAny = mustFre(gPersonB)
	frCandMark  = mustFre(`(?i)\b(bakal calon|calon (?:wali|wakil|gubernur|bupati|anggota|legislatif|dewan|dprd|dpd|presiden|kepala daerah|pemimpin|nomor|walikota)|caleg|bacaleg|cawali|cawawali|cagub|cawagub|pilwali|pilkada|pilgub|pemilu|pileg|pencoblosan|kotak suara|pemenangan|timses|tim sukses|menang|manang|menangkan|rekomendasi partai|maju (?:di|ke|sebagai|jadi|pada|dalam)|tembus (?:ke|jadi)|sampai (?:manang|menang|jadi|tuntung|terpilih|ke balai kota)|relawan (?:sahabat|teman|sedulur|pendukung|kawan)|(?-i:[Rr]elawan [A-Z][a-z]+)|dapil|dua periode|nomor urut|hari pemilihan|pemilihan|hari pencoblosan|coblosan|kandidat|debat (?:kandidat|calon|paslon|publik)|jagoan|pendukung|pantas jadi|layak jadi|jadi (?:pemimpin|pamimpin|wali ?kota|gubernur)|pemimpin (?:baru|muda|kita)|nomor [1-9])\b`)
	// Volunteers of a civic body: "Relawan Tagana", "relawan PMI".
	// frTrafficNotice marks a traffic or closure notice: "mohon pengendara
	// menyesuaikan" around a campaign event routes traffic, it does not
	// invite anyone to the event.
	frTrafficNotice = mustFre(`(?i)\b(?:pengalihan arus|rekayasa lalu lintas|arus lalu lintas|arus kendaraan|dialihkan melalui|penutupan (?:jalan|ruas)|ditutup sementara|pengendara|pengguna jalan|rute alternatif|jalur alternatif|info lalin)\b`)
	// A traffic notice's ask is to road users ("Mohon cari rute alternatif
	// & ikuti arahan petugas"): its "mohon" invites no one to the event.
	frDriverAsk = mustFre(`(?i)\b(?:mohon|dimohon|harap|diharapkan|diimbau|dihimbau|agar)\s+(?:\S+\s+){0,3}?(?:pengendara|pengguna jalan|cari rute|mencari rute|rute alternatif|jalur alternatif|menghindari|hindari|menyesuaikan|berhati-hati|hati-hati|ikuti arahan|mengikuti arahan|mematuhi)`)
	// ... unless the notice also asks people to the event.
	frEventAsk       = mustFre(`(?i)\b(?:ayo|yuk|mari|ramaikan|hadiri|hadirilah|datanglah|ditunggu|kami tunggu|jangan lupa hadir)\b`)
	frCivicVolunteer = mustFre(`(?i)\brelawan (?:` + gCivicBody + `)\b`)
	frAct            = mustFre(`(?i)\b(selamat|ultah|ulang tahun|milad|bertambah usia|semoga|mudahan|doa kami|sukses|dukung|dukungan|bela|tetap (?:pak|pa|bu|ibu|abah|bang)|haja|kumpul|bakumpul|berangkat|bus|jemput\w*|kendaraan|kaos|kaus|atribut|hadir|hadiri|ikut|memang (?:peduli|dekat|baik)|dekat dengan rakyat|pilih|coblos|umpat|ramaikan|ayo|yuk|mari|all out|habis-habisan|merapat|konvoi|arak-arakan|iring\w*|mengantar|antar|pantas|cocok|butuh|kerja nyata)\b`)
	// Mobilisation for a person without an election word: a person's
	// visit or welcome with a gathering and a dress or kit.
	frGatherAct = mustFre(`(?i)\b(kumpul|bakumpul|berkumpul|berangkat|tulak|bus|jemput\w*|kendaraan)\b`)
	frDressKit  = mustFre(`(?i)\b((?:pakai|pakaian|baju|kaos|kaus|atasan|seragam|dresscode|dress code)\s+(?:\w+\s+)?(?:merah|kuning|hijau|biru|putih|oranye|orange|ungu|hitam|pink|coklat)|kaos|kaus|baju kaus|atribut)\b`)
	frInvite    = mustFre(`(?i)\b(ayo|yuk|mari|ikut|menyambut|sambut|hadiri|ramaikan|dimohon|diharapkan|bagi (?:staf|warga|pegawai))\b`)
	// "Manang Pa Hasbi!", "menangkan Bu X": a cheer for a person.
	frCheerPerson = mustFre(`(?i:manang|menangkan|hidup|jayalah|lanjutkan)\s+` + gPersonB)
	// "tanggal 28 jangan salah kotak" with a colour or a wink.
	frWrongBox = mustFre(`(?i)\bjangan (?:sampai )?salah (?:kotak|coblos|pilih|nyoblos|gambar)\b`)
	frWinkHint = mustFre(`(?i)(\b(?:tau|tahu|paham|ngerti|mengerti) kan maksud\w*|😉|\b(?:kompak|pakai|baju|kaos|warna)\s+(?:\w+\s+)?(?:merah|kuning|hijau|biru|putih|oranye|orange|ungu|pink)\b|\bnomor \d)`)
	// "coblos kotak bergambar ka'bah": a party's symbol on the ballot.
	frSymbolVote = mustFre(`(?i)\b(?:coblos|pilih|bergambar|gambar|lambang)\s+(?:\w+\s+){0,2}?(banteng|beringin|ka'?bah|moncong putih|mercy|bulan bintang|matahari|kepala garuda|bola dunia|bulan sabit|mawar)\b`)
)

var (
	// A procession for a side: "ikut konvoi mengantar pasangan X–Y",
	// "arak-arakan pendukung Bu X … ikut merapat".
	frProcession = mustFre(`(?i)\b(konvoi|arak-arakan|iring-iringan|pawai|long march|mengantar|mengantarkan|mengiringi)\b`)
	frJoinCall   = mustFre(`(?i)\b(mengajak|ajak|ayo|yuk|mari|ikut|merapat|warga yang mau|yang mau ikut|bagi yang)\b`)
	frSideNamed  = mustFre(`(?:\b(?i:pasangan|paslon|pendukung|relawan)\s+` + gName + `|` + gPersonB + `|\b` + gPair + `\b)`)
	// "#HamidSari2029": a side's name hashtag with a coming vote's year.
	frTagNameYear = mustFre(`#([A-Z][a-z]{2,})([A-Z][a-z]{2,})?(?:2029|2030|2031|2034)\b`)
	// "pilih yang bajunya ungu": a side's colour as the choice.
	frChooseColour = mustFre(`(?i)\b(?:pilih|coblos|nyoblos|milih|pilihlah)\s+(?:yang|nang|yg)\s+(?:baju|kaos|kaus|jas|warna|kemeja|seragam|benderanya)\w*\s+(?:\w+\s+)?(?:merah|kuning|hijau|biru|putih|oranye|orange|ungu|pink|hitam)\b`)
	// "Samarinda butuh pemimpin muda! Bang X": a person as the leader
	// the city needs.
	frNeedLeader = mustFre(`(?i)\b(?:butuh|perlu|parlu|memerlukan|membutuhkan)\s+(?:sosok\s+)?(?:pemimpin|pamimpin)\b`)
	// "dukung jagoan kita": a side left unnamed.
	frBackOurOwn = mustFre(`(?i)\b(?:dukung|menangkan|kawal|bela|support|pilih)\s+(?:\w+\s+)?jagoan (?:kita|kami|warga)\b`)
	// "Pa X nomor 1 haja": a person and a ballot number settled.
	frPersonNumSettled = mustFre(gPersonB + `\s+(?i:no|nomor|nomer)\.?\s*0?[1-9]\s+(?i:haja|aja|saja|pang|pokoknya|fix)\b`)
)

// tagNameSide is the side of a name hashtag with a year: a civic or
// election hashtag ("#PemiluDamai2029", "#Samarinda2029") is none.
func tagNameSide(_ *Index, _ *pstate, m []string) string {
	for _, w := range m[1:] {
		if l := strings.ToLower(w); genericStop[l] || hashtagCivic[l] || tagWinCivic[l] || frCivicTag[l] {
			return ""
		}
	}
	return genericName(m[1] + " " + m[2])
}

// frCivicTag are words of civic and election hashtags.
var frCivicTag = map[string]bool{"pemilu": true, "pilkada": true, "pilwali": true, "pilgub": true, "pileg": true, "damai": true,
	"hut": true, "pemilih": true, "netral": true, "ayo": true, "mari": true, "sukses": true, "tolak": true, "lawan": true,
	"gerakan": true, "hari": true, "jaga": true, "coblos": true, "menuju": true, "emas": true, "kota": true, "hebat": true, "maju": true,
	"indonesia": true, "samarinda": true, "kaltim": true, "nkri": true, "bangsa": true, "rakyat": true, "kita": true, "juara": true,
	// A service's round ("#Vaksin4", "#Imunisasi2", "#Posbindu3").
	"vaksin": true, "vaksinasi": true, "imunisasi": true, "dosis": true, "booster": true, "posbindu": true, "bias": true}

var (
	// "#SulaimanMenang": a person's name hashtag with a win or a term.
	frTagNameWin = mustFre(`#([A-Z][a-z]{2,})(?:Menang|MenangLagi|Pasti|Lanjut|Terus|DuaPeriode|Jadi|WaliKota|Walikota|Gubernur|Juara)\b`)
	// "coblos nomor 3": a vote for a ballot number, also after a contest
	// notice (the number is the ballot's, not the contest's).
	frVoteNumber = mustFre(`(?i)\b(?:coblos|nyoblos|contreng|pilihlah|pilih)\s+(?:no|nomor|nomer|nmr)\.?\s*0?([1-9])\b`)
	// "isuk kita coblos Pa X": a vote for a person.
	frVotePerson = mustFre(`(?i:coblos|nyoblos|cucuk|pilih|milih|bapilih|pilihlah|menangkan)\s+(?:(?i:haja|aja|saja|terus|ai|lah|pang)\s+)?` + gPersonB)
	// A call reported, not made: "dalam orasinya, X minta relawan 'coblos
	// nomor 2'".
	frReportedCall = mustFre(`(?i)(\b(?:orasi\w*|minta|meminta|menurut|kata|ujar|menyerukan|berseru|teriak\w*|pidato\w*)\b|['"‘“]\s*(?:coblos|pilih|nyoblos))`)
	frClubChair    = mustFre(`(?i)\b(?:sebagai|jadi|menjadi)\s+(?:ketua|bendahara|sekretaris|pengurus|juara|duta|ketua kelas)\b`)
)

var (
	// "menyambut rombongan Pak X di bandara … kumpul": a welcome of a
	// person (not an office) with people gathered for it.
	frWelcomePerson = mustFre(`(?i:menyambut|sambut|jemput|menjemput|mengelu-elukan)\s+(?:(?i:kedatangan|rombongan|kunjungan)\s+)?` + gPersonB)
	// "Makasih warga nang sudah datang ka silaturahmi lawan Pa X": thanks
	// for attending a person's occasion.
	frThankAttend = mustFre(`(?i)\b(?:terima kasih|makasih|makasi|trims|matur nuwun)\b.{0,50}?\b(?:datang|hadir|rami|ramai|meramaikan|memadati|menghadiri)\b`)
	// "Aku sih tim Pak X": a side's team joined.
	frTeamOf = mustFre(`(?i:aku|saya|ulun|kami|kita|gue|gw)\s+(?:\w+\s+)?(?i:tim|kubu|barisan|pendukung|pasukan)\s+` + gPersonB)
	// "pokoknya … Pak X": a settled choice, read with the vote day.
	// "jangan lupa nyoblos 28 November": a reminder to vote, beside a
	// greeted person too, settles no side.
	frCivicVoteDay = mustFre(`(?i)\b(?:jangan lupa|jgn lupa|ingat) (?:untuk )?(?:nyoblos|mencoblos|memilih|datang ke tps|ke tps|gunakan hak pilih|menggunakan hak pilih)\b`)
	frSettleWord   = mustFre(`(?i)\b(pokoknya|fix|jangan lupa|ingat|haja|tidak pakai lama|gak pakai lama)\b`)
	// "Pa X (wan Bu Y) haja nang kawa dipercaya": a person or a pair as
	// the only choice.
	frPersonOnly = mustFre(gPersonB + `(?:\s+(?i:wan|dan|&)\s+` + gPersonB + `)?\s*,?\s+(?i:haja|aja|saja)\b`)
	// "nasi kuning Haji Ramlah haja": a shop or a dish named after its
	// owner is no candidate.
	frShopPerson = mustFre(`(?i:nasi \w+|soto|warung|toko|bengkel|kue|sate|bakso|depot|rumah makan|laundry|salon|apotek|mie|ayam|pentol|penjahit|tukang)\s+(?:[A-Z]\w+\s+)?` + gPersonB)
	frChoiceWord = mustFre(`(?i)\b(pilihan|pilih|dipercaya|sudah bulat|bulat|sudah mantap|usung|bapencar|bepencar|gasan (?:samarinda|banua|kota|kaltim|wali|gubernur)|isuk|tps|nang kawa|nang paling|yang paling|pamimpin|pemimpin|labih baik|lebih baik|pantas|layak|cocok|bapikir|ragu)\b`)
	// "isuk kami balas di TPS": a debt repaid at the ballot.
	frRepayAtBallot = mustFre(`(?i)\b(?:balas|bayar|ingat|buktikan|tunjukkan)\s+(?:\w+\s+){0,2}?(?:di|ka|ke)\s+(?:tps|bilik suara|bilik)\b`)
)

// hasParty reports a catalog party among the post's targets.
func (ix *Index) hasParty(st *pstate) bool { return ix.firstParty(st) != "" }

// firstParty is the first catalog party among the post's targets, or "".
func (ix *Index) firstParty(st *pstate) string {
	for _, tg := range st.targets {
		if a := ix.actors[tg.actor]; a != nil && a.Kind == "party" {
			return a.ID
		}
	}
	return ""
}

// symbolPartySide is the catalog party whose symbol word or emoji a frame
// captured (its first group).
func symbolPartySide(ix *Index, _ *pstate, m []string) string { return ix.symbolParty(m[1]) }

// campaignerSide is the candidate or pair whose campaign a post shares,
// reposts or answers (see sharedCampaigner).
func campaignerSide(ix *Index, st *pstate, _ []string) string { return ix.sharedCampaigner(st) }

// personAnySide is the first person the post names that is no office.
func personAnySide(_ *Index, st *pstate, _ []string) string {
	for _, m := range frPersonAny.FindAllStringSubmatch(st.hay(), -1) {
		if n := strings.Fields(m[1]); len(n) > 0 && nearNameOK(n[0]) {
			return genericName(trimDays(m[1]))
		}
	}
	return ""
}

// personSide is the side of a person frame: the first capture must be a
// name, not an office.
func personSide(_ *Index, _ *pstate, m []string) string {
	if len(m) < 2 || m[1] == "" {
		return ""
	}
	name := m[1]
	// "Pa Haji Syahrani": the pilgrim's title before the name.
	if rest, ok := strings.CutPrefix(name, "Haji "); ok && rest != "" {
		name = rest
	}
	if n := strings.Fields(name); len(n) == 0 || !nearNameOK(n[0]) {
		return ""
	}
	return genericName(trimDays(name))
}

// anySide fires with the post's person if it names one, else with no
// named side.
func anySide(_ *Index, st *pstate, _ []string) string {
	if p := honorPerson(st.hay()); p != "" {
		return p
	}
	return "unlisted:calon"
}

// partySide is the catalog party the cue follows ("PKB pang!", "Partai
// Buruh hadir,").
func partySide(ix *Index, st *pstate, m []string) string {
	if len(m) < 2 {
		return ""
	}
	w := strings.ToLower(strings.ReplaceAll(m[1], "-", ""))
	for _, tg := range st.targets {
		if a := ix.actors[tg.actor]; a != nil && a.Kind == "party" {
			id := strings.ReplaceAll(a.ID, "-", "")
			if len(w) >= 2 && strings.HasSuffix(id, w) {
				return a.ID
			}
		}
	}
	return ""
}

// symbolSide maps a party's symbol to the party.
func symbolSide(_ *Index, _ *pstate, m []string) string {
	switch l := strings.ToLower(m[1]); {
	case l == "banteng" || l == "moncong putih":
		return "pdip"
	case l == "beringin":
		return "golkar"
	case strings.HasPrefix(l, "ka"):
		return "ppp"
	case l == "mercy":
		return "demokrat"
	}
	return "unlisted:partai-" + strings.ToLower(m[1])
}

// frames are the rows of round 10's frame layer.
var frames = []frame{
	{rule: "mobilisation", parts: []*fre{frOccasionPerson, frLogistics}, side: personSide, mobilise: true},
	{rule: "mobilisation", parts: []*fre{frActivityPerson, frCandRole, frLogistics}, side: personSide, mobilise: true},
	{rule: "mobilisation", parts: []*fre{frOccasionPair, frAttended}, side: func(_ *Index, _ *pstate, m []string) string { return genericName(m[1]) }, mobilise: true},
	{rule: "support-call", parts: []*fre{frCandidacy}, side: personSide, news: true},
	{rule: "greeting", parts: []*fre{frGreet, frElectWish}, side: anySide, anyDay: true, team: true, not: reSelection},
	{rule: "greeting", parts: []*fre{frCandidateOf, frGreet, frGoodWish}, side: anySide, news: true, team: true},
	{rule: "greeting", parts: []*fre{frRegisterGreet, frVictoryWish}, side: anySide, news: true, team: true, not: fr11AfterVote},
	{rule: "mobilisation", parts: []*fre{frCandidacyEvent}, side: personSide, news: true, mobilise: true},
	{rule: "party-service", parts: []*fre{frPersonRole, frAidWord, frThankWish}, side: personSide},
	{rule: "slogan", parts: []*fre{frPartyCheer, frPartyCheerEnd}, side: partySide},
	{rule: "attributes", parts: []*fre{frSymbolWin}, side: symbolSide},
	{rule: "support-call", parts: []*fre{frPersonNum}, side: personSide},
	{rule: "campaign-hashtag", parts: []*fre{frTagNameNum}, side: func(_ *Index, _ *pstate, m []string) string {
		if l := strings.ToLower(m[1]); genericStop[l] || hashtagCivic[l] || tagWinCivic[l] || frCivicTag[l] || tagCounterWords[l] {
			return ""
		}
		return genericName(m[1])
	}},
	{rule: "support-call", parts: []*fre{frPersonOffice}, side: personSide},
	{rule: "support-call", parts: []*fre{frPersonLeader}, side: personSide},
	{rule: "support-call", parts: []*fre{frSupportHaja, frOfficeWord}, side: personSide},
	{rule: "support-call", parts: []*fre{frPersonLeader, frWishWin}, side: personSide},
	{rule: "support-call", parts: []*fre{frCheerPerson}, side: personSide},
	{rule: "attributes", parts: []*fre{frWrongBox, frWinkHint}, side: anySide},
	{rule: "attributes", parts: []*fre{frSymbolVote}, side: symbolSide},
	{rule: "mobilisation", parts: []*fre{frPersonAny, frGatherAct, frDressKit, frInvite}, side: personAnySide, mobilise: true},
	{rule: "mobilisation", parts: []*fre{frSideNamed, frProcession, frJoinCall}, side: func(ix *Index, st *pstate, m []string) string {
		if p := personAnySide(ix, st, m); p != "" {
			return p
		}
		if pm := rePairBare.FindStringSubmatch(st.hay()); pm != nil {
			return genericName(pm[1])
		}
		return ""
	}, news: true, mobilise: true},
	{rule: "campaign-hashtag", parts: []*fre{frTagNameYear}, side: tagNameSide},
	{rule: "attributes", parts: []*fre{frChooseColour}, side: anySide},
	{rule: "support-call", parts: []*fre{frNeedLeader, frPersonAny}, side: personAnySide},
	{rule: "support-call", parts: []*fre{frBackOurOwn}, side: anySide, team: true},
	{rule: "support-call", parts: []*fre{frPersonNumSettled}, side: personSide, civic: true},
	{rule: "mobilisation", parts: []*fre{frOccasionPerson, frThankAttend}, side: personSide, mobilise: true},
	{rule: "support-call", parts: []*fre{frTeamOf}, side: personSide},
	{rule: "mobilisation", parts: []*fre{frWelcomePerson, frGatherAct}, side: personSide, mobilise: true},
	{rule: "support-call", parts: []*fre{frPersonAny, frSettleWord}, side: func(ix *Index, st *pstate, m []string) string {
		if !ix.voteDayNamed(st.hay(), st.day) {
			return ""
		}
		return personAnySide(ix, st, m)
	}, not: frCivicVoteDay},
	{rule: "support-call", parts: []*fre{frPersonOnly, frChoiceWord}, side: personSide, not: frShopPerson},
	{rule: "support-call", parts: []*fre{frRepayAtBallot, frPersonAny}, side: personAnySide, civic: true},
	{rule: "mobilisation", parts: []*fre{frOccasionPerson, frCandRole}, side: personSide, mobilise: true},
	{rule: "campaign-hashtag", parts: []*fre{frTagNameWin}, side: func(_ *Index, _ *pstate, m []string) string {
		if l := strings.ToLower(m[1]); genericStop[l] || hashtagCivic[l] || tagWinCivic[l] || frCivicTag[l] {
			return ""
		}
		return genericName(m[1])
	}},
	{rule: "support-call", parts: []*fre{frVoteNumber}, side: func(_ *Index, _ *pstate, m []string) string { return "ballot-" + m[1] }, sport: true, not: frReportedCall},
	{rule: "support-call", parts: []*fre{frVotePerson}, side: personSide, not: frClubChair, team: true},
	{rule: "support-praise", parts: []*fre{frPersonAny, frCandMark, frAct}, side: personAnySide, team: true, not: frCivicVolunteer, civic: true},
}

func init() {
	for i := range round11Frames {
		round11Frames[i].join = true
	}
	frames = append(frames, round11Frames...)
}

// colourAgainRaw reports "merahin lagi", "2029 kuningkan": a party's
// colour made a region's again, read in any season (gate: a byte check
// before the regexp).
func colourAgainRaw(st *pstate) bool {
	if st.doc == nil || !strings.Contains(st.doc.Raw, "in lagi") && !strings.Contains(st.doc.Raw, "kan lagi") && !strings.Contains(st.doc.Raw, "20") {
		return false
	}
	return fr11ColourAgain.MatchString(st.hay())
}

// joinParts is the words of every part of a frame in the post's order,
// joined by " … " (overlapping parts once).
func joinParts(hy *hay, parts []*fre) string {
	var spans [][]int
	for _, p := range parts {
		if loc := p.FindStringIndex(hy); loc != nil {
			spans = append(spans, loc)
		}
	}
	slices.SortFunc(spans, func(a, b []int) int { return a[0] - b[0] })
	var b strings.Builder
	end := -1
	for _, sp := range spans {
		if sp[0] < end {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" … ")
		}
		b.WriteString(strings.TrimSpace(hy.raw[sp[0]:sp[1]]))
		end = sp[1]
	}
	return b.String()
}

// lazyMatch memoises one regexp's verdict on one hay, read when first
// asked: most posts never need it.
type lazyMatch struct{ state int8 } // 0 unknown, 1 no match, 2 match

// match reports whether re matches h, reading it once.
func (l *lazyMatch) match(re *fre, h *hay) bool {
	if l.state == 0 {
		l.state = 1
		if re.MatchString(h) {
			l.state = 2
		}
	}
	return l.state == 2
}

// shapeFrames reads the frame table for a post whose sides nothing else
// found.
func (ix *Index) shapeFrames(st *pstate, c *pctx, season bool) []genericHit {
	// A news outlet's post is a report; its opinion pieces are read by
	// opinionFrames.
	if st.doc == nil || st.media || c.quote {
		return nil
	}
	// A neutral cue or an undecided author stops every frame but those
	// said to the undecided.
	onlyUndecided := c.neutral && c.uncivic || c.undecided
	// Out of season only a party's anniversary wished a win reads (gate:
	// it needs a party or election words), so most posts stop here before
	// their hay is made.
	if !season && !c.elecText && !ix.hasParty(st) && !colourAgainRaw(st) && !outOfSeason12(st) {
		return nil
	}
	hy := st.hay()
	if frCivicPerson.MatchString(hy) || reElectionStaff.MatchString(hy) {
		return nil
	}
	queue := frQueue.MatchString(hy)
	community := reCommunityRole.MatchString(hy)
	var sport lazyMatch // read when a frame first asks
	for i := range frames {
		f := &frames[i]
		if queue && !f.queue || onlyUndecided && !f.undecided || !season && !f.anyDay || c.hardNews && !f.news || community && !f.mobilise || c.neutral && !f.civic && !f.undecided {
			continue
		}
		var m []string
		ok := true
		for j, p := range f.parts {
			if j == 0 {
				if m = p.FindStringSubmatch(hy); m == nil {
					ok = false
					break
				}
			} else if !p.MatchString(hy) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if !f.sport && sport.match(reSport, hy) {
			continue
		}
		if f.team && reTeam.MatchString(hy) || f.not != nil && f.not.MatchString(hy) {
			continue
		}
		if s := f.side(ix, st, m); s != "" {
			text := strings.TrimSpace(m[0])
			if f.join {
				text = joinParts(hy, f.parts)
			}
			return []genericHit{{rule: f.rule, actor: s, text: text, oppose: f.oppose}}
		}
	}
	return nil
}
