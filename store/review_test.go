package store_test

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
)

// reviewFixture are mentions for the review queue: id, text, minutes after
// day0, sentiment (label, confidence, unsure), hostility (label, score,
// unsure).
var reviewFixture = []struct {
	id, text          string
	at                time.Duration
	sent              string
	sentConf          float64
	sentReview        bool
	host              string
	hostScore         float64
	hostReview, quiet bool
}{
	{id: "a", text: "Pelayanan kelurahan biasa saja", at: 60 * time.Minute, sent: "negative", sentConf: 0.512, sentReview: true, host: "none", hostScore: 0.1},
	{id: "b", text: "Dewan kada usah banyak janji", at: 120 * time.Minute, sent: "negative", sentConf: 0.8, host: "hate", hostScore: 0.643, hostReview: true},
	{id: "c", text: "Jalan sudah diperbaiki, terima kasih", at: 180 * time.Minute, sent: "neutral", sentConf: 0.45, sentReview: true, host: "none", hostScore: 0.05},
	{id: "d", text: "Banjir surut pagi ini", at: 240 * time.Minute, sent: "neutral", sentConf: 0.9, host: "none", hostScore: 0.02},
	{id: "e", text: "Pasar pagi ramai sekali", at: 300 * time.Minute, sent: "positive", sentConf: 0.5, sentReview: true, host: "none", hostScore: 0.01},
	{id: "f", text: "Taman kota kotor", at: -48 * time.Hour, sent: "negative", sentConf: 0.55, sentReview: true, host: "none", hostScore: 0.2},
	// g is unsure when first stored and sure after a re-tag (quiet: the
	// second version clears the flag).
	{id: "g", text: "Probebaya cair minggu depan", at: 200 * time.Minute, sent: "positive", sentConf: 0.5, sentReview: true, host: "none", hostScore: 0.03, quiet: true},
}

func reviewMentions(second bool) []mention.Mention {
	var out []mention.Mention
	for _, f := range reviewFixture {
		if second && !f.quiet {
			continue
		}
		at := day0.Add(f.at).UTC()
		m := mention.Mention{
			Schema: 1, ID: mention.NewID("x", f.id), Source: "x", URL: "https://x.test/" + f.id,
			Author: mention.Author{ID: "u" + f.id, Kind: "citizen"},
			Text:   f.text, PostedAt: at, CollectedAt: at.Add(time.Minute),
			Tags: mention.Tags{
				Sentiment: &mention.Sentiment{Label: f.sent, Confidence: f.sentConf, Review: f.sentReview && !second},
				Hostility: &mention.Hostility{Label: f.host, Score: f.hostScore, Review: f.hostReview},
				Programs:  []string{"probebaya"}, Places: []string{}, Model: "m1",
			},
		}
		out = append(out, m)
	}
	return out
}

func TestReviewQueue(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	p := store.NewPseudonymizer("test-key")
	if err := db.InsertMentions(ctx, reviewMentions(false), p); err != nil {
		t.Fatal(err)
	}
	// A later version (ingested_at is in seconds) replaces the first.
	time.Sleep(1100 * time.Millisecond)
	if err := db.InsertMentions(ctx, reviewMentions(true), p); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddCorrections(ctx, []store.Correction{{MentionID: "x:e", Field: "sentiment", Value: "positive", By: "ana"}}); err != nil {
		t.Fatal(err)
	}
	day := store.Range{From: day0.UTC(), To: day0.Add(24 * time.Hour).UTC()}
	queueIDs := func(r store.Range, limit int) []string {
		t.Helper()
		items, err := db.ReviewQueue(ctx, r, limit)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, it := range items {
			ids = append(ids, it.ID)
		}
		return ids
	}
	cases := []struct {
		name  string
		r     store.Range
		limit int
		want  []string
	}{
		// Hostile first, then newest first; d is sure, e corrected, g
		// sure in its latest version, f outside the day.
		{"one day", day, 10, []string{"x:b", "x:c", "x:a"}},
		{"limit", day, 2, []string{"x:b", "x:c"}},
		{"any time", store.Range{}, 10, []string{"x:b", "x:c", "x:a", "x:f"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := queueIDs(c.r, c.limit); !reflect.DeepEqual(got, c.want) {
				t.Errorf("ReviewQueue = %v, want %v", got, c.want)
			}
		})
	}
	for _, bad := range []struct {
		r     store.Range
		limit int
	}{{day, 0}, {store.Range{From: day.To, To: day.From}, 10}} {
		if _, err := db.ReviewQueue(ctx, bad.r, bad.limit); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("ReviewQueue(%v, %d) = %v, want ErrBadQuery", bad.r, bad.limit, err)
		}
	}

	// The review file: golden, and imported untouched it changes nothing.
	items, err := db.ReviewQueue(ctx, day, 10)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if n, err := store.WriteReviewQueue(&buf, items); err != nil || n != 3 {
		t.Fatalf("WriteReviewQueue = %d, %v; want 3 lines", n, err)
	}
	golden(t, "review_queue.jsonl", buf.Bytes())
	if cs, err := store.ReadCorrections(bytes.NewReader(buf.Bytes()), "ana"); err != nil || len(cs) != 0 {
		t.Fatalf("untouched review file gives %v, %v; want no corrections", cs, err)
	}
	// A reviewer fixes b's hostility and confirms c's sentiment.
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	lines[0] = strings.Replace(strings.Replace(lines[0], `"hostility":"hate"`, `"hostility":"none"`, 1), `"corrected":[]`, `"corrected":["hostility"]`, 1)
	lines[1] = strings.Replace(lines[1], `"corrected":[]`, `"corrected":["sentiment"]`, 1)
	cs, err := store.ReadCorrections(strings.NewReader(strings.Join(lines, "\n")), "ana")
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, c := range cs {
		pairs = append(pairs, c.MentionID+"/"+c.Field+"="+c.Value)
	}
	if want := []string{"x:b/hostility=none", "x:c/sentiment=neutral"}; !reflect.DeepEqual(pairs, want) {
		t.Fatalf("edited review file gives %v, want %v", pairs, want)
	}
	if _, err := db.AddCorrections(ctx, cs); err != nil {
		t.Fatal(err)
	}
	// Reviewed mentions leave the queue.
	if got, want := queueIDs(day, 10), []string{"x:a"}; !reflect.DeepEqual(got, want) {
		t.Errorf("queue after review = %v, want %v", got, want)
	}
}
