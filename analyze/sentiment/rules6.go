package sentiment

import (
	"strconv"
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Round 6 (issue #21, dev6): the miss classes of an independent set seen
// after round 5 — code-mixed English read through a proper polarity
// lexicon, thanks for a failure closed by a joke about its consequence,
// beauty words for dirt and decay, a city slogan turned, good news told
// as a report (awards, bad indicators going down, a facility welcomed, a
// road open again), complaints told as bare facts (a budget beside a harm
// that comes back, a trip told in meters and minutes, a list of broken
// parts), an agency's record of an incident and a plain scene (neutral),
// campaign enthusiasm without the older campaign words.

func init() {
	// English polarity lexicon for mixed posts; "not"/"no" before a word
	// flip it (see scanDoc), so "not bad" is praise and "not good" a
	// complaint.
	addCues(cEnPos, "seamless hassle-free game_changer pretty impressed neat legit friendly user-friendly salute brilliant gorgeous satisfying satisfied convenient comfy comfortable cozy safe clean cleaner better improved improving organized responsive quick efficient reliable outstanding incredible cute bravo kudos")
	addCues(cEnPos, "next_level on_point love_it loved_it well_done super_fast so_fast so_good top_notch highly_recommended good_job nice_job great_job big_thanks much_appreciated worth_it")
	addCues(cEnNeg, "disaster mess messed frustrated frustrating frustration ghosting ghosted scary dangerous unsafe letdown clogged flooded dark dirty smelly noisy lazy rude late delayed failed fail failure hopeless nonsense joke overpriced worse neglected abandoned confusing")
	addCues(cEnNeg, "total_mess zero_safety zero_response zero_reply no_reply no_response no_lights no_signal no_water no_power not_working let_down")
	addCues(cQuestion, "anyone anybody")
	addCues(cMoney, "apbd apbn apbd-p")
	addCues(cComplaint, "bergelombang bergelombangnya")
	addCues(cResolved, "ditindaklanjuti ditertibkan dibereskan dituntaskan diselesaikan dirapikan")
	// Campaign enthusiasm: legislative candidates, "all out", "gas pol"
	// (normalised "gas sekali"), "kita kawal".
	addCues(cCampaign, "caleg capres cawali cagub caleg-nya tps")
	addCues(cSupport, "all_out gas_sekali gaskeun gaskan")
	addCues(cSupportStrong, "all_out gas_sekali gaskeun gaskan")
	addCues(cCheer, "kawal yok yuk gaskeun")
	for _, c := range []struct {
		words string
		class uint16
	}{
		{"plastik botol_plastik pesing belukar kuburan kuburannya got comberan lumpur keruh kumuh karat karatan berkarat lumut berlumut bau aroma_got bolong bolong-bolong sampah", w6Decay},
		{"cantik indah estetik estetis aesthetic wangi harum semerbak syahdu romantis instagramable instagrammable cocok", w6Beauty},
		{"hebat jago mahir terlatih latihan rajin sehat olahraga kuat kebal pintar hafal hemat", w6JokeWord},
		{"stunting kemiskinan pengangguran kriminalitas kecelakaan inflasi dbd kematian penderita pelanggaran kasus gizi_buruk", w6Indicator},
		{"turun menurun berkurang ditekan merosot anjlok terus_turun", w6GoingDown},
		{"naik meningkat bertambah melonjak melesat", w6GoingUp},
		{"adipura penghargaan wtp piala award trofi predikat medali kalpataru swasti_saba wtn anugerah", w6Award},
		{"raih meraih dapat mendapat mendapatkan menerima terima sabet menyabet borong memborong boyong memboyong pertahankan mempertahankan diganjar", w6AwardVerb},
		{"bpbd bmkg dlh pupr pu dishub damkar basarnas polresta polres polda kpu bawaslu pemkot pemprov dinkes disdukcapil bps satpol dprd kodim lantas sar", w6Agency},
		{"mencatat melaporkan menerjunkan mendata mengerahkan menyebut menyatakan mengimbau merilis menetapkan mencatatkan menginformasikan memastikan menurunkan mengevakuasi", w6NewsVerb},
		{"bocor pecah hilang patah mati habis dikunci kosong rusak copot lepas jebol mampet karatan berkarat roboh sobek kotor gelap tutup mangkrak", w6BrokenState},
		{"coklat cokelat kecokelatan kecoklatan milo kopi_susu teh_susu", w6Brown},
	} {
		for _, w := range strings.Fields(c.words) {
			words6[w] |= c.class
		}
	}
}

const (
	w6Decay       uint16 = 1 << iota // decay
	w6Beauty                         // beauty
	w6JokeWord                       // jokeWord
	w6Indicator                      // indicator
	w6GoingDown                      // goingDown
	w6GoingUp                        // goingUp
	w6Award                          // award
	w6AwardVerb                      // awardVerb
	w6Agency                         // agency
	w6NewsVerb                       // newsVerb
	w6BrokenState                    // brokenState
	w6Brown                          // brown
	w6Head                           // the first word of a two-word entry (kopi of kopi_susu)
)

// words6 holds the round-6 word classes in one map, so that a token costs one look-up.
var words6 = map[string]uint16{}

func init() {
}

// add6Heads marks the first words of the two-word entries.
func add6Heads() {
	for w := range words6 {
		if i := strings.IndexByte(w, '_'); i > 0 {
			words6[w[:i]] |= w6Head
		}
	}
}

// r6 is what round 6 records of a document.
type r6 struct {
	joke        int    // index of a consequence joke: "jadi jago", "biar latihan sabar", "bikin jantung sehat" (0: none)
	atasProblem bool   // thanks "atas/untuk" a problem: "terima kasih atas pemadamannya"
	beauty      int    // index of the first beauty word (0: none)
	brown       bool   // a brown colour (coklat, milo, kopi susu): decay when the post names water
	water       bool   // air, sungai, PDAM
	decay       bool   // dirt or decay: coklat kaya milo, kuburan, got
	slogan      bool   // a city slogan turned: "katanya kota …", "kota tepian, tepiannya …"
	badUp       bool   // a bad indicator going up: "angka kemiskinan naik"
	goodDown    bool   // a bad indicator going down: "angka stunting turun"
	award       bool   // an award won: "dapat Adipura lagi", "meraih opini WTP"
	welcome     bool   // "warga menyambut gembira", "mengapresiasi"
	restored    bool   // "kembali bisa dilalui", "tidak perlu … lagi"
	agencyNews  bool   // an agency's record: "BPBD mencatat …", "DLH: …"
	scene       bool   // a plain scene: "lagi di Tepian", "otw ke …"
	repeatHarm  bool   // a harm that comes back after a budget: "mengungsi lagi", "tahun kelima"
	broken      uint64 // clauses (up to 64) that tell a broken part: "atap bocor", "kursi tinggal satu"
	distM       float64
	minutes     float64
	lastClause  [8]string // the first words of the current clause
	nLast       int
	prevClause  [8]string // and of the previous one
	nPrev       int
	clauseKota  bool // the previous clause names "kota"
	echo        bool // a clause opens with a word of the previous one that named "kota"
	greet       bool // the post opens on a greeting (selamat siang, salamat, halo): a polite message
	weather     bool // the post opens on the weather: "hujan deras …", "angin kencang …"
	outage      bool // padam, mati, putus: a service lost
	again       bool // "lagi" after a problem: it comes back
	onlyRes     bool // a repair after cuma/hanya: "cuma diangkut seminggu sekali"
}

// adjust6 corrects the cue flags of a word by its neighbours before the
// older rounds read them: "truk sampah" is a service, not rubbish;
// "jangan lupa" cheers, it is not against.
func adjust6(toks []normalize.Token, i int, w, prev string, f uint32) uint32 {
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].Norm
	}
	switch w {
	case "sampah":
		switch prev {
		case "truk", "tempat", "bank", "petugas", "tong", "bak", "pengangkut", "mobil", "retribusi", "pemilahan", "olah", "pengolahan",
			"pengelolaan", "ulang", "pilah", "memilah", "pusat": // round 7: a service, not rubbish

			f &^= cComplaint
		}
	case "serius":
		if prev == "yang" {
			f &^= cRhetoric // "partai yang serius urus banjir": a quality, not "serius?"
		}
	case "jangan":
		switch next {
		case "lupa", "ragu", "kendor", "golput", "sampai", "kasih", "tidak": // round 7: "jangan kada datang"
			f = f&^cAgainst | cCheer
		}
	}
	return f
}

