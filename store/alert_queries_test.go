package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func alertTestMention(i int, at time.Time, hostile, breach bool, programs, places []string) mention.Mention {
	m := mention.Mention{
		Schema: 1, ID: mention.NewID("x", fmt.Sprint("p", i)), Source: "x", URL: fmt.Sprintf("https://x.com/i/%d", i),
		Text:     fmt.Sprintf("teks nomor %d #probebaya", i),
		Author:   mention.Author{ID: fmt.Sprint("u", i), Handle: fmt.Sprint("user", i), Kind: mention.KindCitizen, Followers: int64(i)},
		PostedAt: at, CollectedAt: at,
		Tags: mention.Tags{
			Sentiment: &mention.Sentiment{Label: "negative"},
			Hostility: &mention.Hostility{Label: "none"},
			Programs:  programs, Places: places,
		},
	}
	if hostile {
		m.Hostility = &mention.Hostility{Label: "abusive", Score: 0.9}
	}
	if breach {
		m.Author.Kind = mention.KindGovernment
		m.Author.Handle = "camat_ulu"
		m.Politics = &mention.Politics{Political: true, Partisan: true}
		m.NeutralityBreach = true
	}
	return m
}

func TestAlertCountsAndMentions(t *testing.T) {
	cfg := chtest.Config(t)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t0 := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	var ms []mention.Mention
	// minute 0: 3 mentions (2 hostile, probebaya); minute 1: 1 mention in place:ulu; minute 61: 1 breach
	ms = append(ms, alertTestMention(1, t0.Add(5*time.Second), true, false, []string{"probebaya"}, nil))
	ms = append(ms, alertTestMention(2, t0.Add(10*time.Second), true, false, []string{"probebaya"}, []string{"samarinda-ulu"}))
	ms = append(ms, alertTestMention(3, t0.Add(20*time.Second), false, false, nil, nil))
	ms = append(ms, alertTestMention(4, t0.Add(70*time.Second), false, false, nil, []string{"samarinda-ulu"}))
	ms = append(ms, alertTestMention(5, t0.Add(61*time.Minute), false, true, nil, nil))
	p := store.NewPseudonymizer("k")
	for i := 0; i < 2; i++ { // duplicates must not be counted twice
		if err := db.InsertMentions(ctx, ms, p); err != nil {
			t.Fatal(err)
		}
	}
	mins, err := db.AlertMinuteCounts(ctx, t0, t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]store.AlertCounts{}
	for _, c := range mins {
		got[c.At.Format("15:04")+" "+c.Scope] = c.AlertCounts
	}
	want := map[string]store.AlertCounts{
		"03:00 all":                 {Total: 3, Hostile: 2, Negative: 3},
		"03:00 program:probebaya":   {Total: 2, Hostile: 2, Negative: 2},
		"03:00 place:samarinda-ulu": {Total: 1, Hostile: 1, Negative: 1},
		"03:01 all":                 {Total: 1, Negative: 1},
		"03:01 place:samarinda-ulu": {Total: 1, Negative: 1},
		"04:01 all":                 {Total: 1, Negative: 1, Partisan: 1},
	}
	if len(got) != len(want) {
		t.Errorf("minute counts = %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("minute %s = %+v, want %+v", k, got[k], w)
		}
	}
	hours, err := db.AlertHourlyCounts(ctx, t0, t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	gotH := map[string]store.AlertCounts{}
	for _, c := range hours {
		gotH[c.At.Format("15")+" "+c.Scope] = c.AlertCounts
	}
	wantH := map[string]store.AlertCounts{ // from the rollups: duplicates counted once
		"03 all":                 {Total: 4, Hostile: 2, Negative: 4},
		"03 program:probebaya":   {Total: 2, Hostile: 2, Negative: 2},
		"03 place:samarinda-ulu": {Total: 2, Hostile: 1, Negative: 2},
		"04 all":                 {Total: 1, Negative: 1, Partisan: 1},
	}
	if len(gotH) != len(wantH) {
		t.Errorf("hourly counts = %v, want %v", gotH, wantH)
	}
	for k, w := range wantH {
		if gotH[k] != w {
			t.Errorf("hour %s = %+v, want %+v", k, gotH[k], w)
		}
	}
	hm, err := db.AlertMentions(ctx, "program:probebaya", store.Hostile, t0, t0.Add(time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hm) != 2 || hm[0].ID != "x:p2" || hm[0].AuthorHandle == "user2" || hm[0].URL == "" {
		t.Errorf("hostile probebaya mentions = %+v", hm)
	}
	if _, err := db.AlertMentions(ctx, "bogus", store.Hostile, t0, t0, 1); err == nil {
		t.Error("unknown scope accepted")
	}
	first, last, ok, err := db.MentionTimeRange(ctx)
	if err != nil || !ok || !first.Equal(t0.Add(5*time.Second)) || !last.Equal(t0.Add(61*time.Minute)) {
		t.Errorf("time range = %v %v %v %v", first, last, ok, err)
	}

	// Breaches: one, until an alert for it exists.
	br, err := db.UnalertedMentions(ctx, store.Breach, "breach:", t0, t0.Add(2*time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(br) != 1 || br[0].ID != "x:p5" || br[0].AuthorHandle != "camat_ulu" {
		t.Fatalf("breaches = %+v", br)
	}
	rec := store.AlertRecord{ID: "breach:x:p5", Key: "breach:x:p5", Family: "neutrality_breach", State: "firing", Severity: "high",
		OpenedAt: t0.Add(62 * time.Minute), UpdatedAt: t0.Add(62 * time.Minute), MentionID: "x:p5", Version: 1}
	if err := db.InsertAlerts(ctx, []store.AlertRecord{rec}); err != nil {
		t.Fatal(err)
	}
	rec.State, rec.Version = "resolved", 2
	if err := db.InsertAlerts(ctx, []store.AlertRecord{rec}); err != nil {
		t.Fatal(err)
	}
	br, err = db.UnalertedMentions(ctx, store.Breach, "breach:", t0, t0.Add(2*time.Hour), 10)
	if err != nil || len(br) != 0 {
		t.Fatalf("breaches after alert = %+v, %v", br, err)
	}
	as, err := db.Alerts(ctx, t0, t0.Add(3*time.Hour), "")
	if err != nil || len(as) != 1 || as[0].State != "resolved" || as[0].Version != 2 {
		t.Fatalf("alerts = %+v, %v", as, err)
	}
	as, err = db.Alerts(ctx, t0, t0.Add(3*time.Hour), "firing")
	if err != nil || len(as) != 0 {
		t.Fatalf("firing alerts = %+v, %v", as, err)
	}
}

func TestDeliveryOutbox(t *testing.T) {
	cfg := chtest.Config(t)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t0 := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	rows := []store.DeliveryRecord{
		{DeliveryID: "a1/1/telegram", AlertID: "a1", AlertVersion: 1, Channel: "telegram", Attempt: 0, State: "pending", Payload: `{"x":1}`, CreatedAt: t0, NextAttemptAt: t0},
		{DeliveryID: "a1/1/email", AlertID: "a1", AlertVersion: 1, Channel: "email", Attempt: 0, State: "pending", Payload: `{"x":2}`, CreatedAt: t0, NextAttemptAt: t0},
		{DeliveryID: "a1/1/telegram", AlertID: "a1", AlertVersion: 1, Channel: "telegram", Attempt: 1, State: "pending", Error: "500", CreatedAt: t0, AttemptedAt: t0.Add(time.Second), NextAttemptAt: t0.Add(5 * time.Second)},
		{DeliveryID: "a1/1/email", AlertID: "a1", AlertVersion: 1, Channel: "email", Attempt: 1, State: "sent", CreatedAt: t0, AttemptedAt: t0.Add(time.Second)},
	}
	if err := db.InsertDeliveries(ctx, rows); err != nil {
		t.Fatal(err)
	}
	pend, err := db.DeliveriesIn(ctx, "pending", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(pend) != 1 || pend[0].DeliveryID != "a1/1/telegram" || pend[0].Attempt != 1 || pend[0].Payload != `{"x":1}` || pend[0].Error != "500" {
		t.Fatalf("pending = %+v", pend)
	}
	sent, err := db.DeliveriesIn(ctx, "sent", 10)
	if err != nil || len(sent) != 1 || sent[0].DeliveryID != "a1/1/email" || sent[0].Payload != `{"x":2}` {
		t.Fatalf("sent deliveries = %+v, %v", sent, err)
	}
	if _, err := db.CollectorHealthAt(ctx, t0, t0.Add(time.Hour)); err != nil && !errors.Is(err, store.ErrNoCollectorRuns) {
		t.Fatalf("collector health: %v", err)
	}
}
