package catalog

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The catalog-free frames run some thirty case-insensitive regexps over
// every post, and Go's backtracker tries each of them at every byte: that
// was half of the analyzer's CPU (issue 24). Almost every post holds none
// of the words a regexp needs, so each regexp is gated by the literals
// that any match must contain, read from its syntax tree once at start,
// and checked on a case-folded copy of the post made once per post. The
// gate never says no where the regexp would match, so the results are the
// regexp's own.

// hay is a haystack with its case-folded copy, the byte pairs of each
// and the bytes of each: a literal with a pair or its first byte missing
// is not there, and saying so costs far less than strings.Contains over
// the text.
type hay struct {
	raw, fold         string
	plain             bool // raw is ASCII without capitals: it is its own folded and lower-cased text
	same              bool // fold is raw: pairs[0] and rawBytes serve both
	rawBytes, foldBts byteSet
	pairs             [2]bigrams // of raw and of fold
	// buf holds fold's bytes when fold is not raw, kept from post to post
	// (a pooled pstate's hay is reset for each): folding then allocates
	// nothing. fold is read only while its post is tagged.
	buf []byte
}

// rawBi and foldBi are the byte pairs of raw and of fold.
func (h *hay) rawBi() *bigrams { return &h.pairs[0] }

func (h *hay) foldBi() *bigrams {
	if h.same {
		return &h.pairs[0]
	}
	return &h.pairs[1]
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (bs *byteSet) set(c byte) { bs[c>>6] |= 1 << (c & 63) }
func (bs *byteSet) meets(o *byteSet) bool {
	return bs[0]&o[0] != 0 || bs[1]&o[1] != 0 || bs[2]&o[2] != 0 || bs[3]&o[3] != 0
}

// upperBytes are the ASCII capitals.
var upperBytes = func() (bs byteSet) {
	for c := byte('A'); c <= 'Z'; c++ {
		bs.set(c)
	}
	return bs
}()

// bigrams is a set of byte pairs, folded into 4096 bits (the low six bits
// of each byte): small enough to clear for every post, and a literal's
// pairs are all set by chance seldom. Pairs of ASCII letters never share
// a bit.
type bigrams [4096 / 64]uint64

// pairKey numbers the byte pair a, b.
func pairKey(a, b byte) uint16 { return uint16((uint32(a)<<6 ^ uint32(b)) & 4095) } // as add computes it

// add puts the byte pairs of s in the set, and its bytes in one.
func (bs *bigrams) add(s string, one *byteSet) {
	if len(s) == 0 {
		return
	}
	prev := uint32(s[0])
	one[prev>>6&3] |= 1 << (prev & 63)
	for i := 1; i < len(s); i++ {
		c := uint32(s[i])
		one[c>>6&3] |= 1 << (c & 63)
		k := (prev<<6 ^ c) & 4095
		bs[k>>6] |= 1 << (k & 63)
		prev = c
	}
}

// hasPairsOf reports whether every byte pair of s is in the set.
func (bs *bigrams) hasPairsOf(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if k := pairKey(s[i], s[i+1]); bs[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return true
}

// hasAll reports whether every pair of ks is in the set.
func (bs *bigrams) hasAll(ks []uint16) bool {
	for _, k := range ks {
		if bs[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return true
}

// newHay is the hay of raw.
func newHay(raw string) hay {
	var h hay
	h.reset(raw)
	return h
}

// reset makes h the hay of raw, folding it rune by rune (see foldRune),
// so that a literal that matches case-insensitively is a substring of
// the folded text.
func (h *hay) reset(raw string) {
	h.pairs[0] = bigrams{}
	if !h.same {
		h.pairs[1] = bigrams{}
	}
	h.rawBytes, h.foldBts = byteSet{}, byteSet{}
	h.raw = raw
	h.pairs[0].add(raw, &h.rawBytes)
	// Plain: no byte past ASCII, no capital.
	h.plain = h.rawBytes[2]|h.rawBytes[3] == 0 && !h.rawBytes.meets(&upperBytes)
	h.fold = raw
	if !h.plain {
		h.buf = appendFold(h.buf[:0], raw)
		h.fold = unsafe.String(unsafe.SliceData(h.buf), len(h.buf))
	}
	h.same = h.fold == h.raw
	if h.same {
		// Nothing folds (most posts): the folded text's sets are the raw one's.
		h.foldBts = h.rawBytes
	} else {
		h.pairs[1].add(h.fold, &h.foldBts)
	}
}

// foldRune maps every rune of a simple case-folding orbit (the runes
// Go's (?i) treats as one: K, k and the Kelvin sign) to one member: the
// smallest, lower-cased when that is an ASCII capital.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		if r != 'k' && r != 's' {
			return r
		}
	}
	lo := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		lo = min(lo, f)
	}
	if lo >= 'A' && lo <= 'Z' {
		lo += 'a' - 'A'
	}
	return lo
}