// round6 records the round-6 frames; f are the word's cue flags.
func (s *scan) round6(toks []normalize.Token, i int, w, prev string, f uint32, negated bool) {
	r := &s.r6
	next := ""
	if i+1 < len(toks) && toks[i+1].Kind != normalize.Punct {
		next = toks[i+1].Norm
	}
	f6, pair6 := s.e.w6, s.pe.w6 // the word's and the two-word entry's ending at it
	if i == 0 || toks[i-1].Kind == normalize.Punct {
		// a new clause: does it echo a word of the previous one that named "kota"?
		if r.nLast > 0 {
			r.prevClause, r.nPrev, r.clauseKota = r.lastClause, r.nLast, false
			for _, p := range r.prevClause[:r.nPrev] {
				if p == "kota" {
					r.clauseKota = true
				}
			}
			r.nLast = 0
		}
		if r.clauseKota {
			base := strings.TrimSuffix(w, "nya")
			for _, p := range r.prevClause[:r.nPrev] {
				if p == base && p != "kota" && len(p) > 3 {
					r.echo = true
					s.add(0, "slogan "+p)
				}
			}
		}
	}
	if r.nLast < len(r.lastClause) {
		r.lastClause[r.nLast] = w
		r.nLast++
	}
	if f6|pair6 == 0 && s.e.set&sKey6 == 0 && f&(cResolved|cComplaint) == 0 && toks[i].Kind != normalize.Number {
		return // gate: every check below reads the round-6 classes, f, a number or names its word (round6Words)
	}
	if (f6&w6JokeWord != 0) && !negated {
		for k := i - 1; k >= 0 && k >= i-3 && toks[k].Kind != normalize.Punct; k-- {
			if n := toks[k].Norm; n == "jadi" || n == "biar" || n == "bikin" || n == "membuat" || n == "supaya" || n == "agar" || n == "makin" || n == "semakin" || n == "sekarang" && r.atasProblem {
				r.joke = i + 1
				s.add(0, n+" "+w)
				break
			}
		}
	}
	if (w == "atas" || w == "untuk" || w == "buat") && s.has(cPolite) && s.praiseAt > 0 {
		// the thing thanked for is a problem: "atas pemadamannya", "atas
		// jalan berlubangnya"; not a repair of one ("atas perbaikan jalan
		// berlubang")
		for k := i + 1; k < len(toks) && k <= i+3 && toks[k].Kind == normalize.Word; k++ {
			n := toks[k].Norm
			if fk := cueWords[n] | cueWords[toks[k].Stem]&cComplaint; fk&(cComplaint|cHarm) != 0 {
				r.atasProblem = true
				s.add(0, w+" "+n)
				break
			}
			if words5[n]&w5Street == 0 && n != "air" && n != "listrik" && n != "sungai" && n != "lampu" {
				break
			}
		}
	}
	if f&cResolved != 0 && (prev == "cuma" || prev == "hanya") {
		r.onlyRes = true
	}
	if (f6&w6Brown != 0) || (pair6&w6Brown != 0) {
		r.brown = true
		s.add(0, "brown "+w)
	}
	if w == "air" || w == "airnya" || w == "sungai" || w == "sungainya" || w == "pdam" || w == "keran" {
		r.water = true
	}
	if (f6&w6Beauty != 0) && !negated && prev != "kurang" && r.beauty == 0 {
		r.beauty = i + 1
	}
	if ((f6&w6Decay != 0) || (pair6&w6Decay != 0)) && !negated {
		r.decay = true
		s.add(0, "decay "+w)
	}
	if i < 2 && (w == "katanya" || w == "ngakunya" || w == "konon" || w == "julukannya" || w == "slogannya") {
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if toks[k].Norm == "kota" {
				r.slogan = true
				s.add(0, w+" kota")
			}
		}
	}
	if (f6&w6GoingUp != 0) && !negated {
		for k := i - 1; k >= 0 && k >= i-7 && toks[k].Kind != normalize.Punct; k-- {
			if s.lx[k].w6&w6Indicator != 0 {
				r.badUp = true
				s.add(0, toks[k].Norm+" "+w)
				break
			}
		}
	}
	if (f6&w6GoingDown != 0) && !negated {
		for k := i - 1; k >= 0 && k >= i-7 && toks[k].Kind != normalize.Punct; k-- {
			if s.lx[k].w6&w6Indicator != 0 || toks[k].Norm == "sekolah" && k > 0 && toks[k-1].Norm == "putus" {
				r.goodDown = true
				s.add(0, toks[k].Norm+" "+w)
				break
			}
		}
	}
	if w == "juara" && !negated {
		switch next {
		case "nasional", "provinsi", "umum", "dunia", "internasional", "pertama", "satu", "1":
			r.award = true // "juara nasional lomba adiwiyata"
			s.add(0, w+" "+next)
		}
	}
	if (f6&w6Award != 0) && !negated {
		for k := i - 1; k >= 0 && k >= i-4 && toks[k].Kind != normalize.Punct; k-- {
			if s.lx[k].w6&w6AwardVerb != 0 && !toks[k].Negated {
				r.award = true
				s.add(0, toks[k].Norm+" "+w)
				break
			}
		}
	}
	switch w {
	case "menyambut", "sambut", "disambut":
		if next == "gembira" || next == "baik" || next == "antusias" || next == "positif" || next == "senang" || next == "hangat" {
			r.welcome = true
			s.add(0, w+" "+next)
		}
	case "mengapresiasi", "apresiasi", "diapresiasi", "bersyukur", "antusias":
		if !negated {
			r.welcome = true
			s.add(0, w)
		}
	case "kembali":
		switch next {
		case "bisa", "normal", "dibuka", "lancar", "beroperasi", "dilalui", "berfungsi", "mengalir", "menyala", "aman":
			r.restored = true
			s.add(0, w+" "+next)
		}
	case "perlu":
		if negated && lagiAhead(toks, i+1) && errandNext(toks, i+1) {
			r.restored = true // "pasien tidak perlu ke Balikpapan lagi"
			s.add(0, "tidak perlu … lagi")
		}
	case "lagi", "berturut-turut", "kalinya":
		if w != "lagi" || s.moneyAt > 0 && s.negAt > s.moneyAt && s.negAt >= i {
			if s.moneyAt > 0 {
				r.repeatHarm = true
				s.add(0, w)
			}
		}
	case "tinggal", "sisa", "tersisa":
		if next != "" && (toks[i+1].Kind == normalize.Number || s.lx[i+1].cue&cNumeral != 0) && s.clause < 64 {
			r.broken |= 1 << s.clause // "kursi tinggal satu"
		}
	}
	if w == "tahun" && s.moneyAt > 0 && strings.HasPrefix(next, "ke") && len(next) > 2 {
		r.repeatHarm = true // "tahun kelima", "tahun ke-5"
		s.add(0, w+" "+next)
	}
	if (f6&w6BrokenState != 0) && !negated && s.clause < 64 || w == "ada" && negated && (next == "" || i+1 < len(toks) && toks[i+1].Kind == normalize.Punct) && s.clause < 64 {
		r.broken |= 1 << s.clause
	}
	if i <= 1 && (f6&w6Agency != 0) {
		if next == "" && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Raw, ":") {
			r.agencyNews = true
			s.add(0, w+":")
		}
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if s.lx[k].w6&w6NewsVerb != 0 {
				r.agencyNews = true
				s.add(0, w+" "+toks[k].Norm)
				break
			}
		}
	}
	if i == 0 && (w == "lagi" || w == "otw" || w == "otewe" || w == "sedang") {
		switch next {
		case "di", "ke", "antre", "antri", "nunggu", "menunggu", "makan", "nongkrong", "jalan", "ngopi", "duduk", "santai":
			r.scene = true
			s.add(0, w+" "+next)
		}
	}
	if i == 0 && (w == "selamat" || w == "salamat" || w == "halo" || w == "hai" || w == "assalamualaikum") {
		r.greet = true
	}
	if i == 0 && (w == "hujan" || w == "angin" || w == "gerimis" || w == "cuaca") && (next == "deras" || next == "lebat" || next == "kencang" || next == "ekstrem" || next == "seharian") {
		r.weather = true
		s.add(0, w+" "+next)
	}
	if (w == "padam" || w == "mati" || w == "putus" || w == "pemadaman") && !negated {
		r.outage = true // "hujan deras seharian, listrik padam": a harm, not weather news
	}
	if w == "lagi" && s.negAt > 0 && s.negAt >= i-2 {
		r.again = true
	}
	if w == "anyone" || w == "anybody" {
		s.address = true // "anyone tau …?": a question to the crowd
	}
	if w == "otw" && i == 0 {
		r.scene = true
	}
	// "setelah 2 jam padam": a problem told as before the good news.
	if f&cComplaint != 0 && s.negAt == i+1 {
		for k := i - 1; k >= 0 && k >= i-4 && toks[k].Kind != normalize.Punct; k-- {
			if n := toks[k].Norm; n == "setelah" || n == "sesudah" || n == "usai" || n == "pasca" {
				s.negFixed = true
				break
			}
		}
	}
	if toks[i].Kind == normalize.Number && i+1 < len(toks) {
		// the unit first: most numbers are no distance or time
		scale, dist := 0.0, false
		switch strings.ToLower(toks[i+1].Raw) {
		case "m", "meter":
			scale, dist = 1, true
		case "km", "kilo", "kilometer":
			scale, dist = 1000, true
		case "menit", "mnt":
			scale = 1
		case "jam":
			scale = 60
		}
		if scale != 0 {
			if v, err := strconv.ParseFloat(strings.ReplaceAll(toks[i].Raw, ",", "."), 64); err == nil {
				if dist {
					r.distM = v * scale
				} else {
					r.minutes = v * scale
				}
			}
		}
	}
}

