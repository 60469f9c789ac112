// Package ingesttest holds helpers for the collectors' tests: an embedded
// Kafka-protocol broker with the pipeline topics, a topic reader over
// kafka-go, a capturing emitter and fast test dependencies.
package ingesttest

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stream"
)

// Broker starts an embedded broker, creates the pipeline topics and
// returns the Kafka configuration pointing at it.
func Broker(t testing.TB) stream.Config {
	t.Helper()
	b, err := stream.StartBroker()
	if err != nil {
		t.Fatalf("start broker: %v", err)
	}
	t.Cleanup(b.Close)
	cfg := stream.Config{Brokers: b.Addrs(), Partitions: 3}
	cfg.Defaults()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := stream.EnsureTopics(ctx, cfg); err != nil {
		t.Fatalf("ensure topics: %v", err)
	}
	return cfg
}

// ReadAll reads every message currently in topic (all partitions) and
// decodes it as a mention with mention.Decode; a message that does not
// decode fails the test.
func ReadAll(t testing.TB, cfg stream.Config, topic string) []mention.Mention {
	t.Helper()
	var out []mention.Mention
	for _, r := range ReadMessages(t, cfg, topic) {
		m, err := mention.Decode(r.Value)
		if err != nil {
			t.Fatalf("message at %s/%d@%d is not a valid mention: %v", topic, r.Partition, r.Offset, err)
		}
		out = append(out, m)
	}
	return out
}

// ReadMessages reads every message currently in topic (all partitions),
// with its headers.
func ReadMessages(t testing.TB, cfg stream.Config, topic string) []kafka.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	client := &kafka.Client{Addr: kafka.TCP(cfg.Brokers...), Timeout: 10 * time.Second}
	meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		t.Fatalf("metadata: %v", err)
	}
	var out []kafka.Message
	for _, tp := range meta.Topics {
		for _, p := range tp.Partitions {
			offs, err := client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: {kafka.LastOffsetOf(p.ID)}}})
			if err != nil {
				t.Fatalf("offsets: %v", err)
			}
			end := offs.Topics[topic][0].LastOffset
			for off := int64(0); off < end; {
				resp, err := client.Fetch(ctx, &kafka.FetchRequest{Topic: topic, Partition: p.ID, Offset: off, MinBytes: 1, MaxBytes: 8 << 20, MaxWait: 100 * time.Millisecond})
				if err != nil {
					t.Fatalf("fetch: %v", err)
				}
				if resp.Error != nil {
					t.Fatalf("fetch: %v", resp.Error)
				}
				n := 0
				for {
					r, err := resp.Records.ReadRecord()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						t.Fatalf("read record: %v", err)
					}
					if r.Offset < off {
						continue
					}
					m := kafka.Message{Topic: topic, Partition: p.ID, Offset: r.Offset}
					m.Value, _ = io.ReadAll(r.Value)
					for _, h := range r.Headers {
						m.Headers = append(m.Headers, kafka.Header{Key: h.Key, Value: h.Value})
					}
					out = append(out, m)
					off = r.Offset + 1
					n++
				}
				if n == 0 {
					break
				}
			}
		}
	}
	return out
}

// Capture is an Emitter that keeps what it receives; Fail makes the next
// Emit calls fail.
type Capture struct {
	mu   sync.Mutex
	Got  []mention.Mention
	Fail error
}

// Emit implements ingest.Emitter.
func (c *Capture) Emit(_ context.Context, ms []mention.Mention) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Fail != nil {
		return c.Fail
	}
	c.Got = append(c.Got, ms...)
	return nil
}

// All returns a copy of what was emitted.
func (c *Capture) All() []mention.Mention {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]mention.Mention(nil), c.Got...)
}

// IDs returns the ids emitted, in order.
func (c *Capture) IDs() []string {
	var ids []string
	for _, m := range c.All() {
		ids = append(ids, m.ID)
	}
	return ids
}

// Deps returns fast test dependencies, complete enough to call a kind's
// constructor directly: millisecond backoff, env from the map.
func Deps(env map[string]string) ingest.Deps {
	b := fetch.Backoff{Attempts: 3, Base: time.Millisecond, Max: 50 * time.Millisecond}
	return ingest.Deps{
		Getenv:     func(k string) string { return env[k] },
		Backoff:    &b,
		HTTPClient: &http.Client{},
		Logger:     slog.Default(),
		Now:        clock.Now,
		Probe:      ingest.NopProbe(),
	}
}

// Pass runs one pass of src through a runner (no watch filter, no story
// ids) that keeps the cursor in cp (nil: a fresh in-memory store) and
// emits to emit: the path every collector's pass takes. It returns the
// pass's error.
func Pass(src ingest.Source, cp ingest.Checkpoints, emit ingest.Emitter) error {
	if cp == nil {
		cp = ingest.NewMemoryCheckpoints()
	}
	off := false
	r := ingest.NewRunner(emit, ingest.WithCheckpoints(cp))
	r.Add(src, ingest.SourceConfig{Name: "test", Filter: &off, StoryIDs: &off})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	reps, err := r.RunOnce(ctx, "test")
	if err != nil {
		return err
	}
	if !reps[0].OK() {
		return reps[0].Err
	}
	return nil
}

// Source builds a SourceConfig from common fields and a YAML block of
// kind-specific options.
func Source(t testing.TB, name, kind, options string) ingest.SourceConfig {
	t.Helper()
	sc := ingest.SourceConfig{Name: name, Kind: kind, Enabled: true, Timeout: 5 * time.Second}
	sc, err := sc.WithOptions(options)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// CollectOnce runs one pass of sc through ingest.Collect (the code path of
// `dengar collect --once --source NAME`) into the broker at kcfg, with
// fast test dependencies, env as the environment and now as the clock of
// the collector and the runner: a test whose fake API serves fixed dates
// passes its own fixed clock, so it does not depend on the day it runs.
func CollectOnce(t testing.TB, kcfg stream.Config, sc ingest.SourceConfig, env map[string]string, now func() time.Time) ([]ingest.PassReport, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	deps := Deps(env)
	deps.Now = now
	return ingest.Collect(ctx, ingest.CollectOptions{
		Kafka:   kcfg,
		Sources: ingest.Config{Collectors: []ingest.SourceConfig{sc}},
		Source:  sc.Name,
		Once:    true,
		Deps:    deps,
	})
}
