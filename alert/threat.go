package alert

// The threat rule: every violent threat or incitement matters — ThreatMin
// threats in ThreatWindow (default: one in 15 minutes) city-wide open an
// alert, and so does a single credible threat against a named person or
// office (whatever ThreatMin), at once and critical.

import (
	"context"
	"fmt"
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
		stats := e.scopeStats(store.ScopeAll, now, []int{w})
		var named []string
		if stats[w].obs[iThreat] >= 1 {
			ms, err := e.data.AlertMentions(ctx, store.ScopeAll, store.Threat, now.Add(-time.Duration(w)*time.Minute), now, 200)
			if err != nil {
				return nil, fmt.Errorf("alert: threats: %w", err)
			}
			for i := range ms {
				named = append(named, targetsOf(&e.cfg, &ms[i])...)
			}
		}
		r := t.eval(stats, w, len(named) > 0)
		ev, err := e.lifecycle(ctx, r, map[string]result{keyOf(r.family, r.scope): r}, now)
		if err != nil {
			return ev, err
		}
		events = ev
	}
	return append(events, e.resolveIdle(ctx, now, func(a *Alert) bool { return a.Family == FamilyThreat })...), nil
}

// eval measures the threats of the window of w minutes against the
// baseline (for the message; any threat count at ThreatMin fires, and a
// threat against a named person or office fires alone).
func (t *threatRule) eval(stats map[int]winStats, w int, named bool) result {
	r := result{family: FamilyThreat, scope: store.ScopeAll, stats: stats}
	st := stats[w]
	obs, exp, method := st.obs, st.exp, st.method
	m := measurement{signal: SignalAny, window: w, observed: obs[iThreat], expected: exp[iThreat], method: method}
	if m.expected > 0 {
		m.ratio = m.observed / m.expected
	}
	m.score = poissonScore(m.observed, m.expected)
	r.best = m
	r.fire = obs[iThreat] >= t.e.cfg.ThreatMin || named
	r.active = obs[iThreat] >= 1
	if r.fire {
		r.signals = []string{SignalAny}
	}
	// three or more threats at once, or one against a named person or
	// office, are critical
	r.severity = SeverityHigh
	if m.observed >= 3 || named {
		r.severity = SeverityCritical
	}
	return r
}
