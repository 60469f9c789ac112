package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// BenchmarkQueries loads 300,000 synthetic mentions over 180 days (the
// rows of the 10-million load scaled down: `dengar bench queries --rows
// 10000000` is the full-size run) and times every query of BenchSuite:
//
//	go test ./store -run '^$' -bench Queries -benchtime 20x
func BenchmarkQueries(b *testing.B) {
	cfg := chtest.Config(b)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	end := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	if err := db.LoadSynthetic(ctx, store.SynthOptions{Rows: 300_000, End: end, Span: 180 * 24 * time.Hour, Chunk: 100_000}); err != nil {
		b.Fatal(err)
	}
	if err := db.LoadSyntheticCollectorRuns(ctx, end, 30*24*time.Hour, 10*time.Minute); err != nil {
		b.Fatal(err)
	}
	if err := db.Settle(ctx); err != nil {
		b.Fatal(err)
	}
	last, err := db.DataEnd(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range store.BenchSuite(last) {
		b.Run(q.Group+"/"+q.Name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := q.Run(ctx, db); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
