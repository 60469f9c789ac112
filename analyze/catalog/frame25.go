package catalog

import (
	"strconv"
	"strings"
)

// Round 25's frames: the miss classes of seven independent tune sets (AP
// … AV) and, after their one scoring, of three blind pairs (BK … BP).

var (
	// A lucky number with the vote day named: "Nomor dua memang nomor
	// untung kita pang, ingati lah tanggal 28 isuk 😉".
	fr25LuckyNum = mustFre(`(?i)\b(?:nomor|no\.?|angka)\s+(satu|dua|tiga|empat|lima|0?[1-5])\b.{0,40}?\b(?:nomor|angka)\s+(?:untung|keberuntungan|hoki|favorit|kesayangan|cantik)\s+(?:kita|kami|ulun|warga|kampung)\b`)
	// The vote day by its date: "tanggal 28", "27 Nov", "14/2". Whether it
	// is the vote day is the side function's check against the calendar.
	fr25VoteDate = mustFre(`(?i)\b(?:tanggal|tgl\.?|tg\.?)\s*(\d{1,2})\b|\b(\d{1,2})\s*(?:nov|november|feb|februari|peb)\b|\b(\d{1,2})/(?:11|2|02)\b`)
	// Fingers and a keycap of the same number: "Foto pakai jari tiga biar
	// kompak 😁 3️⃣".
	fr25FingerWord = mustFre(`(?i)\b(?:jari\s+(satu|dua|tiga)|(satu|dua|tiga)\s+jari)\b`)
	fr25Keycap     = mustFre("([1-3])\uFE0F?\u20E3")
	// A ballot number praised at a debate: "Debat malam ini 01 paling
	// nyambung, gagasannya jelas 👏".
	fr25NumBest = mustFre(`(?i)(?:^|[\s.,!…])0([1-5])\s+(?:(?:yg|yang|nang)\s+)?paling\s+(?:nyambung|jelas|mantap|masuk akal|keren|bagus|oke|ok|logis|berbobot|menguasai|siap|layak|cerdas|tenang|bijak|meyakinkan|solutif|konkret|realistis)\b`)
	fr25Debate  = mustFre(`(?i)\b(?:debat|visi misi|visi-misi|adu gagasan|gagasan\w*|program\w*|paparan)\b`)
	// "AMINkan 🤲": the pair's acronym in a prayer's word, in capitals.
	fr25AminPun = mustFre(`\b(AMIN)-?(?:kan|kn|in|lah)(?:\b|[A-Z])`)
	// A side's acronym wished a win in a hashtag: "#HEDImenang".
	fr25AcroWinTag = mustFre(`#([A-Z]{3,8})(?:menang|Menang|MENANG|lanjut|Lanjut|LANJUT|jilid2|Jilid2|2periode|DuaPeriode|duaperiode|pastimenang|PastiMenang)\b`)
	// A side's campaign material handed out by the office: "brosur paslon
	// tolong dibagi ke tiap rumah". The election body's own material for
	// every pair, material taken down, and someone else's act seen and
	// reported ("Td liat pak RT … tempel stiker paslon … mau lapor") are
	// not this.
	fr25Material   = mustFre(`(?i)\b(?:brosur|stiker|sticker|kalender|pamflet|selebaran|flyer|leaflet|apk|alat peraga|bahan kampanye|kartu nama)\s+(?:kampanye\s+)?(?:paslon|calon|caleg|cawali|cagub|capres|pasangan|partai|nomor|no\.?)\b`)
	fr25HandOut    = mustFre(`(?i)\b(?:dibagi|dibagikan|bagikan|bagiin|dibagiin|disebar|sebarkan|disebarkan|edarkan|diedarkan|antar|antarkan|tempel|tempelkan|ditempel)\b`)
	fr25MaterialOK = mustFre(`(?i)\b(?:kpu|bawaslu|panwas\w*|gakkumdu|satpol|penertiban|ditertibkan|menertibkan|dicopot|diturunkan|menurunkan|dibersihkan|pelanggaran|melanggar|dilarang|larangan|jangan|jgn|tidak boleh|tdk boleh|semua paslon|seluruh paslon|masing-masing paslon|setiap paslon|tiap paslon|lapor\w*|dilaporkan|liat|lihat|melihat|ketahuan|kedapatan|boleh ?kah|apakah|kok)\b`)
	// A ballot number told to end: "01 cukup jadi sejarah 😒".
	fr25NumEnough = mustFre(`(?i)(?:^|[\s.,!…])0([1-5])\s+(?:cukup|udah cukup|sudah cukup|sdh cukup|cukuplah)\s+(?:jadi sejarah|sekali|sampai di sini|sampai sini|sampe sini|satu periode|1 periode|kemarin|dulu)\b`)
	// A vote withheld from a number: "Jangan kasih suara ke 02".
	fr25NoVoteTo = mustFre(`(?i)\b(?:jangan|jgn|jan|kada usah|gak usah|ga usah|nggak usah)\s+(?:kasih|beri|berikan|kasi|bari)\s+(?:suara|suaranya)\s+(?:ke|kepada|untuk|utk|buat|gasan)\s+(?:paslon\s+|nomor\s+|no\.?\s*)?0?([1-5])\b`)
	// A side's slogan mocked: "hati2 sama paslon yg jualan 'perubahan'
	// padahal partainya sendiri …".
	fr25SloganJibe = mustFre(`(?i)\b(?:paslon|calon|capres|pasangan|partai|kubu|sebelah)\s+(?:yg|yang)\s+(?:jualan|menjual|jual|jualin|koar-koar|koar2|teriak-teriak|teriak2|gembar-gembor|gembar gembor|ngomong|omong)\s+['"‘“]?(perubahan|keberlanjutan|lanjutkan|sat set|gemoy)['"’”]?`)
	// Only one pair guarantees what the city needs: "Hanya pasangan
	// Prabowo–Gibran yang menjamin kesinambungan".
	fr25OnlyPair = mustFre(`\b(?i:hanya|cuma|satu-satunya)\s+(?i:pasangan|paslon|calon)?\s*(` + gPair + `)\s+(?i:yang|yg)\s+(?i:menjamin|bisa|mampu|sanggup|layak|pantas|siap)\b`)
	// The empty box preferred in an opinion: "sebaiknya memang menolak".
	fr25EmptyBoxStand = mustFre(`(?i)\b(?:kotak|kolom) kosong\b.{0,160}?\b(?:itu sikap|adalah sikap|sebaiknya (?:memang )?(?:menolak|memilih (?:kotak|kolom) kosong)|lebih baik (?:menolak|pilih (?:kotak|kolom) kosong)|mending (?:pilih )?(?:kotak|kolom) kosong)\b`)
	// The election body's supply of every side's campaign material
	// ("bahan kampanye yang difasilitasi KPU untuk kedua paslon").
	reBodyFacilitates = mustFre(`(?i)\bkpu\b.{0,80}\b(?:memfasilitasi|difasilitasi|fasilitasi|membagikan|mencetak|dicetak)\b|\b(?:memfasilitasi|difasilitasi|fasilitasi)\b.{0,40}\bkpu\b|\b(?:kedua|semua|seluruh|masing-masing|setiap) (?:paslon|pasangan calon|kandidat)\b`)
	// A match's or a club's words beside a hashtag's win.
	fr25TeamWords = mustFre(`(?i)\b(?:tim (?:futsal|voli|sepak ?bola|basket|bola|kebanggaan)|nobar|final|semifinal|laga|klub|suporter|supporter|liga|pertandingan|turnamen)\b|⚽|🏀|🏐|🏸`)
	// A pair's campaign visit reposted with cheers: "📌 Repost: kunjungan
	// paslon nomor 2 ke Pasar Segiri … Ramai sekali warga menyambut 🔥".
	fr25PairNum    = mustFre(`(?i)\b(?:paslon|pasangan calon|pasangan|calon)\s+(?:nomor\s+(?:urut\s+)?|no\.?\s*)0?([1-5])\b`)
	fr25RepostHead = mustFre(`(?i)^\W*(?:repost|regram|reshare|share ulang|rt)\b`)
	fr25Cheer      = mustFre(`(?i)\b(?:ramai sekali|rame banget|ramai banget|meriah|antusias|luar biasa|mantap|keren|tumpah ruah|kita tunggu|ditunggu|semangat terus|sukses terus|gas terus)\b|🔥|👏|💪`)
	// The blind pair BK and BL's misses near these rules (0.9599 pooled,
	// 75/80, no false breach, on b27669c):
	//
	// A party's record forwarded to be spread: "Forward dari grup sebelah
	// 👇 Capaian program banteng di Kaltim selama 10 thn … disebar ke warga".
	fr25PartyRecord = mustFre(`(?i)\b(?:capaian|prestasi|keberhasilan|kinerja|rapor|kerja nyata|bukti kerja)\s+(?:program\s+|kerja\s+)?(banteng|beringin|pdip|pdi-p|pdi perjuangan|golkar|gerindra|pkb|pks|pan|nasdem|demokrat|ppp|perindo|psi|hanura|gelora)\b`)
	// A side's acronym chosen: "Tahun ini ulun pilih SABAR pulang".
	fr25ChooseAcro = mustFre(`\b(?i:pilih|milih|memilih|coblos|nyoblos|mencoblos)\s+(?:(?i:haja|aja|saja)\s+)?([A-Z]{3,8})\b`)
	// The 2024 court ruling called unethical, with its beneficiary named.
	fr25CourtFlaw = mustFre(`(?i)\b(?:putusan|keputusan) mk\b.{0,60}?\b(?:cacat|melanggar|pelanggaran|langgar) (?:etik|etika|moral|konstitusi)|\bcacat etik\b`)
	fr25Gibran    = mustFre(`(?i)\bgibran\b`)
	// A person thanked as "our" candidate: "Terima kasih Bung Arya
	// Wiratama, calon DPD kita".
	fr25OurCandidate = mustFre(`\b(?:Pak|Bapak|Bu|Ibu|Bang|Bung|Kak|Mas|Abah|Paman)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),?\s+(?i:calon|caleg|cawali|cagub)\s+(?:(?i:dpd|dpr|dprd|legislatif|wali ?kota|gubernur|bupati)(?:\s+(?i:ri|kaltim|samarinda|provinsi|kota))?\s+)?(?i:kita|kami|ulun|kita semua|kita bersama)\b`)
	fr25OurCandNot   = mustFre(`(?i)\b(?:kenali|profil|daftar|seluruh|para|semua)\b`)
	// A heart settled on a number: "hati udah mantap: nomor 1 utk
	// Samarinda".
	fr25SettledNum = mustFre(`(?i)\b(?:hati|hatiku|pilihan(?:ku)?)\s+(?:(?:udah|sudah|sdh|dah|makin)\s+)?(?:mantap|bulat|yakin|fix)\W+(?:(?:ke|di|sama)\s+)?(?:nomor|no\.?)\s*0?([1-5])\b`)
	// "YUNA bukan jawabannya": the column rules a side out.
	fr26OpAcroNotAnswer = mustFre(`\b([A-Z]{3,8})\s+(?i:bukan jawaban(?:nya)?|bukan solusi(?:nya)?|bukan pilihan (?:yang )?tepat)\b`)
	// An opinion's acronym to be voted out: "RIDHO layak dikoreksi di
	// bilik suara".
	fr25OpAcroOust = mustFre(`\b([A-Z]{3,8})\s+(?i:layak|perlu|harus|pantas|wajib)\s+(?i:dikoreksi|diganti|dievaluasi|disudahi|dihentikan|diberi kartu merah|diistirahatkan)\b`)
	// A campaign's post reposted with its credit: "Repost 🔁 … (cr:
	// @prabowogibran.kaltim)".
	fr25RepostAny = mustFre(`(?i)\b(?:repost|regram|reshare|rt)\b|🔁`)
	fr25Credit    = mustFre(`(?i)\b(?:cr|credit|kredit|sumber|src|via)\s*:?\s*@\w+`)
	// "Kita support Bang Rudy biar kada kalah debat".
	fr25WeSupport = mustFre(`\b(?i:kita|kami|ulun|kami semua|kita semua)\s+(?i:support|dukung|sokong)\s+` + gPersonB)
	// A number kept with its fingers: "insyaAllah tetap nomor satu ☝️".
	fr25KeptNum = mustFre(`(?i)\b(?:tetap|pasti|selalu|tetep|biar|supaya|agar|semoga)\s+(?:(?:tetap|jadi|tetep)\s+)?(?:nomor|no\.?)\s*(satu|dua|tiga|[1-3])\b`)
	// A side's acronym with an election year in a hashtag: "#FAJAR2029".
	fr25AcroYearTag = mustFre(`#([A-Z]{3,8})(?:20[2-4]\d)\b`)
	// "AMIN 🙏 (bacanya pelan2 ya 😉)": the prayer's word to be read again.
	fr25ReadSlow = mustFre(`(?i)\bbaca(?:nya)?\s+(?:pelan|pelan-pelan|pelan2|ulang|sekali lagi|baik-baik|baik2|dua kali|2x)\b`)
	// A pose's number matched to "our" pick: "tangan kompak angka 4 sesuai
	// nomor jagoan 😉".
	fr25PoseMatch = mustFre(`(?i)\b(?:angka|nomor|jari)\s+(\d{1,2})\b.{0,30}?\b(?:sesuai|sama kaya|sama kayak|sama dengan|kayak|persis)\s+(?:nomor|angka)\s+(?:jagoan|pilihan|idola|favorit|kesayangan)\b`)
	// A whole group settled on a side: "kita bulat haja ka paslon SAKTI
	// nomor 3".
	fr25SettledSide = mustFre(`\b(?i:bulat|sepakat|kompak|mantap)\s+(?:(?i:haja|aja|saja)\s+)?(?i:ka|ke|sama|lawan|di)\s+(?:(?i:paslon|pasangan|calon)\s+)?([A-Z]{3,8})\b`)
	// The incumbent backed to his face: "Makasih pak Wali, kami dukung pian
	// tarus".
	fr25BackYou   = mustFre(`(?i)\b(?:kami|kita|ulun|bubuhan kami|warga)\s+(?:dukung|mendukung|mandukung|support)\s+(?:pian|bapak|beliau|sidin|ibu|bpk)\s+(?:terus|tarus|selalu|sampai menang|sampai akhir|lagi)\b`)
	fr25Incumbent = mustFre(`(?i)\b(?:pak|bapak|bu|ibu)\s+(?:wali|walkot|wako|wali kota|walikota|gub|gubernur|bupati)\b`)
	// An opinion's acronym selling the old promises: "Pasangan RIANG
	// menjual janji yang sama dengan lima tahun lalu".
	fr25OpAcroStale = mustFre(`\b(?i:pasangan|paslon|calon)\s+([A-Z]{3,8})\s+(?i:menjual|menjajakan|mengulang|mendaur ulang|hanya menjual|masih menjual)\s+(?i:janji|mimpi|jargon|slogan|narasi)\b`)
	// A number dismissed as talk: "03 tu pandir haja", "02 omdo".
	fr25NumTalk = mustFre(`(?i)(?:^|[\s.,!…?])0([1-5])\s+(?:(?:tu|itu|ni|ini|tuh)\s+)?(?:pandir haja|pandir aja|omong doang|omdo|cuma janji|janji haja|janji doang|omong kosong|cuma omong|bapandir haja)\b`)
	// An opinion's call to give a catalogued side a chance: "Warga
	// sebaiknya memberi AH kesempatan menuntaskannya".
	fr25GiveChance = mustFre(`\b(?i:memberi|beri|berikan|memberikan|kasih)\s+([A-Z]{2,8}|` + gPair + `)\s+(?i:kesempatan|amanah|mandat)\b`)
	// The pair's acronym with its own finger: "AMIN ☝️🤲".
	fr26AminFinger = mustFre(`\bAMIN\W{0,4}☝`)
	// A pair's declaration or campaign event with a request to share it:
	// "Deklarasi pasangan Fadli–Wahyuni … Tolong share ke grup RT".
	fr26PairEvent = mustFre(`(?i:deklarasi|kampanye|orasi|peluncuran|launching|debat)\s+(?i:pasangan|paslon|bapaslon|calon)\s+(` + gPair + `)`)
	// A notice about the event, not the event shared: its supervision,
	// security or traffic.
	fr26EventNotice = mustFre(`(?i)\b(?:bawaslu|panwas\w*|mengawasi|pengawasan|pengamanan|pengalihan|jalur alternatif|lalu lintas|arus|macet|ditutup|penutupan)\b`)
	// An acronym's hashtag with its ballot number, the acronym said in
	// capitals again: "MARI kita jaga … #MARI3".
	fr26AcroNumTag = mustFre(`#([A-Z]{3,8})0?[1-5]\b`)
	// A candidate's birthday wished good news on the vote day: "Selamat
	// ulang tahun Pak Seno 🎂 … tanggal 27 nanti kabar baik datang 🤲".
	fr26Birthday     = mustFre(`(?i)\b(?:selamat ulang tahun|slamat ulang tahun|selamat ultah|met ultah|selamat milad|barakallah fii umrik|hbd|happy birthday)\b`)
	fr26GoodNewsDate = mustFre(`(?i)\b(?:tanggal|tgl\.?)\s*\d{1,2}\s+(?:nanti\s+|besok\s+|ini\s+)?(?:kabar baik|kabar gembira|hasil terbaik|hasil manis|jadi milik|jadi hari)\b`)
	// The same with the chance first: "Beri kesempatan pada DENA".
	fr26GiveChanceTo = mustFre(`\b(?i:memberi|beri|berikan|memberikan|kasih)\s+(?i:kesempatan|amanah|mandat)\s+(?i:pada|kepada|buat|untuk|bagi|ke)\s+([A-Z]{2,8}|` + gPair + `)\b`)
	// Office gear lent to a side's post: "bantu2 di posko NURANI … pickup
	// dinas sdh sy pinjamkan".
	fr25PostAcro = mustFre(`\b(?i:posko|sekretariat|markas|rumah pemenangan|basecamp|base camp)\s+([A-Z]{3,8})\b`)
	// A person's ballot number not to be forgotten: "Bang Syahrani nomor
	// 5, jgn lupa ya 😁".
	fr25PersonNum  = mustFre(gPersonB + `,?\s+(?i:nomor|no\.?)\s*(?i:urut\s+)?\d{1,2}\b`)
	fr25DontForget = mustFre(`(?i)\b(?:jangan lupa|jgn lupa|jan lupa|jangan sampai lupa|ingat ya|ingat lah|ingati)\b`)
	// Going back to a number refused: "Kaltim jgn mundur lagi ke nomor 1".
	fr25NotBack = mustFre(`(?i)\b(?:jangan|jgn|jan|kada usah|gak usah)\s+(?:mundur|balik|kembali|bulik)\s+(?:lagi\s+)?(?:ke|ka)\s+(?:nomor|no\.?)\s*0?([1-5])\b`)
	// A number to remember, in Banjar's double negative too: "isuk lusa
	// jangan kada ingat angka tiga lah dangsanak 😉".
	fr25RememberNum = mustFre(`(?i)\b(?:jangan kada ingat|jangan kada ingat lawan|jangan sampai lupa|jangan lupa|jgn lupa|ingati|ingat-ingat)\s+(?:(?:lawan|sama|dengan)\s+)?(?:angka|nomor)\s+(satu|dua|tiga|empat|lima|[1-5])\b`)
	// "AMIN aja dulu 🙏": the pair's acronym as the choice.
	fr25AminChoice = mustFre(`\b(AMIN)\s+(?i:aja|haja|saja|ajalah|ajah)\b`)
	// The undecided given a number: "Amun bingung, nomor dua haja pang".
	fr25Undecided = mustFre(`(?i)\b(?:amun bingung|mun bingung|kalau bingung|kalo bingung|klo bingung|yg masih bingung|yang masih bingung|gampang diingat|mudah diingat)\b`)
	// A pose denied with a wink: "dua jari tanda damai ya, bukan apa2 😜".
	fr25PoseDenied = mustFre(`(?i)\b(?:bukan apa-apa|bukan apa2|gak ada maksud|nggak ada maksud|ga ada maksud|tanpa maksud apa2|tanpa maksud apa-apa)\b`)
	fr25WinkFace   = mustFre(`😜|😉|🤭|😏`)
	// An office's comment under a candidate's post: "[komentar
	// @puskesmas.sempaja di postingan @aniesbaswedan] Semangat terus Pak
	// Anies 💪".
	fr25CommentOn = mustFre(`(?i)\b(?:komentar|komen|comment|balasan|reply)\b[^\]\n]{0,60}?\b(?:postingan|post|unggahan|akun|story)\s+@\w+`)
	// Only one numbered pair promises it: "hanya pasangan 02 yang
	// menjanjikannya secara konkret".
	fr25OnlyNum = mustFre(`\b(?i:hanya|cuma|satu-satunya)\s+(?i:pasangan|paslon|calon|nomor)\s+(?:(?i:nomor|no\.?)\s*)?0?([1-5])\s+(?i:yang|yg)\b`)
	// A colour chosen with a knowing face: "Sudah tahu kan mau pilih yang
	// mana 😏 yang baju biru dong".
	fr25ColourPick = mustFre(`(?i)\b(?:pilih|milih|coblos|nyoblos)?\s*(?:yang|yg|nang)\s+(?:baju|kaos|kaus|jaket|warna|bajunya)\s+(merah|kuning|biru|hijau|oranye|orange|ungu|putih)\b`)
	fr25Knowing    = mustFre(`😏|😉|🤭|(?i:\b(?:sudah|udah|udh)\s+(?:tahu|tau|paham)\s+kan\b|\btau kan\b|\btahu kan\b)`)
	// A party's colour sure to win beside its symbol: "Kuning itu cerah,
	// kuning itu pasti 💛🌳".
	fr25ColourSure = mustFre(`(?i)\b(merah|kuning|biru|hijau|oranye|ungu)\s+(?:itu\s+)?(?:pasti|menang|juara|jaya|harga mati|di hati)\b`)
	// A reply to a candidate's handle with support: "@isrannoor siap Pak
	// ai! Bubuhan Kelurahan Sidodadi mandukung penuh".
	fr25ReplyHandle = mustFre(`^\s*@\w+`)
	fr25Backing     = mustFre(`(?i)\b(?:mandukung|mendukung|dukung penuh|siap pak|siap bu|siap bang|kami dukung|kita dukung|all out)\b`)
	// A party organ's aid with the vote recalled: "dibantu bubuhan DPC
	// Demokrat … Kaina pas nyoblos ingat pang nang rajin turun".
	fr25PartyOrgan = mustFre(`(?i)\b(?:dpc|dpd|dpw|kader|relawan|fraksi)\s+(?:partai\s+)?([\w-]+)`)
	fr25VoteRecall = mustFre(`(?i)\b(?:pas|waktu|saat|kaina pas|nanti pas)\s+(?:nyoblos|mencoblos|pemilu|milih|memilih|pencoblosan)\b.{0,30}?\b(?:ingat|ingati|jangan lupa|jgn lupa)\b`)
	fr25Booth      = mustFre(`(?i)\b(?:bilik suara|surat suara|tps)\b`)
	// The voter's inked finger after the vote ("☝️ jari ungu").
	reInkFinger = mustFre(`(?i)\b(?:jari ungu|jari (?:yang |yg )?(?:sudah |udah |udh )?(?:di)?celup|tinta ungu|tinta pemilu|celup tinta|jari bertinta|kelingking ungu)\b`)
)

