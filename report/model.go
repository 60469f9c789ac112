package report

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/stats"
	"github.com/dengar-id/dengar/store"
)

// Report is the computed content of one weekly report, before rendering.
// It is plain data (golden tests compare its JSON form).
type Report struct {
	Lang      string         `json:"lang"`
	Week      string         `json:"week"`
	WeekLabel string         `json:"week_label"`
	Start     string         `json:"start"` // first day, YYYY-MM-DD (WITA)
	End       string         `json:"end"`   // last day, YYYY-MM-DD (WITA)
	NoData    bool           `json:"no_data"`
	Title     string         `json:"title"`
	Summary   Summary        `json:"summary"`
	Programs  ProgramSection `json:"programs"`
	Issues    IssueSection   `json:"issues"`
	Spikes    SpikeSection   `json:"spikes"`
	Breaches  []Post         `json:"breaches"`
	Sources   SourceSection  `json:"sources"`
	Method    MethodSection  `json:"method"`
}

// Summary is section 1.
type Summary struct {
	Current   store.ReportTotals `json:"current"`
	Previous  store.ReportTotals `json:"previous"`
	KPIs      []KPI              `json:"kpis"`
	Sentences []string           `json:"sentences"`
}

// KPI is one headline number with its change from the previous week.
type KPI struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	// Value and Prev are NaN-free: Valid/PrevValid say whether they exist
	// (an index or share of zero mentions does not).
	Value     float64 `json:"value"`
	Valid     bool    `json:"valid"`
	Prev      float64 `json:"prev"`
	PrevValid bool    `json:"prev_valid"`
	Display   string  `json:"display"`
	PrevText  string  `json:"prev_text"`
	// Dir is +1 (up), −1 (down) or 0 (no change or no comparison).
	Dir    int    `json:"dir"`
	Change string `json:"change"` // "▲ 12,5 %", "▼ 3,0 poin", "baru", "n/a"
	// Good says whether the move is good news (a lower hostile share is);
	// nil when there is no move.
	Good *bool `json:"good,omitempty"`
}

// ProgramSection is section 2.
type ProgramSection struct {
	Days   []string        `json:"days"`
	Series []ProgramSeries `json:"series"`
	Movers []ProgramSeries `json:"movers"`
}

// ProgramSeries is one program's week.
type ProgramSeries struct {
	Program  string  `json:"program"`
	Name     string  `json:"name"`     // display name`
	Mentions []int64 `json:"mentions"` // per day
	// Index per day; Valid[i] is false on days without mentions.
	Index      []float64 `json:"index"`
	IndexValid []bool    `json:"index_valid"`
	Total      int64     `json:"total"`
	Positive   int64     `json:"positive"`
	Negative   int64     `json:"negative"`
	Hostile    int64     `json:"hostile"`
	WeekIndex  float64   `json:"week_index"`
	PrevTotal  int64     `json:"prev_total"`
	PrevIndex  float64   `json:"prev_index"`
	PrevValid  bool      `json:"prev_valid"`
	Delta      float64   `json:"delta"` // WeekIndex − PrevIndex when PrevValid
}

// IssueSection is section 3.
type IssueSection struct {
	BaselineMentions int64        `json:"baseline_mentions"`
	Terms            []RisingTerm `json:"terms"`
}

// RisingTerm is a term used much more this week than in the four before.
type RisingTerm struct {
	Term       string  `json:"term"`
	Hashtag    bool    `json:"hashtag"`
	Current    int64   `json:"current"`
	Baseline   int64   `json:"baseline"`    // over the four previous weeks
	WeeklyBase float64 `json:"weekly_base"` // Baseline / 4
	Lift       float64 `json:"lift"`        // (Current+1)/(WeeklyBase+1)
	New        bool    `json:"new"`
	Examples   []Post  `json:"examples"`
	// Related are later terms of the list used by the same example posts;
	// their examples are shown once, under this term.
	Related []string `json:"related,omitempty"`
	// SameAs names the earlier term whose examples this term shares.
	SameAs string `json:"same_as,omitempty"`
}

