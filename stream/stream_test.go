package stream_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stream"
)

func startBroker(t testing.TB) stream.Config {
	t.Helper()
	b, err := stream.StartBroker()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	cfg := stream.Config{Brokers: b.Addrs()}
	cfg.Defaults()
	if err := stream.EnsureTopics(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func mentions(n int, prefix string) []mention.Mention {
	now := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	ms := make([]mention.Mention, n)
	for i := range ms {
		ms[i] = mention.Mention{
			ID: mention.NewID("x", fmt.Sprintf("%s%d", prefix, i)), Source: "x",
			Text:     "Banjir lagi di Sempaja, drainase gak pernah dikeruk 😡 #BanjirSamarinda",
			Author:   mention.Author{ID: fmt.Sprint(i % 977), Handle: "warga", Kind: mention.KindCitizen},
			PostedAt: now, CollectedAt: now,
		}
	}
	return ms
}

func TestEnsureTopicsIsIdempotent(t *testing.T) {
	cfg := startBroker(t)
	if err := stream.EnsureTopics(context.Background(), cfg); err != nil {
		t.Fatalf("second EnsureTopics: %v", err)
	}
	conn, err := kafka.Dial("tcp", cfg.Brokers[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for topic, want := range map[string]int{cfg.Topics.Raw: cfg.Partitions, cfg.Topics.Tagged: cfg.Partitions, cfg.Topics.DLQ: cfg.Partitions, cfg.Topics.Checkpoints: 1} {
		parts, err := conn.ReadPartitions(topic)
		if err != nil {
			t.Fatalf("%s: %v", topic, err)
		}
		if len(parts) != want {
			t.Errorf("%s has %d partitions, want %d", topic, len(parts), want)
		}
	}
}

// TestConsumerCommitsOnlyAfterHandlerSucceeds fails the handler once per
// batch and checks that every message is still delivered and that a second
// member of the group, started afterwards, gets nothing more.
func TestConsumerCommitsOnlyAfterHandlerSucceeds(t *testing.T) {
	cfg := startBroker(t)
	w := stream.NewWriter(cfg, cfg.Topics.Raw)
	defer w.Close()
	const n = 3000
	if err := w.Write(context.Background(), mentions(n, "a")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	seen := map[string]int{}
	var failures atomic.Int64
	failNext := true
	c := stream.NewConsumer(cfg, "test", cfg.Topics.Raw, stream.WithBatch(500, 20*time.Millisecond))
	err := c.Run(ctx, func(ctx context.Context, msgs []kafka.Message) error {
		if failNext {
			failNext = false
			failures.Add(1)
			return fmt.Errorf("output not durable")
		}
		failNext = true
		for _, m := range msgs {
			seen[string(m.Key)]++
		}
		if len(seen) == n {
			cancel()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != n {
		t.Fatalf("delivered %d distinct messages, want %d", len(seen), n)
	}
	if failures.Load() == 0 {
		t.Fatal("the handler never failed; the test proves nothing")
	}
	// Everything was committed: a new member gets nothing within 3 s.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 12*time.Second)
	defer cancel2()
	got := 0
	c2 := stream.NewConsumer(cfg, "test", cfg.Topics.Raw, stream.WithBatch(500, 20*time.Millisecond))
	go func() { time.Sleep(3 * time.Second); cancel2() }()
	_ = c2.Run(ctx2, func(ctx context.Context, msgs []kafka.Message) error { got += len(msgs); return nil })
	if got != 0 {
		t.Fatalf("a restarted member re-read %d committed messages", got)
	}
}

func BenchmarkWriterChunks(b *testing.B) {
	cfg := startBroker(b)
	w := stream.NewWriter(cfg, cfg.Topics.Raw)
	defer w.Close()
	ms := mentions(2000, "b")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := w.Write(context.Background(), ms); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(ms))/b.Elapsed().Seconds(), "msgs/s")
}
