package alerteval

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

// TestClickHousePathMatchesMemory runs the detector over the same stream
// through ClickHouse (store.DB) and through MemData, the path of the
// evaluation, and wants the same alerts.
func TestClickHousePathMatchesMemory(t *testing.T) {
	cfg := chtest.Config(t)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, clock.WITA)
	opts := simulate.Options{Start: start, End: start.AddDate(0, 0, 9), PerHour: 60, Seed: 5, Truth: true,
		Breaches: []simulate.Breach{{At: start.AddDate(0, 0, 8).Add(9*time.Hour + 7*time.Minute)}}}
	spikeAt := start.AddDate(0, 0, 8).Add(19*time.Hour + 10*time.Minute)
	if _, err := opts.AddCitySpike(spikeAt, 40*time.Minute, "probebaya", 10, 0.6); err != nil {
		t.Fatal(err)
	}
	var ms []mention.Mention
	if err := simulate.Generate(opts, func(m *mention.Mention) error { ms = append(ms, *m); return nil }); err != nil {
		t.Fatal(err)
	}
	p := store.NewPseudonymizer("alerteval")
	for i := 0; i < len(ms); i += 5000 {
		if err := db.InsertMentions(ctx, ms[i:min(i+5000, len(ms))], p); err != nil {
			t.Fatal(err)
		}
	}
	mem, err := Stream(opts, true)
	if err != nil {
		t.Fatal(err)
	}
	from, to := start.AddDate(0, 0, 8), start.AddDate(0, 0, 9)
	viaCH, err := alert.EvaluateRange(ctx, db, from, to, alert.Config{})
	if err != nil {
		t.Fatal(err)
	}
	viaMem, err := alert.EvaluateRange(ctx, alert.NewMemData(mem), from, to, alert.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var spike, breach int
	for _, a := range viaCH {
		t.Logf("clickhouse: %s %s %s obs=%.0f exp=%.2f", a.ID, a.State, a.Severity, a.Observed, a.Expected)
		switch {
		case a.Family == alert.FamilyBreach:
			breach++
		case a.Family == alert.FamilyHostile && !a.OpenedAt.Before(spikeAt) && a.OpenedAt.Before(spikeAt.Add(10*time.Minute)):
			spike++
		}
	}
	if spike != 1 || breach != 1 {
		t.Errorf("through ClickHouse: %d hostile alerts within 10 minutes of the spike and %d breach alerts, want 1 and 1", spike, breach)
	}
	if len(viaCH) != len(viaMem) {
		t.Fatalf("ClickHouse raised %d alerts, memory %d", len(viaCH), len(viaMem))
	}
	for i := range viaCH {
		a, b := viaCH[i], viaMem[i]
		if a.ID != b.ID || a.State != b.State || a.Severity != b.Severity || a.Version != b.Version ||
			math.Abs(a.Observed-b.Observed) > 1e-9 || math.Abs(a.Expected-b.Expected) > 1e-6 || a.Baseline != b.Baseline {
			t.Errorf("alert %d differs:\n clickhouse %s %s %s v%d obs=%v exp=%v %s\n memory     %s %s %s v%d obs=%v exp=%v %s",
				i, a.ID, a.State, a.Severity, a.Version, a.Observed, a.Expected, a.Baseline, b.ID, b.State, b.Severity, b.Version, b.Observed, b.Expected, b.Baseline)
			continue
		}
		if (a.Explanation == nil) != (b.Explanation == nil) {
			t.Errorf("alert %s: explanation only on one path", a.ID)
			continue
		}
		if a.Explanation != nil && (a.Explanation.Mentions != b.Explanation.Mentions || a.Explanation.Buzzer != b.Explanation.Buzzer) {
			t.Errorf("alert %s explanation: clickhouse %d mentions buzzer %+v, memory %d buzzer %+v",
				a.ID, a.Explanation.Mentions, a.Explanation.Buzzer, b.Explanation.Mentions, b.Explanation.Buzzer)
		}
	}
}

// TestEvaluationSmall runs the whole evaluation on a small stream: big
// spikes are caught, the quiet stream stays quiet.
func TestEvaluationSmall(t *testing.T) {
	r, err := Run(context.Background(), Options{PerHour: 200, WarmupWeeks: 1, Weeks: 1, Sizes: []float64{10}, SpikesPerSize: 3, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sizes) != 1 || r.Sizes[0].Spikes != 3 {
		t.Fatalf("sizes %+v", r.Sizes)
	}
	if r.Sizes[0].Caught != 3 || r.Sizes[0].Within10 < 2 {
		t.Errorf("10x spikes: caught %d of 3, %d within 10 minutes", r.Sizes[0].Caught, r.Sizes[0].Within10)
	}
	if r.QuietFalsePerWeek > 1 {
		t.Errorf("%.1f false alerts per week on the quiet stream", r.QuietFalsePerWeek)
	}
}
