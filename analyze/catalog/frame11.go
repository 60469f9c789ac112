package catalog

import (
	"strings"
)

// Round 11's frames: the miss classes of two independent sets, as shapes
// (a side, a mark of a candidacy or a vote, an act) appended to the frame
// table: sharing a side's campaign content, a side's acronym or slogan
// appended to a service post, opposition by a record before a vote,
// opinions that find one side fit, Banjar and Kutai calls to keep the
// vote together, birthdays wished a vote day, finger poses with a wink
// at the vote.

var (
	// Sharing: an act of amplifying, campaign content, and a side.
	fr11Share = mustFre(`(?i)\b(link di bio|link in bio|cek bio|dibagikan ulang|bagikan ulang|silakan disimak|share|dishare|bagikan|dibagikan|bagi-bagi|membagikan|sebarkan|disebarkan|sebarin|sebar luaskan|sebarluaskan|viralkan|repost|regram|teruskan|forward|retweet|kirim(?:kan)? ke (?:grup|group|wa|kontak)|(?:sekadar|sekedar|ikut) berbagi|bantu sebar|sebar)\b`)
	// Campaign content: what a side publishes to win votes.
	fr11CampContent = mustFre(`(?i)\b(kampanye|visi[- ]misi|debat (?:kandidat|calon|paslon|publik|pilkada|pilwali|pilgub|capres|cawali|cagub|perdana|kedua|ketiga|terakhir|semalam|semalem|kemarin|tadi malam)|potongan debat|potongan video|video gagasan|orasi|janji kerja|program (?:100|seratus) hari|program unggulan|tim (?:sukses|pemenangan)|timses|relawan|pemenangan|caleg|calon (?:wali|wakil|gubernur|bupati|legislatif|anggota|presiden|kepala daerah|dprd|dewan)|cawali|cagub|paslon|jagoan|jadwal kunjungan|dijelaskan (?:langsung |lgsg |lsg )?oleh (?:pak|bu|bapak|ibu|bang))\b`)
	// A side named in shared content: a role or a team with a name or an
	// acronym ("tim pemenangan DAKA", "Cagub Faisal Rahman", "calon
	// gubernur Irwan Syah").
	fr11RoleSide = mustFre(`(?i:tim pemenangan|tim sukses|timses|relawan|pasangan|paslon|cawali|cagub|caleg|calon wali kota|calon gubernur|calon bupati|kandidat)\s+([A-Z]{3,8}\b|` + gPair + `|` + gName + `)`)
	// A campaign's handle: "@haris.caleg.dapil3", "@tim.pemenangan.rasyid",
	// "@yuliani.official".
	fr11Handle = mustFre(`@(?:tim\.?pemenangan|timses|relawan)[._]([a-z][a-z0-9_]*)\b|@([a-z][a-z0-9_]*?)(?:\.[a-z0-9_]+)?\.(?:caleg|cawali|cagub|calon|official|pemenangan|relawan|timses)\b`)
)

var (
	// A side's acronym in a slogan: "RAFA di hati", "#LanjutRAFA",
	// "menang SABAR!!", "SABAR membawa berkah", "ARSY untuk Samarinda",
	// "Maju Bersama RAFA".
	fr11AcroHeart  = mustFre(`\b([A-Z]{3,8})\s+(?:(?i:haja|aja|selalu|tetap)\s+)?(?i:di hati|di hatiku|dihati)\b`)
	fr11AcroTag    = mustFre(`#(?:Lanjut|Lanjutkan|Terus|Tetap|Pilih|Menangkan|Dukung|Kawal|Coblos|Samarinda|Kaltim|Banua)([A-Z]{3,8})\b|#([A-Z]{2,8})(?:Lanjut|Lanjutkan|lanjut|lanjutkan|Menang|DuaPeriode|Terus|Pasti|Jilid\w*|untuk\w+|Untuk\w+|buat\w+|For\w+|for\w+)\b`)
	fr11AcroCheer  = mustFre(`(?i:menang|menangkan|manang|coblos)\s+([A-Z]{3,8})\b`)
	fr11AcroMotto  = mustFre(`\b([A-Z]{3,8})\s+(?i:membawa berkah|pasti menang|untuk samarinda|untuk kaltim|untuk kalimantan timur|gasan banua|untuk banua|dua periode|jilid (?:2|dua|ii))\b`)
	fr11AcroWith   = mustFre(`(?i:maju|makin \w+|sejahtera|berkah|wujudkan|lanjut\w*|terus|cemerlang|bangkit|perubahan|bergerak|melaju|membangun|berjaya)\s+(?i:bersama|bareng)\s+([A-Z]{3,8})\b`)
	fr11PartyMarch = mustFre(`(?i)\b(?:bergerak|melangkah|berjuang|bersatu|melaju|maju)\s+bersama\s+(?:partai\s+)?([\w-]+)\s+(?:menuju|wujudkan|untuk|membangun)\b`)
)

