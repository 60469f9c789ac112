package stream

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/compress"
	"github.com/segmentio/kafka-go/compress/snappy"

	"github.com/dengar-id/dengar/mention"
)

// Writer produces messages to one topic. Write returns only after Kafka has
// acknowledged every message (acks=all), which is what lets a consumer
// commit its input offsets afterwards.
type Writer struct {
	w     *kafka.Writer
	topic string
}

func init() {
	// kafka-go compresses snappy batches with s2's "better" mode by
	// default; its fast mode takes about 40 % less CPU per batch of
	// mentions (BenchmarkCompression: ratio 3.4 instead of 3.6). The
	// output is plain snappy either way: kcat and every consumer read it
	// unchanged.
	compress.SnappyCodec.Compression = snappy.FasterCompression
}

// NewWriter returns a writer for topic on cfg's brokers. Messages are keyed
// by mention id and partitioned with murmur2, like the Java client, so a
// mention always lands on the same partition whichever client wrote it.
func NewWriter(cfg Config, topic string) *Writer {
	cfg.Defaults()
	return &Writer{
		topic: topic,
		w: &kafka.Writer{
			Addr:         kafka.TCP(cfg.Brokers...),
			Topic:        topic,
			Balancer:     &kafka.Murmur2Balancer{},
			BatchSize:    cfg.BatchSize,
			BatchTimeout: cfg.BatchTimeout,
			BatchBytes:   4 << 20,
			RequiredAcks: kafka.RequireAll,
			MaxAttempts:  10,
			// Compression pays off on text and costs little CPU.
			Compression:            kafka.Snappy,
			AllowAutoTopicCreation: false,
			Transport: &kafka.Transport{
				Dial:        (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
				IdleTimeout: 30 * time.Second,
			},
		},
	}
}

// Topic is the topic this writer produces to.
func (w *Writer) Topic() string { return w.topic }

// Write encodes and produces ms, keyed by id. It returns once all are acked.
func (w *Writer) Write(ctx context.Context, ms []mention.Mention) error {
	if len(ms) == 0 {
		return nil
	}
	msgs, err := EncodeMessages(ms)
	if err != nil {
		return err
	}
	return w.WriteMessages(ctx, msgs...)
}

// WriteMessages produces pre-encoded messages. It returns once all are acked.
func (w *Writer) WriteMessages(ctx context.Context, msgs ...kafka.Message) error {
	if len(msgs) == 0 {
		return nil
	}
	if err := w.w.WriteMessages(ctx, msgs...); err != nil {
		metricWriteErrors.WithLabelValues(w.topic).Inc()
		return fmt.Errorf("produce %d messages to %s: %w", len(msgs), w.topic, err)
	}
	metricWritten.WithLabelValues(w.topic).Add(float64(len(msgs)))
	return nil
}

// Close flushes and closes the writer.
func (w *Writer) Close() error { return w.w.Close() }

// EncodeMessages encodes ms as messages keyed by id. The keys and values
// share one allocation of exactly their size.
func EncodeMessages(ms []mention.Mention) ([]kafka.Message, error) {
	// Encoded first into a pooled scratch buffer, then copied once into an
	// exact-size buffer: guessed-size buffers (256 KiB each, zeroed by the
	// allocator) held about twice the bytes the messages needed.
	sp := encodeScratch.Get().(*encodeBuf)
	defer func() {
		if cap(sp.b) <= maxPooledScratch {
			encodeScratch.Put(sp)
		}
	}()
	buf := sp.b[:0]
	ends := append(sp.ends[:0], make([]int, 2*len(ms))...)
	for i := range ms {
		m := &ms[i]
		var err error
		if buf, err = mention.AppendEncode(buf, m); err != nil {
			sp.b, sp.ends = buf, ends
			return nil, err
		}
		ends[2*i] = len(buf)
		buf = append(buf, m.ID...)
		ends[2*i+1] = len(buf)
	}
	sp.b, sp.ends = buf, ends
	out := make([]byte, len(buf))
	copy(out, buf)
	msgs := make([]kafka.Message, len(ms))
	start := 0
	for i := range msgs {
		v, k := ends[2*i], ends[2*i+1]
		msgs[i] = kafka.Message{Key: out[v:k:k], Value: out[start:v:v]}
		start = k
	}
	return msgs, nil
}

// encodeBuf is EncodeMessages's scratch space.
type encodeBuf struct {
	b    []byte
	ends []int
}

var encodeScratch = sync.Pool{New: func() any { return new(encodeBuf) }}

// maxPooledScratch bounds the scratch buffers kept for reuse: a rare huge
// batch does not pin its buffer.
const maxPooledScratch = 16 << 20
