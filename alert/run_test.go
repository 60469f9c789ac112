package alert

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/notify"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

func toMention(a store.AlertMention) mention.Mention {
	created := a.AuthorCreatedAt
	m := mention.Mention{
		Schema: 1, ID: a.ID, Source: strings.SplitN(a.ID, ":", 2)[0], URL: a.URL, Text: a.Text,
		Author:   mention.Author{ID: a.AuthorHandle, Handle: a.AuthorHandle, Kind: a.AuthorKind, Org: a.AuthorOrg, Followers: a.AuthorFollowers, CreatedAt: &created},
		PostedAt: a.PostedAt, CollectedAt: a.PostedAt,
		Tags: mention.Tags{
			Sentiment: &mention.Sentiment{Label: a.Sentiment}, Hostility: &mention.Hostility{Label: a.Hostility, Threat: a.Threat},
			Politics: &mention.Politics{Political: a.Partisan, Partisan: a.Partisan},
			Programs: a.Programs, Places: a.Places, NeutralityBreach: a.Breach,
		},
	}
	return m
}

// TestLiveRoleWithClickHouse runs the live role against a real
// ClickHouse: a hostile spike going on now, a neutrality breach and a
// stalled collector are alerted, recorded in alerts, and delivered to a
// webhook that fails at first; every attempt is in alert_deliveries.
func TestLiveRoleWithClickHouse(t *testing.T) {
	cfg := chtest.Config(t)
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A fixed date that runs forward at real speed: the role's retries and
	// ticks advance, and the test does not depend on the day it runs.
	now := time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)
	began := time.Now()
	roleClock := func() time.Time { return now.Add(time.Since(began)) }
	s := newSynth(7)
	s.base(now.Add(-3*24*time.Hour), now, 1)
	s.spike(now.Add(-12*time.Minute), 12*time.Minute, 8, "probebaya")
	b := s.mention(now.Add(-3*time.Minute), false, "")
	b.ID, b.AuthorKind, b.AuthorHandle, b.AuthorOrg, b.Partisan, b.Breach = "facebook:breach1", "government", "kel.airhitam", "Kelurahan Air Hitam", true, true
	b.Text = "Mari menangkan paslon nomor 1 di Air Hitam"
	s.ms = append(s.ms, b)
	var ms []mention.Mention
	for _, a := range s.ms {
		ms = append(ms, toMention(a))
	}
	if err := db.InsertMentions(ctx, ms, nil); err != nil {
		t.Fatal(err)
	}
	// rss has not succeeded for two hours; youtube is fine
	var runs []store.CollectorRun
	for t := now.Add(-5 * time.Hour); t.Before(now); t = t.Add(10 * time.Minute) {
		ok := t.Before(now.Add(-2 * time.Hour))
		runs = append(runs, store.CollectorRun{Collector: "rss", Source: "rss", StartedAt: t, FinishedAt: t.Add(time.Second), OK: ok, Errors: map[bool]int64{true: 0, false: 2}[ok]},
			store.CollectorRun{Collector: "youtube", Source: "youtube", StartedAt: t, FinishedAt: t.Add(time.Second), OK: true, Items: 5})
	}
	if err := db.InsertCollectorRuns(ctx, runs); err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	got := map[string]int{}
	var bodies []notify.WebhookBody
	fails := 2
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !notify.Verify([]byte("rahasia"), body, r.Header.Get("X-Dengar-Signature")) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if fails > 0 {
			fails--
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		var wb notify.WebhookBody
		_ = json.Unmarshal(body, &wb)
		got[wb.DeliveryID]++
		bodies = append(bodies, wb)
	}))
	defer srv.Close()
	wh, err := notify.NewWebhook(srv.URL, "rahasia", srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	acfg := Config{Interval: 300 * time.Millisecond, Notify: NotifyConfig{RetryBase: 50 * time.Millisecond, RetryMax: 200 * time.Millisecond}}
	done := make(chan error, 1)
	rctx, stop := context.WithCancel(ctx)
	go func() {
		done <- Run(rctx, db, acfg, WithNotifiers(wh), WithDispatchInterval(50*time.Millisecond), WithClock(roleClock))
	}()
	want := map[string]bool{FamilyHostile: false, FamilyBreach: false, FamilyStale: false}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		mu.Lock()
		for _, wb := range bodies {
			var a struct{ Family string }
			_ = json.Unmarshal(wb.Alert, &a)
			if _, ok := want[a.Family]; ok && wb.Event == EventOpened {
				want[a.Family] = true
			}
		}
		all := want[FamilyHostile] && want[FamilyBreach] && want[FamilyStale]
		mu.Unlock()
		if all {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second) // a few more evaluations: nothing may repeat
	stop()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	for f, ok := range want {
		if !ok {
			t.Errorf("no %s alert delivered (got %d deliveries)", f, len(bodies))
		}
	}
	for id, n := range got {
		if n != 1 {
			t.Errorf("delivery %s received %d times", id, n)
		}
	}
	recs, err := db.Alerts(ctx, now.Add(-time.Hour), now.Add(time.Hour), "")
	if err != nil {
		t.Fatal(err)
	}
	fams := map[string]int{}
	for _, r := range recs {
		fams[r.Family]++
		if r.Title == "" || r.Summary == "" || r.Version == 0 {
			t.Errorf("alert row %s incomplete: %+v", r.ID, r)
		}
		if r.Family == FamilyHostile && !strings.Contains(r.Explanation, "buzzer") {
			t.Errorf("spike alert recorded without explanation: %s", r.Explanation)
		}
	}
	if fams[FamilyHostile] != 1 || fams[FamilyBreach] != 1 || fams[FamilyStale] != 1 {
		t.Errorf("alert rows by family %v, want one hostile, one breach, one stale collector", fams)
	}
	// The delivery log: every attempt of every delivery.
	type attempt struct {
		id, state, err string
		n              uint32
	}
	var log []attempt
	rows, err := db.Conn().Query(ctx, "SELECT delivery_id, toString(state), error, attempt FROM alert_deliveries ORDER BY delivery_id, attempt")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var a attempt
		if err := rows.Scan(&a.id, &a.state, &a.err, &a.n); err != nil {
			t.Fatal(err)
		}
		log = append(log, a)
	}
	rows.Close()
	sent := 0
	most := map[string]int{}
	for _, a := range log {
		if a.state == DeliverySent {
			sent++
		}
		most[a.id]++
	}
	if sent != len(got) || sent < 3 {
		t.Errorf("%d deliveries sent in the log, %d received", sent, len(got))
	}
	mostID := ""
	for id, n := range most {
		if mostID == "" || n > most[mostID] || n == most[mostID] && id < mostID {
			mostID = id
		}
	}
	var first []attempt
	var states []string
	for _, a := range log {
		if a.id == mostID {
			first = append(first, a)
			states = append(states, fmt.Sprintf("%d:%s", a.n, a.state))
		}
	}
	if len(first) != 4 || first[3].state != DeliverySent || first[1].err == "" {
		t.Errorf("first delivery's log %v: want creation, two failed attempts, success", states)
	}
}
