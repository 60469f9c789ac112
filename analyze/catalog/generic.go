package catalog

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Catalog-free targets and frames (issue 26, round 6). The rules above
// recognise the catalog's actors; these read a side the catalog does not
// know from the shape of the post: an honorific or candidate role and a
// capitalised name ("Bapak Darmawan Saputra", "pasangan HEBAT",
// "pasangan Darmawan-Lestari"), an office as a target ("menuju Samarinda
// 1"), a pair's hashtag ("#HendraUntukKaltim", "#Lanjutkan02"), a ballot
// number next to "paslon"/"nomor" while a race is open, a finger emoji in
// a campaign phrase. They run only when the catalog's rules found no side,
// and never in a neutrality message, a quote or a hard-news report.

// genericHit is one side read by a catalog-free frame.
type genericHit struct {
	rule, actor, text string
	oppose            bool
}

const (
	gName    = `[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,2}`
	gPair    = `[A-Z][a-z'’]+\s?[-–—]\s?[A-Z][a-z'’]+`
	gAcronym = `[A-Z]{3,8}`
	gHonor   = `(?:Pak|Bapak|Bu|Ibu|Bang|bang|Abang|Paman|Kak|Mas|Bunda|Abah|Ustadz|Ustaz|Haji|H\.)`
	gRole    = `(?i:caleg|cawali|cawawali|cagub|cawagub|capres|paslon|pasangan|calon|kandidat|jagoan)`
	gOffice  = `(?:Samarinda|Kaltim|Kalimantan Timur|Balikpapan|Bontang|Kukar|Kutai Kartanegara|RI|Indonesia)\s?(?:1|1️⃣|Satu)`
)

var (
	// A target: an honorific or a role with a name, a pair or an acronym.
	reHonorName = mustFre(`\b` + gHonor + `\s+(` + gName + `)`)
	reRoleName  = mustFre(`\b` + gRole + `\s+(` + gPair + `|` + gAcronym + `\b|` + gName + `)`)
	reParty     = mustFre(`\bPartai\s+(` + gName + `)`)
	// A bare name right after a call or before a verdict ("asal jangan
	// Hendra Wijaya", "Hanya Hendra Wijaya yang", "Sulaiman Akbar layak
	// dipilih").
	reNameAfter  = mustFre(`(?i:asal jangan|asal bukan|jangan pilih|siap memenangkan|menangkan|pilihan (?:kami|kita|saya) jelas:?|hanya|selain|dukung)\s+(` + gName + `)`)
	reNameBefore = mustFre(`(` + gName + `)\s+(?i:layak dipilih|pantas dipilih|satu-satunya pilihan|adalah pilihan terbaik|yang memenuhi syarat|layak memimpin)`)
	rePairBare   = mustFre(`\b(` + gPair + `)\b`)
	reOffice     = mustFre(`(?i:menuju|untuk|for|jadi|gasan|buat)\s+(` + gOffice + `)(?:\s+(\S+))?`)
	reOfficeBare = mustFre(`\b(` + gOffice + `)(?:\s+(\S+))?`)
	reBallot     = mustFre(`(?i)\b(?:paslon|pasangan calon|nomor urut|no\.?\s?urut|nomor|nomer|no\.)\s*0?([1-9])\b`)
	reTagNum     = mustFre(`#(?:(?i:lanjutkan|teruskan|lanjut|tetap|pilih|coblos|menangkan|menang|salam)0?([1-9])\b|0?([1-9])(?i:lanjutkan|teruskan|lanjut|menang|jilid2|juara|pasti|dihati)\b)`)
	reTagWith    = mustFre(`#(?:Bersama|Dukung|Pilih|Coblos|Menangkan|Kawal)([A-Z][a-z]+(?:[A-Z][a-z]+)?)\b`)
	reTagFor     = mustFre(`#([A-Z][A-Za-z]+?)(?:Untuk|For|Buat|Gasan|Pimpin|Menuju)(Kaltim|Samarinda|Balikpapan|Bontang|Indonesia)\w*`)
	reTagAgain   = mustFre(`#(?i:asalbukan|asaljangan|tolak|jangan)([A-Z][A-Za-z]+)`)
	reFinger     = mustFre(`☝|✌|🤟|🖐|✋`)
	reFingerW    = mustFre(`(?i)\b(?:salam|pose|kompak|acungkan|mengacungkan)\s+(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|[1-9])\s+jari\b|(?i)\b(satu|dua|tiga|empat|lima|[1-9])\s+jari\b`)
)

