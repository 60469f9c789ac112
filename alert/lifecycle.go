package alert

// The lifecycle of an alert: one spike is ONE alert that opens, updates
// (escalates), folds related scopes in, resolves, and reopens within the
// cool-down. The rules hand their results to lifecycle and resolveIdle.

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dengar-id/dengar/store"
)

// book holds the alerts under the engine's care.
type book struct {
	open       map[string]*Alert    // by key
	closed     map[string]*Alert    // last resolved per key (cooldown)
	lastSpike  map[string]time.Time // family|scope → last step a spike fired
	quietSince map[string]time.Time // family|scope → when its last alert resolved
}

func (e *Engine) sortedOpen() []*Alert {
	out := make([]*Alert, 0, len(e.open))
	for _, a := range e.open {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
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
				ms, err := e.data.AlertMentions(ctx, r.scope, familyLabel(r.family), now.Add(-time.Duration(w)*time.Minute), now, 5000)
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
		sev := r.severity
		if severityRank[sev] > severityRank[a.Severity] {
			a.Severity = sev
			a.UpdatedAt = now
			a.Version++
			if err := e.explainAlert(ctx, a, now); err != nil {
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
			Family: r.family, Scope: r.scope, ScopeName: e.scopeName(r.scope), State: StateFiring, OpenedAt: now,
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
		if sev := r.severity; severityRank[sev] > severityRank[a.Severity] {
			a.Severity = sev
		}
		// the message describes the new burst
		e.setPeak(a, r.best, now)
	} else {
		a.Signals = r.signals
		a.Severity = r.severity
		a.peakScore = -1
		e.setPeak(a, r.best, now)
		// the span starts with the shortest window that fired first
		a.spanStart = a.WindowFrom
		if r.fireWindow > 0 {
			a.spanStart = now.Add(-time.Duration(r.fireWindow) * time.Minute)
		}
	}
	a.lastActive, a.UpdatedAt = now, now
	a.Version++
	a.GrafanaURL = e.grafanaURL(a.Family, a.Scope, a.OpenedAt.Add(-2*time.Hour), now.Add(time.Hour))
	if err := e.explainAlert(ctx, a, now); err != nil {
		return nil, err
	}
	a.notifiedSeverity = a.Severity
	e.open[key] = a
	return []Event{{Type: evType, Alert: *a, Notify: true}}, nil
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
		// the final span and explanation: every post of the spike up to
		// the last minute it was active
		if err := e.explainAlert(ctx, a, a.lastActive); err != nil {
			e.log.Warn("alert: final explanation", "alert", a.ID, "err", err)
		}
	}
	return Event{Type: EventResolved, Alert: *a, Notify: notify}
}

// resolveIdle resolves the open alerts a rule owns that no result has
// held up for ResolveAfter.
func (e *Engine) resolveIdle(ctx context.Context, now time.Time, owns func(*Alert) bool) []Event {
	var events []Event
	for _, a := range e.sortedOpen() {
		if !owns(a) {
			continue
		}
		if now.Sub(a.lastActive) >= e.cfg.ResolveAfter {
			events = append(events, e.resolve(ctx, a, now))
		}
	}
	return events
}

// scopeName is the display name of a program or place scope, "" for the
// city or an id without a name.
func (e *Engine) scopeName(scope string) string {
	_, id, ok := strings.Cut(scope, ":")
	if !ok || e.cfg.Names[id] == "" {
		return ""
	}
	return e.cfg.name(id)
}
