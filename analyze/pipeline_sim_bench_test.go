package analyze

import (
	"errors"
	"syscall"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
)

// simulatedMentions returns the first n mentions of the simulator's
// November 2026 month, as the end-to-end benchmarks generate them.
func simulatedMentions(b *testing.B, n int) []mention.Mention {
	b.Helper()
	out := make([]mention.Mention, 0, n)
	enough := errors.New("enough")
	opts := simulate.Options{
		Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		PerHour: float64(n)/(30*24)*1.3 + 10, Seed: 42,
	}
	err := simulate.Generate(opts, func(m *mention.Mention) error {
		if len(out) == n {
			return enough
		}
		out = append(out, *m)
		return nil
	})
	if err != nil && !errors.Is(err, enough) {
		b.Fatal(err)
	}
	return out
}

// BenchmarkPipelineSimulated tags the simulator's mentions (the input of
// BenchmarkEndToEnd) with every tagger Dengar ships, one mention per op.
func BenchmarkPipelineSimulated(b *testing.B) {
	p, err := NewPipeline(Options{})
	if err != nil {
		b.Fatal(err)
	}
	ms := simulatedMentions(b, 5000)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		m := ms[i%len(ms)]
		p.Tag(&m)
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
}

// processCPU is the CPU time the process has used (user and system, every
// thread, the garbage collector's included): on a shared machine it moves
// less with the other tenants' load than the wall time of ns/op.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