// genericStop are capitalised words that are not a candidate's name after
// an honorific or role: offices, roles in the administration, places.
var genericStop = map[string]bool{
	"lurah": true, "camat": true, "wali": true, "walikota": true, "wakil": true, "gubernur": true, "bupati": true,
	"presiden": true, "menteri": true, "kapolsek": true, "kapolres": true, "kapolda": true, "danramil": true,
	"kadis": true, "kepala": true, "ketua": true, "sekda": true, "sekcam": true, "seklur": true, "rt": true, "rw": true,
	"sekel": true, "sekkel": true, "sekdes": true, "kasubag": true, "kasubbag": true, "kasie": true, "kaur": true, "kadus": true,
	"dokter": true, "bidan": true, "guru": true, "ustadz": true, "kades": true, "babinsa": true, "bhabinkamtibmas": true,
	"linmas": true, "satlinmas": true, "hansip": true,
	"kapus": true, "direktur": true, "kasi": true, "kabid": true, "anggota": true, "dewan": true, "dprd": true,
	"nomor": true, "no": true, "urut": true, "calon": true, "yang": true, "dan": true, "di": true, "ke": true,
	"kami": true, "kita": true, "kalian": true, "mereka": true, "ini": true, "itu": true, "tersebut": true,
	"pilkada": true, "pilwali": true, "pilgub": true, "pemilu": true, "samarinda": true, "kaltim": true,
	"terpilih": true, "petahana": true, "wawali": true, "wagub": true, "pj": true, "plt": true, "sekretaris": true,
	"kasat": true, "kabag": true, "pembina": true, "pengurus": true, "juara": true, "pelatih": true, "tim": true,
	"imam": true, "khatib": true, "haji": true, "satpam": true, "sopir": true, "polisi": true, "tni": true,
	"jaksa": true, "hakim": true, "posyandu": true, "pkk": true, "kpu": true, "bawaslu": true, "asn": true,
	"bapak": true, "ibu": true, "pak": true, "bu": true, "sekalian": true, "warga": true, "semua": true, "para": true,
	"sabtu": true, "minggu": true, "senin": true, "selasa": true, "rabu": true, "kamis": true, "jumat": true,
}

// acronymStop are capitals that are not a pair's acronym.
var acronymStop = map[string]bool{
	"KPU": true, "RT": true, "RW": true, "ASN": true, "KTP": true, "BPBD": true, "PKK": true, "DBD": true, "TPS": true,
	"DPRD": true, "HUT": true, "SIM": true, "PDAM": true, "BPJS": true, "UMKM": true, "OPINI": true, "TAJUK": true,
	"KPUD": true, "DPT": true, "PNS": true, "TNI": true, "POLRI": true, "SMA": true, "SMP": true, "SD": true,
	"PAUD": true, "BLT": true, "PKH": true, "INFO": true, "PENGUMUMAN": true, "WIB": true, "WITA": true,
}

// name returns the actor id of a generic candidate named by words.
func genericName(words string) string {
	f := strings.FieldsFunc(strings.ToLower(words), func(r rune) bool {
		return r == ' ' || r == '-' || r == '–' || r == '—' || r == '\'' || r == '’'
	})
	return "unlisted:calon-" + strings.Join(f, "-")
}

// gtarget is a catalog-free target in the raw text.
type gtarget struct {
	actor, text string
	start, end  int // byte offsets in the raw text
	office      bool
	number      bool
	honor       bool // only an honorific and a name: a person, not yet a candidate
	bare        bool // an office without "menuju"/"untuk" before it: a target only beside a person
}

