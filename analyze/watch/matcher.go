package watch

import (
	"sync"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Matcher runs a Set of queries and several Lexicons over one automaton, so
// that a document is scanned once for all of them. It is safe for
// concurrent use.
type Matcher struct {
	set   *Set
	lexes []*Lexicon
	bases []int32 // owner base of each lexicon; the set's atoms start at 0
	aut   *automaton
	pool  sync.Pool
}

type matcherState struct {
	set  *state
	hits [][]lexHit
}

// NewMatcher compiles queries (may be empty) and lexicons into one matcher.
func NewMatcher(queries map[string]*Query, lexicons ...map[string][]string) (*Matcher, error) {
	s, err := compileSet(queries)
	if err != nil {
		return nil, err
	}
	m := &Matcher{set: s, aut: newAutomaton()}
	s.aut = m.aut
	s.addPatterns(m.aut, 0)
	base := int32(len(s.atoms))
	for _, entries := range lexicons {
		lx := &Lexicon{labels: sortedKeys(entries), aut: m.aut}
		if err := lx.addPatterns(entries, m.aut, base); err != nil {
			return nil, err
		}
		m.lexes = append(m.lexes, lx)
		m.bases = append(m.bases, base)
		base += int32(len(lx.labels))
	}
	m.aut.build()
	return m, nil
}

// Scan matches doc once: onQuery gets the name of every matching query (in
// no particular order), onLex the index of the lexicon (in NewMatcher's
// order) and each leftmost-longest match in it, in text order. Either
// callback may be nil.
func (m *Matcher) Scan(doc *normalize.Doc, meta Fields, onQuery func(name string), onLex func(lexicon int, label string, start, end int)) {
	st, _ := m.pool.Get().(*matcherState)
	if st == nil {
		st = &matcherState{set: m.set.getState(), hits: make([][]lexHit, len(m.lexes))}
	}
	nAtoms := int32(len(m.set.atoms))
	m.aut.scan(doc, &st.set.sc, func(owner int32, start, end int) {
		if owner < nAtoms {
			m.set.record(st.set, owner, start, end)
			return
		}
		for i := len(m.bases) - 1; i >= 0; i-- {
			if owner >= m.bases[i] {
				st.hits[i] = append(st.hits[i], lexHit{label: owner - m.bases[i], start: int32(start), end: int32(end)})
				return
			}
		}
	})
	if onQuery != nil && len(m.set.names) > 0 {
		m.set.finish(st.set, &meta, onQuery)
	}
	for i, lx := range m.lexes {
		if onLex != nil {
			lx.emit(st.hits[i], func(label string, s, e int) { onLex(i, label, s, e) })
		}
		st.hits[i] = st.hits[i][:0]
	}
	m.set.reset(st.set)
	m.pool.Put(st)
}
