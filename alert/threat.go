package alert

// The threat rule: every violent threat or incitement matters — ThreatMin
// threats in ThreatWindow (default: one in 15 minutes) city-wide open an
// alert.

import (
	"context"
	"time"

	"github.com/dengar-id/dengar/store"
)

// threatRule raises an alert on threats.
type threatRule struct{ e *Engine }

// step evaluates the city-wide threat window when the threat family is
// watched, and resolves threat alerts nothing holds up any more.
func (t *threatRule) step(ctx context.Context, now time.Time) ([]Event, error) {
	e := t.e
	var events []Event
	if contains(e.cfg.Families, FamilyThreat) {
		w := int(e.cfg.ThreatWindow / time.Minute)
		r := t.eval(e.scopeStats(store.ScopeAll, now, []int{w}), w)
		ev, err := e.lifecycle(ctx, r, map[string]result{keyOf(r.family, r.scope): r}, now)
		if err != nil {
			return ev, err
		}
		events = ev
	}
	return append(events, e.resolveIdle(ctx, now, func(a *Alert) bool { return a.Family == FamilyThreat })...), nil
}

// eval measures the threats of the window of w minutes against the
// baseline (for the message; any threat count at ThreatMin fires).
func (t *threatRule) eval(stats map[int]winStats, w int) result {
	r := result{family: FamilyThreat, scope: store.ScopeAll, stats: stats}
	st := stats[w]
	obs, exp, method := st.obs, st.exp, st.method
	m := measurement{signal: SignalAny, window: w, observed: obs[iThreat], expected: exp[iThreat], method: method}
	if m.expected > 0 {
		m.ratio = m.observed / m.expected
	}
	m.score = poissonScore(m.observed, m.expected)
	r.best = m
	r.fire = obs[iThreat] >= t.e.cfg.ThreatMin
	r.active = obs[iThreat] >= 1
	if r.fire {
		r.signals = []string{SignalAny}
	}
	// three or more threats at once are critical
	r.severity = SeverityHigh
	if m.observed >= 3 {
		r.severity = SeverityCritical
	}
	return r
}
