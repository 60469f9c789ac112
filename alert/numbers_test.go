package alert

// Golden tests of the numbers an alert states (issue 23): a spike's window
// and count (its first and last post and how many, the one definition the
// weekly report shares), and a backfilled breach dated by its post.

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

// quietCity is a deterministic stream: a neutral post every 10 minutes and
// a hostile one at half past every odd hour (0.5 an hour), over [from, to).
func quietCity(from, to time.Time) []store.AlertMention {
	var ms []store.AlertMention
	n := 0
	for t := from; t.Before(to); t = t.Add(10 * time.Minute) {
		n++
		m := store.AlertMention{ID: fmt.Sprintf("x:q%d", n), Source: "x", AuthorKind: "citizen", AuthorHandle: fmt.Sprintf("warga-%06d", n%400),
			AuthorFollowers: 500, Text: "kabar jalan dan pasar hari ini", PostedAt: t.Add(17 * time.Second), Sentiment: "neutral", Hostility: "none"}
		if w := t.In(clock.WITA); w.Hour()%2 == 1 && w.Minute() == 30 {
			m.Hostility, m.Sentiment, m.Text = "abusive", "negative", "pejabat lamban urus jalan"
		}
		ms = append(ms, m)
	}
	return ms
}

func TestSpikeWindowAndCountGolden(t *testing.T) {
	day := time.Date(2026, 11, 19, 0, 0, 0, 0, clock.WITA)
	ms := quietCity(day.AddDate(0, 0, -28), day.AddDate(0, 0, 1))
	// 91 hostile posts from 19:59 to 20:44 WITA, one every 30 seconds.
	first := day.Add(19*time.Hour + 59*time.Minute)
	for i := 0; i < 91; i++ {
		ms = append(ms, store.AlertMention{ID: fmt.Sprintf("x:s%d", i), Source: "x", AuthorKind: "citizen",
			AuthorHandle: fmt.Sprintf("warga-s%05d", i), AuthorFollowers: 40, Text: fmt.Sprintf("usir pendatang biang kerok %d", i),
			PostedAt: first.Add(time.Duration(i) * 30 * time.Second), Sentiment: "negative", Hostility: "hate"})
	}
	cfg := Config{Families: []string{FamilyHostile}}
	as, err := EvaluateRange(context.Background(), NewMemData(ms), day.Add(12*time.Hour), day.AddDate(0, 0, 1), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	PrintAlerts(&b, as)
	checkGolden(t, "spike-window.txt", b.String())
	if len(as) != 1 {
		t.Fatalf("%d alerts, want the one spike", len(as))
	}
	a := as[0]
	if !a.SpanFrom.Equal(first) || !a.SpanTo.Equal(first.Add(45*time.Minute)) || a.SpanCount != 91 {
		t.Errorf("span %s–%s, %d posts; want 19:59–20:44 WITA, 91", a.SpanFrom.In(clock.WITA), a.SpanTo.In(clock.WITA), a.SpanCount)
	}
	m := Render(&Event{Type: EventResolved, Alert: a}, "x")
	if !bytes.Contains([]byte(m.Text), []byte("Lonjakan 19/11 19:59–20:44 WITA (46 menit): 91 sebutan konten bermusuhan di seluruh kota.")) {
		t.Errorf("resolved message does not state the span:\n%s", m.Text)
	}
}

func TestBackfillDatesBreachByItsPost(t *testing.T) {
	day := time.Date(2026, 11, 19, 0, 0, 0, 0, clock.WITA)
	ms := quietCity(day.AddDate(0, 0, -28), day.AddDate(0, 0, 1))
	posted := time.Date(2026, 11, 17, 10, 32, 0, 0, clock.WITA)
	ms = append(ms, store.AlertMention{ID: "facebook:breach", Source: "facebook", AuthorKind: "government", AuthorHandle: "kec.samarindaulu",
		AuthorOrg: "Kecamatan Samarinda Ulu", AuthorLevel: "kecamatan", Text: "Salam dua jari dari keluarga besar Kelurahan!",
		PostedAt: posted, Partisan: true, Breach: true, Sentiment: "positive", Hostility: "none",
		Cues: []string{`hand-sign: "Salam dua jari" → prabowo-gibran`}})
	cfg := Config{Families: []string{FamilyHostile}}
	var out bytes.Buffer
	for _, r := range []struct{ from, to time.Time }{
		{time.Date(2026, 11, 17, 0, 0, 0, 0, clock.WITA), day.AddDate(0, 0, 1)},
		{day, day.AddDate(0, 0, 1)}, // 19/11 only: the breach is not in it
	} {
		as, err := EvaluateRange(context.Background(), NewMemData(ms), r.from, r.to, cfg)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "backfill %s – %s WITA\n", r.from.In(clock.WITA).Format("2006-01-02 15:04"), r.to.In(clock.WITA).Format("2006-01-02 15:04"))
		PrintAlerts(&out, as)
	}
	checkGolden(t, "backfill-breach.txt", out.String())
}
