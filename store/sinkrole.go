package store

import (
	"context"
	"fmt"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/stream"
)

// Sink is the `sink` role: it consumes tagged mentions as consumer group
// "<group>-sink" and writes them to ClickHouse in batches bounded by
// Config.BatchSize and Config.FlushInterval. Offsets are committed only
// after ClickHouse acknowledged the insert, so a crash redelivers the batch
// and the ReplacingMergeTree absorbs the duplicates.
type Sink struct {
	db       *DB
	consumer *stream.Consumer
	dlq      *stream.DeadLetters
	pseudo   *Pseudonymizer
}

// NewSink builds a sink reading kcfg.Topics.Tagged into db.
func NewSink(db *DB, kcfg stream.Config, dlq *stream.Writer, pseudo *Pseudonymizer) *Sink {
	kcfg.Defaults()
	return &Sink{
		db:       db,
		consumer: stream.NewConsumer(kcfg, "sink", kcfg.Topics.Tagged, stream.WithBatch(db.cfg.BatchSize, db.cfg.FlushInterval)),
		dlq:      stream.NewDeadLetters(dlq, "sink"),
		pseudo:   pseudo,
	}
}

// Run consumes until ctx is done.
func (s *Sink) Run(ctx context.Context) error {
	return s.consumer.Run(ctx, s.handle)
}

func (s *Sink) handle(ctx context.Context, msgs []kafka.Message) error {
	ms, err := stream.DecodeBatch(ctx, msgs, s.dlq)
	if err != nil {
		return fmt.Errorf("sink: %w", err)
	}
	return s.db.InsertMentions(ctx, ms, s.pseudo)
}
