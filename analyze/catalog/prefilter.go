package catalog

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The catalog-free frames run some thirty case-insensitive regexps over
// every post, and Go's backtracker tries each of them at every byte: that
// was half of the analyzer's CPU (issue 24). Almost every post holds none
// of the words a regexp needs, so each regexp is gated by the literals
// that any match must contain, read from its syntax tree once at start,
// and checked on a case-folded copy of the post made once per post. The
// gate never says no where the regexp would match, so the results are the
// regexp's own.

// hay is a haystack with its case-folded copy.
type hay struct {
	raw  string
	fold string
}

// newHay folds raw rune by rune (see foldRune), so that a literal that
// matches case-insensitively is a substring of the folded text.
func newHay(raw string) hay {
	ascii := true
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return hay{raw: raw, fold: raw}
	}
	var b strings.Builder
	b.Grow(len(raw))
	for _, r := range raw {
		b.WriteRune(foldRune(r))
	}
	return hay{raw: raw, fold: b.String()}
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

// fre is a regexp gated by the literals its matches need: every group
// in need must have one of its literals in the folded haystack.
type fre struct {
	re   *regexp.Regexp
	need [][]string
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
	f := &fre{re: re, need: gate(t.Simplify())}
	gatedAll = append(gatedAll, f)
	return f
}

