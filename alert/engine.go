package alert

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dengar-id/dengar/store"
)

// Data is what the engine reads: *store.DB implements it over ClickHouse,
// and the evaluation implements it over an in-memory stream, so both run
// the same detector code.
type Data interface {
	AlertMinuteCounts(ctx context.Context, from, to time.Time) ([]store.ScopedCounts, error)
	AlertHourlyCounts(ctx context.Context, from, to time.Time) ([]store.ScopedCounts, error)
	AlertMentions(ctx context.Context, scope, family string, from, to time.Time, limit int) ([]store.AlertMention, error)
	UnalertedBreaches(ctx context.Context, from, to time.Time, limit int) ([]store.AlertMention, error)
	CollectorHealthAt(ctx context.Context, since, until time.Time) ([]store.CollectorHealth, error)
	MentionTimeRange(ctx context.Context) (first, last time.Time, ok bool, err error)
}

// Alert states.
const (
	StateFiring   = "firing"
	StateResolved = "resolved"
)

// Alert is one alert: one spike (or breach, or stalled collector) from
// open to resolve. Its ID is stable; Version grows with every change.
type Alert struct {
	ID, Key, Family string
	// Signals that fired (count, share, drift, any).
	Signals []string
	// Scope is "all", "program:<id>" or "place:<id>"; Related are other
	// scopes folded into this alert (the same spike seen city-wide).
	Scope   string
	Related []string
	State   string
	// Severity is the highest reached: low, medium, high, critical.
	Severity             string
	OpenedAt, UpdatedAt  time.Time
	ResolvedAt           time.Time
	WindowFrom, WindowTo time.Time
	// Observed and Expected are the family count (or share × 100 for share
	// signals) of the peak window; Ratio = Observed/Expected; Score is
	// −log10 of the Poisson tail probability.
	Observed, Expected, Ratio, Score float64
	Share, BaseShare                 float64
	Baseline                         string
	// MentionID is the breaching mention of a neutrality-breach alert;
	// Collector the stalled collector.
	MentionID, Collector string
	Explanation          *Explanation
	GrafanaURL           string
	Version              uint32

	lastActive       time.Time
	notifiedSeverity string
	peakScore        float64
}

// Event types.
const (
	EventOpened    = "opened"
	EventEscalated = "escalated"
	EventUpdated   = "updated"
	EventReopened  = "reopened"
	EventResolved  = "resolved"
)

// Event is a change of an alert. Notify says whether it is sent out.
type Event struct {
	Type   string
	Alert  Alert
	Notify bool
}

// Engine evaluates the rules minute by minute. It is not safe for
// concurrent use.
type Engine struct {
	cfg  Config
	data Data
	log  *slog.Logger

	minutes map[string]map[int64]counts // scope → minute index → counts
	hours   map[string]map[int64]counts // scope → hour index → counts

	historyStart   time.Time
	haveHistory    bool
	preloaded      bool
	minLoadedTo    time.Time
	hourLoadedTo   time.Time
	baseCache      map[baseKey]hourBaseline
	open           map[string]*Alert // by key
	closed         map[string]*Alert // last resolved per key (cooldown)
	seenBreach     map[string]bool
	drift          map[string]*ewma
	lastDriftHour  int64
	lastSpike      map[string]time.Time // family|scope → last step a spike fired
	quietSince     map[string]time.Time // family|scope → when its last alert resolved
	explain        bool
	collectorsWarn bool
	breachCache    []store.AlertMention // preloaded breaches (backfill)
}

// EngineOption configures an Engine.
type EngineOption func(*Engine)

// WithoutExplanations skips the explanation queries (fast evaluation).
func WithoutExplanations() EngineOption { return func(e *Engine) { e.explain = false } }

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) EngineOption { return func(e *Engine) { e.log = l } }

// NewEngine returns an engine over data with cfg (Defaults applied).
func NewEngine(cfg Config, data Data, opts ...EngineOption) (*Engine, error) {
	cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	e := &Engine{
		cfg: cfg, data: data, log: slog.Default(),
		minutes: map[string]map[int64]counts{}, hours: map[string]map[int64]counts{},
		baseCache: map[baseKey]hourBaseline{}, open: map[string]*Alert{}, closed: map[string]*Alert{},
		seenBreach: map[string]bool{}, drift: map[string]*ewma{}, explain: true, lastSpike: map[string]time.Time{}, quietSince: map[string]time.Time{},
	}
	for _, o := range opts {
		o(e)
	}
	return e, nil
}

// Restore puts alerts still firing (from the alerts table, after a
// restart) back under the engine's care.
func (e *Engine) Restore(as []Alert) {
	for i := range as {
		a := as[i]
		if a.State != StateFiring {
			continue
		}
		a.lastActive = a.UpdatedAt
		a.notifiedSeverity = a.Severity
		a.peakScore = a.Score
		if a.Family == FamilyBreach {
			e.seenBreach[a.MentionID] = true
		}
		e.open[a.Key] = &a
	}
}

