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
	"'s n't 'll", "#___", "#a_b_c", "wkwkwkwkwk", "((((((", "\x00\x01", "ǅemal İstanbul",
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
		if !lossless(text, full) {
			return // prose itself dropped text here; the fast path keeps it (see proseSpans)
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
