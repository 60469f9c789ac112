package simulate

import (
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

// TestStressSpans checks that a stress span adds its extra volume inside
// the span only, with no hostility in truth, and that bad spans are
// refused.
func TestStressSpans(t *testing.T) {
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, clock.WITA)
	end := start.Add(24 * time.Hour)
	span := Stress{Start: start.Add(8 * time.Hour), Duration: 4 * time.Hour, PerHour: 600}
	count := func(t *testing.T, o Options) (in, out, hostile, negative, partisan int) {
		t.Helper()
		err := Generate(o, func(m *mention.Mention) error {
			if !m.PostedAt.Before(span.Start) && m.PostedAt.Before(span.Start.Add(span.Duration)) {
				in++
			} else {
				out++
			}
			if m.Hostility.Label != "none" {
				hostile++
			}
			if m.Sentiment.Label == "negative" {
				negative++
			}
			if m.Politics.Partisan {
				partisan++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	base := Options{Start: start, End: end, PerHour: 0, Seed: 3, Truth: true}
	for _, tc := range []struct {
		kind         string
		wantNegative bool // most posts negative
		wantPartisan bool // most posts partisan
	}{
		{StressFlood, true, false},
		{StressCampaign, false, true},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			o := base
			s := span
			s.Kind = tc.kind
			o.Stress = []Stress{s}
			o.PerHour = 0
			in, out, _, _, _ := count(t, o)
			// no base stream: the stress posts alone, inside the span
			if in == 0 || out != 0 {
				t.Fatalf("stress alone: %d posts inside the span, %d outside; want some inside, none outside", in, out)
			}
			o.PerHour = 600
			in, out, hostile, negative, partisan := count(t, o)
			q := base
			q.PerHour = 600
			qin, qout, qhostile, _, _ := count(t, q)
			// the generator's draws shift after the span: same rate, other posts
			if d := out - qout; d*20 > qout || -d*20 > qout {
				t.Errorf("outside the span: %d posts, want about the quiet stream's %d", out, qout)
			}
			if extra := in - qin; float64(extra) < 0.8*float64(qin) || float64(extra) > 1.25*float64(qin) {
				t.Errorf("inside the span: %d extra posts over the quiet %d, want about as many (same volume)", extra, qin)
			}
			if hostile > qhostile+qhostile/2+5 {
				t.Errorf("%d hostile posts in truth, quiet stream %d: stress posts must not be hostile", hostile, qhostile)
			}
			if tc.wantNegative && negative < (in-qin)/2 {
				t.Errorf("%d negative posts for %d stress posts, want most", negative, in-qin)
			}
			if tc.wantPartisan && partisan < (in-qin)/2 {
				t.Errorf("%d partisan posts for %d stress posts, want most", partisan, in-qin)
			}
		})
	}
	for _, bad := range []Stress{
		{Kind: "riot", Start: start, Duration: time.Hour, PerHour: 10},
		{Kind: StressFlood, Start: start, Duration: time.Second, PerHour: 10},
		{Kind: StressFlood, Start: start, Duration: time.Hour},
	} {
		o := base
		o.Stress = []Stress{bad}
		if err := Generate(o, func(*mention.Mention) error { return nil }); err == nil {
			t.Errorf("stress %+v accepted", bad)
		}
	}
}