func (e *Engine) maxWindow() time.Duration {
	m := e.cfg.ThreatWindow
	for _, w := range e.cfg.Windows {
		m = max(m, w)
	}
	return m
}

func minuteIdx(t time.Time) int64 { return t.Unix() / 60 }
func hourIdx(t time.Time) int64   { return t.Unix() / 3600 }

// Preload reads everything a backfill over [from, to) needs in two queries
// and stops re-reading: used by EvaluateRange and the evaluation.
func (e *Engine) Preload(ctx context.Context, from, to time.Time) error {
	if err := e.loadHistory(ctx); err != nil {
		return err
	}
	days := max(e.cfg.BaselineWeeks*7, e.cfg.RecentDays, e.cfg.DriftDays) + 1
	if err := e.loadHours(ctx, from.Add(-time.Duration(days)*24*time.Hour).Truncate(time.Hour), to); err != nil {
		return err
	}
	if err := e.loadMinutes(ctx, from.Add(-e.maxWindow()-time.Minute), to); err != nil {
		return err
	}
	bs, err := e.data.UnalertedBreaches(ctx, from.Add(-e.cfg.BreachLookback), to, 100000)
	if err != nil {
		return fmt.Errorf("alert: breaches: %w", err)
	}
	e.breachCache = bs
	e.preloaded = true
	return nil
}

func (e *Engine) loadHistory(ctx context.Context) error {
	first, _, ok, err := e.data.MentionTimeRange(ctx)
	if err != nil {
		return fmt.Errorf("alert: history: %w", err)
	}
	e.historyStart, e.haveHistory = first, ok
	return nil
}

func (e *Engine) loadMinutes(ctx context.Context, from, to time.Time) error {
	cs, err := e.data.AlertMinuteCounts(ctx, from, to)
	if err != nil {
		return fmt.Errorf("alert: minute counts: %w", err)
	}
	for _, m := range e.minutes { // replace the range: late arrivals change it
		for k := range m {
			if k >= minuteIdx(from) && k < minuteIdx(to) {
				delete(m, k)
			}
		}
	}
	for _, c := range cs {
		if !e.keepScope(c.Scope) {
			continue
		}
		m := e.minutes[c.Scope]
		if m == nil {
			m = map[int64]counts{}
			e.minutes[c.Scope] = m
		}
		m[minuteIdx(c.At)] = fromStore(c.AlertCounts)
	}
	e.minLoadedTo = to
	return nil
}

func (e *Engine) loadHours(ctx context.Context, from, to time.Time) error {
	cs, err := e.data.AlertHourlyCounts(ctx, from, to)
	if err != nil {
		return fmt.Errorf("alert: hourly counts: %w", err)
	}
	for _, m := range e.hours {
		for k := range m {
			if k >= hourIdx(from) && k < hourIdx(to.Add(time.Hour-1)) {
				delete(m, k)
			}
		}
	}
	for _, c := range cs {
		if !e.keepScope(c.Scope) {
			continue
		}
		m := e.hours[c.Scope]
		if m == nil {
			m = map[int64]counts{}
			e.hours[c.Scope] = m
		}
		m[hourIdx(c.At)] = fromStore(c.AlertCounts)
	}
	e.hourLoadedTo = to
	clear(e.baseCache)
	return nil
}

// refresh reads what changed since the last step (live mode).
func (e *Engine) refresh(ctx context.Context, now time.Time) error {
	if e.preloaded {
		return nil
	}
	if !e.haveHistory {
		if err := e.loadHistory(ctx); err != nil {
			return err
		}
	}
	// Minutes: the longest window plus 15 minutes of late arrivals.
	if err := e.loadMinutes(ctx, now.Add(-e.maxWindow()-15*time.Minute), now); err != nil {
		return err
	}
	h := now.Truncate(time.Hour)
	if e.hourLoadedTo.IsZero() {
		days := max(e.cfg.BaselineWeeks*7, e.cfg.RecentDays, e.cfg.DriftDays) + 1
		return e.loadHours(ctx, h.Add(-time.Duration(days)*24*time.Hour), h)
	}
	if h.After(e.hourLoadedTo) {
		return e.loadHours(ctx, e.hourLoadedTo.Add(-2*time.Hour), h)
	}
	return nil
}

func (e *Engine) keepScope(s string) bool {
	switch {
	case s == store.ScopeAll:
		return true
	case strings.HasPrefix(s, store.ScopeProgramPrefix):
		return *e.cfg.Programs
	case strings.HasPrefix(s, store.ScopePlacePrefix):
		return *e.cfg.Places && strings.HasPrefix(strings.TrimPrefix(s, store.ScopePlacePrefix), *e.cfg.PlacePrefix)
	}
	return false
}

