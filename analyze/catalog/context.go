package catalog

import (
	"regexp"
	"strings"
)

// Context frames (issue 26, round 8): sides the catalog does not know made
// known by what surrounds them — a candidacy greeted with a wish of
// victory, a gathering "bersama" a person with buses and attendance, the
// aid of a pair's volunteers praised, a pair's acronym cheered, a finger
// pose with a wink at the vote, Banjar and colloquial support without
// "pilih", opposition by broken promises or by a party's rule, and opinion
// pieces that find only one side fit. They run only when the other generic
// frames and hints found nothing, and most only in an election season.
var (
	// A candidacy: registration, nomination, the race a wish looks to.
	reCandidacy = mustFre(`(?i)\b(pencalonan\w*|mencalonkan|(?:mendaftar|daftar|didaftarkan|terdaftar|berkas) (?:ke|di) kpu\w*|menyerahkan berkas|resmi mendaftar|resmi terdaftar|ditetapkan sebagai (?:calon|caleg|cagub|cawali|paslon)|daftar calon (?:tetap|sementara)|bakal calon|bakal caleg|bacaleg|caleg|dapil|november nanti|nanti november|di bulan november|februari nanti)\b`)
	// A wish of winning the seat.
	reWinWish = mustFre(`(?i)\b(?:semoga|moga|doakan|doa\w*|mohon doa\w*|insyaallah|aamiin|amin|agar|supaya)\b.{0,80}?\b(menang|terpilih|lolos|kursi|memimpin|dipercaya memimpin|mengemban|jadi (?:wali ?kota|gubernur|bupati|anggota dewan)|duduk di|sampai ke (?:balai kota|kantor gubernur|karang paci|senayan)|jalan terbaik (?:utk|untuk|bagi) \w+ (?:5|lima) (?:thn|tahun) ke depan)\b`)
	// A gathering with a person and the logistics of bringing people to it.
	reGathering = mustFre(`(?i)\b(silaturahmi|silaturahim|basilaturahmi|temu kangen|temu akbar|acara akbar|temu warga|halal bihalal|kumpul akbar|apel akbar|deklarasi|konsolidasi)\b`)
	reLogistics = mustFre(`(?i)\b(bus|transport\w*|konsumsi|snack|kaos|kaus|absen\w*|absensi|daftar hadir|berkumpul|kumpul|titik kumpul|bawa ktp|jangan kada datang|wajib hadir|bawa bubuhan|bawa keluarga|rombongan|ramaikan|jangan sampai sepi|truk|pikap|angkot|jemputan|mobil dinas|kendaraan dinas|mobil kantor|handak umpat|mau ikut|yg mau ikut)\b`)
	// Volunteers named by a pair's acronym, and praise of their help.
	reVolunteers = mustFre(`\b(?:Relawan|RELAWAN|relawan)\s+([A-Z]{3,8})\b(\s*\()?`)
	reAidPraise  = mustFre(`(?i)(selalu ada|(?:gak|tidak|tak|ga|nggak|kada) (?:akan|bakal) lupa|pasti ingat|tahu siapa|dibalas|balas budi|luar biasa|terima kasih|makasih|semoga berkah|hadir lagi|silakan ke posko|jasa kalian)`)
	// Hashtags of a side: an acronym with an election year, a person to
	// continue, a person for a region (written in any case), a region and
	// year beside a person, a party with its year.
	reTagAcronymYear = mustFre(`#(?:Samarinda|Kaltim|Balikpapan|Bontang)?([A-Z]{3,8})(20[2-9]\d)\b`)
	reTagContinue    = mustFre(`#(?:Lanjutkan|Lanjut|Teruskan|Terus|Tetap)([A-Z][a-z]{2,})\b`)
	reTagForAny      = mustFre(`#([A-Z]{3,}|[A-Z][a-z]+)(?:untuk|for|buat|gasan)(?:Kaltim|Samarinda|Balikpapan|Bontang|Indonesia)\b`)
	reTagRegionYear  = mustFre(`#(?:Kaltim|Samarinda|Balikpapan|Bontang)(20[2-9]\d)\b`)
	reTagParty       = mustFre(`#Partai([A-Z][a-z]+)\b`)
	// An acronym cheered: "sekeluarga HASA semua", "sudah DAME semua".
	reAcronymCheer = mustFre(`(?i:sudah|udah|udh|fix|sekeluarga|sakeluarga|sekampung|sagang|semua)\s+([A-Z]{3,8})\s+(?i:semua|semuanya|haja|aja|saja)\b`)
	// An act of sharing, a shared handle, shared content.
	reShareAct     = mustFre(`(?i)(\b(?:rt|repost(?:ed)?|regram|reshare)\s+(?:(?:dr|dari|from|video|postingan|story|reels?|konten)\s+){0,2}@|\b(?:komen(?:tar)?|comment|like|menyukai)\b.{0,60}?\b(?:postingan|unggahan|video|konten|live)\s+(?:kampanye\s+)?@|\b(?:komen(?:tar)?|comment)\b.{0,60}?\bdi\s+(?:postingan|unggahan|video|konten|live)\s+kampanye\b|\b(?:diteruskan|teruskan|share|bagikan|sebarkan|dibagikan)\b|\bwajib (?:ditonton|nonton|tonton)\b)`)
	reShareHandle  = mustFre(`(?i)\b(?:rt|repost(?:ed)?|regram)\s+(?:(?:dr|dari|from)\s+)?@`)
	reShareContent = mustFre(`(?i)\b(?:video|cuplikan|konten|postingan|unggahan|pidato|orasi)\b`)
	// A wish to be elected.
	reElectedWish = mustFre(`(?i)\b(?:semoga|smoga|moga|mudahan|mudah-mudahan|muga|insyaallah)\s+(?:\S+\s+){0,3}?(?:terpilih|tapilih)\b`)
	// A selection that is no election: an envoy, a flag troop, a grant.
	reSelection = mustFre(`(?i)\b(?:duta|paskibra\w*|beasiswa|hibah|penerima|pemenang|juri|nominasi|seleksi|audisi|ketua|pengurus)\b`)
	// The empty box run down.
	reEmptyBoxDown = mustFre(`(?i)\b(?:kotak|kolom) kosong (?:itu )?(?:bukan pilihan|buang suara|sia-sia|percuma|pilihan (?:org|orang|urang) (?:yg|yang|nang) (?:gk|gak|ga|nggak|tidak|tdk|ndak|kada) (?:paham|ngerti|mengerti|tahu|tau))\b`)
	// "Jangan sampai terulang": a record not to be repeated.
	reNotAgain = mustFre(`(?i)\b(?:jangan|jgn|jngn) sampai (?:\S+ ){0,4}?(?:terulang|taulang|tarulang|baulang|tajadi pulang|tajadi lagi|terjadi lagi)\b|\bmasa (?:mau |mo )?(?:diulang|diulangi|terulang)\b|\b(?:saatnya|waktunya) ganti(?:\s+(?:pemimpin|wali ?kota|walikota|gubernur|nakhoda|kepemimpinan))?[^\pL\pN]*$|\b(?:jangan|jgn) mau dibohongi lagi\b|\b(?:kemana|ke mana) (?:aja|saja|ajah) (?:pak|bu|bang|om)\b`)
	// A record pointed at a past leader or term.
	rePastLeader = mustFre(`(?i)\b(?:(?:waktu|zaman|jaman|era|masa) (?:gubernur|wali ?kota|walikota|pemimpin|bupati)|(?:gubernur|wali ?kota|walikota|pemimpin|bupati) (?:sebelumnya|lama|yang dulu|yg dulu|nang dulu|nang bahari|kemarin)|janji tinggal janji|(?:yang|yg) pegang (?:provinsi|kota|kaltim|samarinda)|periode (?:kemarin|lalu|sebelumnya)|(?:pak |bapak )?(?:gub|gubernur|wali|walkot|wako) (?:yg|yang|nang) (?:lama|dulu) (?:menjabat|memimpin|bajabat)|dulu (?:5|lima) (?:thn|tahun) jadi (?:gubernur|wali ?kota|walikota)|(?:sama|oleh|ama|lawan) (?:yg|yang|nang) (?:5|lima|10|sepuluh) (?:thn|tahun) (?:cuma|cuman|cm|hanya|kada|gak|tidak))\b`)
	// A past term, a record only beside a leader or a promise.
	// The incumbent addressed: "Pak Wali", "Bapak Wali Kota", "Pak Gub".
	reIncumbentAddr = mustFre(`(?i)\b(?:pak|bapak|bu|ibu|abah)\s+(?:wali(?:\s?kota)?|walkot|wako|gubernur|gub|bupati)\b`)
	// Another five years with the one addressed.
	reFurtherTerm   = mustFre(`(?i)\b(?:umpat|ikut|bersama|dukung|lanjut|lanjutkan|melanjutkan \w+|meneruskan \w+|memimpin)(?:\s+(?:haja|aja|saja|lagi|kembali|pian|bapak|ibu)){0,2}\s+(?:lima|5)\s+(?:tahun|thn)\b`)
	reTermNotOffice = mustFre(`(?i)\b(?:program|beasiswa|rpjmd|renstra|rencana|kontrak|garansi|anggaran|apbd|perda|masa berlaku|proyek|pensiun|purnatugas)\b`)
	// "Dulu ada yg janji … sekarang masih minta lanjut?": a promise broken
	// and another term asked for.
	rePastPromise = mustFre(`(?i)\bdulu (?:ada )?(?:yg|yang|nang) (?:janji|berjanji|bajanji)\b.{0,80}?\b(?:minta|mau|masih|handak) (?:\S+ )?lanjut(?:\s+(?:lagi|memimpin|(?:dua |2 )?periode))?\s*[?!.,]`)
	rePastTerm    = mustFre(`(?i)\b(?:5|lima) (?:thn|tahun) (?:kemarin|lalu|terakhir|tadi)\b`)
	reLeaderish   = mustFre(`(?i)\b(?:pilih (?:nang|yang|yg)|janji\w*|dijanji\w*|pemimpin|gubernur|wali ?kota|walikota|menjabat|memimpin|dipimpin|jabatan|(?:butuh|perlu) (?:wajah|pemimpin|nakhoda|sosok) baru)\b`)
	// A pair's registration named.
	rePairRegistration = mustFre(`(?i)\bpendaftaran (?:pasangan|paslon|bakal calon|bacalon)\b`)
	// A hashtag ending in a padded ballot number.
	reTagPadded = mustFre(`#([A-Za-z]{3,}?)0([1-9])\b`)
	// "#PGMNomor7": an acronym's ballot number spelled out in a hashtag.
	reTagAcroNomor = mustFre(`#([A-Z]{2,8})(?:Nomor|Nomer|NOMOR|No|NO)0?([1-9])\b`)
	// The empty box cheered, or readers told not to fear it.
	reEmptyBoxCheer = mustFre(`(?i)\b(?:kotak|kolom) kosong\s+(?:aja|ajalah|saja|haja|ja|pang|is the real winner|pemenang\w*|menang|juara|the best|lebih (?:jujur|baik|bagus|amanah|mending|jelas))\b|#KotakKosong(?:Aja|Saja|Haja|Menang|Juara|Pemenang)\b|\b(?:jangan|jgn|kada usah|ga usah|gak usah) takut\b.{0,40}\b(?:kotak|kolom) kosong\b`)
	// A finger emoji or pose with a wink at the vote.
	reFingerAny  = mustFre(`(☝|✌|🤟|🖐|✋|\b(?:satu|dua|tiga|empat|lima) jari\b)`)
	reFingerWink = mustFre(`(?i)(sampai menang|november nanti|nanti november|februari nanti|nanti februari|buat yg tau|buat yang tau|yang tau aja|yg tau aja|yang tahu aja|(?:yang|yg) paham (?:aja|saja|ya)|tebak (?:sendiri|aja|saja)|(?:lihat|liat|nilai) (?:sendiri|aja|saja) siapa|gaya wajib|kode keras|🤫|🤭|😉)`)
	// A day of commemoration: "#HGN2025" is Hari Guru Nasional, no side.
	reCommemoration = mustFre(`(?i)(\bselamat hari\b|\bhari [a-z]+ (?:nasional|sedunia|internasional)\b|\bhut\b|\bperingatan\b|\bdirgahayu\b)`)
	// Support by a record or a settled mind, beside a person.
	reSettled     = mustFre(`(?i)\b(lah urangnya|parlu pamimpin|pamimpin nang kaya|pemimpin seperti ini|(?:parlu|perlu) (?:urang|orang|pemimpin|pamimpin) (?:nang|yang|yg) (?:kaya|kayak|seperti|macam) (?:ini|beliau)|lanjutakan|kada bapaling|tidak berpaling|sudah bulat|(?:sudah|udah) (?:sapakat|sepakat|satu suara)|dukung haja|sampai jadi|jangan kasih (?:celah|kesempatan|peluang) (?:buat|untuk|bagi|ke) (?:yang|yg) lain|fix pilihan\w*|handak beliau|beliau haja|nang maurus|tabukti|kada usah ditawar|tinggal tunggu hari h)\b`)
	reSettledWeak = mustFre(`(?i)\b(urangnya baik banar|perlu pemimpin|lanjutkan|kita bantu|kita dukung|urang nang sudah|sdh terbukti|sudah terbukti|udah terbukti|sudah mantap|udh mantap|udah mantap|udah fix|sudah fix|(?:sudah )?kelihatan kerjanya)\b`)
	// A weak settled word needs a word of leading or voting beside it
	// ("Pak Amat sudah terbukti rajin" is praise of a worker).
	reLeadCtx = mustFre(`(?i)\b(pemimpin|pamimpin|periode|memimpin|pimpin|kaltim|banua|november|februari|hari h|pilih\w*|bapilih|calon|kesempatan|gas lah|bagawi)\b`)
	// Volunteer bodies of disaster, health and rescue are no side.
	reCivicVolunteers = mustFre(`(?i)\b(pmi|bpbd|bencana|siaga|sar|tagana|damkar|pemadam|kebakaran|medis|donor|pramuka|kampus|mahasiswa)\b`)
	// A community word beside an acronym cheered with "sudah … semua".
	reFamilyWord = mustFre(`(?i)\b(keluarga|sekeluarga|kampung|gang|bubuhan|kami|ulun|rumah|rt|rw|kompleks)\b`)
	reOnlyOne    = mustFre(`(?i)\b(?:cuma|hanya)\s+(?:Pak|Bapak|Bu|Ibu|Bang|Abah|Bunda)\s+([A-Z][a-z]+)\s+(?:yg|yang|nang)\b`)
	reNameAgain  = mustFre(`\b([A-Z][a-z]{2,})\s+(?i:lagi)\s*(?:🔥|!|💪)`)
	reVoteDayAct = mustFre(`(?i)(\b\d{1,2} (?:november|februari)\b|\bgas lah\b|\bperiode depan\b|\bkesempatan (?:yg|yang) lain\b|\bhari h\b|\bpilihan\w*\b|\bcalon\b|🔥)`)
	// Opposition: broken promises of a named person, a party's rule feared.
	reEmptyPromise = mustFre(`(?i)(omong doang|omdo|omong kosong|janji manis|janji palsu|cuma nongol|cuma datang pas|pas butuh suara|muncul lima tahun sekali|jangan tertipu lagi|lupa rakyat|habis menang lupa|lupa janji)`)
	reNamedAttack  = mustFre(`\b([A-Z][a-z]{2,})\s+(?i:cuma|hanya|itu|tu|ini)\s+(?i:omong|omdo|janji|pencitraan|bukti|contoh|tukang)|(?i:namanya):?\s+([A-Z][a-z]{2,})`)
	rePartyRule    = mustFre(`(?i)\b(?:kalo|kalau|klo|amun|jika|kl)\s+\S+\s+(?:yg|yang|nang)\s+(?:pegang|menang|berkuasa|memimpin|pimpin|jadi|kuasai|menguasai|duduk)\b`)
	rePartyRuleBad = mustFre(`(?i)(jangan sampai|habis sudah|hancur|siap-siap|pikir2|pikir-pikir)`)
	reDontBeFooled = mustFre(`(?i)\b(?:jangan|jgn|jngn|jan|kada usah) (?:mau |sampai |sampe )?(?:ketipu|tertipu|terkecoh|kena tipu|dibodohi)\b`)
	reScam         = mustFre(`(?i)\b(penipuan|penipu|modus|hoaks|hoax|mengatasnamakan|catut|mencatut|undian|hadiah|link|tautan|transfer|rekening|pinjol|akun palsu|palsu|jual|dijual|jualan|beli|diskon|olshop|toko)\b`)
	reNoMoreVote   = mustFre(`(?i)\b(?:kada usah lagi bapilih|jangan pilih lagi|jangan lagi (?:pilih|milih|memilih|coblos|nyoblos)|(?:tidak|gak|ga|kada|jangan) usah (?:pilih|milih|bapilih|coblos) lagi|kada usah bapilih|kada (?:ulun|aku|kami) (?:ba)?pilih lagi|(?:gak|ga|nggak|tidak|ogah) (?:aku|saya|ku|gw|gue) pilih lagi|(?:kada|tidak|gak|ga|nggak|ndak) (?:handak|mau|ingin) (?:lagi )?(?:bapilih|milih|memilih|pilih|coblos))\b`)
	// An opinion piece that finds only one side fit.
	reOpinionHead   = mustFre(`(?i)^\s*(?:opini|tajuk(?: rencana)?|kolom(?: warga| pembaca)?|suara pembaca|surat pembaca|editorial|catatan redaksi|analisis)\s*[|:]`)
	reOnlySide      = mustFre(`(?i)\b(?:hanya|cuma|satu-satunya)\b`)
	reHonorLower    = mustFre(`\b(?:pak|bu|bapak|ibu|bang|abah)\s+([A-Z][a-z]{2,})\b`)
	reNoDebate      = mustFre(`(?i)\b(?:no|nggak|gak|ga|tanpa) debat\b`)
	reOnlyBare      = mustFre(`\b(?i:hanya|cuma|satu-satunya)\s+([A-Z][a-z]{2,})\b`)
	reOpinionPraise = mustFre(`(?i)(\b(?:menawarkan|serius|rekam jejak|masuk akal|tidak ragu|tahu pilihannya|paling siap|pantas|layak|konsep|berani)\b|\b(?:hanya|cuma) [A-Z]\w+ (?:yang|yg)\b|satu-satunya (?:pasangan|calon|kandidat) (?:yang|yg)\b)`)
)

