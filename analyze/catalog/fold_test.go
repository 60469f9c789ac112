package catalog

import (
	"strings"
	"testing"
)

// slowFold is the generic fold appendFold must agree with: every rune,
// ASCII too, through foldRune.
func slowFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func TestAppendFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"pelayanan cepat", "pelayanan cepat"},
		{"Pak ANDI - Budi #Samarinda1", "pak andi - budi #samarinda1"},
		{"KETUA RT, kSs", "ketua rt, kss"},
		{"\u212aetua", "ketua"},                                    // the Kelvin sign folds with k
		{"\u017felamat", "selamat"},                                // the long s folds with s
		{"İstanbul ıı", "İstanbul ıı"},                             // Turkish dotted and dotless i: no simple folding to i
		{"ﬁrst ﬂow", "ﬁrst ﬂow"},                                   // ligatures have no simple folding
		{"STRAẞE straße", "straße straße"},                         // capital sharp s folds with ß
		{"ΣΑΣ σας", "ΣΑΣ ΣΑΣ"},                                     // final sigma is in sigma's orbit, whose smallest member is the capital
		{"ÉCOLE école", "École École"},                             // the smallest member: the capital
		{"bad \xff byte \xe2\x84", "bad \uFFFD byte \uFFFD\uFFFD"}, // invalid bytes become U+FFFD
		{"emoji 👏🙃 ✌️", "emoji 👏🙃 ✌️"},
	}
	for _, tt := range tests {
		got := string(appendFold(nil, tt.in))
		if got != tt.want {
			t.Errorf("appendFold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if slow := slowFold(tt.in); got != slow {
			t.Errorf("appendFold(%q) = %q, the generic fold %q", tt.in, got, slow)
		}
		if fs := foldString(tt.in); fs != slowFold(tt.in) {
			t.Errorf("foldString(%q) = %q, want %q", tt.in, fs, slowFold(tt.in))
		}
	}
	// Every ASCII byte on its own.
	for c := 0; c < 0x80; c++ {
		s := string(rune(c))
		if got, want := string(appendFold(nil, s)), slowFold(s); got != want {
			t.Errorf("appendFold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestHayReuse checks that a hay reset for one post and then another
// holds the second post's fold, not bytes of the first.
func TestHayReuse(t *testing.T) {
	var h hay
	for _, s := range []string{"Pak ANDI Harun", "x", "Ketua RT \u212a", "plain text", "ÉÉ", "Salam Dua Jari"} {
		h.reset(s)
		if h.fold != slowFold(s) {
			t.Errorf("after reset(%q) fold = %q, want %q", s, h.fold, slowFold(s))
		}
	}
}

// FuzzAppendFold checks the byte-wise ASCII path against the generic
// fold on any text.
func FuzzAppendFold(f *testing.F) {
	for _, s := range []string{"Pak ANDI", "\u212a\u017f", "İı", "ﬁ", "ẞ", "\xff\xe2\x84", "ΣΑΣ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendFold(nil, s)), slowFold(s); got != want {
			t.Fatalf("appendFold(%q) = %q, want %q", s, got, want)
		}
	})
}
