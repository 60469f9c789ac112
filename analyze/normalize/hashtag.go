package normalize

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitHashtag appends the words of a hashtag body as Word pieces with
// fromHashtag set: "_" separates parts, CamelCase and letter/digit changes
// split parts, and parts the word list does not know are segmented with a
// unigram Viterbi search ("samarindakotaperadaban" → samarinda kota
// peradaban).
func (lx *lexicon) splitHashtag(body string, start int, out []piece) []piece {
	for _, part := range camelParts(body) {
		ps := offOr(start, part.off)
		w := part.s
		if isDigitByte(w[0]) {
			out = append(out, piece{raw: w, start: ps, end: offOr(ps, len(w)), kind: Number, norm: strings.ToLower(w), fromHashtag: true})
			continue
		}
		lower := strings.ToLower(w)
		if lx.known(lower) || !isASCIILower(lower) || len(lower) != len(w) {
			out = append(out, piece{raw: w, start: ps, end: offOr(ps, len(w)), kind: Word, fromHashtag: true})
			continue
		}
		off := 0
		for _, seg := range lx.segment(lower) {
			out = append(out, piece{raw: w[off : off+len(seg)], start: offOr(ps, off), end: offOr(ps, off+len(seg)), kind: Word, fromHashtag: true})
			off += len(seg)
		}
	}
	return out
}

type part struct {
	s   string
	off int
}

// camelParts splits at "_", lower→Upper, UPPER→Upper+lower and
// letter↔digit boundaries.
func camelParts(body string) []part {
	var parts []part
	start := 0
	var prev rune = -1
	flush := func(end int) {
		if end > start {
			parts = append(parts, part{body[start:end], start})
		}
		start = end
	}
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		if r == '_' {
			flush(i)
			start = i + size
			prev = -1
			i += size
			continue
		}
		if prev >= 0 {
			switch {
			case unicode.IsUpper(r) && unicode.IsLower(prev):
				flush(i)
			case unicode.IsDigit(r) != unicode.IsDigit(prev):
				flush(i)
			case unicode.IsLower(r) && unicode.IsUpper(prev) && i-start > utf8.RuneLen(prev):
				// "HUTRIKe" → "HUTRI" + "Ke": split before the last capital
				flush(i - utf8.RuneLen(prev))
			}
		}
		prev = r
		i += size
	}
	flush(len(body))
	return parts
}

func isASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

const (
	maxSegWord   = 24
	maxSegInput  = 80
	unknownBase  = 22.0 // cost of an unknown chunk: high, so known words win
	unknownPerCh = 2.5
)

// segment splits an all-lower-case ASCII string into the most probable
// sequence of known words (unknown chunks allowed at a high cost).
func (lx *lexicon) segment(s string) []string {
	n := len(s)
	if n > maxSegInput || n < 4 {
		return []string{s}
	}
	best := make([]float64, n+1)
	back := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = math.Inf(1)
		lo := i - maxSegWord
		if lo < 0 {
			lo = 0
		}
		for j := lo; j < i; j++ {
			if math.IsInf(best[j], 1) {
				continue
			}
			c := lx.wordCost(s[j:i])
			if v := best[j] + c; v < best[i] {
				best[i], back[i] = v, j
			}
		}
	}
	var segs []string
	for i := n; i > 0; i = back[i] {
		segs = append(segs, s[back[i]:i])
	}
	for a, b := 0, len(segs)-1; a < b; a, b = a+1, b-1 {
		segs[a], segs[b] = segs[b], segs[a]
	}
	// merge adjacent unknown chunks
	merged := segs[:0]
	for _, sg := range segs {
		if len(merged) > 0 && !lx.known(sg) && !lx.known(merged[len(merged)-1]) {
			merged[len(merged)-1] += sg
			continue
		}
		merged = append(merged, sg)
	}
	return merged
}

func (lx *lexicon) wordCost(w string) float64 {
	if len(w) >= 2 {
		if c := lx.count(w); c > 0 {
			cost := lx.logTotal - math.Log(float64(c))
			if len(w) == 2 {
				cost += 4 // two-letter words split too eagerly otherwise
			}
			return cost
		}
	}
	return unknownBase + unknownPerCh*float64(len(w))
}
