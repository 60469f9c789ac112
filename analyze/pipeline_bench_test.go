package analyze

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
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