// fr11ShareNot are shares that are no side's campaign: a civic body's
// volunteers, a community's own election ("debat kandidat ketua RT").
// A community role elsewhere ("insentif ketua RT naik") does not block a
// share: it is the campaign's promise.
var fr11ShareNot = mustFre(`(?i)\b(?:relawan(?: |[._])(?:` + gCivicBody + `)|(?:calon|kandidat|pemilihan|debat|pilih)\s+(?:kandidat\s+)?ketua)\b`)

// acronymCivic are capitals of services, agencies and community bodies
// that a service post names in a slogan ("PSN di hati", "Bersama BPJS"):
// no side, beside acronymStop and acronymNotSide.
var acronymCivic = map[string]bool{"PSN": true, "PROKLIM": true, "SIGAP": true, "KIA": true, "KORPRI": true, "DWP": true,
	"PGRI": true, "KNPI": true, "FKUB": true, "BKMT": true, "MUI": true, "IPHI": true, "PSSI": true, "KONI": true, "PWI": true,
	"IDI": true, "IBI": true, "PPNI": true, "HIPMI": true, "KADIN": true, "BAZNAS": true, "BUMDES": true, "LPM": true,
	"BKM": true, "PKBM": true, "GOW": true, "IWAPI": true, "PMR": true, "OSIS": true, "PRAMUKA": true, "BUMD": true,
	"BPOM": true, "BNN": true, "BKKBN": true, "DINKES": true, "DISHUB": true, "DLH": true, "BAPPEDA": true, "SATPOL": true,
	"DAMKAR": true, "LINMAS": true, "BABINSA": true, "RSUD": true, "IGD": true, "SDN": true, "SMPN": true, "SMAN": true,
	"SMKN": true, "JKN": true, "KUR": true, "BBM": true, "LPG": true, "QRIS": true, "NKRI": true, "IKN": true, "HIV": true,
	"AIDS": true, "TBC": true, "GENRE": true, "POSBINDU": true, "PTM": true, "ADIPURA": true, "PBB": true, "PAD": true,
	"GRATIS": true, "PENTING": true, "SEHAT": true, "BUKA": true, "TUTUP": true, "LIBUR": true, "SIAGA": true,
	"WASPADA": true, "AWAS": true, "JADWAL": true, "PROMO": true, "DISKON": true, "TIMNAS": true, "SDM": true,
	"STUNTING": true, "BANSOS": true, "SPBU": true, "ATM": true, "KTP": true, "UPT": true, "UPTD": true, "OPD": true,
	"SAMSAT": true, "PKM": true, "SMK": true, "MTS": true, "MAN": true, "PAUD": true, "POSYANDU": true, "PEMILU": true,
	"PILKADA": true, "NETRAL": true, "DAMAI": true, "INDONESIA": true, "SAMARINDA": true, "KALTIM": true, "RAYA": true,
	"MERAH": true, "PUTIH": true, "JUARA": true, "EMAS": true, "CERIA": true, "BERSIH": true, "AMAN": true, "WARGA": true,
	"GERMAS": true, "PHBS": true, "STBM": true, "CERDIK": true, "PATUH": true, "BIAN": true, "BIAS": true, "PIN": true,
	"ASI": true, "IMD": true, "MKJP": true, "PIK": true, "BKB": true, "BKR": true, "BKL": true, "TJSL": true, "CSR": true,
	"TMMD": true, "KOTAKU": true, "PTSL": true, "BPNT": true, "BST": true, "SEMBAKO": true, "RTLH": true, "APBN": true,
	"PKH": true, "PSM": true, "RTH": true, "IPAL": true, "BRT": true, "LRT": true, "MRT": true, "TPA": true, "TPST": true,
	"PJU": true, "SPAM": true, "APBD": true, "DPRD": true, "PPKM": true, "UMK": true, "UMR": true, "PERSIB": true, "PERSIJA": true, "BORNEO": true, "PUSAMANIA": true, "HUT": true}