// hourUsable says whether hour index h lies inside the stored history.
func (e *Engine) hourUsable(h int64, now time.Time) bool {
	if !e.haveHistory {
		return false
	}
	start := hourIdx(e.historyStart.Add(time.Hour - time.Second)) // first full hour
	return h >= start && h < hourIdx(now)
}

// baseline returns the per-hour baseline of scope for hour h.
func (e *Engine) baseline(scope string, h int64, now time.Time) hourBaseline {
	key := baseKey{scope, h}
	if b, ok := e.baseCache[key]; ok {
		return b
	}
	hs := e.hours[scope]
	try := func(method string, idx []int64, need int) (hourBaseline, bool) {
		var vals [5][]float64
		var b hourBaseline
		n := 0
		for _, i := range idx {
			if !e.hourUsable(i, now) {
				continue
			}
			n++
			c := hs[i]
			for f := range c {
				vals[f] = append(vals[f], c[f])
			}
			b.pooled.add(c)
			// neighbours pool the shares, which are noisy per hour
			if method != BaselineRecent {
				for _, j := range []int64{i - 1, i + 1} {
					if e.hourUsable(j, now) {
						b.pooled.add(hs[j])
					}
				}
			}
		}
		if n < need {
			return b, false
		}
		b.ok, b.method = true, method
		for f := range vals {
			m, sd := robust(vals[f])
			// The Poisson test already accounts for Poisson noise in the
			// window: the inflation is the spread beyond it (between
			// weeks or days) plus the error of the median itself
			// (variance ≈ π/2 · mean / n for Poisson samples).
			over := math.Max(0, sd*sd-m)
			b.median[f], b.sigma[f] = m, math.Sqrt(over+math.Pi/2*math.Max(m, 1)/float64(n))
		}
		return b, true
	}
	var b hourBaseline
	var idx []int64
	for k := 1; k <= e.cfg.BaselineWeeks; k++ {
		idx = append(idx, h-int64(k)*168)
	}
	b, ok := try(BaselineHourOfWeek, idx, e.cfg.MinWeeks)
	if !ok {
		idx = idx[:0]
		for d := 1; d <= e.cfg.RecentDays; d++ {
			idx = append(idx, h-int64(d)*24)
		}
		b, ok = try(BaselineHourOfDay, idx, e.cfg.MinDays)
	}
	if !ok {
		idx = idx[:0]
		for d := 1; d <= 24; d++ {
			idx = append(idx, h-int64(d))
		}
		b, _ = try(BaselineRecent, idx, e.cfg.MinHours)
	}
	e.baseCache[key] = b
	return b
}

// winStats are the observed counts and the baseline over the minutes
// [now-w, now) of one scope.
type winStats struct {
	obs, exp, sig, pooled counts
	method                string
	ok                    bool
}

type baseKey struct {
	scope string
	h     int64
}

// scopeStats computes winStats for every window length in ws (minutes)
// in one backward pass over the minutes.
func (e *Engine) scopeStats(scope string, now time.Time, ws []int) map[int]winStats {
	out := make(map[int]winStats, len(ws))
	maxW := 0
	want := map[int]bool{}
	for _, w := range ws {
		maxW = max(maxW, w)
		want[w] = true
	}
	ms := e.minutes[scope]
	end := minuteIdx(now)
	var cur winStats
	cur.ok = true
	lastHour := int64(-1)
	var b hourBaseline
	for n := 1; n <= maxW; n++ {
		i := end - int64(n)
		cur.obs.add(ms[i])
		h := i / 60
		if h != lastHour {
			b = e.baseline(scope, h, now)
			lastHour = h
			if b.ok {
				cur.pooled.add(b.pooled)
			}
		}
		if !b.ok {
			cur.ok = false
		} else {
			cur.method = b.method
			for f := range cur.exp {
				cur.exp[f] += b.median[f] / 60
				cur.sig[f] += b.sigma[f] / 60
			}
		}
		if want[n] {
			out[n] = cur
		}
	}
	return out
}

// result is the evaluation of one family on one scope at one step.
type result struct {
	family, scope string
	fire, active  bool
	best          measurement
	signals       []string
	stats         map[int]winStats
}

// excessAt is the family count above expectation in the window of w
// minutes.
func (r result) excessAt(w int) float64 {
	st, ok := r.stats[w]
	if !ok || !st.ok {
		return 0
	}
	fi := familyIndex(r.family)
	return st.obs[fi] - math.Max(st.exp[fi], 0)
}

