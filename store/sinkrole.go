package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stream"
)

// Sink is the `sink` role: it consumes tagged mentions as consumer group
// "<group>-sink" and writes them to ClickHouse in batches bounded by
// Config.BatchSize and Config.FlushInterval. Offsets are committed only
// after ClickHouse acknowledged the insert, so a crash redelivers the batch
// and the ReplacingMergeTree absorbs the duplicates.
//
// A ClickHouse outage (down, overloaded, refusing every insert) holds the
// batch and retries it with backoff for as long as it lasts, with the
// role's readiness check sink/clickhouse failing meanwhile; a batch that
// ClickHouse rejects for its data while it answers pings is split until
// the rows at fault are found, and those go to the dead-letter topic with
// ClickHouse's reason (see stream.Consumer).
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
		db: db,
		consumer: stream.NewConsumer(kcfg, "sink", kcfg.Topics.Tagged,
			stream.WithBatch(db.cfg.BatchSize, db.cfg.FlushInterval),
			stream.WithOutput("clickhouse", func(ctx context.Context) error { return db.conn.Ping(ctx) })),
		dlq:    stream.NewDeadLetters(dlq, "sink"),
		pseudo: pseudo,
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
	return classifyInsert(s.db.InsertMentions(ctx, dedupByID(ms), s.pseudo))
}

// dataErrorCodes are ClickHouse exceptions about the inserted values
// themselves (a value a column or a view cannot take, a violated
// constraint): a batch that gets one is split to find its rows at fault.
var dataErrorCodes = map[int32]bool{
	6: true, 26: true, 27: true, 36: true, 38: true, 41: true, 53: true, 69: true, 70: true,
	72: true, 117: true, 131: true, 153: true,
	395: true, // FUNCTION_THROW_IF_VALUE_IS_NON_ZERO: throwIf in a view
	469: true, // VIOLATED_CONSTRAINT
}

// classifyInsert marks an insert error as a store outage unless it is
// about the batch's data: every other ClickHouse exception (too many
// parts, memory, read-only, unknown table…) would fail any batch, and
// splitting the batch would only make it worse. Network errors are
// outages for the consumer already; a client-side conversion error is
// the row's own.
func classifyInsert(err error) error {
	if err == nil {
		return nil
	}
	var ex *clickhouse.Exception
	if errors.As(err, &ex) {
		// Too many partitions for one INSERT block (a backfill spanning
		// years) is the batch's own: halves of it go in.
		if dataErrorCodes[ex.Code] || strings.Contains(ex.Message, "partitions for single INSERT block") {
			return err
		}
		return stream.Unavailable(err)
	}
	if errors.Is(err, clickhouse.ErrAcquireConnTimeout) {
		return stream.Unavailable(err)
	}
	return err
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