// acroSide is the side of a slogan's acronym, or "" for a civic one.
func acroSide(w string) string {
	if w == "" || acronymStop[w] || acronymNotSide[w] || acronymCivic[w] {
		return ""
	}
	return "unlisted:calon-" + strings.ToLower(w)
}

// acroFrameSide reads the acronym a slogan frame captured (the first
// non-empty group).
func acroFrameSide(_ *Index, _ *pstate, m []string) string {
	for _, w := range m[1:] {
		if w != "" {
			return acroSide(w)
		}
	}
	return ""
}

// sharedSide is the side shared content names: a person, a role or a
// team with a name, a pair, or a campaign's handle.
func sharedSide(ix *Index, st *pstate, m []string) string {
	if p := personAnySide(ix, st, m); p != "" {
		return p
	}
	hy := st.hay()
	if rm := fr11RoleSide.FindStringSubmatch(hy); rm != nil {
		n := rm[1]
		if strings.ToUpper(n) == n {
			if s := acroSide(n); s != "" {
				return s
			}
			// "pasangan DAMAI": a role names the acronym a side even
			// when it is also a civic word.
			if !acronymStop[n] && !acronymNotSide[n] {
				return "unlisted:calon-" + strings.ToLower(n)
			}
		} else if f := strings.Fields(n); len(f) > 0 && nearNameOK(strings.Trim(f[0], "-–—")) && !pairStop[strings.ToLower(f[0])] {
			return genericName(n)
		}
	}
	if pm := rePairBare.FindStringSubmatch(hy); pm != nil {
		if f := strings.FieldsFunc(pm[1], func(r rune) bool { return r == '-' || r == '–' || r == '—' || r == ' ' }); len(f) == 2 && !genericStop[strings.ToLower(f[0])] && !pairStop[strings.ToLower(f[0])] {
			return genericName(pm[1])
		}
	}
	if hm := fr11Handle.FindStringSubmatch(hy); hm != nil {
		for _, w := range hm[1:] {
			if w != "" && !genericStop[w] && !handleCivic[w] {
				return "unlisted:calon-" + w
			}
		}
	}
	return ""
}

// handleCivic are account names of agencies ("@bawaslu.official").
var handleCivic = map[string]bool{"bawaslu": true, "kpu": true, "pemkot": true, "diskominfo": true, "humas": true, "kominfo": true,
	"samarinda": true, "kaltim": true, "pemprov": true, "dinkes": true, "polresta": true, "kelurahan": true, "kecamatan": true}