var round25Frames = []frame{
	{rule: "support-call", parts: []*fre{fr25LuckyNum, fr25VoteDate}, side: onVoteDay(numberSide), sport: true},
	{rule: "hand-sign", parts: []*fre{fr25FingerWord, fr25Keycap}, side: sameFingerKeycap},
	{rule: "support-call", parts: []*fre{fr25PairNum, fr25RepostHead, fr25Cheer}, side: numberSide, news: true, not: fr25MaterialOK},
	{rule: "support-praise", parts: []*fre{fr25NumBest, fr25Debate}, side: numberSide, team: true, not: fr20NumNot},
	{rule: "slogan", parts: []*fre{fr25AminPun}, side: aminSide},
	{rule: "campaign-hashtag", parts: []*fre{fr25AcroWinTag}, side: acroFrameSide, queue: true, mobilise: true, not: fr25TeamWords},
	{rule: "mobilisation", parts: []*fre{fr25Material, fr25HandOut}, side: materialSide, mobilise: true, not: fr25MaterialOK},
	{rule: "oppose-call", parts: []*fre{fr25NumEnough}, side: numberSide, oppose: true, not: fr20NumNot},
	{rule: "oppose-call", parts: []*fre{fr25NoVoteTo}, side: numberSide, oppose: true, not: fr20NumNot},
	{rule: "oppose-attack", parts: []*fre{fr25SloganJibe}, side: jibedSloganSide, oppose: true, mobilise: true},
	{rule: "support-call", parts: []*fre{fr25PartyRecord, fr11Share}, side: func(ix *Index, st *pstate, m []string) string {
		if p := ix.symbolParty(m[1]); p != "" {
			return p
		}
		return partySide(ix, st, m)
	}, mobilise: true},
	{rule: "support-call", parts: []*fre{fr25ChooseAcro}, side: acroFrameSide, team: true, not: fr25TeamWords},
	{rule: "oppose-attack", parts: []*fre{fr25CourtFlaw, fr25Gibran}, side: liveSide("prabowo-gibran"), oppose: true},
	{rule: "support-praise", parts: []*fre{fr25OurCandidate}, side: func(_ *Index, _ *pstate, m []string) string {
		return "unlisted:calon-" + strings.ToLower(strings.ReplaceAll(m[1], " ", "-"))
	}, news: true, not: fr25OurCandNot},
	{rule: "support-call", parts: []*fre{fr25RepostAny, fr25Credit}, side: campaignerSide, mobilise: true},
	{rule: "support-call", parts: []*fre{fr25WeSupport}, side: personAnySide, mobilise: true},
	{rule: "hand-sign", parts: []*fre{fr25KeptNum, fr20Fingers}, side: func(ix *Index, st *pstate, m []string) string {
		f := fr20Fingers.FindStringSubmatch(st.hay())
		if f == nil || fingerCount(ix, st, f) != numberSide(ix, st, m) {
			return "" // "tetap nomor satu ✌️" shows no one number
		}
		return numberSide(ix, st, m)
	}, team: true, news: true},
	{rule: "campaign-hashtag", parts: []*fre{fr25AcroYearTag}, side: acroTagSide, queue: true, mobilise: true},
	{rule: "slogan", parts: []*fre{fr20AminCaps, fr25ReadSlow, fr20Wink}, side: aminSide},
	{rule: "hand-sign", parts: []*fre{fr25PoseMatch}, side: numberSide, team: true},
	{rule: "support-call", parts: []*fre{fr25SettledSide}, side: acroFrameSide, team: true},
	{rule: "support-call", parts: []*fre{fr25BackYou, fr25Incumbent}, side: fixedSide("unlisted:petahana"), team: true},
	{rule: "oppose-attack", parts: []*fre{fr25NumTalk}, side: numberSide, oppose: true, team: true},
	{rule: "mobilisation", parts: []*fre{fr25PostAcro, reLogistics}, side: acroFrameSide, mobilise: true},
	{rule: "support-call", parts: []*fre{fr25PersonNum, fr25DontForget}, side: func(ix *Index, st *pstate, m []string) string {
		if p := personAnySide(ix, st, nil); p != "" {
			return p
		}
		return genericName(m[1])
	}, team: true},
	{rule: "oppose-call", parts: []*fre{fr25NotBack}, side: numberSide, oppose: true, team: true},
	{rule: "support-call", parts: []*fre{fr25RememberNum, fr20Wink}, side: numberSide, team: true, not: fr20NumNot},
	{rule: "slogan", parts: []*fre{fr25AminChoice}, side: aminSide},
	{rule: "support-call", parts: []*fre{fr25RepostHead, fr25Cheer}, side: campaignerSide, news: true, not: fr25MaterialOK},
	{rule: "support-call", parts: []*fre{fr23WhichNum, fr25Undecided}, side: numberSide, team: true, civic: true, undecided: true, not: fr20NumNot},
	{rule: "hand-sign", parts: []*fre{fr20Fingers, fr25PoseDenied, fr25WinkFace}, side: fingerCount, sport: true},
	{rule: "support-call", parts: []*fre{fr25CommentOn, fr25Cheer}, side: campaignerSide, mobilise: true},
	{rule: "attributes", parts: []*fre{fr25ColourPick, fr25Knowing}, side: func(ix *Index, _ *pstate, m []string) string {
		if p := ix.colourParty(m[1]); p != "" {
			return p
		}
		return "unlisted:warna-" + strings.ToLower(m[1])
	}, team: true, civic: true, undecided: true},
	{rule: "attributes", parts: []*fre{fr25ColourSure, fr23PartyAnimal}, side: colourSide},
	{rule: "support-call", parts: []*fre{fr25ReplyHandle, fr25Backing}, side: campaignerSide, mobilise: true},
	{rule: "party-service", parts: []*fre{fr25PartyOrgan, fr25VoteRecall}, side: partySide},
	{rule: "support-call", parts: []*fre{fr25SettledNum}, side: numberSide, team: true, civic: true, not: fr20NumNot},
	{rule: "support-call", parts: []*fre{fr25EmptyBoxStand}, side: emptyBoxSide, news: true},
	// The pair's acronym with its own finger, even closing a notice:
	// "Semoga kita sehat semua, AMIN ☝️🤲".
	{rule: "hand-sign", parts: []*fre{fr26AminFinger}, side: aminSide, news: true},
	{rule: "greeting", parts: []*fre{fr26Birthday, fr26GoodNewsDate}, side: onVoteDay(greetedSide)},
	{rule: "support-call", parts: []*fre{fr26PairEvent, fr11Share}, side: func(ix *Index, st *pstate, m []string) string {
		return offerSide(ix, st, m[1])
	}, news: true, mobilise: true, not: fr26EventNotice},
	{rule: "campaign-hashtag", parts: []*fre{fr26AcroNumTag}, side: func(ix *Index, st *pstate, m []string) string {
		if strings.Count(st.hay().raw, m[1]) < 2 {
			return "" // "#RONDA2": a schedule's number unless the acronym is said again
		}
		return acroTagSide(ix, st, m)
	}, queue: true, mobilise: true},
}

