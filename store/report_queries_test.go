package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func reportMention(id string, at time.Time, text string, mod func(*mention.Mention)) mention.Mention {
	m := mention.Mention{
		ID: "x:" + id, Source: "x", URL: "https://x.test/" + id,
		Author:   mention.Author{ID: "u" + id, Handle: "user" + id, Kind: mention.KindCitizen},
		Text:     text,
		PostedAt: at, CollectedAt: at.Add(time.Minute),
		Metrics: mention.Metrics{Likes: 1},
		Tags: mention.Tags{
			Sentiment: &mention.Sentiment{Label: mention.SentimentNeutral},
			Hostility: &mention.Hostility{Label: mention.HostilityNone},
			Model:     "m1",
		},
	}
	if mod != nil {
		mod(&m)
	}
	return m
}

func TestReportQueries(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, chtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	wita := time.FixedZone("WITA", 8*3600)
	mon := time.Date(2026, 11, 16, 0, 0, 0, 0, wita)
	week := store.Range{From: mon.UTC(), To: mon.AddDate(0, 0, 7).UTC()}
	base := store.Range{From: mon.AddDate(0, 0, -28).UTC(), To: mon.UTC()}
	var ms []mention.Mention
	// Monday 07:30 WITA = Sunday 23:30 UTC: must count on Monday (local day).
	ms = append(ms, reportMention("1", mon.Add(7*time.Hour+30*time.Minute).UTC(), "Jalan RUSAK lagi #Probebaya jalan", func(m *mention.Mention) {
		m.Sentiment.Label = mention.SentimentNegative
		m.Hostility.Label = mention.HostilityAbusive
		m.Programs = []string{"probebaya"}
		m.Places = []string{"sungai-pinang"}
		m.Metrics = mention.Metrics{Likes: 10, Replies: 2, Shares: 3}
	}))
	ms = append(ms, reportMention("2", mon.Add(8*time.Hour).UTC(), "Probebaya bagus", func(m *mention.Mention) {
		m.Sentiment.Label = mention.SentimentPositive
		m.Programs = []string{"probebaya", "jalan"}
	}))
	ms = append(ms, reportMention("3", mon.Add(30*time.Hour).UTC(), "Pilih paslon 2", func(m *mention.Mention) {
		m.Author = mention.Author{ID: "dinas", Handle: "dinas_x", Name: "Dinas X", Kind: mention.KindGovernment, Org: "Dinas X", Level: mention.LevelOPD}
		m.Politics = &mention.Politics{Political: true, Partisan: true, Stance: "support", Actors: []string{"paslon-2"}}
		m.NeutralityBreach = true
	}))
	// Outside the week (baseline) and after it.
	ms = append(ms, reportMention("4", mon.AddDate(0, 0, -3).UTC(), "jalan macet", nil))
	ms = append(ms, reportMention("5", mon.AddDate(0, 0, 7).UTC(), "jalan besok", nil))
	// A duplicate version of mention 2 must count once.
	ms = append(ms, ms[1])
	if err := db.InsertMentions(ctx, ms, store.NewPseudonymizer("k")); err != nil {
		t.Fatal(err)
	}

	tot, err := db.ReportTotals(ctx, week)
	if err != nil {
		t.Fatal(err)
	}
	want := store.ReportTotals{Mentions: 3, Positive: 1, Neutral: 1, Negative: 1, Hostile: 1, Political: 1, Partisan: 1, Breaches: 1, Engagement: 17}
	if tot != want {
		t.Errorf("totals = %+v, want %+v", tot, want)
	}

	days, err := db.ReportProgramDays(ctx, week, wita)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(len(days)); got != "2" {
		t.Fatalf("program days = %+v, want 2 rows", days)
	}
	for _, d := range days {
		if !d.Day.Equal(mon) {
			t.Errorf("program %s day %v, want %v", d.Program, d.Day, mon)
		}
	}
	if days[1].Program != "probebaya" || days[1].Mentions != 2 || days[1].Negative != 1 || days[1].Positive != 1 || days[1].Hostile != 1 {
		t.Errorf("probebaya day = %+v", days[1])
	}

	// Terms are lower-cased words and #hashtags, a hashtag its own term.
	for _, c := range []struct {
		w          store.Range
		term, want string
	}{
		{week, "jalan", "[x:1]"}, {week, "#probebaya", "[x:1]"}, {week, "probebaya", "[x:2]"},
		{week, "macet", "[]"}, {base, "macet", "[x:4]"},
	} {
		ps, err := db.ReportPosts(ctx, c.w, store.PostFilter{Term: c.term})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, p := range ps {
			ids = append(ids, p.ID)
		}
		if got := fmt.Sprint(ids); got != c.want {
			t.Errorf("posts of %v using term %q = %s, want %s", c.w.From, c.term, got, c.want)
		}
	}

	posts, err := db.ReportPosts(ctx, week, store.PostFilter{Term: "rusak"})
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 1 || posts[0].ID != "x:1" || posts[0].Engagement != 15 {
		t.Errorf("term posts = %+v", posts)
	}
	if posts[0].AuthorHandle == "user1" || posts[0].AuthorKind != "citizen" {
		t.Errorf("citizen not pseudonymised: %+v", posts[0])
	}
	br, err := db.ReportPosts(ctx, week, store.PostFilter{BreachOnly: true, ByTime: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(br) != 1 || br[0].AuthorOrg != "Dinas X" || br[0].AuthorLevel != "opd" || len(br[0].Actors) != 1 {
		t.Errorf("breaches = %+v", br)
	}

	hours, err := db.ReportHostileHours(ctx, week)
	if err != nil {
		t.Fatal(err)
	}
	if len(hours) != 1 || hours[0].Abusive != 1 || hours[0].Hate != 0 || !hours[0].Hour.Equal(mon.Add(7*time.Hour).UTC()) {
		t.Errorf("hostile hours = %+v", hours)
	}
	places, err := db.ReportCounts(ctx, week, store.ReportByPlace, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(places) != 1 || places[0] != (store.KeyCount{Key: "sungai-pinang", Count: 1}) {
		t.Errorf("places = %+v", places)
	}
	if _, err := db.ReportCounts(ctx, week, "text; DROP", false); err == nil {
		t.Error("unknown dimension accepted")
	}
	src, err := db.ReportSourceDays(ctx, week, wita)
	if err != nil {
		t.Fatal(err)
	}
	if len(src) != 2 || src[0].Count != 2 || src[1].Count != 1 {
		t.Errorf("source days = %+v", src)
	}
	acc, err := db.ReportTopAccounts(ctx, week, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(acc) != 2 || acc[0].Engagement != 15 {
		t.Errorf("top accounts = %+v", acc)
	}
	at := mon.Add(time.Hour).UTC()
	if err := db.InsertCollectorRuns(ctx, []store.CollectorRun{
		{Collector: "x", Source: "x", StartedAt: at, FinishedAt: at.Add(time.Minute), Items: 5, OK: true},
		{Collector: "x", Source: "x", StartedAt: at.Add(time.Hour), Errors: 1, ErrorClass: "auth", OK: false},
		{Collector: "rss", Source: "rss", StartedAt: at.AddDate(0, 0, -2), OK: true}, // before the week
	}); err != nil {
		t.Fatal(err)
	}
	runs, ok, err := db.ReportCollectorRuns(ctx, week)
	if err != nil || !ok {
		t.Fatalf("collector runs: %v (table present %v)", err, ok)
	}
	if len(runs) != 1 || runs[0].Collector != "x" || runs[0].Runs != 2 || runs[0].Failed != 1 || runs[0].Items != 5 ||
		runs[0].LastErrorClass != "auth" || !runs[0].LastOK.Equal(at.Add(time.Minute)) {
		t.Errorf("collector runs = %+v", runs)
	}
}
