package stream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/backoff"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/health"
)

// Handler processes one batch of messages. It must make its output durable
// before returning nil: the consumer commits the batch's offsets right after.
// A non-nil error means "nothing was made durable". An error marked with
// Unavailable (or a network error, or one seen while a probe fails) is an
// outage: the batch is offered again with backoff for as long as it lasts.
// Any other error is the batch's own: after Config.MaxAttempts tries the
// batch is split and retried in halves, and a message that still fails on
// its own goes to the dead-letter topic with the error as its reason.
type Handler func(ctx context.Context, msgs []kafka.Message) error

// Consumer reads one topic as a member of a consumer group and hands
// batches to a Handler, committing offsets only after the handler succeeded
// (at-least-once delivery). It rides out broker and output outages with
// backoff, reporting them in its readiness checks (package health) rather
// than returning: Run ends only when its context does.
type Consumer struct {
	cfg       Config
	r         *kafka.Reader
	role      string
	topic     string
	group     string
	batchSize int
	maxWait   time.Duration
	log       *slog.Logger
	health    *health.Registry
	output    string
	probe     func(context.Context) error
	prepare   Preparer
	idleMin   int           // WithIdleFlush
	idleAfter time.Duration // WithIdleFlush; 0: off
	lastBatch int           // messages of the batch fetched before
	lagPoller *lagPoller
	now       func() time.Time

	mu         sync.Mutex
	brokerErr  error // the last fetch, commit or poll outcome
	probeErr   error // the output probe's last outcome
	stuckErr   error // set while a batch waits out an outage or keeps failing
	lag        int64 // -1: unknown
	lastCommit time.Time
	started    time.Time
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

// WithOutput names the handler's output in readiness ("clickhouse" for the
// sink; default "output") and sets probe, which says whether it is
// reachable: it runs every readiness poll, and after a handler error, to
// tell an outage (probe fails: retry without end) from a batch's own
// failure (probe passes: bounded retries, then dead letters).
func WithOutput(name string, probe func(context.Context) error) ConsumerOption {
	return func(c *Consumer) { c.output, c.probe = name, probe }
}

// WithIdleFlush ends a batch before its maxWait once it holds at least
// minMessages and none has arrived for idle: the topic is drained, and
// waiting out the rest of maxWait would only hold back the messages
// already fetched (at the end of a burst, a sink's last rows waited a
// whole flush interval). A smaller batch waits as before, so that a
// trickle still makes one output write per maxWait, not one per message,
// unless the batch before it held minMessages or more: then it is a burst's
// tail, and goes once quiet too (at most one small early batch a burst).
func WithIdleFlush(minMessages int, idle time.Duration) ConsumerOption {
	return func(c *Consumer) { c.idleMin, c.idleAfter = max(minMessages, 1), idle }
}

// Preparer is the CPU half of a handler that can run ahead of delivery:
// it computes a batch's output without side effects on the output, and
// returns deliver, which writes it. See WithPrepare.
type Preparer func(ctx context.Context, msgs []kafka.Message) (deliver func(context.Context) error, err error)

// WithPrepare lets the consumer prepare batch n+1 (decode, tag, encode)
// while batch n is delivered and committed, so that the cores do not
// idle through the output's round trips. Batches are still delivered and
// committed one at a time and in order, each after the one before it is
// durable: a crash redelivers the uncommitted batches as before. A batch
// whose prepare or deliver fails takes the ordinary path of the handler
// given to Run (retries, outage waits, split, dead letters).
func WithPrepare(p Preparer) ConsumerOption {
	return func(c *Consumer) { c.prepare = p }
}

// WithHealth registers the consumer's checks in reg (default health.Default).
func WithHealth(reg *health.Registry) ConsumerOption {
	return func(c *Consumer) { c.health = reg }
}

// NewConsumer joins group cfg.Group+"-"+role on topic. Its readiness
// checks are role/broker, role/<output>, role/lag and role/progress.
func NewConsumer(cfg Config, role, topic string, opts ...ConsumerOption) *Consumer {
	cfg.Defaults()
	group := cfg.Group + "-" + role
	c := &Consumer{
		cfg:       cfg,
		role:      role,
		topic:     topic,
		group:     group,
		batchSize: 5000,
		maxWait:   200 * time.Millisecond,
		log:       slog.With("role", role, "group", group, "topic", topic),
		health:    health.Default,
		output:    "output",
		lag:       -1,
		now:       clock.Now,
	}
	for _, o := range opts {
		o(c)
	}
	c.lagPoller = newLagPoller(cfg, group, topic)
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
		MaxWait: 1500 * time.Millisecond,
		// Prefetch at most 10000 messages: a sink batch of 50000 fills
		// from it as fast, without holding a second batch in memory.
		QueueCapacity:  min(max(1000, c.batchSize), 10000),
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
			slog.Debug("kafka reader: "+fmt.Sprintf(msg, args...), "group", group)
		}),
	})
	c.registerChecks()
	return c
}

