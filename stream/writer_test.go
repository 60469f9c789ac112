package stream

import (
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
)

func TestEncodeMessagesSharesBuffersSafely(t *testing.T) {
	at := time.Date(2026, 11, 20, 1, 2, 3, 0, time.UTC)
	tests := []struct {
		name string
		text []string
	}{
		{"short texts", []string{"a", "b & c", "banjir <lagi>"}},
		// Texts past the shared buffer's size force new buffers midway.
		{"texts larger than a buffer", []string{strings.Repeat("x", 300<<10), "y", strings.Repeat("z\n", 200<<10), "w"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []mention.Mention
			for i, text := range tt.text {
				ms = append(ms, mention.Mention{ID: "x:" + strings.Repeat("9", i+1), Source: "x", Text: text, PostedAt: at, CollectedAt: at})
			}
			msgs, err := EncodeMessages(ms)
			if err != nil {
				t.Fatal(err)
			}
			for i := range ms {
				want, err := mention.Encode(&ms[i])
				if err != nil {
					t.Fatal(err)
				}
				if string(msgs[i].Value) != string(want) || string(msgs[i].Key) != ms[i].ID {
					t.Fatalf("message %d: key %q value %.80q, want key %q value %.80q", i, msgs[i].Key, msgs[i].Value, ms[i].ID, want)
				}
				if cap(msgs[i].Value) != len(msgs[i].Value) || cap(msgs[i].Key) != len(msgs[i].Key) {
					t.Fatalf("message %d: an append to its key or value would overwrite the next one", i)
				}
			}
		})
	}
}

// encodeMessagesRef is EncodeMessages as it was before the exact-size
// buffer (256 KiB buffers filled by size hints): the output must not change.
func encodeMessagesRef(ms []mention.Mention) ([]kafka.Message, error) {
	msgs := make([]kafka.Message, len(ms))
	var buf []byte
	for i := range ms {
		m := &ms[i]
		if hint := mention.EncodedSizeHint(m); cap(buf)-len(buf) < hint {
			buf = make([]byte, 0, max(256<<10, hint))
		}
		start := len(buf)
		var err error
		if buf, err = mention.AppendEncode(buf, m); err != nil {
			return nil, err
		}
		idStart := len(buf)
		buf = append(buf, m.ID...)
		msgs[i] = kafka.Message{Key: buf[idStart:len(buf):len(buf)], Value: buf[start:idStart:idStart]}
	}
	return msgs, nil
}

// simulatedMentions returns n simulated mentions, tagged by the
// simulator's ground truth.
func simulatedMentions(tb testing.TB, n int) []mention.Mention {
	tb.Helper()
	var ms []mention.Mention
	opts := simulate.Options{Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 8, 0, 0, 0, 0, time.UTC), PerHour: 100, Seed: 7, Truth: true}
	if err := simulate.Generate(opts, func(m *mention.Mention) error {
		if len(ms) < n {
			ms = append(ms, *m)
		}
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return ms
}

func TestEncodeMessagesMatchesReference(t *testing.T) {
	ms := simulatedMentions(t, 3000)
	// Batches of every size from 0 to 300, and the whole set, one after
	// the other so that the pooled scratch is reused between them.
	for lo, n := 0, 0; lo < len(ms); lo, n = lo+n, (n+37)%301 {
		hi := min(lo+n, len(ms))
		got, err := EncodeMessages(ms[lo:hi])
		if err != nil {
			t.Fatal(err)
		}
		want, err := encodeMessagesRef(ms[lo:hi])
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d messages, want %d", len(got), len(want))
		}
		for i := range got {
			if string(got[i].Key) != string(want[i].Key) || string(got[i].Value) != string(want[i].Value) {
				t.Fatalf("message %d of [%d:%d] differs: %.120q, want %.120q", i, lo, hi, got[i].Value, want[i].Value)
			}
			if cap(got[i].Value) != len(got[i].Value) || cap(got[i].Key) != len(got[i].Key) {
				t.Fatalf("message %d: an append to its key or value would overwrite the next one", i)
			}
		}
		// The messages must not share the pooled scratch buffer: the
		// next call's encoding would overwrite them.
		keep := make([]string, len(got))
		for i := range got {
			keep[i] = string(got[i].Value)
		}
		if _, err := EncodeMessages(ms[:min(len(ms), 50)]); err != nil {
			t.Fatal(err)
		}
		for i := range got {
			if string(got[i].Value) != keep[i] {
				t.Fatalf("message %d changed after the next EncodeMessages", i)
			}
		}
	}
}

// BenchmarkEncodeMessages measures encoding a tagging worker's block of
// tagged mentions (128, as the analyzer's workers take them), against
// the size-hinted buffers it replaced.
func BenchmarkEncodeMessages(b *testing.B) {
	ms := simulatedMentions(b, 128*40)
	for _, c := range []struct {
		name string
		enc  func([]mention.Mention) ([]kafka.Message, error)
	}{{"exact", EncodeMessages}, {"reference", encodeMessagesRef}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				lo := (i % 40) * 128
				i++
				if _, err := c.enc(ms[lo : lo+128]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*128), "ns/mention")
		})
	}
}