// acronymNotSide are capitals that are not a pair's acronym, beside
// acronymStop: events, agencies, interjections.
var acronymNotSide = map[string]bool{"PON": true, "MTQ": true, "STQ": true, "GOR": true, "PMI": true, "SAR": true,
	"TAGANA": true, "RAPI": true, "BNPB": true, "PPS": true, "PPK": true, "KPPS": true, "HUTRI": true, "APBD": true,
	"CPNS": true, "PPPK": true, "PPDB": true, "AYO": true, "HAHA": true, "WKWK": true, "MANTAP": true, "GAS": true,
	"YES": true, "HIDUP": true, "MERDEKA": true, "TOP": true, "JOSS": true, "SEMANGAT": true, "BAWASLU": true,
	"PLN": true, "BPS": true, "KAMI": true, "KITA": true, "ANDA": true, "SEMUA": true, "BISA": true, "PEDULI": true, "PCR": true, "NIK": true, "SKCK": true, "NPWP": true, "KIP": true, "KIS": true, "OKE": true, "DPR": true, "DPD": true, "PKS": true, "PKB": true, "PAN": true}

// continueCivic are words after "#Lanjutkan", "#Terus" that make a civic
// hashtag ("#TerusBergerak", "#TetapSehat").
var continueCivic = map[string]bool{"sehat": true, "semangat": true, "bergerak": true, "berkarya": true, "membangun": true,
	"pembangunan": true, "maju": true, "melayani": true, "berbagi": true, "bersih": true, "aman": true, "jaga": true,
	"produktif": true, "belajar": true, "kompak": true, "solid": true, "peduli": true, "waspada": true, "disiplin": true,
	"bersatu": true, "kuat": true, "berinovasi": true, "tumbuh": true, "berjuang": true, "hijau": true, "tangguh": true}

