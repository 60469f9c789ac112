package main

import (
	"context"
	"testing"

	"github.com/dengar-id/dengar/alert/alerteval"
	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
)

// TestAlertEvalModelsStress runs the alert evaluation with the embedded
// models in the loop over one short week of each stress kind and bounds
// the false hostile-spike alerts there: the stress weeks add no hostility
// in truth, so they may raise no more hostile-spike alerts than the same
// week of the quiet stream, and few stress posts may be tagged hostile.
// The second row proves the bound bites: a tagger that calls every
// negative post hostile turns the flood week's anger into hostile-spike
// alerts.
func TestAlertEvalModelsStress(t *testing.T) {
	p, err := analyze.NewPipeline(analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	angerIsHostile := func(m *mention.Mention) {
		p.Tag(m)
		if m.Sentiment != nil && m.Sentiment.Label == "negative" {
			m.Hostility = &mention.Hostility{Label: "abusive", Score: 0.9, Confidence: 0.9, Target: "individual"}
		}
	}
	for _, tc := range []struct {
		name    string
		tag     func(*mention.Mention)
		stress  []string
		maxOver int // hostile-spike alerts allowed per stress week over the quiet week's (-1: not checked)
		minOver int // at least this many over the quiet week's in some stress week
		recall  bool
	}{
		{"models", p.Tag, []string{simulate.StressFlood, simulate.StressCampaign}, 0, 0, true},
		{"negative tagged hostile", angerIsHostile, []string{simulate.StressFlood}, -1, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := alerteval.Run(context.Background(), alerteval.Options{
				PerHour: 60, WarmupWeeks: 1, Weeks: 1, Sizes: []float64{10}, SpikesPerSize: 1,
				Tag: tc.tag, Stress: tc.stress,
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.StressWeeks) != len(tc.stress) {
				t.Fatalf("%d stress results, want %d", len(r.StressWeeks), len(tc.stress))
			}
			most := 0
			for _, s := range r.StressWeeks {
				if s.Extra == 0 {
					t.Errorf("%s week: no stress mentions", s.Kind)
				}
				over := len(s.HostileFalse) - r.QuietHostile
				most = max(most, over)
				if tc.maxOver >= 0 && over > tc.maxOver {
					t.Errorf("%s week: %d false hostile-spike alerts, the quiet week %d, want ≤ %d more (%d stress posts tagged hostile: %v)", s.Kind, len(s.HostileFalse), r.QuietHostile, tc.maxOver, s.Hostile, s.HostileTexts)
				}
				if tc.maxOver >= 0 && s.Hostile*100 > s.Extra {
					t.Errorf("%s week: %d of %d stress posts tagged hostile, want ≤ 1 %%: %v", s.Kind, s.Hostile, s.Extra, s.HostileTexts)
				}
			}
			if most < tc.minOver {
				t.Errorf("at most %d more hostile-spike alerts in a stress week than in the quiet week, want ≥ %d", most, tc.minOver)
			}
			if tc.recall && (len(r.Spikes) != 1 || !r.Spikes[0].Caught) {
				t.Errorf("the 10x hostile spike was not caught with the models' tags: %+v", r.Spikes)
			}
		})
	}
}
