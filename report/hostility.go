package report

// Section 4: hostile content by kind (kasar, ujaran kebencian, ancaman),
// whom it targets and on what grounds, per hour, and the week's spikes as
// the alert stage detected them — with the same window and count as the
// alert message (alert/README.md, one spike, one count).

import (
	"context"
	"strings"
	"time"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/store"
)

// HostileKinds are the week's hostile mentions by kind, with last week's.
type HostileKinds struct {
	Abusive     int64 `json:"abusive"`
	Hate        int64 `json:"hate"`
	Threats     int64 `json:"threats"`
	PrevAbusive int64 `json:"prev_abusive"`
	PrevHate    int64 `json:"prev_hate"`
	PrevThreats int64 `json:"prev_threats"`
}

// targetKeys and categoryKeys are the stored values in display order.
var (
	targetKeys   = []string{"individual", "institution", "group", ""}
	categoryKeys = []string{"religion", "race", "gender", "physical", "other"}
)

func buildHostility(ctx context.Context, db *store.DB, l lang, cur, prev store.Range, opts *Options, r *Report) error {
	s := &r.Spikes
	b, err := db.ReportHostility(ctx, cur)
	if err != nil {
		return err
	}
	pb, err := db.ReportHostility(ctx, prev)
	if err != nil {
		return err
	}
	s.Kinds = HostileKinds{Abusive: b.Abusive, Hate: b.Hate, Threats: b.Threats, PrevAbusive: pb.Abusive, PrevHate: pb.Hate, PrevThreats: pb.Threats}
	s.Targets = ordered(b.Targets, targetKeys, func(k string) string { return l.T("target." + k) })
	s.Categories = ordered(b.Categories, categoryKeys, func(k string) string { return l.T("cat." + k) })

	hours, err := db.ReportHostileHours(ctx, cur)
	if err != nil {
		return err
	}
	n := int(cur.To.Sub(cur.From).Hours())
	s.Hourly, s.HourlyAbusive, s.HourlyHate, s.HourlyThreats = make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
	for _, h := range hours {
		if i := int(h.Hour.Sub(cur.From).Hours()); i >= 0 && i < n {
			s.HourlyAbusive[i], s.HourlyHate[i], s.HourlyThreats[i] = h.Abusive, h.Hate, h.Threats
			s.Hourly[i] = h.Abusive + h.Hate
		}
	}
	return buildSpikes(ctx, db, l, cur, opts, r)
}

// ordered lists kc in the order of keys (unknown keys last), named by
// name.
func ordered(kc []store.KeyCount, keys []string, name func(string) string) []store.KeyCount {
	by := map[string]int64{}
	for _, k := range kc {
		by[k.Key] += k.Count
	}
	var out []store.KeyCount
	for _, k := range keys {
		if by[k] > 0 {
			out = append(out, store.KeyCount{Key: name(k), Count: by[k]})
			delete(by, k)
		}
	}
	for _, k := range kc {
		if by[k.Key] > 0 {
			out = append(out, store.KeyCount{Key: k.Key, Count: by[k.Key]})
			delete(by, k.Key)
		}
	}
	return out
}

// buildSpikes lists the hostile-content and threat alerts of the week as
// spikes: the alert's span (first to last post) and count, what and where.
func buildSpikes(ctx context.Context, db *store.DB, l lang, cur store.Range, opts *Options, r *Report) error {
	s := &r.Spikes
	recs, err := db.Alerts(ctx, cur.From, cur.To, "")
	if err != nil {
		return err
	}
	s.AlertsRecorded = len(recs) > 0
	for _, rec := range recs {
		if rec.Family != alert.FamilyHostile && rec.Family != alert.FamilyThreat {
			continue
		}
		a := alert.FromRecord(rec)
		from, to := a.SpanFrom, a.SpanTo
		if from.IsZero() { // recorded before spans existed: the peak window
			from, to = a.WindowFrom, a.WindowTo.Add(-time.Second)
		}
		sp := Spike{
			AlertID: a.ID, Family: a.Family, Severity: l.T("sev." + a.Severity), Title: rec.Title,
			From: from.In(cur.From.Location()), To: to, Total: int64(a.SpanCount),
			Peak: int64(a.Observed), PeakMinutes: int(a.WindowTo.Sub(a.WindowFrom).Minutes()), Expected: round1(a.Expected), Ratio: round1(a.Ratio),
			Scope: scopeName(l, opts, a.Scope), Resolved: a.State == alert.StateResolved,
		}
		if x := a.Explanation; x != nil {
			for _, k := range x.Kinds {
				sp.Kinds = append(sp.Kinds, store.KeyCount{Key: k.Value, Count: int64(k.N)})
			}
			for _, t := range x.Targets {
				sp.Targets = append(sp.Targets, t.Value)
			}
		}
		sp.When = l.MinuteRange(from, to)
		win := store.Range{From: from.UTC(), To: to.UTC().Add(time.Minute)}
		filter := store.PostFilter{HostileOnly: a.Family == alert.FamilyHostile, ThreatOnly: a.Family == alert.FamilyThreat, Scope: a.Scope, Limit: 500, Links: opts.links()}
		hp, err := db.ReportPosts(ctx, win, filter)
		if err != nil {
			return err
		}
		if sp.Programs, err = db.ReportCounts(ctx, win, store.ReportByProgram, true); err != nil {
			return err
		}
		if sp.Places, err = db.ReportCounts(ctx, win, store.ReportByPlace, true); err != nil {
			return err
		}
		sp.Programs, sp.Places = opts.nameKeys(topKeys(sp.Programs, 3)), opts.nameKeys(topKeys(sp.Places, 3))
		sp.Terms = topTerms(hp, 5)
		sp.Examples = posts(l, distinctText(hp, 2), 200)
		s.Spikes = append(s.Spikes, sp)
	}
	return nil
}

// scopeName names an alert scope for the report.
func scopeName(l lang, o *Options, scope string) string {
	kind, id, ok := strings.Cut(scope, ":")
	if !ok || scope == store.ScopeAll {
		return l.T("scope.all")
	}
	return l.T("scope."+kind) + " " + o.name(id)
}
