package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/dengar-id/dengar/health"
	"github.com/dengar-id/dengar/ingest/checkpoint"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stream"
)

// ErrNoSources is returned by Collect when no collector is enabled (or
// named); `dengar run` treats it as "nothing to collect".
var ErrNoSources = errors.New("no enabled sources: enable one in the sources section or name it with --source")

// CollectOptions configure Collect, the code behind `dengar collect`.
type CollectOptions struct {
	// Kafka is the broker configuration; the raw topic receives mentions
	// and the checkpoints topic keeps cursors.
	Kafka stream.Config
	// Sources is the `sources` configuration section.
	Sources Config
	// Source restricts the run to one collector by name; a named collector
	// runs even when it is disabled (to check its credentials).
	Source string
	// Once runs a single pass of each selected collector and returns.
	Once bool
	// DryRun collects without Kafka: checkpoints stay in memory and nothing
	// is produced (only with Once).
	DryRun bool
	// Out receives the --once summary (count and first mentions).
	Out io.Writer
	// Show is how many mentions --once prints per collector (default 5).
	Show int
	// Deps carries test overrides (HTTP client, env, backoff, clock).
	Deps Deps
	// Runner options (filter, accounts, metrics, on-pass hook).
	Runner []RunnerOption
}

// Collect builds the configured collectors and runs them into the raw
// topic: one pass each with Once, else until ctx is cancelled.
func Collect(ctx context.Context, o CollectOptions) ([]PassReport, error) {
	c, err := Prepare(o)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if !o.Once {
		return nil, c.Run(ctx)
	}
	if !o.DryRun {
		ectx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := stream.EnsureTopics(ectx, o.Kafka)
		cancel()
		if err != nil {
			return nil, err
		}
	}
	reps, err := c.runner.RunOnce(ctx, "")
	if err != nil {
		return reps, err
	}
	if o.Out != nil {
		PrintReports(o.Out, reps, o.DryRun)
	}
	for _, rep := range reps {
		if !rep.OK() {
			return reps, fmt.Errorf("collector %s: %s", rep.Collector, rep.Error)
		}
	}
	return reps, nil
}

// Collection is a prepared `dengar collect`: its collectors built — their
// configuration and credentials checked — and its Kafka clients created,
// not yet connected.
type Collection struct {
	runner *Runner
	kafka  stream.Config
	dryRun bool
	closer []func() error
}

// Prepare selects and builds the collectors of o without touching the
// network, so that a mistake in a source (a missing secret, a bad query)
// fails before any role starts. It returns ErrNoSources when none is
// enabled.
func Prepare(o CollectOptions) (*Collection, error) {
	o.Kafka.Defaults()
	if o.DryRun && !o.Once {
		return nil, fmt.Errorf("--dry-run needs --once")
	}
	sel := Config{StoryWindow: o.Sources.StoryWindow}
	for _, sc := range o.Sources.Collectors {
		if o.Source != "" {
			if sc.Name != o.Source {
				continue
			}
			sc.Enabled = true
		}
		if sc.Enabled {
			sel.Collectors = append(sel.Collectors, sc)
		}
	}
	if len(sel.Collectors) == 0 {
		if o.Source != "" {
			return nil, fmt.Errorf("no source named %q in the sources section", o.Source)
		}
		return nil, ErrNoSources
	}
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	c := &Collection{kafka: o.Kafka, dryRun: o.DryRun}
	var emitter Emitter
	var cps Checkpoints = NewMemoryCheckpoints()
	if o.DryRun {
		emitter = EmitterFunc(func(context.Context, []mention.Mention) error { return nil })
	} else {
		cp := checkpoint.NewKafka(o.Kafka)
		w := stream.NewWriter(o.Kafka, o.Kafka.Topics.Raw)
		c.closer = append(c.closer, cp.Close, w.Close)
		cps = cp
		broker := health.Default.Check("collect", "broker")
		emitter = EmitterFunc(func(ctx context.Context, ms []mention.Mention) error {
			err := w.Write(ctx, ms)
			broker.Set(err) // a failed pass is retried; readiness shows why
			return err
		})
	}
	show := o.Show
	if show <= 0 {
		show = 5
	}
	opts := []RunnerOption{WithStoryWindow(sel.StoryWindow), WithCheckpoints(cps)}
	if o.Deps.Now != nil {
		// One clock for the collectors and the runner's pass records.
		opts = append(opts, WithClock(o.Deps.Now))
	}
	opts = append(opts, o.Runner...)
	if o.Once {
		opts = append(opts, WithSample(show))
	}
	c.runner = NewRunner(emitter, opts...)
	if err := c.runner.Build(sel, o.Deps); err != nil {
		c.Close()
		return nil, err
	}
	if !o.DryRun && len(o.Kafka.Brokers) == 0 { // after the sources: their mistakes first
		c.Close()
		return nil, fmt.Errorf("no Kafka brokers: set kafka.brokers or --brokers (or use --once --dry-run)")
	}
	return c, nil
}

// Run creates the pipeline's topics — waiting for the broker while it is
// unreachable — and runs every collector on its interval until ctx ends.
func (c *Collection) Run(ctx context.Context) error {
	if !c.dryRun {
		if err := stream.WaitTopics(ctx, c.kafka, "collect"); err != nil {
			return err
		}
	}
	err := c.runner.Run(ctx)
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// Close closes the Kafka clients.
func (c *Collection) Close() {
	for _, f := range c.closer {
		_ = f()
	}
}

// PrintReports writes a human summary of one-pass reports: per collector
// the counts, any error, then the first mentions as JSON lines.
func PrintReports(w io.Writer, reps []PassReport, dryRun bool) {
	for _, rep := range reps {
		dest := "emitted to Kafka"
		if dryRun {
			dest = "collected (dry run, not sent)"
		}
		fmt.Fprintf(w, "%s (%s): %d received, %d %s", rep.Collector, rep.Source, rep.Received, rep.Emitted, dest)
		for reason, n := range rep.Dropped {
			fmt.Fprintf(w, ", %d dropped (%s)", n, reason)
		}
		fmt.Fprintf(w, " in %s\n", rep.End.Sub(rep.Start).Round(time.Millisecond))
		if rep.Error != "" {
			fmt.Fprintf(w, "  ERROR [%s]: %s\n", rep.ErrorClass, rep.Error)
		}
		if n := rep.Dropped[DropMalformed]; n > 0 {
			fmt.Fprintf(w, "  %d not read (sent to the dead-letter topic with the reason), e.g.:\n", n)
			for _, why := range rep.Malformed {
				fmt.Fprintf(w, "    %s\n", why)
			}
		}
		for _, m := range rep.Sample {
			b, err := json.Marshal(m)
			if err != nil {
				continue
			}
			fmt.Fprintf(w, "  %s\n", b)
		}
	}
}