// acroTagSide is the side of an acronym's hashtag with a year or a ballot
// number ("#FAJAR2029", "#MARI3"), in a campaign only: "#PORPROV2029" is
// an event's year, "#HLH2029" or "#HAN2029" a commemoration's day (Hari …).
func acroTagSide(ix *Index, st *pstate, m []string) string {
	if eventAcronyms[m[1]] || len(m[1]) == 3 && m[1][0] == 'H' || len(ix.campaignRaces(st.day)) == 0 {
		return ""
	}
	return acroFrameSide(ix, st, m)
}

// greetedSide is the candidate a greeting names: the first catalogued
// candidate or pair the post names, else a person with an honorific.
func greetedSide(ix *Index, st *pstate, m []string) string {
	for _, t := range st.targets {
		if !t.num && !t.party && t.actor != "" {
			return t.actor
		}
	}
	return personAnySide(ix, st, m)
}

func init() {
	for i := range round25Frames {
		round25Frames[i].join = true
	}
	frames = append(frames, round25Frames...)
}

// eventAcronyms are events and bodies written with their year in a
// hashtag ("#HUTRI2029", "#PORPROV2029"), not a side's.
var eventAcronyms = map[string]bool{"HUT": true, "HUTRI": true, "PON": true, "MTQ": true, "STQ": true, "FORNAS": true,
	"PORPROV": true, "POPDA": true, "PEMILU": true, "PILKADA": true, "KPU": true, "BAWASLU": true, "HJK": true, "HARJAD": true,
	"SEAGAMES": true, "ASEAN": true, "APBD": true, "RKPD": true, "MUSRENBANG": true, "PPDB": true, "SPMB": true, "CPNS": true,
	"PPPK": true, "UN": true, "ANBK": true, "OSN": true, "FLS": true, "BBGRM": true, "TMMD": true, "HKN": true, "HGN": true}

