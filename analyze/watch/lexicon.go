package watch

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Lexicon is a phrase dictionary matched leftmost-longest: each entry is a
// label and the phrases that express it ("pro bebaya", "#probebaya",
// "salam dua jari", "dukung*"). Phrases are written like query terms and get
// the same variants (hyphenated, joined, hashtag). Where two matches
// overlap, the one starting first wins, then the longer one, so "sungai
// pinang luar" is not also "sungai pinang". A Lexicon is safe for concurrent
// use.
type Lexicon struct {
	labels []string
	aut    *automaton
	pool   sync.Pool
}

// Span is one lexicon match: the label and its word positions (inclusive).
// Positions count the document's words as the matcher sees them.
type Span struct {
	Label      string
	Start, End int
}

type lexState struct {
	sc    scratch
	spans []lexHit
}

type lexHit struct {
	label      int32
	start, end int32
}

// NewLexicon compiles entries (label → phrases). A phrase that is not a
// single term, a quoted-free phrase, a #hashtag, an @handle or a word prefix
// ending in "*" is an error naming the label and the phrase.
func NewLexicon(entries map[string][]string) (*Lexicon, error) {
	lx := &Lexicon{labels: sortedKeys(entries), aut: newAutomaton()}
	if err := lx.addPatterns(entries, lx.aut, 0); err != nil {
		return nil, err
	}
	lx.aut.build()
	return lx, nil
}

func (lx *Lexicon) addPatterns(entries map[string][]string, aut *automaton, base int32) error {
	for i, l := range lx.labels {
		for _, ph := range entries[l] {
			a, err := phraseAtom(ph)
			if err != nil {
				return fmt.Errorf("lexicon %q: phrase %q: %w", l, ph, err)
			}
			if a.kind == atomPrefix {
				aut.addPrefix(a.words[0], base+int32(i))
				continue
			}
			atomPatterns(&a, func(words []string, hashtag bool) { aut.addSeq(words, hashtag, base+int32(i)) })
		}
	}
	return nil
}

// phraseAtom parses a lexicon phrase: words separated by spaces (no
// operators), "#tag", "@handle" or "prefix*".
func phraseAtom(ph string) (atom, error) {
	var words []string
	var raw []string
	cur := []byte{}
	for i := 0; i <= len(ph); i++ {
		if i == len(ph) || ph[i] == ' ' || ph[i] == '\t' {
			if len(cur) > 0 {
				w := string(cur)
				if len(words) == 0 && i == len(ph) {
					a, exp := wordAtom(w)
					if exp != "" {
						return atom{}, &ParseError{Query: ph, Pos: 1, Expected: exp}
					}
					return a, nil
				}
				words = append(words, splitWords(w)...)
				raw = append(raw, rawWords(w)...)
				cur = cur[:0]
			}
			continue
		}
		cur = append(cur, ph[i])
	}
	if len(words) == 0 {
		return atom{}, &ParseError{Query: ph, Pos: 1, Expected: "a word"}
	}
	return atom{kind: atomWords, words: words, raw: raw}, nil
}

// Labels lists the lexicon's labels, sorted.
func (lx *Lexicon) Labels() []string { return append([]string(nil), lx.labels...) }

// Find calls fn for every leftmost-longest, non-overlapping match in d, in
// text order. It does not allocate in the steady state.
func (lx *Lexicon) Find(d *normalize.Doc, fn func(label string, start, end int)) {
	st, _ := lx.pool.Get().(*lexState)
	if st == nil {
		st = &lexState{}
	}
	st.spans = st.spans[:0]
	lx.aut.scan(d, &st.sc, func(owner int32, start, end int) {
		st.spans = append(st.spans, lexHit{label: owner, start: int32(start), end: int32(end)})
	})
	lx.emit(st.spans, fn)
	lx.pool.Put(st)
}

// emit sorts hits and reports the leftmost-longest ones.
func (lx *Lexicon) emit(hs []lexHit, fn func(label string, start, end int)) {
	// Hits come in order of end position; order by start, longest first.
	slices.SortFunc(hs, func(a, b lexHit) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		if a.end != b.end {
			return cmp.Compare(b.end, a.end)
		}
		return cmp.Compare(a.label, b.label)
	})
	last := int32(-1)
	for i, h := range hs {
		if h.start <= last {
			// Overlaps the previous pick; the same span with another label
			// is reported too (an alias shared by two entries).
			p := hs[i-1]
			if !(h.start == p.start && h.end == p.end && h.label != p.label) {
				continue
			}
		}
		if h.end > last {
			last = h.end
		}
		fn(lx.labels[h.label], int(h.start), int(h.end))
	}
}

// Spans returns Find's matches as a slice.
func (lx *Lexicon) Spans(d *normalize.Doc) []Span {
	var out []Span
	lx.Find(d, func(l string, s, e int) { out = append(out, Span{Label: l, Start: s, End: e}) })
	return out
}

func sortedKeys(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
