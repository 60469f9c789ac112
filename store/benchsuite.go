package store

// The query benchmark suite of `dengar bench queries` and the store's
// go test -bench: every dashboard, report and alert query of the typed
// layer, with the ranges the dashboards and stages use.

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/dengar-id/dengar/clock"
)

// BenchQuery is one named query of the benchmark suite.
type BenchQuery struct {
	// Name says what and over which range (e.g. "volume_by_program_30d").
	Name string
	// Group is dashboard, report or alert.
	Group string
	Run   func(ctx context.Context, db *DB) error
}

// BenchSuite returns the benchmark queries for data ending at end (the
// newest hour with mentions): dashboards over the last 7 and 30 days,
// the weekly report over the last full week, alert baselines over 28 days.
func BenchSuite(end time.Time) []BenchQuery {
	end = end.UTC().Truncate(time.Hour).Add(time.Hour)
	last := func(d time.Duration) Range { return Range{From: end.Add(-d), To: end} }
	d7, d30, d28, h24 := last(7*24*time.Hour), last(30*24*time.Hour), last(28*24*time.Hour), last(24*time.Hour)
	weekEnd := bucketStart(end, Week)
	week := Range{From: weekEnd.AddDate(0, 0, -7), To: weekEnd}
	prevWeek := Range{From: weekEnd.AddDate(0, 0, -14), To: week.From}
	prog := "banjir"
	place := "sungai_kunjang"
	q := func(group, name string, run func(ctx context.Context, db *DB) error) BenchQuery {
		return BenchQuery{Name: name, Group: group, Run: run}
	}
	errOnly := func(_ any, err error) error { return err }
	return []BenchQuery{
		// Ringkasan
		q("dashboard", "totals_7d", func(ctx context.Context, db *DB) error { return errOnly(db.Totals(ctx, Filter{Range: d7})) }),
		q("dashboard", "volume_hourly_7d", func(ctx context.Context, db *DB) error {
			return errOnly(db.Volume(ctx, Filter{Range: d7}, Hour, ByNone))
		}),
		q("dashboard", "volume_by_program_daily_30d", func(ctx context.Context, db *DB) error {
			return errOnly(db.Volume(ctx, Filter{Range: d30}, Day, ByProgram))
		}),
		q("dashboard", "volume_by_source_hourly_7d", func(ctx context.Context, db *DB) error {
			return errOnly(db.Volume(ctx, Filter{Range: d7}, Hour, BySource))
		}),
		q("dashboard", "volume_by_sentiment_daily_180d", func(ctx context.Context, db *DB) error {
			return errOnly(db.Volume(ctx, Filter{Range: last(180 * 24 * time.Hour)}, Day, BySentiment))
		}),
		q("dashboard", "sentiment_index_daily_30d", func(ctx context.Context, db *DB) error {
			return errOnly(db.SentimentIndex(ctx, Filter{Range: d30}, Day))
		}),
		q("dashboard", "sentiment_index_weekly_730d", func(ctx context.Context, db *DB) error {
			return errOnly(db.SentimentIndex(ctx, Filter{Range: last(730 * 24 * time.Hour)}, Week))
		}),
		q("dashboard", "hostile_share_hourly_7d", func(ctx context.Context, db *DB) error { return errOnly(db.HostileShare(ctx, Filter{Range: d7}, Hour)) }),
		q("dashboard", "hostile_share_daily_30d", func(ctx context.Context, db *DB) error { return errOnly(db.HostileShare(ctx, Filter{Range: d30}, Day)) }),
		q("dashboard", "share_of_voice_program_30d", func(ctx context.Context, db *DB) error {
			return errOnly(db.ShareOfVoice(ctx, Filter{Range: d30}, ByProgram))
		}),
		q("dashboard", "share_of_voice_source_30d", func(ctx context.Context, db *DB) error {
			return errOnly(db.ShareOfVoice(ctx, Filter{Range: d30}, BySource))
		}),
		q("dashboard", "neutrality_breaches_30d", func(ctx context.Context, db *DB) error {
			return errOnly(db.NeutralityBreaches(ctx, Filter{Range: d30}, 20))
		}),
		// Konten bermusuhan
		q("dashboard", "top_hostile_posts_7d", func(ctx context.Context, db *DB) error {
			return errOnly(db.TopHostilePosts(ctx, Filter{Range: d7}, 10))
		}),
		q("dashboard", "hostile_categories_targets_7d", func(ctx context.Context, db *DB) error {
			_, _, err := db.HostileBreakdown(ctx, Filter{Range: d7})
			return err
		}),
		q("dashboard", "hostile_by_place_7d", func(ctx context.Context, db *DB) error {
			return errOnly(db.ShareOfVoice(ctx, Filter{Range: d7}, ByPlace))
		}),
		q("dashboard", "hostile_share_place_hourly_7d", func(ctx context.Context, db *DB) error {
			return errOnly(db.HostileShare(ctx, Filter{Range: d7, Place: place}, Hour))
		}),
		// Netralitas
		q("dashboard", "breaches_program_30d", func(ctx context.Context, db *DB) error {
			return errOnly(db.Posts(ctx, Filter{Range: d30}, PostQuery{Breach: true, Order: ByRecent, Limit: 50}))
		}),
		// Program
		q("dashboard", "program_sentiment_daily_30d", func(ctx context.Context, db *DB) error {
			return errOnly(db.SentimentIndex(ctx, Filter{Range: d30, Program: prog}, Day))
		}),
		q("dashboard", "program_sources_30d", func(ctx context.Context, db *DB) error {
			return errOnly(db.ShareOfVoice(ctx, Filter{Range: d30, Program: prog}, BySource))
		}),
		q("dashboard", "program_places_30d", func(ctx context.Context, db *DB) error {
			return errOnly(db.ShareOfVoice(ctx, Filter{Range: d30, Program: prog}, ByPlace))
		}),
		q("dashboard", "program_terms_7d", func(ctx context.Context, db *DB) error {
			return errOnly(db.TermCounts(ctx, Filter{Range: d7, Program: prog}, 30))
		}),
		q("dashboard", "program_rising_terms_7d", func(ctx context.Context, db *DB) error {
			return errOnly(db.RisingTerms(ctx, Filter{Range: d7, Program: prog}, Range{From: d7.From.Add(-7 * 24 * time.Hour), To: d7.From}, 3, 20))
		}),
		q("dashboard", "program_example_posts_7d", func(ctx context.Context, db *DB) error {
			return errOnly(db.ExamplePosts(ctx, Filter{Range: d7, Program: prog}, "", 10))
		}),
		q("dashboard", "top_accounts_7d", func(ctx context.Context, db *DB) error { return errOnly(db.TopAccounts(ctx, Filter{Range: d7}, 20)) }),
		// Sumber
		q("dashboard", "collector_freshness_24h", func(ctx context.Context, db *DB) error {
			return errOnly(db.CollectorFreshness(ctx, end, 24*time.Hour))
		}),
		q("dashboard", "collector_activity_hourly_7d", func(ctx context.Context, db *DB) error { return errOnly(db.CollectorActivity(ctx, d7, Hour)) }),
		// Weekly report (typed layer)
		q("report", "week_totals", func(ctx context.Context, db *DB) error { return errOnly(db.Totals(ctx, Filter{Range: week})) }),
		q("report", "week_prev_totals", func(ctx context.Context, db *DB) error { return errOnly(db.Totals(ctx, Filter{Range: prevWeek})) }),
		q("report", "week_program_daily", func(ctx context.Context, db *DB) error {
			return errOnly(db.Volume(ctx, Filter{Range: week}, Day, ByProgram))
		}),
		q("report", "week_rising_terms", func(ctx context.Context, db *DB) error {
			return errOnly(db.RisingTerms(ctx, Filter{Range: week}, prevWeek, 10, 20))
		}),
		q("report", "week_top_hostile", func(ctx context.Context, db *DB) error {
			return errOnly(db.TopHostilePosts(ctx, Filter{Range: week}, 5))
		}),
		// Alerts
		q("alert", "signals_all_28d", func(ctx context.Context, db *DB) error { return errOnly(db.HourlySignals(ctx, ScopeAll, d28)) }),
		q("alert", "signals_program_28d", func(ctx context.Context, db *DB) error {
			return errOnly(db.HourlySignals(ctx, ScopeProgramPrefix+prog, d28))
		}),
		q("alert", "signals_place_28d", func(ctx context.Context, db *DB) error {
			return errOnly(db.HourlySignals(ctx, ScopePlacePrefix+place, d28))
		}),
		q("alert", "signals_every_program_28d", func(ctx context.Context, db *DB) error { return errOnly(db.HourlySignalsByScope(ctx, "program", d28)) }),
		q("alert", "signals_every_place_28d", func(ctx context.Context, db *DB) error { return errOnly(db.HourlySignalsByScope(ctx, "place", d28)) }),
		q("alert", "example_posts_scope_24h", func(ctx context.Context, db *DB) error {
			return errOnly(db.Posts(ctx, Filter{Range: h24, Program: prog}, PostQuery{Hostile: true, Limit: 5}))
		}),
	}
}

