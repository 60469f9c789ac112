package store

import (
	"context"
	"fmt"
)

// HasCollectorRuns says whether collector_runs holds a pass of a collector
// whose name starts with prefix (the demo records its passes once, however
// often `make run` runs: collector_runs keeps every row it is given).
func (db *DB) HasCollectorRuns(ctx context.Context, prefix string) (bool, error) {
	var n uint64
	if err := db.conn.QueryRow(ctx, "SELECT count() FROM "+db.table("collector_runs")+" WHERE startsWith(collector, ?)", prefix).Scan(&n); err != nil {
		return false, fmt.Errorf("collector runs: %w", err)
	}
	return n > 0, nil
}
