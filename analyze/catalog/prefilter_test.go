package catalog

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

func TestFoldRune(t *testing.T) {
	tests := []struct {
		in, want rune
	}{
		{'A', 'a'}, {'a', 'a'}, {'k', 'k'}, {'K', 'k'}, {'\u212a', 'k'}, // Kelvin sign
		{'s', 's'}, {'S', 's'}, {'\u017f', 's'}, // long s
		{'1', '1'}, {'#', '#'}, {'É', 'É'}, {'é', 'É'}, {'✌', '✌'},
	}
	for _, tt := range tests {
		if got := foldRune(tt.in); got != tt.want {
			t.Errorf("foldRune(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// csRange is the case-sensitive single-letter literals lo..hi.
func csRange(lo, hi byte) []string {
	var out []string
	for c := lo; c <= hi; c++ {
		out = append(out, "="+string(c))
	}
	return out
}

func TestGate(t *testing.T) {
	space := []string{"=\t", "=\n", "=\f", "=\r", "= "}
	// "=" marks a case-sensitive literal, read on the raw text.
	tests := []struct {
		expr string
		want [][]string
	}{
		{`(?i)\bkata dia\b`, [][]string{{"kata dia"}}},
		{`(?i)\b(ribuan|ratusan|massa)\b`, [][]string{{"ribuan", "ratusan", "massa"}}},
		{`mari (?:kita )?dukung`, [][]string{{"=mari dukung", "=mari kita dukung"}}},
		// Classes of single bytes are checked on the post's byte set.
		{`#(?:Bersama|Dukung)([A-Z][a-z]+)`, [][]string{{"=#Bersama", "=#Dukung"}, csRange('A', 'Z'), csRange('a', 'z')}},
		{`x*y?`, nil}, // matches the empty string: no gate
		{`\bPartai\s+[A-Z]`, [][]string{{"=Partai"}, space, csRange('A', 'Z')}}, // white space has no case: read on the raw text
		{`(?i:a|b*)c`, [][]string{{"=c"}}},                                      // one branch needs nothing
		{`ab|cd*`, [][]string{{"=ab", "=c"}}},
		{`(?:pilih|memilih|dipilih)`, [][]string{{"=pilih", "=memilih"}}}, // "dipilih" holds "pilih"
		{`(?i:asal jangan)\s+Bu`, [][]string{{"asal jangan"}, {"=Bu"}, space}},
		{`(?i:asal jangan) ?Bu`, [][]string{{"asal janganbu", "asal jangan bu"}}}, // a case-sensitive part joined to a folded one is folded
		{`(?i:kak)|Kak`, [][]string{{"kak"}}},                                     // "Kak" is found whenever "kak" folded is
		{`[Kk]ita`, [][]string{{"=Kita", "=kita"}}},                               // no Kelvin sign: not every case of k
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		var got [][]string
		for _, g := range gate(re.Simplify()) {
			var gs []string
			for _, l := range g {
				if l.cs {
					gs = append(gs, "="+l.s)
				} else {
					gs = append(gs, l.s)
				}
			}
			slices.Sort(gs)
			got = append(got, gs)
		}
		for _, g := range tt.want {
			slices.Sort(g)
		}
		if !slices.EqualFunc(got, tt.want, slices.Equal) {
			t.Errorf("gate(%s) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// gateTexts are the catalog's test sets and a third of the demo corpus,
// every fourth also upper-cased and with the runes that fold onto k and s
// swapped in.
func gateTexts(t *testing.T) []string {
	files, _ := filepath.Glob("testdata/*.jsonl")
	files = append(files, "../../simulate/demo/corpus.jsonl")
	var out []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		demo := strings.HasPrefix(name, "../")
		for n := 0; sc.Scan(); n++ {
			if demo && n%3 != 0 {
				continue
			}
			var p struct{ Text, Title string }
			if json.Unmarshal(sc.Bytes(), &p) != nil || p.Text == "" {
				continue
			}
			s := p.Title + "\n" + p.Text
			out = append(out, s)
			if len(out)%4 == 0 {
				out = append(out, strings.ToUpper(s), strings.NewReplacer("k", "\u212a", "s", "\u017f", "S", "\u017f").Replace(s))
			}
		}
		f.Close()
	}
	if len(out) < 2000 {
		t.Fatalf("only %d texts", len(out))
	}
	return out
}

// TestGatesNeverRefuseAMatch checks, on every gated regexp and every test
// text, that the gate lets through every text the regexp matches, and
// that the gates do refuse most texts (else they are useless).
func TestGatesNeverRefuseAMatch(t *testing.T) {
	texts := gateTexts(t)
	refused, tried := 0, 0
	var h hay // reused, as a pooled pstate reuses it
	for _, s := range texts {
		h.reset(s)
		for _, f := range gatedAll {
			may := f.may(&h)
			tried++
			if !may {
				refused++
			}
			if !may && f.re.MatchString(s) {
				t.Errorf("gate %v refuses %q which %s matches", f.need, s, f.re)
			}
		}
	}
	if refused*2 < tried {
		t.Errorf("gates refused %d of %d, want most", refused, tried)
	}
	t.Logf("gates refused %d of %d", refused, tried)
}
