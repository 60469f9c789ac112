package alert

// The stale-collector rule: a collector with no successful pass within
// StaleAfter (per collector in StaleAfterBy) is stale until a pass
// succeeds.

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dengar-id/dengar/store"
)

// staleRule watches collector_runs.
type staleRule struct {
	e      *Engine
	warned bool // the missing collector_runs table was logged
}

// step alerts on collectors with no successful pass within their window,
// and resolves them when a pass succeeds again.
func (s *staleRule) step(ctx context.Context, now time.Time) ([]Event, error) {
	e := s.e
	if e.preloaded && now.Minute() != 0 {
		return nil, nil // backfills look at collectors once an hour
	}
	hs, err := e.data.CollectorHealthAt(ctx, now.Add(-7*24*time.Hour), now)
	if errors.Is(err, store.ErrNoCollectorRuns) {
		if !s.warned {
			e.log.Warn("alert: collector_runs table missing; stale-collector alerts are off until it exists")
			s.warned = true
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
