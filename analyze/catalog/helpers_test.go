package catalog

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/analyze/watch"
	"github.com/dengar-id/dengar/mention"
)

func watchFields() watch.Fields { return watch.Fields{Source: "x"} }

// frameCase is one post of a rule round's table: the day it was posted
// and the cue that must decide it (a substring of one of its cues), or ""
// when the post must take no side.
type frameCase struct {
	text, date string
	want       string
}

// checkFrameCases tags every case on its day and reports a post that
// takes no side when it should, or a side when it should not.
func checkFrameCases(t *testing.T, ix *Index, tests []frameCase) {
	t.Helper()
	for _, tt := range tests {
		p := ix.PoliticsAt(normalize.Text(tt.text), day(t, tt.date).Noon())
		if tt.want == "" {
			if p.Partisan {
				t.Errorf("%q (%s): partisan %q, want no side", tt.text, tt.date, p.Cues)
			}
			continue
		}
		if !p.Partisan || !slices.ContainsFunc(p.Cues, func(c string) bool { return strings.Contains(c, tt.want) }) {
			t.Errorf("%q (%s): partisan=%v cues %q, want %q", tt.text, tt.date, p.Partisan, p.Cues, tt.want)
		}
	}
}

// checkSetFloors evaluates each labelled set and reports a macro-F1 under
// its floor or any false neutrality breach.
func checkSetFloors(t *testing.T, ix *Index, floors map[string]float64) {
	t.Helper()
	for path, floor := range floors {
		var buf bytes.Buffer
		s, err := ix.Evaluate(context.Background(), readSet(t, path), &buf, false)
		if err != nil {
			t.Fatal(err)
		}
		if s.MacroF1 < floor {
			t.Errorf("%s: macro F1 %.4f, want >= %.2f\n%s", path, s.MacroF1, floor, buf.String())
		}
		if s.BreachFP > 0 {
			t.Errorf("%s: %d false neutrality breaches\n%s", path, s.BreachFP, buf.String())
		}
	}
}

// checkCuesAreEvidence tags every post of the sets and checks each cue it
// writes: it parses, names a known rule, agrees with the partisan flag,
// quotes words of the post, and names an actor the post is tagged with (or
// none). At least minCues cues must be checked, so the test cannot pass
// on sets that raise none.
func checkCuesAreEvidence(t *testing.T, ix *Index, paths []string, minCues int) {
	t.Helper()
	n := 0
	for _, path := range paths {
		for _, lp := range readSet(t, path) {
			m := &mention.Mention{Text: lp.Text, Author: mention.Author{Kind: lp.AuthorKind}}
			if lp.Date != "" {
				m.PostedAt = day(t, lp.Date).Noon()
			}
			NewTagger(ix).Tag(m, normalize.Text(lp.Text))
			for _, s := range m.Politics.Cues {
				c, err := mention.ParseCue(s)
				if err != nil {
					t.Errorf("%q: %v", lp.Text, err)
					continue
				}
				n++
				if c.Rule == "model" {
					// The model's margin, not words of the post.
					if mg, err := strconv.ParseFloat(c.Text, 64); err != nil || mg < PartisanModelElectoralThreshold || c.Actor != "" || !m.Politics.Partisan {
						t.Errorf("%q: model cue %q on a post with partisan=%v", lp.Text, s, m.Politics.Partisan)
					}
					continue
				}
				if _, ok := mention.CueRules[c.Rule]; !ok {
					t.Errorf("%q: cue %q: unknown rule", lp.Text, s)
				}
				if m.Politics.Partisan == (c.Rule == "neutral") {
					t.Errorf("%q: cue %q on a post with partisan=%v", lp.Text, s, m.Politics.Partisan)
				}
				for _, w := range strings.Fields(strings.ReplaceAll(c.Text, "…", " ")) {
					if !strings.Contains(strings.ToLower(lp.Text), strings.ToLower(w)) {
						t.Errorf("%q: cue %q: %q is not in the post", lp.Text, s, w)
					}
				}
				if c.Actor != "" && !slices.Contains(m.Politics.Actors, c.Actor) {
					t.Errorf("%q: cue %q: actor not in %v", lp.Text, s, m.Politics.Actors)
				}
			}
		}
	}
	if n < minCues {
		t.Errorf("only %d cues checked", n)
	}
}
