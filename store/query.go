package store

// Shared pieces of the typed readers: time ranges, quoting and scanning.
// The effective labels every reader sees are defined once, in
// readmodel.go; the readers are report_queries.go (weekly report),
// alert_queries.go (alerts), summary.go (run summary), review.go (review
// queue) and corrections.go (exports). Grafana's panels read the same
// definitions (dashboards/queries.go).

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// NoProgram is the rollup scope of the mentions that match no program of
// the catalog ("program:(lainnya)" in signals_hourly). Dashboards label it
// the same way.
const NoProgram = "(lainnya)"

// NoPlace is the rollup scope of the mentions without a place.
const NoPlace = "(tanpa lokasi)"

// ErrBadQuery wraps every invalid-parameter error of the readers.
var ErrBadQuery = errors.New("invalid query")

// Range is a half-open time range [From, To) over posted_at.
type Range struct {
	From time.Time
	To   time.Time
}

// LastRange is the range of length d ending at now (truncated to seconds).
func LastRange(now time.Time, d time.Duration) Range {
	to := now.UTC().Truncate(time.Second)
	return Range{From: to.Add(-d), To: to}
}

func (r Range) validate() error {
	if r.From.IsZero() || r.To.IsZero() {
		return fmt.Errorf("%w: time range needs From and To", ErrBadQuery)
	}
	if !r.From.Before(r.To) {
		return fmt.Errorf("%w: time range From %s is not before To %s", ErrBadQuery, r.From.Format(time.RFC3339), r.To.Format(time.RFC3339))
	}
	return nil
}

// where is the condition of r on posted_at.
func (r Range) where() string {
	return fmt.Sprintf("posted_at >= toDateTime(%d) AND posted_at < toDateTime(%d)", r.From.Unix(), r.To.Unix())
}

// sqlString quotes s as a ClickHouse string literal.
func sqlString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`)
	return "'" + r.Replace(s) + "'"
}

// table is the quoted, database-qualified name of a table.
func (db *DB) table(name string) string {
	return quoteIdent(db.cfg.Database) + "." + quoteIdent(name)
}

// queryRows runs q and calls scan for every row.
func (db *DB) queryRows(ctx context.Context, what, q string, scan func(rows interface{ Scan(...any) error }) error, args ...any) error {
	rows, err := db.conn.Query(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("%s: scan: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