var (
	// Opposition by record before a vote: a record (a lie, a broken
	// promise, a scandal, an absence), a mark of the ballot, and an act
	// telling the reader not to choose it again.
	fr11Record = mustFre(`(?i)\b(tipu|ditipu|tertipu|ketipu|menipu|katipu|dibohongi|dibodohi|bohong\w*|janji manis|janji kosong|janji palsu|janji doang|dulu janji|bajanji|dijanjikan|ingkar|mangkrak|korupsi|koruptor|suap|disuap|gratifikasi|masuk bui|dipenjara|terpidana|dicokok|ditangkap|tersangka|tersangkut|pencitraan|hobi klaim|ngaku|mengaku|klaim|(?:nggak|gak|ga|tidak|tak|kada) pernah (?:turun|kelihatan|muncul|datang)|cuma (?:muncul|nongol|datang)|nongol|nyalon lagi|digusur|proyek mercusuar|janji \w+ (?:yang )?(?:menguap|tidak realistis|tak realistis)|janji kampanye|janjinya|janji|rekam jejak\w*|jalan di tempat|politik dinasti|dinasti|terbengkalai)\b`)
	fr11Ballot = mustFre(`(?i)\b(tps|bilik(?: suara)?|nyoblos|mencoblos|coblos|dipilih|memilih (?:dia|lagi|calon|paslon|caleg)|pilih (?:lagi|dia|calon|caleg|paslon|yang lain|yg lain)|milih (?:dia|lagi)|mau milih|kesempatan kedua|pilkada|pilwali|pilgub|pemilu|pileg|\d{1,2} (?:november|februari)|paslon|calon (?:wali|wakil|gubernur|bupati|legislatif|anggota|yang sama|yg sama|yang|yg)|caleg|nyalon|nomor urut|nomor (?:yang|yg)|pasangan (?:nomor|no\.?) ?0?[1-9]|kampanye|wajah baru|pemimpin (?:baru|lama)|(?:5|lima) (?:thn|tahun) (?:lagi|ke depan)|#\d{1,2}(?:november|februari))\b`)
	fr11OppAct = mustFre(`(?i)(\b(?:jangan|jgn|jngn|kada usah|tidak usah|gak usah) (?:mau|sampai|lupa|kasih|pilih|terbuai|termakan|katipu|tertipu|dipilih|mudah|salah|tertipu)\b|\bingat(?:-ingat| baik-baik| baik2| itu)?\b|\bpikir-pikir\b|\bpikir dulu\b|\bpikir(?:kan|akan) (?:\w+ )?(?:lagi|dulu|baik)\b|\bmikir\b|\bsiap-siap\b|\bsiap2\b|\bcari (?:yang|yg) lain\b|\bmending (?:pilih )?(?:yang|yg) lain\b|\bogah\b|\bsaatnya ganti\b|#Bukan[A-Z]\w+|\bcukup sudah\b|\bkapok\b)`)
	// A side an opposition names: a numbered pair, a person, a party.
	fr11OppTarget = mustFre(`(?i:paslon|pasangan|nomor urut|calon nomor|no\.? urut)\s*(?:(?i:nomor|no\.?|urut)\s*)?0?([1-9])\b`)
)

// oppSide is the side an opposition by record names, or an unnamed one.
func oppSide(ix *Index, st *pstate, m []string) string {
	hy := st.hay()
	if t := fr11OppTarget.FindStringSubmatch(hy); t != nil {
		return "ballot-" + t[1]
	}
	if p := ix.firstParty(st); p != "" {
		return p
	}
	if p := personAnySide(ix, st, m); p != "" {
		return p
	}
	if t := frTagBukan.FindStringSubmatch(hy); t != nil {
		return genericName(splitCamel(t[1]))
	}
	// Unnamed, the record must point at someone ("yang dulu janji …",
	// "kok masih pede"); "jangan pilih partai yang korupsi" is a principle.
	if fr11Specific.MatchString(hy) {
		return "unlisted:lawan"
	}
	return ""
}

var (
	frTagBukan = mustFre(`#Bukan([A-Z]\w+)`)
	// A record pointed at someone: a time, "still", "again", "the same".
	fr11Specific = mustFre(`(?i)\b(kemarin|dulu|lalu|sekarang|wayahini|masih|itu2|itu-itu|yang sama|yg sama|dua kali|sebelah|periode (?:kemarin|lalu|ini)|selama menjabat|lima tahun|sampai sekarang|hobi|kok|pemimpin lama|zaman itu)\b`)
	// A principle for any candidate: "jadi apa pun", "siapa pun".
	fr11Principle = mustFre(`(?i)\b(apa ?pun|siapa ?pun|mana ?pun|prinsip)\b`)
)

