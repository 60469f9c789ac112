package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/dengar-id/dengar/analyze/models"
	"github.com/dengar-id/dengar/analyze/normalize"
)

// shippedBundle merges the shipped sentiment, hostility and emotion models
// as the taggers do (the hostility model keeps four hot outputs).
func shippedBundle(tb testing.TB) *Bundle {
	tb.Helper()
	var ms []*Model
	for _, n := range []string{"sentiment.dgm", "hostility.dgm", "emotion.dgm"} {
		data, err := models.FS.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		m, err := Decode(bytes.NewReader(data))
		if err != nil {
			tb.Fatal(err)
		}
		ms = append(ms, m)
	}
	b, err := NewBundle(ms, []int{0, 4, 0})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// corpusDocs normalises the texts of the demo corpus (posts written for
// the simulator): their weight rows are as spread as in production.
func corpusDocs(tb testing.TB) []*normalize.Doc {
	tb.Helper()
	f, err := os.Open("../../simulate/demo/corpus.jsonl")
	if err != nil {
		tb.Skip(err)
	}
	defer f.Close()
	var docs []*normalize.Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var m struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, normalize.Text(m.Text))
	}
	return docs
}

// BenchmarkBundleScores measures feature extraction and the merged weight
// table over the demo corpus (a fresh copy of each doc, so that no cached
// score is reused).
func BenchmarkBundleScores(b *testing.B) {
	bd := shippedBundle(b)
	docs := corpusDocs(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := *docs[i%len(docs)]
		bd.Scores(&d)
		i++
	}
}

// BenchmarkExtract measures feature extraction alone.
func BenchmarkExtract(b *testing.B) {
	bd := shippedBundle(b)
	docs := corpusDocs(b)
	var v Vec
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		bd.feat.Extract(docs[i%len(docs)], &v)
		i++
	}
}

// BenchmarkDot measures the hot weight table's dot product alone.
func BenchmarkDot(b *testing.B) {
	bd := shippedBundle(b)
	docs := corpusDocs(b)
	vs := make([]Vec, len(docs))
	for i, d := range docs {
		bd.feat.Extract(d, &vs[i])
	}
	out := make([]float64, bd.hot.k)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		bd.hot.dot(&vs[i%len(vs)], out)
		i++
	}
}
