package stream

import (
	"bytes"
	"testing"
	"time"

	"github.com/segmentio/kafka-go/compress"
	"github.com/segmentio/kafka-go/compress/lz4"
	"github.com/segmentio/kafka-go/compress/snappy"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
)

// BenchmarkCompression measures the producer's batch compression on
// encoded simulated mentions: CPU per batch and the ratio, to choose the
// codec of NewWriter.
//
//	go test ./stream -run '^$' -bench Compression
func BenchmarkCompression(b *testing.B) {
	var ms []mention.Mention
	opts := simulate.Options{Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), PerHour: 100, Seed: 1}
	if err := simulate.Generate(opts, func(m *mention.Mention) error {
		if len(ms) < 1000 {
			ms = append(ms, *m)
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	msgs, err := EncodeMessages(ms)
	if err != nil {
		b.Fatal(err)
	}
	var raw []byte
	for _, m := range msgs {
		raw = append(raw, m.Value...)
	}
	for _, c := range []struct {
		name  string
		codec compress.Codec
	}{
		{"snappy-default", &snappy.Codec{}},
		{"snappy-faster", &snappy.Codec{Compression: snappy.FasterCompression}},
		{"lz4", &lz4.Codec{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var out bytes.Buffer
			b.SetBytes(int64(len(raw)))
			for i := 0; i < b.N; i++ {
				out.Reset()
				w := c.codec.NewWriter(&out)
				if _, err := w.Write(raw); err != nil {
					b.Fatal(err)
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(raw))/float64(out.Len()), "ratio")
		})
	}
}
