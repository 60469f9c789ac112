package normalize

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"sync/atomic"
)

//go:embed lexicon/kata-dasar.txt
var rootFS embed.FS

// loadRoots reads the Indonesian root-word list (Sastrawi/Kateglo kata
// dasar, CC BY-NC-SA 3.0; see NOTICE.md).
var loadRoots = sync.OnceValue(func() map[string]bool {
	roots := make(map[string]bool, 30000)
	f, err := rootFS.Open("lexicon/kata-dasar.txt")
	if err != nil {
		panic("normalize: embedded root list: " + err.Error())
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, _, _ := strings.Cut(strings.TrimSpace(sc.Text()), " ")
		if len(w) >= 2 && isASCIILower(strings.ReplaceAll(w, "-", "")) {
			roots[w] = true
		}
	}
	return roots
})

// stemCache memoises Stem; it stops growing at stemCacheMax entries.
var (
	stemCache    sync.Map
	stemCacheLen atomic.Int64
)

const stemCacheMax = 200_000

// Stem returns the root of an Indonesian word by affix stripping in the
// manner of Nazief–Adriani / Enhanced Confix Stripping: inflectional
// suffixes (-lah -kah -tah -pun, -ku -mu -nya), a derivational suffix
// (-kan -an -i) and up to three prefixes (di- ke- se- be(r)- te(r)-
// me(N)- pe(N)- per-) with the usual recoding of nasals ("menulis" →
// "tulis", "memakai" → "pakai", "menyanyi" → "nyanyi"), accepting only a
// root from the root-word list. A word with no such root is returned as it
// is; reduplications stem their first half ("anak-anak" → "anak").
func Stem(word string) string {
	if len(word) <= 3 {
		return word
	}
	if v, ok := stemCache.Load(word); ok {
		return v.(string)
	}
	s := stem(loadRoots(), word)
	if stemCacheLen.Load() < stemCacheMax {
		if _, loaded := stemCache.LoadOrStore(word, s); !loaded {
			stemCacheLen.Add(1)
		}
	}
	return s
}

func stem(roots map[string]bool, w string) string {
	if roots[w] || !isASCIILower(strings.ReplaceAll(w, "-", "")) {
		return w
	}
	if k := strings.IndexByte(w, '-'); k > 0 {
		a, b := w[:k], w[k+1:]
		if a == b || strings.HasPrefix(b, a) || strings.HasSuffix(a, b) {
			// "anak-anak", "anak-anaknya", "berkali-kali"
			return stem(roots, a)
		}
		return w
	}
	// suffix variants, least stripped first
	variants := make([]string, 0, 8)
	add := func(v string) {
		if len(v) >= 3 {
			variants = append(variants, v)
		}
	}
	add(w)
	infl := []string{w}
	for _, p := range [...]string{"lah", "kah", "tah", "pun"} {
		if v, ok := strings.CutSuffix(w, p); ok && len(v) >= 3 {
			add(v)
			infl = append(infl, v)
			break
		}
	}
	for _, base := range append([]string(nil), infl...) {
		for _, p := range [...]string{"nya", "ku", "mu"} {
			if v, ok := strings.CutSuffix(base, p); ok && len(v) >= 3 {
				add(v)
				infl = append(infl, v)
				break
			}
		}
	}
	for _, base := range infl {
		for _, d := range [...]string{"kan", "an", "i"} {
			if v, ok := strings.CutSuffix(base, d); ok && len(v) >= 3 {
				add(v)
			}
		}
	}
	for _, v := range variants {
		if roots[v] {
			return v
		}
	}
	for _, v := range variants {
		if r := stripPrefixes(roots, v, 3); r != "" {
			return r
		}
	}
	return w
}

// stripPrefixes removes up to depth prefixes from w and returns the first
// root reached, or "".
func stripPrefixes(roots map[string]bool, w string, depth int) string {
	if depth == 0 || len(w) < 4 {
		return ""
	}
	for _, c := range prefixOptions(w) {
		if len(c) < 2 {
			continue
		}
		if roots[c] {
			return c
		}
	}
	for _, c := range prefixOptions(w) {
		if len(c) < 4 {
			continue
		}
		if r := stripPrefixes(roots, c, depth-1); r != "" {
			return r
		}
	}
	return ""
}

// prefixOptions lists what remains after removing one prefix from w, with
// the recodings of the nasal and r-prefixes.
func prefixOptions(w string) []string {
	var out []string
	vowelAt := func(i int) bool { return i < len(w) && isVowel(w[i]) }
	switch {
	case strings.HasPrefix(w, "meng"):
		out = append(out, w[4:], "k"+w[4:])
		if strings.HasPrefix(w, "menge") {
			out = append(out, w[5:])
		}
	case strings.HasPrefix(w, "meny"):
		out = append(out, "s"+w[4:], w[2:])
	case strings.HasPrefix(w, "mem"):
		if vowelAt(3) {
			out = append(out, "p"+w[3:], "m"+w[3:])
		}
		out = append(out, w[3:])
	case strings.HasPrefix(w, "men"):
		if vowelAt(3) {
			out = append(out, "t"+w[3:], "n"+w[3:])
		}
		out = append(out, w[3:])
	case strings.HasPrefix(w, "me"):
		out = append(out, w[2:])
	case strings.HasPrefix(w, "peng"):
		out = append(out, w[4:], "k"+w[4:])
		if strings.HasPrefix(w, "penge") {
			out = append(out, w[5:])
		}
	case strings.HasPrefix(w, "peny"):
		out = append(out, "s"+w[4:], w[2:])
	case strings.HasPrefix(w, "pem"):
		if vowelAt(3) {
			out = append(out, "p"+w[3:], "m"+w[3:])
		}
		out = append(out, w[3:])
	case strings.HasPrefix(w, "pen"):
		if vowelAt(3) {
			out = append(out, "t"+w[3:], "n"+w[3:])
		}
		out = append(out, w[3:])
	case strings.HasPrefix(w, "per"):
		out = append(out, w[3:], "r"+w[3:], w[2:])
	case strings.HasPrefix(w, "pel"):
		out = append(out, w[2:], w[3:]) // "pelayan" → "layan", "pelajar" → "ajar"
	case strings.HasPrefix(w, "pe"):
		out = append(out, w[2:])
	case strings.HasPrefix(w, "ber"):
		out = append(out, w[3:], "r"+w[3:], w[2:])
	case strings.HasPrefix(w, "bel"):
		out = append(out, w[2:], w[3:]) // "belajar" → "ajar"
	case strings.HasPrefix(w, "be"):
		out = append(out, w[2:])
	case strings.HasPrefix(w, "ter"):
		out = append(out, w[3:], "r"+w[3:], w[2:])
	case strings.HasPrefix(w, "te"):
		out = append(out, w[2:])
	case strings.HasPrefix(w, "di"), strings.HasPrefix(w, "ke"), strings.HasPrefix(w, "se"):
		out = append(out, w[2:])
	}
	return out
}
