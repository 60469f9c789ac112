package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/file"
	"github.com/dengar-id/dengar/simulate"
)

func init() {
	var (
		out, from, to string
		perHour, rate float64
		duration      time.Duration
		seed          uint64
		demo          bool
		spikes        []string
	)
	cmd := &cobra.Command{
		Use:   "simulate",
		Short: "Generate realistic Samarinda mentions (files or a live stream for load tests)",
		Long: `simulate generates mentions of Samarinda's programs in Indonesian and Banjar
with daily seasonality. With --out it writes JSON Lines for a time range
(--from/--to, --per-hour); --demo writes the bundled demo corpus. Without
--out it produces to the raw topic: a historical range as fast as possible,
or with --rate a live stream at that many mentions per second (posted now)
for --duration.`,
		Example: `  dengar simulate --demo --out demo.jsonl
  dengar simulate --from 2026-01-01 --to 2026-02-01 --per-hour 500 --out jan.jsonl
  dengar simulate --brokers 127.0.0.1:9092 --rate 20000 --duration 1m
  dengar simulate --from 2026-11-01 --to 2026-11-29 --per-hour 600 --spike 2026-11-19T20:00,45m,probebaya,5x,buzzer=0.5 --out spikes.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			opts := simulate.Options{PerHour: perHour, Seed: seed}
			if demo {
				opts = simulate.DemoOptions()
			} else if rate == 0 {
				var err error
				if opts.Start, err = time.Parse("2006-01-02", from); err != nil {
					return fmt.Errorf("--from: %w", err)
				}
				if opts.End, err = time.Parse("2006-01-02", to); err != nil {
					return fmt.Errorf("--to: %w", err)
				}
			}
			for _, sp := range spikes {
				if _, err := opts.AddSpikeSpec(sp); err != nil {
					return fmt.Errorf("--spike %q: %w", sp, err)
				}
			}
			if out != "" {
				f, err := os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				bw := bufio.NewWriterSize(f, 1<<20)
				n, err := simulate.WriteJSONL(bw, opts)
				if err != nil {
					return err
				}
				if err := bw.Flush(); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "wrote %d mentions to %s\n", n, out)
				return nil
			}
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			w, err := importWriters(ctx, cfg)
			if err != nil {
				return err
			}
			defer w.Close()
			if rate > 0 {
				return simulateLive(ctx, cfg, w, rate, duration, seed, cmd.OutOrStdout())
			}
			// The generated stream is read as a JSON Lines file would be,
			// through the collector runner like every way into the topic.
			pr, pw := io.Pipe()
			go func() { _, err := simulate.WriteJSONL(pw, opts); pw.CloseWithError(err) }()
			defer pr.Close()
			rep, err := importSource(ctx, cfg, ingest.EmitterFunc(w.raw.Write), w.dlq, "simulate", ingest.Pull(file.FromReader("simulate.jsonl", pr, file.WithChunk(5000))))
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "produced %d mentions to %s\n", rep.Emitted, cfg.Kafka.Topics.Raw)
			return nil
		},
	}
	addRoleFlags(cmd)
	cmd.Flags().StringVar(&out, "out", "", "write JSON Lines here instead of producing to Kafka")
	cmd.Flags().StringVar(&from, "from", "", "first day (YYYY-MM-DD, UTC) of a historical range")
	cmd.Flags().StringVar(&to, "to", "", "day after the last (YYYY-MM-DD, UTC)")
	cmd.Flags().Float64Var(&perHour, "per-hour", 100, "mean mentions per hour of a historical range")
	cmd.Flags().Float64Var(&rate, "rate", 0, "live mode: mentions per second")
	cmd.Flags().DurationVar(&duration, "duration", time.Minute, "live mode: how long")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	cmd.Flags().BoolVar(&demo, "demo", false, "the bundled demo corpus's settings")
	cmd.Flags().StringArrayVar(&spikes, "spike", nil, `inject a hostile spike: "START,DURATION,PROGRAM,SIZE[,buzzer=F]", e.g. "2026-11-19T20:00,45m,probebaya,3x,buzzer=0.6" (SIZE: 3x of the program's hostile rate, 3xcity of the city's, or +90 posts); repeatable`)
	rootCmd.AddCommand(cmd)
}

// simulateLive produces rate mentions per second, posted now, for d: a
// push source run by the collector runner. Every 100 ms tick it emits
// what the rate owes since the start (at most a second's worth at once),
// so a slow emit or a late tick is made up for instead of lowering the
// rate; the mentions come from one simulate.Live (no daily seasonality,
// no generator rebuilt per tick). It prints the rate it sustained.
func simulateLive(ctx context.Context, cfg *appConfig, w *writers, rate float64, d time.Duration, seed uint64, out io.Writer) error {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var failed error // a failed emit ends the run rather than waiting for a retry
	r, err := importRunner(cfg, ingest.EmitterFunc(w.raw.Write), w.dlq, ingest.WithOnPass(func(p ingest.PassReport) {
		if !p.OK() {
			failed = p.Err
			cancel()
		}
	}))
	if err != nil {
		return err
	}
	sent := 0
	var elapsed time.Duration
	r.Add(ingest.Push(ingest.PushFunc(func(ctx context.Context, emit ingest.Emitter) error {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		start := clock.Now()
		live := simulate.NewLive(seed, start)
		burst := max(1, int(rate))
		for {
			select {
			case <-ctx.Done():
				elapsed = clock.Since(start)
				slog.Info("simulation done", "mentions", sent, "per_s", float64(sent)/elapsed.Seconds())
				return nil
			case <-tick.C:
				now := clock.Now()
				due := min(int(rate*now.Sub(start).Seconds())-sent, burst)
				if due <= 0 {
					continue
				}
				batch := live.Next(nil, due, now)
				if err := emit.Emit(ctx, batch); err != nil {
					if ctx.Err() != nil {
						continue
					}
					return err
				}
				sent += len(batch)
			}
		}
	})), ingest.SourceConfig{Name: "simulate", Kind: "simulate"})
	if err := r.Run(ctx); err != nil {
		return err
	}
	if elapsed > 0 {
		fmt.Fprintf(out, "produced %d mentions in %s: %.0f mentions/s (asked %.0f)\n", sent, elapsed.Round(time.Millisecond), float64(sent)/elapsed.Seconds(), rate)
	}
	return failed
}