// registerChecks publishes the consumer's state as readiness checks.
func (c *Consumer) registerChecks() {
	c.health.Func(c.role, "broker", func() error {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.started.IsZero() {
			return errors.New("starting")
		}
		return c.brokerErr
	})
	c.health.Func(c.role, c.output, func() error {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.stuckErr != nil {
			return c.stuckErr
		}
		return c.probeErr
	})
	c.health.Func(c.role, "lag", func() error {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.lag > c.cfg.Readiness.MaxLag {
			return fmt.Errorf("%d messages behind on %s, more than %d", c.lag, c.topic, c.cfg.Readiness.MaxLag)
		}
		return nil
	})
	c.health.Func(c.role, "progress", func() error {
		c.mu.Lock()
		defer c.mu.Unlock()
		last := c.lastCommit
		if last.IsZero() {
			last = c.started
		}
		if c.lag > 0 && !last.IsZero() && c.now().Sub(last) > c.cfg.Readiness.MaxStall {
			return fmt.Errorf("no batch committed for %s with %d messages waiting", c.now().Sub(last).Round(time.Second), c.lag)
		}
		return nil
	})
}

func (c *Consumer) setBroker(err error) {
	c.mu.Lock()
	c.brokerErr = err
	c.mu.Unlock()
}

// setStuck records why the current batch is held (nil: it went through);
// outage says whether the output is down rather than the batch at fault.
func (c *Consumer) setStuck(err error, outage bool) {
	c.mu.Lock()
	c.stuckErr = err
	c.mu.Unlock()
	metricOutage.WithLabelValues(c.group).Set(b2f(outage))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Run consumes until ctx is done; it returns nil then, and an error only
// when the consumer cannot work at all. Broker outages, failed commits and
// output outages are waited out. Batches that were fetched but not
// committed when ctx ends are redelivered to the next member.
func (c *Consumer) Run(ctx context.Context, h Handler) error {
	defer c.r.Close()
	dlqw := NewWriter(c.cfg, c.cfg.Topics.DLQ)
	defer dlqw.Close()
	dlq := NewDeadLetters(dlqw, c.role)
	c.mu.Lock()
	c.started = c.now()
	c.mu.Unlock()
	mctx, stopMonitor := context.WithCancel(ctx)
	defer stopMonitor()
	go c.monitor(mctx)

	batch := make([]kafka.Message, 0, c.batchSize)
	fetchFails := 0
	var ahead *prepared // with WithPrepare: prepared, not yet delivered
	for {
		if c.prepare != nil {
			batch = make([]kafka.Message, 0, c.batchSize) // ahead holds the last one
		}
		batch = batch[:0]
		var m kafka.Message
		var err error
		if ahead != nil {
			// A prepared batch waits: deliver it rather than block on a
			// quiet topic.
			wctx, cancel := context.WithTimeout(ctx, c.maxWait)
			m, err = c.r.FetchMessage(wctx)
			cancel()
			if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
				if c.finish(ctx, h, dlq, ahead) != nil {
					return nil
				}
				ahead = nil
				continue
			}
		} else {
			m, err = c.r.FetchMessage(ctx)
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			// kafka-go's reader heals itself (it rejoins the group when
			// the broker is back); FetchMessage only reports that it
			// has not yet. Wait and ask again.
			c.setBroker(fmt.Errorf("fetch: %w", err))
			metricBrokerErrors.WithLabelValues(c.group, "fetch").Inc()
			d := backoff.Policy{Base: 200 * time.Millisecond, Max: 5 * time.Second}.Delay(fetchFails)
			if fetchFails == 0 || fetchFails%10 == 0 {
				c.log.Warn("broker unreachable; waiting for it", "attempt", fetchFails+1, "retry_in", d, "err", err)
			}
			fetchFails++
			if sleepCtx(ctx, d) != nil {
				return nil
			}
			continue
		}
		if fetchFails > 0 {
			c.log.Info("broker reachable again", "after_attempts", fetchFails)
			fetchFails = 0
			c.setBroker(nil)
		}
		batch = append(batch, m)
		fillCtx, cancel := context.WithTimeout(ctx, c.maxWait)
		idle := c.watchIdle(cancel)
		for len(batch) < c.batchSize {
			m, err := c.r.FetchMessage(fillCtx)
			if err != nil {
				break
			}
			batch = append(batch, m)
			idle.arrived(len(batch))
		}
		idle.stop()
		cancel()
		c.lastBatch = len(batch)
		if ctx.Err() != nil {
			return nil
		}
		if c.prepare != nil {
			next := c.startPrepare(ctx, batch)
			if ahead != nil && c.finish(ctx, h, dlq, ahead) != nil {
				return nil
			}
			ahead = next
			continue
		}
		start := clock.Now()
		if err := c.process(ctx, h, dlq, batch, 0); err != nil {
			return nil // ctx ended while retrying
		}
		// The output is durable now: commit even if shutdown has begun, so
		// that a graceful stop does not cause redelivery.
		if err := c.commit(ctx, batch); err != nil {
			c.log.Warn("offsets not committed at shutdown; the batch will be redelivered", "messages", len(batch), "err", err)
			return nil
		}
		metricBatchSeconds.WithLabelValues(c.group).Observe(clock.Since(start).Seconds())
		metricConsumed.WithLabelValues(c.topic, c.group).Add(float64(len(batch)))
	}
}

