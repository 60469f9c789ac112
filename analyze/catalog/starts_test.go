package catalog

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

func TestFirstBytes(t *testing.T) {
	tests := []struct {
		expr     string
		want     string // the first bytes, in order
		nullable bool
		ok       bool
	}{
		{`abc`, "a", false, true},
		{`(?i)abc`, "Aa", false, true},
		{`(?i)k`, "Kk\xe2", false, true},       // the Kelvin sign begins with 0xE2
		{`(?i)s`, "Ss\xc5", false, true},       // long s: 0xC5
		{`(?i)é`, "\xc3", false, true},         // É and é
		{`\b(?:Pak|Bu)\s+`, "BP", false, true}, // an assertion reads no byte
		{`a?b`, "ab", false, true},
		{`a*`, "a", true, true},
		{`(?:a|)b`, "ab", false, true},
		{`x{0,2}y`, "xy", false, true},
		{`x{1,2}y`, "x", false, true},
		{`[A-C]z`, "ABC", false, true},
		{`[a-zé]`, "abcdefghijklmnopqrstuvwxyz\xc3", false, true},
		{`^a`, "a", false, true},
		{`\bx|$`, "x", true, true},
		{`.x`, "", false, false},     // any rune, U+FFFD (an invalid byte) too
		{`(?s).x`, "", false, false}, // the same
		{`[^a]`, "", false, false},   // holds U+FFFD
		{`\x{FFFD}`, "", false, false},
		{`[\x{D7FF}-\x{E000}]`, "", false, false}, // holds U+FFFD? no: surrogates
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		first, nullable, ok := firstBytes(re.Simplify())
		var got []byte
		for c := 0; c < 256; c++ {
			if first.has(byte(c)) {
				got = append(got, byte(c))
			}
		}
		if ok != tt.ok || ok && (nullable != tt.nullable || string(got) != tt.want) {
			t.Errorf("firstBytes(%q) = %q, %v, %v; want %q, %v, %v", tt.expr, got, nullable, ok, tt.want, tt.nullable, tt.ok)
		}
	}
}

// startsTexts are texts that try the edges of starts: a match at the
// first byte, after a multi-byte rune, after an invalid byte, word
// boundaries against letters, digits and marks, line starts and ends.
var startsTexts = []string{
	"", "P", "Pak", "Pak Andi", "xPak Andi", "_Pak Andi", "1Pak Andi", "é Pak Andi", "éPak Andi",
	"\xffPak Andi", "\xe2\x84Pak Andi", "Pak Andi\xff", "a\nPak Andi\nb", "Pak\u00a0Andi",
	"coblos Andi - Budi!", "Andi–Budi", "ANDI - BUDI", "\u212aetua RT", "ketua rt", "\u017felamat ulang tahun",
	"SELAMAT ULANG TAHUN Pak Andi", "dukung Andi Budi Cici Dodi", "Paslon 02 nomor urut 2!", "#PakAndi #Andi",
	"Ibu Hj. Siti Aminah hadir, Bapak Dr. H. Andi Harun", "pak Andi, bu Rina, abah Udin",
	"Samarinda 1️⃣", "Samarinda1 Satu", "RI 1", "menuju Kaltim Satu Andi",
}

// startsInputs are startsTexts, a third of the test texts (all of them
// took half a minute on a loaded 2-core box; the fuzz target reads
// more), and some of both cut at a few places (a cut can fall inside a
// rune).
func startsInputs(t *testing.T) []string {
	texts := slices.Clone(startsTexts)
	for i, s := range gateTexts(t) {
		if i%3 == 0 {
			texts = append(texts, s)
		}
	}
	out := slices.Clone(texts)
	for i, s := range texts {
		if i%7 == 0 && len(s) > 3 {
			out = append(out, s[1:], s[len(s)/2:], s[:len(s)/2+1])
		}
	}
	return out
}

// agreeWithRegexp fails t when a starts-run method of f and f's plain
// regexp say different things on s (the hay h), where f's gate lets s
// through (elsewhere starts is not run).
func agreeWithRegexp(t *testing.T, f *fre, h *hay, s string) {
	t.Helper()
	if !f.may(h) {
		return // the gate's own test checks that no match is refused
	}
	if got, want := f.st.match(s), f.re.MatchString(s); got != want {
		t.Fatalf("%s: match(%q) = %v, want %v", f.re, s, got, want)
	}
	if got, want := f.st.submatchIndex(s, 0), f.re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Fatalf("%s: submatchIndex(%q) = %v, want %v", f.re, s, got, want)
	}
	if got, want := f.FindAllStringSubmatchIndex(h, -1), f.re.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%s: FindAllStringSubmatchIndex(%q) = %v, want %v", f.re, s, got, want)
	}
	if got, want := f.FindAllString(h, 2), f.re.FindAllString(s, 2); !slices.Equal(got, want) {
		t.Fatalf("%s: FindAllString(%q, 2) = %q, want %q", f.re, s, got, want)
	}
	if got, want := f.FindStringSubmatch(h), f.re.FindStringSubmatch(s); !slices.Equal(got, want) {
		t.Fatalf("%s: FindStringSubmatch(%q) = %q, want %q", f.re, s, got, want)
	}
}

// TestStartsAgreeWithRegexp checks, on every gated regexp run with
// starts and every test text, that the matches are the regexp's own.
func TestStartsAgreeWithRegexp(t *testing.T) {
	with := 0
	for _, f := range gatedAll {
		if f.st != nil {
			with++
		}
	}
	if with*2 < len(gatedAll) {
		t.Errorf("only %d of %d gated regexps run with starts", with, len(gatedAll))
	}
	t.Logf("%d of %d gated regexps run with starts", with, len(gatedAll))
	var h hay
	for _, s := range startsInputs(t) {
		h.reset(s)
		for _, f := range gatedAll {
			if f.st != nil {
				agreeWithRegexp(t, f, &h, s)
			}
		}
	}
}

// TestStartsSmall checks starts on small regexps with assertions at
// their start, against the regexp.
func TestStartsSmall(t *testing.T) {
	exprs := []string{
		`\bPak\b`, `\BPak`, `(?m)^Pak`, `^Pak`, `Pak$`, `(?i)\bk`, `(?i)\bs\w+`, `(?:\b|x)y`,
		`[A-Z][a-z]+`, `(?i)é+`, `\b(a)|(b)\b`, `(?:(a)|b)+c`,
	}
	texts := append(slices.Clone(startsTexts), "yxy", "xy y", "é ÉÉé", "ab ba a b", "abc bac cab", "\xff\xfeé", "kK\u212a sS\u017f")
	for _, expr := range exprs {
		f := mustFre(expr)
		gatedAll = gatedAll[:len(gatedAll)-1] // not one of the catalog's
		if f.st == nil {
			t.Fatalf("%s: no starts", expr)
		}
		var h hay
		for _, s := range texts {
			for _, s := range []string{s, strings.ToUpper(s), s + " " + s} {
				h.reset(s)
				agreeWithRegexp(t, f, &h, s)
			}
		}
	}
}

// FuzzStarts checks that starts finds the regexp's own matches on any
// text, for every gated regexp it runs.
func FuzzStarts(f *testing.F) {
	for _, s := range startsTexts {
		f.Add(s)
	}
	var with []*fre
	for _, g := range gatedAll {
		if g.st != nil {
			with = append(with, g)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		var h hay
		h.reset(s)
		for _, g := range with {
			agreeWithRegexp(t, g, &h, s)
		}
	})
}
