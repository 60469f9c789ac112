package sentiment

import (
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Round 7 (issue #21, dev7): the miss classes of an independent set seen
// after round 6 — report-style praise of a state that used to be bad
// ("tidak … lagi" over a problem or a fear, "sekarang/kini" and a good
// state, a service timed short, works done ahead of target), sarcasm by a
// fake bonus after praise ("… jadi arena reli gratis", "biar rajin bangun
// malam"), complaints told as facts (a bill many times the usual for an
// empty house, a fall into a hole, "berapa kali lagi … harus …?"), how-to
// questions and study visits that name a problem (neutral), and
// "lanjutkan dua periode, kurang apa lagi?" (campaign praise).

const (
	w7Bonus  uint32 = 1 << iota // an absurd benefit a sarcastic post grants a failure: arung jeram, reli, tahajud, jemuran
	w7Gift                      // a word that makes the benefit a gift: gratis, pribadi, serasa
	w7Fail                      // a failure the older lexicons miss: semrawut, menjuntai, ambles
	w7Fear                      // a fear or a problem a "tidak … lagi" can end: takut, was-was, pungli, hitam
	w7Errand                    // a service errand: akta, KTP, paspor, urus, loket
	w7Rain                      // rain: a short time then is a flood joke, not a quick service
	w7Target                    // target, jadwal, tenggat
	w7Bill                      // tagihan, rekening
	w7Odd                       // what makes a bill odd: padahal, kosong, lipat, mudik
	w7Fall                      // someone fell: terperosok, kepeleset, terguling, dijahit
	w7Must                      // harus, dibiarkan, begini: a "berapa kali lagi" that complains
	w7Report                    // lapor, ngadu: a how-to question
	w7Visit                     // kunjungan, studi banding: a visit told as news
	w7Good                      // a state reached after sudah/kini/sekarang: stabil, penuh, wangi, tertib
	w7Now                       // sekarang, kini
	w7Free                      // what a post can now do: main, jalan, lewat, pulang
	w7Length                    // lama, lamanya: praise right after it is irony
	w7Key                       // a word one of round7's frames reads by its form: lagi, tidak, hanya, tanpa…
	w7Lead                      // a word that leads a consequence joke: biar, supaya, saking, sampai
	w7Spare                     // an errand "tidak usah/perlu … lagi" spares: datang, nampung, begadang
	w7Group                     // who makes a visit told as news: siswa, mahasiswa, PKK, rombongan
	w7Strong                    // a bonus that mocks a road or a service on its own: reli, offroad, pijat refleksi
	w7Steady                    // a service that runs: nyala, ngalir, keluar
	w7Claim                     // katanya, nyatanya: a promise against the fact
	w7Head                      // the first word of a two-word entry
)

// words7 holds the round-7 word classes in one map, so that a token costs one look-up.
var words7 = map[string]uint32{}

func add7(flag uint32, words string) {
	for _, w := range strings.Fields(words) {
		words7[w] |= flag
		if i := strings.IndexByte(w, '_'); i > 0 {
			words7[w[:i]] |= w7Head
		}
	}
}

func init() {
	add7(w7Bonus, "pemancingan arung jeram dayung reli rally offroad off-road amfibi amphibi tahajud astronomi drakor season refleksi pijat jemuran tempat_jemuran gantung_baju lompat_tali sauna latihan_sabar bercengkrama meditasi danau_pribadi pantai_pribadi kolam_pribadi akuarium venue kuda")
	add7(w7Bonus, "hafal merangkak rajin tamat hemat") // "sampai hafal", "anak sudah merangkak", "biar rajin bangun"
	add7(w7Gift, "gratis pribadi cuma-cuma")
	add7(w7Bonus, "jemur koran cucu akrab ludo kartu catur syuting tebak-tebakan lele bebek candle piknik berkemah camping keburu")
	add7(w7Strong, "reli rally offroad off-road pijat refleksi arung jeram amfibi amphibi tahajud pemancingan")
	add7(w7Steady, "nyala menyala ngalir mengalir keluar hidup berfungsi")
	add7(w7Claim, "katanya nyatanya ternyata faktanya")
	add7(w7Fail, "semrawut menjuntai ambles amblas bergelombang keropos kelupas terkelupas ngelupas mengelupas sepi nyangkut putus lemot error kering debu berdebu")
	add7(w7Fear, "pungutan bebanyu kebanyuan takut was-was waswas khawatir cemas ngeri hitam keruh bau becek pungli liar bocor kebanjiran banjir macet gelap mati padam antre antri kotor kumuh")
	add7(w7Errand, "akta ktp kk sim paspor stnk bpkb urus ngurus mengurus bikin perpanjang perpanjangan pembuatan proses layanan pelayanan loket dilayani beres cetak domisili bpjs samsat disdukcapil imigrasi surat")
	add7(w7Rain, "hujan gerimis deras_sebentar")
	add7(w7Target, "target jadwal tenggat deadline rencana kontrak")
	add7(w7Bill, "tagihan tagihannya rekening rekeningnya")
	add7(w7Odd, "padahal kosong lipat mudik ditinggal")
	add7(w7Fall, "jatuh terjatuh terperosok kepeleset terpeleset tergelincir terguling celaka dijahit terluka nyemplung kejeblos")
	add7(w7Must, "harus dibiarkan begini begitu")
	add7(w7Report, "lapor melapor ngelapor melaporkan mengadu ngadu laporannya ngadunya lapornya pengaduan")
	add7(w7Visit, "kunjungan studi_banding studi_tiru berkeliling diajak meninjau survei penelitian riset magang sosialisasi")
	add7(w7Good, "stabil penuh wangi harum tertib normal deras lancar mulus bersih rapi aman terang jernih bening nyaman kinclong resik asri hotmix laris")
	add7(w7Now, "sekarang kini")
	add7(w7Free, "main jalan lewat melintas pulang tidur belajar mandi bersepeda nyebrang menyeberang jualan berjualan berangkat sekolah")
	add7(w7Length, "lama lamanya lambat lambatnya panjangnya dalamnya")
	add7(w7Key, "walau walaupun meski meskipun biarpun tetap ada air banyu pdam ledeng tandon atau periode lanjutkan juga kurang tahu kapan lagi hanya tanpa biasa menit dulu dulunya dahulu sebelumnya terus awal")
	add7(w7Spare, "datang nampung menampung ngungsi begadang pinjam minjam ngantre nunggu bangun")
	add7(w7Group, "siswa siswi pelajar mahasiswa pkk ibu-ibu rombongan delegasi peserta anggota tim dprd komisi pemuda karang_taruna guru")
	add7(w7Lead, "biar supaya agar saking sampai sampe serasa")
	// English complaints of mixed posts.
	addCues(cEnNeg, "bumpy hurts smells stinks stinky rusty n't_even")
	addCues(cPraise, "terbaik")
	// Rubbish picked up, weeds cut: a repair.
	addCues(cResolved, "dipungut dibabat")
}

// r7 is what round 7 records of a document.
type r7 struct {
	bonus        int  // index of the first absurd benefit after praise (0: none)
	gift         bool // gratis, pribadi, serasa
	lead         bool // biar, supaya, saking, sampai before the benefit
	leadAt       int  // index of biar/supaya/agar after praise (0: none)
	rationed     bool // "cuma 2 jam sehari"
	concAt       int  // index of walau/meski after praise
	tetapAt      int  // index of "tetap" after it
	compTetap    int  // complaints after that "tetap"
	compConc     int  // complaints before walau/meski
	giftAt       int  // index of a gift word after praise (0: none)
	strong       bool // a bonus that mocks on its own (reli, offroad) with a gift (gratis)
	stopped      bool // a service that stopped: "tidak keluar lagi", "tak nyala lagi"
	claim        int  // katanya, nyatanya: two of them tell a promise against the fact
	pastAt       int  // index of the last dulu/dulunya/sebelumnya
	pastAfterNow bool // a "dulu" after the last sekarang: what follows it is the past
	overFrom     int  // index of the negation of the last "tidak … lagi"
	fail         bool // a round-7 failure word
	lenPraise    bool // praise right after "lama/lamanya"
	stillNot     bool // "belum … juga"
	overAt       int  // index of a "tidak … lagi" over a problem or a fear (0: none)
	quick        bool // "cuma N menit" (normalised hanya)
	errand       bool
	rain         bool
	ahead        bool // ahead of target: "lebih cepat dari target", "sebelum jadwal"
	bill, odd    bool
	fall         bool
	rhetHow      bool // "berapa kali lagi", "sampai kapan"
	must         bool
	crowdAsk     bool // "ada yang tahu …?"
	report       bool
	atau         bool
	visit        bool
	group        bool // a group or an agency that visits
	periode      bool // "dua periode", "lanjutkan"
	kurangApa    bool // "kurang apa lagi", "apa lagi yang kurang"
	nowAt        int  // index of the last sekarang/kini (0: none)
	goodAt       int  // index of the last good state reached (0: none)
	tanpa        int  // problems after "tanpa" (tanpa becek)
	comp         int  // complaint words
	compAfter    int  // complaint words after the last sekarang/kini
	excused      int  // complaint words inside a "tidak … lagi" or after "tanpa"
	waterWord    bool // air, banyu, PDAM, ledeng
	lastPraise   int  // index of the last praise word
	beautyAfter  bool // a beauty or good-state word after the last sekarang/kini
}

// round7 records the round-7 frames; f are the word's cue flags.
func (s *scan) round7(toks []normalize.Token, i int, w, prev string, f uint32, negated bool) {
	r := &s.r7
	f7 := s.e.w7 | s.pe.w7 // the word's and the two-word entry's ending at it
	if f7 == 0 && f == 0 {
		return
	}
	if f&cPraise != 0 || w == "biasa" && prev == "luar" {
		at := i - 1
		if f&cPraise == 0 {
			at = i - 2 // luar biasa
		}
		if at >= 0 && s.lx[at].w7&w7Length != 0 {
			r.lenPraise = true
			s.add(0, "praise after "+toks[at].Norm)
		}
		r.lastPraise = i + 1
	}
	if f7&w7Lead != 0 && w != "sampai" && w != "sampe" && s.praiseAt > 0 && r.leadAt == 0 {
		r.leadAt = i + 1 // "…, biar tukang tambal ban laris"
	}
	if f7&w7Bonus != 0 && (s.praiseAt > 0 || s.thanksOpen) && r.bonus == 0 {
		r.bonus = i + 1
		s.add(0, "bonus "+w)
		r.strong = f7&w7Strong != 0
		for k := i - 1; k >= 0 && k >= i-4 && toks[k].Kind != normalize.Punct; k-- {
			if s.lx[k].w7&w7Lead != 0 {
				r.lead = true // "biar warga rajin bangun", "sampai hafal"
			}
		}
	}
	if f7&w7Gift != 0 {
		r.gift = true
		if s.praiseAt > 0 && r.bonus == 0 {
			r.giftAt = i + 1 // "dapat bonus lumpur gratis"
		}
	}
	if f7&w7Claim != 0 {
		r.claim++
	}
	if f7&w7Fail != 0 {
		r.fail = true
	}
	if f7&w7Rain != 0 {
		r.rain = true
	}
	if f7&w7Errand != 0 {
		r.errand = true
	}
	if f7&w7Bill != 0 {
		r.bill = true
	}
	if f7&w7Odd != 0 {
		r.odd = true
	}
	if f7&w7Fall != 0 && !(i+1 < len(toks) && s.lx[i+1].set&sFallIdiom != 0) {
		r.fall = true
		s.add(0, "fall "+w)
	}
	if f7&w7Must != 0 {
		r.must = true
	}
	if f7&w7Report != 0 {
		r.report = true
	}
	if f7&w7Visit != 0 {
		r.visit = true
	}
	if f7&w7Group != 0 || s.e.w6&w6Agency != 0 {
		r.group = true
	}
	if f7&w7Now != 0 {
		r.nowAt, r.compAfter, r.beautyAfter, r.pastAfterNow = i+1, 0, false, false
	}
	good := f7&w7Good != 0 && (w != "deras" && w != "penuh" || r.waterWord && !r.rain) // "hujan deras", "penuh lubang": not good
	if r.nowAt > 0 && !negated && (good || s.e.w6&w6Beauty != 0) {
		r.beautyAfter = true
	}
	switch w {
	case "air", "banyu", "pdam", "ledeng", "tandon":
		r.waterWord = true
	case "atau":
		r.atau = true
	case "walau", "walaupun", "meski", "meskipun", "biarpun":
		if s.praiseAt > 0 {
			r.concAt, r.compConc = i+1, r.comp
		}
	case "tetap":
		if r.concAt > 0 && r.comp > r.compConc && !(i+1 < len(toks) && (toks[i+1].Norm == "masih" || toks[i+1].Norm == "tidak" || toks[i+1].Norm == "belum" || toks[i+1].Kind == normalize.Punct)) {
			r.tetapAt = i + 1 // "walau banjir sepinggang, petugas tetap antar logistik"
		}
	case "ada":
		if r.nowAt == i && max(s.pastAt, r.pastAt) > 0 {
			r.goodAt = i + 1 // "dulunya gelap, sekarang ada lampu": a facility now
		}
	case "dulu", "dulunya", "dahulu", "sebelumnya":
		r.pastAt = i + 1
		if r.nowAt > 0 {
			r.pastAfterNow = true
		}
	case "menit", "detik":
		// "12 menit aja", "5 menit kelar": a service timed short
		if i > 0 && toks[i-1].Kind == normalize.Number && i+1 < len(toks) {
			switch toks[i+1].Norm {
			case "saja", "doang", "kelar", "beres", "selesai", "jadi", "langsung", "tuntas", "rampung":
				r.quick = true
				s.add(0, "N menit "+toks[i+1].Norm)
			}
		}
	case "terus":
		if i > 0 && s.lx[i-1].w7&w7Steady != 0 && !toks[i-1].Negated {
			r.goodAt = i + 1 // "nyala terus": a service that runs
			s.add(0, toks[i-1].Norm+" terus")
		}
	case "periode", "lanjutkan":
		r.periode = true
	case "juga":
		if back(toks, i, 4, "belum") {
			r.stillNot = true
		}
	case "kurang":
		if back(toks, i, 3, "apa") || ahead(toks, i, 2, "apa") {
			r.kurangApa = true
		}
	case "tahu":
		if i >= 2 && toks[i-1].Norm == "yang" && toks[i-2].Norm == "ada" && (i == 2 || toks[i-3].Kind != normalize.Word) {
			r.crowdAsk = true
		}
	case "kapan":
		if prev == "sampai" || prev == "sampe" {
			r.rhetHow = true
		}
	case "lagi":
		if i >= 2 {
			switch toks[i-1].Norm {
			case "kali", "lama", "tahun", "bulan", "minggu":
				if back(toks, i-1, 2, "berapa") {
					r.rhetHow = true
				}
			}
		}
		if stoppedLagi(toks, i) {
			r.stopped = true
			s.add(0, "stopped … lagi")
		}
		if prev == "tidak" && laterProblem(toks, i) {
			r.overAt, r.overFrom = i+1, i
			r.excused++
			s.add(0, "tidak lagi …")
		}
		if j, from := overLagi(toks, i); j > 0 {
			r.overAt, r.overFrom = i+1, from+1
			r.excused += j
			s.add(0, "tidak … lagi")
		}
	case "hanya":
		if i+2 < len(toks) && toks[i+1].Kind == normalize.Number && !deficit(toks, i+1) {
			switch toks[i+2].Norm {
			case "menit", "detik", "jam", "hari":
				if i+3 < len(toks) && (toks[i+3].Norm == "sehari" || toks[i+3].Norm == "seminggu" || toks[i+3].Norm == "per") {
					r.rationed = true // "cuma 2 jam sehari": a service rationed
					s.add(0, "hanya N "+toks[i+2].Norm+" "+toks[i+3].Norm)
					break
				}
				r.quick = true
				s.add(0, "hanya N "+toks[i+2].Norm)
			}
		} else if i+2 < len(toks) && toks[i+1].Norm == "setengah" && toks[i+2].Norm == "jam" {
			r.quick = true
		}
	case "tanpa":
		if i+1 < len(toks) && s.lx[i+1].cue&cComplaint != 0 {
			r.tanpa++
			r.excused++
			s.add(0, "tanpa "+toks[i+1].Norm)
		}
	}
	if f7&w7Target != 0 && (back(toks, i, 3, "cepat") || back(toks, i, 3, "awal") || back(toks, i, 2, "sebelum")) {
		r.ahead = true
		s.add(0, "ahead of "+w)
	}
	if good && !negated && (backFlag(toks, i, 3, w7Now) || back(toks, i, 3, "sudah")) {
		r.goodAt = i + 1
		s.add(0, "now "+w)
	}
	if f7&w7Free != 0 && prev == "bisa" && (backFlag(toks, i, 6, w7Now) || back(toks, i, 2, "sudah")) {
		r.goodAt = i + 1
		s.add(0, "now bisa "+w)
	}
	if f&cComplaint != 0 || f7&w7Fail != 0 {
		r.comp++
		if r.tetapAt > 0 {
			r.compTetap++
		}
		if r.nowAt > 0 && !r.pastAfterNow {
			r.compAfter++
		}
	}
}

// back reports whether word sits among the n tokens before i, within the clause.
func back(toks []normalize.Token, i, n int, word string) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if toks[k].Kind == normalize.Punct {
			return false
		}
		if toks[k].Norm == word {
			return true
		}
	}
	return false
}

