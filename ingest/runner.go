package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/ingest/storyid"
	"github.com/dengar-id/dengar/mention"
)

// Drop reasons (the `reason` label of dengar_collector_dropped_total).
const (
	DropFiltered  = "filtered"  // no watch query matched
	DropInvalid   = "invalid"   // failed mention.Validate
	DropOld       = "old"       // older than the checkpoint (collectors)
	DropMalformed = "malformed" // an item the collector could not parse
)

// PassReport describes one collector pass; the store records them as
// collector runs (see Runner's WithOnPass).
type PassReport struct {
	Collector  string         `json:"collector"`
	Source     string         `json:"source"`
	Start      time.Time      `json:"start"`
	End        time.Time      `json:"end"`
	Received   int            `json:"received"`
	Emitted    int            `json:"emitted"`
	Dropped    map[string]int `json:"dropped,omitempty"`
	Error      string         `json:"error,omitempty"`
	ErrorClass string         `json:"error_class,omitempty"`
	// Err is the pass's error itself (nil when OK), for callers that
	// classify it.
	Err error `json:"-"`
	// NextAt is when the runner schedules the next pass.
	NextAt time.Time `json:"next_at"`
	// Sample holds the first few emitted mentions (for `collect --once`).
	Sample []mention.Mention `json:"-"`
	// Malformed holds why the first few items the source could not read
	// were dropped (the rest are counted in Dropped).
	Malformed []string `json:"malformed,omitempty"`
}

// OK reports whether the pass succeeded.
func (p PassReport) OK() bool { return p.Error == "" }

// Health is the freshness state of one collector.
type Health struct {
	Collector   string        `json:"collector"`
	Source      string        `json:"source"`
	LastSuccess time.Time     `json:"last_success,omitzero"`
	LastError   string        `json:"last_error,omitempty"`
	LastErrorAt time.Time     `json:"last_error_at,omitzero"`
	ErrorClass  string        `json:"error_class,omitempty"`
	StaleAfter  time.Duration `json:"stale_after"`
	// Stale is true when there was no successful pass within StaleAfter
	// (counted from the runner's start when there never was one).
	Stale  bool      `json:"stale"`
	NextAt time.Time `json:"next_at,omitzero"`
}

// Runner runs sources: pull sources on their intervals, push sources while
// they serve. Everything a source yields goes the same way: normalised,
// enriched from the account registry, through the watch filter, given a
// story id, validated, emitted; a pull source's cursor is saved only after
// the Emitter acknowledged the batch.
type Runner struct {
	emitter  Emitter
	cps      Checkpoints
	dead     func(ctx context.Context, collector string, items []Malformed) error
	filter   Filter
	accounts AccountRegistry
	stories  *storyid.Index
	metrics  *Metrics
	log      *slog.Logger
	onPass   func(PassReport)
	now      func() time.Time
	sample   int

	mu      sync.Mutex
	started time.Time
	entries []*entry
}

type entry struct {
	src    Source
	cfg    SourceConfig
	probe  *Probe
	health Health
}

// RunnerOption configures a Runner.
type RunnerOption func(*Runner)

// WithCheckpoints sets where pull sources' cursors are kept (default: in
// memory, for one-off runs).
func WithCheckpoints(cp Checkpoints) RunnerOption { return func(r *Runner) { r.cps = cp } }

// WithDeadLetters sets the hook that receives the malformed items of a
// batch that have a raw form (file lines), before its cursor is saved
// (e.g. to write them to the dead-letter topic with their reasons).
func WithDeadLetters(f func(ctx context.Context, collector string, items []Malformed) error) RunnerOption {
	return func(r *Runner) { r.dead = f }
}

// WithFilter sets the watch filter.
func WithFilter(f Filter) RunnerOption { return func(r *Runner) { r.filter = f } }

// WithAccounts sets the account registry used to fill author kind/org/level.
func WithAccounts(a AccountRegistry) RunnerOption { return func(r *Runner) { r.accounts = a } }

// WithMetrics sets the metrics (default: unregistered).
func WithMetrics(m *Metrics) RunnerOption { return func(r *Runner) { r.metrics = m } }

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) RunnerOption { return func(r *Runner) { r.log = l } }

// WithOnPass sets a hook called after every pass (e.g. to record collector
// runs in ClickHouse). It must not block for long.
func WithOnPass(f func(PassReport)) RunnerOption { return func(r *Runner) { r.onPass = f } }

