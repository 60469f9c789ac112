package main

// The suite of `dengar bench queries`: what the stages really run — every
// Grafana panel as Grafana expands it, the weekly report's queries and the
// whole report, one live alert step's reads, the run summary and the
// labels commands' reads.

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/grafana/grafana-foundation-sdk/go/dashboard"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/dashboards"
	"github.com/dengar-id/dengar/report"
	"github.com/dengar-id/dengar/store"
)

// benchQuery is one query (or one stage's batch of queries) of the suite.
type benchQuery struct {
	group, name string
	run         func(ctx context.Context) error
}

// benchResult is the timing of one benchQuery.
type benchResult struct {
	group, name   string
	runs          int
	p50, p95, max time.Duration
	err           error
}

// benchSuite lists the queries over data whose newest hour is end:
// dashboards over the last 7 and 30 days (All selected; the Program
// dashboard on its first program), the report of the last full week,
// alerts as one live step at end reads them, the summary of the last 28
// days and the review queue of the last 7.
func benchSuite(ctx context.Context, db *store.DB, end time.Time) ([]benchQuery, error) {
	end = end.UTC().Truncate(time.Hour).Add(time.Hour)
	var qs []benchQuery
	add := func(group, name string, run func(ctx context.Context) error) {
		qs = append(qs, benchQuery{group: group, name: name, run: run})
	}
	errOnly := func(_ any, err error) error { return err }

	ds, err := dashboards.All(dashboards.Options{})
	if err != nil {
		return nil, err
	}
	for _, span := range []struct {
		name     string
		d, every time.Duration
	}{{"7d", 7 * 24 * time.Hour, time.Hour}, {"30d", 30 * 24 * time.Hour, 6 * time.Hour}} {
		env, err := grafanaEnv(ctx, db, ds, end.Add(-span.d), end, span.every)
		if err != nil {
			return nil, err
		}
		for _, pq := range dashboards.Queries(ds) {
			e := env
			if pq.DashboardUID == dashboards.UIDProgram {
				e = programEnv(env)
			}
			sql, err := dashboards.Expand(pq.Query.RawSql, e)
			if err != nil {
				return nil, fmt.Errorf("%s/%s: %w", pq.DashboardUID, pq.Panel, err)
			}
			add("dashboard", strings.TrimPrefix(pq.DashboardUID, "dengar-")+"/"+pq.Panel+" "+span.name, func(ctx context.Context) error {
				return drain(db, ctx, sql)
			})
		}
	}

	w := report.LastCompleteWeek(end)
	cur := store.Range{From: w.Start().UTC(), To: w.End().UTC()}
	base := store.Range{From: w.Start().AddDate(0, 0, -28).UTC(), To: cur.From}
	add("report", "totals", func(ctx context.Context) error { return errOnly(db.ReportTotals(ctx, cur)) })
	add("report", "weeks_with_data", func(ctx context.Context) error {
		_, _, err := db.ReportWeeksWithData(ctx, base)
		return err
	})
	add("report", "program_days", func(ctx context.Context) error { return errOnly(db.ReportProgramDays(ctx, cur, clock.WITA)) })
	add("report", "issue_texts", func(ctx context.Context) error { return errOnly(db.ReportIssueTexts(ctx, cur, report.IssueTextLimit)) })
	add("report", "issue_posts", func(ctx context.Context) error {
		return errOnly(db.ReportPosts(ctx, cur, store.PostFilter{Phrase: "banjir", Limit: 10}))
	})
	add("report", "hostility", func(ctx context.Context) error { return errOnly(db.ReportHostility(ctx, cur)) })
	add("report", "hostile_hours", func(ctx context.Context) error { return errOnly(db.ReportHostileHours(ctx, cur)) })
	add("report", "hostile_posts", func(ctx context.Context) error {
		return errOnly(db.ReportPosts(ctx, cur, store.PostFilter{HostileOnly: true, Limit: 500}))
	})
	add("report", "breaches", func(ctx context.Context) error {
		return errOnly(db.ReportPosts(ctx, cur, store.PostFilter{BreachOnly: true, ByTime: true, Limit: 500}))
	})
	add("report", "breaches_by_agency", func(ctx context.Context) error { return errOnly(db.ReportBreachesByAgency(ctx, cur)) })
	add("report", "sources", func(ctx context.Context) error {
		return errOnly(db.ReportCounts(ctx, base, store.ReportBySource, false))
	})
	add("report", "source_days", func(ctx context.Context) error { return errOnly(db.ReportSourceDays(ctx, cur, clock.WITA)) })
	add("report", "top_accounts", func(ctx context.Context) error { return errOnly(db.ReportTopAccounts(ctx, cur, 10)) })
	add("report", "collector_runs", func(ctx context.Context) error {
		_, _, err := db.ReportCollectorRuns(ctx, cur)
		return err
	})
	// The phrase counts of the baseline read the week's candidate
	// phrases: timed within the whole report.
	add("report", "whole_week", func(ctx context.Context) error { return errOnly(report.Build(ctx, db, w, report.Options{})) })

	var cfg alert.Config
	cfg.Defaults()
	add("alert", "minute_counts", func(ctx context.Context) error {
		return errOnly(db.AlertMinuteCounts(ctx, end.Add(-75*time.Minute), end))
	})
	add("alert", "hourly_counts_29d", func(ctx context.Context) error {
		return errOnly(db.AlertHourlyCounts(ctx, end.Add(-29*24*time.Hour), end))
	})
	add("alert", "hostile_span_60m", func(ctx context.Context) error {
		return errOnly(db.AlertMentions(ctx, store.ScopeAll, store.Hostile, end.Add(-time.Hour), end, alert.SpanLimit))
	})
	add("alert", "threats", func(ctx context.Context) error {
		return errOnly(db.AlertMentions(ctx, store.ScopeAll, store.Threat, end.Add(-cfg.ThreatWindow), end, 200))
	})
	add("alert", "unalerted_breaches", func(ctx context.Context) error {
		return errOnly(db.UnalertedMentions(ctx, store.Breach, "breach:", end.Add(-cfg.BreachLookback), end, 200))
	})
	add("alert", "collector_health", func(ctx context.Context) error {
		return errOnly(db.CollectorHealthAt(ctx, end.Add(-7*24*time.Hour), end))
	})

	add("summary", "run_28d", func(ctx context.Context) error { return errOnly(db.Summary(ctx, end.Add(-28*24*time.Hour), end)) })
	add("labels", "review_queue_7d", func(ctx context.Context) error {
		return errOnly(db.ReviewQueue(ctx, store.Range{From: end.Add(-7 * 24 * time.Hour), To: end}, 50))
	})
	add("labels", "corrected_mentions", func(ctx context.Context) error { return errOnly(db.CorrectedMentions(ctx)) })
	return qs, nil
}