// evalScope evaluates family on scope. Windows longer than quiet (the
// time since an alert of this scope resolved) are left out: they still
// hold the posts of the spike that just ended.
func (e *Engine) evalScope(scope, family string, stats map[int]winStats, quiet time.Duration) result {
	r := result{family: family, scope: scope, stats: stats}
	fi := familyIndex(family)
	if family == FamilyThreat {
		w := int(e.cfg.ThreatWindow / time.Minute)
		st := stats[w]
		obs, exp, method := st.obs, st.exp, st.method
		m := measurement{signal: SignalAny, window: w, observed: obs[fi], expected: exp[fi], method: method}
		if m.expected > 0 {
			m.ratio = m.observed / m.expected
		}
		m.score = poissonScore(m.observed, m.expected)
		r.best = m
		r.fire = obs[fi] >= e.cfg.ThreatMin
		r.active = obs[fi] >= 1
		if r.fire {
			r.signals = []string{SignalAny}
		}
		return r
	}
	// Short windows (≤ 15 minutes, or the shortest one) say whether the
	// spike is still going on: they hold an alert up, and a long window
	// only fires while they are elevated, so that a spike that has ended
	// but still fills the long window neither holds an alert up nor opens
	// a new one.
	short := e.shortWindow()
	var all []measurement
	shortActive := false
	for _, wd := range e.cfg.Windows {
		w := int(wd / time.Minute)
		st := stats[w]
		obs, exp, sig, pooled, method := st.obs, st.exp, st.sig, st.pooled, st.method
		if !st.ok || wd > quiet {
			continue
		}
		if family != FamilyNegative {
			all = append(all, countMeasure(&e.cfg, obs[fi], exp[fi], sig[fi], w, method))
		}
		if family != FamilyPartisan && pooled[iTotal] > 0 {
			base := pooled[fi] / pooled[iTotal]
			// spread of the share: binomial error of the pooled estimate
			bs := math.Sqrt(base * (1 - base) / pooled[iTotal])
			all = append(all, shareMeasure(&e.cfg, obs[fi], obs[iTotal], base, bs, w, method))
		}
	}
	for _, m := range all {
		if m.window <= short && (m.active(&e.cfg) || m.fires(&e.cfg)) {
			shortActive = true
		}
	}
	for _, m := range all {
		if m.fires(&e.cfg) && (m.window <= short || shortActive) {
			if !r.fire || m.score > r.best.score {
				r.best = m
			}
			r.fire = true
			if !contains(r.signals, m.signal) {
				r.signals = append(r.signals, m.signal)
			}
		}
	}
	if shortActive {
		r.active = true
		if !r.fire {
			for _, m := range all {
				if m.window <= short && m.score > r.best.score {
					r.best = m
				}
			}
		}
	}
	sort.Strings(r.signals)
	return r
}

