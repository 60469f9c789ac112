package e2e

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
	"github.com/dengar-id/dengar/stream"
)

// BenchmarkEndToEnd measures simulated mentions through broker → analyzer
// (every tagger) → ClickHouse sink, all roles in this process as in
// `dengar run`. Each iteration pushes a fresh batch of mentions and waits
// until ClickHouse holds all of them.
//
//	go test ./e2e -run '^$' -bench EndToEnd -benchtime 3x
func BenchmarkEndToEnd(b *testing.B) {
	benchEndToEnd(b, 50000)
}

func benchEndToEnd(b *testing.B, perIter int) {
	bk, err := stream.StartBroker()
	if err != nil {
		b.Fatal(err)
	}
	defer bk.Close()
	k := stream.Config{Brokers: bk.Addrs(), Partitions: 3}
	k.Defaults()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := stream.EnsureTopics(ctx, k); err != nil {
		b.Fatal(err)
	}
	chcfg := chtest.Config(b)
	chcfg.BatchSize = 20000
	chcfg.FlushInterval = 200 * time.Millisecond
	db, err := store.Open(ctx, chcfg)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	p, err := analyze.NewPipeline(analyze.Options{})
	if err != nil {
		b.Fatal(err)
	}
	tagged, dlq := stream.NewWriter(k, k.Topics.Tagged), stream.NewWriter(k, k.Topics.DLQ)
	defer tagged.Close()
	defer dlq.Close()
	go analyze.NewAnalyzer(p, k, tagged, dlq).Run(ctx)
	go store.NewSink(db, k, dlq, store.NewPseudonymizer("bench")).Run(ctx)

	base := simulated(b, perIter, false)
	b.ResetTimer()
	var total int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ms := append(base[:0:0], base...)
		for j := range ms {
			ms[j].ID = fmt.Sprintf("%s-%d", ms[j].ID, i)
		}
		b.StartTimer()
		produce(b, k, k.Topics.Raw, ms)
		want := uint64(total + len(ms))
		deadline := time.Now().Add(5 * time.Minute)
		for {
			_, ids := countStored(b, db)
			if ids >= want {
				break
			}
			if time.Now().After(deadline) {
				b.Fatalf("only %d of %d mentions stored after 5 minutes", ids, want)
			}
			time.Sleep(20 * time.Millisecond)
		}
		total += len(ms)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "mentions/s")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "cores")
}