// idleWatch ends a batch's fill (see WithIdleFlush): a timer, re-armed
// by every message, cancels the fill when it fires with enough messages
// in the batch. A nil watch does nothing.
type idleWatch struct {
	timer *time.Timer
	after time.Duration
	n     atomic.Int64
}

func (c *Consumer) watchIdle(cancel context.CancelFunc) *idleWatch {
	if c.idleAfter <= 0 {
		return nil
	}
	w := &idleWatch{after: c.idleAfter}
	w.n.Store(1)
	need := int64(c.idleMin)
	if c.lastBatch >= c.idleMin {
		need = 1 // a burst's tail
	}
	w.timer = time.AfterFunc(c.idleAfter, func() {
		if w.n.Load() >= need {
			cancel()
		}
	})
	return w
}

// arrived records that the batch holds n messages, the last just now.
func (w *idleWatch) arrived(n int) {
	if w != nil {
		w.n.Store(int64(n))
		w.timer.Reset(w.after)
	}
}

func (w *idleWatch) stop() {
	if w != nil {
		w.timer.Stop()
	}
}

// prepared is a batch whose Preparer runs or ran ahead of delivery.
type prepared struct {
	batch   []kafka.Message
	start   time.Time
	done    chan struct{}
	deliver func(context.Context) error
	err     error
}

// startPrepare runs the Preparer over batch in the background.
func (c *Consumer) startPrepare(ctx context.Context, batch []kafka.Message) *prepared {
	p := &prepared{batch: batch, start: clock.Now(), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		defer func() {
			if r := recover(); r != nil {
				// The ordinary path runs the batch again and finds the
				// message at fault.
				p.err = fmt.Errorf("panic: %v", r)
			}
		}()
		p.deliver, p.err = c.prepare(ctx, p.batch)
	}()
	return p
}

