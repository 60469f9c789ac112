package stream

import (
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
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
