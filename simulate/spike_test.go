package simulate

import (
	"math"
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

func TestSpikeOfSizeHitsTheFactor(t *testing.T) {
	start := time.Date(2026, 11, 18, 19, 0, 0, 0, clock.WITA) // a Wednesday evening
	const perHour = 3000
	for _, tc := range []struct {
		program string
		factor  float64
		buzzer  float64
		city    bool
	}{
		{"probebaya", 3, 0.5, false},
		{"banjir", 5, 0.8, false},
		{"pasar-pagi", 2, 0, false},
		{"probebaya", 3, 0.5, true},
		{"terowongan-samarinda", 1.5, 1, true},
	} {
		opts := Options{Start: start, End: start.Add(time.Hour), PerHour: perHour, Seed: 11, Truth: true}
		// a first spike elsewhere, so that the sized one is not at index 0
		if _, err := opts.AddSpike(start.Add(-2*time.Hour), time.Minute, "twap", 2, 0.5); err != nil {
			t.Fatal(err)
		}
		add, scope := opts.AddSpike, tc.program
		if tc.city {
			add, scope = opts.AddCitySpike, ""
		}
		s, err := add(start, time.Hour, tc.program, tc.factor, tc.buzzer)
		if err != nil {
			t.Fatal(err)
		}
		var expected float64
		for m := start; m.Before(start.Add(time.Hour)); m = m.Add(time.Minute) {
			expected += HostileRate(perHour, scope, m)
		}
		n := 0
		if err := Generate(opts, func(m *mention.Mention) error {
			if hostileFor(m, scope) {
				n++
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		got := float64(n) / expected
		// Poisson noise of the base part plus the sampling error of the rates
		tol := 0.12*tc.factor + 3/math.Sqrt(expected)
		if math.Abs(got-tc.factor) > tol {
			t.Errorf("%s %.0fx: observed %.2fx of the expected %.1f hostile posts (count %d), want %.1f ± %.2f", tc.program, tc.factor, got, expected, s.Count, tc.factor, tol)
		}
	}
}

func TestParseSpike(t *testing.T) {
	for _, tc := range []struct {
		in      string
		ok      bool
		program string
		count   int
		buzzer  float64
		start   time.Time
	}{
		{"2026-11-19T20:00,45m,probebaya,+90,buzzer=0.6", true, "probebaya", 90, 0.6, time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)},
		{"2026-11-19T12:00:00Z,30m,banjir,+10", true, "banjir", 10, 0.5, time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)},
		{"2026-11-19T20:00,45m,probebaya,3x", true, "probebaya", -1, 0.5, time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)},
		{"2026-11-19T20:00,45m,probebaya,2xcity,buzzer=1", true, "probebaya", -1, 1, time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)},
		{"2026-11-19T20:00,45m,nosuch,3x", false, "", 0, 0, time.Time{}},
		{"2026-11-19T20:00,45m,probebaya,0.5x", false, "", 0, 0, time.Time{}},
		{"2026-11-19T20:00,45m,probebaya,+0", false, "", 0, 0, time.Time{}},
		{"2026-11-19T20:00,10s,probebaya,+5", false, "", 0, 0, time.Time{}},
		{"2026-11-19T20:00,45m,probebaya,3x,buzzer=2", false, "", 0, 0, time.Time{}},
		{"2026-11-19T20:00,45m,probebaya,3x,bz=0.2", false, "", 0, 0, time.Time{}},
		{"yesterday,45m,probebaya,3x", false, "", 0, 0, time.Time{}},
		{"2026-11-19T20:00,45m,probebaya", false, "", 0, 0, time.Time{}},
	} {
		o := Options{PerHour: 600}
		s, err := o.AddSpikeSpec(tc.in)
		if err == nil && (len(o.Spikes) != 1 || o.Spikes[0] != s) {
			t.Errorf("AddSpikeSpec(%q) did not append the spike: %+v", tc.in, o.Spikes)
		}
		if (err == nil) != tc.ok {
			t.Errorf("AddSpikeSpec(%q) error = %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if !tc.ok {
			continue
		}
		if s.Program != tc.program || s.BuzzerShare != tc.buzzer || !s.Start.Equal(tc.start) {
			t.Errorf("ParseSpike(%q) = %+v", tc.in, s)
		}
		if tc.count >= 0 && s.Count != tc.count {
			t.Errorf("ParseSpike(%q) count = %d, want %d", tc.in, s.Count, tc.count)
		}
		if tc.count < 0 && s.Count <= 1 {
			t.Errorf("ParseSpike(%q) sized count = %d, want a real spike", tc.in, s.Count)
		}
	}
}

func FuzzParseSpike(f *testing.F) {
	for _, s := range []string{"2026-11-19T20:00,45m,probebaya,3x,buzzer=0.6", "x,y,z,+1", ",,,,", "2026-11-19T20:00,1h,banjir,1e308x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o := Options{PerHour: 600}
		sp, err := o.AddSpikeSpec(s)
		if err == nil && (sp.Count < 1 || sp.Duration < time.Minute || sp.BuzzerShare < 0 || sp.BuzzerShare > 1) {
			t.Fatalf("ParseSpike(%q) = %+v without error", s, sp)
		}
	})
}
