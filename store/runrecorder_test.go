package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
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

// TestRunRecorderInsertStoredAfterItsAnswerWasLost plays an insert that
// reaches ClickHouse but whose answer the client never gets: the server
// commits the rows two seconds after the client gave up on them, well
// after the recorder's first retry. The retry must wait for that insert
// to end on the server and find its passes there, not write them again.
func TestRunRecorderInsertStoredAfterItsAnswerWasLost(t *testing.T) {
	srv := chtest.Private(t)
	db, err := store.OpenLazy(srv.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rec := store.NewRunRecorder(db, "collect", health.NewRegistry())
	var late sync.WaitGroup
	var mu sync.Mutex
	calls := 0
	store.SetRecorderInsert(rec, func(ctx context.Context, runs []store.CollectorRun) error {
		mu.Lock()
		calls++
		first := calls == 1
		mu.Unlock()
		if !first {
			return db.InsertCollectorRuns(ctx, runs)
		}
		// The query (with the recorder's query id) and the rows reach
		// the server; the end of the data arrives two seconds later, and
		// the answer is lost.
		b, err := db.Conn().PrepareBatch(context.WithoutCancel(ctx), "INSERT INTO dengar.collector_runs (collector, source, started_at, finished_at, items, ok)")
		if err != nil {
			t.Error(err)
			return err
		}
		for _, r := range runs {
			if err := b.Append(r.Collector, r.Source, r.StartedAt, r.FinishedAt, r.Items, uint8(1)); err != nil {
				t.Error(err)
			}
		}
		late.Add(1)
		go func() {
			defer late.Done()
			time.Sleep(2 * time.Second)
			if err := b.Send(); err != nil {
				t.Errorf("the late insert: %v", err)
			}
		}()
		return errors.New("insert collector runs: read: connection reset by peer")
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- rec.Run(ctx) }()
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for i := 0; i < 3; i++ {
		rec.Record(store.CollectorRun{Collector: "rss:uji", Source: "rss", StartedAt: at.Add(time.Duration(i) * time.Second),
			FinishedAt: at.Add(time.Duration(i) * time.Second), Items: int64(i), OK: true, QuotaRemaining: -1})
	}
	deadline := time.Now().Add(30 * time.Second)
	for rec.Pending() > 0 {
		if time.Now().After(deadline) {
			t.Fatal("the passes were not recorded within 30 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	late.Wait()
	mu.Lock()
	if calls < 2 {
		t.Errorf("%d inserts; the lost answer was not retried", calls)
	}
	mu.Unlock()
	var rows, distinct uint64
	if err := db.Conn().QueryRow(context.Background(), "SELECT count(), uniqExact(items) FROM dengar.collector_runs").Scan(&rows, &distinct); err != nil {
		t.Fatal(err)
	}
	if rows != 3 || distinct != 3 {
		t.Fatalf("%d rows, %d distinct passes; want 3", rows, distinct)
	}
}

// TestRunRecorderStoppedDuringAnInsert stops recorders at random moments
// while they write: shutdown cancels the insert in flight, whose rows the
// server may commit after the client closed the connection, while the
// recorder's last flush retries it. Each pass must be stored once (this
// doubled a pass in about one stop in ten before the retry waited for the
// cancelled insert to end on the server).
func TestRunRecorderStoppedDuringAnInsert(t *testing.T) {
	srv := chtest.Private(t)
	db, err := store.OpenLazy(srv.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	const stops, passes = 100, 5
	wrong := 0
	for it := 0; it < stops; it++ {
		rec := store.NewRunRecorder(db, "collect", health.NewRegistry())
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- rec.Run(ctx) }()
		name := fmt.Sprintf("rss:uji%d", it)
		for i := 0; i < passes; i++ {
			rec.Record(store.CollectorRun{Collector: name, Source: "rss", StartedAt: at.Add(time.Duration(i) * time.Second),
				FinishedAt: at.Add(time.Duration(i) * time.Second), OK: true, QuotaRemaining: -1})
			time.Sleep(time.Duration(rand.IntN(8000)) * time.Microsecond)
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		var n uint64
		if err := db.Conn().QueryRow(context.Background(), "SELECT count() FROM dengar.collector_runs WHERE collector = ?", name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != passes {
			wrong++
			t.Errorf("stop %d: %d rows for %d passes", it, n, passes)
		}
	}
	if wrong > 0 {
		t.Errorf("%d of %d stops left collector_runs wrong", wrong, stops)
	}
}