// lit is a literal a match needs: in the raw text when cs (case
// sensitive), else in the folded text.
type lit struct {
	s  string
	cs bool
	bi []uint16 // the byte pairs of s
}

// withPairs is l with its byte pairs.
func (l lit) withPairs() lit {
	l.bi = nil
	for i := 0; i+1 < len(l.s); i++ {
		if k := pairKey(l.s[i], l.s[i+1]); !slices.Contains(l.bi, k) {
			l.bi = append(l.bi, k)
		}
	}
	return l
}

// same reports l and o are one literal.
func (l lit) same(o lit) bool { return l.s == o.s && l.cs == o.cs }

// folded is l as found in the folded text.
func (l lit) folded() string {
	if !l.cs {
		return l.s
	}
	return foldString(l.s)
}

// plainASCII reports s is ASCII without capitals.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// foldString is s with every rune folded (s itself when nothing folds).
func foldString(s string) string {
	if plainASCII(s) {
		return s
	}
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// appendFold appends s with every rune folded (foldRune) to dst, as
// ranging over s and writing each folded rune would: an invalid byte is
// read as U+FFFD and written as its three bytes. ASCII, most of a post,
// is lower-cased byte by byte: the only ASCII letters whose folding
// orbits leave ASCII, k and s (the Kelvin sign, the long s), fold to
// themselves, as every other ASCII rune folds to its lower case.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, foldRune(r))
		i += w
	}
	return dst
}

// implies reports that a text holding l holds o too.
func (l lit) implies(o lit) bool {
	switch {
	case l.cs && o.cs, !l.cs && !o.cs:
		return strings.Contains(l.s, o.s)
	case !o.cs:
		return strings.Contains(l.folded(), o.s)
	}
	return false // folded l says nothing about the case of o
}

// fre is a regexp gated by the literals its matches need: every group
// in need must have one of its literals in the haystack.
type fre struct {
	re     *regexp.Regexp
	need   [][]lit
	groups []needGroup // need, with the byte sets checked first
	st     *starts     // where a match can begin (starts.go); nil: anywhere
}

// needGroup is one need group with the first bytes of its literals: a text
// without any of them holds none of the literals.
type needGroup struct {
	raw, fold byteSet // first bytes of the case-sensitive and of the folded literals
	lo, hi    uint32  // the literals, in gateLits
	bytesOnly bool    // every literal is one byte: the byte sets decide alone
}

// gateLit is a literal of a need group, packed: its bytes and pairs live
// in the shared arenas below, so that the literals a post is checked for
// lie together in memory (scattered, they cost a cache miss each once the
// other taggers have run).
type gateLit struct {
	s, bi  uint32 // offsets in gateBytes and gatePairs
	n, nbi uint16 // lengths
	cs     bool
}

var (
	gateLits  []gateLit
	gateBytes []byte
	gatePairs []uint16
)

// newGroup packs the literals of g and reads their first bytes.
func newGroup(g []lit) needGroup {
	gr := needGroup{lo: uint32(len(gateLits)), bytesOnly: true}
	for _, l := range g {
		if l.cs {
			gr.raw.set(l.s[0])
		} else {
			gr.fold.set(l.s[0])
		}
		gr.bytesOnly = gr.bytesOnly && len(l.s) == 1
		if len(l.s) > 1<<16-1 {
			panic("catalog: gate literal too long")
		}
		gateLits = append(gateLits, gateLit{s: uint32(len(gateBytes)), n: uint16(len(l.s)),
			bi: uint32(len(gatePairs)), nbi: uint16(len(l.bi)), cs: l.cs})
		gateBytes = append(gateBytes, l.s...)
		gatePairs = append(gatePairs, l.bi...)
	}
	gr.hi = uint32(len(gateLits))
	return gr
}

