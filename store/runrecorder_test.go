package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dengar-id/dengar/health"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// TestRunRecorderKeepsPassesThroughAnOutage records collector passes
// before, during and after a ClickHouse outage: Record never blocks,
// readiness is red while passes wait on a failing write, and every pass
// is in collector_runs once ClickHouse is back — none lost, none doubled.
func TestRunRecorderKeepsPassesThroughAnOutage(t *testing.T) {
	srv := chtest.Private(t)
	db, err := store.OpenLazy(srv.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	reg := health.NewRegistry()
	rec := store.NewRunRecorder(db, "collect", reg)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- rec.Run(ctx) }()
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	n := 0
	record := func(k int) {
		for i := 0; i < k; i++ {
			start := time.Now()
			rec.Record(store.CollectorRun{Collector: "rss:uji", Source: "rss", StartedAt: at.Add(time.Duration(n) * time.Minute),
				FinishedAt: at.Add(time.Duration(n)*time.Minute + time.Second), Items: int64(n), OK: true, QuotaRemaining: -1})
			if d := time.Since(start); d > 50*time.Millisecond {
				t.Fatalf("Record blocked for %s", d)
			}
			n++
		}
	}
	stored := func() int {
		var c uint64
		if err := db.Conn().QueryRow(context.Background(), "SELECT count() FROM dengar.collector_runs").Scan(&c); err != nil {
			return -1
		}
		return int(c)
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	record(3)
	waitFor("the first passes", func() bool { return stored() == 3 })
	srv.Kill()
	record(4)
	waitFor("readiness to turn red", func() bool { ok, _ := reg.Ready("collect"); return !ok })
	if p := rec.Pending(); p != 4 {
		t.Errorf("%d passes pending during the outage, want 4", p)
	}
	srv.Start()
	record(2)
	waitFor("every pass after the outage", func() bool { return stored() == 9 })
	waitFor("readiness green again", func() bool { ok, _ := reg.Ready("collect"); return ok })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// Exactly once each.
	var distinct uint64
	if err := db.Conn().QueryRow(context.Background(), "SELECT uniqExact(items) FROM dengar.collector_runs").Scan(&distinct); err != nil {
		t.Fatal(err)
	}
	if got := stored(); got != n || int(distinct) != n {
		t.Fatalf("%d rows, %d distinct passes; want %d", got, distinct, n)
	}
}

// TestUnrecordedCollectorRuns checks the look-up a retry makes after a
// failed insert (which ClickHouse may have stored before it stopped): the
// passes already in collector_runs are left out, the others kept.
func TestUnrecordedCollectorRuns(t *testing.T) {
	srv := chtest.Private(t)
	db, err := store.OpenLazy(srv.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	pass := func(collector string, i int) store.CollectorRun {
		return store.CollectorRun{Collector: collector, Source: "rss", StartedAt: at.Add(time.Duration(i) * time.Minute),
			FinishedAt: at.Add(time.Duration(i)*time.Minute + 2*time.Second), Items: int64(i), OK: true, QuotaRemaining: -1}
	}
	stored := []store.CollectorRun{pass("rss:a", 0), pass("rss:a", 1), pass("rss:b", 1)}
	if err := db.InsertCollectorRuns(ctx, stored); err != nil {
		t.Fatal(err)
	}
	batch := []store.CollectorRun{pass("rss:a", 1), pass("rss:a", 2), pass("rss:b", 1), pass("rss:c", 1), pass("rss:b", 0)}
	left, err := db.UnrecordedCollectorRuns(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range left {
		got = append(got, fmt.Sprintf("%s/%d", r.Collector, r.Items))
	}
	if want := []string{"rss:a/2", "rss:c/1", "rss:b/0"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("unrecorded = %v, want %v", got, want)
	}
}