// WithStoryWindow sets the syndicated-story window (default 48h).
func WithStoryWindow(d time.Duration) RunnerOption {
	return func(r *Runner) { r.stories = storyid.NewIndex(d) }
}

// WithClock replaces clock.Now.
func WithClock(now func() time.Time) RunnerOption { return func(r *Runner) { r.now = now } }

// WithSample keeps the first n emitted mentions of each pass in its report.
func WithSample(n int) RunnerOption { return func(r *Runner) { r.sample = n } }

// NewRunner returns a runner emitting to emit.
func NewRunner(emit Emitter, opts ...RunnerOption) *Runner {
	r := &Runner{emitter: emit, log: slog.Default(), now: clock.Now}
	for _, o := range opts {
		o(r)
	}
	if r.metrics == nil {
		r.metrics = NewMetrics(nil)
	}
	if r.stories == nil {
		r.stories = storyid.NewIndex(0)
	}
	if r.cps == nil {
		r.cps = NewMemoryCheckpoints()
	}
	r.started = r.now()
	return r
}

// Probe returns the metrics probe for a collector configuration; pass it
// in Deps when building the collector so its HTTP metrics land in the
// same series.
func (r *Runner) Probe(cfg SourceConfig) *Probe { return r.metrics.Probe(cfg.Kind, cfg.Name) }

// Add registers a source with its configuration; cfg.Name keys its
// checkpoint, metrics and reports.
func (r *Runner) Add(src Source, cfg SourceConfig) {
	cfg.Defaults()
	if cfg.Name == "" {
		cfg.Name = cfg.Kind
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	e := &entry{src: src, cfg: cfg, probe: r.metrics.Probe(cfg.Kind, cfg.Name)}
	e.health = Health{Collector: cfg.Name, Source: cfg.Kind, StaleAfter: cfg.StaleAfter}
	r.entries = append(r.entries, e)
}

// Build creates every enabled source of cfg with deps and adds it.
func (r *Runner) Build(cfg Config, deps Deps) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	for _, sc := range cfg.Collectors {
		if !sc.Enabled {
			continue
		}
		d := deps
		d.Probe = r.Probe(sc)
		src, err := New(sc, d)
		if err != nil {
			return err
		}
		r.Add(src, sc)
	}
	return nil
}

// Len returns the number of collectors.
func (r *Runner) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.entries)
}

// Run runs every collector on its interval until ctx is cancelled, then
// waits for in-flight passes to finish and returns nil.
func (r *Runner) Run(ctx context.Context) error {
	r.mu.Lock()
	entries := append([]*entry(nil), r.entries...)
	r.mu.Unlock()
	if len(entries) == 0 {
		return errors.New("no enabled collectors")
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // keep the stale gauge fresh even while passes wait
		defer wg.Done()
		t := time.NewTicker(30 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				r.Health()
			}
		}
	}()
	for _, e := range entries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.loop(ctx, e)
		}()
	}
	wg.Wait()
	return nil
}

