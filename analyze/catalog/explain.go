package catalog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// ExplainMention says how the catalog tagger decides m: for "partisan", the
// cues that decided (weight 1, in the form of Politics.Cues), the cues that
// did not count and why (weight -1), and the context it read (weight 0:
// the post's date and the races open on it, a reporting frame, a
// neutrality message); for "neutrality_breach", the author's registry
// entry or profile. m should be tagged already (the registry stamps its
// author); n is ignored, every cue is listed.
func (t *Tagger) ExplainMention(m *mention.Mention, d *normalize.Doc, _ int) []model.Explanation {
	ix := t.ix
	st := ix.scan(d, m.PostedAt)
	st.explain, st.media, st.kind = true, m.Author.Kind == mention.KindMedia, m.Author.Kind
	defer st.release()
	p := ix.decide(st)
	var fs []model.Contribution
	for _, c := range p.Cues {
		fs = append(fs, model.Contribution{Feature: c, Weight: 1})
	}
	for _, cu := range st.blocked {
		fs = append(fs, model.Contribution{Feature: "not counted: " + ix.render(st, cu).String() + " (" + cu.why + ")", Weight: -1})
	}
	if note := st.modelRead.note(); note != "" {
		fs = append(fs, model.Contribution{Feature: note, Weight: -1})
	}
	fs = append(fs, model.Contribution{Feature: ix.calendarNote(st.day)})
	for _, sp := range st.spans {
		switch sp.class {
		case cNews:
			fs = append(fs, model.Contribution{Feature: "reporting frame: " + spanText(st.wordsOf(), sp.start, sp.end)})
		case cNeutral:
			fs = append(fs, model.Contribution{Feature: "neutrality or civic-voting message: " + spanText(st.wordsOf(), sp.start, sp.end)})
		}
	}
	out := []model.Explanation{{Output: "partisan", Label: strconv.FormatBool(p.Partisan), Features: fs}}
	return append(out, model.Explanation{Output: "neutrality_breach", Label: strconv.FormatBool(m.NeutralityBreach),
		Features: []model.Contribution{{Feature: breachBasis(m, p.Partisan)}}})
}

// calendarNote says how the calendar read a post of day.
func (ix *Index) calendarNote(day Date) string {
	if day.IsZero() {
		return "undated: read without the election calendar"
	}
	var open []string
	for _, ar := range ix.Active(day) {
		s := ar.Election.ID
		if ar.Campaigning {
			s += " (campaign)"
		}
		open = append(open, s)
	}
	if len(open) == 0 {
		// Months before a vote the generic frames still read a season.
		season := ""
		if ahead := ix.votesAhead(day, seasonDays); len(ahead) > 0 {
			season = "; election season: " + strings.Join(ahead, ", ")
		}
		return "date " + day.String() + ": no race open (finger poses and bare numbers need election words)" + season
	}
	return "date " + day.String() + ": open " + strings.Join(open, ", ")
}

// votesAhead lists the contests voting within n days after day, with
// their polling day.
func (ix *Index) votesAhead(day Date, n int) []string {
	var out []string
	for _, e := range ix.elections {
		if !e.Vote.Before(day) && e.Vote.Before(day.AddDays(n)) {
			out = append(out, e.ID+" votes "+e.Vote.String())
		}
	}
	slices.Sort(out)
	return out
}

// breachBasis says why a post is or is not a neutrality breach.
func breachBasis(m *mention.Mention, partisan bool) string {
	a := m.Author
	who := fmt.Sprintf("author kind %s", a.Kind)
	if a.Org != "" || a.Level != "" {
		who += fmt.Sprintf(" (%s, level %s)", a.Org, a.Level)
	}
	switch {
	case m.NeutralityBreach && m.BreachUnverified:
		return who + ": not in the registry, but the profile marks a government body (unverified breach)"
	case m.NeutralityBreach:
		return who + ": a government account posted partisan content"
	case partisan:
		return who + ": partisan, but not a government account"
	}
	return who + ": not partisan"
}