// ahead reports whether word sits among the n tokens after i, within the clause.
func ahead(toks []normalize.Token, i, n int, word string) bool {
	for k := i + 1; k < len(toks) && k <= i+n; k++ {
		if toks[k].Kind == normalize.Punct {
			return false
		}
		if toks[k].Norm == word {
			return true
		}
	}
	return false
}

// backFlag reports whether a word of class flag sits among the n tokens
// before i, within the clause.
func backFlag(toks []normalize.Token, i, n int, flag uint32) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if toks[k].Kind == normalize.Punct {
			return false
		}
		if words7[toks[k].Norm]&flag != 0 {
			return true
		}
	}
	return false
}

// overLagi reports, with the index of its negation, how many problem words a "tidak … lagi" closing at i
// ends ("ga ada mati lampu lagi", "kada takut lagi", "jukir liar tidak
// ada lagi", "tidak ada lagi pungli", "kada usah nampung lagi"); 0 when
// it ends a good thing ("tidak ngalir lagi") or opens a clause ("tidak ada
// lagi yang mau …").
func overLagi(toks []normalize.Token, i int) (int, int) {
	neg := -1
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if toks[k].Kind == normalize.Punct {
			break
		}
		if n := toks[k].Norm; n == "tidak" || n == "tak" {
			neg = k
			break
		}
	}
	if neg < 0 {
		return 0, 0
	}
	probs, spared := 0, false
	for k := neg + 1; k < i; k++ {
		n := toks[k].Norm
		switch {
		case n == "usah" || n == "perlu":
			// "tidak perlu antre lagi", not "tidak perlu diragukan lagi"
			spared = errandNext(toks, k+1) || k+1 < i && words7[toks[k+1].Norm]&w7Spare != 0
		case n == "ada":
		case !spared && (n == "mau" || n == "akan" || n == "ingin" || n == "bakal" || n == "sudi" || n == "janji" || n == "kembali" || n == "datang" || n == "mampir"):
			return 0, neg // "tidak mau antre lagi": the writer will not come back
		case cueWords[n]&(cComplaint|cHarm) != 0 || words7[n]&(w7Fear|w7Fail) != 0:
			probs++
		}
	}
	if neg+1 == i-1 && toks[neg+1].Norm == "ada" {
		// "jukir liar tidak ada lagi", "tidak ada lagi pungli"
		if neg > 0 && (cueWords[toks[neg-1].Norm]&cComplaint != 0 || words7[toks[neg-1].Norm]&w7Fear != 0) {
			return 1, neg
		}
		for k := i + 1; k < len(toks) && k <= i+2 && toks[k].Kind != normalize.Punct; k++ {
			if cueWords[toks[k].Norm]&cComplaint != 0 || words7[toks[k].Norm]&w7Fear != 0 {
				return 1, neg // "tidak ada lagi balap liar"
			}
		}
		return 0, neg
	}
	if probs > 0 {
		return probs, neg
	}
	if spared {
		return 1, neg
	}
	return 0, neg
}

