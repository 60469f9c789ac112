package report

// Section 5: the week's neutrality breaches, each with the account's
// registry entry and the cues that decided it, and per agency
// (analyze/catalog/NEUTRALITY.md: what an auditor needs).

import (
	"context"
	"strings"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
)

// AgencyRow is one agency's breaches of the week.
type AgencyRow struct {
	Agency     string `json:"agency"`
	Account    string `json:"account"` // @handle · source
	Level      string `json:"level"`
	Unverified bool   `json:"unverified,omitempty"`
	Breaches   int64  `json:"breaches"`
}

func buildBreaches(ctx context.Context, db *store.DB, l lang, cur store.Range, opts *Options, r *Report) error {
	bs, err := db.ReportPosts(ctx, cur, store.PostFilter{BreachOnly: true, ByTime: true, Limit: opts.MaxBreaches, Links: opts.links()})
	if err != nil {
		return err
	}
	r.Breaches = posts(l, bs, 280)
	for i := range r.Breaches {
		p := &r.Breaches[i]
		p.Actors = opts.names(p.Actors)
		for _, c := range bs[i].Cues {
			p.Cues = append(p.Cues, cueText(l, opts, c))
		}
	}
	ag, err := db.ReportBreachesByAgency(ctx, cur)
	if err != nil {
		return err
	}
	for _, a := range ag {
		row := AgencyRow{Agency: a.Agency, Account: "@" + strings.TrimPrefix(a.Handle, "@") + " · " + l.Source(a.Source), Unverified: a.Unverified, Breaches: a.Breaches}
		if a.Level != "" {
			row.Level = l.T("level." + a.Level)
		}
		r.BreachesByAgency = append(r.BreachesByAgency, row)
	}
	return nil
}

// cueText is a politics cue in the report's words: the rule's label, the
// words of the post and the side they favour, by its catalog name.
func cueText(l lang, o *Options, s string) string {
	c, err := mention.ParseCue(s)
	if err != nil {
		return s
	}
	label := mention.CueRules[c.Rule]
	if label == "" || !l.id() {
		label = strings.ReplaceAll(c.Rule, "-", " ")
	}
	out := label + ": “" + c.Text + "”"
	switch {
	case c.Actor == "":
	case strings.HasPrefix(c.Actor, "ballot-"):
		out += " → " + l.T("ballot") + " " + strings.TrimPrefix(c.Actor, "ballot-")
	case strings.HasPrefix(c.Actor, "unlisted:"):
		out += " → " + strings.ReplaceAll(strings.TrimPrefix(c.Actor, "unlisted:"), "-", " ") + " (" + l.T("unlisted") + ")"
	default:
		out += " → " + o.name(c.Actor)
	}
	return out
}
