package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func TestLoadSynthetic(t *testing.T) {
	cfg := chtest.Config(t)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	end := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	if err := db.LoadSynthetic(ctx, store.SynthOptions{Rows: 20000, End: end, Span: 10 * 24 * time.Hour, Chunk: 7000}); err != nil {
		t.Fatal(err)
	}
	r := store.Range{From: end.AddDate(0, 0, -11), To: end}
	tot, err := db.Totals(ctx, store.Filter{Range: r})
	if err != nil {
		t.Fatal(err)
	}
	if tot.Mentions != 20000 {
		t.Fatalf("rollup counts %d mentions, want 20000", tot.Mentions)
	}
	frac := func(n int64) float64 { return float64(n) / float64(tot.Mentions) }
	for _, c := range []struct {
		name   string
		got    float64
		lo, hi float64
	}{
		{"negative", frac(tot.Negative), 0.37, 0.43},
		{"hostile", frac(tot.Abusive + tot.Hate), 0.13, 0.17},
		{"partisan", frac(tot.Partisan), 0.03, 0.05},
	} {
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%s share %.3f outside [%.2f, %.2f]", c.name, c.got, c.lo, c.hi)
		}
	}
	sov, err := db.ShareOfVoice(ctx, store.Filter{Range: r}, store.ByProgram)
	if err != nil {
		t.Fatal(err)
	}
	if len(sov) != 11 || sov[0].Key != "(lainnya)" || sov[1].Key != "probebaya" {
		t.Errorf("programs = %+v", sov)
	}
	src, _ := db.ShareOfVoice(ctx, store.Filter{Range: r}, store.BySource)
	if len(src) != 9 || src[0].Key != "x" {
		t.Errorf("sources = %+v", src)
	}
	terms, err := db.TermCounts(ctx, store.Filter{Range: r, Program: "banjir"}, 5)
	if err != nil || len(terms) != 5 {
		t.Errorf("terms = %v, %v", terms, err)
	}
}