// SpikeSection is section 4.
type SpikeSection struct {
	// Hourly hostile counts for the 168 hours of the week.
	Hourly    []int64 `json:"hourly"`
	Median    float64 `json:"median"`
	MAD       float64 `json:"mad"`
	Threshold float64 `json:"threshold"`
	Spikes    []Spike `json:"spikes"`
	// Alerts are the hostile-content alerts the alert stage opened during
	// the week (its own, finer detection over the rollups).
	Alerts []AlertRow `json:"alerts"`
}

// AlertRow is one alert raised by the alert stage.
type AlertRow struct {
	When     string  `json:"when"`
	Scope    string  `json:"scope"`
	Severity string  `json:"severity"`
	Title    string  `json:"title"`
	State    string  `json:"state"`
	Observed float64 `json:"observed"`
	Expected float64 `json:"expected"`
}

// Spike is a run of consecutive hours at or above the threshold.
type Spike struct {
	From     time.Time        `json:"from"`
	To       time.Time        `json:"to"`
	When     string           `json:"when"`
	Total    int64            `json:"total"`
	Peak     int64            `json:"peak"`
	Ratio    float64          `json:"ratio"` // Peak / max(1, median)
	Programs []store.KeyCount `json:"programs"`
	Places   []store.KeyCount `json:"places"`
	Terms    []string         `json:"terms"`
	Examples []Post           `json:"examples"`
}

// Post is a mention as shown in the report.
type Post struct {
	ID         string   `json:"id"`
	Source     string   `json:"source"`
	URL        string   `json:"url"`
	Author     string   `json:"author"`
	AuthorKind string   `json:"author_kind"`
	Org        string   `json:"org,omitempty"`
	Level      string   `json:"level,omitempty"`
	Time       string   `json:"time"`
	Text       string   `json:"text"`
	Engagement int64    `json:"engagement"`
	Sentiment  string   `json:"sentiment,omitempty"`
	Actors     []string `json:"actors,omitempty"`
	Stance     string   `json:"stance,omitempty"`
	Unverified bool     `json:"unverified,omitempty"`
}

// SourceSection is section 6.
type SourceSection struct {
	Shares   []SourceShare `json:"shares"`
	Accounts []AccountRow  `json:"accounts"`
}

// SourceShare is one source's share of voice.
type SourceShare struct {
	Source    string  `json:"source"`
	Count     int64   `json:"count"`
	Share     float64 `json:"share"`
	PrevCount int64   `json:"prev_count"`
	Change    string  `json:"change"`
}

// AccountRow is one of the most engaged accounts.
type AccountRow struct {
	Source     string `json:"source"`
	Account    string `json:"account"`
	Kind       string `json:"kind"`
	Org        string `json:"org,omitempty"`
	Mentions   int64  `json:"mentions"`
	Engagement int64  `json:"engagement"`
}

// MethodSection is section 7.
type MethodSection struct {
	Models        []store.KeyCount         `json:"models"`
	Coverage      []Coverage               `json:"coverage"`
	RunsAvailable bool                     `json:"runs_available"`
	Runs          []store.CollectorRunStat `json:"runs"`
	Gaps          []string                 `json:"gaps"`
	Notes         []string                 `json:"notes"`
}

// Coverage is one source's data over the week against its usual volume.
type Coverage struct {
	Source      string   `json:"source"`
	Count       int64    `json:"count"`
	DaysData    int      `json:"days_data"`
	WeeklyBase  float64  `json:"weekly_base"`
	MissingDays []string `json:"missing_days,omitempty"`
	Status      string   `json:"status"`
	// Alarm marks a status the reader should act on (a silent or patchy source).
	Alarm bool `json:"alarm,omitempty"`
}

// Options tune Build.
type Options struct {
	// Lang is id (default) or en.
	Lang string
	// TopPrograms bounds the programs charted (default 6).
	TopPrograms int
	// TopTerms bounds the rising terms (default 10).
	TopTerms int
	// MinTermCount is the least number of mentions of the week a rising
	// term needs (default 3).
	MinTermCount int
	// TopAccounts bounds the account table (default 10).
	TopAccounts int
	// MaxBreaches bounds the breach table (default 500; the summary counts all).
	MaxBreaches int
	// Names maps catalog ids (programs, places, institutions, political
	// actors) to human names; the report shows the part before " (".
	// Ids without a name are shown as they are.
	Names map[string]string
}

