package stream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/backoff"
	"github.com/dengar-id/dengar/health"
)

// EnsureTopics creates the pipeline's topics that are missing, with the
// configured partition count and replication factor. Existing topics are
// left alone. The checkpoints topic is log-compacted: only the latest cursor
// per collector matters.
func EnsureTopics(ctx context.Context, cfg Config) error {
	cfg.Defaults()
	if len(cfg.Brokers) == 0 {
		return errors.New("ensure topics: no brokers configured")
	}
	client := &kafka.Client{Addr: kafka.TCP(cfg.Brokers...), Timeout: 10 * time.Second}
	meta, err := client.Metadata(ctx, &kafka.MetadataRequest{})
	if err != nil {
		return fmt.Errorf("ensure topics: metadata from %v: %w", cfg.Brokers, err)
	}
	have := map[string]bool{}
	for _, t := range meta.Topics {
		if t.Error == nil {
			have[t.Name] = true
		}
	}
	var want []kafka.TopicConfig
	for _, name := range []string{cfg.Topics.Raw, cfg.Topics.Tagged, cfg.Topics.DLQ} {
		if !have[name] {
			want = append(want, kafka.TopicConfig{Topic: name, NumPartitions: cfg.Partitions, ReplicationFactor: cfg.ReplicationFactor})
		}
	}
	if !have[cfg.Topics.Checkpoints] {
		want = append(want, kafka.TopicConfig{
			Topic: cfg.Topics.Checkpoints, NumPartitions: 1, ReplicationFactor: cfg.ReplicationFactor,
			ConfigEntries: []kafka.ConfigEntry{{ConfigName: "cleanup.policy", ConfigValue: "compact"}},
		})
	}
	if len(want) == 0 {
		return nil
	}
	resp, err := client.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: want})
	if err != nil {
		return fmt.Errorf("ensure topics: create: %w", err)
	}
	for name, terr := range resp.Errors {
		if terr != nil && !errors.Is(terr, kafka.TopicAlreadyExists) {
			return fmt.Errorf("ensure topics: create %s: %w", name, terr)
		}
	}
	return nil
}

// WaitTopics is EnsureTopics for a long-running role: while the broker is
// unreachable it waits and tries again with backoff, reporting the check
// role/broker not ready (package health), until ctx ends. Other errors
// return at once.
func WaitTopics(ctx context.Context, cfg Config, role string) error {
	chk := health.Default.Check(role, "broker")
	err := backoff.Until(ctx, backoff.Policy{Base: 200 * time.Millisecond, Max: 5 * time.Second}, func(ctx context.Context) error {
		actx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		return EnsureTopics(actx, cfg)
	}, IsUnavailable, func(attempt int, err error, wait time.Duration) {
		chk.Set(err)
		if attempt%10 == 0 {
			slog.Warn("broker unreachable; waiting for it", "role", role, "brokers", cfg.Brokers, "retry_in", wait, "err", err)
		}
	})
	if err == nil {
		chk.OK()
	}
	return err
}
