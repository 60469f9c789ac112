package alert

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/dengar-id/dengar/store"
)

// MemData is an in-memory Data over a fixed set of mentions and collector
// runs, aggregating exactly as the ClickHouse queries do (one row per
// mention id, the last given wins). The evaluation and unit tests run the
// engine on it; the ClickHouse path is tested against it.
type MemData struct {
	ms       []store.AlertMention
	byMinute map[int64]map[string]counts
	byHour   map[int64]map[string]counts
	first    time.Time
	last     time.Time
	// Runs are the collector passes CollectorHealthAt summarises.
	Runs []CollectorRun
}

// CollectorRun is one collector pass (the shape of collector_runs).
type CollectorRun struct {
	Collector, Source     string
	StartedAt, FinishedAt time.Time
	Items, Errors         int
	OK                    bool
}

// NewMemData indexes ms.
func NewMemData(ms []store.AlertMention) *MemData {
	byID := map[string]int{}
	var uniq []store.AlertMention
	for _, m := range ms {
		if i, ok := byID[m.ID]; ok {
			uniq[i] = m
			continue
		}
		byID[m.ID] = len(uniq)
		uniq = append(uniq, m)
	}
	sort.SliceStable(uniq, func(i, j int) bool { return uniq[i].PostedAt.Before(uniq[j].PostedAt) })
	d := &MemData{ms: uniq, byMinute: map[int64]map[string]counts{}, byHour: map[int64]map[string]counts{}}
	for i := range uniq {
		m := &uniq[i]
		c := mentionCounts(m)
		for _, s := range mentionScopes(m) {
			addTo(d.byMinute, minuteIdx(m.PostedAt), s, c)
			addTo(d.byHour, hourIdx(m.PostedAt), s, c)
		}
	}
	if len(uniq) > 0 {
		d.first, d.last = uniq[0].PostedAt, uniq[len(uniq)-1].PostedAt
	}
	return d
}

func addTo(idx map[int64]map[string]counts, k int64, s string, c counts) {
	m := idx[k]
	if m == nil {
		m = map[string]counts{}
		idx[k] = m
	}
	x := m[s]
	x.add(c)
	m[s] = x
}

func mentionCounts(m *store.AlertMention) counts {
	var c counts
	for _, f := range []struct {
		i int
		l store.Label
	}{{iTotal, store.AnyLabel}, {iHostile, store.Hostile}, {iNegative, store.Negative}, {iPartisan, store.Partisan}, {iThreat, store.Threat}} {
		if labelMatch(f.l, m) {
			c[f.i] = 1
		}
	}
	return c
}

// labelMatch evaluates one of the read model's labels on m, as its SQL
// does on the effective labels.
func labelMatch(l store.Label, m *store.AlertMention) bool {
	switch l {
	case store.AnyLabel:
		return true
	case store.Hostile:
		return m.Hostility == "abusive" || m.Hostility == "hate"
	case store.Negative:
		return m.Sentiment == "negative"
	case store.Partisan:
		return m.Partisan
	case store.Threat:
		return m.Threat
	case store.Breach:
		return m.Breach
	}
	return false
}

func mentionScopes(m *store.AlertMention) []string {
	s := []string{store.ScopeAll}
	for _, p := range m.Programs {
		s = append(s, store.ScopeProgramPrefix+p)
	}
	for _, p := range m.Places {
		s = append(s, store.ScopePlacePrefix+p)
	}
	return s
}

func (d *MemData) counts(idx map[int64]map[string]counts, unit int64, from, to time.Time) []store.ScopedCounts {
	var out []store.ScopedCounts
	a, b := from.Unix(), to.Unix()
	for k := a / unit; k*unit < b; k++ {
		if k*unit < a {
			continue
		}
		m := idx[k]
		if len(m) == 0 {
			continue
		}
		keys := make([]string, 0, len(m))
		for s := range m {
			keys = append(keys, s)
		}
		sort.Strings(keys)
		for _, s := range keys {
			c := m[s]
			out = append(out, store.ScopedCounts{At: time.Unix(k*unit, 0).UTC(), Scope: s, AlertCounts: store.AlertCounts{
				Total: uint64(c[iTotal]), Hostile: uint64(c[iHostile]), Negative: uint64(c[iNegative]),
				Partisan: uint64(c[iPartisan]), Threat: uint64(c[iThreat]),
			}})
		}
	}
	return out
}