// contextFrames reads the context frames of a post whose sides nothing
// else found.
func (ix *Index) contextFrames(st *pstate, c *pctx, season bool) []genericHit {
	if st.doc == nil || c.neutral || c.quote {
		return nil
	}
	hy := st.hay()
	raw := hy.raw
	var out []genericHit
	hit := func(rule, actor, text string, oppose bool) {
		out = append(out, genericHit{rule: rule, actor: actor, text: text, oppose: oppose})
	}
	// person is read once, when a frame asks.
	personDone, personVal := false, ""
	person := func() string {
		if !personDone {
			personDone, personVal = true, personOf(hy)
		}
		return personVal
	}
	// "no debat" is a cheer, not a debate reported.
	report := c.news && !reOpinionHead.MatchString(hy) && !reNoDebate.MatchString(hy)
	// Hashtags of a side are read in any season.
	for _, m := range reTagAcronymYear.FindAllStringSubmatch(hy, -1) {
		if !acronymStop[m[1]] && !acronymNotSide[m[1]] && ix.electionYear(m[2]) && !reCommemoration.MatchString(hy) {
			hit("campaign-hashtag", "unlisted:calon-"+strings.ToLower(m[1]), m[0], false)
		}
	}
	// A second term cheered beside a side's acronym, in a season.
	if t := fr28TermCheer.FindString(hy); t != "" && season {
		for _, m := range fr28AcroTag.FindAllStringSubmatch(hy, -1) {
			if s := acroSide(m[1]); s != "" {
				hit("campaign-hashtag", s, t+" … "+m[0], false)
				break
			}
		}
	}
	for _, m := range reTagForAny.FindAllStringSubmatch(hy, -1) {
		if w := strings.ToLower(m[1]); !genericStop[w] && !acronymStop[m[1]] && !hashtagCivic[w] {
			hit("campaign-hashtag", genericName(m[1]), m[0], false)
		}
	}
	if m := reTagParty.FindStringSubmatch(hy); m != nil {
		if y := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(m[1]) + `\s+20[2-9]\d\s*!`).FindString(raw); y != "" {
			hit("campaign-hashtag", "unlisted:partai-"+strings.ToLower(m[1]), m[0]+" … "+y, false)
		}
	}
	for _, m := range reTagContinue.FindAllStringSubmatch(hy, -1) {
		if w := strings.ToLower(m[1]); !continueCivic[w] && !hashtagCivic[w] && !genericStop[w] {
			hit("campaign-hashtag", genericName(m[1]), m[0], false)
		}
	}
	if m := reTagRegionYear.FindStringSubmatch(hy); m != nil && !report && ix.electionYear(m[1]) && !reCommemoration.MatchString(hy) {
		if p := person(); p != "" {
			hit("campaign-hashtag", p, m[0], false)
		}
	}
	// A gathering of a named pair or candidate with logistics mobilises in
	// any season ("halal bihalal bersama pasangan X-Y … konsumsi dan kaos").
	if g := reGathering.FindStringIndex(hy); g != nil && !report && !c.hardNews && !frCivicPerson.MatchString(hy) {
		if m := reRoleName.FindStringSubmatch(hy); m != nil && !genericStop[strings.ToLower(strings.Fields(m[1])[0])] {
			if l := reLogistics.FindString(hy); l != "" {
				hit("mobilisation", genericName(m[1]), raw[g[0]:g[1]]+" … "+l, false)
				return out
			}
		}
	}
	// An acronym's spelled-out ballot number in a hashtag ("#PGMNomor7")
	// tags any notice with a side, a meeting of RT heads' too.
	if season && !st.media && !reSport.MatchString(hy) {
		for _, m := range reTagAcroNomor.FindAllStringSubmatch(hy, -1) {
			if !acronymStop[m[1]] && !acronymNotSide[m[1]] {
				hit("campaign-hashtag", "ballot-"+m[2], m[0], false)
				return out
			}
		}
	}
	// A broken promise asked five more years ("Yg dulu janji 'Samarinda
	// bebas banjir' masih pede aja ya minta 5 tahun lagi 🙄"), in a
	// campaign: opposition to the incumbent, unnamed (an RT board's
	// page says it too).
	if !st.media && len(ix.campaignRaces(st.day)) > 0 {
		if m := fr28PromiseMoreYears.FindString(hy); m != "" && !fr28ContractWords.MatchString(hy) {
			hit("oppose-call", "unlisted:lawan", m, true)
			return out
		}
	}
	if !season || reCommunityRole.MatchString(hy) {
		return out
	}
	// A padded ballot number ending a hashtag ("#KaltimBangkit02",
	// "#RudySeno02") tags any notice with a side, a schedule's too.
	if !st.media && !reSport.MatchString(hy) {
		for _, m := range reTagPadded.FindAllStringSubmatch(hy, -1) {
			if w := strings.Fields(strings.ToLower(splitCamel(m[1]))); len(w) > 0 && !tagCounterWords[w[len(w)-1]] && !tagCounterWords[w[0]] {
				hit("campaign-hashtag", "ballot-"+m[2], m[0], false)
				return out
			}
		}
	}
	// A candidacy greeted with a wish of winning (a KPU word or "resmi"
	// here is the registration, not a report: reports wish no one victory).
	if cd := reCandidacy.FindString(hy); cd != "" && !st.media {
		if w := reWinWish.FindStringSubmatch(hy); w != nil {
			hit("support-call", person(), cd+" … "+strings.Fields(w[0])[0]+" … "+w[1], false)
			return out
		}
	}
	// A side's own content shared in its campaign ("RT @rudymasud: …",
	// "Video Pak Ganjar … wajib ditonton. Mohon diteruskan").
	if !st.media && !c.hardNews && reShareAct.MatchString(hy) && (reShareHandle.MatchString(hy) || reShareContent.MatchString(hy)) {
		if id := ix.sharedCampaigner(st); id != "" {
			hit("share", id, reShareAct.FindString(hy), false)
			return out
		}
	}
	// A pair's registration greeted with a wish of the term ("Selamat atas
	// pendaftaran pasangan X – Y ke KPU … semoga jadi jalan terbaik utk
	// Samarinda 5 tahun ke depan").
	if cd := rePairRegistration.FindString(hy); cd != "" && !st.media && reGreetWord.MatchString(hy) {
		if w := reWinWish.FindStringSubmatch(hy); w != nil {
			hit("greeting", person(), cd+" … "+strings.Fields(w[0])[0]+" … "+w[1], false)
			return out
		}
	}
	// Content passed on with a finger and a knowing line ("Diteruskan …
	// VIDEO DEBAT CAGUB. Lihat sendiri siapa yg lebih menguasai ✌️"):
	// the account's own wink, whatever the content reports.
	if report && !st.media && reShareAct.MatchString(hy) && reShareContent.MatchString(hy) && !reTeam.MatchString(hy) {
		if f := reFingerAny.FindString(hy); f != "" {
			if w := reFingerWink.FindString(hy); w != "" {
				hit("hand-sign", "", f+" … "+w, false)
				return out
			}
		}
	}
	if report {
		return out
	}
	if c.hardNews && !ix.firstPersonRaw(hy) {
		return out
	}
	// The empty box cheered in a single-candidate race ("kotak kosong aja
	// lah", "jgn takut, kotak kosong itu sah"): support for the option,
	// which the catalog sets against the lone pair.
	if m := reEmptyBoxCheer.FindString(hy); m != "" && !fr28SupposedAsk.MatchString(hy) {
		if opts := ix.openOptions(st.day); len(opts) > 0 {
			hit("support-call", opts[0], m, false)
			return out
		}
	}
	// A person wished to be elected, in a season ("Mudahan pian tapilih",
	// "semoga ibu terpilih, kami semua mendukung"); a contest's or a
	// team's selection is not an election.
	if m := reElectedWish.FindString(hy); m != "" && !reTeam.MatchString(hy) && !reSelection.MatchString(hy) {
		p := person()
		if p == "" {
			p = "unlisted:calon"
		}
		hit("support-call", p, m, false)
		return out
	}
	// The incumbent addressed and wished another term in a campaign
	// ("Selamat milad Bapak Wali Kota … melanjutkan pengabdian 5 tahun ke
	// depan", "Terima kasih Pak Wali … kami barataan umpat haja lagi lima
	// tahun"); a programme's or a contract's five years are no term.
	// The gated regexps first: most posts address no incumbent, and the
	// calendar's races are a slice built per call.
	if !st.media && reIncumbentAddr.MatchString(hy) && !reTermNotOffice.MatchString(hy) {
		if m := reFurtherTerm.FindString(hy); m != "" && len(ix.campaignRaces(st.day)) > 0 {
			hit("support-call", "unlisted:petahana", reIncumbentAddr.FindString(hy)+" … "+m, false)
			return out
		}
	}
	// The empty box run down ("kotak kosong itu bukan pilihan, itu buang
	// suara"): opposition to the option, so support for the lone pair.
	if m := reEmptyBoxDown.FindString(hy); m != "" {
		if opts := ix.openOptions(st.day); len(opts) > 0 {
			hit("oppose-attack", opts[0], m, true)
			return out
		}
	}
	// A past leader's record not to be repeated, in a campaign ("waktu
	// gubernur sebelumnya … jgn sampai terulang lagi"): opposition to
	// the side the record belongs to, unnamed.
	if !st.media && reNotAgain.MatchString(hy) && len(ix.campaignRaces(st.day)) > 0 {
		r := rePastLeader.FindString(hy)
		if r == "" {
			r = strings.TrimRight(rePastPromise.FindString(hy), "?!., ")
		}
		if r == "" && reLeaderish.MatchString(hy) {
			r = rePastTerm.FindString(hy) // "5 thn kemarin … janji": a term's record
		}
		if r != "" {
			hit("oppose-call", "unlisted:lawan", r+" … "+reNotAgain.FindString(hy), true)
			return out
		}
	}
	if m := reAcronymCheer.FindStringSubmatch(hy); m != nil && !acronymStop[m[1]] && !acronymNotSide[m[1]] && reFamilyWord.MatchString(hy) {
		hit("support-call", "unlisted:calon-"+strings.ToLower(m[1]), m[0], false)
	} else {
		// The same acronym three times: a cheer ("HASA HASA HASA!").
		n := map[string]int{}
		for _, w := range capsWords(hy) {
			if n[w]++; n[w] == 3 && !acronymStop[w] && !acronymNotSide[w] {
				hit("support-call", "unlisted:calon-"+strings.ToLower(w), w+" "+w+" "+w, false)
				break
			}
		}
	}
	// A gathering with a person, and people brought to it (a person
	// described by a civic role is a service's guest).
	if g := reGathering.FindStringIndex(hy); g != nil && !frCivicPerson.MatchString(hy) {
		if l := reLogistics.FindString(hy); l != "" {
			if p := person(); p != "" {
				hit("mobilisation", p, raw[g[0]:g[1]]+" … "+l, false)
			}
		}
	}
	// A pair's volunteers praised for their aid.
	// "Relawan KAMI (Komunitas …)": an acronym spelled out is a body's name.
	if m := reVolunteers.FindStringSubmatch(hy); m != nil && m[2] == "" && !acronymStop[m[1]] && !acronymNotSide[m[1]] && !reCivicVolunteers.MatchString(hy) {
		if pr := reAidPraise.FindString(hy); pr != "" {
			hit("party-service", "unlisted:relawan-"+strings.ToLower(m[1]), m[0]+" … "+pr, false)
		}
	}
	// A finger with a wink at the vote, outside sports.
	if f := reFingerAny.FindString(hy); f != "" && !reTeam.MatchString(hy) {
		if w := reFingerWink.FindString(hy); w != "" {
			hit("hand-sign", "", f+" … "+w, false)
		}
	}
	// Support by a record or a settled mind, beside a person.
	// The person first: most posts name none, and the frames are dearer.
	if p := person(); p != "" {
		s := reSettled.FindString(hy)
		if s == "" && reSettledWeak.may(hy) && reLeadCtx.MatchString(hy) {
			s = reSettledWeak.FindString(hy)
		}
		if s != "" {
			hit("support-praise", p, s, false)
		}
	}
	if m := reOnlyOne.FindStringSubmatch(hy); m != nil && honorNameOK(m[1]) {
		if v := reVoteDayAct.FindString(hy); v != "" {
			hit("support-praise", genericName(m[1]), m[0]+" … "+v, false)
		}
	}
	if m := reNameAgain.FindStringSubmatch(hy); m != nil && honorNameOK(m[1]) && !genericStop[strings.ToLower(m[1])] {
		if p := person(); p != "" && strings.HasSuffix(p, "-"+strings.ToLower(m[1])) || reVoteDayAct.MatchString(hy) {
			hit("support-call", genericName(m[1]), m[0], false)
		}
	}
	// Opposition: a named person's empty promises; a party's rule feared.
	if e := reEmptyPromise.FindString(hy); e != "" {
		if m := reNamedAttack.FindStringSubmatch(hy); m != nil {
			n := m[1] + m[2]
			if honorNameOK(n) {
				hit("oppose-attack", genericName(n), e, true)
			}
		}
	}
	if r := rePartyRule.FindString(hy); r != "" && rePartyRuleBad.MatchString(hy) {
		if p := ix.partyNamed(st, hy); p != "" {
			hit("oppose-call", p, r, true)
		}
	}
	// "Partai X cuma numpang nama … jgn ketipu": a warning against a
	// party, not a scam's.
	if r := reDontBeFooled.FindString(hy); r != "" && !reScam.MatchString(hy) {
		if p := ix.partyNamed(st, hy); p != "" {
			hit("oppose-call", p, r, true)
		}
	}
	if r := reNoMoreVote.FindString(hy); r != "" {
		if p := ix.partyNamed(st, hy); p != "" {
			hit("oppose-call", p, r, true)
		}
	}
	return out
}

