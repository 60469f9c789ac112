package report

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// BenchmarkGenerate measures a whole weekly report (queries, charts, HTML,
// PDF) over a realistic volume: 20,000 mentions in the week and 80,000 in
// the four weeks before.
//
//	go test ./report -run '^$' -bench Generate -benchtime 3x
func BenchmarkGenerate(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, chtest.Config(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"jalan", "banjir", "tanggul", "probebaya", "rt", "dana", "bagus", "rusak", "pasar", "parkir", "sampah", "lampu", "air", "listrik", "macet", "#samarinda", "#banjirlagi", "warga", "pemkot", "camat"}
	const total = 100000
	start := testWeek.Start().AddDate(0, 0, -28)
	span := testWeek.End().Sub(start)
	batch := make([]mention.Mention, 0, 10000)
	p := store.NewPseudonymizer("k")
	for i := 0; i < total; i++ {
		text := ""
		for j := 0; j < 12; j++ {
			text += words[rng.IntN(len(words))] + " "
		}
		at := start.Add(time.Duration(rng.Int64N(int64(span)))).UTC()
		src := seedSources[rng.IntN(len(seedSources))]
		batch = append(batch, mention.Mention{
			ID: mention.NewID(src, fmt.Sprint(i)), Source: src, URL: "https://example.test/" + fmt.Sprint(i),
			Author: mention.Author{ID: fmt.Sprint(rng.IntN(5000)), Kind: mention.KindCitizen},
			Text:   text, PostedAt: at, CollectedAt: at,
			Metrics: mention.Metrics{Likes: rng.Int64N(100)},
			Tags: mention.Tags{
				Sentiment: &mention.Sentiment{Label: []string{"positive", "neutral", "negative"}[rng.IntN(3)]},
				Hostility: &mention.Hostility{Label: []string{"none", "none", "none", "abusive"}[rng.IntN(4)]},
				Politics:  &mention.Politics{Partisan: rng.IntN(20) == 0},
				Programs:  []string{seedPrograms[rng.IntN(len(seedPrograms))]},
				Places:    []string{seedPlaces[rng.IntN(len(seedPlaces))]},
				Model:     "bench",
			},
		})
		if len(batch) == cap(batch) {
			if err := db.InsertMentions(ctx, batch, p); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := Generate(ctx, db, testWeek, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(out.Report.Summary.Current.Mentions), "mentions/week")
		b.ReportMetric(float64(len(out.PDF))/1024, "pdf-KiB")
		if dir := os.Getenv("DENGAR_REPORT_KEEP"); dir != "" && i == 0 {
			if _, _, err := writeFiles(dir, "bench", out); err != nil {
				b.Fatal(err)
			}
		}
	}
}
