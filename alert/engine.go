package alert

// The engine runs the alert rules minute by minute over the counts of
// series.go, the baseline of baseline.go and the lifecycle of
// lifecycle.go. Each rule kind is its own file: spike.go (hostile,
// negative and partisan spikes), threat.go, drift.go, breach.go and
// stale.go (stalled collectors).

import (
	"context"
	"log/slog"
	"time"
)

// Engine evaluates the rules minute by minute. It is not safe for
// concurrent use.
type Engine struct {
	cfg     Config
	data    Data
	log     *slog.Logger
	explain bool

	series                             // minute and hour counts per scope
	baseCache map[baseKey]hourBaseline // baseline per scope and hour
	book                               // open and recently resolved alerts

	spike  *spikeRule
	threat *threatRule
	drift  *driftRule
	breach *breachRule
	stale  *staleRule
	rules  []rule // in evaluation order
}

// EngineOption configures an Engine.
type EngineOption func(*Engine)

// WithoutExplanations skips the explanation queries (fast evaluation).
func WithoutExplanations() EngineOption { return func(e *Engine) { e.explain = false } }

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) EngineOption { return func(e *Engine) { e.log = l } }

// NewEngine returns an engine over data with cfg (Defaults applied).
func NewEngine(cfg Config, data Data, opts ...EngineOption) (*Engine, error) {
	cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	e := &Engine{
		cfg: cfg, data: data, log: slog.Default(), explain: true,
		series:    series{minutes: map[string]map[int64]counts{}, hours: map[string]map[int64]counts{}},
		baseCache: map[baseKey]hourBaseline{},
		book:      book{open: map[string]*Alert{}, closed: map[string]*Alert{}, lastSpike: map[string]time.Time{}, quietSince: map[string]time.Time{}},
	}
	e.spike, e.threat = &spikeRule{e: e}, &threatRule{e: e}
	e.drift = &driftRule{e: e, state: map[string]*ewma{}}
	e.breach = &breachRule{e: e, seen: map[string]bool{}}
	e.stale = &staleRule{e: e}
	e.rules = []rule{e.spike, e.threat, e.drift, e.breach, e.stale}
	for _, o := range opts {
		o(e)
	}
	return e, nil
}

// Restore puts alerts still firing (from the alerts table, after a
// restart) back under the engine's care.
func (e *Engine) Restore(as []Alert) {
	for i := range as {
		a := as[i]
		if a.State != StateFiring {
			continue
		}
		a.lastActive = a.UpdatedAt
		a.notifiedSeverity = a.Severity
		a.peakScore = a.Score
		a.ScopeName = e.scopeName(a.Scope)
		a.spanStart = a.SpanFrom
		if a.spanStart.IsZero() {
			a.spanStart = a.WindowFrom
		}
		if a.Family == FamilyBreach {
			e.breach.seen[a.MentionID] = true
		}
		e.open[a.Key] = &a
	}
}

// Preload reads everything a backfill over [from, to) needs in a few
// queries and stops re-reading: used by EvaluateRange and the evaluation.
func (e *Engine) Preload(ctx context.Context, from, to time.Time) error {
	if err := e.preloadSeries(ctx, from, to); err != nil {
		return err
	}
	return e.breach.preload(ctx, from, to)
}

// Step evaluates every rule at now (truncated to the minute: windows end
// at now) and returns the alert changes.
func (e *Engine) Step(ctx context.Context, now time.Time) ([]Event, error) {
	now = now.UTC().Truncate(time.Minute)
	if err := e.refresh(ctx, now); err != nil {
		return nil, err
	}
	var events []Event
	for _, r := range e.rules {
		ev, err := r.step(ctx, now)
		events = append(events, ev...)
		if err != nil {
			return events, err
		}
	}
	return events, nil
}

// OpenAlerts returns copies of the alerts currently firing.
func (e *Engine) OpenAlerts() []Alert {
	var out []Alert
	for _, a := range e.sortedOpen() {
		out = append(out, *a)
	}
	return out
}