// AlertMinuteCounts implements Data. Like the SQL, it buckets by the
// minute of posted_at and counts mentions posted in [from, to).
func (d *MemData) AlertMinuteCounts(_ context.Context, from, to time.Time) ([]store.ScopedCounts, error) {
	return d.counts(d.byMinute, 60, from.Truncate(time.Minute), to), nil
}

// AlertHourlyCounts implements Data.
func (d *MemData) AlertHourlyCounts(_ context.Context, from, to time.Time) ([]store.ScopedCounts, error) {
	return d.counts(d.byHour, 3600, from.Truncate(time.Hour), to), nil
}

func (d *MemData) between(from, to time.Time) []store.AlertMention {
	i := sort.Search(len(d.ms), func(i int) bool { return !d.ms[i].PostedAt.Before(from) })
	j := sort.Search(len(d.ms), func(i int) bool { return !d.ms[i].PostedAt.Before(to) })
	return d.ms[i:j]
}

// AlertMentions implements Data (newest first, like the SQL).
func (d *MemData) AlertMentions(_ context.Context, scope string, label store.Label, from, to time.Time, limit int) ([]store.AlertMention, error) {
	if limit <= 0 {
		limit = 1000
	}
	ms := d.between(from, to)
	var out []store.AlertMention
	for i := len(ms) - 1; i >= 0 && len(out) < limit; i-- {
		m := &ms[i]
		if !labelMatch(label, m) {
			continue
		}
		in := scope == store.ScopeAll
		for _, s := range mentionScopes(m) {
			if s == scope {
				in = true
			}
		}
		if in {
			out = append(out, *m)
		}
	}
	return out, nil
}

// UnalertedMentions implements Data: every mention of label posted in
// [from, to), oldest first (the engine remembers which it alerted).
func (d *MemData) UnalertedMentions(_ context.Context, label store.Label, _ string, from, to time.Time, limit int) ([]store.AlertMention, error) {
	var out []store.AlertMention
	for _, m := range d.between(from, to) {
		if len(out) == limit {
			break
		}
		if labelMatch(label, &m) {
			out = append(out, m)
		}
	}
	return out, nil
}

// CollectorHealthAt implements Data over Runs started in [since, until).
func (d *MemData) CollectorHealthAt(_ context.Context, since, until time.Time) ([]store.CollectorHealth, error) {
	if d.Runs == nil {
		return nil, store.ErrNoCollectorRuns
	}
	by := map[string]*store.CollectorHealth{}
	for _, r := range d.Runs {
		if r.StartedAt.Before(since) || !r.StartedAt.Before(until) {
			continue
		}
		h := by[r.Collector]
		if h == nil {
			h = &store.CollectorHealth{Collector: r.Collector, Source: r.Source}
			by[r.Collector] = h
		}
		if r.StartedAt.After(h.LastRun) {
			h.LastRun = r.StartedAt
		}
		if r.OK && r.FinishedAt.After(h.LastSuccess) {
			h.LastSuccess = r.FinishedAt
		}
		if !r.OK {
			h.RecentErrors += uint64(r.Errors)
		}
	}
	var out []store.CollectorHealth
	for _, h := range by {
		out = append(out, *h)
	}
	sort.Slice(out, func(i, j int) bool { return strings.Compare(out[i].Collector, out[j].Collector) < 0 })
	return out, nil
}

// MentionTimeRange implements Data.
func (d *MemData) MentionTimeRange(context.Context) (time.Time, time.Time, bool, error) {
	return d.first, d.last, len(d.ms) > 0, nil
}