// lagiAhead reports whether "lagi" ends the clause that starts at j.
func lagiAhead(toks []normalize.Token, j int) bool {
	for k := j; k < len(toks) && k < j+6 && toks[k].Kind != normalize.Punct; k++ {
		if toks[k].Norm == "lagi" {
			return true
		}
	}
	return false
}

// slowTrip reports a trip told in meters and minutes at a walking pace
// (under 10 km/h): "800 meter, 40 menit".
func (r *r6) slowTrip() bool {
	return r.distM > 0 && r.minutes >= 10 && r.distM/1000/(r.minutes/60) < 10
}

// decide6 applies the round-6 rules; out applies the model gate.
func (s *scan) decide6(resolved bool, conf float64, out func(label, rule string) decision) decision {
	r := &s.r6
	irony := s.has(cIrony) || s.ironyEmoji || s.softIrony
	praise := s.n(cPraise) > s.polite || s.has(cEnPos)
	// Thanks or praise for a failure, closed by a joke about what it
	// taught ("kami jadi jago main kartu", "biar latihan sabar", "bikin
	// jantung sehat"), or thanks "atas" a problem with such a joke.
	if r.joke > 0 && (s.praiseAt > 0 || s.has(cThanks)) && s.praiseAt < r.joke && (s.negAt > 0 || s.pendAt > 0 || r.atasProblem || s.span) && s.qmarks == 0 && !s.hope && !s.has(cRequest) {
		return decision{label: mentionNegative, rule: RuleConsequence, cues: s.cues}
	}
	// Beauty words for dirt and decay: "bungas banar, coklat kaya milo",
	// "sepi kayak kuburan, cocok buat meditasi, top 👍".
	if r.beauty > 0 && (r.decay || r.brown && r.water) && !s.over && !s.has(cThanks|cRequest|cNews) && s.qmarks == 0 && !(resolved && s.resAt > s.compAt) && s.turnAt == 0 {
		return out(mentionNegative, RuleBeautyIrony)
	}
	// A city slogan turned: "kota tepian, tepiannya sampai ke ruang tamu",
	// "katanya kota layak anak, …".
	if (r.echo || r.slogan) && s.qmarks == 0 && !s.has(cThanks|cResolved) && !(praise && !irony && s.negAt == 0 && !r.slogan) {
		return out(mentionNegative, RuleSlogan)
	}
	// A budget beside a harm that comes back: "anggaran Rp 400 miliar,
	// Griya Mukti mengungsi lagi, tahun kelima".
	if s.moneyAt > 0 && r.repeatHarm && (s.negAt > s.moneyAt && s.resAt3 < s.negAt || s.has(cStill) && s.wait && s.resAt3 == 0) && s.n(cPraise) <= s.polite && s.qmarks == 0 && !s.has(cNews) {
		return decision{label: mentionNegative, rule: RuleBareFact, cues: s.cues}
	}
	// A trip told in meters and minutes at a walking pace.
	if r.slowTrip() && !s.quick && !praise && s.qmarks == 0 && !s.has(cNews) {
		s.add(0, "walking pace")
		return out(mentionNegative, RuleBareFact)
	}
	// A list of broken parts of one facility: "atap bocor, kursi tinggal
	// satu, jadwal kosong".
	if popcount(r.broken) >= 2 && s.clause >= 2 && !s.span && !praise && !s.has(cResolved|cThanks|cNews|cRequest|cCampaign) && s.qmarks == 0 && !r.agencyNews {
		return out(mentionNegative, RuleBareFact)
	}
	// An agency's record of an incident, or a plain scene: neutral.
	if (r.agencyNews || r.scene && s.words <= 15) && !praise && !irony && !s.has(cStrongNeg|cEmoPos|cEmoNeg|cRhetoric|cEnNeg|cPending|cThanks) && s.qmarks == 0 && s.bangs == 0 && !s.first && !r.goodDown && !r.award {
		return out(mentionNeutral, RuleNotice)
	}
	// Thanks opening a post for a problem itself: "terima kasih Dinas PU
	// atas jalan bergelombangnya, …".
	if s.thanksOpen && r.atasProblem && s.resAt3 == 0 && !s.over && !s.quick && !s.hope && s.qmarks == 0 {
		return out(mentionNegative, RuleIronyThanks)
	}
	// A bad indicator going up, told by a citizen: "angka kemiskinan naik
	// 2 persen, pemkot diam saja".
	if r.badUp && !r.goodDown && !praise && !s.has(cResolved|cThanks|cNews) && s.qmarks == 0 {
		return out(mentionNegative, RuleBareFact)
	}
	good := r.goodDown || r.award || r.welcome || r.restored
	if good && !irony && !s.has(cStrongNeg|cPending|cRhetoric) && s.qmarks == 0 && !(s.turnAt > 0 && s.negAt > s.turnAt) && !s.has(cEnNeg) && !r.badUp {
		if r.goodDown || r.award {
			// a figure or an award told flat: the model reads the
			// problem word or the figure, whatever its confidence
			return decision{label: mentionPositive, rule: RuleGoodNews, cues: s.cues}
		}
		return out(mentionPositive, RuleGoodNews)
	}
	// Weather told as news: "hujan deras sejak sore, beberapa jalan
	// tergenang" — no harm to the writer, nothing that comes back.
	if r.weather && s.words <= 20 && !praise && !irony && !s.first && !s.duration && !s.has(cHarm|cStrongNeg|cPending|cStill|cEmoPos|cEmoNeg|cRhetoric|cEnNeg|cThanks|cRequest) &&
		!r.again && !r.outage && s.qmarks == 0 && s.bangs == 0 {
		return out(mentionNeutral, RuleNotice)
	}
	// A problem as the subject of a repair told as done, nothing wrong
	// after it: "sampah langsung diangkut setelah dilapor, gercep",
	// "macet berkurang jauh sejak flyover dibuka". The model reads the
	// problem word.
	if resolved && s.compAt > 0 && s.compAt < s.resAt && s.negAt <= s.resAt && !r.onlyRes && !(s.openPraise && s.posAt <= s.resAt) && !irony && s.turnAt == 0 && !s.has(cStrongNeg|cRhetoric|cRequest|cEmoNeg) {
		return decision{label: mentionPositive, rule: RuleResolved, cues: s.cues}
	}
	// Short thanks with no complaint: "🙏🙏 makasih Damkar"; a post that
	// closes on thanks after a good report ("posyandu dapat alat ukur
	// baru, terima kasih Dinkes").
	if s.polite > 0 && s.closeAt > 0 && s.closeAt >= s.lastWordAt-3 && s.negAt == 0 && s.pendAt == 0 && !s.has(cRequest|cQuestion|cStrongNeg|cEmoNeg|cComplaint|cResolved) && !s.over && !irony && s.qmarks == 0 && s.greet == 0 && !r.greet && (s.words <= 5 || s.clause >= 1) {
		return out(mentionPositive, RuleThanks)
	}
	return decision{}
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// Round 6 rule names (issue #21, dev6).
const (
	RuleConsequence = "rule:ironic_consequence"
	RuleBeautyIrony = "rule:beauty_for_decay"
	RuleSlogan      = "rule:slogan_turned"
	RuleBareFact    = "rule:bare_fact"
	RuleGoodNews    = "rule:good_news"
)

func init() {
	ruleGate[RuleConsequence] = 1.01
	ruleGate[RuleBeautyIrony] = 1.01
	ruleGate[RuleSlogan] = 0.95
	ruleGate[RuleBareFact] = 0.95
	ruleGate[RuleGoodNews] = 0.95
	add6Heads()
}

// sinceEvent reports whether "sejak" at j-1 opens a time of day ("sejak
// sore": weather news, not a problem that lasts) or an event that caused
// a change ("sejak flyover dibuka").
func sinceEvent(toks []normalize.Token, j int) bool {
	if j < len(toks) {
		switch toks[j].Norm {
		case "pagi", "siang", "sore", "malam", "subuh", "tadi":
			return true
		}
	}
	for k := j; k < len(toks) && k < j+3 && toks[k].Kind == normalize.Word; k++ {
		switch toks[k].Norm {
		case "dibuka", "dipasang", "dibangun", "diresmikan", "difungsikan", "diperbaiki", "dikeruk", "dinormalisasi", "beroperasi", "ada":
			return true
		}
	}
	return false
}

// errandNext reports whether "tidak perlu" at j-1 spares an errand ("ke
// Balikpapan", "antre", "jauh-jauh", "repot") rather than opens an idiom
// ("tidak perlu diragukan lagi").
func errandNext(toks []normalize.Token, j int) bool {
	if j >= len(toks) {
		return false
	}
	switch toks[j].Norm {
	case "ke", "antre", "antri", "mengantre", "jauh-jauh", "jauh", "repot", "repot-repot", "bolak-balik", "mengungsi", "beli", "membeli", "bawa", "membawa", "keluar", "menyeberang", "menunggu":
		return true
	}
	return false
}
