package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stream"
)

// TestMalformedMessagesGoToDeadLetters feeds the analyzer malformed,
// invalid and oversized messages between valid ones: the bad ones land in
// the dead-letter topic with a reason, and the stage keeps going.
func TestMalformedMessagesGoToDeadLetters(t *testing.T) {
	k := startKafka(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	valid := simulated(t, 4, false)
	enc := func(m mention.Mention) []byte {
		b, err := mention.Encode(&m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	noID := valid[0]
	noID.ID = ""
	badKind := valid[1]
	badKind.Author.Kind = "alien"
	huge := valid[2]
	huge.Text = strings.Repeat("banjir ", 50000)
	msgs := []struct {
		key, value []byte
		reason     string // "" = valid
	}{
		{[]byte(valid[0].ID), enc(valid[0]), ""},
		{[]byte("x:1"), []byte(`{"id": "x:1", "text": `), "not a JSON mention"},
		{[]byte("x:2"), []byte("\xff\xfe binary garbage"), "not a JSON mention"},
		{nil, enc(noID), "id is required"},
		{[]byte(badKind.ID), enc(badKind), "author.kind"},
		{[]byte(huge.ID), enc(huge), "bytes, more than the"},
		{[]byte("x:other"), enc(valid[3]), "differs from mention id"},
		{[]byte(valid[1].ID), enc(valid[1]), ""},
	}
	w := stream.NewWriter(k, k.Topics.Raw)
	defer w.Close()
	wantReasons := map[string]string{}
	wantValid := 0
	for i, m := range msgs {
		if err := w.WriteMessages(ctx, kafka.Message{Key: m.key, Value: m.value}); err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		if m.reason == "" {
			wantValid++
		} else {
			wantReasons[string(m.value)] = m.reason
		}
	}
	actx, acancel := context.WithCancel(ctx)
	done := startAnalyzer(t, actx, k, analyze.NewPipelineOf())

	dead := readTopic(t, k, k.Topics.DLQ, len(wantReasons), 30*time.Second)
	for _, d := range dead {
		want, ok := wantReasons[string(d.Value)]
		if !ok {
			t.Errorf("unexpected dead letter %q", d.Value)
			continue
		}
		headers := map[string]string{}
		for _, h := range d.Headers {
			headers[h.Key] = string(h.Value)
		}
		if !strings.Contains(headers[stream.HeaderError], want) {
			t.Errorf("dead letter reason %q does not say %q", headers[stream.HeaderError], want)
		}
		if headers[stream.HeaderStage] != "analyze" || headers[stream.HeaderTopic] != k.Topics.Raw || headers[stream.HeaderOffset] == "" {
			t.Errorf("dead letter headers incomplete: %v", headers)
		}
	}
	out := readTopic(t, k, k.Topics.Tagged, wantValid, 30*time.Second)
	if len(out) != wantValid {
		t.Errorf("tagged topic has %d messages, want %d", len(out), wantValid)
	}
	// The stage goes on: a valid mention produced after the poison arrives.
	later := simulated(t, 5, false)[4]
	if err := w.Write(ctx, []mention.Mention{later}); err != nil {
		t.Fatal(err)
	}
	out = readTopic(t, k, k.Topics.Tagged, wantValid+1, 30*time.Second)
	found := false
	for _, m := range out {
		if string(m.Key) == later.ID {
			found = true
		}
	}
	if !found {
		t.Error("a mention produced after the poison messages was not tagged")
	}
	acancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