// onVoteDay wraps a frame's side so that it fires only when the date the
// post names ("tanggal 28", "27 Nov") is the vote day of a race open on
// the post's day: a lucky number with any other date is a raffle's.
func onVoteDay(side func(*Index, *pstate, []string) string) func(*Index, *pstate, []string) string {
	return func(ix *Index, st *pstate, m []string) string {
		if st.doc == nil || !namesVoteDay(ix, st) {
			return ""
		}
		return side(ix, st, m)
	}
}

// namesVoteDay reports whether a date the post names is the day of the
// month an open race votes on.
func namesVoteDay(ix *Index, st *pstate) bool {
	for _, d := range fr25VoteDate.FindAllStringSubmatch(st.hay(), -1) {
		for _, g := range d[1:] {
			n, err := strconv.Atoi(g)
			if err != nil {
				continue
			}
			for _, race := range ix.openRaces(st.day) {
				if e := ix.elections[race]; e != nil && !e.Vote.IsZero() && e.Vote.t.Day() == n {
					return true
				}
			}
		}
	}
	return false
}

// sameFingerKeycap is the ballot a finger pose shows when a keycap of the
// same number repeats it ("jari tiga … 3️⃣").
func sameFingerKeycap(ix *Index, st *pstate, m []string) string {
	n := ""
	for _, g := range m[1:] {
		if g != "" {
			n = map[string]string{"satu": "1", "dua": "2", "tiga": "3"}[strings.ToLower(g)]
			break
		}
	}
	k := fr25Keycap.FindStringSubmatch(st.hay())
	if n == "" || k == nil || k[1] != n {
		return ""
	}
	return numberSide(ix, st, []string{"", n})
}

// materialSide is the side whose campaign material an office hands out:
// the pair or party the post names, else the material's own word.
func materialSide(ix *Index, st *pstate, _ []string) string {
	if p := namedPair(ix, st); p != "" {
		return p
	}
	if p := ix.firstParty(st); p != "" {
		return p
	}
	return "unlisted:paslon"
}

// jibedSloganSide is the pair whose slogan a jibe mocks, while its race is
// open.
func jibedSloganSide(ix *Index, st *pstate, m []string) string {
	id := map[string]string{"perubahan": "amin", "keberlanjutan": "prabowo-gibran", "lanjutkan": "prabowo-gibran",
		"gemoy": "prabowo-gibran", "sat set": "ganjar-mahfud"}[strings.ToLower(m[1])]
	if id == "" {
		return ""
	}
	return liveSide(id)(ix, st, m)
}
