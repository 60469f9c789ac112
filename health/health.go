// Package health is Dengar's readiness, shared by every long-running role.
//
// A role registers named checks ("sink"/"clickhouse", "analyze"/"broker",
// …) and keeps them current: a consumer fails its broker check when a fetch
// fails and passes it when the broker answers again; a check can also be a
// function evaluated on every read (the last flush is recent). One HTTP
// handler answers /healthz (liveness: the process serves) and /readyz
// (readiness: every check passes; /readyz/<role> for one role), and a
// Prometheus collector exports the same state as dengar_ready{role,check}
// (1 ready, 0 not), so a dashboard or an alert sees what a probe sees.
package health

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/dengar-id/dengar/clock"
)

// Registry holds the checks of one process.
type Registry struct {
	mu     sync.Mutex
	checks map[string]*Check
	now    func() time.Time
}

// NewRegistry returns an empty registry reading clock.Now.
func NewRegistry() *Registry { return &Registry{checks: map[string]*Check{}, now: clock.Now} }

// Default is the process's registry: roles register here unless told
// otherwise, and `dengar` serves it on --metrics-addr.
var Default = NewRegistry()

// Check is one readiness condition of a role. It starts not ready
// ("starting") until the role reports it.
type Check struct {
	role, name string
	now        func() time.Time
	fn         func() error

	mu    sync.Mutex
	err   error
	since time.Time
}

// Status is a check's state when read.
type Status struct {
	Role, Name string
	Ready      bool
	// Reason says why it is not ready (empty when ready).
	Reason string
	// Since is when the check last changed state.
	Since time.Time
}

var errStarting = fmt.Errorf("starting")

// Check returns the check role/name, registering it (not ready) on first
// use. Two components of the same role sharing a name share the check.
func (r *Registry) Check(role, name string) *Check {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := role + "/" + name
	if c, ok := r.checks[k]; ok {
		return c
	}
	c := &Check{role: role, name: name, now: r.now, err: errStarting, since: r.now()}
	r.checks[k] = c
	return c
}

// Func registers a check computed by fn on every read (nil: ready). It
// replaces an earlier check of the same role and name.
func (r *Registry) Func(role, name string, fn func() error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.checks[role+"/"+name] = &Check{role: role, name: name, now: r.now, fn: fn, since: r.now()}
}

// Set records the check's outcome: nil is ready, an error says why not.
func (c *Check) Set(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if (err == nil) != (c.err == nil) {
		c.since = c.now()
	}
	c.err = err
}

// OK marks the check ready.
func (c *Check) OK() { c.Set(nil) }

// Err returns why the check is not ready, or nil.
func (c *Check) Err() error {
	if c.fn != nil {
		return c.fn()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func (c *Check) status() Status {
	err := c.Err()
	s := Status{Role: c.role, Name: c.name, Ready: err == nil}
	if err != nil {
		s.Reason = err.Error()
	}
	if c.fn != nil {
		return s
	}
	c.mu.Lock()
	s.Since = c.since
	c.mu.Unlock()
	return s
}

// Statuses reads every check of role ("" for all), ordered by role and name.
func (r *Registry) Statuses(role string) []Status {
	r.mu.Lock()
	cs := make([]*Check, 0, len(r.checks))
	for _, c := range r.checks {
		if role == "" || c.role == role {
			cs = append(cs, c)
		}
	}
	r.mu.Unlock()
	out := make([]Status, len(cs))
	for i, c := range cs {
		out[i] = c.status()
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Role != out[j].Role {
			return out[i].Role < out[j].Role
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Ready reports whether every check of role ("" for all) passes, and the
// reasons of those that do not ("role/check: reason").
func (r *Registry) Ready(role string) (bool, []string) {
	var why []string
	for _, s := range r.Statuses(role) {
		if !s.Ready {
			why = append(why, s.Role+"/"+s.Name+": "+s.Reason)
		}
	}
	return len(why) == 0, why
}

// Handler serves /healthz (200 while the process serves: liveness) and
// /readyz, /readyz/<role> (200 when every check passes, else 503), each
// check on its own line: "ok sink/clickhouse" or "FAIL sink/clickhouse:
// reason (since …)".
func (r *Registry) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	ready := func(w http.ResponseWriter, req *http.Request) {
		role := strings.Trim(strings.TrimPrefix(req.URL.Path, "/readyz"), "/")
		ss := r.Statuses(role)
		if role != "" && len(ss) == 0 {
			http.Error(w, fmt.Sprintf("no role %q in this process\n", role), http.StatusNotFound)
			return
		}
		var b strings.Builder
		code := http.StatusOK
		for _, s := range ss {
			if s.Ready {
				fmt.Fprintf(&b, "ok %s/%s\n", s.Role, s.Name)
				continue
			}
			code = http.StatusServiceUnavailable
			fmt.Fprintf(&b, "FAIL %s/%s: %s", s.Role, s.Name, oneLine(s.Reason))
			if !s.Since.IsZero() {
				fmt.Fprintf(&b, " (since %s)", s.Since.UTC().Format(time.RFC3339))
			}
			b.WriteByte('\n')
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(code)
		_, _ = w.Write([]byte(b.String()))
	}
	mux.HandleFunc("/readyz", ready)
	mux.HandleFunc("/readyz/", ready)
	return mux
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

var descReady = prometheus.NewDesc("dengar_ready",
	"Readiness of each check of each role: 1 ready, 0 not (the state /readyz serves).",
	[]string{"role", "check"}, nil)

// Collector exports the registry as the gauge dengar_ready{role,check}.
func (r *Registry) Collector() prometheus.Collector { return collector{r} }

type collector struct{ r *Registry }

func (c collector) Describe(ch chan<- *prometheus.Desc) { ch <- descReady }

func (c collector) Collect(ch chan<- prometheus.Metric) {
	for _, s := range c.r.Statuses("") {
		v := 0.0
		if s.Ready {
			v = 1
		}
		ch <- prometheus.MustNewConstMetric(descReady, prometheus.GaugeValue, v, s.Role, s.Name)
	}
}

func init() { prometheus.MustRegister(Default.Collector()) }