// genericTargets reads the catalog-free targets of h.
func genericTargets(h *hay, season bool) []gtarget {
	raw := h.raw
	var out []gtarget
	okName := func(n string) bool {
		first := strings.ToLower(strings.Fields(strings.ReplaceAll(n, "-", " "))[0])
		// "Bapak Kapolresta Samarinda" is an office, not a name.
		return !genericStop[first] && !nearOffice[first]
	}
	for _, m := range reHonorName.FindAllStringSubmatchIndex(h, -1) {
		n := raw[m[2]:m[3]]
		if !okName(n) {
			continue
		}
		out = append(out, gtarget{actor: genericName(n), text: raw[m[0]:m[1]], start: m[0], end: m[1], honor: true})
	}
	for _, m := range reRoleName.FindAllStringSubmatchIndex(h, -1) {
		n := raw[m[2]:m[3]]
		if acronymStop[n] || !okName(n) {
			continue
		}
		out = append(out, gtarget{actor: genericName(n), text: raw[m[0]:m[1]], start: m[0], end: m[1]})
	}
	for _, m := range reParty.FindAllStringSubmatchIndex(h, -1) {
		n := raw[m[2]:m[3]]
		if genericStop[strings.ToLower(strings.Fields(n)[0])] || partyStop[strings.ToLower(strings.Fields(n)[0])] {
			continue
		}
		out = append(out, gtarget{actor: "unlisted:partai-" + strings.ToLower(strings.Join(trimPartyTail(strings.Fields(n)), "-")), text: raw[m[0]:m[1]], start: m[0], end: m[1]})
	}
	for _, re := range []*fre{reNameAfter, reNameBefore} {
		for _, m := range re.FindAllStringSubmatchIndex(h, -1) {
			n := raw[m[2]:m[3]]
			ws := strings.Fields(n)
			if len(ws) < 2 || genericStop[strings.ToLower(ws[0])] || nearOffice[strings.ToLower(ws[0])] || pairStop[strings.ToLower(ws[0])] || partyStop[strings.ToLower(ws[0])] {
				continue
			}
			out = append(out, gtarget{actor: genericName(n), text: n, start: m[2], end: m[3], honor: true})
		}
	}
	for _, m := range rePairBare.FindAllStringSubmatchIndex(h, -1) {
		n := raw[m[2]:m[3]]
		parts := strings.FieldsFunc(n, func(r rune) bool { return r == '-' || r == '–' || r == '—' || r == ' ' })
		if len(parts) != 2 || genericStop[strings.ToLower(parts[0])] || genericStop[strings.ToLower(parts[1])] || pairStop[strings.ToLower(parts[0])] || pairStop[strings.ToLower(parts[1])] {
			continue
		}
		out = append(out, gtarget{actor: genericName(n), text: n, start: m[2], end: m[3]})
	}
	for _, m := range reOffice.FindAllStringSubmatchIndex(h, -1) {
		if m[4] >= 0 {
			next := raw[m[4]:m[5]]
			if r := []rune(next); len(r) > 0 && r[0] >= 'A' && r[0] <= 'Z' {
				continue // "Samarinda 1 Data": a programme's name
			}
		}
		out = append(out, gtarget{actor: "unlisted:kursi-" + strings.ToLower(strings.Fields(raw[m[2]:m[3]])[0]), text: raw[m[0]:m[3]], start: m[0], end: m[3], office: true})
	}
	for _, m := range reOfficeBare.FindAllStringSubmatchIndex(h, -1) {
		if m[4] >= 0 {
			if r := []rune(raw[m[4]:m[5]]); len(r) > 0 && (r[0] >= 'A' && r[0] <= 'Z' || r[0] >= '0' && r[0] <= '9' || r[0] == '-') {
				continue // "Samarinda 1 Data", "Samarinda 1 - 0"
			}
		}
		if slices.ContainsFunc(out, func(t gtarget) bool { return t.office && t.end == m[3] }) {
			continue
		}
		out = append(out, gtarget{actor: "unlisted:kursi-" + strings.ToLower(strings.Fields(raw[m[2]:m[3]])[0]), text: raw[m[2]:m[3]], start: m[2], end: m[3], office: true, bare: true})
	}
	if season {
		for _, m := range reBallot.FindAllStringSubmatchIndex(h, -1) {
			out = append(out, gtarget{actor: "ballot-" + raw[m[2]:m[3]], text: raw[m[0]:m[1]], start: m[0], end: m[1], number: true})
		}
	}
	return out
}

// hashtagCivic are words after "#Bersama" that make a civic hashtag
// ("#BersamaLawanCovid", "#BersamaKitaBisa").
var hashtagCivic = map[string]bool{"kita": true, "lawan": true, "membangun": true, "bangun": true, "jaga": true, "cegah": true,
	"peduli": true, "sehat": true, "bersih": true, "hebat": true, "maju": true, "bisa": true, "rakyat": true, "warga": true,
	"umkm": true, "polri": true, "tni": true, "kpu": true, "bawaslu": true, "pemkot": true, "indonesia": true, "negeri": true}

// partyStop are words after "Partai" that are not a party's name.
var partyStop = map[string]bool{"politik": true, "peserta": true, "pengusung": true, "pendukung": true, "koalisi": true,
	"baru": true, "lama": true, "besar": true, "kecil": true, "lokal": true, "nasional": true, "oposisi": true, "penguasa": true,
	"pemenang": true, "hanya": true, "tajuk": true, "opini": true, "editorial": true, "kolom": true, "siapa": true}

