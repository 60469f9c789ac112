package report

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

// Report is the computed content of one weekly report, before rendering.
// It is plain data (golden tests compare its JSON form).
type Report struct {
	Lang      string `json:"lang"`
	Week      string `json:"week"`
	WeekLabel string `json:"week_label"`
	Start     string `json:"start"` // first day, YYYY-MM-DD (WITA)
	End       string `json:"end"`   // last day, YYYY-MM-DD (WITA)
	NoData    bool   `json:"no_data"`
	// Unfinished marks the current week, reported before it ended:
	// DataUntil says up to when (WITA).
	Unfinished bool   `json:"unfinished,omitempty"`
	DataUntil  string `json:"data_until,omitempty"`
	// OriginalLinks says the posts carry their original links
	// (Options.OriginalLinks: for authorised readers only).
	OriginalLinks bool           `json:"original_links,omitempty"`
	Title         string         `json:"title"`
	Summary       Summary        `json:"summary"`
	Programs      ProgramSection `json:"programs"`
	Issues        IssueSection   `json:"issues"`
	Spikes        SpikeSection   `json:"spikes"`
	Breaches      []Post         `json:"breaches"`
	// BreachesByAgency counts the week's breaches per account, with its
	// registry entry.
	BreachesByAgency []AgencyRow   `json:"breaches_by_agency"`
	Sources          SourceSection `json:"sources"`
	Method           MethodSection `json:"method"`
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
	BaselineMentions int64 `json:"baseline_mentions"`
	// BaseWeeks is how many of the four weeks before hold data: weekly
	// averages divide by it (a new installation has fewer than four).
	BaseWeeks int          `json:"base_weeks"`
	Terms     []RisingTerm `json:"terms"`
}

// RisingTerm is an issue (a phrase, a hashtag or a named entity) used much
// more this week than in the weeks before.
type RisingTerm struct {
	// Key is the phrase's terms, the #hashtag or the catalog id; Term how
	// it is shown.
	Key        string  `json:"key"`
	Term       string  `json:"term"`
	Kind       string  `json:"kind"` // phrase, hashtag or entity
	Current    int64   `json:"current"`
	Authors    int64   `json:"authors"`     // distinct authors this week
	Baseline   int64   `json:"baseline"`    // over the four previous weeks
	WeeklyBase float64 `json:"weekly_base"` // Baseline / the weeks with data
	Lift       float64 `json:"lift"`        // (Current+1)/(WeeklyBase+1)
	New        bool    `json:"new"`
	Examples   []Post  `json:"examples"`
	// Related are later terms of the list used by the same example posts;
	// their examples are shown once, under this term.
	Related []string `json:"related,omitempty"`
	// SameAs names the earlier term whose examples this term shares.
	SameAs string `json:"same_as,omitempty"`

	posts map[string]bool // the mentions using it this week
}

// SpikeSection is section 4: hostile content by kind, target and
// category, and the week's spikes.
type SpikeSection struct {
	// Hourly hostile counts (abusive + hate) for the hours of the week,
	// and by kind (threats also counted under their label).
	Hourly        []int64          `json:"hourly"`
	HourlyAbusive []int64          `json:"hourly_abusive"`
	HourlyHate    []int64          `json:"hourly_hate"`
	HourlyThreats []int64          `json:"hourly_threats"`
	Kinds         HostileKinds     `json:"kinds"`
	Targets       []store.KeyCount `json:"targets"`
	Categories    []store.KeyCount `json:"categories"`
	// Spikes are the hostile-content and threat alerts of the week.
	Spikes []Spike `json:"spikes"`
	// AlertsRecorded says whether the alert stage recorded any alert in
	// the week (without it, no spike can be listed).
	AlertsRecorded bool `json:"alerts_recorded"`
}