// finish delivers and commits a prepared batch; a batch whose prepare or
// deliver failed goes through process with h. It returns an error only
// when ctx ended (the batch is then redelivered later).
func (c *Consumer) finish(ctx context.Context, h Handler, dlq *DeadLetters, p *prepared) error {
	<-p.done
	err := p.err
	if err == nil {
		err = c.call(ctx, func(ctx context.Context, _ []kafka.Message) error { return p.deliver(ctx) }, p.batch)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := c.process(ctx, h, dlq, p.batch, 0); err != nil {
			return err
		}
	} else {
		c.setStuck(nil, false)
	}
	if err := c.commit(ctx, p.batch); err != nil {
		c.log.Warn("offsets not committed at shutdown; the batch will be redelivered", "messages", len(p.batch), "err", err)
		return err
	}
	metricBatchSeconds.WithLabelValues(c.group).Observe(clock.Since(p.start).Seconds())
	metricConsumed.WithLabelValues(c.topic, c.group).Add(float64(len(p.batch)))
	return nil
}

// process runs h on batch until it succeeds, the batch's messages that
// fail on their own are dead-lettered, or ctx ends (the only error).
// depth counts the halvings so far. A fetched batch and a single message
// get Config.MaxAttempts tries; the halves in between one each, so that
// finding one bad message in a batch of n takes about log2(n) calls.
func (c *Consumer) process(ctx context.Context, h Handler, dlq *DeadLetters, batch []kafka.Message, depth int) error {
	maxAttempts := c.cfg.MaxAttempts
	if depth > 0 && len(batch) > 1 {
		maxAttempts = 1
	}
	outages := 0
	for attempt := 0; ; {
		err := c.call(ctx, h, batch)
		if err == nil {
			if outages > 0 {
				c.log.Info("output reachable again; batch written", "messages", len(batch), "outage_retries", outages)
			}
			c.setStuck(nil, false)
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if reason := c.outage(ctx, err); reason != nil {
			// The output (or the broker) is down: no attempt is spent, the
			// batch waits for as long as the outage lasts.
			c.setStuck(reason, true)
			metricRetries.WithLabelValues(c.group, "outage").Inc()
			d := backoff.Policy{Base: 200 * time.Millisecond, Max: 5 * time.Second}.Delay(outages)
			if outages == 0 || outages%10 == 0 {
				c.log.Warn("output unavailable; batch kept and retried", "messages", len(batch), "retries", outages+1, "retry_in", d, "err", reason)
			}
			outages++
			if err := sleepCtx(ctx, d); err != nil {
				return err
			}
			continue
		}
		attempt++
		c.setStuck(fmt.Errorf("a batch of %d fails on its own (attempt %d of %d): %w", len(batch), attempt, maxAttempts, err), false)
		metricRetries.WithLabelValues(c.group, "batch").Inc()
		if attempt < maxAttempts {
			d := backoff.Policy{Base: 100 * time.Millisecond, Max: 2 * time.Second}.Delay(attempt - 1)
			c.log.Warn("batch failed; will retry", "messages", len(batch), "attempt", attempt, "of", maxAttempts, "retry_in", d, "err", err)
			if err := sleepCtx(ctx, d); err != nil {
				return err
			}
			continue
		}
		if len(batch) == 1 {
			if err := c.deadLetter(ctx, dlq, batch[0], fmt.Errorf("%s failed %d times: %w", c.role, attempt, err)); err != nil {
				return err
			}
			c.setStuck(nil, false)
			return nil
		}
		// The batch fails on its own while its output is up: find the
		// messages that fail by halving it. The good ones are written
		// (again: the output dedups by id), the bad ones dead-lettered.
		c.log.Warn("batch keeps failing with the output up; splitting it to find the messages at fault",
			"messages", len(batch), "depth", depth, "err", err)
		half := len(batch) / 2
		if err := c.process(ctx, h, dlq, batch[:half], depth+1); err != nil {
			return err
		}
		return c.process(ctx, h, dlq, batch[half:], depth+1)
	}
}

// call runs h, turning a panic into the batch's error (a message that
// crashes a tagger is dead-lettered like any other, not the process).
func (c *Consumer) call(ctx context.Context, h Handler, batch []kafka.Message) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if len(batch) == 1 { // the message at fault: its stack once
				c.log.Error("handler panicked", "key", string(batch[0].Key), "panic", p, "stack", string(debug.Stack()))
			}
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return h(ctx, batch)
}