// may reports whether the regexp can match h.
func (f *fre) may(h *hay) bool {
	for _, g := range f.need {
		found := false
		for _, l := range g {
			if strings.Contains(h.fold, l) {
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
func (f *fre) MatchString(h *hay) bool { return f.may(h) && f.re.MatchString(h.raw) }

// FindString is regexp.FindString on h.raw.
func (f *fre) FindString(h *hay) string {
	if !f.may(h) {
		return ""
	}
	return f.re.FindString(h.raw)
}

// FindStringIndex is regexp.FindStringIndex on h.raw.
func (f *fre) FindStringIndex(h *hay) []int {
	if !f.may(h) {
		return nil
	}
	return f.re.FindStringIndex(h.raw)
}

// FindStringSubmatch is regexp.FindStringSubmatch on h.raw.
func (f *fre) FindStringSubmatch(h *hay) []string {
	if !f.may(h) {
		return nil
	}
	return f.re.FindStringSubmatch(h.raw)
}

// FindAllStringIndex is regexp.FindAllStringIndex on h.raw.
func (f *fre) FindAllStringIndex(h *hay, n int) [][]int {
	if !f.may(h) {
		return nil
	}
	return f.re.FindAllStringIndex(h.raw, n)
}

// FindAllStringSubmatch is regexp.FindAllStringSubmatch on h.raw.
func (f *fre) FindAllStringSubmatch(h *hay, n int) [][]string {
	if !f.may(h) {
		return nil
	}
	return f.re.FindAllStringSubmatch(h.raw, n)
}

// FindAllStringSubmatchIndex is regexp.FindAllStringSubmatchIndex on h.raw.
func (f *fre) FindAllStringSubmatchIndex(h *hay, n int) [][]int {
	if !f.may(h) {
		return nil
	}
	return f.re.FindAllStringSubmatchIndex(h.raw, n)
}

// maxExact bounds the set of exact strings a node is read as; past it
// the node is read as the groups it needs.
const maxExact = 64

// litInfo is what a syntax node says about the text it matches: either
// exactly one of the strings in exact (when known), or a text that
// contains, for every group in need, one of that group's strings.
type litInfo struct {
	exact []string // nil: not known
	need  [][]string
}

// gate reads the groups of literals that every match of t contains.
func gate(t *syntax.Regexp) [][]string {
	in := info(t)
	need := in.need
	if g := group(in.exact); g != nil {
		need = append(need, g)
	}
	var out [][]string
	for _, g := range need {
		if g = prune(g); g != nil && !loose(g) {
			out = append(out, g)
		}
	}
	// Few, long literals first: they say no soonest and cheapest.
	slices.SortStableFunc(out, func(a, b []string) int { return len(a) - len(b) })
	return out
}

// group turns an exact set into a need group; nil when it holds "" (no
// need) or is unknown.
func group(exact []string) []string {
	if exact == nil || slices.Contains(exact, "") {
		return nil
	}
	return exact
}

// loose reports a group of many single characters (a letter class,
// white space): nearly every post has one, so checking it costs more
// than it saves.
func loose(g []string) bool {
	if len(g) <= 3 {
		return false
	}
	for _, s := range g {
		if utf8.RuneCountInString(s) > 1 {
			return false
		}
	}
	return true
}

// prune drops the strings that contain another string of g (the shorter
// one is found whenever the longer is) and duplicates.
func prune(g []string) []string {
	var out []string
	for i, s := range g {
		if s == "" {
			return nil
		}
		redundant := false
		for j, o := range g {
			if j != i && strings.Contains(s, o) && (len(o) < len(s) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	return out
}

// best is the most selective group t offers: its exact set or the need
// group whose shortest literal is longest. nil: t needs nothing.
func (in litInfo) best() []string {
	var b []string
	score := func(g []string) int {
		m := 1 << 30
		for _, s := range g {
			m = min(m, len(s))
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

func info(t *syntax.Regexp) litInfo {
	switch t.Op {
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range t.Rune {
			if r == utf8.RuneError {
				return litInfo{} // also matches an invalid byte
			}
			b.WriteRune(foldRune(r))
		}
		return litInfo{exact: []string{b.String()}}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return litInfo{exact: []string{""}}
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(t.Rune); i += 2 {
			if t.Rune[i+1]-t.Rune[i] >= maxExact {
				return litInfo{}
			}
			for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
				if r == utf8.RuneError {
					return litInfo{}
				}
				if s := string(foldRune(r)); !slices.Contains(set, s) {
					set = append(set, s)
				}
				if len(set) > maxExact {
					return litInfo{}
				}
			}
		}
		if len(set) == 0 {
			return litInfo{}
		}
		return litInfo{exact: set}
	case syntax.OpCapture:
		return info(t.Sub[0])
	case syntax.OpQuest:
		sub := info(t.Sub[0])
		if sub.exact == nil || len(sub.exact) >= maxExact {
			return litInfo{} // unknown, not empty
		}
		return litInfo{exact: append(slices.Clone(sub.exact), "")}
	case syntax.OpPlus:
		sub := info(t.Sub[0])
		return litInfo{need: needOf(sub)}
	case syntax.OpRepeat:
		if t.Min == 0 {
			return litInfo{}
		}
		return litInfo{need: needOf(info(t.Sub[0]))}
	case syntax.OpConcat:
		acc := litInfo{exact: []string{""}}
		for _, s := range t.Sub {
			acc = concat(acc, info(s))
		}
		return acc
	case syntax.OpAlternate:
		var exact []string
		allExact := true
		var union []string
		anyFree := false
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
			}
			union = append(union, b...)
		}
		if allExact && len(exact) <= maxExact {
			return litInfo{exact: exact}
		}
		if anyFree {
			return litInfo{}
		}
		return litInfo{need: [][]string{union}}
	}
	// Any character, star: no literal needed.
	return litInfo{}
}

// needOf is in read as need groups only.
func needOf(in litInfo) [][]string {
	need := slices.Clone(in.need)
	if g := group(in.exact); g != nil {
		need = append(need, g)
	}
	return need
}

// concat reads a followed by b.
func concat(a, b litInfo) litInfo {
	if a.exact != nil && b.exact != nil && len(a.exact)*len(b.exact) <= maxExact {
		var ex []string
		for _, x := range a.exact {
			for _, y := range b.exact {
				ex = append(ex, x+y)
			}
		}
		return litInfo{exact: ex, need: append(slices.Clone(a.need), b.need...)}
	}
	return litInfo{need: append(needOf(a), needOf(b)...)}
}
