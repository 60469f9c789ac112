package alert

// The breach rule: every neutrality breach (a partisan post by a
// government account) is alerted exactly once, also across restarts: the
// alert id is breachPrefix + mention id, and mentions with such an alert
// are not read again.

import (
	"context"
	"fmt"
	"time"

	"github.com/dengar-id/dengar/store"
)

// breachPrefix starts the id of a breach alert; the mention id follows.
const breachPrefix = "breach:"

// breachRule alerts each breach once.
type breachRule struct {
	e     *Engine
	seen  map[string]bool      // mention ids alerted
	cache []store.AlertMention // preloaded breaches (backfill)
}

// preload reads the breaches a backfill over [from, to) reports: those
// posted in the range (a breach posted before it belongs to the range it
// was posted in, where a backfill of that range reports it).
func (b *breachRule) preload(ctx context.Context, from, to time.Time) error {
	bs, err := b.e.data.UnalertedMentions(ctx, store.Breach, breachPrefix, from, to, 100000)
	if err != nil {
		return fmt.Errorf("alert: breaches: %w", err)
	}
	b.cache = bs
	return nil
}

// step raises one alert per neutrality breach, never twice.
func (b *breachRule) step(ctx context.Context, now time.Time) ([]Event, error) {
	e := b.e
	var events []Event
	// Breach alerts are one-shot: resolve those raised at an earlier step.
	for _, a := range e.sortedOpen() {
		if a.Family == FamilyBreach && now.After(a.UpdatedAt) {
			events = append(events, e.resolve(ctx, a, now))
		}
	}
	var ms []store.AlertMention
	if e.preloaded {
		for _, m := range b.cache {
			if !m.PostedAt.Before(now.Add(-e.cfg.BreachLookback)) && m.PostedAt.Before(now) {
				ms = append(ms, m)
			}
		}
	} else {
		var err error
		ms, err = e.data.UnalertedMentions(ctx, store.Breach, breachPrefix, now.Add(-e.cfg.BreachLookback), now, 200)
		if err != nil {
			return events, fmt.Errorf("alert: breaches: %w", err)
		}
	}
	for _, m := range ms {
		if b.seen[m.ID] {
			continue
		}
		b.seen[m.ID] = true
		// The alert carries the time of the post that caused it; UpdatedAt
		// is when it was detected.
		a := &Alert{
			ID: breachPrefix + m.ID, Key: breachPrefix + m.ID, Family: FamilyBreach, Scope: store.ScopeAll,
			Signals: []string{SignalAny}, State: StateFiring, Severity: SeverityHigh,
			OpenedAt: m.PostedAt, UpdatedAt: now, WindowFrom: m.PostedAt, WindowTo: m.PostedAt.Add(time.Second),
			SpanFrom: m.PostedAt, SpanTo: m.PostedAt, SpanCount: 1,
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