// gatedAll lists every gated regexp, for the test that the gates never
// refuse a match.
var gatedAll []*fre

// mustFre compiles expr and reads its gate.
func mustFre(expr string) *fre {
	re := regexp.MustCompile(expr)
	t, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	simple := t.Simplify()
	f := &fre{re: re, need: gate(simple), st: newStarts(expr, simple)}
	for _, g := range f.need {
		f.groups = append(f.groups, newGroup(g))
	}
	// A byte-set group costs a few instructions: check those first.
	slices.SortStableFunc(f.groups, func(a, b needGroup) int {
		if a.bytesOnly != b.bytesOnly {
			if a.bytesOnly {
				return -1
			}
			return 1
		}
		return 0
	})
	gatedAll = append(gatedAll, f)
	return f
}

// may reports whether the regexp can match h.
func (f *fre) may(h *hay) bool {
	for i := range f.groups {
		g := &f.groups[i]
		if !g.raw.meets(&h.rawBytes) && !g.fold.meets(&h.foldBts) {
			return false
		}
		if g.bytesOnly {
			continue
		}
		found := false
		for _, l := range gateLits[g.lo:g.hi] {
			in, bs := h.fold, h.foldBi()
			if l.cs {
				in, bs = h.raw, h.rawBi()
			}
			if bs.hasAll(gatePairs[l.bi:l.bi+uint32(l.nbi)]) && strings.Contains(in, unsafe.String(&gateBytes[l.s], int(l.n))) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// MatchString is regexp.MatchString on h.raw.
func (f *fre) MatchString(h *hay) bool {
	if !f.may(h) {
		return false
	}
	if f.st != nil && f.st.worth(h.raw) {
		return f.st.match(h.raw)
	}
	return f.re.MatchString(h.raw)
}

// FindString is regexp.FindString on h.raw.
func (f *fre) FindString(h *hay) string {
	if !f.may(h) {
		return ""
	}
	if f.st == nil || !f.st.worth(h.raw) {
		return f.re.FindString(h.raw)
	}
	if m := f.st.submatchIndex(h.raw, 0); m != nil {
		return h.raw[m[0]:m[1]]
	}
	return ""
}

// FindStringIndex is regexp.FindStringIndex on h.raw.
func (f *fre) FindStringIndex(h *hay) []int {
	if !f.may(h) {
		return nil
	}
	if f.st == nil || !f.st.worth(h.raw) {
		return f.re.FindStringIndex(h.raw)
	}
	if m := f.st.submatchIndex(h.raw, 0); m != nil {
		return m[0:2:2]
	}
	return nil
}

// FindStringSubmatch is regexp.FindStringSubmatch on h.raw.
func (f *fre) FindStringSubmatch(h *hay) []string {
	if !f.may(h) {
		return nil
	}
	if f.st == nil || !f.st.worth(h.raw) {
		return f.re.FindStringSubmatch(h.raw)
	}
	if m := f.st.submatchIndex(h.raw, 0); m != nil {
		return submatches(h.raw, m)
	}
	return nil
}

// submatches is the text of each group of the match m in s ("" for a
// group that took no part), as regexp gives it.
func submatches(s string, m []int) []string {
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

// FindStringSubmatchIndex is regexp.FindStringSubmatchIndex on h.raw.
func (f *fre) FindStringSubmatchIndex(h *hay) []int {
	if !f.may(h) {
		return nil
	}
	if f.st == nil || !f.st.worth(h.raw) {
		return f.re.FindStringSubmatchIndex(h.raw)
	}
	return f.st.submatchIndex(h.raw, 0)
}

// allIndex is regexp's FindAllStringSubmatchIndex(h.raw, n) read with
// starts: each next match is looked for where the last one ended (no
// match is empty: starts refuses regexps that can match the empty text).
func (f *fre) allIndex(h *hay, n int) [][]int {
	if n < 0 {
		n = len(h.raw) + 1
	}
	var out [][]int
	for from := 0; len(out) < n; {
		m := f.st.submatchIndex(h.raw, from)
		if m == nil {
			break
		}
		out = append(out, m)
		from = m[1]
	}
	return out
}

// FindAllStringIndex is regexp.FindAllStringIndex on h.raw.
func (f *fre) FindAllStringIndex(h *hay, n int) [][]int {
	if !f.may(h) {
		return nil
	}
	if f.st == nil || !f.st.worth(h.raw) {
		return f.re.FindAllStringIndex(h.raw, n)
	}
	all := f.allIndex(h, n)
	for i, m := range all {
		all[i] = m[0:2:2]
	}
	return all
}

// FindAllStringSubmatch is regexp.FindAllStringSubmatch on h.raw.
func (f *fre) FindAllStringSubmatch(h *hay, n int) [][]string {
	if !f.may(h) {
		return nil
	}
	if f.st == nil || !f.st.worth(h.raw) {
		return f.re.FindAllStringSubmatch(h.raw, n)
	}
	all := f.allIndex(h, n)
	if all == nil {
		return nil
	}
	out := make([][]string, len(all))
	for i, m := range all {
		out[i] = submatches(h.raw, m)
	}
	return out
}

// FindAllString is regexp.FindAllString on h.raw.
func (f *fre) FindAllString(h *hay, n int) []string {
	if !f.may(h) {
		return nil
	}
	if f.st == nil || !f.st.worth(h.raw) {
		return f.re.FindAllString(h.raw, n)
	}
	all := f.allIndex(h, n)
	if all == nil {
		return nil
	}
	out := make([]string, len(all))
	for i, m := range all {
		out[i] = h.raw[m[0]:m[1]]
	}
	return out
}

// FindAllStringSubmatchIndex is regexp.FindAllStringSubmatchIndex on h.raw.
func (f *fre) FindAllStringSubmatchIndex(h *hay, n int) [][]int {
	if !f.may(h) {
		return nil
	}
	if f.st == nil || !f.st.worth(h.raw) {
		return f.re.FindAllStringSubmatchIndex(h.raw, n)
	}
	return f.allIndex(h, n)
}

// maxAltGroups bounds the need groups read from one alternation.
const maxAltGroups = 4

// maxExact bounds the set of exact strings a node is read as; past it
// the node is read as the groups it needs.
const maxExact = 64

// litInfo is what a syntax node says about the text it matches: either
// exactly one of the literals in exact (when known), and a text that
// contains, for every group in need, one of that group's literals.
type litInfo struct {
	exact []lit // nil: not known
	need  [][]lit
}

var emptyOnly = litInfo{exact: []lit{{cs: true}}}

// gate reads the groups of literals that every match of t contains.
func gate(t *syntax.Regexp) [][]lit {
	in := info(t)
	need := needOf(in)
	var out [][]lit
	for _, g := range need {
		if g = prune(g); g != nil {
			for i := range g {
				g[i] = g[i].withPairs()
			}
			out = append(out, g)
		}
	}
	// Small groups first: they say no soonest and cheapest.
	slices.SortStableFunc(out, func(a, b []lit) int { return len(a) - len(b) })
	return out
}

// group turns an exact set into a need group; nil when it holds "" (no
// need) or is unknown.
func group(exact []lit) []lit {
	if exact == nil || slices.ContainsFunc(exact, func(l lit) bool { return l.s == "" }) {
		return nil
	}
	return exact
}

// prune drops the literals of g that imply another one (the other is
// found whenever they are) and duplicates.
func prune(g []lit) []lit {
	var out []lit
	for i, l := range g {
		if l.s == "" {
			return nil
		}
		redundant := false
		for j, o := range g {
			if j != i && l.implies(o) && (!l.same(o) && !o.implies(l) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, l)
		}
	}
	return out
}

// best is the most selective group in offers: its exact set or the need
// group whose shortest literal is longest. nil: it needs nothing.
func (in litInfo) best() []lit {
	var b []lit
	score := func(g []lit) int {
		m := 1 << 30
		for _, l := range g {
			m = min(m, len(l.s))
		}
		return m
	}
	if g := group(in.exact); g != nil {
		b = g
	}
	for _, g := range in.need {
		if b == nil || score(g) > score(b) {
			b = g
		}
	}
	return b
}

// info reads what node t says about the literals of its matches.
func info(t *syntax.Regexp) litInfo {
	switch t.Op {
	case syntax.OpLiteral:
		if slices.Contains(t.Rune, utf8.RuneError) {
			return litInfo{} // also matches an invalid byte
		}
		l := lit{s: string(t.Rune), cs: t.Flags&syntax.FoldCase == 0}
		if !l.cs {
			l.s = foldString(l.s)
		}
		return litInfo{exact: []lit{l}}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return emptyOnly
	case syntax.OpCharClass:
		return classInfo(t.Rune)
	case syntax.OpCapture:
		return info(t.Sub[0])
	case syntax.OpQuest:
		sub := info(t.Sub[0])
		if sub.exact == nil || len(sub.exact) >= maxExact {
			return litInfo{} // unknown, not empty
		}
		return litInfo{exact: append(slices.Clone(sub.exact), lit{cs: true})}
	case syntax.OpPlus:
		return litInfo{need: needOf(info(t.Sub[0]))}
	case syntax.OpRepeat:
		if t.Min == 0 {
			return litInfo{}
		}
		return litInfo{need: needOf(info(t.Sub[0]))}
	case syntax.OpConcat:
		acc := emptyOnly
		for _, s := range t.Sub {
			acc = concat(acc, info(s))
		}
		return acc
	case syntax.OpAlternate:
		var exact []lit
		var branches [][][]lit // each branch's need groups, its best first
		allExact, anyFree := true, false
		for _, s := range t.Sub {
			in := info(s)
			if in.exact == nil {
				allExact = false
			} else {
				exact = append(exact, in.exact...)
			}
			b := in.best()
			if b == nil {
				anyFree = true
				continue
			}
			gs := [][]lit{b}
			for _, g := range needOf(in) {
				if len(g) > 0 && &g[0] != &b[0] {
					gs = append(gs, g)
				}
			}
			branches = append(branches, gs)
		}
		if allExact && len(exact) <= maxExact {
			return litInfo{exact: exact}
		}
		if anyFree {
			return litInfo{}
		}
		// A match holds, for every k, a literal of one branch's k-th group
		// (its last when it has fewer): each such union is a need group.
		var need [][]lit
		for k := 0; k < maxAltGroups; k++ {
			var union []lit
			more := false
			for _, gs := range branches {
				union = append(union, gs[min(k, len(gs)-1)]...)
				more = more || k+1 < len(gs)
			}
			need = append(need, union)
			if !more {
				break
			}
		}
		return litInfo{need: need}
	}
	// Any character, star: no literal needed.
	return litInfo{}
}

// classInfo reads a character class (rs are its ranges) as the set of its
// characters, folded when the class holds every case of each (as (?i)
// classes do), or unknown when large.
func classInfo(rs []rune) litInfo {
	var runes []rune
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i+1]-rs[i] >= maxExact {
			return litInfo{}
		}
		for r := rs[i]; r <= rs[i+1]; r++ {
			if r == utf8.RuneError {
				return litInfo{}
			}
			runes = append(runes, r)
		}
		if len(runes) > maxExact {
			return litInfo{}
		}
	}
	if len(runes) == 0 {
		return litInfo{}
	}
	closed := true
	for _, r := range runes {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			closed = closed && slices.Contains(runes, f)
		}
	}
	var set []lit
	for _, r := range runes {
		l := lit{s: string(r), cs: true}
		// A rune without other cases (white space, a digit) is read on
		// the raw text: it joins a case-sensitive neighbour as one literal.
		if closed && unicode.SimpleFold(r) != r {
			l = lit{s: string(foldRune(r))}
		}
		if !slices.ContainsFunc(set, l.same) {
			set = append(set, l)
		}
	}
	return litInfo{exact: set}
}

// needOf is in read as need groups only.
func needOf(in litInfo) [][]lit {
	need := slices.Clone(in.need)
	if g := group(in.exact); g != nil {
		need = append(need, g)
	}
	return need
}

// concat reads a followed by b.
func concat(a, b litInfo) litInfo {
	if a.exact != nil && b.exact != nil && len(a.exact)*len(b.exact) <= maxExact {
		var ex []lit
		for _, x := range a.exact {
			for _, y := range b.exact {
				if x.cs && y.cs {
					ex = append(ex, lit{s: x.s + y.s, cs: true})
				} else {
					ex = append(ex, lit{s: x.folded() + y.folded()})
				}
			}
		}
		return litInfo{exact: ex, need: append(slices.Clone(a.need), b.need...)}
	}
	return litInfo{need: append(needOf(a), needOf(b)...)}
}
