package sentiment

import (
	"strings"
	"sync"
)

// The rounds read many word tables (cueWords, words5, words6, words7 and
// the small named sets below them). Looking a token up in each of them
// cost a dozen map look-ups per token and was most of the rule layer's
// time (issue #24). The tables stay the source the rounds are written in;
// lexicon merges them, once, into one map whose value holds every table's
// flags for a word, so that scanDoc looks each token up once and the rounds
// read its entry (and its neighbours' entries) from a per-document slice.

// entry is everything the tables say of one word.
type entry struct {
	cue uint32 // cueWords
	w7  uint32 // words7
	set uint32 // the small named sets (sMonth…)
	w6  uint16 // words6
	w5  uint8  // words5
}

// Bits of entry.set: membership of the small named sets.
const (
	sMonth      uint32 = 1 << iota // months
	sDaypart                       // daypart
	sKind                          // kindWord
	sPlan                          // planVerb
	sWhy                           // whyWord
	sMock                          // mock
	sBodyDepth                     // bodyDepth
	sDepth                         // depthWord
	sGoodState                     // goodState
	sReached                       // reached
	sRecur                         // recurs
	sAdviceNext                    // adviceNext
	sVerdict                       // verdictWord
	sFiller                        // verdictFiller
	sFallIdiom                     // fallIdiom
	sSeTime                        // "se" and a time unit (sehari, sebulan): a span
	sHead                          // the first word of a two-word entry of cueWords, words6 or words7
	sTail                          // what follows the first "_" of such an entry (kasih of terima_kasih)
	sKey3                          // a word round3 names (round3Words)
	sKey4                          // a word round4 names (round4Words)
	sKey5                          // a word round5 names (round5Words)
	sKey6                          // a word round6 names (round6Words)
	sKeyF                          // a word wordFlags or adjust6 names (flagWords)
	sKeySpan                       // a word spans names (spanWords)
)

// lexTable is the merged tables.
type lexTable struct {
	m map[string]entry
	// filter is a one-hash Bloom filter of the words: most tokens are in
	// no table, and a bit test turns them away before the map.
	filter [1 << 16 / 64]uint64
}

// filterBit hashes w's length and three of its bytes to a bit of filter.
func filterBit(w string) uint32 {
	n := len(w)
	h := uint32(n)*0x9e3779b1 ^ uint32(w[0])<<16 ^ uint32(w[n-1])<<8 ^ uint32(w[n/2])
	return (h * 0x85ebca6b) >> 16
}

// get returns the entry of w (zero when no table holds it).
func (l *lexTable) get(w string) entry {
	if w == "" {
		return entry{}
	}
	if b := filterBit(w); l.filter[b>>6]&(1<<(b&63)) == 0 {
		return entry{}
	}
	return l.m[w]
}

var (
	lexOnce sync.Once
	lex     *lexTable
)

// lexicon returns the merged tables. It is built on first use, after every
// init of the package has filled the tables, so a new rule file only adds
// to the tables (addCues, add7…) and its words are merged here.
func lexicon() *lexTable {
	lexOnce.Do(buildLexicon)
	return lex
}

func buildLexicon() {
	m := make(map[string]entry, len(cueWords)+len(words5)+len(words6)+len(words7))
	put := func(w string, f func(e *entry)) {
		e := m[w]
		f(&e)
		m[w] = e
	}
	head := func(w string) {
		if i := strings.IndexByte(w, '_'); i > 0 {
			put(w[:i], func(e *entry) { e.set |= sHead })
			put(w[i+1:], func(e *entry) { e.set |= sTail })
		}
	}
	for w, f := range cueWords {
		put(w, func(e *entry) { e.cue |= f })
		head(w)
		if f&cTimeUnit != 0 {
			put("se"+w, func(e *entry) { e.set |= sSeTime })
		}
	}
	for w, f := range words5 {
		put(w, func(e *entry) { e.w5 |= f })
	}
	for w, f := range words6 {
		put(w, func(e *entry) { e.w6 |= f })
		head(w)
	}
	for w, f := range words7 {
		put(w, func(e *entry) { e.w7 |= f })
		head(w)
	}
	for _, t := range []struct {
		bit uint32
		set map[string]bool
	}{
		{sMonth, months}, {sDaypart, daypart}, {sKind, kindWord}, {sPlan, planVerb}, {sWhy, whyWord},
		{sMock, mock}, {sBodyDepth, bodyDepth}, {sDepth, depthWord}, {sGoodState, goodState}, {sReached, reached},
		{sRecur, recurs}, {sAdviceNext, adviceNext}, {sVerdict, verdictWord}, {sFiller, verdictFiller}, {sFallIdiom, fallIdiom},
	} {
		for w, ok := range t.set {
			if ok {
				put(w, func(e *entry) { e.set |= t.bit })
			}
		}
	}
	for _, k := range []struct {
		bit   uint32
		words string
	}{{sKey3, round3Words}, {sKey4, round4Words}, {sKey5, round5Words}, {sKey6, round6Words}, {sKeyF, flagWords}, {sKeySpan, spanWords}} {
		for _, w := range strings.Fields(k.words) {
			put(w, func(e *entry) { e.set |= k.bit })
		}
	}
	lex = &lexTable{m: m}
	for w := range m {
		b := filterBit(w)
		lex.filter[b>>6] |= 1 << (b & 63)
	}
}

// lxPool holds the per-document entry slices, so that a scan allocates
// nothing.
var lxPool = sync.Pool{New: func() any { return new([]entry) }}

// The words the gated rounds compare a word with (TestRoundGates checks
// that each round's list holds every such word): a word that none of a
// round's lists or classes holds skips that round's word checks.
var (
	flagWords = "belum cuma hanya kaki padam percaya setiap tahu terpaksa tiap tidak yakin jangan sampah serius"
	spanWords = "berbulan-bulan berminggu-minggu bertahun-tahun jam kalinya no nomer nomor paslon pula sejak selama setiap " +
		"sudah tapi tetapi tiap tp"
	round3Words = "ada admin aku bapak bertambah dahulu dulu dulunya feelings hanya hati-hati ibu kak kakak kami kapan maaf makin " +
		"maklumat pemberitahuan pengumuman permisi saya sayang see selamat selesai semakin sure tambah ulun waspada"
	round4Words = "beda berbeda bisa cuma dalam datang dulu hanya jauh kali kurang lagi langsung latihan lumayan mampir masuk " +
		"melatih menguji naik percaya pindah saking sampai sebentar sementara seperti singgah tanpa tidak uji yakin"
	round5Words = "aamiin amin antre antrean antri antrian bagai bagaikan baru begini begini-begini begitu begitu-begitu belum " +
		"berapa berasa berdoa biasanya buka bukan depan dibuka diresmikan doa doakan duka dulu gini gini-gini gitu " +
		"gitu-gitu ibarat jadi janji karcis kasih kayak korban kuitansi kwitansi liburan makasih mana memang memangnya " +
		"mengantre menjadi menunggu mudah-mudahan normalnya nota pengunjung peresmian pernah promo semoga seperti " +
		"serasa seru struk thank thanks tiket turut viral wisata"
	round6Words = "ada air airnya angin antusias anybody anyone apresiasi assalamualaikum atas bersyukur berturut-turut buat " +
		"cuaca diapresiasi disambut gerimis hai halo hujan juara julukannya kalinya katanya kembali keran konon lagi " +
		"mati mengapresiasi menyambut ngakunya otewe otw padam pdam pemadaman perlu putus salamat sambut sedang selamat " +
		"sisa slogannya sungai sungainya tahun tersisa tinggal untuk"
)
