package main

import (
	"fmt"
	"log/slog"
	"regexp"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

func init() {
	var (
		rows     int64
		runs     int
		database string
		span     time.Duration
		reload   bool
		only     string
	)
	cmd := &cobra.Command{
		Use:   "queries",
		Short: "Load synthetic mentions and time the queries the stages run",
		Long: `bench queries loads --rows synthetic tagged mentions (generated inside
ClickHouse, through the same rollup views as the sink) into the database
--database (it must end in _bench; it is reused when it already holds
exactly --rows mentions), then runs what the stages run --runs times after
a warm-up: every Grafana panel as Grafana expands it (last 7 and 30 days,
All selected), the weekly report's queries and the whole report, the
reads of one live alert step, the run summary and the review queue. It
prints p50, p95 and max per query; the last line is worst_p95_ms=N (the
target is under 200 ms on 2 cores at 10 million rows).`,
		Example: `  dengar bench queries --rows 10000000
  dengar bench queries --rows 1000000 --runs 10 --clickhouse 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			ch := cfg.ClickHouse
			ch.Database = database
			if reload {
				if err := store.ResetBenchDatabase(ctx, ch); err != nil {
					return err
				}
			} else if _, err := store.Migrate(ctx, ch); err != nil {
				return fmt.Errorf("%w (an older benchmark schema? rerun with --reload)", err)
			}
			db, err := store.Open(ctx, ch)
			if err != nil {
				return err
			}
			have, err := db.MentionRows(ctx)
			if err != nil {
				db.Close()
				return err
			}
			out := cmd.OutOrStdout()
			if reload || have != uint64(rows) {
				db.Close()
				if err := store.ResetBenchDatabase(ctx, ch); err != nil {
					return err
				}
				if db, err = store.Open(ctx, ch); err != nil {
					return err
				}
				end := clock.Now().UTC().Truncate(time.Hour)
				t0 := clock.Now()
				err := db.LoadSynthetic(ctx, store.SynthOptions{Rows: rows, End: end, Span: span, Progress: func(done int64) {
					slog.Info("loading synthetic mentions", "rows", done, "of", rows, "elapsed", clock.Since(t0).Round(time.Second))
				}})
				if err != nil {
					db.Close()
					return err
				}
				if err := db.LoadSyntheticCollectorRuns(ctx, end, span, 10*time.Minute); err != nil {
					db.Close()
					return err
				}
				el := clock.Since(t0)
				fmt.Fprintf(out, "loaded %d mentions in %s (%.0f rows/s, rollups included)\n", rows, el.Round(time.Second), float64(rows)/el.Seconds())
				t1 := clock.Now()
				if err := db.Settle(ctx); err != nil {
					db.Close()
					return err
				}
				fmt.Fprintf(out, "merged parts in %s\n", clock.Since(t1).Round(time.Second))
			}
			defer db.Close()
			end, err := db.DataEnd(ctx)
			if err != nil {
				return err
			}
			if end.IsZero() {
				return fmt.Errorf("no mentions in %s", database)
			}
			suite, err := benchSuite(ctx, db, end)
			if err != nil {
				return err
			}
			if only != "" {
				re, err := regexp.Compile(only)
				if err != nil {
					return fmt.Errorf("--only: %w", err)
				}
				var keep []benchQuery
				for _, q := range suite {
					if re.MatchString(q.group + "/" + q.name) {
						keep = append(keep, q)
					}
				}
				suite = keep
			}
			res := runBench(ctx, suite, runs)
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(tw, "GROUP\tQUERY\tRUNS\tP50_MS\tP95_MS\tMAX_MS\t")
			var worst time.Duration
			worstName := ""
			var failed []error
			for _, r := range res {
				if r.err != nil {
					failed = append(failed, r.err)
					fmt.Fprintf(tw, "%s\t%s\t-\t-\t-\t-\t\n", r.group, r.name)
					continue
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f\t%.1f\t%.1f\t\n", r.group, r.name, r.runs, ms(r.p50), ms(r.p95), ms(r.max))
				if r.p95 > worst {
					worst, worstName = r.p95, r.group+"/"+r.name
				}
			}
			tw.Flush()
			for _, e := range failed {
				fmt.Fprintln(out, "error:", e)
			}
			fmt.Fprintf(out, "rows=%d queries=%d worst=%s worst_p95_ms=%.1f\n", rows, len(res), worstName, ms(worst))
			if len(failed) > 0 {
				return fmt.Errorf("%d queries failed", len(failed))
			}
			return nil
		},
	}
	cmd.Flags().Int64Var(&rows, "rows", 10_000_000, "synthetic mentions to load")
	cmd.Flags().IntVar(&runs, "runs", 20, "timed runs per query")
	cmd.Flags().StringVar(&database, "database", "dengar_bench", "benchmark database (name must end in _bench; dropped and reloaded when its size differs)")
	cmd.Flags().DurationVar(&span, "span", 180*24*time.Hour, "time span of the synthetic mentions")
	cmd.Flags().BoolVar(&reload, "reload", false, "reload even when the database already holds --rows mentions")
	cmd.Flags().StringVar(&only, "only", "", "run only the queries whose group/name matches this regular expression")
	cmd.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")
	benchCmd.AddCommand(cmd)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
