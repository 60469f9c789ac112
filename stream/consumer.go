package stream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/dengar-id/dengar/backoff"
	"github.com/dengar-id/dengar/clock"
	"github.com/segmentio/kafka-go"
)

// Handler processes one batch of messages. It must make its output durable
// before returning nil: the consumer commits the batch's offsets right after.
// A non-nil error means "nothing was made durable"; the same batch is
// offered again after a backoff.
type Handler func(ctx context.Context, msgs []kafka.Message) error

// Consumer reads one topic as a member of a consumer group and hands
// batches to a Handler, committing offsets only after the handler succeeded
// (at-least-once delivery).
type Consumer struct {
	r         *kafka.Reader
	topic     string
	group     string
	batchSize int
	maxWait   time.Duration
	log       *slog.Logger
}

// ConsumerOption configures NewConsumer.
type ConsumerOption func(*Consumer)

// WithBatch bounds batches by count and by how long the consumer waits to
// fill one once the first message has arrived.
func WithBatch(size int, maxWait time.Duration) ConsumerOption {
	return func(c *Consumer) {
		if size > 0 {
			c.batchSize = size
		}
		if maxWait > 0 {
			c.maxWait = maxWait
		}
	}
}

// NewConsumer joins group cfg.Group+"-"+role on topic.
func NewConsumer(cfg Config, role, topic string, opts ...ConsumerOption) *Consumer {
	cfg.Defaults()
	group := cfg.Group + "-" + role
	c := &Consumer{
		topic:     topic,
		group:     group,
		batchSize: 5000,
		maxWait:   200 * time.Millisecond,
		log:       slog.With("group", group, "topic", topic),
	}
	for _, o := range opts {
		o(c)
	}
	c.r = kafka.NewReader(kafka.ReaderConfig{
		Brokers:     cfg.Brokers,
		GroupID:     group,
		GroupTopics: []string{topic},
		MinBytes:    1,
		MaxBytes:    16 << 20,
		// kafka-go subtracts a 1 s round-trip allowance from MaxWait before
		// asking the broker to wait; below ~1 s fetches at the end of a
		// partition time out and reconnect. 1.5 s lets the broker hold an
		// empty fetch for 0.5 s; data is returned as soon as it arrives.
		MaxWait:        1500 * time.Millisecond,
		QueueCapacity:  max(1000, c.batchSize),
		StartOffset:    kafka.FirstOffset,
		CommitInterval: 0, // synchronous commits, after the output is durable
		// A restarted member rejoins fast; a dead one is evicted in 10 s.
		SessionTimeout:    10 * time.Second,
		HeartbeatInterval: time.Second,
		RebalanceTimeout:  10 * time.Second,
		JoinGroupBackoff:  500 * time.Millisecond,
		ReadBackoffMin:    10 * time.Millisecond,
		ReadBackoffMax:    200 * time.Millisecond,
		Logger: kafka.LoggerFunc(func(msg string, args ...any) {
			slog.Debug(fmt.Sprintf(msg, args...), "group", group)
		}),
		ErrorLogger: kafka.LoggerFunc(func(msg string, args ...any) {
			slog.Warn(fmt.Sprintf(msg, args...), "group", group)
		}),
	})
	return c
}

// Run consumes until ctx is done. Batches that were fetched but not
// committed when ctx ends are redelivered to the next member.
func (c *Consumer) Run(ctx context.Context, h Handler) error {
	defer c.r.Close()
	batch := make([]kafka.Message, 0, c.batchSize)
	for {
		batch = batch[:0]
		m, err := c.r.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("consume %s: %w", c.topic, err)
		}
		batch = append(batch, m)
		fillCtx, cancel := context.WithTimeout(ctx, c.maxWait)
		for len(batch) < c.batchSize {
			m, err := c.r.FetchMessage(fillCtx)
			if err != nil {
				break
			}
			batch = append(batch, m)
		}
		cancel()
		if ctx.Err() != nil {
			return nil
		}
		start := clock.Now()
		if err := c.handle(ctx, h, batch); err != nil {
			return nil // ctx ended while retrying
		}
		// The output is durable now: commit even if shutdown has begun, so
		// that a graceful stop does not cause redelivery.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		err = c.commit(cctx, batch)
		cancel()
		if err != nil {
			c.log.Warn("offsets not committed; the batch will be redelivered", "messages", len(batch), "err", err)
			return nil
		}
		metricBatchSeconds.WithLabelValues(c.group).Observe(clock.Since(start).Seconds())
		metricConsumed.WithLabelValues(c.topic, c.group).Add(float64(len(batch)))
		metricLag.WithLabelValues(c.topic, c.group).Set(float64(c.r.Lag()))
	}
}

// handle runs h until it succeeds or ctx ends, backing off between tries.
func (c *Consumer) handle(ctx context.Context, h Handler, batch []kafka.Message) error {
	for attempt := 0; ; attempt++ {
		err := h(ctx, batch)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		d := backoff.Policy{Base: 100 * time.Millisecond, Max: 30 * time.Second}.Delay(attempt)
		c.log.Warn("batch failed; will retry", "messages", len(batch), "attempt", attempt+1, "retry_in", d, "err", err)
		if err := sleepCtx(ctx, d); err != nil {
			return err
		}
	}
}

// commit commits the batch, retrying transient failures. A batch whose
// commit never succeeds is redelivered later, which dedup by id absorbs.
func (c *Consumer) commit(ctx context.Context, batch []kafka.Message) error {
	for attempt := 0; ; attempt++ {
		err := c.r.CommitMessages(ctx, batch...)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil || errors.Is(err, context.Canceled) {
			return ctx.Err()
		}
		d := backoff.Policy{Base: 100 * time.Millisecond, Max: 5 * time.Second}.Delay(attempt)
		c.log.Warn("commit failed; will retry", "attempt", attempt+1, "err", err)
		if err := sleepCtx(ctx, d); err != nil {
			return err
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
