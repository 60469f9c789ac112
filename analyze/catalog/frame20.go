package catalog

import "strings"

// Round 20's frames: the miss classes of two independent sets (AH, AI):
// a side's acronym punned into a place's motto ("Samarinda BerSARI",
// "#KaltimBerDAYU", "Samarinda ber-NURANI") and an opinion piece's verdict
// on an acronym ("TAJUK | Samarinda Butuh SAFA", "EDITORIAL | Hanya
// NURANI yang …").

var (
	// A place "ber-" an acronym, or "bersama" it in a hashtag: the motto a
	// side coins from its acronym. A place's own motto is a word
	// ("Samarinda Bersih", "BERIMAN" in capitals): the acronym must follow
	// a "Ber" that is not all capitals.
	fr20BerAcro = mustFre(`\b(?i:samarinda|kaltim|banua|kalimantan timur|kota kita|kampung kita)\s+(?:Ber-?|ber-?)([A-Z]{3,8})\b|#[A-Za-z0-9]*?(?:Ber|Bersama)([A-Z]{3,8})\b`)
	// An opinion piece's verdict on an acronym: "Butuh SAFA", "Hanya NURANI
	// yang", "Saatnya RADEW".
	fr20OpAcro = mustFre(`\b(?i:butuh|membutuhkan|hanya|cuma|satu-satunya|saatnya|percayakan (?:pada|kepada)|bersama)\s+([A-Z]{3,8})\b`)
	// An office's program run with a party's organ: "kerja sama Disdag
	// dgn Rumah Aspirasi PAN", "berkolaborasi dengan DPC PKB".
	fr20PartyCoop = mustFre(`(?i)\b(?:kerja ?sama|bekerja ?sama|kolaborasi|berkolaborasi|bersinergi|sinergi)\s+(?:\w+\s+){0,2}?(?:dengan|dgn|dg|bareng)\s+(?:rumah aspirasi|posko aspirasi|dpc|dpd|dpw|fraksi|kader|relawan)\s+(?:partai\s+)?([\w-]+)`)
	// A party's name and its tagline in one hashtag: "#PANdekat",
	// "#PKSPeduli", "#GolkarHadir".
	fr20PartyTag = mustFre(`#(PAN|PKS|PKB|PDIP|PPP|PSI|NasDem|Nasdem|Golkar|Gerindra|Demokrat|Perindo|Hanura|Gelora)(?:Peduli|Dekat|Bersatu|Menang|Berbagi|Hadir|Melayani|peduli|dekat|hadir|berbagi|menang|bersatu|melayani)\b`)
	// A bare ballot number taken as the right choice: "01 haja gin nang
	// paling bujur", "2 aja pokoknya".
	fr20NumChoice = mustFre(`(?i)(?:^|[\s.,!…])0?([1-5])\s+(?:haja|aja|ajalah|saja|ja)\b.{0,30}?(?:\bpaling (?:bujur|betul|benar|mantap|pas|tepat|bagus)\b|\bnang (?:bujur|terbaik)\b|\bpokoknya\b|\b(?:sudah|udah|sdh) pasti\b)`)
	// A party's colour worn on the vote day, with a wink: "jgn lupa pakai
	// baju merah hari itu 😉🐂".
	fr20ColourWear = mustFre(`(?i)\b(?:pakai|pake|memakai|gunakan|kenakan|pakailah)\s+(?:baju|kaos|kaus|pakaian|busana|atasan|seragam|jilbab|kerudung)\s+(merah|kuning|biru|hijau|oranye|orange|jingga|ungu)\b`)
	fr20VoteDay    = mustFre(`(?i)\b(pencoblosan|nyoblos|coblosan|ke tps|di tps|hari h|hari pemungutan)\b`)
	fr20Wink       = mustFre(`😉|😜|🤭|🤫|🐂|🌳|\b(?i:paham kan|tau kan|ngerti kan|kode)\b`)
	// A ballot number in the heart: "Biru itu pasti, 02 di hati 💙".
	fr20NumHeart = mustFre(`(?i)(?:^|[\s.,!…])(?:nomor\s+|no\.?\s*)?0?([1-5])\s+(?:(?:haja|aja|selalu|tetap)\s+)?(?:di hati|di hatiku|dihati)\b`)
	// A number that is no ballot: one the sentence goes on to say is
	// something else ("Nomor 2 di hati tetap nasi kuning Bu Idah"), or a
	// counter's, a queue's or a room's ("loket 2 aja pokoknya").
	fr20NumNot = mustFre(`(?i)\b(?:di hati|di hatiku|dihati)\s+(?:tetap|tetep|tetaplah|adalah|yaitu|ialah|itu|cuma|hanya|masih)\b|\b(?:loket|antrian|antrean|pintu|jalur|lajur|ruang\w*|kamar|kelas|lantai|gate|meja|gelombang|sesi|shift|tahap|pos|rt|rw|gang|gg|blok|jam|tanggal|tgl|hari|menit|kali|level|bab|halaman|hal|lapak|stand|kios|nomor antrian|no antrian|ukuran|size)\s+0?[1-5]\s`)
	// "Nomor urut kesayangan" with the fingers that show it.
	fr20FavNumber = mustFre(`(?i)\bnomor urut (?:kesayangan|favorit|andalan|jagoan|idola)\b|\b(?:nomor|angka) (?:kesayangan|favorit|andalan|jagoan|idola) (?:kita|kami|ulun)\b`)
	fr20Fingers   = mustFre(`(?i)(☝|✌|🤟|\b(?:satu|dua|tiga) jari\b)`)
	// "Indonesia makin AMIN": the pair's acronym as the thing wished, not
	// the prayer's last word.
	fr20AminCheer = mustFre(`\b(?i:makin|semakin|tambah|tetap|bersama|salam|dukung|pilih)\s+(AMIN)\b`)
	// A bare acronym hashtag beside a wish of another term: "Lanjut jilid 2
	// makin ngebut 🚀 #AHZ".
	fr20BareTag  = mustFre(`#([A-Z]{2,8})\b`)
	fr20Continue = mustFre(`(?i)\b(lanjut(?:kan)? jilid (?:2|dua|ii)|jilid (?:2|dua|ii)|dua periode|2 periode|lanjutkan)\b`)
	// A side's acronym refused in a hashtag: "#BukanSIBAYU", "#AsalBukanRAFA".
	fr20NotTag = mustFre(`#(?:Bukan|AsalBukan|Asal_Bukan|asalbukan|bukan)([A-Z]{3,8})\b`)
	// A legislative candidate's ballot line: "nomor urut 3 dapil Samarinda 2".
	fr20CalegLine = mustFre(`(?i)\bnomor urut\s+0?(\d{1,2})\s+dapil\b`)
	// A knowing line with a pose: "salam tiga jari dulu 🤟 yg tau ya tau".
	fr20Knowing = mustFre(`(?i)\b(?:yg|yang) (?:tau|tahu|paham|ngerti) (?:ya|aja|ja|haja) (?:tau|tahu|paham|ngerti)\b`)
	// An opinion's verdict on an acronym among the pairs: "RIDA yang paling
	// konkret menawarkan".
	fr20OpAcroBest = mustFre(`\b([A-Z]{3,8})\s+(?i:yang|yg)\s+(?i:paling)\s+(?i:konkret|layak|siap|jelas|realistis|masuk akal|pantas|mampu|serius|matang)\b`)
	// A player's shirt number: "#Nomor2Juara" under "nomor punggung 02 …
	// cetak 5 gol".
	frPlayerNumber = mustFre(`(?i)\b(nomor punggung|no punggung|top skor|top scorer|pencetak gol|cetak \d+ gol|mencetak \d+ gol|kiper|striker)\b`)
	// "AMIN" in capitals beside the pair's theme: "… sehat selalu, AMIN ☝️
	// #PerubahanDimulaiDariSini". A prayer's "amin" has neither.
	fr20AminCaps   = mustFre(`\b(AMIN)\b`)
	fr20AminTheme  = mustFre(`#\w*(?:Perubahan|perubahan)|(?i:salam perubahan)|☝`)
	fr20AminTheme2 = mustFre(`(?i)perubahan`)
	// A number held to the end: "Tetap 03 sampai akhir 🔥".
	fr20NumStay = mustFre(`(?i)\btetap\s+0?([1-5])\s+(?:sampai|sampe|ampe|ampai)\s+(?:akhir|menang|mati|tua)\b|(?:^|[\s.,!])0([1-5])\s+(?:sampai|sampe|ampe)\s+(?:akhir|menang|mati)\s*(?:[^\w\s]|$)`)
	// "Our" pair to win: "ayo menangkan paslon kita", "siap kawal calon
	// kami". A vote for whoever one chooses is said with "pilih", which
	// this leaves to the civic rules.
	fr20OurSide = mustFre(`(?i)\b(?:menangkan|memenangkan|menangkanlah|dukung|mendukung|kawal|sukseskan|manangakan)\s+(?:paslon|calon|pasangan|jagoan|kandidat|caleg|cawali|cagub)\s+(?:kita|kami|ulun|kita semua|kita bersama)\b`)
	// An opinion piece's pair or acronym offering what the city needs (one
	// offer, one side: weighing two pairs' offers is analysis):
	// "Rudy–Seno menawarkan akselerasi yang selama ini kita tunggu", "RIJO
	// membawa angin segar yang dibutuhkan Samarinda".
	fr20OpOffer = mustFre(`(` + gPair + `|\b[A-Z]{3,8})\s+(?i:menawarkan|membawa angin segar|membawa gagasan|membawa harapan|adalah jawaban|jawaban atas|paling siap|paling konkret|lebih siap|lebih layak|lebih pantas|lebih mampu|lebih matang|paling relevan|paling tepat|paling layak|layak diberi kesempatan|layak dipilih|layak memimpin|pantas memimpin|sudah teruji|teruji memimpin|terbukti memimpin|sudah terbukti)\b`)
	// The verdict is on a candidacy beside a race's or a choice's words.
	fr20OpAcroRace = mustFre(`(?i)\b(calon|paslon|pasangan|pilkada|pilwali|pilgub|pemilu|pilihan (?:bulan|tahun|minggu|kita|warga) ini|pilihan (?:kita|warga|pemilih)|rekam jejak|periode|kampanye|dipimpin|memimpin)\b`)
)