var (
	// A citizen's or an admin's opinion that only one side qualifies:
	// "dari 2 paslon cuma RAFA yg …", "dari 3 cawali cuma Bang X yg …".
	fr11OnlyAmong = mustFre(`(?i:dari)\s+(?:\d|dua|tiga|empat|lima|semua|ketiga|kedua|keempat)\s+(?i:paslon|calon|cawali|cagub|pasangan(?: calon)?|kandidat|caleg|capres)\b.{0,30}?\b(?i:cuma|hanya|cuman|satu-satunya)\s+((?:` + gHonorB + `\s+)?(?:[A-Z]{3,8}\b|` + gPair + `|` + gName + `))`)
	// Merit said as a vote: "layak didukung", "paling siap memimpin".
	fr11MeritVote = mustFre(`(?i)\b((?:layak|pantas) (?:didukung|dipilih|dilanjutkan|memimpin)|paling (?:siap|layak|pantas|tepat|cocok) (?:memimpin|jadi|menjadi)|sudah terbukti\b.{0,60}?\b(?:layak|pantas|semoga))\b`)
	// A vote for a person for an office: "pilih Pak X buat gubernur".
	fr11VoteOffice = mustFre(`(?i:pilih|dukung|coblos|milih|mendukung|memilih)\s+` + gPersonB + `\s+(?i:buat|untuk|jadi|gasan|sebagai)\s+(?i:wali ?kota|walikota|gubernur|bupati|presiden|wakil rakyat|anggota dewan|dewan|dprd)`)
	// A party's colour made a region's: "2029 merahin lagi Samarinda".
	fr11Colourize   = mustFre(`(?i)\b(merah|kuning|biru|oranye|orange|ungu)(?:in|kan|kan lagi|in lagi)\b\s*(?:lagi\s+)?(?:samarinda|kaltim|indonesia|kota|tps|dprd|senayan|banua|kalimantan timur|20[2-3]\d)?`)
	fr11ColourAgain = mustFre(`(?i)\b(?:merah|kuning|biru|oranye|orange|ungu)(?:in|kan)\s+lagi\b|\b20[2-3]\d\s+(?:merah|kuning|biru|oranye|orange|ungu)(?:in|kan)\b`)
)

const gHonorB = `(?:Pak|Bapak|Pa|Bu|Ibu|Bang|bang|Paman|Kak|Mas|Abah|Umi|Ummi)`

// onlyAmongSide reads the side of fr11OnlyAmong.
func onlyAmongSide(_ *Index, _ *pstate, m []string) string {
	f := strings.Fields(m[1])
	if len(f) == 0 {
		return ""
	}
	n := f[len(f)-1]
	if len(f) > 1 && strings.ToUpper(f[0]) != f[0] {
		switch f[0] {
		case "Pak", "Bapak", "Pa", "Bu", "Ibu", "Bang", "Kak", "Mas", "Abah", "Umi", "Ummi":
			n = strings.Join(f[1:], " ")
		default:
			n = m[1]
		}
	}
	if strings.ToUpper(n) == n {
		return acroSide(n)
	}
	if w := strings.Fields(n); !nearNameOK(strings.Trim(w[0], "-–—")) {
		return ""
	}
	return genericName(n)
}

// colourSide maps a colour to the party the catalog gives it.
func colourSide(ix *Index, _ *pstate, m []string) string {
	return ix.colourParty(strings.ToLower(m[1]))
}

var (
	// Banjar and Kutai: keep the vote together for one side ("suara kite
	// jangan bepencar", "jangan bapencar suara"), lean to a person
	// ("beabah ke Umi", "sama-sama ka Pa X").
	fr11VoteUnity = mustFre(`(?i)\b(?:suara\s+(?:kite|kita|kami|bubuhan)\s+(?:\w+\s+)?(?:jangan|jgn|kada|usah)\s+(?:sampai\s+)?(?:bepencar|bapencar|bacaur|pecah|tapencar|terpecah|bahambur)|(?:jangan|jgn)\s+(?:sampai\s+)?(?:suara\s+(?:kite|kita)\s+)?(?:bepencar|bapencar|bacaur|tapencar|bahambur)(?:\s+suara)?)\b`)
	fr11Lean      = mustFre(`(?i:beabah|bahabah|condong|sama-sama|sama2|samasama|tulak|umpat)\s+(?:\w+\s+)?(?i:ke|ka)\s+(?:` + gHonorB + `)\b`)
	// "Hendra–Sulastri nang paling paham …, kada usah ragu lagi".
	fr11BestSide = mustFre(`(` + gPair + `|` + gPersonB + `)\s+(?:(?i:haja|aja)\s+)?(?i:nang|yang|yg)\s+(?i:paling)\s+(?i:mangarti|paham|ngerti|mengerti|tahu|tau|bujur|pantas|layak|cocok|siap|peduli|dekat)\b`)
	// "kite beabah ke Bang X semue, urang kite sendiri".
	fr11LeanPerson = mustFre(`(?i:beabah|bahabah|condong|sama-sama|sama2|samasama|tulak|umpat)\s+(?:\w+\s+)?(?i:ke|ka)\s+` + gPersonB)
	fr11Ours       = mustFre(`(?i)\b(urang kite|urang kita|urang banua|urang kutai|semue|usung)\b`)
	fr11SettleBan  = mustFre(`(?i)\b((?:kada|tidak|gak|jangan) usah (?:ragu|bingung) lagi|jangan ragu lagi|gas pol|pilih|coblos|tps|isuk|menang|manang)\b`)
)

