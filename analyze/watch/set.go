package watch

import (
	"fmt"
	"sort"
	"sync"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Set matches many named queries against a text in one pass: every word,
// phrase and prefix of every query is found by one automaton, then each
// query whose words were seen (or that can match without any word, such as
// "NOT x" or "source:youtube") has its boolean tree evaluated. A Set is safe
// for concurrent use.
type Set struct {
	names   []string
	roots   []*node
	atoms   []atom
	aut     *automaton
	byAtom  [][]int32 // atom → queries that use it
	always  []int32   // queries that may match without any text hit
	needPos bool      // some query uses NEAR or ~n
	pool    sync.Pool
}

type hit struct {
	atom       int32
	start, end int32
}

type state struct {
	sc      scratch
	seen    []bool  // per atom
	hits    []hit   // positions, kept when needPos
	cand    []bool  // per query
	queue   []int32 // candidate queries
	touched []int32 // atoms seen
}

// NewSet compiles the named queries into one matcher. Nil queries are
// skipped.
func NewSet(queries map[string]*Query) (*Set, error) {
	s, err := compileSet(queries)
	if err != nil {
		return nil, err
	}
	s.aut = newAutomaton()
	s.addPatterns(s.aut, 0)
	s.aut.build()
	return s, nil
}

// compileSet merges the queries' atoms and trees, without an automaton.
func compileSet(queries map[string]*Query) (*Set, error) {
	names := make([]string, 0, len(queries))
	for n, q := range queries {
		if q != nil && q.root != nil {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	s := &Set{}
	keys := map[string]int{}
	for _, n := range names {
		q := queries[n]
		remap := make([]int, len(q.atoms))
		for i, a := range q.atoms {
			k := a.key()
			j, ok := keys[k]
			if !ok {
				j = len(s.atoms)
				keys[k] = j
				s.atoms = append(s.atoms, a)
				s.byAtom = append(s.byAtom, nil)
			}
			remap[i] = j
		}
		qi := int32(len(s.names))
		root := cloneTree(q.root, remap)
		s.names = append(s.names, n)
		s.roots = append(s.roots, root)
		used := map[int]bool{}
		walk(root, func(x *node) {
			if x.op == opAtom && !used[x.atom] {
				used[x.atom] = true
				s.byAtom[x.atom] = append(s.byAtom[x.atom], qi)
			}
			if x.op == opNear || x.op == opSlop {
				s.needPos = true
			}
		})
		if !needsText(root, s.atoms) {
			s.always = append(s.always, qi)
		}
	}
	if len(s.names) != len(names) {
		return nil, fmt.Errorf("watch: internal error compiling %d queries", len(names))
	}
	return s, nil
}

// addPatterns adds the set's atoms to aut as owners base+atom.
func (s *Set) addPatterns(aut *automaton, base int32) {
	for i := range s.atoms {
		a := &s.atoms[i]
		switch a.kind {
		case atomWords:
			atomPatterns(a, func(words []string, hashtag bool) { aut.addSeq(words, hashtag, base+int32(i)) })
		case atomPrefix:
			aut.addPrefix(a.words[0], base+int32(i))
		}
	}
}

// Len is the number of queries in the set.
func (s *Set) Len() int { return len(s.names) }

// Names lists the queries' names, sorted.
func (s *Set) Names() []string { return append([]string(nil), s.names...) }

func cloneTree(n *node, remap []int) *node {
	c := &node{op: n.op, n: n.n}
	if n.op == opAtom {
		c.atom = remap[n.atom]
	}
	for _, k := range n.kids {
		c.kids = append(c.kids, cloneTree(k, remap))
	}
	return c
}

func walk(n *node, fn func(*node)) {
	fn(n)
	for _, k := range n.kids {
		walk(k, fn)
	}
}

// needsText reports whether the query is false whenever no text atom is
// seen, whatever the fields are (so it need only be evaluated on a hit).
func needsText(root *node, atoms []atom) bool {
	var fields []int
	seen := map[int]bool{}
	walk(root, func(x *node) {
		if x.op == opAtom && atoms[x.atom].kind == atomField && !seen[x.atom] {
			seen[x.atom] = true
			fields = append(fields, x.atom)
		}
	})
	if len(fields) > 10 {
		return false
	}
	val := map[int]bool{}
	for mask := 0; mask < 1<<len(fields); mask++ {
		for i, f := range fields {
			val[f] = mask&(1<<i) != 0
		}
		if evalConst(root, atoms, val) {
			return false
		}
	}
	return true
}

func evalConst(n *node, atoms []atom, val map[int]bool) bool {
	switch n.op {
	case opAtom:
		if atoms[n.atom].kind == atomField {
			return val[n.atom]
		}
		return false
	case opAnd:
		for _, k := range n.kids {
			if !evalConst(k, atoms, val) {
				return false
			}
		}
		return true
	case opOr:
		for _, k := range n.kids {
			if evalConst(k, atoms, val) {
				return true
			}
		}
		return false
	case opNot:
		return !evalConst(n.kids[0], atoms, val)
	}
	return false
}

func (s *Set) getState() *state {
	if st, ok := s.pool.Get().(*state); ok {
		return st
	}
	return &state{seen: make([]bool, len(s.atoms)), cand: make([]bool, len(s.names))}
}

func (s *Set) putState(st *state) {
	s.reset(st)
	s.pool.Put(st)
}

// reset clears a state for reuse.
func (s *Set) reset(st *state) {
	for _, a := range st.touched {
		st.seen[a] = false
	}
	for _, q := range st.queue {
		st.cand[q] = false
	}
	st.touched, st.queue, st.hits = st.touched[:0], st.queue[:0], st.hits[:0]
}

// Each calls fn with the name of every query that matches, in no
// particular order. It does not allocate in the steady state.
func (s *Set) Each(doc *normalize.Doc, meta Fields, fn func(name string)) {
	if s == nil || len(s.names) == 0 {
		return
	}
	st := s.getState()
	defer s.putState(st)
	s.aut.scan(doc, &st.sc, func(owner int32, start, end int) { s.record(st, owner, start, end) })
	s.finish(st, &meta, fn)
}

// record notes a hit of atom.
func (s *Set) record(st *state, atom int32, start, end int) {
	if !st.seen[atom] {
		st.seen[atom] = true
		st.touched = append(st.touched, atom)
		for _, q := range s.byAtom[atom] {
			if !st.cand[q] {
				st.cand[q] = true
				st.queue = append(st.queue, q)
			}
		}
	}
	if s.needPos && len(st.hits) < 4096 {
		st.hits = append(st.hits, hit{atom: atom, start: int32(start), end: int32(end)})
	}
}

// finish evaluates the candidate queries after a scan.
func (s *Set) finish(st *state, meta *Fields, fn func(name string)) {
	for _, q := range s.always {
		if !st.cand[q] {
			st.cand[q] = true
			st.queue = append(st.queue, q)
		}
	}
	e := evaluator{s: s, st: st, f: meta}
	for _, q := range st.queue {
		if e.eval(s.roots[q]) {
			fn(s.names[q])
		}
	}
}

// Match returns the names of the matching queries, sorted.
func (s *Set) Match(doc *normalize.Doc, meta Fields) []string {
	var out []string
	s.Each(doc, meta, func(n string) { out = append(out, n) })
	sort.Strings(out)
	return out
}

type evaluator struct {
	s  *Set
	st *state
	f  *Fields
}

func (e *evaluator) eval(n *node) bool {
	switch n.op {
	case opAtom:
		a := &e.s.atoms[n.atom]
		if a.kind == atomField {
			return a.matchField(e.f)
		}
		return e.st.seen[n.atom]
	case opAnd:
		for _, k := range n.kids {
			if !e.eval(k) {
				return false
			}
		}
		return true
	case opOr:
		for _, k := range n.kids {
			if e.eval(k) {
				return true
			}
		}
		return false
	case opNot:
		return !e.eval(n.kids[0])
	case opNear:
		return e.nearNodes(n.kids[0], n.kids[1], int32(n.n))
	case opSlop:
		return e.slop(n)
	}
	return false
}

// nearNodes: NEAR between two atoms or ORs of atoms.
func (e *evaluator) nearNodes(a, b *node, n int32) bool {
	if a.op == opOr {
		for _, k := range a.kids {
			if e.nearNodes(k, b, n) {
				return true
			}
		}
		return false
	}
	if b.op == opOr {
		for _, k := range b.kids {
			if e.nearNodes(a, k, n) {
				return true
			}
		}
		return false
	}
	return e.near(int32(a.atom), int32(b.atom), n)
}

// near: an occurrence of a and of b with at most n words between them.
func (e *evaluator) near(a, b, n int32) bool {
	if !e.st.seen[a] || !e.st.seen[b] {
		return false
	}
	hs := e.st.hits
	for i := range hs {
		if hs[i].atom != a {
			continue
		}
		for j := range hs {
			if hs[j].atom != b || i == j {
				continue
			}
			gap := hs[j].start - hs[i].end - 1
			if g2 := hs[i].start - hs[j].end - 1; g2 > gap {
				gap = g2
			}
			if gap >= 0 && gap <= n {
				return true
			}
		}
	}
	return false
}

// slop: every word of the phrase inside a window of len+n words.
func (e *evaluator) slop(n *node) bool {
	k := len(n.kids)
	for _, c := range n.kids {
		if !e.st.seen[c.atom] {
			return false
		}
	}
	window := int32(k + n.n)
	hs := e.st.hits
	for i := range hs {
		if int(hs[i].atom) != n.kids[0].atom {
			continue
		}
		// Take each other word's occurrence nearest to this one and check
		// that they all fit in the window.
		lo, hi := hs[i].start, hs[i].end
		ok := true
		for _, c := range n.kids[1:] {
			best, bestD := int32(-1), int32(1<<30)
			for j := range hs {
				if int(hs[j].atom) != c.atom {
					continue
				}
				d := hs[j].start - hs[i].start
				if d < 0 {
					d = -d
				}
				if d < bestD {
					best, bestD = int32(j), d
				}
			}
			if best < 0 {
				ok = false
				break
			}
			lo, hi = min(lo, hs[best].start), max(hi, hs[best].end)
		}
		if ok && hi-lo+1 <= window {
			return true
		}
	}
	return false
}
