package alerteval

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// TestDemoCorpusAlerts is what `make run` shows: the demo corpus (with its
// ground-truth tags) in ClickHouse, the rules replayed over its four weeks,
// and the alerts printed: its hostile spike and its neutrality breaches
// among them, and nothing else but threats.
func TestDemoCorpusAlerts(t *testing.T) {
	cfg := chtest.Config(t)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	opts := simulate.DemoOptions()
	opts.Truth = true
	var ms []mention.Mention
	if err := simulate.Generate(opts, func(m *mention.Mention) error { ms = append(ms, *m); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := db.InsertMentions(ctx, ms, store.NewPseudonymizer("demo")); err != nil {
		t.Fatal(err)
	}
	as, err := alert.EvaluateRange(ctx, db, opts.Start, opts.End.Add(2*time.Hour), alert.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	alert.PrintAlerts(&out, as)
	t.Log("\n" + out.String())
	spike := simulate.DemoSpike
	var spikes, breaches int
	for _, a := range as {
		switch a.Family {
		case alert.FamilyHostile:
			if a.OpenedAt.Before(spike.Start) || a.OpenedAt.After(spike.Start.Add(10*time.Minute)) {
				t.Errorf("hostile alert outside the spike: %s", a.ID)
				continue
			}
			spikes++
			all := a.Scope + " " + strings.Join(a.Related, " ")
			if !strings.Contains(all, "program:"+spike.Program) {
				t.Errorf("spike alert %s (related %v) does not name %s", a.ID, a.Related, spike.Program)
			}
			if a.Explanation == nil || a.Explanation.Buzzer.Share < 0.3 || len(a.Explanation.Examples) < 3 {
				t.Errorf("spike explanation %+v: want the buzzers (60%% of the spike) and 3–5 examples", a.Explanation)
			}
		case alert.FamilyBreach:
			breaches++
		case alert.FamilyThreat:
		default:
			t.Errorf("unexpected alert %s", a.ID)
		}
	}
	if spikes != 1 || breaches != len(simulate.DemoBreaches) {
		t.Errorf("%d spike alerts and %d breach alerts, want 1 and %d", spikes, breaches, len(simulate.DemoBreaches))
	}
	if !strings.Contains(out.String(), "Lonjakan ") || !strings.Contains(out.String(), "Pelanggaran netralitas") {
		t.Errorf("printed list lacks the spike or the breaches:\n%s", out.String())
	}
}
