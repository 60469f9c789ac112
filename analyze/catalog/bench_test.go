package catalog

import (
	"bufio"
	"encoding/json"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// benchDocs returns realistic short posts (the dev set), normalised once.
func benchDocs(b *testing.B) []*normalize.Doc {
	f, err := os.Open("testdata/partisan_dev.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []*normalize.Doc
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var p LabelledPost
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, normalize.Text(p.Text))
	}
	return docs
}

// BenchmarkCatalogTaggers measures attribution plus partisanship plus the
// neutrality check per mention, normalisation excluded.
func BenchmarkCatalogTaggers(b *testing.B) {
	ix := testIndex(b)
	docs := benchDocs(b)
	tg := NewTagger(ix)
	m := &mention.Mention{Source: "instagram", Author: mention.Author{Handle: "warga", Kind: "citizen"}}
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for i := 0; b.Loop(); i++ {
		d := docs[i%len(docs)]
		m.Tags = mention.Tags{}
		tg.Tag(m, d)
		n++
	}
	// CPU time per op: wall-clock ns/op is inflated when other processes
	// share the cores; this is the work done by this process.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(n), "cpu-ns/op")
}

func BenchmarkAttribution(b *testing.B) {
	ix := testIndex(b)
	docs := benchDocs(b)
	at := NewAttribution(ix)
	m := &mention.Mention{}
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for i := 0; b.Loop(); i++ {
		at.Tag(m, docs[i%len(docs)])
		n++
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(n), "cpu-ns/op")
}

func BenchmarkPartisanship(b *testing.B) {
	ix := testIndex(b)
	docs := benchDocs(b)
	pt := NewPartisanship(ix)
	m := &mention.Mention{}
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for i := 0; b.Loop(); i++ {
		pt.Tag(m, docs[i%len(docs)])
		n++
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(n), "cpu-ns/op")
}

// cpuTime is the process's user+system CPU time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkCatalogCorpus tags the lines of the file named by
// DENGAR_BENCH_CORPUS (e.g. the SmSA test texts of the speed bar), each
// post by a citizen and dated as `dengar bench tag` dates plain lines,
// normalisation excluded. Skipped when the variable is unset: datasets
// stay out of the repo.
func BenchmarkCatalogCorpus(b *testing.B) {
	path := os.Getenv("DENGAR_BENCH_CORPUS")
	if path == "" {
		b.Skip("DENGAR_BENCH_CORPUS not set")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []*normalize.Doc
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		docs = append(docs, normalize.Text(sc.Text()))
	}
	ix := testIndex(b)
	tg := NewTagger(ix)
	m := &mention.Mention{Source: "x", Author: mention.Author{Handle: "warga", Kind: "citizen"},
		PostedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for i := 0; b.Loop(); i++ {
		m.Tags = mention.Tags{}
		tg.Tag(m, docs[i%len(docs)])
		n++
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(n), "cpu-ns/op")
}