// laterProblem reports whether a problem or a fear follows "tidak lagi"
// at i within its clause: "kada lagi kami bebanyu tiap pasang".
func laterProblem(toks []normalize.Token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+4 && toks[k].Kind != normalize.Punct; k++ {
		n := toks[k].Norm
		if n == "yang" || n == "mau" || n == "bisa" {
			return false // "tidak lagi yang mau ngurus", "tidak lagi bisa …"
		}
		if cueWords[n]&(cComplaint|cHarm) != 0 || words7[n]&(w7Fear|w7Fail) != 0 {
			return true
		}
	}
	return false
}

// fallIdiom are the words after "jatuh" that make it no fall: jatuh
// cinta, jatuh tempo.
var fallIdiom = map[string]bool{"cinta": true, "hati": true, "tempo": true, "harga": true, "sakit": true, "miskin": true}

// stoppedLagi reports whether a "tidak … lagi" closing at i tells a
// service that stopped: "air sudah tidak keluar lagi", "lampu tak nyala lagi".
func stoppedLagi(toks []normalize.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].Kind == normalize.Punct {
			return false
		}
		if words7[toks[k].Norm]&w7Steady != 0 {
			return k > 0 && (toks[k-1].Norm == "tidak" || toks[k-1].Norm == "tak")
		}
	}
	return false
}

