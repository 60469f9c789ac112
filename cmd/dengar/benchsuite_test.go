package main

import (
	"context"
	"testing"
	"time"

	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// TestBenchSuiteRuns runs every query of `dengar bench queries` once over
// a small synthetic load: each must run without error, and each group of
// stages must be there.
func TestBenchSuiteRuns(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, chtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	end := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	if err := db.LoadSynthetic(ctx, store.SynthOptions{Rows: 20000, End: end, Span: 60 * 24 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	if err := db.LoadSyntheticCollectorRuns(ctx, end, 60*24*time.Hour, time.Hour); err != nil {
		t.Fatal(err)
	}
	suite, err := benchSuite(ctx, db, end.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]int{}
	for _, r := range runBench(ctx, suite, 1) {
		groups[r.group]++
		if r.err != nil {
			t.Error(r.err)
		}
	}
	for _, g := range []string{"dashboard", "report", "alert", "summary", "labels"} {
		if groups[g] == 0 {
			t.Errorf("no %s query in the suite (%v)", g, groups)
		}
	}
}
