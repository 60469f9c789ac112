package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func TestRetentionCutoff(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct{ months, want int }{{1, 202611}, {2, 202610}, {12, 202512}, {13, 202511}, {36, 202312}} {
		if got := store.RetentionCutoff(now, c.months); got != c.want {
			t.Errorf("RetentionCutoff(%d) = %d, want %d", c.months, got, c.want)
		}
	}
}

func TestRetainDropsOldPartitions(t *testing.T) {
	cfg := chtest.Config(t)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	var ms []mention.Mention
	for i, month := range []time.Month{1, 6, 9, 10, 11} { // 2026
		at := time.Date(2026, month, 10, 3, 0, 0, 0, time.UTC)
		ms = append(ms, rollupMention(string(rune('a'+i)), at, "neutral", "none", []string{"probebaya"}, nil, 1))
	}
	ms = append(ms, rollupMention("z", time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC), "neutral", "none", nil, nil, 1))
	if err := db.InsertMentions(ctx, ms, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.InsertCollectorRuns(ctx, []store.CollectorRun{
		{Collector: "rss", Source: "rss", StartedAt: time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC), Items: 1, OK: true},
		{Collector: "rss", Source: "rss", StartedAt: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Items: 1, OK: true},
	}); err != nil {
		t.Fatal(err)
	}
	rc := store.RetentionConfig{RawMonths: 3, RollupMonths: 12}
	dry, err := db.Retain(ctx, now, rc, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range dry {
		got = append(got, p.Table+"/"+p.Partition)
	}
	want := []string{"mentions/202305", "mentions/202601", "mentions/202606",
		"mentions_hourly/202305", "mentions_daily/202305", "places_hourly/202305", "accounts_daily/202305", "terms_daily/202305", "signals_hourly/202305", "collector_runs/202305"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("dry run = %v, want %v", got, want)
	}
	if ps, _ := db.Partitions(ctx, "mentions"); len(ps) != 6 {
		t.Fatalf("dry run dropped something: mentions partitions %v", ps)
	}
	if _, err := db.Retain(ctx, now, rc, false); err != nil {
		t.Fatal(err)
	}
	for table, want := range map[string][]string{
		"mentions":        {"202609", "202610", "202611"},
		"mentions_hourly": {"202601", "202606", "202609", "202610", "202611"},
		"mentions_daily":  {"202601", "202606", "202609", "202610", "202611"},
		"collector_runs":  {"202611"},
	} {
		got, err := db.Partitions(ctx, table)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s partitions after retain = %v, want %v", table, got, want)
		}
	}
	// Rollups still answer for the months whose raw text is gone.
	tot, err := db.Totals(ctx, store.Filter{Range: store.Range{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: now}})
	if err != nil {
		t.Fatal(err)
	}
	if tot.Mentions != 5 {
		t.Errorf("rollup mentions of 2026 after retain = %d, want 5", tot.Mentions)
	}
	again, err := db.Retain(ctx, now, rc, false)
	if err != nil || len(again) != 0 {
		t.Errorf("second retain = %v, %v; want nothing to drop", again, err)
	}
}

func TestCollectorRuns(t *testing.T) {
	cfg := chtest.Config(t)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	h := now.Add(-3 * time.Hour)
	runs := []store.CollectorRun{
		{Collector: "youtube", Source: "youtube", StartedAt: h, FinishedAt: h.Add(time.Minute), Items: 40, QuotaRemaining: 9000, OK: true},
		{Collector: "youtube", Source: "youtube", StartedAt: h.Add(time.Hour), FinishedAt: h.Add(61 * time.Minute), Items: 0, Errors: 2, ErrorClass: "quota", LastError: "quotaExceeded", QuotaRemaining: 0, OK: false},
		{Collector: "rss", Source: "rss", StartedAt: h.Add(30 * time.Minute), FinishedAt: h.Add(31 * time.Minute), Items: 5, Dropped: 1, QuotaRemaining: -1, OK: true},
		{Collector: "rss", Source: "rss", StartedAt: h.Add(90 * time.Minute), FinishedAt: h.Add(91 * time.Minute), Items: 7, QuotaRemaining: -1, OK: true},
		{Collector: "rss", Source: "rss", StartedAt: now.Add(-48 * time.Hour), Items: 100, OK: true}, // outside the window
	}
	if err := db.InsertCollectorRuns(ctx, runs); err != nil {
		t.Fatal(err)
	}
	if err := db.InsertCollectorRuns(ctx, []store.CollectorRun{{Source: "x"}}); err == nil {
		t.Error("run without collector: want an error")
	}
	fr, err := db.CollectorFreshness(ctx, now, 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Freshness{
		{Collector: "rss", Source: "rss", LastRun: h.Add(90 * time.Minute), LastOK: h.Add(91 * time.Minute), LastItems: h.Add(91 * time.Minute), OK: true,
			Age: now.Sub(h.Add(91 * time.Minute)), Runs: 2, Items: 12, Dropped: 1, QuotaRemaining: -1},
		{Collector: "youtube", Source: "youtube", LastRun: h.Add(time.Hour), LastOK: h.Add(time.Minute), LastItems: h.Add(time.Minute), OK: false,
			Age: now.Sub(h.Add(time.Minute)), Runs: 2, Items: 40, Errors: 2, Failed: 1, QuotaRemaining: 0, ErrorClass: "quota", LastError: "quotaExceeded"},
	}
	if !reflect.DeepEqual(fr, want) {
		t.Errorf("CollectorFreshness =\n%+v\nwant\n%+v", fr, want)
	}
	act, err := db.CollectorActivity(ctx, store.Range{From: h, To: now}, store.Hour)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range act {
		got = append(got, p.At.Format("15")+" "+p.Collector+" "+itoa(p.Items)+"/"+itoa(p.Errors)+"/"+itoa(p.QuotaRemaining))
	}
	if w := []string{"06 rss 5/0/-1", "06 youtube 40/0/9000", "07 rss 7/0/-1", "07 youtube 0/2/0"}; !reflect.DeepEqual(got, w) {
		t.Errorf("CollectorActivity = %v, want %v", got, w)
	}
}