// pairOrPersonSide reads a captured pair or person.
func pairOrPersonSide(_ *Index, _ *pstate, m []string) string {
	n := m[1]
	if len(m) > 2 && m[2] != "" {
		n = m[2]
	}
	f := strings.FieldsFunc(n, func(r rune) bool { return r == '-' || r == '–' || r == '—' || r == ' ' })
	if len(f) == 0 {
		return ""
	}
	switch f[0] {
	case "Pak", "Bapak", "Pa", "Bu", "Ibu", "Bang", "Kak", "Mas", "Abah", "Umi", "Ummi", "Haji":
		f = f[1:]
	}
	if len(f) == 0 || !nearNameOK(f[0]) || pairStop[strings.ToLower(f[0])] {
		return ""
	}
	return genericName(strings.Join(f, " "))
}

// anyNamedSide is the person the post names, else "unlisted:calon".
func anyNamedSide(ix *Index, st *pstate, m []string) string {
	if p := personAnySide(ix, st, m); p != "" {
		return p
	}
	return "unlisted:calon"
}

var (
	// A greeting wished the vote day: "semoga cita-cita Ibu terwujud di
	// bulan November nanti", "berbuah manis di Pilgub nanti".
	fr11VoteSoonWish = mustFre(`(?i)\b(?:semoga|moga|mudahan|doa)\b.{0,90}?\b((?:\d{1,2}\s+|bulan\s+)?(?:november|februari)\s+nanti|(?:pilkada|pilgub|pilwali|pemilu|pileg|pilpres)\s+nanti|hari (?:pencoblosan|pemilihan)|\d{1,2} (?:november|februari))\b`)
	// The person's own aim wished to come true ("cita-cita Ibu terwujud",
	// "jadi milik Ibu"), not a reminder to vote.
	fr11AspWish   = mustFre(`(?i)(\b(?:cita-cita|harapan|perjuangan|impian|ikhtiar|langkah)\b.{0,60}?\b(?:terwujud|tercapai|berbuah|terkabul|berhasil)\b|\bjadi milik (?:ibu|bapak|beliau|abang|kakak|pian)\b)`)
	fr11KPU       = mustFre(`(?i)\b(?:ke|di) kpu\b`)
	fr11GoodWish  = mustFre(`(?i)\b(?:semoga|moga|mudahan|doa)\b.{0,40}?\b(sukses|menang|amanah|terpilih|dimudahkan|dilancarkan)\b`)
	fr11AfterVote = mustFre(`(?i)\b(?:wali ?kota|gubernur|bupati|pasangan|paslon|calon) terpilih\b|\bpelantikan\b|\bdilantik\b`)
	// A finger pose with a wink at the vote: "salam tiga jarinya ya … 28
	// November ayah bunda pasti sudah paham 😉".
	fr11FingerPose = mustFre(`(?i)\b(?:salam|gaya|pose|pakai|angkat|acungkan)\s+(satu|dua|tiga|empat|lima|[1-5])\s*jari`)
	fr11KnowHint   = mustFre(`(?i)(\b(?:pasti|sudah|udah|udh|tentu)\s+(?:tau|tahu|paham|ngerti|mengerti)\b|\b(?:tau|tahu) arah\w*|\btau sama tau\b)`)
	fr11VoteSoon   = mustFre(`(?i)\b((?:senin|selasa|rabu|kamis|jumat|sabtu|minggu) depan|\d{1,2} (?:november|februari|nov|feb)|hari h|hari pencoblosan|tps|bilik|nyoblos|coblosan)\b`)
)

// fingerSide is the ballot number a described finger pose shows.
func fingerSide(_ *Index, _ *pstate, m []string) string {
	n := map[string]string{"satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5"}[strings.ToLower(m[1])]
	if n == "" {
		n = m[1]
	}
	return "ballot-" + n
}

// partyMarchSide is the catalog party a march "bersama" names.
func partyMarchSide(ix *Index, st *pstate, m []string) string { return partySide(ix, st, m) }