// name is the display name of a catalog id.
func (o *Options) name(id string) string {
	n := o.Names[id]
	if n == "" {
		return id
	}
	if i := strings.Index(n, " ("); i > 0 {
		n = n[:i]
	}
	return n
}

func (o *Options) names(ids []string) []string {
	if len(ids) == 0 {
		return ids
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = o.name(id)
	}
	return out
}

func (o *Options) nameKeys(kc []store.KeyCount) []store.KeyCount {
	out := make([]store.KeyCount, len(kc))
	for i, k := range kc {
		out[i] = store.KeyCount{Key: o.name(k.Key), Count: k.Count}
	}
	return out
}

func (o *Options) defaults() {
	if o.TopPrograms <= 0 {
		o.TopPrograms = 6
	}
	if o.TopTerms <= 0 {
		o.TopTerms = 10
	}
	if o.MinTermCount <= 0 {
		o.MinTermCount = 3
	}
	if o.TopAccounts <= 0 {
		o.TopAccounts = 10
	}
	if o.MaxBreaches <= 0 {
		o.MaxBreaches = 500
	}
}

// Build computes the report of week w from ClickHouse.
func Build(ctx context.Context, db *store.DB, w Week, opts Options) (*Report, error) {
	opts.defaults()
	l, err := newLang(opts.Lang)
	if err != nil {
		return nil, err
	}
	cur := store.Range{From: w.Start().UTC(), To: w.End().UTC()}
	pw := w.Prev()
	prev := store.Range{From: pw.Start().UTC(), To: pw.End().UTC()}
	base := store.Range{From: w.Start().AddDate(0, 0, -28).UTC(), To: cur.From}

	r := &Report{
		Lang: l.code, Week: w.String(), WeekLabel: l.WeekLabel(w),
		Start: w.Start().Format("2006-01-02"), End: w.End().AddDate(0, 0, -1).Format("2006-01-02"),
		Title: l.T("title"),
	}
	if r.Summary.Current, err = db.ReportTotals(ctx, cur); err != nil {
		return nil, err
	}
	if r.Summary.Previous, err = db.ReportTotals(ctx, prev); err != nil {
		return nil, err
	}
	r.NoData = r.Summary.Current.Mentions == 0
	if err := buildPrograms(ctx, db, l, w, cur, prev, opts, r); err != nil {
		return nil, err
	}
	if err := buildIssues(ctx, db, l, cur, base, opts, r); err != nil {
		return nil, err
	}
	if err := buildSpikes(ctx, db, l, w, cur, &opts, r); err != nil {
		return nil, err
	}
	breaches, err := db.ReportPosts(ctx, cur, store.PostFilter{BreachOnly: true, ByTime: true, Limit: opts.MaxBreaches})
	if err != nil {
		return nil, err
	}
	r.Breaches = posts(l, breaches, 280)
	for i := range r.Breaches {
		r.Breaches[i].Actors = opts.names(r.Breaches[i].Actors)
	}
	if err := buildSources(ctx, db, l, cur, prev, opts, r); err != nil {
		return nil, err
	}
	if err := buildMethod(ctx, db, l, w, cur, base, r); err != nil {
		return nil, err
	}
	r.Summary.KPIs = kpis(l, r.Summary.Current, r.Summary.Previous)
	r.Summary.Sentences = sentences(l, r)
	return r, nil
}

func index(pos, neg, total int64) (float64, bool) {
	if total == 0 {
		return 0, false
	}
	return round1(float64(pos-neg) / float64(total) * 100), true
}

