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
)

// lexTable is the merged tables.
type lexTable struct {
	m     map[string]entry
	first [256]bool // the first bytes of the words: a gate before the map (punctuation, numbers)
}

// get returns the entry of w (zero when no table holds it).
func (l *lexTable) get(w string) entry {
	if w == "" || !l.first[w[0]] {
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
	lex = &lexTable{m: m}
	for w := range m {
		lex.first[w[0]] = true
	}
}

// lxPool holds the per-document entry slices, so that a scan allocates
// nothing.
var lxPool = sync.Pool{New: func() any { return new([]entry) }}
