package store_test

import (
	"context"
	"fmt"
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
	var n int64
	if err := db.Conn().QueryRow(ctx, "SELECT sum(mentions) FROM mentions_daily WHERE first_program = 1 AND day >= toDate('2026-01-01')").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("rollup mentions of 2026 after retain = %d, want 5", n)
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
	// The alert stage's view (health per collector) and the report's
	// (passes per collector) of the last 24 hours.
	hs, err := db.CollectorHealthAt(ctx, now.Add(-24*time.Hour), now)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.CollectorHealth{
		{Collector: "rss", Source: "rss", LastRun: h.Add(90 * time.Minute), LastSuccess: h.Add(91 * time.Minute)},
		{Collector: "youtube", Source: "youtube", LastRun: h.Add(time.Hour), LastSuccess: h.Add(time.Minute), RecentErrors: 2},
	}
	if !reflect.DeepEqual(hs, want) {
		t.Errorf("CollectorHealthAt =\n%+v\nwant\n%+v", hs, want)
	}
	st, ok, err := db.ReportCollectorRuns(ctx, store.Range{From: now.Add(-24 * time.Hour), To: now})
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	var got []string
	for _, r := range st {
		got = append(got, fmt.Sprintf("%s %d/%d/%d %s %s", r.Collector, r.Runs, r.Failed, r.Items, r.LastOK.Format("15:04"), r.LastErrorClass))
	}
	if w := []string{"rss 2/0/12 07:31 ", "youtube 2/1/40 06:01 quota"}; !reflect.DeepEqual(got, w) {
		t.Errorf("ReportCollectorRuns = %q, want %q", got, w)
	}
}