// pairStop are capitalised words joined by a dash that are not a pair:
// days, months, places, routes.
var pairStop = map[string]bool{
	"senin": true, "selasa": true, "rabu": true, "kamis": true, "jumat": true, "sabtu": true, "minggu": true,
	"januari": true, "februari": true, "maret": true, "april": true, "mei": true, "juni": true, "juli": true,
	"agustus": true, "september": true, "oktober": true, "november": true, "desember": true,
	"samarinda": true, "balikpapan": true, "bontang": true, "tenggarong": true, "jakarta": true, "kaltim": true,
	"palaran": true, "sempaja": true, "loa": true, "sungai": true, "jalan": true, "jl": true, "gang": true,
	"utara": true, "selatan": true, "timur": true, "barat": true, "pagi": true, "siang": true, "sore": true, "malam": true,
}

// Frame regexps, matched case-insensitively on the raw text.
var (
	reSupportFrame = mustFre(`(?i)\b((?:harus|wajib|layak|pantas) jadi (?:wali ?kota|gubernur|bupati|presiden|anggota dewan)|berdiri di belakang|saatnya|sudah saatnya|jadikan|gaspol terus|gas terus|siap memenangkan|siap menangkan|menangkan|ayo menangkan|mari menangkan|dukung penuh|mari (?:kita )?dukung(?: penuh)?|ayo dukung|kita dukung|kami dukung|pilihan (?:kami|kita|saya|ulun|aku)(?: sudah)?(?: jelas)?|coblos|pilih|milih|memilih|mendukung|sakeluarga milih|satu putaran|sudah bulat|no debat|sepakat|haja\b|aja\b|saja\b|di hati)`)
	reOpposeFrame  = mustFre(`(?i)\b(asal jangan|asal bukan|jangan pilih|jangan coblos|jangan memilih|jangan dikasih suara|jangan kasih suara|jangan beri suara|jawabannya jelas bukan|tolak)\b`)
	reMobOccasion  = mustFre(`(?i)\b(silaturahmi(?: akbar)?|jalan sehat|ngopi bareng|ngopi bersama|senam bersama|senam bareng|deklarasi relawan|temu relawan|kampanye(?: akbar| dialogis)?|rapat akbar|konsolidasi|temu caleg|temu kader|temu warga|tatap muka|deklarasi|kopdar|halal bihalal|buka bersama|bukber|doa bersama|makan bersama|nobar|nonton bareng)\b`)
	reMobLogistic  = mustFre(`(?i)\b(transportasi|transport|bus|mobil jemputan|jemputan|antar jemput|titik kumpul|kumpul|berangkat|rombongan|kaos dibagikan|kaos gratis|konsumsi disediakan|diharapkan hadir|wajib hadir|silakan daftar|daftar ke|ayo ramaikan|ramaikan|ikut|dibagikan|kupon|start dari|disiapkan|disediakan)\b`)
	reGreetFrame   = mustFre(`(?i)\b(semoga lancar|doa kami|selamat ulang tahun|selamat ulang tahun|barakallah|selamat milad|selamat atas|selamat dan sukses|selamat|kami mendoakan|mendoakan)\b`)
	reGreetWish    = mustFre(`(?i)\b(mendoakan kemenangan|semoga menang|semoga terpilih|lancar sampai pelantikan|sampai pelantikan|sampai dilantik|membawa kemenangan|sukses di pilwali|sukses di pilkada|sukses di pilgub|sukses mendampingi|jadi wakil wali kota|jadi wali kota|jadi gubernur|amanah dan menang|menang di pilwali|menang di pilkada|menang di pilgub)\b`)
	reShareFrame   = mustFre(`(?i)\b(like dan share|like & share|share|bagikan|membagikan(?: ulang)?|sebarkan|repost|tonton dan sebarkan|viralkan)\b`)
	reShareObject  = mustFre(`(?i)\b(video|postingan|unggahan|konten|poster|flyer)\b`)
	reShareCamp    = mustFre(`(?i)\b(kampanye|visi misi|program)\b`)
	// A person's ballot number ("Hj. Nurul (No. 4)") marks the content as a
	// candidate's too, unless the likes are a contest's votes.
	reShareBallot  = mustFre(`(?i)(\(\s*(?:no\.?|nomor|nomer)\s*(?:urut\s*)?0?[1-9]\s*\)|\bno\.? urut\b|\bnomor urut\b)`)
	reContestVote  = mustFre(`(?i)\b(voting|vote|kontes|favorit|terfavorit|lomba|juri|peserta|finalis)\b`)
	reOpinionFrame = mustFre(`(?i)(pilihan paling|paling masuk akal|tidak ada (?:kandidat|calon|pilihan) lain|satu-satunya pilihan|satu satunya pilihan|pilihan rasional|yang memenuhi syarat|layak dipilih|pantas dipilih|pilihan terbaik|pilihan tepat|paling layak|layak memimpin)`)
	reSport        = mustFre(`(?i)\b(juara|lomba|piala|turnamen|pertandingan|skor|klub|borneo fc|fc samarinda|voli|futsal|sepak bola|persisam|pesut etam|porprov|popda|o2sn|kejurda|kejurnas|medali|pesilat|silat|atlet|bulu tangkis|badminton|catur|karate|taekwondo)\b`)
	reFingerCtx    = mustFre(`(?i)(di hati|kompak\s+(?:\S+\s+jari|[☝✌🤟🖐✋])|salam\s+(?:\S+\s+jari|[☝✌🤟🖐✋])|pose|untuk (?:samarinda|kaltim|indonesia) (?:lebih|makin)|yang penting|😉)`)
	reColourDay    = mustFre(`(?i)\bkaos (kuning|merah|biru|hijau|oranye|putih)[- ]?(?:ku|kami|kita)?\b.*\b(14 februari|27 november|hari h|hari pencoblosan|ke tps)`)
	reReported     = mustFre(`(?i)\b(orasinya|pidatonya|sambutannya|meminta|minta (?:pendukung|relawan|warga|kader|simpatisan)|katanya|ujarnya|tuturnya|ungkapnya|kata dia|menurutnya)\b`)
	reConditional  = mustFre(`(?i)\b(barang siapa|siapa yang|siapa saja yang|kalau ada yang|yang milih|yang memilih)\b`)
	reCrowd        = mustFre(`(?i)\b(ribuan|ratusan|puluhan|massa|simpatisan|panitia)\b`)
	reOpinionLabel = mustFre(`(?i)^\s*(opini|tajuk|editorial|kolom|catatan redaksi|pojok)\b`)
	// reCivicCall is a call for the city or a programme ("Ayo dukung
	// Samarinda raih Adipura"): a finger emoji after it is no pose.
	reCivicCall     = mustFre(`(?i)\b(?:dukung|sukseskan)\s+(?:samarinda|kaltim|indonesia|kota|program|gerakan|kegiatan|atlet|umkm|kelurahan|kecamatan)\b`)
	reCommunityPost = mustFre(`(?i)\b(?:sebagai|jadi|pemilihan|calon|maju di pemilihan)\s+(?:ketua|wakil ketua|pengurus|sekretaris|bendahara)\s+(?:rt|rw|lpm|karang taruna|koperasi|pkk|osis|kelas|panitia|yayasan|masjid|musala|takmir|remaja masjid|kerukunan|paguyuban|arisan|alumni|ikatan)\b|\bpemilos\b|\b(?:ketua|wakil ketua|ketos|waketos)\s+osis\b|\b(?:pemilihan|pemilu|calon|paslon|kandidat)\s+(?:ketua\s+)?osis\b|\bosis\s+20\d\d\b`) // a school's own election (PEMILOS OSIS)
	reOrdinary      = mustFre(`(?i)\b(antrean|antrian|nomor antre|rt \d|rw \d|juara \d|gang|blok|loket|kamar|ruang|kelas|meja|jalur|pintu|halaman)\b`)
)