// berCivic are the public programmes' own "Ber-" acronyms: the civil
// service's core values (BerAKHLAK), the anti-drug towns (BerSINAR),
// clean-and-green mottos.
var berCivic = map[string]bool{"AKHLAK": true, "SINAR": true, "SERI": true, "SEMI": true, "IMAN": true, "ADAB": true,
	"ADAT": true, "TUAH": true, "DAYA": true, "SAMA": true, "SATU": true, "SINERGI": true, "MARTABAT": true, "BUDAYA": true,
	"SIH": true, "SIHAT": true, "SEHAT": true, "KAH": true, "KAT": true, "AGAMA": true, "KARYA": true, "PRESTASI": true,
	"GERAK": true, "INOVASI": true}

// berSide is the side a "Ber-" motto's acronym names.
func berSide(ix *Index, st *pstate, m []string) string {
	for _, w := range m[1:] {
		if w != "" {
			if berCivic[w] {
				return ""
			}
			return acroSide(w)
		}
	}
	return ""
}

var round20Frames = []frame{
	// civic: a side's motto signs a service notice off even beside a
	// neutral word ("Penertiban PKL … Samarinda ber-NURANI").
	{rule: "slogan", parts: []*fre{fr20BerAcro}, side: berSide, civic: true, queue: true},
	{rule: "party-service", parts: []*fre{fr20PartyCoop}, side: coopSide, not: fr12AidNot},
	{rule: "campaign-hashtag", parts: []*fre{fr20PartyTag}, side: partySide},
	{rule: "support-call", parts: []*fre{fr20NumChoice}, side: numberSide, team: true, not: fr20NumNot},
	{rule: "support-call", parts: []*fre{fr20NumHeart}, side: numberSide, team: true, not: fr20NumNot},
	{rule: "hand-sign", parts: []*fre{fr20Fingers, fr20FavNumber}, side: fingerCount, sport: true},
	{rule: "slogan", parts: []*fre{fr20AminCheer}, side: aminSide},
	{rule: "slogan", parts: []*fre{fr20AminCaps, fr20AminTheme, fr20AminTheme2}, side: aminSide},
	{rule: "support-call", parts: []*fre{fr20OurSide}, side: fixedSide("unlisted:calon")},
	{rule: "support-call", parts: []*fre{fr20NumStay}, side: numberSide, team: true, news: true},
	{rule: "campaign-hashtag", parts: []*fre{fr20BareTag, fr20Continue}, side: acroFrameSide, queue: true},
	{rule: "campaign-hashtag", parts: []*fre{fr20NotTag}, side: acroFrameSide, oppose: true, queue: true},
	{rule: "support-call", parts: []*fre{fr20CalegLine}, side: func(ix *Index, st *pstate, m []string) string {
		if p := personAnySide(ix, st, nil); p != "" {
			return p
		}
		return "unlisted:caleg-nomor-" + strings.TrimLeft(m[1], "0")
	}, news: true},
	{rule: "hand-sign", parts: []*fre{fr11FingerPose, fr20Knowing}, side: fingerSide, sport: true},
	{rule: "attributes", parts: []*fre{fr20ColourWear, fr20VoteDay, fr20Wink}, side: colourSide, civic: true},
}