// grafanaEnv is Grafana's view of [from, to) with every variable at All,
// its options read by the dashboards' own variable queries.
func grafanaEnv(ctx context.Context, db *store.DB, ds []dashboard.Dashboard, from, to time.Time, every time.Duration) (dashboards.Env, error) {
	env := dashboards.Env{From: from, To: to, Interval: every, Vars: map[string]dashboards.Variable{}}
	bare := dashboards.Env{From: from, To: to, Interval: every}
	for key, sql := range dashboards.VariableQueries(ds) {
		name := key[strings.Index(key, "/")+1:]
		if _, done := env.Vars[name]; done || !strings.HasPrefix(key, dashboards.UIDRingkasan+"/") {
			continue
		}
		q, err := dashboards.Expand(sql, bare)
		if err != nil {
			return env, err
		}
		rows, err := db.Conn().Query(ctx, q)
		if err != nil {
			return env, fmt.Errorf("variable %s: %w", key, err)
		}
		var opts []string
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return env, err
			}
			opts = append(opts, v)
		}
		rows.Close()
		sort.Strings(opts)
		env.Vars[name] = dashboards.Variable{Selected: []string{dashboards.AllValue}, Options: opts}
	}
	return env, nil
}

// programEnv selects the first program (the Program dashboard shows one).
func programEnv(env dashboards.Env) dashboards.Env {
	vars := map[string]dashboards.Variable{}
	for k, v := range env.Vars {
		vars[k] = v
	}
	if p := env.Vars["program"].Options; len(p) > 0 {
		vars["program"] = dashboards.Variable{Selected: []string{p[0]}}
	}
	env.Vars = vars
	return env
}

// drain runs sql and reads every row, as Grafana does.
func drain(db *store.DB, ctx context.Context, sql string) error {
	rows, err := db.Conn().Query(ctx, sql)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

// runBench runs every query once to warm up, then runs times, and returns
// the latency percentiles per query (nearest-rank).
func runBench(ctx context.Context, suite []benchQuery, runs int) []benchResult {
	runs = max(runs, 1)
	var out []benchResult
	for _, bq := range suite {
		r := benchResult{group: bq.group, name: bq.name, runs: runs}
		if err := bq.run(ctx); err != nil {
			r.err = fmt.Errorf("%s/%s: %w", bq.group, bq.name, err)
			out = append(out, r)
			continue
		}
		ds := make([]time.Duration, 0, runs)
		for i := 0; i < runs; i++ {
			t0 := clock.Now()
			if err := bq.run(ctx); err != nil {
				r.err = fmt.Errorf("%s/%s: %w", bq.group, bq.name, err)
				break
			}
			ds = append(ds, clock.Since(t0))
		}
		if len(ds) > 0 {
			sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
			r.p50, r.p95, r.max = percentile(ds, 50), percentile(ds, 95), ds[len(ds)-1]
		}
		out = append(out, r)
	}
	return out
}

// percentile is the nearest-rank percentile of sorted ds.
func percentile(ds []time.Duration, p int) time.Duration {
	i := max((p*len(ds)+99)/100, 1)
	return ds[i-1]
}
