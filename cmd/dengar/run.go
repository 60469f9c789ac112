package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/file"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/notify"
	"github.com/dengar-id/dengar/report"
	"github.com/dengar-id/dengar/simulate"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/stream"
)

// runOptions are the flags of `dengar run`.
type runOptions struct {
	dataDir      string
	brokerPort   int
	importPath   string
	demo         bool
	exitWhenDone bool
	timeout      time.Duration
}

func init() {
	var o runOptions
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the whole pipeline in one process (single machine)",
		Long: `run starts every role in one process: the embedded Kafka-protocol broker
(unless --brokers points at a real cluster), the analyzer, the ClickHouse
sink, and the collectors configured in the config file. --demo imports the
bundled demo corpus (four weeks of Samarinda mentions); --import imports a
JSON Lines or CSV file. With --exit-when-done it waits until everything
imported is in ClickHouse, prints a summary and exits; otherwise it runs
until interrupted (SIGINT/SIGTERM), shutting down gracefully.`,
		Example: `  dengar run --demo --exit-when-done --clickhouse 127.0.0.1:19000
  dengar run --brokers kafka:9092 --clickhouse clickhouse:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPipeline(cmd.Context(), cmd.OutOrStdout(), o)
		},
	}
	addRoleFlags(cmd)
	cmd.Flags().StringVar(&o.dataDir, "data-dir", ".dengar", "where the embedded broker keeps its data")
	cmd.Flags().IntVar(&o.brokerPort, "broker-port", 0, "port of the embedded broker (0: a free port)")
	cmd.Flags().StringVar(&o.importPath, "import", "", "import this JSON Lines or CSV file of mentions")
	cmd.Flags().BoolVar(&o.demo, "demo", false, "import the bundled demo corpus")
	cmd.Flags().BoolVar(&o.exitWhenDone, "exit-when-done", false, "exit after the imported mentions are stored, printing a summary")
	cmd.Flags().DurationVar(&o.timeout, "timeout", 5*time.Minute, "with --exit-when-done: give up after this long")
	rootCmd.AddCommand(cmd)
}

func runPipeline(parent context.Context, out io.Writer, o runOptions) error {
	if o.exitWhenDone && !o.demo && o.importPath == "" {
		return errors.New("--exit-when-done waits for an import: add --demo or --import FILE")
	}
	if o.importPath != "" {
		if err := checkReadable(o.importPath); err != nil {
			return err
		}
	}
	cfg, err := roleConfig()
	if err != nil {
		return err
	}
	// Everything the configuration and the environment can get wrong fails
	// here, before the broker, ClickHouse or any role starts.
	ac := cfg.Alerts
	var collect func(context.Context) error
	var notifiers []notify.Notifier
	var rcfg report.Config
	if !o.exitWhenDone {
		if notifiers, err = alert.Notifiers(ac.Notify, nil); err != nil {
			return fmt.Errorf("alert notifiers: %w", err)
		}
		if rcfg, err = reportConfig(cfg); err != nil {
			return err
		}
		if len(rcfg.SMTP.To) > 0 {
			rcfg.Defaults()
			if err := rcfg.Validate(); err != nil {
				return err
			}
		}
	}
	p, err := newPipelineFrom(cfg) // the models: a second or two
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	if err := serveMetrics(ctx, flagMetricsAddr); err != nil {
		return err
	}
	if len(cfg.Kafka.Brokers) == 0 {
		b, err := stream.StartBroker(stream.WithPort(o.brokerPort), stream.WithDataDir(filepath.Join(o.dataDir, "broker")))
		if err != nil {
			return err
		}
		defer b.Close()
		cfg.Kafka.Brokers = b.Addrs()
		slog.Info("embedded broker started", "addrs", b.Addrs())
	}
	if err := stream.WaitTopics(ctx, cfg.Kafka, "run"); err != nil {
		return err
	}
	db, pseudo, err := openStore(ctx, cfg, "run")
	if err != nil {
		return err
	}
	defer db.Close()
	rec := store.NewRunRecorder(db, "collect", nil)
	if !o.exitWhenDone {
		if collect, err = collectRole(cfg, recordPasses(rec)); err != nil {
			return err
		}
	}
	w := openWriters(cfg.Kafka)
	defer w.Close()

	g := newRoleGroup(ctx)
	g.Go("analyze", analyze.NewAnalyzer(p, cfg.Kafka, w.tagged, w.dlq).Run)
	g.Go("sink", store.NewSink(db, cfg.Kafka, w.dlq, pseudo).Run)
	g.Go("record", rec.Run)
	if !o.exitWhenDone {
		if collect != nil {
			g.Go("collect", collect)
		}
		if len(rcfg.SMTP.To) > 0 {
			g.Go("report", func(ctx context.Context) error {
				sched, err := report.NewScheduler(db, rcfg) // validated above
				if err != nil {
					return err
				}
				return sched.Run(ctx)
			})
		} else {
			slog.Info("weekly report e-mail is off: report.smtp.to is empty")
		}
		g.Go("alert", func(ctx context.Context) error { return alert.Run(ctx, db, ac, alert.WithNotifiers(notifiers...)) })
		g.Go("retain", retainDaily(cfg, db))
	}
	markStarted()
	slog.Info("pipeline running", "brokers", cfg.Kafka.Brokers, "clickhouse", cfg.ClickHouse.Addr, "taggers", p.Taggers())

	var imported []string
	var seen []mention.Mention
	var from, to time.Time
	started := clock.Now()
	if o.demo || o.importPath != "" {
		imported, seen, from, to, err = importMentions(g.ctx, out, cfg, o, w, recordPasses(rec))
		if err != nil {
			if rerr := g.Stop(); rerr != nil {
				return rerr
			}
			return err
		}
		fmt.Fprintf(out, "imported %d mentions into %s\n", len(imported), cfg.Kafka.Topics.Raw)
	}
	if !o.exitWhenDone {
		<-g.ctx.Done()
		return g.Stop()
	}
	if err := waitStored(g.ctx, db, imported, started, o.timeout, g.Failed()); err != nil {
		if rerr := g.Stop(); rerr != nil {
			return rerr
		}
		return err
	}
	if err := g.Stop(); err != nil {
		return err
	}
	// After the run: the summary, the demo's records, the replayed alerts
	// and the report. Each step has its own deadline, generous because a
	// loaded or slow machine answers the alert replay's thousands of
	// minute-by-minute queries slowly; the parent (Ctrl-C) still ends it.
	sctx, scancel := context.WithTimeout(parent, afterRunTimeout)
	defer scancel()
	s, err := db.Summary(sctx, from, to.Add(time.Second))
	if err != nil {
		return err
	}
	printSummary(out, s, cfg)
	if o.demo {
		// The demo's collectors, as if they had polled while the posts
		// came in (marked demo:…), for the Sumber dashboard and the
		// report's collector health.
		if err := recordDemoPasses(sctx, db, seen, to.Add(2*time.Hour)); err != nil {
			return err
		}
	}
	// The alerts the live role would have raised over the imported range
	// (replayed minute by minute; nothing is notified).
	actx, acancel := context.WithTimeout(parent, afterRunTimeout)
	defer acancel()
	as, err := alert.EvaluateRange(actx, db, from, to.Add(2*time.Hour), ac)
	if err != nil {
		return fmt.Errorf("alerts: %w", err)
	}
	fmt.Fprintln(out, "\nPeringatan selama rentang data ini (diputar ulang menit demi menit, tanpa dikirim):")
	alert.PrintAlerts(out, as)
	if o.demo {
		// Recorded (marked as demo data), so that the dashboards and the
		// weekly report show them as a live role would have.
		recs := make([]store.AlertRecord, len(as))
		for i := range as {
			recs[i] = alert.DemoRecord(&as[i])
		}
		if err := db.InsertAlerts(actx, recs); err != nil {
			return fmt.Errorf("record demo alerts: %w", err)
		}
	}
	rctx, rcancel := context.WithTimeout(parent, afterRunTimeout)
	defer rcancel()
	htmlPath, pdfPath, err := writeLatestReport(rctx, cfg, db)
	if err != nil {
		return fmt.Errorf("weekly report: %w", err)
	}
	fmt.Fprintf(out, "\nLaporan mingguan (minggu terakhir data demo):\n  %s\n  %s\n", htmlPath, pdfPath)
	return nil
}

// afterRunTimeout bounds each step that follows an --exit-when-done run
// (summary, alert replay, report).
const afterRunTimeout = 5 * time.Minute

// importMentions imports the demo corpus or a file into the raw topic
// through the collector runner (see importSource) and returns the ids, the
// source and time of each (seen) and the posted_at range of what was
// emitted.
func importMentions(ctx context.Context, out io.Writer, cfg *appConfig, o runOptions, w *writers, onPass func(ingest.PassReport)) (ids []string, seen []mention.Mention, from, to time.Time, err error) {
	name, src := "file:"+o.importPath, file.New(o.importPath, file.WithProgress(newProgress(o.importPath)))
	if o.demo {
		name, src = "file:demo", file.FromReader("demo/corpus.jsonl", bytes.NewReader(simulate.DemoCorpus()))
	}
	emit := ingest.EmitterFunc(func(ctx context.Context, ms []mention.Mention) error {
		if err := w.raw.Write(ctx, ms); err != nil {
			return err
		}
		for _, m := range ms {
			ids = append(ids, m.ID)
			seen = append(seen, mention.Mention{Source: m.Source, PostedAt: m.PostedAt})
			if from.IsZero() || m.PostedAt.Before(from) {
				from = m.PostedAt
			}
			if m.PostedAt.After(to) {
				to = m.PostedAt
			}
		}
		return nil
	})
	rep, err := importSource(ctx, cfg, emit, w.dlq, name, ingest.Pull(src),
		ingest.WithOnPass(onPass), ingest.WithMetrics(ingest.NewMetrics(prometheus.DefaultRegisterer)))
	if err != nil {
		return nil, nil, from, to, err
	}
	slog.Info("import done", "received", rep.Received, "emitted", rep.Emitted, "dropped", rep.Dropped)
	if len(rep.Malformed) > 0 {
		ingest.PrintReports(out, []ingest.PassReport{rep}, false)
	}
	return ids, seen, from, to, nil
}

// recordDemoPasses records the demo collectors' passes (simulate.DemoPasses)
// once: a second `make run` finds them there.
func recordDemoPasses(ctx context.Context, db *store.DB, seen []mention.Mention, until time.Time) error {
	have, err := db.HasCollectorRuns(ctx, simulate.DemoCollectorPrefix)
	if err != nil || have {
		return err
	}
	passes := simulate.DemoPasses(seen, until)
	runs := make([]store.CollectorRun, len(passes))
	for i, p := range passes {
		runs[i] = store.CollectorRun{Collector: p.Collector, Source: p.Source, StartedAt: p.Start, FinishedAt: p.End,
			Items: int64(p.Items), Errors: int64(p.Errors), ErrorClass: p.ErrorClass, LastError: p.Error, QuotaRemaining: p.Quota, OK: p.OK}
	}
	if err := db.InsertCollectorRuns(ctx, runs); err != nil {
		return fmt.Errorf("record demo collector passes: %w", err)
	}
	return nil
}

// waitStored waits until every id is in ClickHouse, or a role stopped.
func waitStored(ctx context.Context, db *store.DB, ids []string, since time.Time, timeout time.Duration, failed <-chan struct{}) error {
	deadline := clock.Now().Add(timeout)
	want := uint64(len(ids))
	var have uint64
	for {
		n, err := db.CountIDs(ctx, ids, since)
		if err != nil {
			return err
		}
		have = n
		if have >= want {
			return nil
		}
		if clock.Now().After(deadline) {
			return fmt.Errorf("only %d of %d imported mentions reached ClickHouse within %s", have, want, timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-failed:
			return errors.New("a role stopped")
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// newProgress returns a progress callback drawing a bar on a terminal.
func newProgress(path string) func(read, total int64) {
	if fi, err := os.Stderr.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return progressBar(path)
}