// round11Frames are round 11's rows of the frame table.
var round11Frames = []frame{
	{rule: "support-call", parts: []*fre{fr11Share, fr11CampContent}, side: sharedSide, not: fr11ShareNot, mobilise: true},
	{rule: "slogan", parts: []*fre{fr11AcroHeart}, side: acroFrameSide},
	{rule: "campaign-hashtag", parts: []*fre{fr11AcroTag}, side: acroFrameSide},
	{rule: "slogan", parts: []*fre{fr11AcroCheer}, side: acroFrameSide, team: true},
	{rule: "slogan", parts: []*fre{fr11AcroMotto}, side: acroFrameSide},
	{rule: "slogan", parts: []*fre{fr11AcroWith}, side: acroFrameSide},
	{rule: "slogan", parts: []*fre{fr11PartyMarch}, side: partyMarchSide, anyDay: true},
	{rule: "oppose-call", parts: []*fre{fr11Record, fr11Ballot, fr11OppAct}, side: oppSide, oppose: true, not: fr11Principle, news: true, civic: true},
	{rule: "support-praise", parts: []*fre{fr11OnlyAmong}, side: onlyAmongSide},
	{rule: "support-praise", parts: []*fre{frPersonAny, fr11MeritVote}, side: personAnySide, team: true},
	{rule: "support-call", parts: []*fre{fr11VoteOffice}, side: personSide, civic: true},
	{rule: "attributes", parts: []*fre{fr11Colourize, fr11ColourAgain}, side: colourSide, anyDay: true},
	{rule: "support-call", parts: []*fre{fr11VoteUnity, frPersonAny}, side: personAnySide},
	{rule: "support-call", parts: []*fre{fr11VoteUnity, fr11Lean}, side: anyNamedSide},
	{rule: "support-call", parts: []*fre{fr11LeanPerson, fr11Ours}, side: personSide},
	{rule: "support-praise", parts: []*fre{fr11BestSide, fr11SettleBan}, side: pairOrPersonSide, not: frShopPerson},
	{rule: "greeting", parts: []*fre{frGreet, frPersonAny, fr11VoteSoonWish, fr11AspWish}, side: personAnySide, team: true, not: fr11AfterVote},
	{rule: "greeting", parts: []*fre{frRegisterGreet, fr11KPU, fr11GoodWish}, side: sharedSide, news: true, team: true, not: fr11AfterVote},
	{rule: "hand-sign", parts: []*fre{fr11FingerPose, fr11KnowHint, fr11VoteSoon}, side: fingerSide, sport: true},
}

var (
	// An opinion piece's verdict on a person: "Mengapa X Paling Layak
	// Memimpin", "X Pilihan Paling Tepat", "dipimpin sosok … seperti H. X",
	// "Tidak Memilih X", "X yang Tak Boleh Dilupakan Pemilih", "hanya X–Y
	// yang …". A headline capitalises every word, so the name is read
	// from the words right before or after the verdict.
	fr11OpVerdict = mustFre(`(` + gPair + `|` + gName + `)\s+(?i:paling layak|layak memimpin|pantas memimpin|paling pantas|paling siap|paling mampu|pilihan (?:paling )?(?:tepat|rasional|masuk akal)|satu-satunya (?:pilihan|calon))\b`)
	fr11OpLedBy   = mustFre(`(?i:dipimpin|memimpin)\s+(?:\w+\s+){0,3}?(?i:seperti|oleh)\s+(?:` + gHonorB + `\s+)?(?:(?:H|Hj|Dr|Drs|Ir|Prof|KH)\.\s*){0,3}(` + gName + `)`)
	fr11OpAgainst = mustFre(`(?i:tidak memilih|jangan memilih|jangan pilih|tak memilih|tidak pilih)\s+(` + gName + `)|(` + gName + `)\s+(?i:yang|yg)\s+(?:(?i:tak|tidak)\s+(?i:boleh|bisa)\s+(?i:dilupakan)|(?i:perlu|harus|wajib|patut)\s+(?i:diingat))`)
	fr11OpOnly    = mustFre(`(?i:hanya|cuma|satu-satunya)\s+(` + gPair + `|` + gPersonB + `)\s+(?i:yang|yg)\b`)
	// An opinion's verdict is on a candidate only beside a race's words.
	fr11OpRace = mustFre(`(?i)\b(calon|paslon|pasangan|pilkada|pilwali|pilgub|pemilih|pemilu|capres|cawapres|presiden|februari|memimpin|dipimpin|wali ?kota|gubernur|bupati|\d{1,2} november|kursi|pemimpin|kotak kosong|kolom kosong)\b`)
	// The person an opinion weighs: "rekam jejak Rahmawati Sari".
	fr11OpRecord = mustFre(`(?i:rekam jejak|pengalaman|kiprah|sosok)\s+(` + gName + `)`)
	fr11OpPerson = mustFre(`(?i)\b(sepatutnya|sudah saatnya|memberinya amanah|layak (?:dipilih|memimpin|didukung)|pantas (?:dipilih|memimpin|dipimpin)|layak dipimpin|pilihan paling|memilihnya (?:adalah )?(?:pilihan|keputusan) (?:yang )?(?:rasional|tepat|masuk akal|bijak|cerdas))\b`)
)