// reLexSupport and reLexOppose are the catalog rules' strong support and
// opposition calls, read on the raw text next to a catalog-free target;
// words that are often something else ("gas", "tusuk", "stop") are left
// out.
var reLexSupport, reLexOppose = lexFrame(supStrong, lexSkip), lexFrame(oppStrong, lexSkip)

var lexSkip = map[string]bool{"gas": true, "gass": true, "vote": true, "centang": true, "tusuk": true, "contreng": true,
	"siapa lagi": true, "stop": true, "lawan": true, "turunkan": true, "boikot": true, "tolak": true,
	"menolak": true, "cukup sudah": true, "tidak memilih": true, "tidak pilih": true, "jayalah": true, "pilih": true,
	"pilihlah": true, "jangan biarkan": true, "jangan percaya": true, "say no to": true, "all in": true, "all out": true,
	"percayakan": true, "amanahkan": true, "satukan suara": true, "pilihan tepat": true}

func lexFrame(list []string, skip map[string]bool) *fre {
	var alts []string
	for _, p := range list {
		if !skip[p] {
			alts = append(alts, regexp.QuoteMeta(p))
		}
	}
	return mustFre(`(?i)\b(` + strings.Join(alts, "|") + `)\b`)
}

// electoralCall are the calls that only a vote answers ("menangkan",
// "coblos"); other calls ("dukung", "jagoan") take a person named by an
// honorific as a candidate only with election words in the post.
var electoralCall = regexp.MustCompile(`(?i)^(?:siap |ayo |mari |kita |kami )?(?:(?:harus|wajib|layak|pantas) jadi .*|memenangkan|menangkan|menangkanlah|coblos|milih|pilih|memilih|sakeluarga milih|satu putaran|sekali putaran|1 putaran|menang satu putaran|pilihan (?:kami|kita|saya|ulun|aku).*|sudah bulat|suara .*|.*periode.*|kawal sampai menang|sampai menang|sampai kemenangan|pasti menang|harus menang|yakin menang)$`)

