package hostility

import (
	"os"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// BenchmarkRules measures the rule pass alone (lexicon lookup and rules)
// over the Samarinda development posts.
func BenchmarkRules(b *testing.B) {
	f, err := os.Open("testdata/samarinda_dev.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	posts, err := ReadLabelled(f)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*normalize.Doc, len(posts))
	for i, p := range posts {
		docs[i] = normalize.Text(p.Text)
	}
	lx, err := loadLexicon()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lx.read(docs[i%len(docs)], false, false)
	}
}
