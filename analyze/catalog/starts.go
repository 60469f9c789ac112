package catalog

import (
	"regexp"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// Go's backtracker tries a regexp at every byte of the post, and the
// frames' regexps with names in them ("Pak Andi", "Andi - Budi") pass
// their gates on most posts with a capital letter: in an election season
// they were a quarter of tagging. A match can only begin with a few bytes
// (an honorific's capital, a word's first letter), so starts reads that
// set from the regexp's syntax once, and the regexp is run, anchored,
// only where the post has one of those bytes. The anchored copy reads the
// rune before the start too, so that \b, \B and (?m)^ see the same
// neighbour they see in the whole post: the match is the one the regexp
// finds on the whole post (TestStartsAgreeWithRegexp, FuzzStarts).

// starts runs a regexp only at the positions where a match can begin.
type starts struct {
	first byteSet        // the bytes a match can begin with
	at0   *regexp.Regexp // ^(?:expr): a match at the start of the text
	atP   *regexp.Regexp // ^(?s:.)(?:expr): the rune before the start, then a match
	// maxTries bounds the candidates worth trying one by one: each try
	// clears the backtracker's visited bits (program size × text
	// length) anew, so a text with many candidates (a post in capitals)
	// is cheaper for one run of the plain regexp over every position.
	maxTries int
}

// newStarts reads where matches of expr (parsed: t) can begin; nil when
// the set of first bytes says too little or cannot be read safely (the
// regexp may match an empty text, or begin with any rune).
func newStarts(expr string, t *syntax.Regexp) *starts {
	first, nullable, ok := firstBytes(t)
	if !ok || nullable {
		return nil
	}
	// A continuation byte (0x80–0xBF) begins no rune, but an invalid one is
	// read as U+FFFD: firstBytes gives up on that rune, so no byte here is
	// one, and every candidate is where the regexp itself would try.
	n := 0
	for c := 0; c < 256; c++ {
		if first.has(byte(c)) {
			n++
		}
	}
	if n > 128 {
		return nil // most bytes: nothing to skip
	}
	prog, err := syntax.Compile(t)
	if err != nil {
		return nil
	}
	return &starts{
		first: first,
		at0:   regexp.MustCompile(`^(?:` + expr + `)`),
		atP:   regexp.MustCompile(`^(?s:.)(?:` + expr + `)`),
		// A try costs a call's overhead plus a clear of len(prog) bits a
		// byte of text, the plain regexp some tens of ns a byte. Measured
		// (catalog CPU a post; plain regexps, then budgets of 4096, 16384
		// and no bound): the 2024-dated corpus of testdata, SmSA and HS
		// 48.7 → 39.2 / 34.9 / 35.2 µs, SmSA and HS alone 50.4 → 46.1 /
		// 39.6 / 36.6 µs, the demo week 7.7 → 6.0 / 6.6 / 5.8 µs. 16384
		// (73 tries for frSideNamed, the largest) keeps most of the gain;
		// on a post of names only (every word a candidate, 100–2000
		// bytes) the tries stayed 2–4 times faster than the plain regexp
		// up to the bound, and the bound keeps a longer one at its cost.
		maxTries: max(4, 16384/len(prog.Inst)),
	}
}

// worth reports whether s has few enough candidate starts for trying
// them one by one to beat the plain regexp.
func (st *starts) worth(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if st.first.has(s[i]) {
			if n++; n > st.maxTries {
				return false
			}
		}
	}
	return true
}

func (bs *byteSet) has(c byte) bool { return bs[c>>6]&(1<<(c&63)) != 0 }

// addRuneLeads adds the first bytes of the UTF-8 encodings of lo…hi: the
// encoding keeps the order of runes, so they are the bytes from lo's
// first to hi's first. ok is false when the range holds U+FFFD (an
// invalid byte, any of 0x80–0xFF, reads as it) or surrogates.
func (bs *byteSet) addRuneLeads(lo, hi rune) (ok bool) {
	if lo <= utf8.RuneError && utf8.RuneError <= hi || lo <= 0xDFFF && 0xD800 <= hi {
		return false
	}
	var a, b [utf8.UTFMax]byte
	utf8.EncodeRune(a[:], lo)
	utf8.EncodeRune(b[:], hi)
	for c := int(a[0]); c <= int(b[0]); c++ {
		bs.set(byte(c))
	}
	return true
}

// firstBytes reads the bytes that a match of t can begin with, and
// whether t can match the empty text (then its first bytes say nothing
// of where the match begins). ok is false when they cannot be read.
func firstBytes(t *syntax.Regexp) (first byteSet, nullable, ok bool) {
	switch t.Op {
	case syntax.OpNoMatch:
		return first, false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		// Empty: the assertions are read with the rune before the start
		// (starts.atP), so they hold where they hold in the whole text.
		return first, true, true
	case syntax.OpLiteral:
		if len(t.Rune) == 0 {
			return first, true, true
		}
		r := t.Rune[0]
		if !first.addRuneLeads(r, r) {
			return first, false, false
		}
		if t.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if !first.addRuneLeads(f, f) {
					return first, false, false
				}
			}
		}
		return first, false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(t.Rune); i += 2 {
			if !first.addRuneLeads(t.Rune[i], t.Rune[i+1]) {
				return first, false, false
			}
		}
		return first, false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstBytes(t.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		first, _, ok = firstBytes(t.Sub[0])
		return first, true, ok
	case syntax.OpRepeat:
		first, nullable, ok = firstBytes(t.Sub[0])
		return first, nullable || t.Min == 0, ok
	case syntax.OpConcat:
		for _, s := range t.Sub {
			f, n, ok := firstBytes(s)
			if !ok {
				return first, false, false
			}
			for i := range first {
				first[i] |= f[i]
			}
			if !n {
				return first, false, true
			}
		}
		return first, true, true
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			f, n, ok := firstBytes(s)
			if !ok {
				return first, false, false
			}
			for i := range first {
				first[i] |= f[i]
			}
			nullable = nullable || n
		}
		return first, nullable, true
	}
	// Any character (U+FFFD too), or an operator not read here.
	return first, false, false
}

// submatchIndex is regexp.FindStringSubmatchIndex(s[from:]) read with the
// context of the whole s (as the regexp's own loop over the start
// positions of s reads it), its indices in s; nil when there is no match.
// Only the positions holding a first byte are tried, in order: the first
// one with a match holds the leftmost match, and the anchored regexp's
// match there is the one the unanchored regexp prefers.
func (st *starts) submatchIndex(s string, from int) []int {
	for p := from; p < len(s); p++ {
		if !st.first.has(s[p]) {
			continue
		}
		if p == 0 {
			if m := st.at0.FindStringSubmatchIndex(s); m != nil {
				return m
			}
			continue
		}
		_, w := utf8.DecodeLastRuneInString(s[:p])
		q := p - w
		if m := st.atP.FindStringSubmatchIndex(s[q:]); m != nil {
			for i, v := range m {
				if v >= 0 {
					m[i] = v + q
				}
			}
			m[0] = p
			return m
		}
	}
	return nil
}

// match reports whether the regexp matches s.
func (st *starts) match(s string) bool {
	for p := 0; p < len(s); p++ {
		if !st.first.has(s[p]) {
			continue
		}
		if p == 0 {
			if st.at0.MatchString(s) {
				return true
			}
			continue
		}
		_, w := utf8.DecodeLastRuneInString(s[:p])
		if st.atP.MatchString(s[p-w:]) {
			return true
		}
	}
	return false
}
