package stream

import (
	"context"
	"errors"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

// Headers set on every dead-lettered message.
const (
	HeaderError     = "dengar-error"
	HeaderStage     = "dengar-stage"
	HeaderTopic     = "dengar-source-topic"
	HeaderPartition = "dengar-source-partition"
	HeaderOffset    = "dengar-source-offset"
	HeaderTime      = "dengar-dead-lettered-at"
)

// DeadLetters sends messages that a stage cannot process to the dead-letter
// topic, unchanged, with the reason and origin in headers.
type DeadLetters struct {
	w     *Writer
	stage string

	mu     sync.Mutex
	recent map[string]struct{} // consumed messages already dead-lettered
	order  []string            // recent's keys, oldest first
}

// recentMax bounds the memory of DecodeBatch's already-sent messages.
const recentMax = 4096

// NewDeadLetters returns a dead-letter sender for stage.
func NewDeadLetters(w *Writer, stage string) *DeadLetters {
	return &DeadLetters{w: w, stage: stage}
}

// Send dead-letters msgs[i] with reasons[i]. It returns once Kafka acked.
func (d *DeadLetters) Send(ctx context.Context, msgs []kafka.Message, reasons []error) error {
	if len(msgs) == 0 {
		return nil
	}
	now := clock.Now().UTC().Format(time.RFC3339)
	out := make([]kafka.Message, len(msgs))
	for i, m := range msgs {
		reason := reasons[i].Error()
		if len(reason) > 1024 {
			reason = reason[:1024]
		}
		out[i] = kafka.Message{
			Key:   m.Key,
			Value: m.Value,
			Headers: []kafka.Header{
				{Key: HeaderError, Value: []byte(reason)},
				{Key: HeaderStage, Value: []byte(d.stage)},
				{Key: HeaderTopic, Value: []byte(m.Topic)},
				{Key: HeaderPartition, Value: []byte(strconv.Itoa(m.Partition))},
				{Key: HeaderOffset, Value: []byte(strconv.FormatInt(m.Offset, 10))},
				{Key: HeaderTime, Value: []byte(now)},
			},
		}
	}
	if err := d.w.WriteMessages(ctx, out...); err != nil {
		return err
	}
	metricDeadLettered.WithLabelValues(d.stage).Add(float64(len(msgs)))
	return nil
}

// DecodeBatch decodes a consumed batch. Messages that are not valid
// mentions go to the dead-letter topic with the reason; the rest are
// returned, in order. An error means the dead-letter write itself failed,
// so the batch must not be committed. Large batches are decoded on every
// core.
func DecodeBatch(ctx context.Context, msgs []kafka.Message, dlq *DeadLetters) ([]mention.Mention, error) {
	decoded := make([]mention.Mention, len(msgs))
	errs := make([]error, len(msgs))
	decode := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			m := msgs[i]
			mm, err := mention.Decode(m.Value)
			if err == nil && len(m.Key) > 0 && string(m.Key) != mm.ID {
				err = errors.New("message key " + strconv.Quote(string(m.Key)) + " differs from mention id " + strconv.Quote(mm.ID))
			}
			decoded[i], errs[i] = mm, err
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if len(msgs) < 512 || workers < 2 {
		decode(0, len(msgs))
	} else {
		var wg sync.WaitGroup
		chunk := (len(msgs) + workers - 1) / workers
		for lo := 0; lo < len(msgs); lo += chunk {
			wg.Go(func() { decode(lo, min(lo+chunk, len(msgs))) })
		}
		wg.Wait()
	}
	out := decoded[:0]
	var bad []kafka.Message
	var reasons []error
	for i := range decoded {
		if errs[i] != nil {
			bad = append(bad, msgs[i])
			reasons = append(reasons, errs[i])
			continue
		}
		out = append(out, decoded[i])
	}
	if len(bad) > 0 {
		if err := dlq.sendOnce(ctx, bad, reasons); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sendOnce is Send for consumed messages, skipping those this sender
// already dead-lettered: a batch retried after an output outage decodes
// again, and its bad messages must not reach the dead-letter topic twice.
func (d *DeadLetters) sendOnce(ctx context.Context, msgs []kafka.Message, reasons []error) error {
	keys := make([]string, 0, len(msgs))
	var todo []kafka.Message
	var why []error
	d.mu.Lock()
	for i, m := range msgs {
		k := m.Topic + "/" + strconv.Itoa(m.Partition) + "/" + strconv.FormatInt(m.Offset, 10)
		if _, ok := d.recent[k]; ok {
			continue
		}
		keys = append(keys, k)
		todo, why = append(todo, m), append(why, reasons[i])
	}
	d.mu.Unlock()
	if err := d.Send(ctx, todo, why); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.recent == nil {
		d.recent = map[string]struct{}{}
	}
	for _, k := range keys {
		d.recent[k] = struct{}{}
		d.order = append(d.order, k)
	}
	for len(d.order) > recentMax {
		delete(d.recent, d.order[0])
		d.order = d.order[1:]
	}
	return nil
}