// headlineStop are headline words before a name ("Mengapa X …").
var headlineStop = map[string]bool{"mengapa": true, "kenapa": true, "alasan": true, "rekam": true, "jejak": true, "memilih": true,
	"tidak": true, "sosok": true, "calon": true, "bersama": true, "hanya": true, "cuma": true, "inilah": true, "ini": true}

// policyNoun are headline words that start a policy, not a name.
var policyNoun = map[string]bool{"program": true, "normalisasi": true, "pembangunan": true, "kebijakan": true, "sekolah": true,
	"pasar": true, "jalan": true, "drainase": true, "terowongan": true, "transportasi": true, "sungai": true, "polder": true,
	"anggaran": true, "perda": true, "sistem": true, "digitalisasi": true, "pendidikan": true, "kesehatan": true, "relokasi": true,
	"revitalisasi": true, "penataan": true, "pelayanan": true, "bus": true, "air": true, "banjir": true, "smart": true, "kota": true}

// headlineName trims headline words off a captured name; "" when no
// name is left or it is an office.
func headlineName(n string) string {
	f := strings.Fields(n)
	for len(f) > 0 && headlineStop[strings.ToLower(f[0])] {
		f = f[1:]
	}
	if len(f) == 0 || !nearNameOK(strings.FieldsFunc(f[0], func(r rune) bool { return r == '-' || r == '–' || r == '—' })[0]) || pairStop[strings.ToLower(f[0])] || policyNoun[strings.ToLower(f[0])] {
		return ""
	}
	return genericName(strings.Join(f, " "))
}

// opinionShapes reads an opinion piece's verdict on a person (round 11).
func (ix *Index) opinionShapes(st *pstate, head string) []genericHit {
	hy := st.hay()
	if h := opinionAcronym(ix, st, head); h != nil {
		return h
	}
	if !fr11OpRace.MatchString(hy) {
		return nil // "Mengapa Normalisasi Sungai Pilihan Paling Tepat": a policy
	}
	first := func(m []string) string {
		for _, w := range m[1:] {
			if w != "" {
				return headlineName(w)
			}
		}
		return ""
	}
	if m := fr11OpAgainst.FindStringSubmatch(hy); m != nil {
		if s := first(m); s != "" {
			return []genericHit{{rule: "oppose-call", actor: s, text: strings.TrimSpace(head) + " … " + m[0], oppose: true}}
		}
	}
	for _, re := range []*fre{fr11OpVerdict, fr11OpLedBy, fr11OpOnly} {
		if m := re.FindStringSubmatch(hy); m != nil {
			if s := first(m); s != "" {
				return []genericHit{{rule: "support-praise", actor: s, text: strings.TrimSpace(head) + " … " + m[0]}}
			}
		}
	}
	if m := fr11OpPerson.FindString(hy); m != "" {
		p := personAnySide(ix, st, nil)
		if r := fr11OpRecord.FindStringSubmatch(hy); p == "" && r != nil {
			p = headlineName(r[1]) // "Rekam jejak Rahmawati Sari … pilihan paling tepat"
		}
		if p != "" {
			return []genericHit{{rule: "support-praise", actor: p, text: strings.TrimSpace(head) + " … " + m}}
		}
	}
	return nil
}
