package sentiment

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/normalize"
)

// testdataTexts are the texts of every Samarinda set in testdata.
func testdataTexts(t testing.TB) []string {
	paths, err := filepath.Glob("testdata/samarinda_*.jsonl")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata sets: %v", err)
	}
	var out []string
	for _, p := range paths {
		ex, err := dataset.ReadFile(p, dataset.FormatSentimentJSONL)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ex {
			out = append(out, e.Text)
		}
	}
	return out
}

// longTexts joins runs of consecutive posts into texts longer than
// maxRuleWords, so that they take the long-post path of decide.
func longTexts(texts []string) []string {
	var out []string
	for i := 0; i+3 < len(texts); i += 2 {
		out = append(out, texts[i]+" "+texts[i+1]+" "+texts[i+2]+" "+texts[i+3])
	}
	return out
}

// TestLightScan checks that the light scan of a long post (no explain)
// counts the same words and English polarity cues as the full scan, the
// only things decide reads of a long post.
func TestLightScan(t *testing.T) {
	long := 0
	for _, text := range longTexts(testdataTexts(t)) {
		d := normalize.Text(text)
		light, full := scanDoc(d, false), scanDoc(d, true)
		if light.words != full.words {
			t.Fatalf("%q: light scan counts %d words, full %d", text, light.words, full.words)
		}
		if full.words <= maxRuleWords {
			continue
		}
		long++
		for _, c := range []uint32{cEnPos, cEnNeg} {
			if light.n(c) != full.n(c) {
				t.Errorf("%q: light scan counts %d cues %b, full %d", text, light.n(c), c, full.n(c))
			}
		}
		if a, b := decide(d, mentionNeutral, 0.5, false), decide(d, mentionNeutral, 0.5, true); a.label != b.label || a.rule != b.rule {
			t.Errorf("%q: decide %q/%q without explain, %q/%q with", text, a.label, a.rule, b.label, b.rule)
		}
	}
	if long < 100 {
		t.Fatalf("only %d long texts: the test reads too little", long)
	}
}

// TestLexicon checks that the merged table holds every word of the
// tables with the same flags.
func TestLexicon(t *testing.T) {
	lx := lexicon().m
	for w, f := range cueWords {
		if lx[w].cue != f {
			t.Errorf("%q: cue %b, table %b", w, lx[w].cue, f)
		}
	}
	for w, f := range words5 {
		if lx[w].w5 != f {
			t.Errorf("%q: w5 %b, table %b", w, lx[w].w5, f)
		}
	}
	for w, f := range words6 {
		if lx[w].w6 != f {
			t.Errorf("%q: w6 %b, table %b", w, lx[w].w6, f)
		}
	}
	for w, f := range words7 {
		if lx[w].w7 != f {
			t.Errorf("%q: w7 %b, table %b", w, lx[w].w7, f)
		}
	}
	// every two-word entry's first word is a head and the rest a tail
	// (the scan looks a pair up only between a head and a tail)
	for _, table := range []map[string]bool{keys(cueWords), keys(words6), keys(words7)} {
		for w := range table {
			if h, rest, ok := strings.Cut(w, "_"); ok && (lx[h].set&sHead == 0 || lx[rest].set&sTail == 0) {
				t.Errorf("%q: head %q or tail %q not marked", w, h, rest)
			}
		}
	}
	for _, c := range []struct {
		w    string
		bit  uint32
		want bool
	}{
		{"maret", sMonth, true}, {"subuh", sDaypart, true}, {"ramah", sKind, true}, {"sebulan", sSeTime, true},
		{"terima", sHead, true}, {"kasih", sTail, true}, {"susu", sTail, true}, {"kopi", sHead, true}, {"tempat", sHead, true}, {"bulan", sSeTime, false}, {"jalan", sHead, false},
	} {
		if got := lx[c.w].set&c.bit != 0; got != c.want {
			t.Errorf("%q: bit %b is %v, want %v", c.w, c.bit, got, c.want)
		}
	}
}

// BenchmarkDecide measures the rule layer alone over the testdata posts
// (short) and over runs of them joined into long posts.
func BenchmarkDecide(b *testing.B) {
	texts := testdataTexts(b)
	for _, c := range []struct {
		name  string
		texts []string
	}{{"short", texts}, {"long", longTexts(texts)}} {
		docs := make([]*normalize.Doc, len(c.texts))
		for i, t := range c.texts {
			docs[i] = normalize.Text(t)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				decide(docs[i%len(docs)], mentionNeutral, 0.5, false)
			}
		})
	}
}

func keys[V comparable](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
