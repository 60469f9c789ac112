package alert

// The baseline: what a scope's counts usually are at a given hour, from
// the hourly counts of past weeks (hour of week), else past days (hour of
// day), else the last 24 hours; a robust median with its spread beyond
// Poisson noise. Windows sum it over their minutes (scopeStats).

import (
	"math"
	"time"

	"github.com/dengar-id/dengar/stats"
)

// Baseline methods.
const (
	BaselineHourOfWeek = "hour-of-week"
	BaselineHourOfDay  = "hour-of-day"
	BaselineRecent     = "recent-24h"
)

// hourBaseline is the expected count per hour of every field at one hour of
// one scope, with its robust spread, and the pooled baseline counts for
// shares.
type hourBaseline struct {
	ok     bool
	method string
	median counts
	sigma  counts
	pooled counts // sums over the baseline hours (for shares)
}

type baseKey struct {
	scope string
	h     int64
}

// robust returns the median and the robust standard deviation (1.4826 ×
// median absolute deviation) of xs.
func robust(xs []float64) (median, sigma float64) {
	m, mad := stats.MedianMAD(xs)
	return m, 1.4826 * mad
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
