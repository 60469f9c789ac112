package e2e

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/report"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// retaggedWeek is what a changed model says of the agreement week: other
// sentiments for a quarter of it, abusive posts found harmless and new
// hate, posts of no program given one, new partisan posts (breaches where
// the author is a government account).
func retaggedWeek(fx []weekMention) []weekMention {
	out := append([]weekMention(nil), fx...)
	rot := map[string]string{mention.SentimentPositive: mention.SentimentNegative, mention.SentimentNeutral: mention.SentimentPositive, mention.SentimentNegative: mention.SentimentNeutral}
	for i := range out {
		m := &out[i]
		if i%4 == 1 {
			m.sentiment = rot[m.sentiment]
		}
		switch {
		case i%10 == 5:
			m.hostility, m.category, m.target, m.threat = mention.HostilityNone, "", "", false
		case i%9 == 4 && m.hostility == mention.HostilityNone:
			m.hostility, m.category, m.target = mention.HostilityHate, "religion", "group"
		}
		if len(m.programs) == 0 && i%8 == 7 {
			m.programs = []string{"banjir"}
		}
		if i%13 == 2 || (m.kind == mention.KindGovernment && i%16 == 11) {
			m.partisan = true
			m.breach = m.kind == mention.KindGovernment
		}
	}
	return out
}

// TestRetagAgreesEverywhere stores the agreement week as model m1 tagged
// it (every mention twice), applies the reviewers' corrections, then
// re-tags the week with a changed model m2 — stopped after two steps and
// resumed from its checkpoint — and checks that the weekly report, the run
// summary, the alerts' hourly history and every Grafana panel's SQL show
// the week as m2 tags it with the corrections on top, each mention once.
func TestRetagAgreesEverywhere(t *testing.T) {
	ctx := context.Background()
	cfg := chtest.Config(t)
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := agreementWeek.Start().UTC()
	end := agreementWeek.End().UTC()
	fx := weekFixture()
	p := store.NewPseudonymizer("agreement")
	for i := 0; i < 2; i++ {
		if err := db.InsertMentions(ctx, weekMentions(fx, start, "m1"), p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.AddCorrections(ctx, agreementCorrections); err != nil {
		t.Fatal(err)
	}
	newFx := retaggedWeek(fx)
	byID := map[string]weekMention{}
	for _, w := range newFx {
		byID[w.fullID()] = w
	}
	tag := func(m *mention.Mention) {
		w, ok := byID[m.ID]
		if !ok {
			panic("retag of an unknown mention " + m.ID)
		}
		if m.Text != "Unggahan "+w.id+" tentang kota" {
			panic("retag without the stored text: " + m.Text)
		}
		m.Tags = weekTags(w, "m2")
	}
	old := countWeek(effectiveWeek(fx, agreementCorrections))
	want := countWeek(effectiveWeek(newFx, agreementCorrections))
	want.Model = "m2"
	if want.Negative == old.Negative || want.Hate == old.Hate || want.Programs["banjir"] == old.Programs["banjir"] || want.Breaches == old.Breaches {
		t.Fatalf("fixture: the new model must move the figures: before %+v, after %+v", old, want)
	}
	opts := store.RetagOptions{Range: store.Range{From: start, To: end}, Version: "m2", Tag: tag, StepSize: 10,
		Checkpoint: filepath.Join(t.TempDir(), "retag.json")}

	dry := opts
	dry.DryRun = true
	res, err := db.Retag(ctx, dry)
	if err != nil {
		t.Fatal(err)
	}
	if res.Mentions != len(fx) || res.Changed["sentiment"] == 0 || res.Changed["programs"] == 0 {
		t.Fatalf("dry run: %+v", res)
	}
	checkTotals(t, db, old, "after the dry run")

	// Stopped after two steps (as a kill between steps would), resumed.
	stopCtx, stop := context.WithCancel(ctx)
	steps := 0
	first := opts
	first.Progress = func(done, total int) {
		if done > 0 {
			if steps++; steps == 2 {
				stop()
			}
		}
	}
	if _, err := db.Retag(stopCtx, first); !errors.Is(err, context.Canceled) {
		t.Fatalf("stopped run: %v, want context.Canceled", err)
	}
	res, err = db.Retag(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Resumed != 2 || res.Steps < 4 || res.Mentions+20 < len(fx) {
		t.Fatalf("resumed run: %+v", res)
	}
	// A third run (the checkpoint done, or gone) re-tags nothing.
	again := opts
	again.Checkpoint = ""
	if res, err := db.Retag(ctx, again); err != nil || res.Mentions != 0 || res.Moved != 0 {
		t.Fatalf("run again: %+v, %v", res, err)
	}

	t.Run("stored", func(t *testing.T) {
		_, rows := chtest.Rows(t, db, "SELECT toString(model), count(), uniqExact(id) FROM mentions FINAL GROUP BY model")
		if !reflect.DeepEqual(rows, [][]string{{"m2", "42", "42"}}) {
			t.Errorf("stored versions: %q, want 42 mentions of m2", rows)
		}
	})
	t.Run("report", func(t *testing.T) {
		r, err := report.Build(ctx, db, agreementWeek, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := r.Summary.Current
		got := []int64{c.Mentions, c.Positive, c.Neutral, c.Negative, c.Hostile, c.Hate, c.Partisan, c.Breaches, int64(len(r.Breaches))}
		exp := []int64{want.Mentions, want.Positive, want.Neutral, want.Negative, want.hostile(), want.Hate, want.Partisan, want.Breaches, want.Breaches}
		if !reflect.DeepEqual(got, exp) {
			t.Errorf("report mentions, positive, neutral, negative, hostile, hate, partisan, breaches, breach rows = %v, want %v", got, exp)
		}
	})
	t.Run("summary and alerts' history", func(t *testing.T) {
		checkTotals(t, db, want, "after the re-tag")
	})
	t.Run("panels", func(t *testing.T) {
		checkPanels(t, db, want, countWeekProgram(effectiveWeek(newFx, agreementCorrections), "probebaya"))
	})
}

// checkTotals checks the run summary (raw rows through the read model)
// and the alerts' hourly history (the signals_hourly rollup) against want.
func checkTotals(t *testing.T, db *store.DB, want weekNumbers, when string) {
	t.Helper()
	ctx := context.Background()
	from, to := agreementWeek.Start().UTC(), agreementWeek.End().UTC()
	s, err := db.Summary(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if got, exp := []int64{int64(s.Total), int64(s.Partisan), int64(s.Breaches)}, []int64{want.Mentions, want.Partisan, want.Breaches}; !reflect.DeepEqual(got, exp) {
		t.Errorf("%s: summary total, partisan, breaches = %v, want %v", when, got, exp)
	}
	hs, err := db.AlertHourlyCounts(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	var sum store.AlertCounts
	for _, h := range hs {
		if h.Scope == store.ScopeAll {
			sum.Total += h.Total
			sum.Hostile += h.Hostile
			sum.Negative += h.Negative
			sum.Partisan += h.Partisan
			sum.Threat += h.Threat
		}
	}
	exp := store.AlertCounts{Total: uint64(want.Mentions), Hostile: uint64(want.hostile()), Negative: uint64(want.Negative), Partisan: uint64(want.Partisan), Threat: uint64(want.Threats)}
	if sum != exp {
		t.Errorf("%s: alerts' hourly history (scope all) = %+v, want %+v", when, sum, exp)
	}
}
