package checkpoint_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest/checkpoint"
	"github.com/dengar-id/dengar/ingest/ingesttest"
)

func TestKafkaCheckpoints(t *testing.T) {
	cfg := ingesttest.Broker(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	a := checkpoint.NewKafka(cfg)
	defer a.Close()
	if v, err := a.Load(ctx, "rss:kaltim"); err != nil || v != nil {
		t.Fatalf("empty topic: %q, %v", v, err)
	}
	for i := 0; i < 5; i++ {
		if err := a.Save(ctx, "rss:kaltim", []byte(fmt.Sprintf(`{"n":%d}`, i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Save(ctx, "x:probebaya", []byte(`{"since_id":"9"}`)); err != nil {
		t.Fatal(err)
	}
	// A second instance (another process, another machine) reads the topic
	// to its end and sees the last value per key.
	b := checkpoint.NewKafka(cfg)
	defer b.Close()
	for key, want := range map[string]string{"rss:kaltim": `{"n":4}`, "x:probebaya": `{"since_id":"9"}`, "none": ""} {
		v, err := b.Load(ctx, key)
		if err != nil || string(v) != want {
			t.Errorf("Load(%s) = %q, %v; want %q", key, v, err, want)
		}
	}
	// b saves; a's next Load reads only the new tail and sees it.
	if err := b.Save(ctx, "rss:kaltim", []byte(`{"n":5}`)); err != nil {
		t.Fatal(err)
	}
	if v, _ := a.Load(ctx, "rss:kaltim"); string(v) != `{"n":5}` {
		t.Errorf("a sees %q after b saved", v)
	}
	// a tombstone (empty value) deletes
	if err := a.Save(ctx, "x:probebaya", nil); err != nil {
		t.Fatal(err)
	}
	c := checkpoint.NewKafka(cfg)
	defer c.Close()
	if v, _ := c.Load(ctx, "x:probebaya"); v != nil {
		t.Errorf("tombstoned key still %q", v)
	}
}

func TestMissingTopic(t *testing.T) {
	cfg := ingesttest.Broker(t)
	cfg.Topics.Checkpoints = "no.such.topic"
	k := checkpoint.NewKafka(cfg)
	defer k.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := k.Load(ctx, "x"); err == nil {
		t.Fatal("want an error for a missing topic")
	}
}
