package normalize

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Banjar spells Indonesian words with its three vowels (a, i, u): the
// Indonesian schwa and e become a or i, o becomes u ("kaluarga" →
// "keluarga", "risturan" → "restoran", "mubil" → "mobil"); it breaks
// consonant clusters with a ("haraga" → "harga"); its prefixes ba-, ta-,
// ma(N)-, pa(N)-, sa-, ka- are Indonesian ber-, ter-, me(N)-, pe(N)-/per-,
// se-, ke-; and -akan is -kan ("manyajiakan" → "menyajikan"). banjarSpelling
// searches these rewrites for an Indonesian word.

// bjnCache memoises banjarSpelling ("" = no Indonesian form).
var (
	bjnCache    sync.Map
	bjnCacheLen atomic.Int64
)

const (
	bjnCacheMax  = 100_000
	bjnMaxVowels = 7 // 2^7 vowel patterns at most
)

// banjarSpelling returns the Indonesian spelling of a Banjar word that the
// word list does not know, or "".
func (lx *lexicon) banjarSpelling(w string) string {
	if len(w) < 4 || !isASCIILower(w) {
		return ""
	}
	if v, ok := bjnCache.Load(w); ok {
		return v.(string)
	}
	r := lx.searchBanjar(w)
	if bjnCacheLen.Load() < bjnCacheMax {
		if _, loaded := bjnCache.LoadOrStore(w, r); !loaded {
			bjnCacheLen.Add(1)
		}
	}
	return r
}

func (lx *lexicon) searchBanjar(w string) string {
	roots := loadRoots()
	best, bestN := "", uint32(0)
	if roots[w] {
		return "" // an Indonesian root the word list lacks ("gotong")
	}
	try := func(c string) {
		n := lx.count(c)
		if n == 0 && roots[c] {
			n = 1
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	// stems to rewrite: the word, -akan → -kan, and ba-/ta-/pa- + r
	forms := []string{w}
	if v, ok := strings.CutSuffix(w, "akan"); ok && len(v) >= 3 {
		forms = append(forms, v+"kan")
	}
	for _, f := range append([]string(nil), forms...) {
		for _, p := range [...]string{"ba", "ta", "pa"} {
			if strings.HasPrefix(f, p) && len(f) > 4 && !isVowel(f[2]) && f[2] != 'r' {
				forms = append(forms, f[:2]+"r"+f[2:]) // "tajangkau" → "tarjangkau" → "terjangkau"
			}
		}
	}
	// epenthetic a between consonants: "haraga" → "harga"
	for _, f := range append([]string(nil), forms...) {
		for i := 1; i+1 < len(f); i++ {
			if f[i] == 'a' && !isVowel(f[i-1]) && !isVowel(f[i+1]) && i+2 < len(f) && isVowel(f[i+2]) && f[i-1] == 'r' {
				forms = append(forms, f[:i]+f[i+1:])
			}
		}
	}
	for _, f := range forms {
		vowelVariants(f, try)
	}
	return best
}

// vowelVariants calls fn with every spelling of w in which each a may be
// e, each i may be e and each u may be o (w itself excluded).
func vowelVariants(w string, fn func(string)) {
	var pos []int
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'a', 'i', 'u':
			pos = append(pos, i)
		}
	}
	if len(pos) > bjnMaxVowels {
		pos = pos[:bjnMaxVowels]
	}
	buf := []byte(w)
	for mask := 0; mask < 1<<len(pos); mask++ {
		for k, p := range pos {
			c := w[p]
			if mask&(1<<k) != 0 {
				switch c {
				case 'a', 'i':
					c = 'e'
				case 'u':
					c = 'o'
				}
			}
			buf[p] = c
		}
		fn(string(buf))
	}
}
