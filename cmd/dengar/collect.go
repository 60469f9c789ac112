package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/ingest"
	_ "github.com/dengar-id/dengar/ingest/all" // every collector kind
	"github.com/dengar-id/dengar/ingest/file"
	"github.com/dengar-id/dengar/ingest/watchfilter"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/stream"
)

// collectOptions are the flags of `dengar collect`.
type collectOptions struct {
	once     bool
	source   string
	dryRun   bool
	file     string
	show     int
	noFilter bool
}

func init() {
	var o collectOptions
	cmd := &cobra.Command{
		Use:   "collect",
		Short: "Run the collectors of the sources section into the raw topic",
		Long: `collect runs the enabled collectors of the configuration's sources section,
each on its interval, producing mentions to the raw topic and keeping their
checkpoints in the compacted checkpoints topic, until interrupted.

--once runs one pass and prints what was collected: with --source NAME it
runs that collector even when it is disabled, which is how to check a new
source's credentials (add --dry-run to leave Kafka out of it). --file
imports a JSON Lines or CSV file instead. Credentials come from the
environment (YOUTUBE_API_KEY, X_BEARER_TOKEN, META_ACCESS_TOKEN,
TELEGRAM_BOT_TOKEN, MASTODON_TOKEN, DENGAR_WEBHOOK_SECRET); see ingest/README.md.`,
		Example: `  dengar collect --brokers localhost:9092
  dengar collect --once --source youtube-probebaya --dry-run
  dengar collect --file export.jsonl --brokers localhost:9092`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCollect(cmd.Context(), cmd.OutOrStdout(), o)
		},
	}
	addRoleFlags(cmd)
	cmd.Flags().BoolVar(&o.once, "once", false, "run one pass of each selected collector and print what it collected")
	cmd.Flags().StringVar(&o.source, "source", "", "only the collector with this name (runs it even when disabled)")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "with --once: do not touch Kafka (checkpoints in memory, nothing produced)")
	cmd.Flags().StringVar(&o.file, "file", "", "import this JSON Lines or CSV file into the raw topic")
	cmd.Flags().IntVar(&o.show, "show", 5, "with --once: how many mentions to print per collector")
	cmd.Flags().BoolVar(&o.noFilter, "no-filter", false, "keep every collected item, even those no watch query matches")
	rootCmd.AddCommand(cmd)
}

// loadSources decodes the sources section.
func loadSources(cfg *appConfig) (ingest.Config, error) {
	var sc ingest.Config
	if err := cfg.section("sources", &sc); err != nil {
		return sc, err
	}
	return sc, nil
}

// collectRunnerOptions builds the runner's watch filter and account
// registry from the catalog section (or the embedded catalog).
func collectRunnerOptions(cfg *appConfig, noFilter bool) ([]ingest.RunnerOption, error) {
	ix, err := cfg.catalogIndex()
	if err != nil {
		return nil, err
	}
	opts := []ingest.RunnerOption{ingest.WithAccounts(ix.Registry)}
	if !noFilter {
		f, err := watchfilter.New(ix.WatchQueries())
		if err != nil {
			return nil, err
		}
		opts = append(opts, ingest.WithFilter(f))
	}
	return opts, nil
}

func runCollect(ctx context.Context, out io.Writer, o collectOptions) error {
	cfg, err := roleConfig()
	if err != nil {
		return err
	}
	if o.file != "" {
		return collectFile(ctx, out, cfg, o.file)
	}
	sources, err := loadSources(cfg)
	if err != nil {
		return err
	}
	ropts, err := collectRunnerOptions(cfg, o.noFilter)
	if err != nil {
		return err
	}
	if !o.once {
		if err := serveMetrics(ctx, flagMetricsAddr); err != nil {
			return err
		}
	}
	ropts = append(ropts, ingest.WithMetrics(ingest.NewMetrics(prometheus.DefaultRegisterer)))
	if !o.dryRun {
		// Record passes in collector_runs for the Sumber dashboard and
		// stale-collector alerts; collection goes on without ClickHouse.
		if db, err := store.Open(ctx, cfg.ClickHouse); err == nil {
			defer db.Close()
			ropts = append(ropts, ingest.WithOnPass(recordPasses(db)))
		} else {
			slog.Warn("collector passes will not be recorded in ClickHouse", "err", err)
		}
	}
	_, err = ingest.Collect(ctx, ingest.CollectOptions{
		Kafka:   cfg.Kafka,
		Sources: sources,
		Source:  o.source,
		Once:    o.once,
		DryRun:  o.dryRun,
		Out:     out,
		Show:    o.show,
		Runner:  ropts,
	})
	return err
}

// collectRole is the collectors' role for `dengar run`: it runs the enabled
// sources into the raw topic until ctx ends (per-pass errors are retried by
// the runner, never fatal). With no source enabled it returns nil at once.
// onPass, when not nil, receives every pass (for the collector_runs table).
// Wire it with: role("collect", collectRole(cfg, nil)).
func collectRole(cfg *appConfig, onPass func(ingest.PassReport)) func(context.Context) error {
	return func(ctx context.Context) error {
		sources, err := loadSources(cfg)
		if err != nil {
			return err
		}
		ropts, err := collectRunnerOptions(cfg, false)
		if err != nil {
			return err
		}
		ropts = append(ropts, ingest.WithMetrics(ingest.NewMetrics(prometheus.DefaultRegisterer)))
		if onPass != nil {
			ropts = append(ropts, ingest.WithOnPass(onPass))
		}
		_, err = ingest.Collect(ctx, ingest.CollectOptions{Kafka: cfg.Kafka, Sources: sources, Runner: ropts})
		if errors.Is(err, ingest.ErrNoSources) {
			slog.Info("no collectors enabled in the sources section")
			return nil
		}
		return err
	}
}

// collectFile imports a JSON Lines or CSV file with the file collector,
// through the runner (validation, account registry; no watch filter: an
// import is deliberate).
func collectFile(ctx context.Context, out io.Writer, cfg *appConfig, path string) error {
	if err := requireBrokers(cfg); err != nil {
		return err
	}
	if err := stream.EnsureTopics(ctx, cfg.Kafka); err != nil {
		return err
	}
	w := stream.NewWriter(cfg.Kafka, cfg.Kafka.Topics.Raw)
	defer w.Close()
	ropts, err := collectRunnerOptions(cfg, true)
	if err != nil {
		return err
	}
	r := ingest.NewRunner(ingest.EmitterFunc(w.Write), append(ropts, ingest.WithSample(3))...)
	c := file.New(path, file.WithProgress(newProgress(path)), file.WithBadLineHandler(func(b file.BadLine) {
		slog.Warn("skipped a line that is not a valid mention", "line", b.Line, "err", b.Err)
	}))
	r.Add(c, ingest.SourceConfig{Name: "file", Kind: "file"})
	reps, err := r.RunOnce(ctx, "file")
	if err != nil {
		return err
	}
	ingest.PrintReports(out, reps, false)
	if !reps[0].OK() {
		return fmt.Errorf("import %s: %s", path, reps[0].Error)
	}
	return nil
}
