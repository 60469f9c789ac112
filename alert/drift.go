package alert

// The drift rule: a slow rise of the hostile or negative share, hour by
// hour, that no single spike explains.

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// driftRule keeps an EWMA per family and scope.
type driftRule struct {
	e        *Engine
	state    map[string]*ewma // family|scope|drift → smoothed state
	lastHour int64            // the last hour evaluated
}

// ewma is the smoothed hourly state of one share.
type ewma struct {
	share, total float64
	n, above     int
}

// step updates, at each full hour, an EWMA of the hourly hostile and
// negative shares (hours with fewer than 5 mentions are skipped: their
// share is noise) and alerts on a slow drift: the smoothed share above the
// share of the previous DriftDays for DriftHours hours in a row. One
// spike hour moves the EWMA by at most alpha, so spikes alone do not make
// drifts.
func (d *driftRule) step(ctx context.Context, now time.Time) ([]Event, error) {
	e := d.e
	h := hourIdx(now) - 1 // the last complete hour
	if h <= d.lastHour || !e.haveHistory {
		return nil, nil
	}
	d.lastHour = h
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
			st := d.state[key]
			if st == nil {
				st = &ewma{}
				d.state[key] = st
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
					Family: fam, Scope: s, ScopeName: e.scopeName(s), State: StateFiring, OpenedAt: now, UpdatedAt: now,
					Signals: []string{SignalDrift}, Severity: SeverityLow, Baseline: fmt.Sprintf("ewma-vs-%dd", e.cfg.DriftDays),
					Observed: share * 100, Expected: base * 100, Ratio: share / base, Share: share, BaseShare: base,
					WindowFrom: hourEnd.Add(-time.Duration(e.cfg.DriftHours) * time.Hour), WindowTo: hourEnd, lastActive: now, Version: 1,
				}
				if share-base >= 0.2 {
					a.Severity = SeverityMedium
				}
				a.GrafanaURL = e.grafanaURL(fam, s, now.Add(-7*24*time.Hour), now)
				a.spanStart = a.WindowFrom
				if err := e.explainAlert(ctx, a, a.WindowTo); err != nil {
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
