package store

// Shared pieces of the typed query layer: time ranges, filters, intervals,
// the rollup source that unions hourly and daily rollups, and scanning
// helpers. The query functions themselves live in queries.go (dashboards
// and shared), report_queries.go (weekly report) and alert_queries.go
// (alerts). No SQL string leaves the store package.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
)

// NoProgram selects, in Filter.Program, the mentions that match no program
// of the catalog (stored under program ”). Dashboards label it
// "(lainnya)".
const NoProgram = "(lainnya)"

// NoPlace selects, in Filter.Place, the mentions without a place.
const NoPlace = "(tanpa lokasi)"

// ErrBadQuery wraps every invalid-parameter error of the query layer.
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

// Filter narrows a query. Empty fields match everything.
type Filter struct {
	Range
	// Program is a catalog program id, or NoProgram.
	Program string
	// Place is a catalog place id (a kecamatan), or NoPlace.
	Place string
	// Source is a collector source (x, youtube, rss…).
	Source string
}

func (f Filter) validate() error { return f.Range.validate() }

// Interval is the bucket width of a time series.
type Interval string

// Intervals. Day, week (starting Monday) and month follow the calendar of
// clock.WITAName.
const (
	Hour  Interval = "hour"
	Day   Interval = "day"
	Week  Interval = "week"
	Month Interval = "month"
)

// ParseInterval accepts hour, day, week and month (and 1h, 1d, 1w).
func ParseInterval(s string) (Interval, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "hour", "1h", "h":
		return Hour, nil
	case "day", "1d", "d", "24h":
		return Day, nil
	case "week", "1w", "w", "7d":
		return Week, nil
	case "month", "1m", "mon":
		return Month, nil
	}
	return "", fmt.Errorf("%w: interval %q is not hour, day, week or month", ErrBadQuery, s)
}

// bucketExpr is the SQL bucket start of the DateTime expression t, as
// seconds since the epoch (UInt32), so scanning is timezone-proof.
func (iv Interval) bucketExpr(t string) (string, error) {
	tz := "'" + clock.WITAName + "'"
	switch iv {
	case Hour:
		return "toUInt32(toStartOfHour(" + t + "))", nil
	case Day:
		return "toUInt32(toStartOfDay(" + t + ", " + tz + "))", nil
	case Week:
		return "toUInt32(toDateTime(toMonday(" + t + ", " + tz + "), " + tz + "))", nil
	case Month:
		return "toUInt32(toDateTime(toStartOfMonth(" + t + ", " + tz + "), " + tz + "))", nil
	}
	return "", fmt.Errorf("%w: interval %q is not hour, day, week or month", ErrBadQuery, string(iv))
}

// Breakdown is what a series or a share groups by.
type Breakdown string

// Breakdowns of the rollups. ByPlace reads places_hourly; the others
// mentions_hourly/mentions_daily.
const (
	ByNone       Breakdown = ""
	ByProgram    Breakdown = "program"
	BySource     Breakdown = "source"
	BySentiment  Breakdown = "sentiment"
	ByHostility  Breakdown = "hostility"
	ByAuthorKind Breakdown = "author_kind"
	ByPartisan   Breakdown = "partisan"
	ByPlace      Breakdown = "place"
)

// ParseBreakdown accepts the names of the Breakdown constants ("" or
// "none" for no breakdown).
func ParseBreakdown(s string) (Breakdown, error) {
	b := Breakdown(strings.ToLower(strings.TrimSpace(s)))
	if b == "none" {
		b = ByNone
	}
	if _, err := b.keyExpr(); err != nil {
		return "", err
	}
	return b, nil
}

