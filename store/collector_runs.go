package store

// collector_runs (migration 0005): one row per collector pass, written by
// the collect role and read by the Sumber dashboard and the health alerts.

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// CollectorRun is the report of one collector pass.
type CollectorRun struct {
	// Collector names the collector instance (e.g. "youtube", "rss:kaltimpost").
	Collector string `json:"collector"`
	// Source is the mention source it produces (x, youtube, rss…).
	Source     string    `json:"source"`
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at"`
	// Items were emitted; Dropped were rejected (invalid, duplicate…).
	Items   int64 `json:"items"`
	Dropped int64 `json:"dropped"`
	// Errors counts failed requests; ErrorClass classifies the last one
	// (quota, auth, network, parse, server…); LastError is its message,
	// which must not contain secrets.
	Errors     int64  `json:"errors"`
	ErrorClass string `json:"error_class,omitempty"`
	LastError  string `json:"last_error,omitempty"`
	// QuotaRemaining is the API quota left after the pass, −1 when unknown.
	QuotaRemaining int64 `json:"quota_remaining"`
	// OK is false when the pass failed as a whole.
	OK bool `json:"ok"`
}

// finished is the end of the pass as stored: its start when no end is known.
func (r CollectorRun) finished() time.Time {
	if r.FinishedAt.IsZero() {
		return r.StartedAt
	}
	return r.FinishedAt
}

// InsertCollectorRuns writes runs in one batch.
func (db *DB) InsertCollectorRuns(ctx context.Context, runs []CollectorRun) error {
	if len(runs) == 0 {
		return nil
	}
	b, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table("collector_runs")+
		" (collector, source, started_at, finished_at, items, dropped, errors, error_class, last_error, quota_remaining, ok)")
	if err != nil {
		return fmt.Errorf("insert collector runs: %w", err)
	}
	for _, r := range runs {
		if r.Collector == "" {
			_ = b.Abort()
			return fmt.Errorf("%w: collector run without collector name", ErrBadQuery)
		}
		if err := b.Append(r.Collector, r.Source, clampTime(r.StartedAt), clampTime(r.finished()), r.Items, r.Dropped, r.Errors,
			r.ErrorClass, truncate(r.LastError, 2000), r.QuotaRemaining, b2u(r.OK)); err != nil {
			_ = b.Abort()
			return fmt.Errorf("insert collector runs: %w", err)
		}
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("insert collector runs: %w", err)
	}
	return nil
}

// UnrecordedCollectorRuns returns the runs that collector_runs does not
// hold yet. An insert that failed may still have been stored (ClickHouse
// stopped after writing the part, before answering; or the client gave up
// on the answer, and the server went on): a blind retry would record those
// passes twice. Call it once the failed insert has ended on the server
// (see RunRecorder), or it may miss rows being committed. A pass is known
// by its collector, start, finish and item count (a collector starts at
// most one pass a second).
func (db *DB) UnrecordedCollectorRuns(ctx context.Context, runs []CollectorRun) ([]CollectorRun, error) {
	if len(runs) == 0 {
		return nil, nil
	}
	type passKey struct {
		collector    string
		started, fin int64
		items        int64
	}
	keyOf := func(r CollectorRun) passKey {
		return passKey{r.Collector, clampTime(r.StartedAt).Unix(), clampTime(r.finished()).Unix(), r.Items}
	}
	// The passes of the batch's time span (an outage's worth: few rows),
	// matched in Go: ClickHouse 18.16 binds no array into IN.
	lo, hi := clampTime(runs[0].StartedAt), clampTime(runs[0].StartedAt)
	for _, r := range runs {
		t := clampTime(r.StartedAt)
		if t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	rows, err := db.conn.Query(ctx, "SELECT collector, toUInt32(started_at), toUInt32(finished_at), items FROM "+db.table("collector_runs")+
		" WHERE started_at >= ? AND started_at <= ?", lo, hi)
	if err != nil {
		return nil, fmt.Errorf("collector runs already recorded: %w", err)
	}
	defer rows.Close()
	have := map[passKey]bool{}
	for rows.Next() {
		var k passKey
		var started, fin uint32
		if err := rows.Scan(&k.collector, &started, &fin, &k.items); err != nil {
			return nil, fmt.Errorf("collector runs already recorded: %w", err)
		}
		k.started, k.fin = int64(started), int64(fin)
		have[k] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("collector runs already recorded: %w", err)
	}
	out := runs[:0:0]
	for _, r := range runs {
		if !have[keyOf(r)] {
			out = append(out, r)
		}
	}
	return out, nil
}

// queryRunning reports whether the server runs the query with this id
// (system.processes lists a query from its arrival until it ends: for an
// insert, after its rows are committed or given up).
func (db *DB) queryRunning(ctx context.Context, id string) (bool, error) {
	var n uint64
	if err := db.conn.QueryRow(ctx, "SELECT count() FROM system.processes WHERE query_id = ?", id).Scan(&n); err != nil {
		return false, fmt.Errorf("query %s running: %w", id, err)
	}
	return n > 0, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Cutting may split a multi-byte rune: drop the broken tail.
	return strings.ToValidUTF8(s[:n], "")
}
