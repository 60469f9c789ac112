package ingest

import (
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/mention"
)

// AccountRegistry resolves known accounts (government, media, public
// admins) to their author record; analyze/catalog's Registry satisfies it.
type AccountRegistry interface {
	// Lookup returns the registered author for a handle or platform id.
	Lookup(source, handleOrID string) (mention.Author, bool)
}

// Filter decides whether a mention is kept; it may set m.Query to the
// watch query that matched. The watch list (analyze/watch) satisfies it
// through an adapter in cmd.
type Filter interface {
	Keep(m *mention.Mention) bool
}

// FilterFunc adapts a function to Filter.
type FilterFunc func(m *mention.Mention) bool

// Keep calls f.
func (f FilterFunc) Keep(m *mention.Mention) bool { return f(m) }

// Deps are what a factory may use to build a source. Checkpoints are not
// among them: the runner owns every cursor.
type Deps struct {
	// Logger for the collector (default slog.Default()).
	Logger *slog.Logger
	// Probe records the collector's metrics (set by the runner).
	Probe *Probe
	// Getenv reads credentials (default os.Getenv).
	Getenv func(string) string
	// Now is the clock (default clock.Now).
	Now func() time.Time
	// HTTPClient is the base client; tests point it anywhere (default a
	// fresh http.Client).
	HTTPClient *http.Client
	// Backoff overrides the retry policy (tests use millisecond delays).
	Backoff *fetch.Backoff
}

func (d *Deps) defaults() {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Getenv == nil {
		d.Getenv = os.Getenv
	}
	if d.Now == nil {
		d.Now = clock.Now
	}
	if d.Probe == nil {
		d.Probe = NopProbe()
	}
}

// HTTP builds the collector's fetch client from its configuration.
func (d Deps) HTTP(cfg SourceConfig, extra ...fetch.Option) *fetch.Client {
	cfg.Defaults()
	base := d.HTTPClient
	if base == nil {
		base = &http.Client{}
	}
	b := fetch.DefaultBackoff
	b.Attempts = cfg.Retries
	if d.Backoff != nil {
		b = *d.Backoff
	}
	p := d.Probe
	if p == nil {
		p = NopProbe()
	}
	opts := []fetch.Option{
		fetch.WithHTTPClient(base),
		fetch.WithTimeout(cfg.Timeout),
		fetch.WithRate(cfg.RateLimit, cfg.Burst),
		fetch.WithBackoff(b),
		fetch.WithMaxBody(cfg.MaxBody),
		fetch.WithHooks(p.Fetch, p.Error),
	}
	if d.Now != nil {
		opts = append(opts, fetch.WithClock(d.Now))
	}
	return fetch.New(append(opts, extra...)...)
}

// Factory builds a source from its configuration.
type Factory func(cfg SourceConfig, deps Deps) (Source, error)

// PullFactory adapts the constructor of a pull source to a Factory.
func PullFactory[C any, P Puller[C]](build func(SourceConfig, Deps) (P, error)) Factory {
	return func(cfg SourceConfig, deps Deps) (Source, error) {
		p, err := build(cfg, deps)
		if err != nil {
			return Source{}, err
		}
		return Pull[C](p), nil
	}
}

// PushFactory adapts the constructor of a push source to a Factory.
func PushFactory[P Pusher](build func(SourceConfig, Deps) (P, error)) Factory {
	return func(cfg SourceConfig, deps Deps) (Source, error) {
		p, err := build(cfg, deps)
		if err != nil {
			return Source{}, err
		}
		return Push(p), nil
	}
}

type kind struct {
	options any
	factory Factory
}

var (
	regMu sync.RWMutex
	kinds = map[string]kind{}
)

// Register makes a source kind available; sub-packages call it from init
// with a zero value of their options struct (the keys the kind reads beside
// the common fields, so that loading the configuration rejects any other
// key) and their factory.
func Register(name string, options any, f Factory) {
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := kinds[name]; dup {
		panic("ingest: kind " + name + " registered twice")
	}
	kinds[name] = kind{options: options, factory: f}
}

func lookupKind(name string) (kind, bool) {
	regMu.RLock()
	defer regMu.RUnlock()
	k, ok := kinds[name]
	return k, ok
}

// Kinds lists the registered kinds, sorted.
func Kinds() []string {
	regMu.RLock()
	defer regMu.RUnlock()
	ks := make([]string, 0, len(kinds))
	for k := range kinds {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// New builds the source cfg describes.
func New(cfg SourceConfig, deps Deps) (Source, error) {
	k, ok := lookupKind(cfg.Kind)
	if !ok {
		return Source{}, fmt.Errorf("source %s: unknown kind %q (known: %v; is ingest/all imported?)", cfg.Name, cfg.Kind, Kinds())
	}
	cfg.Defaults()
	deps.defaults()
	deps.Logger = deps.Logger.With("collector", cfg.Name, "source", cfg.Kind)
	s, err := k.factory(cfg, deps)
	if err != nil {
		return Source{}, fmt.Errorf("source %s (%s): %w", cfg.Name, cfg.Kind, err)
	}
	return s, nil
}
