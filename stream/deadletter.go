package stream

import (
	"context"
	"errors"
	"strconv"
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
}

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
// returned. An error means the dead-letter write itself failed, so the
// batch must not be committed.
func DecodeBatch(ctx context.Context, msgs []kafka.Message, dlq *DeadLetters) ([]mention.Mention, error) {
	out := make([]mention.Mention, 0, len(msgs))
	var bad []kafka.Message
	var reasons []error
	for _, m := range msgs {
		mm, err := mention.Decode(m.Value)
		if err == nil && len(m.Key) > 0 && string(m.Key) != mm.ID {
			err = errors.New("message key " + strconv.Quote(string(m.Key)) + " differs from mention id " + strconv.Quote(mm.ID))
		}
		if err != nil {
			bad = append(bad, m)
			reasons = append(reasons, err)
			continue
		}
		out = append(out, mm)
	}
	if len(bad) > 0 {
		if err := dlq.Send(ctx, bad, reasons); err != nil {
			return nil, err
		}
	}
	return out, nil
}
