package store

import (
	"context"
	"fmt"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/mention"
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
	return s.db.InsertMentions(ctx, dedupByID(ms), s.pseudo)
}

// dedupByID keeps the last version of each id in a batch (a producer retry
// or a re-collection can put one id twice in a batch; the rollups would
// otherwise sum its engagement twice).
func dedupByID(ms []mention.Mention) []mention.Mention {
	last := make(map[string]int, len(ms))
	for i := range ms {
		last[ms[i].ID] = i
	}
	if len(last) == len(ms) {
		return ms
	}
	out := ms[:0]
	for i := range ms {
		if last[ms[i].ID] == i {
			out = append(out, ms[i])
		}
	}
	return out
}
