package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// rollupMention builds a tagged mention for rollup tests.
func rollupMention(id string, at time.Time, sentiment, hostility string, programs, places []string, likes int64) mention.Mention {
	return mention.Mention{
		Schema: 1, ID: mention.NewID("x", id), Source: "x", Text: "teks " + id,
		Author:   mention.Author{ID: "u" + id, Handle: "h" + id, Kind: mention.KindCitizen},
		PostedAt: at, CollectedAt: at, Metrics: mention.Metrics{Likes: likes, Replies: 1, Views: 10},
		Tags: mention.Tags{
			Sentiment: &mention.Sentiment{Label: sentiment},
			Hostility: &mention.Hostility{Label: hostility},
			Programs:  programs, Places: places,
		},
	}
}

func TestRollupsCountEachMentionOnceUnderDuplicateInserts(t *testing.T) {
	cfg := chtest.Config(t)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	batch := []mention.Mention{
		rollupMention("1", h.Add(5*time.Minute), "positive", "none", []string{"probebaya", "banjir"}, []string{"sungai_kunjang"}, 4),
		rollupMention("2", h.Add(10*time.Minute), "negative", "abusive", nil, nil, 2),
		rollupMention("3", h.Add(70*time.Minute), "negative", "none", []string{"banjir"}, []string{"samarinda_ulu", "sungai_kunjang"}, 0),
	}
	for i := 0; i < 3; i++ { // the same batch three times, back to back
		if err := db.InsertMentions(ctx, batch, nil); err != nil {
			t.Fatal(err)
		}
	}
	// A later batch repeats mention 2 and adds mention 4.
	if err := db.InsertMentions(ctx, []mention.Mention{batch[1], rollupMention("4", h.Add(20*time.Minute), "neutral", "hate", []string{"probebaya"}, nil, 0)}, nil); err != nil {
		t.Fatal(err)
	}
	type row struct {
		q    string
		want int64
	}
	q := func(sql string) int64 {
		t.Helper()
		var n int64
		if err := db.Conn().QueryRow(ctx, sql).Scan(&n); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return n
	}
	d := "`" + cfg.Database + "`."
	for _, c := range []row{
		{"SELECT sum(mentions) FROM " + d + "mentions_hourly WHERE first_program = 1", 4},
		{"SELECT sum(mentions) FROM " + d + "mentions_hourly", 5},
		{"SELECT sum(mentions) FROM " + d + "mentions_hourly WHERE program = 'probebaya'", 2},
		{"SELECT sum(mentions) FROM " + d + "mentions_hourly WHERE program = 'banjir'", 2},
		{"SELECT sum(mentions) FROM " + d + "mentions_hourly WHERE program = ''", 1},
		{"SELECT sum(mentions) FROM " + d + "mentions_hourly WHERE first_program = 1 AND hostility != 'none'", 2},
		{"SELECT sum(engagement) FROM " + d + "mentions_hourly WHERE first_program = 1", 4 + 1 + 2 + 1 + 0 + 1 + 0 + 1},
		{"SELECT sum(views) FROM " + d + "mentions_hourly WHERE first_program = 1", 40},
		{"SELECT toInt64(uniqMerge(authors)) FROM " + d + "mentions_hourly", 4},
		{"SELECT sum(mentions) FROM " + d + "mentions_daily WHERE first_program = 1", 4},
		{"SELECT sum(mentions) FROM " + d + "mentions_daily WHERE sentiment = 'negative' AND first_program = 1", 2},
		{"SELECT sum(mentions) FROM " + d + "places_hourly WHERE first_program = 1 AND first_place = 1", 4},
		{"SELECT sum(mentions) FROM " + d + "places_hourly WHERE first_program = 1 AND place = 'sungai_kunjang'", 2},
		{"SELECT sum(mentions) FROM " + d + "places_hourly WHERE first_place = 1 AND program = 'banjir'", 2},
		{"SELECT sum(mentions) FROM " + d + "places_hourly WHERE first_program = 1 AND place = ''", 2},
		{"SELECT toInt64(count()) FROM (SELECT hour FROM " + d + "mentions_hourly GROUP BY hour)", 2},
	} {
		if got := q(c.q); got != c.want {
			t.Errorf("%s = %d, want %d", c.q, got, c.want)
		}
	}
}
