package report

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// TestAveragesUseWeeksWithData: a new installation's first month. Facebook
// had 249, 225 and 216 mentions in the three weeks before (the fourth week
// before holds no data at all), so its usual week is 230, not 172,5; the
// report says the average is over 3 weeks with data. A phrase used 9 times
// in each of those weeks has a weekly average of 9.
func TestAveragesUseWeeksWithData(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, chtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ms []mention.Mention
	n := 0
	add := func(week int, count int, text string) {
		start := testWeek.Start().AddDate(0, 0, 7*week)
		for i := 0; i < count; i++ {
			n++
			at := start.Add(time.Duration(i) * (7 * 24 * time.Hour) / time.Duration(count))
			ms = append(ms, mention.Mention{
				ID: mention.NewID("facebook", fmt.Sprintf("a%05d", n)), Source: "facebook", Text: text,
				Author:   mention.Author{ID: fmt.Sprintf("u%03d", n%50), Kind: mention.KindCitizen},
				PostedAt: at.UTC(), CollectedAt: at.UTC(),
				Tags: mention.Tags{Sentiment: &mention.Sentiment{Label: mention.SentimentNeutral}, Hostility: &mention.Hostility{Label: mention.HostilityNone}},
			})
		}
	}
	for _, w := range []struct{ week, other, phrase int }{{-3, 240, 9}, {-2, 216, 9}, {-1, 207, 9}, {0, 347, 20}} {
		add(w.week, w.other, "Info kegiatan kelurahan minggu ini")
		add(w.week, w.phrase, "Jalan rusak di depan sekolah belum diperbaiki")
	}
	if err := db.InsertMentions(ctx, ms, store.NewPseudonymizer("k")); err != nil {
		t.Fatal(err)
	}
	out, err := Generate(ctx, db, testWeek, Options{Now: weekDone})
	if err != nil {
		t.Fatal(err)
	}
	r := out.Report
	var b strings.Builder
	fmt.Fprintf(&b, "weeks with data before: %d\n", r.Issues.BaseWeeks)
	for _, c := range r.Method.Coverage {
		fmt.Fprintf(&b, "coverage %s: %d this week, usual %s a week over %d weeks, %s\n", c.Source, c.Count, newLangMust(LangID).Float(c.WeeklyBase), c.BaseWeeks, c.Status)
	}
	for _, term := range r.Issues.Terms {
		fmt.Fprintf(&b, "issue %q (%s): %d this week, %d before, usual %s a week, ×%s\n", term.Term, term.Kind, term.Current, term.Baseline,
			newLangMust(LangID).Float(term.WeeklyBase), newLangMust(LangID).Float(term.Lift))
	}
	for _, want := range []string{"Rata-rata 3 minggu berdata", "230,0 (3 mgg)"} {
		if !strings.Contains(string(out.HTML), want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	golden(t, "averages-3weeks.golden.txt", []byte(b.String()))
}

func newLangMust(code string) lang {
	l, err := newLang(code)
	if err != nil {
		panic(err)
	}
	return l
}