// outage returns why err is an outage of the broker or the output, or nil
// when it is the batch's own failure.
func (c *Consumer) outage(ctx context.Context, err error) error {
	if IsUnavailable(err) {
		return err
	}
	if perr := c.lagPoller.ping(ctx); perr != nil {
		c.setBroker(perr)
		return fmt.Errorf("broker: %w", perr)
	}
	if c.probe != nil {
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		perr := c.probe(pctx)
		cancel()
		if perr != nil {
			c.mu.Lock()
			c.probeErr = perr
			c.mu.Unlock()
			return fmt.Errorf("%s: %w", c.output, perr)
		}
	}
	return nil
}

// deadLetter sends m with reason to the dead-letter topic, waiting out a
// broker outage (the message is not committed before it is there).
func (c *Consumer) deadLetter(ctx context.Context, dlq *DeadLetters, m kafka.Message, reason error) error {
	c.log.Error("message dead-lettered after repeated failures", "partition", m.Partition, "offset", m.Offset, "key", string(m.Key), "err", reason)
	for attempt := 0; ; attempt++ {
		err := dlq.Send(ctx, []kafka.Message{m}, []error{reason})
		if err == nil {
			metricRetries.WithLabelValues(c.group, "dead_lettered").Inc()
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.setBroker(fmt.Errorf("dead-letter: %w", err))
		d := backoff.Policy{Base: 200 * time.Millisecond, Max: 5 * time.Second}.Delay(attempt)
		c.log.Warn("dead-letter write failed; will retry", "attempt", attempt+1, "retry_in", d, "err", err)
		if err := sleepCtx(ctx, d); err != nil {
			return err
		}
	}
}

// commit commits the batch, retrying with backoff while the broker is
// away (readiness shows it). When ctx ends first it makes one last
// attempt; a batch never committed is redelivered later, which dedup by
// id absorbs.
func (c *Consumer) commit(ctx context.Context, batch []kafka.Message) error {
	for attempt := 0; ; attempt++ {
		actx := ctx
		if ctx.Err() != nil {
			actx = context.WithoutCancel(ctx)
		}
		cctx, cancel := context.WithTimeout(actx, 10*time.Second)
		err := c.r.CommitMessages(cctx, batch...)
		cancel()
		if err == nil {
			c.mu.Lock()
			c.lastCommit = c.now()
			c.brokerErr = nil
			c.mu.Unlock()
			return nil
		}
		if ctx.Err() != nil {
			return err
		}
		c.setBroker(fmt.Errorf("commit: %w", err))
		metricBrokerErrors.WithLabelValues(c.group, "commit").Inc()
		d := backoff.Policy{Base: 200 * time.Millisecond, Max: 5 * time.Second}.Delay(attempt)
		if attempt == 0 || attempt%10 == 0 {
			c.log.Warn("commit failed; will retry", "attempt", attempt+1, "retry_in", d, "err", err)
		}
		if sleepCtx(ctx, d) != nil {
			// Shutting down: the loop makes its last attempt.
			continue
		}
	}
}

// monitor polls the group's lag and the output probe for readiness and
// the lag gauge, every Readiness.PollInterval, until ctx ends.
func (c *Consumer) monitor(ctx context.Context) {
	t := time.NewTicker(c.cfg.Readiness.PollInterval)
	defer t.Stop()
	for {
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		lag, err := c.lagPoller.poll(pctx)
		var perr error
		if c.probe != nil {
			perr = c.probe(pctx)
		}
		cancel()
		if ctx.Err() != nil {
			return
		}
		c.mu.Lock()
		c.probeErr = perr
		if err != nil {
			c.brokerErr = fmt.Errorf("poll: %w", err)
		} else {
			c.lag = lag
			c.brokerErr = nil
		}
		c.mu.Unlock()
		if err == nil {
			metricLag.WithLabelValues(c.topic, c.group).Set(float64(lag))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
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