func share(n, total int64) (float64, bool) {
	if total == 0 {
		return 0, false
	}
	return round1(float64(n) / float64(total) * 100), true
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func buildPrograms(ctx context.Context, db *store.DB, l lang, w Week, cur, prev store.Range, opts Options, r *Report) error {
	days, err := db.ReportProgramDays(ctx, cur, clock.WITA)
	if err != nil {
		return err
	}
	pdays, err := db.ReportProgramDays(ctx, prev, clock.WITA)
	if err != nil {
		return err
	}
	start := w.Start()
	for i := 0; i < 7; i++ {
		r.Programs.Days = append(r.Programs.Days, l.Day(start.AddDate(0, 0, i)))
	}
	byProg := map[string]*ProgramSeries{}
	get := func(p string) *ProgramSeries {
		s := byProg[p]
		if s == nil {
			s = &ProgramSeries{Program: p, Name: opts.name(p), Mentions: make([]int64, 7), Index: make([]float64, 7), IndexValid: make([]bool, 7)}
			byProg[p] = s
		}
		return s
	}
	pos := make(map[string][]int64)
	neg := make(map[string][]int64)
	for _, d := range days {
		i := int(d.Day.Sub(start).Hours() / 24)
		if i < 0 || i > 6 {
			continue
		}
		s := get(d.Program)
		s.Mentions[i] += d.Mentions
		s.Total += d.Mentions
		s.Positive += d.Positive
		s.Negative += d.Negative
		s.Hostile += d.Hostile
		if pos[d.Program] == nil {
			pos[d.Program], neg[d.Program] = make([]int64, 7), make([]int64, 7)
		}
		pos[d.Program][i] += d.Positive
		neg[d.Program][i] += d.Negative
	}
	type pt struct{ n, pos, neg int64 }
	prevTot := map[string]pt{}
	for _, d := range pdays {
		p := prevTot[d.Program]
		p.n += d.Mentions
		p.pos += d.Positive
		p.neg += d.Negative
		prevTot[d.Program] = p
	}
	var all []ProgramSeries
	for p, s := range byProg {
		for i := 0; i < 7; i++ {
			s.Index[i], s.IndexValid[i] = index(pos[p][i], neg[p][i], s.Mentions[i])
		}
		s.WeekIndex, _ = index(s.Positive, s.Negative, s.Total)
		if pp, ok := prevTot[p]; ok {
			s.PrevTotal = pp.n
			s.PrevIndex, s.PrevValid = index(pp.pos, pp.neg, pp.n)
			if s.PrevValid {
				s.Delta = round1(s.WeekIndex - s.PrevIndex)
			}
		}
		all = append(all, *s)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Total != all[j].Total {
			return all[i].Total > all[j].Total
		}
		return all[i].Program < all[j].Program
	})
	if len(all) > opts.TopPrograms {
		r.Programs.Series = all[:opts.TopPrograms]
	} else {
		r.Programs.Series = all
	}
	// Movers: programs with a comparison and enough mentions both weeks for
	// the index to mean something, by the size of the move.
	var movers []ProgramSeries
	for _, s := range all {
		if s.PrevValid && s.Total >= 5 && s.PrevTotal >= 5 && s.Delta != 0 {
			movers = append(movers, s)
		}
	}
	sort.Slice(movers, func(i, j int) bool {
		a, b := math.Abs(movers[i].Delta), math.Abs(movers[j].Delta)
		if a != b {
			return a > b
		}
		return movers[i].Program < movers[j].Program
	})
	if len(movers) > 5 {
		movers = movers[:5]
	}
	r.Programs.Movers = movers
	return nil
}

func buildIssues(ctx context.Context, db *store.DB, l lang, cur, base store.Range, opts Options, r *Report) error {
	bt, err := db.ReportTotals(ctx, base)
	if err != nil {
		return err
	}
	r.Issues.BaselineMentions = bt.Mentions
	counts, err := db.ReportTermCounts(ctx, cur, base, opts.MinTermCount, 5000)
	if err != nil {
		return err
	}
	var rising []RisingTerm
	for _, c := range counts {
		if !keepTerm(c.Term) {
			continue
		}
		wb := float64(c.Baseline) / 4
		lift := (float64(c.Current) + 1) / (wb + 1)
		// Rising means clearly above the usual weekly level: at least
		// doubled (smoothed) and at least three more mentions.
		if lift < 2 || float64(c.Current)-wb < 3 {
			continue
		}
		rising = append(rising, RisingTerm{
			Term: c.Term, Hashtag: strings.HasPrefix(c.Term, "#"), Current: c.Current, Baseline: c.Baseline,
			WeeklyBase: round1(wb), Lift: round1(lift), New: c.Baseline == 0,
		})
	}
	sort.Slice(rising, func(i, j int) bool {
		if rising[i].Lift != rising[j].Lift {
			return rising[i].Lift > rising[j].Lift
		}
		if rising[i].Current != rising[j].Current {
			return rising[i].Current > rising[j].Current
		}
		return rising[i].Term < rising[j].Term
	})
	// Terms used by the same posts are one issue: the first (highest) term
	// leads, the others are listed with it. Scan until TopTerms issues are
	// found (bounded, each candidate costs a query).
	var terms []RisingTerm
	leader := map[string]int{} // example-set key → index in terms
	issues := 0
	for i := 0; i < len(rising) && i < 4*opts.TopTerms && issues < opts.TopTerms; i++ {
		t := rising[i]
		ex, err := db.ReportPosts(ctx, cur, store.PostFilter{Term: t.Term, Limit: 10})
		if err != nil {
			return err
		}
		ex = distinctText(ex, 2)
		var ids []string
		for _, p := range ex {
			ids = append(ids, p.ID)
		}
		key := strings.Join(ids, "|")
		if j, ok := leader[key]; ok && key != "" {
			terms[j].Related = append(terms[j].Related, t.Term)
			t.SameAs = terms[j].Term
			terms = append(terms, t)
			continue
		}
		leader[key] = len(terms)
		t.Examples = posts(l, ex, 200)
		terms = append(terms, t)
		issues++
	}
	rising = terms
	r.Issues.Terms = rising
	return nil
}

