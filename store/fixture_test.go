package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// day0 is Monday 16 November 2026, 00:00 WITA.
var day0 = time.Date(2026, 11, 16, 0, 0, 0, 0, clock.WITA)

type fx struct {
	id, source, author, kind string
	programs, places         []string
	sentiment, hostility     string
	partisan, threat, breach bool
	likes                    int64
	at                       time.Duration // after day0
	text                     string
}

// fixture is the seeded data of the reader tests (texts are made up).
var fixture = []fx{
	{"1", "x", "u1", "citizen", []string{"probebaya"}, []string{"samarinda_ulu"}, "positive", "none", false, false, false, 10, 9 * time.Hour, "Probebaya mantap warga senang"},
	{"2", "x", "u2", "citizen", []string{"probebaya"}, []string{"samarinda_ulu"}, "negative", "abusive", false, false, false, 50, 9*time.Hour + 30*time.Minute, "Probebaya korupsi dasar bodoh"},
	{"3", "youtube", "u1", "citizen", []string{"probebaya", "banjir"}, []string{"sungai_kunjang"}, "negative", "hate", false, true, false, 5, 10*time.Hour + 15*time.Minute, "Banjir lagi, probebaya gagal #banjir"},
	{"4", "facebook", "diskominfo", "government", nil, nil, "neutral", "none", true, false, true, 3, 32 * time.Hour, "Ayo pilih paslon nomor dua"},
	{"5", "rss", "kaltimpost", "media", []string{"banjir"}, []string{"sungai_kunjang"}, "neutral", "none", false, false, false, 0, 36 * time.Hour, "Banjir surut di Sungai Kunjang"},
	{"6", "x", "u3", "citizen", nil, []string{"samarinda_ulu"}, "positive", "none", false, false, false, 1, 71*time.Hour + 30*time.Minute, "Pasar pagi ramai"},
	{"7", "x", "u2", "citizen", []string{"banjir"}, nil, "negative", "abusive", true, false, false, 20, 49 * time.Hour, "Banjir terus, pilih paslon lain saja #banjir"},
}

func fixtureMentions() []mention.Mention {
	var out []mention.Mention
	for _, f := range fixture {
		at := day0.Add(f.at).UTC()
		m := mention.Mention{
			Schema: 1, ID: mention.NewID(f.source, f.id), Source: f.source, URL: "https://" + f.source + ".test/" + f.id,
			Author: mention.Author{ID: f.author, Handle: f.author, Name: "Nama " + f.author, Kind: f.kind},
			Text:   f.text, PostedAt: at, CollectedAt: at.Add(time.Minute),
			Metrics: mention.Metrics{Likes: f.likes, Replies: 1, Views: 100},
			Tags: mention.Tags{
				Sentiment: &mention.Sentiment{Label: f.sentiment},
				Hostility: &mention.Hostility{Label: f.hostility, Threat: f.threat},
				Politics:  &mention.Politics{Political: f.partisan, Partisan: f.partisan},
				Programs:  f.programs, Places: f.places, NeutralityBreach: f.breach, Model: "m1",
			},
		}
		if f.kind == "government" {
			m.Author.Org, m.Author.Level = "Diskominfo", "opd"
		}
		if f.threat {
			m.Hostility.Categories = []string{"religion"}
			m.Hostility.Target = "group"
		}
		out = append(out, m)
	}
	return out
}

// openTestDB opens a fresh, migrated database closed at the end of t.
func openTestDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), chtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// seedQueries returns a DB holding the fixture, inserted twice plus a
// later redelivery of mention 2 (at-least-once).
func seedQueries(t *testing.T) (*store.DB, *store.Pseudonymizer) {
	t.Helper()
	ctx := context.Background()
	db := openTestDB(t)
	p := store.NewPseudonymizer("test-key")
	ms := fixtureMentions()
	for i := 0; i < 2; i++ {
		if err := db.InsertMentions(ctx, ms, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.InsertMentions(ctx, ms[1:2], p); err != nil {
		t.Fatal(err)
	}
	return db, p
}

var days3 = store.Range{From: day0.UTC(), To: day0.AddDate(0, 0, 3).UTC()}