// reElecSignal are election words the lexicon does not read as such:
// an office to lead, a seat.
var reElecSignal = mustFre(`(?i)\b(memimpin (?:samarinda|kaltim|kota|kalimantan timur|provinsi)|wali ?kota (?:kita|samarinda)|gubernur (?:kita|kaltim)|kursi|maju di|nyalon|27 november|14 februari)\b`)

// genericFrames reads a side from the catalog-free targets of the post.
// season is true while a race is open on the post's day, or the post has
// election words.
func (ix *Index) genericFrames(st *pstate, c *pctx, season bool) []genericHit {
	if st.doc == nil || c.neutral || c.quote {
		return nil
	}
	h := st.hay()
	raw := h.raw
	tgs := genericTargets(h, season)
	// Gate: without a target, only the hashtag, finger and colour frames
	// can add a side, and only in season; when their regexps cannot match
	// either, nothing is read (most posts).
	if len(tgs) == 0 && (!season || !(reTagNum.may(h) || reTagWith.may(h) || reTagFor.may(h) || reTagAgain.may(h) ||
		reFinger.may(h) || reFingerW.may(h) || reColourDay.may(h))) {
		return nil
	}
	if reReported.MatchString(h) {
		return nil // "Dalam orasinya, X minta pendukung 'coblos nomor 2'"
	}
	if reCommunityPost.MatchString(h) {
		return nil // "sepakat pilih Pak Udin jadi ketua panitia maulid": a community's own election
	}
	var out []genericHit
	add := func(h genericHit) {
		for _, o := range out {
			if o.actor == h.actor && o.rule == h.rule {
				return
			}
		}
		out = append(out, h)
	}
	// sport is read once, when a frame asks.
	sportDone, sportVal := false, false
	sport := func() bool {
		if !sportDone {
			sportDone, sportVal = true, reSport.MatchString(h)
		}
		return sportVal
	}
	// A news outlet's post argues for a side only in an opinion piece.
	report := st.media && !reOpinionLabel.MatchString(h)
	// A person: a honorific or role target that is not an office.
	persons := func() []gtarget {
		var p []gtarget
		for _, t := range tgs {
			if !t.office && !t.number {
				p = append(p, t)
			}
		}
		return p
	}()
	nearest := func(lo, hi int, list []gtarget, span int) *gtarget {
		var best *gtarget
		bd := span + 1
		for i := range list {
			t := &list[i]
			d := 0
			switch {
			case t.start >= hi:
				d = t.start - hi
			case t.end <= lo:
				d = lo - t.end
			default:
				continue
			}
			if d < bd {
				best, bd = t, d
			}
		}
		return best
	}
	// An office target with a person before it ("Bang Yusran menuju
	// Samarinda 1") or a call ("Pilihan kami jelas: Hendra Wijaya untuk
	// Kaltim 1").
	for _, t := range tgs {
		if !t.office {
			continue
		}
		if p := nearest(t.start, t.end, persons, 40); p != nil && (!t.bare || season && !sport() && !c.hardNews) {
			add(genericHit{rule: "support-praise", actor: p.actor, text: t.text})
			continue
		}
		if t.bare {
			continue
		}
		if m := reSupportFrame.FindString(h); m != "" || reGreetFrame.MatchString(h) {
			add(genericHit{rule: "support-praise", actor: t.actor, text: t.text})
		}
	}
	if !season {
		return out
	}
	hard := c.hardNews
	// Greetings with an electoral wish to a person; not for a community
	// election ("lancar sampai pelantikan sebagai Ketua RT 12") nor a
	// contest ("semoga menang di lomba masak").
	if len(persons) == 0 {
		// Gate: a greeting names a person.
	} else if g := reGreetFrame.FindStringIndex(h); g != nil && !reCommunityPost.MatchString(h) && !sport() {
		if w := reGreetWish.FindString(h); w != "" {
			if p := nearest(g[0], g[1], persons, 60); p != nil {
				add(genericHit{rule: "greeting", actor: p.actor, text: w})
			}
		}
	}
	if hard {
		return out
	}
	// Gate: every frame from here to the hashtags is read next to a
	// target.
	if len(tgs) > 0 {
		// Support and opposition calls right before or after a person or a
		// ballot number.
		opp := reOpposeFrame.FindAllStringIndex(h, -1)
		opp = append(opp, reLexOppose.FindAllStringIndex(h, -1)...)
		for _, m := range opp {
			if t := nearest(m[0], m[1], tgs, 25); t != nil && !t.office {
				add(genericHit{rule: "oppose-call", actor: t.actor, text: raw[m[0]:m[1]], oppose: true})
			}
		}
		if !report && !sport() {
			sup := reSupportFrame.FindAllStringIndex(h, -1)
			sup = append(sup, reLexSupport.FindAllStringIndex(h, -1)...)
			for _, m := range sup {
				word := strings.ToLower(raw[m[0]:m[1]])
				t := nearest(m[0], m[1], tgs, 25)
				if t == nil || t.office {
					continue
				}
				if reConditional.MatchString(h) {
					continue // "Barang siapa milih nomor 3 ...": a threat, not a call
				}
				if t.number && reOrdinary.MatchString(h) {
					continue
				}
				gap := raw[min(t.end, m[1]):max(t.start, m[0])]
				if t.end <= m[0] {
					gap = raw[t.end:m[0]]
				} else {
					gap = raw[m[1]:t.start]
				}
				weak := word == "pilih" || word == "memilih" || word == "mendukung" || word == "haja" || word == "aja" || word == "saja" || word == "di hati" || word == "sepakat"
				if weak && !ix.firstPersonRaw(h) && !strings.Contains(strings.ToLower(raw), "ayo") && !strings.Contains(strings.ToLower(raw), "jangan lupa") && word != "di hati" {
					continue
				}
				if weak && len(strings.TrimSpace(strings.Trim(gap, ",.:!;"))) > 0 {
					continue // "pilih nasi kuning Bu Imah": the call has another object
				}
				if word == "di hati" {
					if r := []rune(strings.TrimLeft(raw[m[1]:], " ")); len(r) > 0 && unicode.IsLetter(r[0]) {
						continue // "Nomor 2 di hati tetap soto Banjar": a menu, not a ballot
					}
				}
				if (word == "haja" || word == "aja" || word == "saja") && t.end > m[0] {
					continue // the name must come before "haja"
				}
				if t.honor && !electoralCall.MatchString(word) && !c.elecText && !reElecSignal.MatchString(h) {
					continue // "Mari dukung Ibu Sarinah yang berjuang melawan kanker"
				}
				add(genericHit{rule: "support-call", actor: t.actor, text: raw[m[0]:m[1]]})
			}
		}
		// Mobilisation: an occasion with a person, and its logistics.
		if o := reMobOccasion.FindStringIndex(h); o != nil && !c.hardNews && !report && !reCrowd.MatchString(h) {
			if l := reMobLogistic.FindString(h); l != "" {
				if p := nearest(o[0], o[1], tgs, 40); p != nil && !p.office {
					add(genericHit{rule: "mobilisation", actor: p.actor, text: raw[o[0]:o[1]]})
				}
			}
		}
		// Amplifying a side's campaign content.
		if s := reShareFrame.FindStringIndex(h); s != nil && reShareObject.MatchString(h) && (reShareCamp.MatchString(h) || reShareBallot.MatchString(h) && !sport() && !reContestVote.MatchString(h)) {
			if t := nearest(s[0], s[1], tgs, 80); t != nil && !t.office {
				add(genericHit{rule: "support-call", actor: t.actor, text: raw[s[0]:s[1]]})
			}
		}
		// An opinion that only one side qualifies.
		if o := reOpinionFrame.FindStringIndex(h); o != nil && !c.news {
			if t := nearest(o[0], o[1], tgs, 40); t != nil && !t.office {
				add(genericHit{rule: "support-praise", actor: t.actor, text: raw[o[0]:o[1]]})
			}
		}
	}
	// Pair hashtags.
	for _, m := range reTagNum.FindAllStringSubmatch(h, -1) {
		add(genericHit{rule: "campaign-hashtag", actor: "ballot-" + m[1] + m[2], text: m[0]})
	}
	for _, m := range reTagWith.FindAllStringSubmatch(h, -1) {
		if w := strings.ToLower(splitCamel(m[1])); genericStop[strings.Fields(w)[0]] || pairStop[strings.Fields(w)[0]] || hashtagCivic[strings.Fields(w)[0]] {
			continue
		}
		add(genericHit{rule: "campaign-hashtag", actor: genericName(splitCamel(m[1])), text: m[0]})
	}
	for _, m := range reTagFor.FindAllStringSubmatch(h, -1) {
		if genericStop[strings.ToLower(m[1])] {
			continue
		}
		add(genericHit{rule: "campaign-hashtag", actor: genericName(splitCamel(m[1])), text: m[0]})
	}
	for _, m := range reTagAgain.FindAllStringSubmatch(h, -1) {
		add(genericHit{rule: "oppose-call", actor: genericName(splitCamel(m[1])), text: m[0], oppose: true})
	}
	// A finger emoji or pose in a campaign phrase; a community's own vote
	// has its own numbers ("Ketua terpilih calon nomor urut 3 … 🤟"), and
	// a voter's inked finger is every voter's ("☝️ jari ungu").
	if !sport() && !(reCommunityRole.MatchString(h) && reCommunityVote.MatchString(h)) && !rePoseReported.MatchString(h) && !reInkFinger.MatchString(h) {
		if f := reFinger.FindString(h); f != "" && reFingerCtx.MatchString(h) {
			n := map[string]string{"☝": "1", "✌": "2", "🤟": "3", "🖐": "5", "✋": "5"}[f]
			add(genericHit{rule: "hand-sign", actor: ix.fingerSide(n, c, st.day), text: f})
		} else if m := reFingerW.FindStringSubmatch(h); m != nil && reFingerCtx.MatchString(h) {
			w := m[1]
			if w == "" {
				w = m[2]
			}
			add(genericHit{rule: "hand-sign", actor: ix.fingerSide(numberOf(w), c, st.day), text: m[0]})
		}
	}
	// A party colour worn for polling day.
	if m := reColourDay.FindStringSubmatch(h); m != nil && !c.news {
		add(genericHit{rule: "attributes", actor: ix.colourParty(m[1]), text: "kaos " + m[1]})
	}
	return out
}