func buildSpikes(ctx context.Context, db *store.DB, l lang, w Week, cur store.Range, opts *Options, r *Report) error {
	hours, err := db.ReportHourly(ctx, cur, true)
	if err != nil {
		return err
	}
	n := int(cur.To.Sub(cur.From).Hours())
	hourly := make([]int64, n)
	for _, h := range hours {
		i := int(h.Hour.Sub(cur.From).Hours())
		if i >= 0 && i < n {
			hourly[i] += h.Count
		}
	}
	alerts, err := db.Alerts(ctx, cur.From, cur.To, "")
	if err != nil {
		return err
	}
	for _, a := range alerts {
		if a.Family != alert.FamilyHostile && a.Family != alert.FamilyThreat {
			continue
		}
		scope := a.ScopeID
		if a.ScopeKind != "" && a.ScopeID != "" {
			scope = a.ScopeKind + ": " + a.ScopeID
		}
		r.Spikes.Alerts = append(r.Spikes.Alerts, AlertRow{
			When: l.Time(a.OpenedAt), Scope: scope, Severity: a.Severity, Title: a.Title, State: a.State,
			Observed: round1(a.Observed), Expected: round1(a.Expected),
		})
	}
	med, mad := medianMAD(hourly)
	thr := math.Max(5, med+5*mad)
	s := &r.Spikes
	s.Hourly, s.Median, s.MAD, s.Threshold = hourly, med, mad, thr
	for i := 0; i < n; {
		if float64(hourly[i]) < thr {
			i++
			continue
		}
		j := i
		sp := Spike{}
		for j < n && float64(hourly[j]) >= thr {
			sp.Total += hourly[j]
			if hourly[j] > sp.Peak {
				sp.Peak = hourly[j]
			}
			j++
		}
		sp.From = cur.From.Add(time.Duration(i) * time.Hour).In(clock.WITA)
		sp.To = cur.From.Add(time.Duration(j) * time.Hour).In(clock.WITA)
		sp.When = l.HourRange(sp.From, sp.To)
		sp.Ratio = round1(float64(sp.Peak) / math.Max(1, med))
		win := store.Range{From: sp.From.UTC(), To: sp.To.UTC()}
		if sp.Programs, err = db.ReportCounts(ctx, win, store.ReportByProgram, true); err != nil {
			return err
		}
		if sp.Places, err = db.ReportCounts(ctx, win, store.ReportByPlace, true); err != nil {
			return err
		}
		sp.Programs, sp.Places = opts.nameKeys(topKeys(sp.Programs, 3)), opts.nameKeys(topKeys(sp.Places, 3))
		hp, err := db.ReportPosts(ctx, win, store.PostFilter{HostileOnly: true, Limit: 500})
		if err != nil {
			return err
		}
		sp.Terms = topTerms(hp, 5)
		sp.Examples = posts(l, distinctText(hp, 2), 200)
		s.Spikes = append(s.Spikes, sp)
		i = j
	}
	return nil
}

func topKeys(k []store.KeyCount, n int) []store.KeyCount {
	if len(k) > n {
		return k[:n]
	}
	return k
}

