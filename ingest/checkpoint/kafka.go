// Package checkpoint stores collector checkpoints in a log-compacted Kafka
// topic (kafka.topics.checkpoints, default dengar.checkpoints) keyed by
// collector name, so every collector instance on every machine reads the
// same cursors. Load reads the topic to its end and keeps the last value
// per key; Save produces with acks=all and returns once it is durable.
package checkpoint

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/stream"
)

// Kafka implements ingest.Checkpoints on a compacted topic.
type Kafka struct {
	client *kafka.Client
	w      *stream.Writer
	topic  string

	mu     sync.Mutex
	parts  []int
	next   map[int]int64
	values map[string][]byte
}

// NewKafka returns a store on cfg's brokers and checkpoints topic. Create
// the topic first with stream.EnsureTopics (it is made compacted there).
func NewKafka(cfg stream.Config) *Kafka {
	cfg.Defaults()
	return &Kafka{
		client: &kafka.Client{Addr: kafka.TCP(cfg.Brokers...), Timeout: 10 * time.Second},
		w:      stream.NewWriter(cfg, cfg.Topics.Checkpoints),
		topic:  cfg.Topics.Checkpoints,
		next:   map[int]int64{},
		values: map[string][]byte{},
	}
}

// Load returns the latest value saved under key by any instance, or nil.
func (k *Kafka) Load(ctx context.Context, key string) ([]byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if err := k.refresh(ctx); err != nil {
		return nil, err
	}
	v, ok := k.values[key]
	if !ok {
		return nil, nil
	}
	return append([]byte(nil), v...), nil
}

// Save stores value under key; it returns once Kafka acknowledged it.
func (k *Kafka) Save(ctx context.Context, key string, value []byte) error {
	if key == "" {
		return errors.New("checkpoint: empty key")
	}
	if err := k.w.WriteMessages(ctx, kafka.Message{Key: []byte(key), Value: value}); err != nil {
		return fmt.Errorf("checkpoint %s: %w", key, err)
	}
	k.mu.Lock()
	k.values[key] = append([]byte(nil), value...)
	k.mu.Unlock()
	return nil
}

// Close releases the producer.
func (k *Kafka) Close() error { return k.w.Close() }

// refresh reads every partition from where it last stopped to its end.
func (k *Kafka) refresh(ctx context.Context) error {
	if k.parts == nil {
		meta, err := k.client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{k.topic}})
		if err != nil {
			return fmt.Errorf("checkpoint topic %s metadata: %w", k.topic, err)
		}
		for _, t := range meta.Topics {
			if t.Name != k.topic {
				continue
			}
			if t.Error != nil {
				return fmt.Errorf("checkpoint topic %s: %w", k.topic, t.Error)
			}
			for _, p := range t.Partitions {
				k.parts = append(k.parts, p.ID)
			}
		}
		if len(k.parts) == 0 {
			k.parts = nil
			return fmt.Errorf("checkpoint topic %s does not exist (run stream.EnsureTopics)", k.topic)
		}
	}
	reqs := make([]kafka.OffsetRequest, 0, 2*len(k.parts))
	for _, p := range k.parts {
		reqs = append(reqs, kafka.FirstOffsetOf(p), kafka.LastOffsetOf(p))
	}
	offs, err := k.client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{k.topic: reqs}})
	if err != nil {
		return fmt.Errorf("checkpoint topic %s offsets: %w", k.topic, err)
	}
	for _, po := range offs.Topics[k.topic] {
		if po.Error != nil {
			return fmt.Errorf("checkpoint topic %s partition %d offsets: %w", k.topic, po.Partition, po.Error)
		}
		from := k.next[po.Partition]
		if from < po.FirstOffset {
			from = po.FirstOffset
		}
		if err := k.readRange(ctx, po.Partition, from, po.LastOffset); err != nil {
			return err
		}
	}
	return nil
}

func (k *Kafka) readRange(ctx context.Context, part int, from, end int64) error {
	for from < end {
		resp, err := k.client.Fetch(ctx, &kafka.FetchRequest{
			Topic: k.topic, Partition: part, Offset: from,
			MinBytes: 1, MaxBytes: 4 << 20, MaxWait: 200 * time.Millisecond,
		})
		if err != nil {
			return fmt.Errorf("checkpoint topic %s fetch: %w", k.topic, err)
		}
		if resp.Error != nil {
			return fmt.Errorf("checkpoint topic %s fetch: %w", k.topic, resp.Error)
		}
		progressed := false
		for {
			r, err := resp.Records.ReadRecord()
			if err != nil {
				if errors.Is(err, io.EOF) {
					break
				}
				return fmt.Errorf("checkpoint topic %s read: %w", k.topic, err)
			}
			if r.Offset < from {
				continue
			}
			key, kerr := readBytes(r.Key)
			val, verr := readBytes(r.Value)
			if kerr != nil || verr != nil {
				return fmt.Errorf("checkpoint topic %s read record: %w", k.topic, errors.Join(kerr, verr))
			}
			if len(val) == 0 {
				delete(k.values, string(key)) // tombstone
			} else {
				k.values[string(key)] = val
			}
			from = r.Offset + 1
			progressed = true
		}
		if !progressed {
			// Compaction may leave a hole before the end: the rest is empty.
			if resp.HighWatermark > from {
				from = resp.HighWatermark
			}
			break
		}
	}
	if end > from {
		from = end
	}
	k.next[part] = from
	return nil
}

func readBytes(b kafka.Bytes) ([]byte, error) {
	if b == nil {
		return nil, nil
	}
	defer b.Close()
	return io.ReadAll(b)
}
