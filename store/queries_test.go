package store_test

import (
	"context"
	"math"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

var wita = time.FixedZone("WITA", 8*3600)

// day0 is Monday 16 November 2026, 00:00 WITA.
var day0 = time.Date(2026, 11, 16, 0, 0, 0, 0, wita)

type fx struct {
	id, source, author, kind string
	programs, places         []string
	sentiment, hostility     string
	partisan, threat, breach bool
	likes                    int64
	at                       time.Duration // after day0
	text                     string
}

// fixture is the seeded data of the query tests (texts are made up).
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

func TestTotalsAndShares(t *testing.T) {
	db, _ := seedQueries(t)
	ctx := context.Background()
	tot, err := db.Totals(ctx, store.Filter{Range: days3})
	if err != nil {
		t.Fatal(err)
	}
	want := store.Totals{Mentions: 7, Positive: 2, Neutral: 2, Negative: 3, Abusive: 2, Hate: 1, Threats: 1, Political: 2, Partisan: 2, Breaches: 1,
		Engagement: 11 + 51 + 6 + 4 + 1 + 2 + 21, Views: 700}
	if tot != want {
		t.Errorf("Totals = %+v\nwant     %+v", tot, want)
	}
	for _, f := range []store.Filter{{Range: days3, Source: "x"}, {Range: days3, Program: "probebaya", Place: "samarinda_ulu"}} {
		// These filters read mentions_* and places_hourly instead of signals_hourly.
		got, err := db.Totals(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		wantMentions := map[bool]int64{true: 4, false: 2}[f.Source == "x"]
		if got.Mentions != wantMentions || got.Negative != wantMentions/2 {
			t.Errorf("Totals(%+v) = %+v, want %d mentions, %d negative", f, got, wantMentions, wantMentions/2)
		}
	}
	if a, err := db.AuthorCounts(ctx, store.Filter{Range: days3}, store.ByNone); err != nil || len(a) != 1 || a[0].Count != 6 {
		t.Errorf("AuthorCounts(all) = %v, %v; want 6 authors", a, err)
	}
	// A range that is not day-aligned mixes hourly and daily rollups:
	// day0 10:00 WITA to day2 02:00 WITA holds mentions 3, 4, 5, 7.
	part := store.Range{From: day0.Add(10 * time.Hour).UTC(), To: day0.Add(50 * time.Hour).UTC()}
	tot, err = db.Totals(ctx, store.Filter{Range: part})
	if err != nil {
		t.Fatal(err)
	}
	if tot.Mentions != 4 || tot.Negative != 2 || tot.Breaches != 1 {
		t.Errorf("partial-range Totals = %+v, want 4 mentions, 2 negative, 1 breach", tot)
	}
	// The same through mentions_hourly + mentions_daily (a source filter):
	// of x's mentions only 7 is in the range; facebook's 4 is the breach.
	for src, want := range map[string][2]int64{"x": {1, 0}, "facebook": {1, 1}, "youtube": {1, 0}, "rss": {1, 0}} {
		tot, err = db.Totals(ctx, store.Filter{Range: part, Source: src})
		if err != nil {
			t.Fatal(err)
		}
		if tot.Mentions != want[0] || tot.Breaches != want[1] {
			t.Errorf("partial-range Totals(source %s) = %+v, want %d mentions, %d breaches", src, tot, want[0], want[1])
		}
	}

	cases := []struct {
		f    store.Filter
		by   store.Breakdown
		want []string // key:mentions
	}{
		{store.Filter{Range: days3}, store.ByProgram, []string{"banjir:3", "probebaya:3", "(lainnya):2"}},
		{store.Filter{Range: days3}, store.BySource, []string{"x:4", "facebook:1", "rss:1", "youtube:1"}},
		{store.Filter{Range: days3}, store.ByPlace, []string{"samarinda_ulu:3", "(tanpa lokasi):2", "sungai_kunjang:2"}},
		{store.Filter{Range: days3, Program: "banjir"}, store.ByPlace, []string{"sungai_kunjang:2", "(tanpa lokasi):1"}},
		{store.Filter{Range: days3, Place: "samarinda_ulu"}, store.ByProgram, []string{"probebaya:2", "(lainnya):1"}},
		{store.Filter{Range: days3, Source: "x"}, store.BySentiment, []string{"negative:2", "positive:2"}},
		{store.Filter{Range: days3, Program: store.NoProgram}, store.ByAuthorKind, []string{"citizen:1", "government:1"}},
		{store.Filter{Range: days3}, store.ByHostility, []string{"none:4", "abusive:2", "hate:1"}},
	}
	for _, c := range cases {
		got, err := db.ShareOfVoice(ctx, c.f, c.by)
		if err != nil {
			t.Fatalf("ShareOfVoice(%+v, %s): %v", c.f, c.by, err)
		}
		var keys []string
		var sum float64
		for _, v := range got {
			keys = append(keys, v.Key+":"+itoa(v.Mentions))
			sum += v.Share
		}
		if !reflect.DeepEqual(keys, c.want) {
			t.Errorf("ShareOfVoice(%s, program=%q place=%q source=%q) = %v, want %v", c.by, c.f.Program, c.f.Place, c.f.Source, keys, c.want)
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("shares of %s sum to %v", c.by, sum)
		}
	}
	sov, _ := db.ShareOfVoice(ctx, store.Filter{Range: days3}, store.ByProgram)
	if sov[1].Key != "probebaya" || sov[1].Positive != 1 || sov[1].Negative != 2 || sov[1].Hostile != 2 || sov[1].Threats != 1 ||
		sov[1].Engagement != 11+51+6 || math.Abs(sov[1].Share-3.0/8) > 1e-9 || math.Abs(sov[1].Index+1.0/3) > 1e-9 {
		t.Errorf("probebaya share = %+v", sov[1])
	}
	// x/u1 and youtube/u1 are distinct authors (pseudonyms are per source).
	ac, err := db.AuthorCounts(ctx, store.Filter{Range: days3}, store.ByProgram)
	if err != nil {
		t.Fatal(err)
	}
	if want := []store.CountRow{{Key: "banjir", Count: 3}, {Key: "probebaya", Count: 3}, {Key: "(lainnya)", Count: 2}}; !reflect.DeepEqual(ac, want) {
		t.Errorf("AuthorCounts by program = %v, want %v", ac, want)
	}
	if _, err := db.ShareOfVoice(ctx, store.Filter{Range: days3, Place: "x", Source: "x"}, store.ByProgram); err == nil {
		t.Error("place + source filter: want an error (no such rollup)")
	}
	if _, err := db.ShareOfVoice(ctx, store.Filter{}, store.ByProgram); err == nil {
		t.Error("empty range: want an error")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestSeries(t *testing.T) {
	db, _ := seedQueries(t)
	ctx := context.Background()
	vol, err := db.Volume(ctx, store.Filter{Range: days3}, store.Day, store.ByNone)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range vol {
		got = append(got, p.At.In(wita).Format("01-02")+"="+itoa(p.Mentions))
	}
	if want := []string{"11-16=3", "11-17=2", "11-18=2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("daily volume = %v, want %v", got, want)
	}
	vol, err = db.Volume(ctx, store.Filter{Range: days3}, store.Day, store.ByProgram)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, p := range vol {
		got = append(got, p.At.In(wita).Format("02")+":"+p.Key+"="+itoa(p.Mentions))
	}
	if want := []string{"16:banjir=1", "16:probebaya=3", "17:(lainnya)=1", "17:banjir=1", "18:(lainnya)=1", "18:banjir=1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("daily volume by program = %v, want %v", got, want)
	}
	// Hourly, with zero hours filled: 72 buckets, 7 mentions.
	vol, err = db.Volume(ctx, store.Filter{Range: days3}, store.Hour, store.ByNone)
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, p := range vol {
		sum += p.Mentions
	}
	if len(vol) != 72 || sum != 7 || vol[9].Mentions != 2 || vol[10].Mentions != 1 {
		t.Errorf("hourly volume: %d buckets, %d mentions, 09:00=%d 10:00=%d; want 72, 7, 2, 1", len(vol), sum, vol[9].Mentions, vol[10].Mentions)
	}
	wk, err := db.Volume(ctx, store.Filter{Range: store.Range{From: day0.AddDate(0, 0, -7).UTC(), To: day0.AddDate(0, 0, 14).UTC()}}, store.Week, store.ByNone)
	if err != nil {
		t.Fatal(err)
	}
	if len(wk) != 3 || wk[0].Mentions != 0 || wk[1].Mentions != 7 || !wk[1].At.Equal(day0) {
		t.Errorf("weekly volume = %+v, want 3 weeks, 7 mentions in the week of %s", wk, day0)
	}

	si, err := db.SentimentIndex(ctx, store.Filter{Range: days3}, store.Day)
	if err != nil {
		t.Fatal(err)
	}
	if len(si) != 3 || si[0].Total != 3 || si[0].Positive != 1 || si[0].Negative != 2 || math.Abs(si[0].Index+1.0/3) > 1e-9 ||
		si[1].Index != 0 || si[1].Neutral != 2 || si[2].Index != 0 {
		t.Errorf("sentiment index = %+v", si)
	}
	hs, err := db.HostileShare(ctx, store.Filter{Range: days3, Program: "probebaya"}, store.Day)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 3 || hs[0].Total != 3 || hs[0].Abusive != 1 || hs[0].Hate != 1 || hs[0].Threats != 1 || math.Abs(hs[0].Share-2.0/3) > 1e-9 || hs[1].Total != 0 {
		t.Errorf("hostile share (probebaya) = %+v", hs)
	}
	if _, err := db.Volume(ctx, store.Filter{Range: days3}, store.Interval("fortnight"), store.ByNone); err == nil {
		t.Error("bad interval: want an error")
	}
}

func TestHourlySignals(t *testing.T) {
	db, _ := seedQueries(t)
	ctx := context.Background()
	r := store.Range{From: day0.Add(9 * time.Hour).UTC(), To: day0.Add(12 * time.Hour).UTC()}
	cases := []struct {
		scope string
		want  []store.SignalPoint
	}{
		{"all", []store.SignalPoint{{Total: 2, Hostile: 1, Negative: 1}, {Total: 1, Hostile: 1, Negative: 1, Threats: 1}, {}}},
		{"program:probebaya", []store.SignalPoint{{Total: 2, Hostile: 1, Negative: 1}, {Total: 1, Hostile: 1, Negative: 1, Threats: 1}, {}}},
		{"program:banjir", []store.SignalPoint{{}, {Total: 1, Hostile: 1, Negative: 1, Threats: 1}, {}}},
		{"place:samarinda_ulu", []store.SignalPoint{{Total: 2, Hostile: 1, Negative: 1}, {}, {}}},
		{"place:sungai_kunjang", []store.SignalPoint{{}, {Total: 1, Hostile: 1, Negative: 1, Threats: 1}, {}}},
	}
	for _, c := range cases {
		got, err := db.HourlySignals(ctx, c.scope, r)
		if err != nil {
			t.Fatalf("%s: %v", c.scope, err)
		}
		for i := range c.want {
			c.want[i].Hour = r.From.Add(time.Duration(i) * time.Hour)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("HourlySignals(%s) = %+v\nwant %+v", c.scope, got, c.want)
		}
	}
	if got, _ := db.HourlySignals(ctx, "all", r); got[0].HostileShare() != 0.5 || got[2].NegativeShare() != 0 {
		t.Errorf("shares of %+v", got)
	}
	by, err := db.HourlySignalsByScope(ctx, "program", days3)
	if err != nil {
		t.Fatal(err)
	}
	var scopes []string
	for _, s := range by {
		var n, partisan int64
		for _, p := range s.Points {
			n += p.Total
			partisan += p.Partisan
		}
		scopes = append(scopes, s.Scope+"="+itoa(n)+"/"+itoa(partisan))
		if len(s.Points) != 72 {
			t.Errorf("%s has %d points, want 72", s.Scope, len(s.Points))
		}
	}
	if want := []string{"program:(lainnya)=2/1", "program:banjir=3/1", "program:probebaya=3/0"}; !reflect.DeepEqual(scopes, want) {
		t.Errorf("HourlySignalsByScope = %v, want %v", scopes, want)
	}
	if _, err := db.HourlySignals(ctx, "kota:x", r); err == nil {
		t.Error("bad scope: want an error")
	}
}

func ids(ps []store.Post) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func TestPostsAccountsTerms(t *testing.T) {
	db, p := seedQueries(t)
	ctx := context.Background()
	top, err := db.TopHostilePosts(ctx, store.Filter{Range: days3}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(top), []string{"x:2", "x:7", "youtube:3"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("TopHostilePosts = %v, want %v", got, want)
	}
	if a := top[0]; a.AuthorID != p.Pseudonym("x", "u2") || a.AuthorName != "" || a.Engagement != 51 || a.Text != "Probebaya korupsi dasar bodoh" || a.Hostility != "abusive" {
		t.Errorf("top hostile post not pseudonymised or wrong: %+v", a)
	}
	if a := top[2]; !a.Threat || !reflect.DeepEqual(a.HostilityCategories, []string{"religion"}) || !reflect.DeepEqual(a.Programs, []string{"probebaya", "banjir"}) {
		t.Errorf("threat post = %+v", a)
	}
	br, err := db.NeutralityBreaches(ctx, store.Filter{Range: days3}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(br) != 1 || br[0].ID != "facebook:4" || br[0].AuthorOrg != "Diskominfo" || br[0].AuthorLevel != "opd" || br[0].AuthorHandle != "diskominfo" ||
		br[0].URL != "https://facebook.test/4" || !br[0].PostedAt.Equal(day0.Add(32*time.Hour)) {
		t.Errorf("NeutralityBreaches = %+v", br)
	}
	ex, err := db.ExamplePosts(ctx, store.Filter{Range: days3, Program: "banjir"}, "", 2)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(ex), []string{"x:7", "youtube:3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ExamplePosts(banjir) = %v, want %v", got, want)
	}
	rec, err := db.Posts(ctx, store.Filter{Range: days3, Place: "samarinda_ulu"}, store.PostQuery{Order: store.ByRecent, Sentiment: "positive"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(rec), []string{"x:6", "x:1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("recent positive posts in samarinda_ulu = %v, want %v", got, want)
	}

	acc, err := db.TopAccounts(ctx, store.Filter{Range: days3}, 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range acc {
		got = append(got, a.Source+"/"+a.Handle+"="+itoa(a.Engagement)+"/"+itoa(a.Mentions)+"/"+itoa(a.Hostile))
	}
	want := []string{"x/" + p.Pseudonym("x", "u2") + "=72/2/2", "x/" + p.Pseudonym("x", "u1") + "=11/1/0", "youtube/" + p.Pseudonym("youtube", "u1") + "=6/1/1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TopAccounts = %v, want %v", got, want)
	}

	terms, err := db.TermCounts(ctx, store.Filter{Range: days3, Program: "probebaya"}, 4)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, tm := range terms {
		got = append(got, tm.Term+"="+itoa(tm.Count))
	}
	if want := []string{"probebaya=3", "#banjir=1", "banjir=1", "bodoh=1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("TermCounts(probebaya) = %v, want %v", got, want)
	}
	// Rising: day 2 against days 0-1 for banjir: "paslon" and "terus" are new.
	rise, err := db.RisingTerms(ctx, store.Filter{Range: store.Range{From: day0.Add(48 * time.Hour).UTC(), To: day0.Add(72 * time.Hour).UTC()}, Program: "banjir"},
		store.Range{From: day0.UTC(), To: day0.Add(48 * time.Hour).UTC()}, 1, 3)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, tm := range rise {
		got = append(got, tm.Term+"="+itoa(tm.Count)+"/"+itoa(tm.Baseline))
	}
	if want := []string{"lain=1/0", "paslon=1/0", "pilih=1/0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("RisingTerms = %v, want %v", got, want)
	}

	cats, targets, err := db.HostileBreakdown(ctx, store.Filter{Range: days3})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cats, []store.CountRow{{Key: "other", Count: 2}, {Key: "religion", Count: 1}}) ||
		!reflect.DeepEqual(targets, []store.CountRow{{Key: "unknown", Count: 2}, {Key: "group", Count: 1}}) {
		t.Errorf("HostileBreakdown = %v %v", cats, targets)
	}
}

// TestRawFallbacks covers the raw-mention paths taken when a filter has
// no rollup (top accounts of a program, terms of a source).
func TestRawFallbacks(t *testing.T) {
	db, p := seedQueries(t)
	ctx := context.Background()
	acc, err := db.TopAccounts(ctx, store.Filter{Range: days3, Program: "banjir"}, 5)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range acc {
		got = append(got, a.Source+"/"+a.Handle+"="+itoa(a.Engagement)+"/"+itoa(a.Mentions))
	}
	want := []string{"x/" + p.Pseudonym("x", "u2") + "=21/1", "youtube/" + p.Pseudonym("youtube", "u1") + "=6/1", "rss/kaltimpost=1/1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TopAccounts(banjir) = %v, want %v", got, want)
	}
	terms, err := db.TermCounts(ctx, store.Filter{Range: days3, Source: "x"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, tm := range terms {
		got = append(got, tm.Term+"="+itoa(tm.Count))
	}
	if want := []string{"probebaya=2", "#banjir=1", "banjir=1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("TermCounts(source x) = %v, want %v", got, want)
	}
}

func FuzzParseInterval(f *testing.F) {
	for _, s := range []string{"hour", "1d", "WEEK", " month ", "", "fortnight"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iv, err := store.ParseInterval(s)
		if err != nil {
			return
		}
		switch iv {
		case store.Hour, store.Day, store.Week, store.Month:
		default:
			t.Fatalf("ParseInterval(%q) = %q", s, iv)
		}
		if _, err := store.ParseBreakdown(s); err == nil && s != "" {
			// no breakdown is also an interval name
			t.Fatalf("%q parses as both interval and breakdown", s)
		}
	})
}

func TestFilterForScope(t *testing.T) {
	r := store.Range{From: day0.UTC(), To: day0.Add(time.Hour).UTC()}
	for _, c := range []struct {
		scope          string
		program, place string
		wantErr        bool
	}{
		{"all", "", "", false},
		{"program:banjir", "banjir", "", false},
		{"place:palaran", "", "palaran", false},
		{"program:", "", "", true},
		{"kota:x", "", "", true},
	} {
		f, err := store.FilterForScope(c.scope, r)
		if (err != nil) != c.wantErr || f.Program != c.program || f.Place != c.place {
			t.Errorf("FilterForScope(%q) = %+v, %v", c.scope, f, err)
		}
	}
	if _, err := store.FilterForScope("all", store.Range{}); err == nil {
		t.Error("empty range: want an error")
	}
}