// opinionFrames reads an opinion piece that finds only one side fit
// ("OPINI | … hanya X yang menawarkan …").
func (ix *Index) opinionFrames(st *pstate, c *pctx) []genericHit {
	if st.doc == nil || c.neutral {
		return nil
	}
	hy := st.hay()
	raw := hy.raw
	h := reOpinionHead.FindString(hy)
	if h == "" {
		return nil
	}
	o := reOnlySide.FindStringIndex(hy)
	if o == nil || !reOpinionPraise.MatchString(hy) {
		return ix.opinionShapes(st, h)
	}
	for _, t := range genericTargets(hy, false) {
		if t.office || t.number {
			continue
		}
		if t.start-o[1] <= 40 && o[0]-t.end <= 40 {
			return []genericHit{{rule: "support-praise", actor: t.actor, text: strings.TrimSpace(h) + " … " + raw[o[0]:o[1]]}}
		}
	}
	for _, m := range reOnlyBare.FindAllStringSubmatch(hy, -1) {
		if honorNameOK(m[1]) {
			return []genericHit{{rule: "support-praise", actor: genericName(m[1]), text: strings.TrimSpace(h) + " … " + m[0]}}
		}
	}
	return ix.opinionShapes(st, h)
}

// electionYear reports a year in which a contest of the calendar votes.
func (ix *Index) electionYear(y string) bool {
	for _, e := range ix.elections {
		if e.Vote.String()[:4] == y {
			return true
		}
	}
	return false
}

