package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

func TestMigrateIsIdempotent(t *testing.T) {
	cfg := chtest.RawConfig(t)
	ctx := context.Background()
	first, err := store.Migrate(ctx, cfg)
	if err != nil {
		t.Fatalf("first migrate: %v", err)
	}
	all, _ := store.Migrations()
	if len(first) != len(all) {
		t.Fatalf("first migrate applied %v, want all %d migrations", first, len(all))
	}
	second, err := store.Migrate(ctx, cfg)
	if err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	if len(second) != 0 {
		t.Fatalf("second migrate applied %v, want nothing", second)
	}
}

func TestInsertMentionsDedupAndPseudonymise(t *testing.T) {
	cfg := chtest.Config(t)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 20, 3, 4, 5, 0, time.UTC)
	mk := func(id, kind, handle string) mention.Mention {
		return mention.Mention{
			Schema: 1, ID: mention.NewID("x", id), Source: "x", Text: "Probebaya mantap",
			Author:   mention.Author{ID: "u" + id, Handle: handle, Name: "Nama " + handle, Kind: kind},
			PostedAt: now, CollectedAt: now,
			Tags: mention.Tags{
				Sentiment: &mention.Sentiment{Label: "positive", Score: 0.8, Confidence: 0.9},
				Programs:  []string{"probebaya"},
			},
		}
	}
	batch := []mention.Mention{mk("1", mention.KindCitizen, "budi"), mk("2", mention.KindGovernment, "diskominfosmr")}
	p := store.NewPseudonymizer("k")
	for i := 0; i < 3; i++ { // at-least-once: the same batch three times
		if err := db.InsertMentions(ctx, batch, p); err != nil {
			t.Fatal(err)
		}
	}
	if batch[0].Author.Handle != "budi" {
		t.Fatalf("InsertMentions modified the caller's mention: %+v", batch[0].Author)
	}
	var n uint64
	if err := db.Conn().QueryRow(ctx, "SELECT count() FROM "+cfg.Database+".mentions FINAL").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Fatalf("rows after dedup = %d, want 2", n)
	}
	rows, err := db.Conn().Query(ctx, "SELECT id, author_handle, author_name FROM "+cfg.Database+".mentions FINAL ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string][2]string{}
	for rows.Next() {
		var id, h, name string
		if err := rows.Scan(&id, &h, &name); err != nil {
			t.Fatal(err)
		}
		got[id] = [2]string{h, name}
	}
	if h := got["x:1"]; h[0] == "budi" || h[0] == "" || h[1] != "" {
		t.Errorf("citizen not pseudonymised: %v", h)
	}
	if h := got["x:2"]; h[0] != "diskominfosmr" {
		t.Errorf("government account must stay named: %v", h)
	}
}
