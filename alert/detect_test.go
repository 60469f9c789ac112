package alert

import (
	"math"
	"testing"
)

func TestPoissonScore(t *testing.T) {
	// reference tails computed from the Poisson CDF
	for _, tc := range []struct {
		k, lambda float64
		p         float64 // P(X ≥ k)
	}{
		{10, 2, 4.6498e-5},
		{5, 0.1, 7.6678e-8},
		{30, 10, 2.50995e-7},
		{3, 0.5, 0.014388},
		{60, 30, 9.25187e-7},
	} {
		got := poissonScore(tc.k, tc.lambda)
		want := -math.Log10(tc.p)
		if math.Abs(got-want) > 0.02*want+0.01 {
			t.Errorf("poissonScore(%v, %v) = %.4f, want %.4f", tc.k, tc.lambda, got, want)
		}
	}
	for _, tc := range []struct{ k, lambda, want float64 }{
		{2, 5, 0},  // below the mean: nothing unusual
		{5, 5, 0},  // at the mean
		{0, 0, 0},  // nothing seen, nothing expected
		{3, 0, 99}, // something where nothing is ever expected
	} {
		if got := poissonScore(tc.k, tc.lambda); got != tc.want {
			t.Errorf("poissonScore(%v, %v) = %v, want %v", tc.k, tc.lambda, got, tc.want)
		}
	}
	// monotone in k, and the normal approximation joins the exact sum
	prev := 0.0
	for k := 5001.0; k < 5400; k += 20 {
		s := poissonScore(k, 5000)
		if s < prev {
			t.Fatalf("poissonScore not monotone at k=%v: %v < %v", k, s, prev)
		}
		prev = s
	}
	if a, b := poissonScore(5300, 4999), poissonScore(5300, 5001); math.Abs(a-b) > 0.3 {
		t.Errorf("exact (%v) and normal (%v) tails disagree around λ=5000", a, b)
	}
}

// TestRobust checks the baseline's spread: 1.4826 × MAD (package stats).
func TestRobust(t *testing.T) {
	m, s := robust([]float64{10, 12, 11, 13, 100})
	if m != 12 || math.Abs(s-1.4826) > 1e-12 {
		t.Errorf("robust = %v, %v; want 12, 1.4826", m, s)
	}
}

func TestSeverityFor(t *testing.T) {
	for _, tc := range []struct {
		ratio, score float64
		want         string
	}{
		{1.6, 7, SeverityLow},
		{2.2, 7, SeverityMedium},
		{3.5, 7, SeverityHigh},
		{6, 8, SeverityHigh}, // big ratio on thin evidence stays high
		{6, 12, SeverityCritical},
	} {
		if got := severityFor(tc.ratio, tc.score); got != tc.want {
			t.Errorf("severityFor(%v, %v) = %s, want %s", tc.ratio, tc.score, got, tc.want)
		}
	}
}

func TestMeasurementsFire(t *testing.T) {
	cfg := Config{}
	cfg.Defaults()
	for _, tc := range []struct {
		name     string
		m        measurement
		fire     bool
		stillHot bool
	}{
		{"3x of 10 in 15 min", countMeasure(&cfg, 30, 10, 0, 15, BaselineHourOfWeek), true, true},
		{"noise: 14 of 10", countMeasure(&cfg, 14, 10, 0, 15, BaselineHourOfWeek), false, false},
		{"tiny: 5 of 0.2", countMeasure(&cfg, 5, 0.2, 0, 5, BaselineHourOfWeek), false, true},
		{"wide baseline absorbs it", countMeasure(&cfg, 30, 10, 10, 15, BaselineHourOfWeek), false, false},
		{"large volume, small ratio", countMeasure(&cfg, 1300, 1000, 0, 60, BaselineHourOfWeek), false, true},
		{"share 40% of 100 vs 10%", shareMeasure(&cfg, 40, 100, 0.10, 0.01, 15, BaselineHourOfWeek), true, true},
		{"share of too few", shareMeasure(&cfg, 9, 12, 0.10, 0.01, 15, BaselineHourOfWeek), false, true},
		{"share barely up", shareMeasure(&cfg, 15, 100, 0.10, 0.01, 15, BaselineHourOfWeek), false, false},
	} {
		if got := tc.m.fires(&cfg); got != tc.fire {
			t.Errorf("%s: fires = %v, want %v (%+v)", tc.name, got, tc.fire, tc.m)
		}
		if got := tc.m.active(&cfg); got != tc.stillHot {
			t.Errorf("%s: active = %v, want %v (%+v)", tc.name, got, tc.stillHot, tc.m)
		}
	}
}
