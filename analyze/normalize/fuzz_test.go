package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"", " ", "bagusss bgt!!! 😂😂", "#SamarindaKotaPeradaban @pemkot_smr", "https://x.co/a?b=c",
	"anak2 kupu-kupu kata2nya", "b4ngs4t 4nj1ng t0l0l 2024 01", "ulun kada handak tulak wayah ini",
	"tidak buruk, bukan main", ":) :( :D :v xD <3 -_- T_T ok:D", "𝐛𝐚𝐠𝐮𝐬 ＡＢＣ", "bagus\xff\xfe",
	"🤦‍♂️👍🏽🇮🇩", "#", "@", "#1", "@.", "a@b.com", "Rp10.000 10,5%", "\u200b\u200d\ufe0f\u20e3",
	"'s n't 'll", "Ⱥn't", "Ɱn't İ's", "#___", "#a_b_c", "wkwkwkwkwk", "((((((", "\x00\x01", "ǅemal İstanbul",
}

// FuzzText checks that Text never panics, returns valid UTF-8, and never
// gives a token an empty Norm.
func FuzzText(f *testing.F) {
	for _, s := range append(fuzzSeeds, benchPosts...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Text(s)
		if d.Raw != s {
			t.Fatalf("Raw changed")
		}
		checkInvariants(t, s, d)
		if !utf8.ValidString(d.NormText()) {
			t.Fatalf("NormText not valid UTF-8")
		}
		_ = d.Lang()
		_ = d.Words()
	})
}

// FuzzProseFastPath checks that skipping prose for plain letter/digit
// chunks gives exactly the tokens prose gives on the whole text.
func FuzzProseFastPath(f *testing.F) {
	for _, s := range append(fuzzSeeds, benchPosts...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := prepare(s)
		if longestChunk(text) > maxChunk {
			return // cut on purpose (see maxChunk)
		}
		fast, full := proseSpans(text), proseSpansFull(text)
		if full == nil || !lossless(text, full) {
			return // prose itself panicked or dropped text here; the fast path keeps it (see proseSpans)
		}
		if len(fast) != len(full) {
			t.Fatalf("%q: fast path gives %d tokens, prose %d\nfast=%v\nfull=%v", text, len(fast), len(full), fast, full)
		}
		for i := range fast {
			if fast[i] != full[i] {
				t.Fatalf("%q: token %d: fast %v, prose %v", text, i, fast[i], full[i])
			}
		}
	})
}

// longestChunk is the length of the longest whitespace-free run.
func longestChunk(s string) int {
	best := 0
	for _, f := range strings.FieldsFunc(s, unicode.IsSpace) {
		if len(f) > best {
			best = len(f)
		}
	}
	return best
}

// TestPathologicalInput runs long runs of characters that make prose's
// tokenizer quadratic; the test timeout catches a regression.
func TestPathologicalInput(t *testing.T) {
	for _, unit := range []string{"(", ":)", "'", "@a", "a'", "#a", "😂", "b4", "-", "1.", "wk"} {
		s := strings.Repeat(unit, 50000)
		d := Text(s)
		if len(d.Tokens) == 0 {
			t.Errorf("%q×50000: no tokens", unit)
		}
		checkInvariants(t, unit, d)
	}
}

// lossless reports whether spans cover every non-space byte of text.
func lossless(text string, spans []span) bool {
	var a, b strings.Builder
	for _, f := range strings.FieldsFunc(text, unicode.IsSpace) {
		a.WriteString(f)
	}
	for _, sp := range spans {
		if sp.start < 0 {
			return false
		}
		b.WriteString(sp.text)
	}
	return a.String() == b.String()
}

// TestProseFastPathRandom compares the fast path with plain prose on
// random strings built from fragments that trigger prose's special cases.
func TestProseFastPathRandom(t *testing.T) {
	frags := []string{
		"$", "(", ")", "\"", "[", "]", "'", "n't", "'s", "'ll", "'re", "'m", ".", ",", "!", "?", ";", ":",
		"A.", "b.", "Mr.", "U.S.", ":)", ":(", "-__-", "(-_-)", "^___^", "xD", "<3", "a", "bagus", "Ab", "1",
		"10.000", "😂", "❤️", "#tag", "@user", "http://x.co/a", " ", " ", "  ", "\n", "\t", "\u00a0", "&rsquo;",
		"\u201c", "\u2019", "-", "_", "Ɱ", "İ", "Ⱥ", "e\u0301",
	}
	rng := uint64(42)
	next := func(n int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(n))
	}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for k := next(8) + 1; k > 0; k-- {
			b.WriteString(frags[next(len(frags))])
		}
		text := prepare(b.String())
		fast, full := proseSpans(text), proseSpansFull(text)
		if full == nil || !lossless(text, full) {
			continue // prose panicked or dropped text: the fast path differs on purpose
		}
		if len(fast) != len(full) {
			t.Fatalf("%q: fast %v, prose %v", text, fast, full)
		}
		for j := range fast {
			if fast[j] != full[j] {
				t.Fatalf("%q: token %d: fast %v, prose %v", text, j, fast[j], full[j])
			}
		}
	}
}