// personOf is the first person a post names: an honorific and a name, a
// pair, or a lower-case honorific and a name.
func personOf(hy *hay) string {
	for _, m := range reHonorName.FindAllStringSubmatch(hy, -1) {
		if n := strings.Fields(m[1]); nearNameOK(n[0]) {
			return genericName(trimDays(m[1]))
		}
	}
	if m := rePairBare.FindStringSubmatch(hy); m != nil {
		return genericName(m[1])
	}
	// "ya pak Hamdan": an honorific written in lower case.
	for _, m := range reHonorLower.FindAllStringSubmatch(hy, -1) {
		if honorNameOK(m[1]) {
			return genericName(m[1])
		}
	}
	return ""
}

// capsWords are the words of raw written in 3 to 8 capital letters, read
// without a regular expression (most posts have none).
func capsWords(hy *hay) []string {
	if !hy.rawBytes.meets(&upperBytes) {
		return nil // gate: no capital letter
	}
	var out []string
	for _, f := range strings.FieldsFunc(hy.raw, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		if len(f) < 3 || len(f) > 8 {
			continue
		}
		caps := true
		for i := 0; i < len(f); i++ {
			if f[i] < 'A' || f[i] > 'Z' {
				caps = false
				break
			}
		}
		if caps {
			out = append(out, f)
		}
	}
	return out
}

