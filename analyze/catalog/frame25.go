package catalog

import (
	"strconv"
	"strings"
)

// Round 25's frames: the miss classes of three independent sets (AP, AQ,
// AR).

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
	fr25NumBest = mustFre(`(?i)(?:^|[\s.,!…])0([1-5])\s+(?:(?:yg|yang)\s+)?paling\s+(?:nyambung|jelas|mantap|masuk akal|keren|bagus|oke|ok|logis|berbobot|menguasai|siap|layak|cerdas|tenang|bijak|meyakinkan|solutif|konkret|realistis)\b`)
	fr25Debate  = mustFre(`(?i)\b(?:debat|visi misi|visi-misi|adu gagasan|gagasan\w*|program\w*|paparan)\b`)
	// "AMINkan 🤲": the pair's acronym in a prayer's word, in capitals.
	fr25AminPun = mustFre(`\b(AMIN)(?:kan|kn|in|lah)\b`)
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
	fr25Cheer      = mustFre(`(?i)\b(?:ramai sekali|rame banget|ramai banget|meriah|antusias|luar biasa|mantap|keren)\b|🔥|👏`)
	// The voter's inked finger after the vote ("☝️ jari ungu").
	reInkFinger = mustFre(`(?i)\b(?:jari ungu|jari (?:yang |yg )?(?:sudah |udah |udh )?(?:di)?celup|tinta ungu|tinta pemilu|celup tinta|jari bertinta|kelingking ungu)\b`)
)

var round25Frames = []frame{
	{rule: "support-call", parts: []*fre{fr25LuckyNum, fr25VoteDate}, side: onVoteDay(numberSide), sport: true},
	{rule: "hand-sign", parts: []*fre{fr25FingerWord, fr25Keycap}, side: sameFingerKeycap},
	{rule: "support-call", parts: []*fre{fr25PairNum, fr25RepostHead, fr25Cheer}, side: numberSide, not: fr25MaterialOK},
	{rule: "support-praise", parts: []*fre{fr25NumBest, fr25Debate}, side: numberSide, team: true, not: fr20NumNot},
	{rule: "slogan", parts: []*fre{fr25AminPun}, side: aminSide},
	{rule: "campaign-hashtag", parts: []*fre{fr25AcroWinTag}, side: acroFrameSide, queue: true, mobilise: true, not: fr25TeamWords},
	{rule: "mobilisation", parts: []*fre{fr25Material, fr25HandOut}, side: materialSide, mobilise: true, not: fr25MaterialOK},
	{rule: "oppose-call", parts: []*fre{fr25NumEnough}, side: numberSide, oppose: true, not: fr20NumNot},
	{rule: "oppose-call", parts: []*fre{fr25NoVoteTo}, side: numberSide, oppose: true, not: fr20NumNot},
	{rule: "oppose-attack", parts: []*fre{fr25SloganJibe}, side: jibedSloganSide, oppose: true, mobilise: true},
	{rule: "support-call", parts: []*fre{fr25EmptyBoxStand}, side: func(ix *Index, st *pstate, _ []string) string {
		if opts := ix.openOptions(st.day); len(opts) > 0 {
			return opts[0]
		}
		return ""
	}, news: true},
}

func init() {
	for i := range round25Frames {
		round25Frames[i].join = true
	}
	frames = append(frames, round25Frames...)
}

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
	for _, tg := range st.targets {
		if a := ix.actors[tg.actor]; a != nil && a.Kind == "party" {
			return a.ID
		}
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