// BenchResult is the timing of one benchmark query.
type BenchResult struct {
	Name, Group   string
	Runs          int
	P50, P95, Max time.Duration
	Err           error
}

// RunBench runs every query once to warm up, then runs times, and
// returns the latency percentiles per query (nearest-rank).
func RunBench(ctx context.Context, db *DB, suite []BenchQuery, runs int) []BenchResult {
	if runs < 1 {
		runs = 1
	}
	var out []BenchResult
	for _, bq := range suite {
		r := BenchResult{Name: bq.Name, Group: bq.Group, Runs: runs}
		if err := bq.Run(ctx, db); err != nil {
			r.Err = fmt.Errorf("%s: %w", bq.Name, err)
			out = append(out, r)
			continue
		}
		ds := make([]time.Duration, 0, runs)
		for i := 0; i < runs; i++ {
			t0 := clock.Now()
			if err := bq.Run(ctx, db); err != nil {
				r.Err = fmt.Errorf("%s: %w", bq.Name, err)
				break
			}
			ds = append(ds, clock.Since(t0))
		}
		if len(ds) > 0 {
			sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
			r.P50, r.P95, r.Max = percentile(ds, 50), percentile(ds, 95), ds[len(ds)-1]
		}
		out = append(out, r)
	}
	return out
}

// percentile is the nearest-rank percentile of sorted ds.
func percentile(ds []time.Duration, p int) time.Duration {
	i := (p*len(ds) + 99) / 100
	if i < 1 {
		i = 1
	}
	return ds[i-1]
}

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
	return unix(t), nil
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