// decide7 applies the round-7 rules; out applies the model gate.
func (s *scan) decide7(resolved bool, conf float64, out func(label, rule string) decision) decision {
	r := &s.r7
	irony := s.has(cIrony) || s.ironyEmoji || s.softIrony
	praise := s.n(cPraise) > s.polite
	// "#Slogan lanjutkan dua periode! …, apa lagi yang kurang?": campaign
	// praise; the model reads "kurang" and the question.
	if r.periode && r.kurangApa && !s.has(cAgainst|cStrongNeg) && !irony {
		return decision{label: mentionPositive, rule: RuleCampaign, cues: s.cues}
	}
	// Praise, then an absurd benefit of a failure ("hebat, lubangnya bisa
	// buat kolam pemancingan gratis", "keren PDAM, air keluar jam 3, biar
	// rajin bangun malam", "makasih pemkot, kabel semrawut jadi jemuran").
	if r.bonus > 0 && (s.negAt > 0 || s.pendAt > 0 || s.duration || r.strong && r.gift || r.lead || r.fail || r.rain || s.r6.brown && s.r6.water || s.r6.decay) &&
		s.qmarks == 0 && !s.has(cRequest|cNews) && !s.r6.award && !(resolved && s.resAt > r.bonus) {
		return decision{label: mentionNegative, rule: RuleFakeBonus, cues: s.cues}
	}
	// Praise, then a problem handed out "gratis": "tiap lewat dapat
	// lumpur gratis".
	if r.giftAt > 0 && (s.negAt > 0 || s.duration || s.r6.decay) && s.qmarks == 0 && !s.has(cRequest|cNews|cThanks) && !resolved && !s.r6.award {
		return decision{label: mentionNegative, rule: RuleFakeBonus, cues: s.cues}
	}
	// Praise, a failure, then "biar …": "hebat PU, aspal sebulan sudah
	// ngelupas, biar tukang tambal ban laris".
	if r.leadAt > 0 && s.openPraise && (s.negAt > 0 && s.negAt < r.leadAt || r.fail) && s.qmarks == 0 && !s.has(cRequest|cNews) && !(resolved && s.resAt > s.negAt) && !s.hope {
		return decision{label: mentionNegative, rule: RuleFakeBonus, cues: s.cues}
	}
	// Praise for perseverance: "salut, walau banjir sepinggang petugas
	// tetap antar logistik".
	if r.concAt > 0 && r.tetapAt > r.concAt && r.compTetap == 0 && !irony && s.qmarks == 0 && !s.has(cPending) {
		return decision{label: mentionPositive, rule: RuleResolved, cues: s.cues}
	}
	// A service rationed: "air ngalir tapi cuma 2 jam sehari".
	if r.rationed && !praise && !irony && s.qmarks == 0 && !s.has(cThanks) {
		return out(mentionNegative, RuleBareFact)
	}
	// Praise of a length ("lamanya luar biasa"), or praise that opens a
	// post where something is "belum … juga".
	if (r.lenPraise || s.openPraise && r.stillNot && s.pendAt > s.praiseAt) && !resolved && s.qmarks == 0 && !s.has(cThanks) {
		return decision{label: mentionNegative, rule: RuleFakeBonus, cues: s.cues}
	}
	// A service that stopped: "air sudah tidak keluar lagi sejak kemarin".
	if r.stopped && !praise && !irony && s.qmarks == 0 && !s.has(cThanks|cResolved|cNews) {
		return out(mentionNegative, RuleBareFact)
	}
	// A promise against the fact: "cuma 10 menit katanya, nyatanya 3 jam".
	if r.claim >= 2 && !praise && s.qmarks == 0 && !s.has(cThanks|cResolved) {
		return out(mentionNegative, RuleBareFact)
	}
	// A bill many times the usual for an empty house.
	if r.bill && r.odd && s.qmarks == 0 && !praise && !s.has(cThanks|cResolved) {
		return decision{label: mentionNegative, rule: RuleBareFact, cues: s.cues}
	}
	// Someone fell (into a hole, on a sunken pavement).
	if r.fall && !praise && !irony && !s.has(cThanks|cNews|cResolved|cRequest) && !s.r6.agencyNews && s.qmarks == 0 {
		return out(mentionNegative, RuleBareFact)
	}
	// "berapa kali lagi warga harus …?", "sampai kapan … dibiarkan …?"
	if r.rhetHow && r.must && s.qmarks > 0 && !praise {
		return decision{label: mentionNegative, rule: RuleRhetoric, cues: s.cues}
	}
	// A how-to question that names a problem: "ada yang tahu bank sampah
	// terdekat?", "lapor jalan berlubang ke kelurahan atau ke PU?".
	if s.qmarks > 0 && (r.crowdAsk || r.report && (r.atau || s.has(cQuestion))) && !r.rhetHow && !s.rhet5 && !s.why && !praise && !irony &&
		!s.has(cPending|cRhetoric|cStrongNeg|cEmoNeg|cEnNeg|cStill) && !s.duration && !s.span && !s.times && s.bangs == 0 {
		return decision{label: mentionNeutral, rule: RuleQuestion, cues: s.cues}
	}
	// A study visit told as news ("siswa kunjungan ke pengolahan sampah").
	if r.visit && r.group && !praise && !irony && !s.first && s.qmarks == 0 && r.comp == 0 && !s.has(cHarm|cPending|cStrongNeg|cEnNeg|cEmoNeg|cRhetoric) {
		return out(mentionNeutral, RuleNotice)
	}
	// a "tidak ada"/"tidak datang" read as pending inside the "tidak … lagi"
	pending := s.has(cPending) && !(s.pendAt == 0 && r.overAt > 0 || s.pendAt >= r.overFrom && s.pendAt <= r.overAt && r.overAt > 0)
	if irony || s.qmarks > 0 || s.has(cRhetoric|cStrongNeg|cEmoNeg) || pending || s.rhet5 {
		return decision{}
	}
	clean := r.comp <= r.excused
	// Works done ahead of target: "rampung dua pekan lebih cepat dari target".
	if r.ahead && (clean || r.compAfter == 0) {
		return decision{label: mentionPositive, rule: RuleResolved, cues: s.cues}
	}
	// "dulu bau sampah, sekarang wangi": a past problem, a good state now.
	if max(s.pastAt, r.pastAt) > 0 && r.nowAt > max(s.pastAt, r.pastAt) && (r.goodAt > r.nowAt || r.beautyAfter || s.resAt > r.nowAt) && r.compAfter == 0 && !r.pastAfterNow {
		return decision{label: mentionPositive, rule: RuleResolved, cues: s.cues}
	}
	// "dulu nyaman, sekarang banyak truk dan debu": a good past, a
	// problem now.
	if r.pastAt > 0 && r.nowAt > r.pastAt && r.compAfter > 0 && !r.beautyAfter && r.goodAt < r.nowAt && s.resAt < r.nowAt && r.overAt < r.nowAt && !praise && !s.has(cStill) {
		return out(mentionNegative, RuleBareFact)
	}
	// A problem or a fear told as over: "ga ada mati lampu lagi", "kada
	// takut lagi pulang malam", "tidak perlu datang subuh lagi".
	if r.overAt > 0 && (clean || r.goodAt > 0 || s.has(cDone)) && !(s.turnAt > r.overAt) && !r.stillNot {
		return out(mentionPositive, RuleOver)
	}
	// A service timed short: "urus akta cuma 15 menit".
	if r.quick && (r.errand || r.nowAt > 0) && !r.rain && !s.duration && r.compAfter == 0 && r.claim == 0 {
		return out(mentionPositive, RuleResolved)
	}
	// A good state reached, with nothing wrong left: "sudah stabil",
	// "tandon terisi penuh", "sekarang anak-anak bisa main", "bisa jalan
	// ke pasar tanpa becek".
	if r.goodAt > 0 && (clean || r.compAfter == 0 && r.nowAt > 0 && max(s.pastAt, r.pastAt) > 0 || resolved && s.compAt < s.resAt && s.resAt < r.goodAt) && s.turnAt == 0 && !r.rain && s.metaphor == 0 {
		return out(mentionPositive, RuleResolved)
	}
	return decision{}
}

// RuleFakeBonus is the round-7 rule for praise that grants a failure an
// absurd benefit (issue #21, dev7).
const RuleFakeBonus = "rule:fake_bonus"

func init() {
	ruleGate[RuleFakeBonus] = 1.01
}