// medianMAD returns the median and the median absolute deviation of v.
func medianMAD(v []int64) (float64, float64) {
	f := make([]float64, len(v))
	for i, x := range v {
		f[i] = float64(x)
	}
	return stats.MedianMAD(f)
}

func buildSources(ctx context.Context, db *store.DB, l lang, cur, prev store.Range, opts Options, r *Report) error {
	cs, err := db.ReportCounts(ctx, cur, store.ReportBySource, false)
	if err != nil {
		return err
	}
	ps, err := db.ReportCounts(ctx, prev, store.ReportBySource, false)
	if err != nil {
		return err
	}
	prevBy := map[string]int64{}
	for _, p := range ps {
		prevBy[p.Key] = p.Count
	}
	total := r.Summary.Current.Mentions
	seen := map[string]bool{}
	for _, c := range cs {
		sh, _ := share(c.Count, total)
		seen[c.Key] = true
		r.Sources.Shares = append(r.Sources.Shares, SourceShare{
			Source: l.Source(c.Key), Count: c.Count, Share: sh, PrevCount: prevBy[c.Key],
			Change: countChange(l, float64(c.Count), float64(prevBy[c.Key])).text,
		})
	}
	for _, p := range ps { // sources that fell silent stay visible
		if !seen[p.Key] {
			r.Sources.Shares = append(r.Sources.Shares, SourceShare{Source: l.Source(p.Key), PrevCount: p.Count, Change: countChange(l, 0, float64(p.Count)).text})
		}
	}
	acc, err := db.ReportTopAccounts(ctx, cur, opts.TopAccounts)
	if err != nil {
		return err
	}
	for _, a := range acc {
		name := a.Handle
		if a.Name != "" && a.Name != a.Handle {
			name = a.Name + " (@" + a.Handle + ")"
		} else if name != "" && !strings.HasPrefix(name, "warga-") {
			name = "@" + name
		}
		r.Sources.Accounts = append(r.Sources.Accounts, AccountRow{
			Source: l.Source(a.Source), Account: name, Kind: l.T("kind." + a.Kind), Org: a.Org, Mentions: a.Mentions, Engagement: a.Engagement,
		})
	}
	return nil
}

