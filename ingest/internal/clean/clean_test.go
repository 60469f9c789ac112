package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStripHTML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain  text\n", "plain text"},
		{"<p>satu</p><p>dua</p>", "satu dua"},
		{"a<br/>b", "a b"},
		{`#<span>samarinda</span> <a href="x">link</a>`, "#samarinda link"},
		{"A &amp; B &lt;3", "A & B <3"},
		{"<b>te</b>bal", "tebal"},
		{"unclosed <tag", "unclosed"},
	} {
		if got := StripHTML(tc.in); got != tc.want {
			t.Errorf("StripHTML(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTruncateTo(t *testing.T) {
	s := strings.Repeat("é", 10) // 2 bytes each
	for n := 0; n <= 21; n++ {
		got := TruncateTo(s, n)
		if len(got) > n || !utf8.ValidString(got) || len(got) < n-1 && len(got) != len(s) {
			t.Errorf("TruncateTo(%d) = %q (%d bytes)", n, got, len(got))
		}
	}
}

func FuzzStripHTML(f *testing.F) {
	f.Add("<p>a &amp; b</p>")
	f.Add("<<>>&&;")
	f.Fuzz(func(t *testing.T, s string) {
		out := StripHTML(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
		_ = TruncateTo(out, len(out)/2)
	})
}
