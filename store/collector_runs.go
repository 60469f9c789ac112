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
		fin := r.FinishedAt
		if fin.IsZero() {
			fin = r.StartedAt
		}
		if err := b.Append(r.Collector, r.Source, clampTime(r.StartedAt), clampTime(fin), r.Items, r.Dropped, r.Errors,
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

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Cutting may split a multi-byte rune: drop the broken tail.
	return strings.ToValidUTF8(s[:n], "")
}

// Freshness is the health of one collector.
type Freshness struct {
	Collector string `json:"collector"`
	Source    string `json:"source"`
	// LastRun is the start of the newest pass; LastOK the end of the newest
	// successful pass; LastItems the end of the newest pass that emitted
	// items (zero times when none in the window).
	LastRun   time.Time `json:"last_run"`
	LastOK    time.Time `json:"last_ok"`
	LastItems time.Time `json:"last_items"`
	// OK is the outcome of the newest pass.
	OK bool `json:"ok"`
	// Age is now − LastItems (now − window start when no items).
	Age time.Duration `json:"age"`
	// Runs, Items, Dropped, Errors and Failed (passes with ok = 0) are
	// totals over the window.
	Runs, Items, Dropped, Errors, Failed int64
	// QuotaRemaining is from the newest pass (−1 unknown).
	QuotaRemaining int64  `json:"quota_remaining"`
	ErrorClass     string `json:"error_class"`
	LastError      string `json:"last_error"`
}

// CollectorFreshness returns the health of every collector that ran in
// [now − window, now), by collector name.
func (db *DB) CollectorFreshness(ctx context.Context, now time.Time, window time.Duration) ([]Freshness, error) {
	if window <= 0 {
		return nil, fmt.Errorf("%w: freshness window must be positive", ErrBadQuery)
	}
	from := now.Add(-window)
	q := `SELECT toString(collector), toString(argMax(source, started_at)), toUInt32(max(started_at)), toUInt32(maxIf(finished_at, ok = 1)),
	toUInt32(maxIf(finished_at, items > 0)), argMax(ok, started_at), toInt64(count()), sum(items), sum(dropped), sum(errors), toInt64(countIf(ok = 0)),
	argMax(quota_remaining, started_at), toString(argMax(error_class, started_at)), argMax(last_error, started_at)
	FROM ` + db.table("collector_runs") + fmt.Sprintf(` WHERE started_at >= toDateTime(%d) AND started_at < toDateTime(%d)`, from.Unix(), now.Unix()) + `
	GROUP BY collector ORDER BY collector`
	var out []Freshness
	err := db.queryRows(ctx, "collector freshness", q, func(rows interface{ Scan(...any) error }) error {
		var f Freshness
		var last, lastOK, lastItems uint32
		var ok uint8
		if err := rows.Scan(&f.Collector, &f.Source, &last, &lastOK, &lastItems, &ok, &f.Runs, &f.Items, &f.Dropped, &f.Errors, &f.Failed,
			&f.QuotaRemaining, &f.ErrorClass, &f.LastError); err != nil {
			return err
		}
		f.LastRun = unix(last)
		if lastOK > 0 {
			f.LastOK = unix(lastOK)
		}
		f.Age = window
		if lastItems > 0 {
			f.LastItems = unix(lastItems)
			f.Age = now.Sub(f.LastItems)
		}
		f.OK = ok == 1
		out = append(out, f)
		return nil
	})
	return out, err
}

// CollectorPoint is one collector's activity over one bucket.
type CollectorPoint struct {
	At        time.Time `json:"at"`
	Collector string    `json:"collector"`
	Items     int64     `json:"items"`
	Dropped   int64     `json:"dropped"`
	Errors    int64     `json:"errors"`
	Runs      int64     `json:"runs"`
	// QuotaRemaining is the lowest quota reported in the bucket (−1 unknown).
	QuotaRemaining int64 `json:"quota_remaining"`
}

// CollectorActivity returns items, drops, errors, runs and quota per
// collector per bucket of r (by pass start), non-empty buckets only.
func (db *DB) CollectorActivity(ctx context.Context, r Range, iv Interval) ([]CollectorPoint, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	bucket, err := iv.bucketExpr("started_at")
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + bucket + ` AS b, toString(collector) AS c, sum(items), sum(dropped), sum(errors), toInt64(count()), min(quota_remaining)
	FROM ` + db.table("collector_runs") + fmt.Sprintf(` WHERE started_at >= toDateTime(%d) AND started_at < toDateTime(%d)`, r.From.Unix(), r.To.Unix()) + `
	GROUP BY b, c ORDER BY b, c`
	var out []CollectorPoint
	err = db.queryRows(ctx, "collector activity", q, func(rows interface{ Scan(...any) error }) error {
		var p CollectorPoint
		var b uint32
		if err := rows.Scan(&b, &p.Collector, &p.Items, &p.Dropped, &p.Errors, &p.Runs, &p.QuotaRemaining); err != nil {
			return err
		}
		p.At = unix(b)
		out = append(out, p)
		return nil
	})
	return out, err
}