func (r *Runner) loop(ctx context.Context, e *entry) {
	for {
		rep := r.pass(ctx, e)
		if ctx.Err() != nil {
			return
		}
		wait := rep.NextAt.Sub(r.now())
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// RunOnce runs one pass of the named pull source (all sources when name
// is empty), sequentially, and returns their reports. A push source has no
// single pass: naming one is an error.
func (r *Runner) RunOnce(ctx context.Context, name string) ([]PassReport, error) {
	r.mu.Lock()
	entries := append([]*entry(nil), r.entries...)
	r.mu.Unlock()
	var reps []PassReport
	for _, e := range entries {
		if name != "" && e.cfg.Name != name {
			continue
		}
		if e.src.push != nil {
			return reps, fmt.Errorf("%s (%s) is a push source: it serves until stopped and has no single pass", e.cfg.Name, e.cfg.Kind)
		}
		reps = append(reps, r.pass(ctx, e))
	}
	if len(reps) == 0 {
		return nil, fmt.Errorf("no enabled collector named %q", name)
	}
	return reps, nil
}

func (r *Runner) pass(ctx context.Context, e *entry) PassReport {
	rep := PassReport{Collector: e.cfg.Name, Source: e.cfg.Kind, Start: r.now(), Dropped: map[string]int{}}
	var mu sync.Mutex
	var err error
	if e.src.push != nil {
		err = e.src.push.Serve(ctx, EmitterFunc(func(ctx context.Context, ms []mention.Mention) error {
			return r.emit(ctx, e, ms, &rep, &mu)
		}))
	} else {
		err = r.pull(ctx, e, &rep, &mu)
	}
	rep.End = r.now()
	next := rep.End.Add(e.cfg.Interval)
	if err != nil && ctx.Err() == nil {
		rep.Err = err
		rep.Error = err.Error()
		rep.ErrorClass = errorClass(err)
		if ra := retryAt(err); ra.After(next) {
			next = ra
		}
		// Errors inside fetch are counted per attempt by the HTTP hooks;
		// count here the ones that did not come from HTTP.
		if rep.ErrorClass == "emit" || rep.ErrorClass == "checkpoint" || rep.ErrorClass == "internal" || rep.ErrorClass == "config" {
			if rep.ErrorClass != "emit" {
				e.probe.Error(rep.ErrorClass)
			}
		}
		r.log.Warn("collector pass failed", "collector", e.cfg.Name, "source", e.cfg.Kind,
			"class", rep.ErrorClass, "err", rep.Error, "next", next.UTC().Format(time.RFC3339))
	} else if err != nil {
		rep.Err = err
		rep.Error = "cancelled"
		rep.ErrorClass = "cancelled"
	}
	rep.NextAt = next
	for k, v := range rep.Dropped {
		e.probe.Dropped(k, v)
	}
	r.mu.Lock()
	h := &e.health
	if rep.OK() {
		h.LastSuccess = rep.End
	} else if rep.ErrorClass != "cancelled" {
		h.LastError, h.LastErrorAt, h.ErrorClass = rep.Error, rep.End, rep.ErrorClass
	}
	h.NextAt = next
	r.mu.Unlock()
	if rep.OK() {
		e.probe.pass(true, rep.End)
		r.log.Info("collector pass", "collector", e.cfg.Name, "source", e.cfg.Kind,
			"received", rep.Received, "emitted", rep.Emitted, "dropped", rep.Dropped, "took", rep.End.Sub(rep.Start).Round(time.Millisecond))
	} else if rep.ErrorClass != "cancelled" {
		e.probe.pass(false, rep.End)
	}
	r.Health() // refresh the stale gauge
	if r.onPass != nil && rep.ErrorClass != "cancelled" {
		r.onPass(rep)
	}
	return rep
}

// pull runs one pass of a pull source: load the cursor, then for every
// batch emit it and save the cursor it ends at, until the source has no
// more.
func (r *Runner) pull(ctx context.Context, e *entry, rep *PassReport, mu *sync.Mutex) error {
	cursor, err := r.cps.Load(ctx, e.cfg.Name)
	if err != nil {
		return &CheckpointError{Err: fmt.Errorf("load %s: %w", e.cfg.Name, err)}
	}
	for {
		b, next, perr := e.src.pull(ctx, cursor)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if next == nil { // the cursor could not be read or written
			return perr
		}
		if err := r.emit(ctx, e, b.Mentions, rep, mu); err != nil {
			return err
		}
		if err := r.malformed(ctx, e, b.Malformed, rep, mu); err != nil {
			return err
		}
		if !bytes.Equal(next, cursor) {
			if err := r.cps.Save(ctx, e.cfg.Name, next); err != nil {
				return &CheckpointError{Err: fmt.Errorf("save %s: %w", e.cfg.Name, err)}
			}
			cursor = next
		}
		if perr != nil || !b.More {
			return perr
		}
	}
}

// emit prepares a batch and hands what is kept to the Emitter.
func (r *Runner) emit(ctx context.Context, e *entry, ms []mention.Mention, rep *PassReport, mu *sync.Mutex) error {
	kept := r.prepare(e, ms, rep, mu)
	if len(kept) == 0 {
		return nil
	}
	if err := r.emitter.Emit(ctx, kept); err != nil {
		e.probe.Error("emit")
		return &emitError{err: err}
	}
	e.probe.Items(len(kept))
	mu.Lock()
	rep.Emitted += len(kept)
	if n := r.sample - len(rep.Sample); n > 0 {
		rep.Sample = append(rep.Sample, kept[:min(n, len(kept))]...)
	}
	mu.Unlock()
	return nil
}

// malformed counts and logs the items a source could not read and hands
// those with a raw form to the dead-letter hook.
func (r *Runner) malformed(ctx context.Context, e *entry, items []Malformed, rep *PassReport, mu *sync.Mutex) error {
	if len(items) == 0 {
		return nil
	}
	var raw []Malformed
	for _, it := range items {
		r.log.Warn("malformed item dropped", "collector", e.cfg.Name, "err", it.Err)
		if it.Raw != nil {
			raw = append(raw, it)
		}
	}
	mu.Lock()
	rep.Received += len(items)
	rep.Dropped[DropMalformed] += len(items)
	for _, it := range items {
		if len(rep.Malformed) < 3 {
			rep.Malformed = append(rep.Malformed, it.Err.Error())
		}
	}
	mu.Unlock()
	if r.dead != nil && len(raw) > 0 {
		if err := r.dead(ctx, e.cfg.Name, raw); err != nil {
			e.probe.Error("emit")
			return &emitError{err: fmt.Errorf("dead letters: %w", err)}
		}
	}
	return nil
}

// prepare enriches, filters and validates a batch; it never modifies the
// caller's slice elements beyond the copies it returns.
func (r *Runner) prepare(e *entry, ms []mention.Mention, rep *PassReport, mu *sync.Mutex) []mention.Mention {
	now := r.now().UTC()
	kept := make([]mention.Mention, 0, len(ms))
	drops := map[string]int{}
	for _, m := range ms {
		if m.CollectedAt.IsZero() {
			m.CollectedAt = now
		}
		m.Normalize()
		r.enrich(&m)
		inContext := m.ParentID != "" && m.Query != "" // a comment under a matched item
		if *e.cfg.Filter && r.filter != nil && !inContext && !r.filter.Keep(&m) {
			drops[DropFiltered]++
			continue
		}
		if *e.cfg.StoryIDs && m.StoryID == "" {
			// Outlets rewrite headlines but keep the body: fingerprint
			// the body when it is long enough.
			text := m.Text
			if len(storyid.Words(text)) < storyid.MinWords {
				text = m.Title + "\n" + m.Text
			}
			m.StoryID = r.stories.Assign(text, now)
		}
		if err := m.Validate(); err != nil {
			drops[DropInvalid]++
			r.log.Warn("invalid mention dropped", "collector", e.cfg.Name, "id", m.ID, "err", err)
			continue
		}
		kept = append(kept, m)
	}
	mu.Lock()
	rep.Received += len(ms)
	for k, v := range drops {
		rep.Dropped[k] += v
	}
	mu.Unlock()
	return kept
}

func (r *Runner) enrich(m *mention.Mention) {
	if r.accounts == nil {
		return
	}
	for _, key := range []string{m.Author.ID, m.Author.Handle} {
		if key == "" {
			continue
		}
		if a, ok := r.accounts.Lookup(m.Source, key); ok {
			if a.Kind != "" {
				m.Author.Kind = a.Kind
			}
			if a.Org != "" {
				m.Author.Org = a.Org
			}
			if a.Level != "" {
				m.Author.Level = a.Level
			}
			return
		}
	}
}

// Health returns every collector's freshness state, sorted by name.
func (r *Runner) Health() []Health {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	out := make([]Health, 0, len(r.entries))
	for _, e := range r.entries {
		h := e.health
		if h.StaleAfter > 0 {
			since := h.LastSuccess
			if since.IsZero() {
				since = r.started
			}
			h.Stale = now.Sub(since) > h.StaleAfter
		}
		e.probe.setStale(h.Stale)
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Collector < out[j].Collector })
	return out
}

type emitError struct{ err error }

func (e *emitError) Error() string      { return "emit: " + e.err.Error() }
func (e *emitError) Unwrap() error      { return e.err }
func (e *emitError) ErrorClass() string { return "emit" }

// CheckpointError marks a failure to load or save a checkpoint.
type CheckpointError struct{ Err error }

// Error implements error.
func (e *CheckpointError) Error() string { return "checkpoint: " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *CheckpointError) Unwrap() error { return e.Err }

// ErrorClass implements the runner's class interface.
func (e *CheckpointError) ErrorClass() string { return "checkpoint" }

func errorClass(err error) string {
	var c interface{ ErrorClass() string }
	if errors.As(err, &c) {
		return c.ErrorClass()
	}
	if strings.Contains(err.Error(), "checkpoint") {
		return "checkpoint"
	}
	return "internal"
}

func retryAt(err error) time.Time {
	var c interface{ RetryAt() time.Time }
	if errors.As(err, &c) {
		return c.RetryAt()
	}
	return time.Time{}
}
