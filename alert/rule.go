package alert

// The rule kinds of the engine. Each one is a rule: at every step it reads
// the engine's counts and alerts and returns the alert changes. The spike
// and threat rules evaluate windows of counts into results and share the
// lifecycle (lifecycle.go); the drift, breach and stale rules keep their
// own.

import (
	"context"
	"math"
	"time"
)

// rule is one kind of alert rule.
type rule interface {
	// step evaluates the rule at now (a whole minute) and returns the
	// alert changes.
	step(ctx context.Context, now time.Time) ([]Event, error)
}

// result is the evaluation of one family on one scope at one step.
type result struct {
	family, scope string
	fire, active  bool
	severity      string // of the best measurement
	best          measurement
	signals       []string
	stats         map[int]winStats
	// fireWindow is the shortest window (minutes) that fires: where a new
	// alert's span starts looking for its posts.
	fireWindow int
}

// excessAt is the family count above expectation in the window of w
// minutes.
func (r result) excessAt(w int) float64 {
	st, ok := r.stats[w]
	if !ok || !st.ok {
		return 0
	}
	fi := familyIndex(r.family)
	return st.obs[fi] - math.Max(st.exp[fi], 0)
}
