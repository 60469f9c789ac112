package main

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

//go:embed bench_posts.txt
var benchPosts []byte

// benchCmd is the parent of the benchmark commands (`dengar bench tag`,
// `dengar bench queries`...). Other files add children with
// benchCmd.AddCommand.
var benchCmd = &cobra.Command{
	Use:   "bench",
	Short: "Measure the speed of pipeline stages",
	Example: `  dengar bench tag                  # tagging speed, last line docs_per_s_per_core=N
  dengar bench queries --rows 1000000  # dashboard/report/alert query latency`,
	Args: cobra.NoArgs,
}

func init() {
	var dur time.Duration
	var cpuProfile string
	tag := &cobra.Command{
		Use:   "tag [FILE]",
		Short: "Measure tagging speed (every tagger on, one goroutine on one core)",
		Long: `bench tag tags a corpus repeatedly with every tagger on, in one goroutine
with GOMAXPROCS=1, and prints docs/s. FILE has the line format of dengar tag
(JSON mentions or plain text); the default is a small built-in set of
realistic posts. The last line is docs_per_s_per_core=N.`,
		Example: `  dengar bench tag
  dengar bench tag --duration 10s corpus.jsonl`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, name := benchPosts, "built-in posts"
			if len(args) == 1 {
				b, err := os.ReadFile(args[0])
				if err != nil {
					return fmt.Errorf("read corpus: %w", err)
				}
				data, name = b, args[0]
			}
			p, err := newPipeline(cmd.Context())
			if err != nil {
				return err
			}
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return fmt.Errorf("cpu profile: %w", err)
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return fmt.Errorf("cpu profile: %w", err)
				}
				defer pprof.StopCPUProfile()
			}
			return runBenchTag(cmd.Context(), p, data, name, dur, cmd.OutOrStdout())
		},
	}
	tag.Flags().DurationVar(&dur, "duration", 3*time.Second, "how long to measure")
	tag.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (go tool pprof) to this file")
	benchCmd.AddCommand(tag)
	rootCmd.AddCommand(benchCmd)
}

func loadCorpus(data []byte) ([]*mention.Mention, error) {
	var out []*mention.Mention
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), mention.MaxMessageBytes)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for sc.Scan() {
		n++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		m, err := parseInputLine(sc.Bytes(), n, now, time.Time{})
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func runBenchTag(ctx context.Context, p *analyze.Pipeline, data []byte, name string, dur time.Duration, w io.Writer) error {
	docs, err := loadCorpus(data)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("%s: no documents", name)
	}
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	var bytesIn int
	for _, m := range docs {
		bytesIn += len(m.Text) + len(m.Title)
	}
	// Warm up once, then measure whole passes until dur has elapsed.
	for _, m := range docs {
		p.Tag(m)
	}
	n := 0
	cpu0 := cpuTime()
	start := clock.Now()
	for clock.Since(start) < dur {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, m := range docs {
			p.Tag(m)
		}
		n += len(docs)
	}
	el := clock.Since(start)
	cpu := cpuTime() - cpu0
	wall := float64(n) / el.Seconds()
	// Per core: docs per second of CPU time this process got (user+system,
	// GC included), which does not count time other processes took from us.
	rate := wall
	if cpu > 0 {
		rate = float64(n) / cpu.Seconds()
	}
	fmt.Fprintf(w, "corpus: %s (%d docs, %.0f bytes/doc avg)\n", name, len(docs), float64(bytesIn)/float64(len(docs)))
	fmt.Fprintf(w, "taggers: %v\n", p.Taggers())
	fmt.Fprintf(w, "tagged %d docs in %s wall, %s CPU (GOMAXPROCS=1, %d CPUs): %.0f docs/s wall, %.1f µs CPU/doc\n", n, el.Round(time.Millisecond), cpu.Round(time.Millisecond), runtime.NumCPU(), wall, 1e6/rate)
	fmt.Fprintf(w, "docs_per_s_per_core=%.0f\n", rate)
	return nil
}

// cpuTime is the user+system CPU time of this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