// Spike is one spike as the alert stage detected it: its span runs from
// its first to its last post (To inclusive) and Total counts them — the
// same window and count as the alert's message.
type Spike struct {
	AlertID  string    `json:"alert_id"`
	Family   string    `json:"family"`
	Severity string    `json:"severity"`
	Title    string    `json:"title"`
	Scope    string    `json:"scope"`
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	When     string    `json:"when"`
	Total    int64     `json:"total"`
	// Peak is the most posts in one of the alert's windows (PeakMinutes
	// long), against Expected of a usual week (Ratio = Peak/Expected).
	Peak        int64            `json:"peak"`
	PeakMinutes int              `json:"peak_minutes"`
	Expected    float64          `json:"expected"`
	Ratio       float64          `json:"ratio"`
	Resolved    bool             `json:"resolved"`
	Kinds       []store.KeyCount `json:"kinds,omitempty"`
	Targets     []string         `json:"targets,omitempty"`
	Programs    []store.KeyCount `json:"programs"`
	Places      []store.KeyCount `json:"places"`
	Terms       []string         `json:"terms"`
	Examples    []Post           `json:"examples"`
}

// Post is a mention as shown in the report.
type Post struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	// URL is the public link (no citizen handle), empty where the platform
	// has none, unless Options.OriginalLinks.
	URL    string `json:"url"`
	Author string `json:"author"`
	// Handle is the @handle of a named account (government, media…);
	// citizens have their pseudonym as Author and no handle.
	Handle     string `json:"handle,omitempty"`
	AuthorKind string `json:"author_kind"`
	Org        string `json:"org,omitempty"`
	Level      string `json:"level,omitempty"`
	Time       string `json:"time"`
	// Title is the headline (news, RSS), Text the body.
	Title      string   `json:"title,omitempty"`
	Text       string   `json:"text"`
	Engagement int64    `json:"engagement"`
	Sentiment  string   `json:"sentiment,omitempty"`
	Actors     []string `json:"actors,omitempty"`
	Stance     string   `json:"stance,omitempty"`
	Unverified bool     `json:"unverified,omitempty"`
	// Cues are the evidence of a breach, in words (rule: “words” → side).
	Cues []string `json:"cues,omitempty"`
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
	Source     string  `json:"source"`
	Count      int64   `json:"count"`
	DaysData   int     `json:"days_data"`
	WeeklyBase float64 `json:"weekly_base"`
	// BaseWeeks is how many of the four weeks before the source had data
	// in: WeeklyBase averages over them.
	BaseWeeks   int      `json:"base_weeks"`
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
	// issue needs (default 5), MinTermAuthors the least number of
	// distinct authors (default 3).
	MinTermCount   int
	MinTermAuthors int
	// TopAccounts bounds the account table (default 10).
	TopAccounts int
	// MaxBreaches bounds the breach table (default 500; the summary counts all).
	MaxBreaches int
	// Names maps catalog ids (programs, places, institutions, political
	// actors) to human names; the report shows the part before " (".
	// Ids without a name are shown as they are.
	Names map[string]string
	// OriginalLinks, for authorised readers only, shows the original link
	// of posts whose public link would name a citizen (restricted_url;
	// README.md, Privasi). Off, those posts have no link.
	OriginalLinks bool
	// Now is the clock that decides whether a week has begun or ended
	// (default clock.Now).
	Now func() time.Time
}

// links is the kind of post links the report shows.
func (o *Options) links() store.Links {
	if o.OriginalLinks {
		return store.OriginalLinks
	}
	return store.PublicLinks
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
		o.MinTermCount = 5
	}
	if o.MinTermAuthors <= 0 {
		o.MinTermAuthors = 3
	}
	if o.Now == nil {
		o.Now = clock.Now
	}
	if o.TopAccounts <= 0 {
		o.TopAccounts = 10
	}
	if o.MaxBreaches <= 0 {
		o.MaxBreaches = 500
	}
}

// ErrWeekNotBegun is returned for a week that starts after now: there is
// nothing to report yet.
var ErrWeekNotBegun = errors.New("week has not begun")