// shortWindow is the longest window that counts as short: 15 minutes, or
// the shortest configured window when all are longer.
func (e *Engine) shortWindow() int {
	short := 15
	least := math.MaxInt
	for _, w := range e.cfg.Windows {
		least = min(least, int(w/time.Minute))
	}
	if least > short {
		short = least
	}
	return short
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func keyOf(family, scope string) string { return family + "|" + scope }

// Step evaluates every rule at now (truncated to the minute: windows end
// at now) and returns the alert changes.
func (e *Engine) Step(ctx context.Context, now time.Time) ([]Event, error) {
	now = now.UTC().Truncate(time.Minute)
	if err := e.refresh(ctx, now); err != nil {
		return nil, err
	}
	var events []Event
	// Spike families. Narrow scopes first so that a city-wide alert can be
	// folded into the program or place alert that explains it.
	scopes := e.activeScopes(now)
	results := map[string]result{}
	ws := []int{int(e.cfg.ThreatWindow / time.Minute)}
	for _, w := range e.cfg.Windows {
		ws = append(ws, int(w/time.Minute))
	}
	for _, s := range scopes {
		stats := e.scopeStats(s, now, ws)
		for _, fam := range e.cfg.Families {
			if fam == FamilyThreat && s != store.ScopeAll {
				continue
			}
			results[keyOf(fam, s)] = e.evalScope(s, fam, stats, now.Sub(e.quietSince[keyOf(fam, s)]))
		}
	}
	for _, fam := range e.cfg.Families {
		// the scope carrying the largest excess first, so that the
		// narrower views of the same spike fold into it; the city last
		order := make([]result, 0, len(scopes))
		for _, s := range scopes {
			if r, ok := results[keyOf(fam, s)]; ok {
				order = append(order, r)
			}
		}
		sort.SliceStable(order, func(i, j int) bool {
			ai, aj := order[i].scope == store.ScopeAll, order[j].scope == store.ScopeAll
			if ai != aj {
				return aj
			}
			return order[i].excessAt(order[i].best.window) > order[j].excessAt(order[j].best.window)
		})
		for _, r := range order {
			ev, err := e.lifecycle(ctx, r, results, now)
			if err != nil {
				return events, err
			}
			events = append(events, ev...)
		}
	}
	// Resolve what no scope holds up any more.
	for _, a := range e.sortedOpen() {
		if a.Family == FamilyStale || a.Family == FamilyBreach || contains(a.Signals, SignalDrift) {
			continue
		}
		if now.Sub(a.lastActive) >= e.cfg.ResolveAfter {
			events = append(events, e.resolve(ctx, a, now))
		}
	}
	ev, err := e.stepDrift(ctx, now)
	if err != nil {
		return events, err
	}
	events = append(events, ev...)
	ev, err = e.stepBreaches(ctx, now)
	if err != nil {
		return events, err
	}
	events = append(events, ev...)
	ev, err = e.stepCollectors(ctx, now)
	if err != nil {
		return events, err
	}
	return append(events, ev...), nil
}

func (e *Engine) sortedOpen() []*Alert {
	out := make([]*Alert, 0, len(e.open))
	for _, a := range e.open {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// activeScopes lists the scopes with mentions in the longest window or an
// open alert, narrow scopes first, "all" last.
func (e *Engine) activeScopes(now time.Time) []string {
	set := map[string]bool{}
	from := minuteIdx(now.Add(-e.maxWindow()))
	for s, m := range e.minutes {
		for k := from; k < minuteIdx(now); k++ {
			if _, ok := m[k]; ok {
				set[s] = true
				break
			}
		}
	}
	for _, a := range e.open {
		if a.Family != FamilyStale && a.Family != FamilyBreach {
			set[a.Scope] = true
		}
	}
	var out []string
	for s := range set {
		if s != store.ScopeAll {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return append(out, store.ScopeAll)
}

// host finds the open alert a firing result belongs to: its own key, or
// an open alert of the same spike: the same family (or hostile for a
// negative-sentiment result: hostile posts are negative) on the same scope,
// a related one, or the city-wide scope, that carries at least MergeShare
// of the result's excess in the same window (or, for a city-wide host,
// of which the result carries MergeShare).
func (e *Engine) host(ctx context.Context, r result, results map[string]result, now time.Time) *Alert {
	if a := e.open[keyOf(r.family, r.scope)]; a != nil {
		return a
	}
	w := r.best.window
	var overlapMs []store.AlertMention
	overlapLoaded := false
	for _, a := range e.sortedOpen() {
		if contains(a.Signals, SignalDrift) || a.Family == FamilyBreach || a.Family == FamilyStale {
			continue
		}
		if a.Family != r.family && !(r.family == FamilyNegative && a.Family == FamilyHostile) {
			continue
		}
		if a.Family == r.family && contains(a.Related, r.scope) {
			return a
		}
		other, ok := results[keyOf(a.Family, a.Scope)]
		if !ok {
			continue
		}
		rx, ax := r.excessAt(w), other.excessAt(w)
		if rx <= 0 || ax <= 0 {
			continue
		}
		switch {
		case a.Scope == r.scope || r.scope == store.ScopeAll || contains(a.Related, r.scope):
			if ax >= e.cfg.MergeShare*rx {
				return a
			}
		case a.Scope == store.ScopeAll && a.Family == r.family:
			if rx >= e.cfg.MergeShare*ax {
				return a
			}
		default:
			// two narrow scopes (a program and a kecamatan, say): fold
			// when enough of this scope's posts are the open alert's.
			if !overlapLoaded {
				overlapLoaded = true
				ms, err := e.data.AlertMentions(ctx, r.scope, r.family, now.Add(-time.Duration(w)*time.Minute), now, 5000)
				if err != nil {
					e.log.Warn("alert: overlap query", "scope", r.scope, "err", err)
				}
				overlapMs = ms
			}
			n := 0
			for i := range overlapMs {
				if inScopes(&overlapMs[i], append([]string{a.Scope}, a.Related...)) {
					n++
				}
			}
			if float64(n) >= e.cfg.MergeShare*rx {
				return a
			}
		}
	}
	return nil
}

// inScopes says whether m belongs to one of scopes.
func inScopes(m *store.AlertMention, scopes []string) bool {
	for _, s := range scopes {
		if _, sc, ok := strings.Cut(s, "@"); ok {
			s = sc
		}
		switch {
		case s == store.ScopeAll:
			return true
		case strings.HasPrefix(s, store.ScopeProgramPrefix):
			if contains(m.Programs, strings.TrimPrefix(s, store.ScopeProgramPrefix)) {
				return true
			}
		case strings.HasPrefix(s, store.ScopePlacePrefix):
			if contains(m.Places, strings.TrimPrefix(s, store.ScopePlacePrefix)) {
				return true
			}
		}
	}
	return false
}

func (e *Engine) lifecycle(ctx context.Context, r result, results map[string]result, now time.Time) ([]Event, error) {
	if !r.fire && !r.active {
		return nil, nil
	}
	if r.fire {
		e.lastSpike[keyOf(r.family, r.scope)] = now
	}
	a := e.host(ctx, r, results, now)
	if !r.fire {
		if a != nil {
			a.lastActive = now
		}
		return nil, nil
	}
	if a != nil && a.Key != keyOf(r.family, r.scope) {
		// Folded into a related alert: keep it up, note the scope (and
		// the family when it differs).
		a.lastActive = now
		rel := r.scope
		if r.family != a.Family {
			rel = r.family + "@" + r.scope
		}
		if !contains(a.Related, rel) {
			a.Related = append(a.Related, rel)
			sort.Strings(a.Related)
			a.UpdatedAt = now
			a.Version++
			return []Event{{Type: EventUpdated, Alert: *a}}, nil
		}
		return nil, nil
	}
	if a != nil { // update the open alert
		a.lastActive = now
		changed := false
		for _, s := range r.signals {
			if !contains(a.Signals, s) {
				a.Signals = append(a.Signals, s)
				sort.Strings(a.Signals)
				changed = true
			}
		}
		if r.best.score > a.peakScore || (r.family == FamilyThreat && r.best.observed > a.Observed) {
			e.setPeak(a, r.best, now)
			changed = true
		}
		sev := e.severity(r)
		if severityRank[sev] > severityRank[a.Severity] {
			a.Severity = sev
			a.UpdatedAt = now
			a.Version++
			if err := e.explainAlert(ctx, a); err != nil {
				return nil, err
			}
			a.notifiedSeverity = sev
			return []Event{{Type: EventEscalated, Alert: *a, Notify: true}}, nil
		}
		if changed && a.Observed > 0 {
			a.UpdatedAt = now
			a.Version++
			return []Event{{Type: EventUpdated, Alert: *a}}, nil
		}
		return nil, nil
	}
	// Reopen within the cool-down, else open a new alert.
	key := keyOf(r.family, r.scope)
	evType := EventOpened
	if c := e.closed[key]; c != nil && now.Sub(c.ResolvedAt) < e.cfg.Cooldown {
		a = c
		delete(e.closed, key)
		a.State, a.ResolvedAt = StateFiring, time.Time{}
		evType = EventReopened
	} else {
		a = &Alert{
			ID: fmt.Sprintf("%s|%s|%s", r.family, r.scope, now.Format("20060102T1504")), Key: key,
			Family: r.family, Scope: r.scope, State: StateFiring, OpenedAt: now,
		}
	}
	if evType == EventReopened {
		// the same alert: peak and severity only grow
		for _, sg := range r.signals {
			if !contains(a.Signals, sg) {
				a.Signals = append(a.Signals, sg)
			}
		}
		sort.Strings(a.Signals)
		if sev := e.severity(r); severityRank[sev] > severityRank[a.Severity] {
			a.Severity = sev
		}
		// the message describes the new burst
		e.setPeak(a, r.best, now)
	} else {
		a.Signals = r.signals
		a.Severity = e.severity(r)
		a.peakScore = -1
		e.setPeak(a, r.best, now)
	}
	a.lastActive, a.UpdatedAt = now, now
	a.Version++
	a.GrafanaURL = e.grafanaURL(a.Family, a.Scope, a.OpenedAt.Add(-2*time.Hour), now.Add(time.Hour))
	if err := e.explainAlert(ctx, a); err != nil {
		return nil, err
	}
	a.notifiedSeverity = a.Severity
	e.open[key] = a
	return []Event{{Type: evType, Alert: *a, Notify: true}}, nil
}

func (e *Engine) severity(r result) string {
	if r.family == FamilyThreat {
		if r.best.observed >= 3 {
			return SeverityCritical
		}
		return SeverityHigh
	}
	s := severityFor(r.best.ratio, r.best.score)
	if r.best.signal == SignalShare {
		// a share ratio is bounded; judge by how far the share moved
		switch d := r.best.share - r.best.baseShare; {
		case d >= 0.4:
			s = SeverityHigh
		case d >= 0.25:
			s = SeverityMedium
		default:
			s = SeverityLow
		}
	}
	return s
}

func (e *Engine) setPeak(a *Alert, m measurement, now time.Time) {
	a.peakScore = m.score
	a.Observed, a.Expected, a.Ratio, a.Score = m.observed, m.expected, m.ratio, m.score
	a.Share, a.BaseShare = m.share, m.baseShare
	a.Baseline = m.method
	a.WindowFrom, a.WindowTo = now.Add(-time.Duration(m.window)*time.Minute), now
}

func (e *Engine) resolve(ctx context.Context, a *Alert, now time.Time) Event {
	a.State, a.ResolvedAt, a.UpdatedAt = StateResolved, now, now
	if a.Family != FamilyBreach && a.Family != FamilyStale {
		e.quietSince[keyOf(a.Family, a.Scope)] = now
		for _, r := range a.Related {
			if f, sc, ok := strings.Cut(r, "@"); ok {
				e.quietSince[keyOf(f, sc)] = now
			} else {
				e.quietSince[keyOf(a.Family, r)] = now
			}
		}
	}
	a.Version++
	delete(e.open, a.Key)
	e.closed[a.Key] = a
	notify := a.Family != FamilyBreach
	if notify && a.Family != FamilyStale && e.explain {
		// final explanation over the whole spike
		from, to := a.WindowFrom, a.WindowTo
		a.WindowFrom = a.OpenedAt.Add(-time.Duration(e.cfg.Windows[0]))
		a.WindowTo = a.lastActive
		if err := e.explainAlert(ctx, a); err != nil {
			e.log.Warn("alert: final explanation", "alert", a.ID, "err", err)
		}
		a.WindowFrom, a.WindowTo = from, to
	}
	return Event{Type: EventResolved, Alert: *a, Notify: notify}
}

// ewma is the smoothed hourly state of one share.
type ewma struct {
	share, total float64
	n, above     int
}

// stepDrift updates, at each full hour, an EWMA of the hourly hostile and
// negative shares (hours with fewer than 5 mentions are skipped: their
// share is noise) and alerts on a slow drift: the smoothed share above the
// share of the previous DriftDays for DriftHours hours in a row. One
// spike hour moves the EWMA by at most alpha, so spikes alone do not make
// drifts.
func (e *Engine) stepDrift(ctx context.Context, now time.Time) ([]Event, error) {
	h := hourIdx(now) - 1 // the last complete hour
	if h <= e.lastDriftHour || !e.haveHistory {
		return nil, nil
	}
	e.lastDriftHour = h
	var events []Event
	var scopes []string
	for s := range e.hours {
		scopes = append(scopes, s)
	}
	sort.Strings(scopes)
	for _, fam := range []string{FamilyHostile, FamilyNegative} {
		if !contains(e.cfg.Families, fam) {
			continue
		}
		fi := familyIndex(fam)
		for _, s := range scopes {
			key := keyOf(fam, s) + "|drift"
			st := e.drift[key]
			if st == nil {
				st = &ewma{}
				e.drift[key] = st
			}
			if !e.hourUsable(h, now) {
				continue
			}
			c := e.hours[s][h]
			al := e.cfg.EWMAAlpha
			if st.n == 0 {
				st.total = c[iTotal]
			} else {
				st.total = al*c[iTotal] + (1-al)*st.total
			}
			if c[iTotal] < 5 {
				continue
			}
			if st.n == 0 {
				st.share = c[fi] / c[iTotal]
			} else {
				st.share = al*c[fi]/c[iTotal] + (1-al)*st.share
			}
			st.n++
			// reference: the previous DriftDays, excluding the last day
			var ref counts
			nh := 0
			for i := h - int64(e.cfg.DriftDays)*24; i < h-24; i++ {
				if e.hourUsable(i, now) {
					ref.add(e.hours[s][i])
					nh++
				}
			}
			if nh < 48 || ref[iTotal] < 50 || st.n < 6 {
				continue
			}
			base := ref[fi] / ref[iTotal]
			share := st.share
			recentSpike := now.Sub(e.lastSpike[keyOf(fam, s)]) < time.Duration(e.cfg.DriftHours+1)*time.Hour
			if !recentSpike && st.total >= e.cfg.DriftMinPerHour && share >= base+e.cfg.DriftMinDelta && share >= base*e.cfg.DriftMinRatio {
				st.above++
			} else {
				st.above = 0
			}
			a := e.open[key]
			fire := st.above >= e.cfg.DriftHours
			hold := share >= base+e.cfg.DriftMinDelta/2
			hourEnd := time.Unix((h+1)*3600, 0).UTC()
			switch {
			case fire && a == nil:
				a = &Alert{
					ID: fmt.Sprintf("%s|%s|drift|%s", fam, s, now.Format("20060102T1504")), Key: key,
					Family: fam, Scope: s, State: StateFiring, OpenedAt: now, UpdatedAt: now,
					Signals: []string{SignalDrift}, Severity: SeverityLow, Baseline: fmt.Sprintf("ewma-vs-%dd", e.cfg.DriftDays),
					Observed: share * 100, Expected: base * 100, Ratio: share / base, Share: share, BaseShare: base,
					WindowFrom: hourEnd.Add(-time.Duration(e.cfg.DriftHours) * time.Hour), WindowTo: hourEnd, lastActive: now, Version: 1,
				}
				if share-base >= 0.2 {
					a.Severity = SeverityMedium
				}
				a.GrafanaURL = e.grafanaURL(fam, s, now.Add(-7*24*time.Hour), now)
				if err := e.explainAlert(ctx, a); err != nil {
					return events, err
				}
				a.notifiedSeverity = a.Severity
				e.open[key] = a
				events = append(events, Event{Type: EventOpened, Alert: *a, Notify: true})
			case a != nil && hold:
				a.lastActive = now
			case a != nil && !hold:
				a.State, a.ResolvedAt, a.UpdatedAt = StateResolved, now, now
				a.Version++
				delete(e.open, key)
				events = append(events, Event{Type: EventResolved, Alert: *a, Notify: true})
			}
		}
	}
	return events, nil
}

// stepBreaches raises one alert per neutrality breach, never twice.
func (e *Engine) stepBreaches(ctx context.Context, now time.Time) ([]Event, error) {
	var events []Event
	// Breach alerts are one-shot: resolve those raised at an earlier step.
	for _, a := range e.sortedOpen() {
		if a.Family == FamilyBreach && now.After(a.OpenedAt) {
			events = append(events, e.resolve(ctx, a, now))
		}
	}
	var ms []store.AlertMention
	if e.preloaded {
		for _, m := range e.breachCache {
			if !m.PostedAt.Before(now.Add(-e.cfg.BreachLookback)) && m.PostedAt.Before(now) {
				ms = append(ms, m)
			}
		}
	} else {
		var err error
		ms, err = e.data.UnalertedBreaches(ctx, now.Add(-e.cfg.BreachLookback), now, 200)
		if err != nil {
			return events, fmt.Errorf("alert: breaches: %w", err)
		}
	}
	for _, m := range ms {
		if e.seenBreach[m.ID] {
			continue
		}
		e.seenBreach[m.ID] = true
		a := &Alert{
			ID: "breach:" + m.ID, Key: "breach:" + m.ID, Family: FamilyBreach, Scope: store.ScopeAll,
			Signals: []string{SignalAny}, State: StateFiring, Severity: SeverityHigh,
			OpenedAt: now, UpdatedAt: now, WindowFrom: m.PostedAt, WindowTo: m.PostedAt.Add(time.Second),
			Observed: 1, Ratio: 1, MentionID: m.ID, Version: 1, lastActive: now,
		}
		a.GrafanaURL = e.grafanaURL(FamilyBreach, store.ScopeAll, m.PostedAt.Add(-24*time.Hour), m.PostedAt.Add(24*time.Hour))
		a.Explanation = explainMentions(&e.cfg, a, []store.AlertMention{m})
		a.notifiedSeverity = a.Severity
		e.open[a.Key] = a
		events = append(events, Event{Type: EventOpened, Alert: *a, Notify: true})
	}
	return events, nil
}

// stepCollectors alerts on collectors with no successful pass within
// their window, and resolves them when a pass succeeds again.
func (e *Engine) stepCollectors(ctx context.Context, now time.Time) ([]Event, error) {
	if e.preloaded && now.Minute() != 0 {
		return nil, nil // backfills look at collectors once an hour
	}
	hs, err := e.data.CollectorHealthAt(ctx, now.Add(-7*24*time.Hour), now)
	if errors.Is(err, store.ErrNoCollectorRuns) {
		if !e.collectorsWarn {
			e.log.Warn("alert: collector_runs table missing; stale-collector alerts are off until it exists")
			e.collectorsWarn = true
		}
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("alert: collectors: %w", err)
	}
	var events []Event
	for _, h := range hs {
		win := e.cfg.StaleAfter
		if w, ok := e.cfg.StaleAfterBy[h.Collector]; ok && w > 0 {
			win = w
		}
		last := h.LastSuccess
		if last.IsZero() {
			last = h.LastRun // never succeeded: count from its first known run
		}
		key := keyOf(FamilyStale, h.Collector)
		a := e.open[key]
		stale := now.Sub(last) > win
		switch {
		case stale && a == nil:
			sev := SeverityMedium
			if now.Sub(last) > 4*win {
				sev = SeverityHigh
			}
			a = &Alert{
				ID: fmt.Sprintf("%s|%s|%s", FamilyStale, h.Collector, now.Format("20060102T1504")), Key: key,
				Family: FamilyStale, Scope: store.ScopeAll, Collector: h.Collector, Signals: []string{"stale"},
				State: StateFiring, Severity: sev, OpenedAt: now, UpdatedAt: now, WindowFrom: last, WindowTo: now,
				Observed: now.Sub(last).Minutes(), Expected: win.Minutes(), Ratio: now.Sub(last).Minutes() / win.Minutes(),
				Version: 1, lastActive: now,
			}
			a.GrafanaURL = e.grafanaURL(FamilyStale, store.ScopeAll, now.Add(-24*time.Hour), now)
			a.Explanation = explainCollector(a, h, win)
			a.notifiedSeverity = sev
			e.open[key] = a
			events = append(events, Event{Type: EventOpened, Alert: *a, Notify: true})
		case stale && a != nil:
			a.lastActive = now
			a.Observed = now.Sub(last).Minutes()
			if now.Sub(last) > 4*win && severityRank[a.Severity] < severityRank[SeverityHigh] {
				a.Severity, a.UpdatedAt = SeverityHigh, now
				a.Version++
				a.Explanation = explainCollector(a, h, win)
				a.notifiedSeverity = a.Severity
				events = append(events, Event{Type: EventEscalated, Alert: *a, Notify: true})
			}
		case !stale && a != nil:
			a.Explanation = explainCollector(a, h, win)
			events = append(events, e.resolve(ctx, a, now))
		}
	}
	return events, nil
}

// OpenAlerts returns copies of the alerts currently firing.
func (e *Engine) OpenAlerts() []Alert {
	var out []Alert
	for _, a := range e.sortedOpen() {
		out = append(out, *a)
	}
	return out
}
