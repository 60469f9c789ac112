package alert

// The spike rule: per scope (the city, each program, each kecamatan),
// hostile, negative and partisan content far above its baseline in a
// sliding window, by count or by share (README.md, Detection).

import (
	"context"
	"math"
	"sort"
	"time"

	"github.com/dengar-id/dengar/store"
)

// spikeRule raises one alert per spike of a family in a scope.
type spikeRule struct{ e *Engine }

// spikeFamily says whether the spike rule watches family.
func spikeFamily(family string) bool {
	return family == FamilyHostile || family == FamilyNegative || family == FamilyPartisan
}

// step evaluates every active scope. Narrow scopes first so that a
// city-wide alert can be folded into the program or place alert that
// explains it.
func (s *spikeRule) step(ctx context.Context, now time.Time) ([]Event, error) {
	e := s.e
	var fams []string
	for _, f := range e.cfg.Families {
		if spikeFamily(f) {
			fams = append(fams, f)
		}
	}
	scopes := e.activeScopes(now)
	results := map[string]result{}
	var ws []int
	for _, w := range e.cfg.Windows {
		ws = append(ws, int(w/time.Minute))
	}
	for _, sc := range scopes {
		stats := e.scopeStats(sc, now, ws)
		for _, fam := range fams {
			results[keyOf(fam, sc)] = s.eval(sc, fam, stats, now.Sub(e.quietSince[keyOf(fam, sc)]))
		}
	}
	var events []Event
	for _, fam := range fams {
		// the scope carrying the largest excess first, so that the
		// narrower views of the same spike fold into it; the city last
		order := make([]result, 0, len(scopes))
		for _, sc := range scopes {
			if r, ok := results[keyOf(fam, sc)]; ok {
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
	events = append(events, e.resolveIdle(ctx, now, func(a *Alert) bool {
		return spikeFamily(a.Family) && !contains(a.Signals, SignalDrift)
	})...)
	return events, nil
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

// eval evaluates family on scope. Windows longer than quiet (the time
// since an alert of this scope resolved) are left out: they still hold
// the posts of the spike that just ended.
func (s *spikeRule) eval(scope, family string, stats map[int]winStats, quiet time.Duration) result {
	e := s.e
	r := result{family: family, scope: scope, stats: stats}
	fi := familyIndex(family)
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
			if r.fireWindow == 0 || m.window < r.fireWindow {
				r.fireWindow = m.window
			}
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
	r.severity = spikeSeverity(r.best)
	return r
}

// spikeSeverity grades the best measurement of a spike.
func spikeSeverity(m measurement) string {
	s := severityFor(m.ratio, m.score)
	if m.signal == SignalShare {
		// a share ratio is bounded; judge by how far the share moved
		switch d := m.share - m.baseShare; {
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
