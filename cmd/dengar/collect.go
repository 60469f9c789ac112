package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
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
  dengar collect --once --source youtube --dry-run
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

// collectRunnerOptions builds the runner's watch filter and account
// registry from the catalog.
func collectRunnerOptions(cfg *appConfig, noFilter bool) ([]ingest.RunnerOption, error) {
	ix := cfg.CatalogIndex()
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
	ropts, err := collectRunnerOptions(cfg, o.noFilter)
	if err != nil {
		return err
	}
	ropts = append(ropts, ingest.WithMetrics(ingest.NewMetrics(prometheus.DefaultRegisterer)))
	var rec *store.RunRecorder
	if !o.dryRun {
		// Record passes in collector_runs for the Sumber dashboard and
		// stale-collector alerts; collection goes on without ClickHouse,
		// and the passes wait for it.
		db, err := store.OpenLazy(cfg.ClickHouse)
		if err != nil {
			return err
		}
		defer db.Close()
		rec = store.NewRunRecorder(db, "collect", nil)
		ropts = append(ropts, ingest.WithOnPass(recordPasses(rec)))
	}
	co := ingest.CollectOptions{
		Kafka:   cfg.Kafka,
		Sources: cfg.Sources,
		Source:  o.source,
		Once:    o.once,
		DryRun:  o.dryRun,
		Out:     out,
		Show:    o.show,
		Runner:  ropts,
	}
	if o.once {
		// One pass, then its record written (or given up on after 10 s).
		rctx, stop := context.WithCancel(ctx)
		recorded := make(chan struct{})
		go func() {
			defer close(recorded)
			if rec != nil {
				_ = rec.Run(rctx)
			}
		}()
		_, err := ingest.Collect(ctx, co)
		stop()
		<-recorded
		return err
	}
	c, err := ingest.Prepare(co)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := serveMetrics(ctx, flagMetricsAddr); err != nil {
		return err
	}
	g := newRoleGroup(ctx)
	g.Go("collect", c.Run)
	g.Go("record", rec.Run)
	markStarted()
	<-g.ctx.Done()
	return g.Stop()
}

// collectRole prepares the collectors' role for `dengar run`: the enabled
// sources, built and checked now (a missing secret fails here, before any
// role starts), run into the raw topic until ctx ends (per-pass errors are
// retried by the runner, never fatal). With no source enabled it returns
// a nil role. onPass, when not nil, receives every pass (for the
// collector_runs table).
func collectRole(cfg *appConfig, onPass func(ingest.PassReport)) (func(context.Context) error, error) {
	ropts, err := collectRunnerOptions(cfg, false)
	if err != nil {
		return nil, err
	}
	ropts = append(ropts, ingest.WithMetrics(ingest.NewMetrics(prometheus.DefaultRegisterer)))
	if onPass != nil {
		ropts = append(ropts, ingest.WithOnPass(onPass))
	}
	c, err := ingest.Prepare(ingest.CollectOptions{Kafka: cfg.Kafka, Sources: cfg.Sources, Runner: ropts})
	if errors.Is(err, ingest.ErrNoSources) {
		slog.Info("no collectors enabled in the sources section")
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("collect: %w", err)
	}
	return func(ctx context.Context) error {
		defer c.Close()
		return c.Run(ctx)
	}, nil
}

// collectFile imports a JSON Lines or CSV file into the raw topic.
func collectFile(ctx context.Context, out io.Writer, cfg *appConfig, path string) error {
	if err := checkReadable(path); err != nil {
		return err
	}
	w, err := importWriters(ctx, cfg)
	if err != nil {
		return err
	}
	defer w.Close()
	src := file.New(path, file.WithProgress(newProgress(path)))
	rep, err := importSource(ctx, cfg, ingest.EmitterFunc(w.raw.Write), w.dlq, "file:"+path, ingest.Pull(src), ingest.WithSample(3))
	ingest.PrintReports(out, []ingest.PassReport{rep}, false)
	return err
}

// importSource runs a one-off source — a file, the demo corpus, the
// simulator's stream — once through the collector runner into the raw
// topic, the way every collector's pass goes: normalised, the account
// registry applied, validated, emitted, its malformed lines sent to the
// dead-letter topic. An import is deliberate, so no watch filter; its
// cursor lives in memory, so importing a file again sends it again (ids
// are stable: nothing doubles downstream).
func importSource(ctx context.Context, cfg *appConfig, emit ingest.Emitter, dlq *stream.Writer, name string, src ingest.Source, opts ...ingest.RunnerOption) (ingest.PassReport, error) {
	r, err := importRunner(cfg, emit, dlq, opts...)
	if err != nil {
		return ingest.PassReport{}, err
	}
	r.Add(src, ingest.SourceConfig{Name: name, Kind: file.Kind})
	reps, err := r.RunOnce(ctx, name)
	if err != nil {
		return ingest.PassReport{}, err
	}
	if !reps[0].OK() {
		return reps[0], fmt.Errorf("import %s: %s", name, reps[0].Error)
	}
	return reps[0], nil
}

// importRunner is the runner of one-off sources: the account registry,
// no watch filter, malformed lines to the dead-letter topic.
func importRunner(cfg *appConfig, emit ingest.Emitter, dlq *stream.Writer, opts ...ingest.RunnerOption) (*ingest.Runner, error) {
	ropts, err := collectRunnerOptions(cfg, true)
	if err != nil {
		return nil, err
	}
	ropts = append(ropts, ingest.WithDeadLetters(deadLetters(dlq)))
	return ingest.NewRunner(emit, append(ropts, opts...)...), nil
}

// deadLetters sends the lines a source could not read to the dead-letter
// topic, with the reason and the source's name as their origin.
func deadLetters(dlq *stream.Writer) func(context.Context, string, []ingest.Malformed) error {
	d := stream.NewDeadLetters(dlq, "ingest")
	return func(ctx context.Context, collector string, items []ingest.Malformed) error {
		msgs := make([]kafka.Message, len(items))
		reasons := make([]error, len(items))
		for i, it := range items {
			msgs[i], reasons[i] = kafka.Message{Value: it.Raw, Topic: collector}, it.Err
		}
		return d.Send(ctx, msgs, reasons)
	}
}

// checkReadable fails when path cannot be opened for reading, so that a
// mistyped import path is the first thing reported, before any broker.
func checkReadable(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("import file: %w", err)
	}
	return f.Close()
}