func init() {
	for i := range round20Frames {
		round20Frames[i].join = true
	}
	frames = append(frames, round20Frames...)
}

// opinionAcronym reads an opinion piece's verdict on a side: a pair's or an
// acronym's offer to the city, one pair or number as the only answer, the
// court ruling behind a candidacy, the empty box as a stand, a side given
// a chance, selling old promises or to be voted out, and an acronym the
// city needs.
func opinionAcronym(ix *Index, st *pstate, head string) []genericHit {
	hy := st.hay()
	if o := fr20OpOffer.FindStringSubmatch(hy); o != nil && len(fr20OpOffer.FindAllStringIndex(hy, 2)) == 1 && listedActors(st) < 2 {
		if s := offerSide(ix, st, o[1]); s != "" {
			return []genericHit{{rule: "support-praise", actor: s, text: strings.TrimSpace(head) + " … " + o[0]}}
		}
	}
	if o := fr25OnlyPair.FindStringSubmatch(hy); o != nil && listedActors(st) < 2 {
		// "Hanya pasangan Prabowo–Gibran yang menjamin …": one pair as the
		// only answer.
		if s := offerSide(ix, st, o[1]); s != "" {
			return []genericHit{{rule: "support-praise", actor: s, text: strings.TrimSpace(head) + " … " + o[0]}}
		}
	}
	if c := fr25CourtFlaw.FindString(hy); c != "" && fr25Gibran.MatchString(hy) {
		// "Kolom: Pencalonan Gibran lahir dari putusan MK yang cacat etik":
		// the column's verdict on the pair's candidacy.
		if s := liveSide("prabowo-gibran")(ix, st, nil); s != "" {
			return []genericHit{{rule: "oppose-attack", actor: s, text: strings.TrimSpace(head) + " … " + c, oppose: true}}
		}
	}
	if b := fr23EmptyBoxOK.FindString(hy); b != "" || fr25EmptyBoxStand.MatchString(hy) {
		// "KOLOM: Memilih kolom kosong bukan dosa demokrasi …": the column
		// offers the empty box.
		if s := emptyBoxSide(ix, st, nil); s != "" {
			if b == "" {
				b = fr25EmptyBoxStand.FindString(hy)
			}
			return []genericHit{{rule: "support-call", actor: s, text: strings.TrimSpace(head) + " … " + b}}
		}
	}
	if o := fr25OnlyNum.FindStringSubmatch(hy); o != nil {
		// "hanya pasangan 02 yang menjanjikannya secara konkret".
		if s := numberSide(ix, st, o); s != "" {
			return []genericHit{{rule: "support-praise", actor: s, text: strings.TrimSpace(head) + " … " + o[0]}}
		}
	}
	o := fr25GiveChance.FindStringSubmatch(hy)
	if o == nil {
		o = fr26GiveChanceTo.FindStringSubmatch(hy)
	}
	if o != nil && (fr20OpAcroRace.MatchString(hy) || ix.openOptions(st.day) != nil || len(ix.campaignRaces(st.day)) > 0) {
		// "Warga sebaiknya memberi AH kesempatan menuntaskannya".
		s := namedPair(ix, st)
		if s == "" {
			s = offerSide(ix, st, o[1])
		}
		if s != "" {
			return []genericHit{{rule: "support-praise", actor: s, text: strings.TrimSpace(head) + " … " + o[0]}}
		}
	}
	if o := fr25OpAcroStale.FindStringSubmatch(hy); o != nil {
		// "Pasangan RIANG menjual janji yang sama …": the column against it.
		if s := acroSide(o[1]); s != "" {
			return []genericHit{{rule: "oppose-attack", actor: s, text: strings.TrimSpace(head) + " … " + o[0], oppose: true}}
		}
	}
	if o := fr26OpAcroNotAnswer.FindStringSubmatch(hy); o != nil && fr20OpAcroRace.MatchString(hy) {
		// "Calon yang gagal … tidak pantas dipercaya … YUNA bukan
		// jawabannya": the column against the side.
		if s := acroSide(o[1]); s != "" {
			return []genericHit{{rule: "oppose-attack", actor: s, text: strings.TrimSpace(head) + " … " + o[0], oppose: true}}
		}
	}
	if o := fr25OpAcroOust.FindStringSubmatch(hy); o != nil && (fr20OpAcroRace.MatchString(hy) || fr25Booth.MatchString(hy)) {
		// "RIDHO layak dikoreksi di bilik suara": the column turns the
		// reader against the side.
		if s := acroSide(o[1]); s != "" {
			return []genericHit{{rule: "oppose-attack", actor: s, text: strings.TrimSpace(head) + " … " + o[0], oppose: true}}
		}
	}
	m := fr20OpAcro.FindStringSubmatch(hy)
	if m == nil {
		m = fr20OpAcroBest.FindStringSubmatch(hy)
	}
	if m == nil || !fr20OpAcroRace.MatchString(hy) {
		return nil
	}
	if s := acroSide(m[1]); s != "" {
		return []genericHit{{rule: "support-praise", actor: s, text: strings.TrimSpace(head) + " … " + m[0]}}
	}
	return nil
}

