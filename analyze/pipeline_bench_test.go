package analyze

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/dengar-id/dengar/analyze/emotion"
	"github.com/dengar-id/dengar/analyze/hostility"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/models"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/analyze/sentiment"
	"github.com/dengar-id/dengar/mention"
)

// benchTexts are short posts of the kind Dengar tags (written for this
// benchmark, not taken from any data set).
var benchTexts = []string{
	"Alhamdulillah jalan di Sempaja sudah diaspal, terima kasih Pemkot Samarinda 🙏",
	"banjir lagi di simpang lembuswana, kapan pemerintah serius tangani drainase??? 😡",
	"pelayanan disdukcapil lambat bgt, antri dari pagi blm dipanggil jg",
	"kada nyaman banar jalan di loa janan ni, lubang di mana-mana",
	"dasar pejabat goblok, kerjanya cuma pencitraan doang",
	"mantap walikota, teras samarinda jadi rami wan bungas banar",
	"terima kasih damkar samarinda yang sigap padamkan api tadi malam",
	"bunuh saja koruptor yang makan dana bansos itu!",
}

// BenchmarkPipeline tags short posts with every tagger Dengar ships.
func BenchmarkPipeline(b *testing.B) {
	p, err := NewPipeline(Options{})
	if err != nil {
		b.Fatal(err)
	}
	ms := make([]mention.Mention, len(benchTexts))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := &ms[i%len(ms)]
		m.Text = benchTexts[i%len(benchTexts)]
		p.Tag(m)
	}
}

// BenchmarkModelTaggers runs only the model taggers on pre-normalised docs
// (a fresh copy of the doc each time, so that no cached score is reused).
func BenchmarkModelTaggers(b *testing.B) {
	ts, err := modelTaggers()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*normalize.Doc, len(benchTexts))
	for i, s := range benchTexts {
		docs[i] = normalize.Text(s)
	}
	var m mention.Mention
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := *docs[i%len(docs)]
		for _, t := range ts {
			t.Tag(&m, &d)
		}
	}
}

// BenchmarkNormalize measures the shared normaliser alone.
func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		normalize.Text(benchTexts[i%len(benchTexts)])
	}
}

// corpusTexts reads the texts of the demo corpus (posts written for the
// simulator), so that the weight rows a benchmark reads are as spread as
// in production rather than the few rows of benchTexts, which stay cached.
func corpusTexts(b *testing.B) []string {
	b.Helper()
	f, err := os.Open("../simulate/demo/corpus.jsonl")
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var m mention.Mention
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			b.Fatal(err)
		}
		out = append(out, m.Text)
	}
	return out
}

// BenchmarkModelScoresCorpus measures the shared model scores (feature
// extraction and the merged weight table) over the demo corpus, with a
// fresh copy of each doc so that no cached score is reused.
func BenchmarkModelScoresCorpus(b *testing.B) {
	s, err := sentiment.New()
	if err != nil {
		b.Fatal(err)
	}
	h, err := hostility.New()
	if err != nil {
		b.Fatal(err)
	}
	e, err := emotion.New()
	if err != nil {
		b.Fatal(err)
	}
	bd, err := bundle(s, h, e)
	if err != nil {
		b.Fatal(err)
	}
	texts := corpusTexts(b)
	docs := make([]*normalize.Doc, len(texts))
	for i, t := range texts {
		docs[i] = normalize.Text(t)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := *docs[i%len(docs)]
		bd.Scores(&d)
	}
}

// BenchmarkNormalizeCorpus measures the shared normaliser over the demo
// corpus.
func BenchmarkNormalizeCorpus(b *testing.B) {
	texts := corpusTexts(b)
	normalize.Text(texts[0])
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		normalize.Text(texts[i%len(texts)])
	}
}

// BenchmarkTFIDFCorpus measures the hate decision's TF-IDF member over the
// demo corpus (paid only by posts above the hostility gate).
func BenchmarkTFIDFCorpus(b *testing.B) {
	tf, err := model.LoadTFIDF(models.FS, hostility.MemberFile)
	if err != nil {
		b.Fatal(err)
	}
	texts := corpusTexts(b)
	var v model.TFIDFVec
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tf.Score(texts[i%len(texts)], &v)
	}
}