// Build computes the report of week w from ClickHouse. A week that has not
// begun is refused (ErrWeekNotBegun); the current week is reported as far
// as it goes and marked unfinished.
func Build(ctx context.Context, db *store.DB, w Week, opts Options) (*Report, error) {
	opts.defaults()
	l, err := newLang(opts.Lang)
	if err != nil {
		return nil, err
	}
	now := opts.Now()
	if w.Start().After(now) {
		return nil, fmt.Errorf("%w: %s starts on %s WITA, after today (%s WITA); pick a week up to %s",
			ErrWeekNotBegun, w, w.Start().Format("2006-01-02"), now.In(clock.WITA).Format("2006-01-02 15:04"), WeekOf(now))
	}
	cur := store.Range{From: w.Start().UTC(), To: w.End().UTC()}
	pw := w.Prev()
	prev := store.Range{From: pw.Start().UTC(), To: pw.End().UTC()}
	base := store.Range{From: w.Start().AddDate(0, 0, -28).UTC(), To: cur.From}

	r := &Report{
		Lang: l.code, Week: w.String(), WeekLabel: l.WeekLabel(w),
		Start: w.Start().Format("2006-01-02"), End: w.End().AddDate(0, 0, -1).Format("2006-01-02"),
		Title: l.T("title"), OriginalLinks: opts.OriginalLinks,
	}
	if now.Before(w.End()) {
		r.Unfinished, r.DataUntil = true, l.Time(now)
	}
	if r.Summary.Current, err = db.ReportTotals(ctx, cur); err != nil {
		return nil, err
	}
	if r.Summary.Previous, err = db.ReportTotals(ctx, prev); err != nil {
		return nil, err
	}
	r.NoData = r.Summary.Current.Mentions == 0
	baseWeeks, sourceWeeks, err := db.ReportWeeksWithData(ctx, base)
	if err != nil {
		return nil, err
	}
	if err := buildPrograms(ctx, db, l, w, cur, prev, opts, r); err != nil {
		return nil, err
	}
	if err := buildIssues(ctx, db, l, cur, base, baseWeeks, opts, r); err != nil {
		return nil, err
	}
	if err := buildHostility(ctx, db, l, cur, prev, &opts, r); err != nil {
		return nil, err
	}
	if err := buildBreaches(ctx, db, l, cur, &opts, r); err != nil {
		return nil, err
	}
	if err := buildSources(ctx, db, l, cur, prev, opts, r); err != nil {
		return nil, err
	}
	if err := buildMethod(ctx, db, l, w, cur, base, sourceWeeks, r); err != nil {
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

func topKeys(k []store.KeyCount, n int) []store.KeyCount {
	if len(k) > n {
		return k[:n]
	}
	return k
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

func buildMethod(ctx context.Context, db *store.DB, l lang, w Week, cur, base store.Range, sourceWeeks map[string]int, r *Report) error {
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
	// A source's usual week is its average over the weeks before in
	// which it had data (a new installation, or a source added later, has
	// fewer than four).
	baseBy := map[string]float64{}
	for _, b := range bs {
		if n := sourceWeeks[b.Key]; n > 0 {
			baseBy[b.Key] = float64(b.Count) / float64(n)
		}
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
		c := Coverage{Source: l.Source(s), WeeklyBase: round1(baseBy[s]), BaseWeeks: sourceWeeks[s]}
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

// posts converts store posts for display; title and text are each cut to
// maxRunes.
func posts(l lang, ps []store.ReportPost, maxRunes int) []Post {
	out := make([]Post, 0, len(ps))
	for _, p := range ps {
		title := strings.Join(strings.Fields(p.Title), " ")
		text := strings.Join(strings.Fields(p.Text), " ")
		if text == "" {
			title, text = "", title
		}
		author := p.AuthorName
		handle := ""
		if p.AuthorHandle != "" && !strings.HasPrefix(p.AuthorHandle, "warga-") {
			handle = "@" + strings.TrimPrefix(p.AuthorHandle, "@")
		}
		if author == "" {
			author = handle
		}
		if author == "" {
			author = p.AuthorHandle // a citizen's pseudonym
		}
		if author == handle {
			handle = ""
		}
		level := ""
		if p.AuthorLevel != "" {
			level = l.T("level." + p.AuthorLevel)
		}
		out = append(out, Post{
			ID: p.ID, Source: l.Source(p.Source), URL: p.URL, Author: author, Handle: handle, AuthorKind: l.T("kind." + p.AuthorKind),
			Org: p.AuthorOrg, Level: level, Time: l.Time(p.PostedAt), Title: cut(title, maxRunes), Text: cut(text, maxRunes),
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
