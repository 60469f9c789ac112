package store

// The rollups' duplicate gate (migration 0025_rollup_gate.sql).
//
// Delivery is at-least-once and collectors re-collect, so one mention id
// reaches mentions more than once; the rollup views must count it once.
// Before a batch is inserted, rollupGate looks its (hour, id) pairs up in
// mentions itself (its sorting key is (toStartOfHour(posted_at), id)) and
// marks counted = 1 only on the rows of ids not stored yet, once per
// batch. What the gate remembers is what retention keeps: no state of its
// own, in RAM or on disk, and nothing to prune besides the monthly
// partitions of mentions that `dengar store retain` drops. Retention
// raises gate_horizon before it drops a month, so that a mention of a
// dropped month is never counted a second time (it is not counted at all).

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/ext"

	"github.com/dengar-id/dengar/mention"
)

// rollupGate returns, for each of ms, 1 when the rollup views are to
// count it (the column counted of mentions) and 0 when not: its id is
// already stored for the same posted hour, it came earlier in ms, or it
// was posted in a month retention dropped (before gate_horizon).
//
// The horizon is read after the look-up: retention raises it before it
// drops partitions, so a look-up that no longer finds a dropped mention
// is always followed by a horizon that excludes it.
func (db *DB) rollupGate(ctx context.Context, ms []mention.Mention) ([]uint8, error) {
	flags := make([]uint8, len(ms))
	seen := make(map[string]bool, len(ms))
	batch, err := ext.NewTable("gate_batch", ext.Column("posted_at", "DateTime"), ext.Column("id", "String"))
	if err != nil {
		return nil, fmt.Errorf("rollup gate: %w", err)
	}
	for i := range ms {
		if seen[ms[i].ID] {
			continue
		}
		seen[ms[i].ID] = true
		flags[i] = 1
		if err := batch.Append(clampTime(ms[i].PostedAt), ms[i].ID); err != nil {
			return nil, fmt.Errorf("rollup gate: %w", err)
		}
	}
	skip := map[string]bool{}
	for _, q := range []struct{ what, sql string }{
		// The sorting key picks the granules of the batch's hours and
		// ids; PREWHERE reads only the 8-byte seen_h (cityHash64(id),
		// stored) of those, and the id column of the few rows that match.
		{"rollup gate: look up stored ids", "SELECT DISTINCT id FROM " + db.table("mentions") +
			" PREWHERE seen_h IN (SELECT cityHash64(id) FROM gate_batch)" +
			" WHERE (toStartOfHour(posted_at), id) IN (SELECT toStartOfHour(posted_at), id FROM gate_batch)"},
		// The month of a mention is its partition, toYYYYMM(posted_at)
		// in the server's time zone, as retention sees it.
		{"rollup gate: read horizon", "SELECT id FROM gate_batch WHERE toYYYYMM(posted_at) < (SELECT max(month) FROM " + db.table("gate_horizon") + ")"},
	} {
		err := db.queryRows(clickhouse.Context(ctx, clickhouse.WithExternalTable(batch)), q.what, q.sql,
			func(r interface{ Scan(...any) error }) error {
				var id string
				if err := r.Scan(&id); err != nil {
					return err
				}
				skip[id] = true
				return nil
			})
		if err != nil {
			return nil, err
		}
	}
	for i := range ms {
		if skip[ms[i].ID] {
			flags[i] = 0
		}
	}
	return flags, nil
}

// GateHorizon is the first month (YYYYMM) whose mentions the rollups'
// duplicate gate covers, as retention last set it (0: every month, no
// retention run yet). Mentions posted before it are stored but not
// counted by the rollups.
func (db *DB) GateHorizon(ctx context.Context) (int, error) {
	var m uint32
	if err := db.conn.QueryRow(ctx, "SELECT max(month) FROM "+db.table("gate_horizon")).Scan(&m); err != nil {
		return 0, fmt.Errorf("rollup gate: read horizon: %w", err)
	}
	return int(m), nil
}

// raiseGateHorizon records month as the gate's horizon unless a later
// one is recorded already. Retention calls it before it drops the
// partitions of mentions older than month.
func (db *DB) raiseGateHorizon(ctx context.Context, month int, now time.Time) error {
	cur, err := db.GateHorizon(ctx)
	if err != nil {
		return err
	}
	if month <= cur {
		return nil
	}
	b, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table("gate_horizon")+" (month, set_at)")
	if err != nil {
		return fmt.Errorf("rollup gate: raise horizon: %w", err)
	}
	if err := b.Append(uint32(month), now.UTC().Truncate(time.Second)); err != nil {
		_ = b.Abort()
		return fmt.Errorf("rollup gate: raise horizon: %w", err)
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("rollup gate: raise horizon to %d: %w", month, err)
	}
	return nil
}

// distinctAttribution drops repeated program and place ids of m (into
// new slices: the caller's stay as they are). The rollup views count a
// counted row once per program and place with count(), so the ids must
// be distinct, as the analyzer's attribution makes them.
func distinctAttribution(m *mention.Mention) {
	m.Programs = distinctIDs(m.Programs)
	m.Places = distinctIDs(m.Places)
}

func distinctIDs(s []string) []string {
	for i := 1; i < len(s); i++ {
		if slices.Contains(s[:i], s[i]) {
			out := make([]string, 0, len(s))
			for _, v := range s {
				if !slices.Contains(out, v) {
					out = append(out, v)
				}
			}
			return out
		}
	}
	return s
}