// keyExpr is the SQL of the breakdown key (a String; ” when DimNone).
func (d Breakdown) keyExpr() (string, error) {
	switch d {
	case ByNone:
		return "''", nil
	case ByProgram:
		return "if(program = '', " + sqlString(NoProgram) + ", toString(program))", nil
	case ByPlace:
		return "if(place = '', " + sqlString(NoPlace) + ", toString(place))", nil
	case BySource, BySentiment, ByHostility, ByAuthorKind:
		return "toString(" + string(d) + ")", nil
	case ByPartisan:
		return "toString(partisan)", nil
	}
	return "", fmt.Errorf("%w: unknown breakdown %q", ErrBadQuery, string(d))
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

// rollupConds are the WHERE conditions of f on a rollup, other than time.
// byProgram says the query groups or filters per program (so every
// program row counts); otherwise only first_program rows count, which
// counts each mention once.
func rollupConds(f Filter, byProgram, placeTable, byPlace bool) []string {
	var c []string
	switch {
	case f.Program == NoProgram:
		c = append(c, "program = ''")
	case f.Program != "":
		c = append(c, "program = "+sqlString(f.Program))
	case !byProgram:
		c = append(c, "first_program = 1")
	}
	if placeTable {
		switch {
		case f.Place == NoPlace:
			c = append(c, "place = ''")
		case f.Place != "":
			c = append(c, "place = "+sqlString(f.Place))
		case !byPlace:
			c = append(c, "first_place = 1")
		}
	}
	if f.Source != "" && !placeTable {
		c = append(c, "source = "+sqlString(f.Source))
	}
	return c
}

// rollupSource returns a subquery over the rollups covering r exactly:
// whole local days inside r come from the daily rollup, the partial days
// at either end from the hourly one. Its columns: t (bucket start,
// DateTime), the dimensions, and cols (metric expressions over the rollup
// columns, e.g. "mentions", "authors"). With hourly (always for the place
// table, places_hourly, which has no daily twin) only the hourly rollup is
// read. r must be hour-aligned for exact results (a partial hour counts
// whole).
func (db *DB) rollupSource(r Range, hourly bool, dims, cols []string, conds []string) string {
	sel := func(tcol, table string, from, to time.Time, tExpr string) string {
		w := append([]string{
			fmt.Sprintf("%s >= %s", tcol, tLit(tcol, from)),
			fmt.Sprintf("%s < %s", tcol, tLit(tcol, to)),
		}, conds...)
		all := append([]string{tExpr + " AS t"}, dims...)
		all = append(all, cols...)
		return "SELECT " + strings.Join(all, ", ") + " FROM " + db.table(table) + " WHERE " + strings.Join(w, " AND ")
	}
	from := r.From.UTC().Truncate(time.Hour)
	to := r.To.UTC()
	if t := to.Truncate(time.Hour); t.Before(to) {
		to = t.Add(time.Hour)
	}
	// Both branches give t the type DateTime('Asia/Makassar'), so UNION
	// ALL needs no supertype (24+ is stricter about DateTime timezones).
	hourT := "toDateTime(hour, '" + clock.WITAName + "')"
	placeTable := false
	for _, d := range dims {
		placeTable = placeTable || d == "place"
	}
	if placeTable {
		return sel("hour", "places_hourly", from, to, hourT)
	}
	d0 := ceilLocalDay(from)
	d1 := floorLocalDay(to)
	if hourly || !d0.Before(d1) {
		return sel("hour", "mentions_hourly", from, to, hourT)
	}
	parts := []string{sel("day", "mentions_daily", d0, d1, "toDateTime(day, '"+clock.WITAName+"')")}
	if from.Before(d0) {
		parts = append(parts, sel("hour", "mentions_hourly", from, d0, hourT))
	}
	if d1.Before(to) {
		parts = append(parts, sel("hour", "mentions_hourly", d1, to, hourT))
	}
	return strings.Join(parts, " UNION ALL ")
}

// tLit is a literal comparable with the rollup time column.
func tLit(col string, t time.Time) string {
	if col == "day" {
		return "toDate(" + sqlString(t.In(clock.WITA).Format("2006-01-02")) + ")"
	}
	return fmt.Sprintf("toDateTime(%d)", t.Unix())
}

func floorLocalDay(t time.Time) time.Time {
	l := t.In(clock.WITA)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, clock.WITA).UTC()
}

func ceilLocalDay(t time.Time) time.Time {
	f := floorLocalDay(t)
	if f.Before(t) {
		l := f.In(clock.WITA)
		return time.Date(l.Year(), l.Month(), l.Day()+1, 0, 0, 0, 0, clock.WITA).UTC()
	}
	return f
}

// rangeCond is the raw-table condition of r on posted_at.
func rangeCond(r Range) string {
	return fmt.Sprintf("posted_at >= toDateTime(%d) AND posted_at < toDateTime(%d)", r.From.UTC().Unix(), r.To.UTC().Unix())
}

// ratio is a/b, 0 when b is 0.
func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
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

// unix converts an epoch-seconds bucket to UTC time.
func unix(s uint32) time.Time { return time.Unix(int64(s), 0).UTC() }