// openOptions are the ids of the options (an empty box) of the races open
// on day, in catalog order.
func (ix *Index) openOptions(day Date) []string {
	var out []string
	for _, race := range ix.openRaces(day) {
		for _, id := range ix.raceActors[race] {
			if ix.isOption(id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// tagCounterWords end or start a hashtag whose number counts something
// other than a ballot ("#RT02", "#Loket03", "#Posyandu01", "#Kloter02").
var tagCounterWords = map[string]bool{"rt": true, "rw": true, "tps": true, "pos": true, "posyandu": true, "loket": true,
	"zona": true, "blok": true, "regu": true, "tim": true, "team": true, "kloter": true, "kelas": true, "gang": true,
	"gg": true, "jalur": true, "sektor": true, "unit": true, "kelompok": true, "lantai": true, "pintu": true, "gate": true,
	"koridor": true, "trayek": true, "bus": true, "rute": true, "no": true, "nomor": true, "nomer": true, "angkatan": true,
	"batch": true, "sesi": true, "episode": true, "eps": true, "part": true, "vol": true, "week": true, "hari": true,
	"day": true, "edisi": true, "seri": true, "juz": true, "pekan": true, "gelombang": true, "kecamatan": true,
	"kelurahan": true, "dapil": true, "lorong": true, "jilid": true, "level": true, "tahap": true, "putaran": true}

// campaignRaces are the races whose campaign is on at day.
func (ix *Index) campaignRaces(day Date) []string {
	var out []string
	for _, race := range ix.openRaces(day) {
		if e := ix.elections[race]; e != nil && e.Campaigning(day) {
			out = append(out, race)
		}
	}
	return out
}

// sharedCampaigner is the candidate or pair a shared post names (not by an
// office title) or cites by handle, when its campaign is on at the post's
// day: in a campaign an incumbent's own content is a candidate's; "" if
// none.
func (ix *Index) sharedCampaigner(st *pstate) string {
	ok := func(a *Actor) bool {
		return a != nil && (a.Kind == "candidate" || a.Kind == "pair") && ix.campaigning(a.ID, st.day)
	}
	for _, tg := range st.targets {
		if a := ix.actors[tg.actor]; ok(a) && !tg.office && !tg.official {
			return a.ID
		}
	}
	races := ix.campaignRaces(st.day)
	// A campaign team's own account ("@tkd.kaltim", "@timpemenangan_x"),
	// read in the raw text: the words have lost the handle's dots.
	// ("TKD" is also taekwondo: a sports post names no team of a side).
	if len(races) > 0 && !reSport.MatchString(st.hay()) {
		for _, h := range reHandle.FindAllString(st.hay().raw, -1) {
			if campaignTeamHandle(h) {
				return "unlisted:tim-kampanye"
			}
		}
	}
	for _, w := range st.wordsOf() {
		if !strings.HasPrefix(w.Text, "@") {
			continue
		}
		for _, race := range races {
			for _, id := range ix.raceActors[race] {
				a := ix.actors[id]
				if !ok(a) {
					continue
				}
				for _, al := range append([]string{a.ID}, a.Aliases...) {
					if j := joinedAlias(al); len(j) >= 6 && strings.Contains(w.Text, j) {
						return a.ID
					}
				}
			}
		}
	}
	return ""
}

// reHandle is an account handle as written.
var reHandle = regexp.MustCompile(`@[A-Za-z0-9._]+`)

// campaignTeamWords are the parts of a handle that name a campaign team
// with no candidate's name: the national and regional teams of a
// presidential pair (TKN/TKD, TPN/TPD). A candidate's own team handle
// ("@syarif.caleg", "@timses_x") is read with its name (fr11Handle).
var campaignTeamWords = map[string]bool{"tkn": true, "tkd": true, "tpn": true, "tpd": true}

// campaignTeamHandle reports a handle one of whose parts (split at dots,
// underscores and digits) names a campaign team.
func campaignTeamHandle(handle string) bool {
	for _, p := range strings.FieldsFunc(strings.ToLower(strings.TrimPrefix(handle, "@")), func(r rune) bool {
		return r == '.' || r == '_' || r == '-' || r >= '0' && r <= '9'
	}) {
		if campaignTeamWords[p] {
			return true
		}
	}
	return false
}