// fingerSide resolves a finger number to a side on the day: the race's
// number when one is open, otherwise the bare ballot number.
func (ix *Index) fingerSide(n string, c *pctx, day Date) string {
	if a, ok, _ := ix.handActor(n, c, day); ok && a != "" {
		return a
	}
	return "ballot-" + n
}

// colourParty is the one party of a colour, or the colour itself.
func (ix *Index) colourParty(colour string) string {
	colour = strings.ToLower(colour)
	found := ""
	for id, a := range ix.actors {
		if a.Kind == "party" && containsString(a.Colours, colour) {
			if found != "" {
				return "unlisted:warna-" + colour
			}
			found = id
		}
	}
	if found == "" {
		return "unlisted:warna-" + colour
	}
	return found
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// numberOf reads a digit or an Indonesian number word.
func numberOf(w string) string {
	w = strings.ToLower(w)
	for i, n := range numberWords {
		if n != "" && n == w {
			return string(rune('0' + i))
		}
	}
	return w
}

// splitCamel splits "DarmawanLestari" into "Darmawan Lestari".
func splitCamel(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

var reFirstPerson = mustFre(`(?i)\b(saya|aku|kami|kita|ulun|gue|gw|sakeluarga|keluarga kami|bubuhan)\b`)

// firstPersonRaw reports a first-person word in h.
func (ix *Index) firstPersonRaw(h *hay) bool { return reFirstPerson.MatchString(h) }

// namesSideAny reports a listed party, candidate or pair the post names.
func (ix *Index) namesSideAny(st *pstate) bool {
	for i := range st.targets {
		if tg := &st.targets[i]; !tg.num && !tg.generic && !tg.office {
			return true
		}
	}
	return false
}

// voteAhead reports a race in the catalog voting within n days after day:
// registrations and greetings come before the ballot numbers are drawn.
func (ix *Index) voteAhead(day Date, n int) bool {
	if day.IsZero() {
		return false
	}
	for _, e := range ix.elections {
		if !e.Vote.Before(day) && e.Vote.Before(day.AddDays(n)) {
			return true
		}
	}
	return false
}
