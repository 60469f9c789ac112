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
	// The synthetic rows went through the rollup views like the sink's.
	var total, negative, hostile, partisan int64
	if err := db.Conn().QueryRow(ctx, "SELECT sum(total), sum(negative), sum(hostile), sum(partisan) FROM signals_hourly WHERE scope = 'all'").
		Scan(&total, &negative, &hostile, &partisan); err != nil {
		t.Fatal(err)
	}
	if total != 20000 {
		t.Fatalf("rollup counts %d mentions, want 20000", total)
	}
	frac := func(n int64) float64 { return float64(n) / float64(total) }
	for _, c := range []struct {
		name   string
		got    float64
		lo, hi float64
	}{
		{"negative", frac(negative), 0.37, 0.43},
		{"hostile", frac(hostile), 0.13, 0.17},
		{"partisan", frac(partisan), 0.03, 0.05},
	} {
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%s share %.3f outside [%.2f, %.2f]", c.name, c.got, c.lo, c.hi)
		}
	}
	keys := func(q string) []string {
		t.Helper()
		var out []string
		rows, err := db.Conn().Query(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			var n int64
			if err := rows.Scan(&k, &n); err != nil {
				t.Fatal(err)
			}
			out = append(out, k)
		}
		return out
	}
	progs := keys("SELECT toString(program) AS k, sum(mentions) AS n FROM mentions_daily GROUP BY k ORDER BY n DESC, k")
	if len(progs) != 11 || progs[0] != "" || progs[1] != "probebaya" {
		t.Errorf("programs = %q", progs)
	}
	srcs := keys("SELECT toString(source) AS k, sum(mentions) AS n FROM mentions_daily WHERE first_program = 1 GROUP BY k ORDER BY n DESC, k")
	if len(srcs) != 9 || srcs[0] != "x" {
		t.Errorf("sources = %q", srcs)
	}
	terms := keys("SELECT term AS k, sum(mentions) AS n FROM terms_daily WHERE program = 'banjir' GROUP BY k ORDER BY n DESC, k LIMIT 5")
	if len(terms) != 5 {
		t.Errorf("terms = %q", terms)
	}
}
