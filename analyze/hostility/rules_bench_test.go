package hostility

import (
	"os"
	"strings"
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

// BenchmarkReadTexts measures the rule pass as Tag runs it (no force, a
// reused reading)
// over the texts of the file DENGAR_BENCH_TEXTS names, one a line (e.g.
// the SmSA test texts of the speed bar, which stay out of the repo);
// skipped without it.
func BenchmarkReadTexts(b *testing.B) {
	path := os.Getenv("DENGAR_BENCH_TEXTS")
	if path == "" {
		b.Skip("DENGAR_BENCH_TEXTS not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var docs []*normalize.Doc
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" {
			docs = append(docs, normalize.Text(line))
		}
	}
	lx, err := loadLexicon()
	if err != nil {
		b.Fatal(err)
	}
	var r reading // as the tagger's state keeps it
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lx.readInto(&r, docs[i%len(docs)], false, false)
	}
}