// fingerCount is the ballot number the fingers a favourite number comes
// with show.
func fingerCount(ix *Index, st *pstate, m []string) string {
	n := map[string]string{"☝": "1", "✌": "2", "🤟": "3", "satu jari": "1", "dua jari": "2", "tiga jari": "3"}[strings.ToLower(m[1])]
	if n == "" {
		return ""
	}
	return numberSide(ix, st, []string{"", n})
}

// aminSide is the pair AMIN while its race is open.
var aminSide = liveSide("amin")

// coopSide is the party, or the catalogued pair or candidate, whose organ
// an office runs a programme with ("dgn Rumah Aspirasi Isran-Hadi").
func coopSide(ix *Index, st *pstate, m []string) string {
	if p := partySide(ix, st, m); p != "" {
		return p
	}
	return namedPair(ix, st)
}

// namedPair is the pair of the first catalogued pair or candidate the post
// names, or "".
func namedPair(ix *Index, st *pstate) string {
	for _, tg := range st.targets {
		if a := ix.actors[tg.actor]; a != nil && (a.Kind == "pair" || a.Kind == "candidate") {
			return ix.pairOf(tg.actor)
		}
	}
	return ""
}

// offerSide is the side an opinion's offer names: an acronym's, a
// catalogued pair's (its name as written), or a pair the catalog does not
// list.
func offerSide(ix *Index, st *pstate, name string) string {
	if name == strings.ToUpper(name) {
		return acroSide(name)
	}
	f := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '–' || r == '—' || r == ' ' })
	if len(f) != 2 || genericStop[strings.ToLower(f[0])] || pairStop[strings.ToLower(f[0])] {
		return ""
	}
	if p := namedPair(ix, st); p != "" {
		return p
	}
	return genericName(name)
}
