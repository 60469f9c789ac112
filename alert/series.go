package alert

// The counts the rules read: per scope, mentions per minute (the windows)
// and per hour (the baseline), loaded from Data and refreshed every step.

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dengar-id/dengar/store"
)

// series holds the counts of every watched scope.
type series struct {
	minutes map[string]map[int64]counts // scope → minute index → counts
	hours   map[string]map[int64]counts // scope → hour index → counts

	historyStart time.Time
	haveHistory  bool
	preloaded    bool
	minLoadedTo  time.Time
	hourLoadedTo time.Time
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

// preloadSeries reads the counts a backfill over [from, to) needs in two
// queries.
func (e *Engine) preloadSeries(ctx context.Context, from, to time.Time) error {
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
	e.replace(e.minutes, minuteIdx, minuteIdx(from), minuteIdx(to), cs)
	e.minLoadedTo = to
	return nil
}

func (e *Engine) loadHours(ctx context.Context, from, to time.Time) error {
	cs, err := e.data.AlertHourlyCounts(ctx, from, to)
	if err != nil {
		return fmt.Errorf("alert: hourly counts: %w", err)
	}
	e.replace(e.hours, hourIdx, hourIdx(from), hourIdx(to.Add(time.Hour-1)), cs)
	e.hourLoadedTo = to
	clear(e.baseCache)
	return nil
}

// replace puts cs (the counts of buckets [lo, hi) by idx) into series in
// place of what it held there: late arrivals change a range.
func (e *Engine) replace(series map[string]map[int64]counts, idx func(time.Time) int64, lo, hi int64, cs []store.ScopedCounts) {
	for _, m := range series {
		for k := range m {
			if k >= lo && k < hi {
				delete(m, k)
			}
		}
	}
	for _, c := range cs {
		if !e.keepScope(c.Scope) {
			continue
		}
		m := series[c.Scope]
		if m == nil {
			m = map[int64]counts{}
			series[c.Scope] = m
		}
		m[idx(c.At)] = fromStore(c.AlertCounts)
	}
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
