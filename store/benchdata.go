package store

// Data plumbing of `dengar bench queries` (cmd/dengar/bench_queries.go,
// which times the queries the stages run): the newest data hour, the row
// count, a fresh benchmark database and settled parts. The synthetic load
// itself is synth.go.

import (
	"context"
	"fmt"
	"time"
)

// DataEnd returns the newest hour with mentions in the rollups (zero
// when there are none).
func (db *DB) DataEnd(ctx context.Context) (time.Time, error) {
	var n uint64
	var t uint32
	if err := db.conn.QueryRow(ctx, "SELECT count(), toUInt32(max(hour)) FROM "+db.table("mentions_hourly")).Scan(&n, &t); err != nil {
		return time.Time{}, fmt.Errorf("data end: %w", err)
	}
	if n == 0 {
		return time.Time{}, nil
	}
	return time.Unix(int64(t), 0).UTC(), nil
}

// MentionRows counts the stored mention rows (every version).
func (db *DB) MentionRows(ctx context.Context) (uint64, error) {
	var n uint64
	if err := db.conn.QueryRow(ctx, "SELECT count() FROM "+db.table("mentions")).Scan(&n); err != nil {
		return 0, fmt.Errorf("count mentions: %w", err)
	}
	return n, nil
}

// ResetBenchDatabase drops and re-creates (migrated) cfg.Database for a
// benchmark load. To protect real data it refuses databases whose name
// does not end in "_bench".
func ResetBenchDatabase(ctx context.Context, cfg Config) error {
	cfg.Defaults()
	if len(cfg.Database) < 7 || cfg.Database[len(cfg.Database)-6:] != "_bench" {
		return fmt.Errorf("%w: refusing to reset database %q: benchmark databases end in _bench", ErrBadQuery, cfg.Database)
	}
	admin, err := open(ctx, cfg, "default")
	if err != nil {
		return err
	}
	defer admin.Close()
	if err := admin.conn.Exec(ctx, "DROP DATABASE IF EXISTS "+quoteIdent(cfg.Database)); err != nil {
		return fmt.Errorf("reset %s: %w", cfg.Database, err)
	}
	if _, err := Migrate(ctx, cfg); err != nil {
		return err
	}
	return nil
}

// Settle merges every partition of mentions and the rollups (OPTIMIZE …
// FINAL) and waits for background merges to finish, so that a benchmark
// measures the steady state of a long-running server rather than the
// hundreds of fresh parts a bulk load leaves.
func (db *DB) Settle(ctx context.Context) error {
	for _, t := range append(append([]string{}, rawTables...), rollupTables...) {
		if err := db.conn.Exec(ctx, "OPTIMIZE TABLE "+db.table(t)+" FINAL"); err != nil {
			return fmt.Errorf("settle %s: %w", t, err)
		}
	}
	for {
		var n uint64
		if err := db.conn.QueryRow(ctx, "SELECT count() FROM system.merges WHERE database = ?", db.cfg.Database).Scan(&n); err != nil {
			return fmt.Errorf("settle: %w", err)
		}
		if n == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}
