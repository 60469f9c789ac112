package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

func init() {
	var from, to, program, source, checkpointDir string
	var dryRun bool
	var stepSize int
	cmd := &cobra.Command{
		Use:   "retag",
		Short: "Re-tag stored mentions with the current models (new versions replace the old, rollups recomputed once)",
		Long: `retag re-runs the current models over the mentions stored in ClickHouse
posted in [--from, --to) (optionally of one --program or --source) that an
older model version tagged: each gets a new version (its model column names
the current models) that replaces the old one, human corrections stay on
top, and every rollup of the range moves once, from the old effective
labels to the new ones, so the dashboards, the weekly report and the alerts'
history all show the new labels. --dry-run only counts what would change.

A run is resumable: it goes step by step (whole hours) and records its
plan and finished steps in --checkpoint-dir; stopped at any point (Ctrl-C,
a crash, ClickHouse down), the same command continues where it stopped and
ends with the same numbers. Dates are local days of Samarinda (WITA) or
RFC 3339 times.`,
		Example: `  dengar retag --from 2026-11-01 --to 2026-12-01 --dry-run
  dengar retag --from 2026-11-01 --to 2026-12-01
  dengar retag --from 2026-11-16 --to 2026-11-23 --program probebaya --source x`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			f, err := parseRetagTime(from, "--from")
			if err != nil {
				return err
			}
			t, err := parseRetagTime(to, "--to")
			if err != nil {
				return err
			}
			if !t.After(f) {
				return fmt.Errorf("--to %s tidak setelah --from %s", to, from)
			}
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			p, err := newPipelineFrom(cfg)
			if err != nil {
				return err
			}
			db, err := openMigrated(ctx, cfg, "retag")
			if err != nil {
				return err
			}
			defer db.Close()
			o := store.RetagOptions{
				Range: store.Range{From: f, To: t}, Program: program, Source: source,
				Version: p.Version(), Tag: p.Tag, DryRun: dryRun, StepSize: stepSize,
			}
			var bar *progressbar.ProgressBar
			o.Progress = func(done, total int) {
				if bar == nil {
					label := "re-tag " + p.Version()
					if dryRun {
						label = "uji re-tag " + p.Version()
					}
					bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(cmd.ErrOrStderr()),
						progressbar.OptionSetDescription(label), progressbar.OptionShowCount(), progressbar.OptionShowIts(),
						progressbar.OptionSetItsString("sebutan"), progressbar.OptionThrottle(200*time.Millisecond))
				}
				_ = bar.Set(done)
			}
			if !dryRun && checkpointDir != "" {
				o.Checkpoint = filepath.Join(checkpointDir, "retag-"+store.RetagRunID(o)+".json")
			}
			start := clock.Now()
			res, err := db.Retag(ctx, o)
			if bar != nil {
				_ = bar.Finish()
				fmt.Fprintln(cmd.ErrOrStderr())
			}
			if err != nil {
				if o.Checkpoint != "" {
					return fmt.Errorf("%w (jalankan perintah yang sama lagi untuk melanjutkan dari %s)", err, o.Checkpoint)
				}
				return err
			}
			secs := clock.Since(start).Seconds()
			out := cmd.OutOrStdout()
			verb := "di-tag ulang"
			if dryRun {
				verb = "akan di-tag ulang (uji, tidak ada yang ditulis)"
			}
			fmt.Fprintf(out, "%d sebutan %s dengan model %s (%d langkah, %d dilanjutkan dari checkpoint; %.0f sebutan/detik)\n",
				res.Mentions, verb, p.Version(), res.Steps, res.Resumed, float64(res.Mentions)/max(secs, 1e-9))
			fields := make([]string, 0, len(res.Changed))
			for k := range res.Changed {
				fields = append(fields, k)
			}
			sort.Strings(fields)
			for _, k := range fields {
				fmt.Fprintf(out, "  %-10s berubah pada %d sebutan\n", k, res.Changed[k])
			}
			if !dryRun {
				fmt.Fprintf(out, "%d sebutan berpindah di rollup (label efektif berubah; koreksi manusia tetap berlaku)\n", res.Moved)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "start: a day (WITA) 2026-11-01 or an RFC 3339 time (required)")
	cmd.Flags().StringVar(&to, "to", "", "end, exclusive: a day (WITA) or an RFC 3339 time (required)")
	cmd.Flags().StringVar(&program, "program", "", "only mentions the model attributed to this program (catalog id)")
	cmd.Flags().StringVar(&source, "source", "", "only mentions of this source")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "tag and count what would change, write nothing")
	cmd.Flags().StringVar(&checkpointDir, "checkpoint-dir", ".dengar/retag", "where a run records its progress (empty: no checkpoint)")
	cmd.Flags().IntVar(&stepSize, "step", 20000, "at most this many mentions per step (whole hours)")
	_ = cmd.MarkFlagRequired("from")
	_ = cmd.MarkFlagRequired("to")
	cmd.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")
	rootCmd.AddCommand(cmd)
}

// parseRetagTime reads a local day of Samarinda or an RFC 3339 time.
func parseRetagTime(s, flag string) (time.Time, error) {
	if t, err := time.ParseInLocation("2006-01-02", s, clock.WITA); err == nil {
		return t.UTC(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: bukan tanggal (2026-11-01) atau waktu RFC 3339 (2026-11-01T08:00:00+08:00)", flag, s)
	}
	return t.UTC(), nil
}