func buildMethod(ctx context.Context, db *store.DB, l lang, w Week, cur, base store.Range, r *Report) error {
	m := &r.Method
	var err error
	if m.Models, err = db.ReportCounts(ctx, cur, store.ReportByModel, false); err != nil {
		return err
	}
	for i := range m.Models {
		if m.Models[i].Key == "" {
			m.Models[i].Key = l.T("untagged")
		}
	}
	sd, err := db.ReportSourceDays(ctx, cur, clock.WITA)
	if err != nil {
		return err
	}
	bs, err := db.ReportCounts(ctx, base, store.ReportBySource, false)
	if err != nil {
		return err
	}
	perDay := map[string][]int64{}
	for _, d := range sd {
		if perDay[d.Source] == nil {
			perDay[d.Source] = make([]int64, 7)
		}
		if i := int(d.Day.Sub(w.Start()).Hours() / 24); i >= 0 && i < 7 {
			perDay[d.Source][i] += d.Count
		}
	}
	baseBy := map[string]float64{}
	for _, b := range bs {
		baseBy[b.Key] = float64(b.Count) / 4
	}
	var srcs []string
	for s := range perDay {
		srcs = append(srcs, s)
	}
	for s := range baseBy {
		if perDay[s] == nil {
			srcs = append(srcs, s)
		}
	}
	sort.Strings(srcs)
	var silent []string
	for _, s := range srcs {
		c := Coverage{Source: l.Source(s), WeeklyBase: round1(baseBy[s])}
		days := perDay[s]
		for i := 0; i < 7; i++ {
			var n int64
			if days != nil {
				n = days[i]
			}
			c.Count += n
			if n > 0 {
				c.DaysData++
			} else if baseBy[s] >= 14 { // usually ≥ 2 a day: an empty day is a gap
				c.MissingDays = append(c.MissingDays, l.Day(w.Start().AddDate(0, 0, i)))
			}
		}
		switch {
		case c.Count == 0 && baseBy[s] > 0:
			c.Status, c.Alarm = l.T("cov.silent"), true
			silent = append(silent, l.Source(s))
			m.Gaps = append(m.Gaps, fmt.Sprintf(l.T("gap.silent"), l.Source(s), l.Float(baseBy[s])))
		case len(c.MissingDays) > 0:
			c.Status, c.Alarm = fmt.Sprintf(l.T("cov.gaps"), len(c.MissingDays)), true
			m.Gaps = append(m.Gaps, fmt.Sprintf(l.T("gap.days"), l.Source(s), strings.Join(c.MissingDays, ", ")))
		case baseBy[s] >= 14 && float64(c.Count) < baseBy[s]/3:
			c.Status, c.Alarm = l.T("cov.low"), true
			m.Gaps = append(m.Gaps, fmt.Sprintf(l.T("gap.low"), l.Source(s), l.Int(c.Count), l.Float(baseBy[s])))
		case baseBy[s] == 0:
			c.Status = l.T("cov.new")
		default:
			c.Status = l.T("cov.ok")
		}
		m.Coverage = append(m.Coverage, c)
	}
	if len(silent) > 1 && len(silent) == len(srcs) {
		// Every source fell silent: one line says it better than one each.
		m.Gaps = []string{fmt.Sprintf(l.T("gap.allsilent"), strings.Join(silent, ", "))}
	}
	runs, ok, err := db.ReportCollectorRuns(ctx, cur)
	if err != nil {
		return err
	}
	m.RunsAvailable = ok
	m.Runs = runs
	if ok {
		baseRuns, _, err := db.ReportCollectorRuns(ctx, base)
		if err != nil {
			return err
		}
		ran := map[string]bool{}
		for _, rs := range runs {
			ran[rs.Collector] = true
		}
		for _, b := range baseRuns {
			if !ran[b.Collector] {
				m.Gaps = append(m.Gaps, fmt.Sprintf(l.T("gap.runs.none"), b.Collector, l.Int(b.Runs)))
			}
		}
	}
	for _, rs := range runs {
		switch {
		case rs.Runs > 0 && rs.Failed == rs.Runs:
			class := rs.LastErrorClass
			if class == "" {
				class = "?"
			}
			m.Gaps = append(m.Gaps, fmt.Sprintf(l.T("gap.runs.all"), rs.Collector, l.Int(rs.Runs), class))
		case rs.Failed > 0:
			m.Gaps = append(m.Gaps, fmt.Sprintf(l.T("gap.runs.some"), rs.Collector, l.Int(rs.Failed), l.Int(rs.Runs)))
		}
	}
	if len(srcs) == 0 && len(runs) == 0 {
		m.Gaps = append(m.Gaps, l.T("gap.nothing"))
	}
	m.Notes = notes(l, r, ok)
	return nil
}

// posts converts store posts for display; text is cut to maxRunes.
func posts(l lang, ps []store.ReportPost, maxRunes int) []Post {
	out := make([]Post, 0, len(ps))
	for _, p := range ps {
		text := strings.Join(strings.Fields(strings.TrimSpace(p.Title+" "+p.Text)), " ")
		author := p.AuthorHandle
		if p.AuthorName != "" {
			author = p.AuthorName
		}
		if author == "" {
			author = p.AuthorID
		}
		level := ""
		if p.AuthorLevel != "" {
			level = l.T("level." + p.AuthorLevel)
		}
		out = append(out, Post{
			ID: p.ID, Source: l.Source(p.Source), URL: p.URL, Author: author, AuthorKind: l.T("kind." + p.AuthorKind),
			Org: p.AuthorOrg, Level: level, Time: l.Time(p.PostedAt), Text: cut(text, maxRunes),
			Engagement: p.Engagement, Sentiment: p.Sentiment, Actors: p.Actors, Stance: l.Stance(p.Stance), Unverified: p.Unverified,
		})
	}
	return out
}

// distinctText keeps the first n posts whose texts differ (copy-pasted
// posts would otherwise fill the examples).
func distinctText(ps []store.ReportPost, n int) []store.ReportPost {
	seen := map[string]bool{}
	var out []store.ReportPost
	for _, p := range ps {
		k := strings.ToLower(strings.Join(strings.Fields(p.Title+" "+p.Text), " "))
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
		if len(out) == n {
			break
		}
	}
	return out
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	c := string(r[:n])
	if i := strings.LastIndexByte(c, ' '); i > n/2 {
		c = c[:i]
	}
	return strings.TrimRight(c, " ,.;:") + "…"
}
