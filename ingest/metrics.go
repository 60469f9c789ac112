package ingest

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the collectors' Prometheus metrics.
type Metrics struct {
	fetches     *prometheus.CounterVec
	items       *prometheus.CounterVec
	dropped     *prometheus.CounterVec
	errors      *prometheus.CounterVec
	passes      *prometheus.CounterVec
	lastSuccess *prometheus.GaugeVec
	quota       *prometheus.GaugeVec
	stale       *prometheus.GaugeVec
}

// NewMetrics creates the metrics and registers them on reg (nil: not
// registered). Registering twice on one registry reuses the first set.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	lbl := []string{"source", "collector"}
	m := &Metrics{
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "dengar_collector_fetches_total",
			Help: "HTTP requests (attempts) made by a collector."}, lbl),
		items: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "dengar_collector_items_total",
			Help: "Mentions emitted to Kafka by a collector."}, lbl),
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "dengar_collector_dropped_total",
			Help: "Items dropped before Kafka, by reason (filtered, invalid, duplicate, old)."}, append(lbl, "reason")),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "dengar_collector_errors_total",
			Help: "Collector errors by class (transient, rate_limited, auth, quota, malformed, too_large, permanent, emit, checkpoint)."}, append(lbl, "class")),
		passes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "dengar_collector_passes_total",
			Help: "Collector passes by result (ok, error)."}, append(lbl, "result")),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "dengar_collector_last_success_timestamp_seconds",
			Help: "Unix time of the collector's last successful pass."}, lbl),
		quota: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "dengar_collector_quota_remaining",
			Help: "Quota or rate-limit budget left as reported or accounted (YouTube units, X requests)."}, lbl),
		stale: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "dengar_collector_stale",
			Help: "1 when the collector has had no successful pass within its stale_after window."}, lbl),
	}
	if reg != nil {
		m.fetches = register(reg, m.fetches)
		m.items = register(reg, m.items)
		m.dropped = register(reg, m.dropped)
		m.errors = register(reg, m.errors)
		m.passes = register(reg, m.passes)
		m.lastSuccess = register(reg, m.lastSuccess)
		m.quota = register(reg, m.quota)
		m.stale = register(reg, m.stale)
	}
	return m
}

func register[T prometheus.Collector](reg prometheus.Registerer, c T) T {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if existing, ok := are.ExistingCollector.(T); ok {
				return existing
			}
		}
		panic(err)
	}
	return c
}

// Probe records one collector's metrics. A nil *Probe or NopProbe records nothing.
type Probe struct {
	m                 *Metrics
	source, collector string
}

// Probe returns the probe of one collector.
func (m *Metrics) Probe(source, collector string) *Probe {
	return &Probe{m: m, source: source, collector: collector}
}

// NopProbe returns a probe that records nothing.
func NopProbe() *Probe { return &Probe{} }

// Fetch counts one HTTP attempt.
func (p *Probe) Fetch() {
	if p != nil && p.m != nil {
		p.m.fetches.WithLabelValues(p.source, p.collector).Inc()
	}
}

// Error counts one error of class.
func (p *Probe) Error(class string) {
	if p != nil && p.m != nil {
		p.m.errors.WithLabelValues(p.source, p.collector, class).Inc()
	}
}

// Items counts n emitted mentions.
func (p *Probe) Items(n int) {
	if p != nil && p.m != nil && n > 0 {
		p.m.items.WithLabelValues(p.source, p.collector).Add(float64(n))
	}
}

// Dropped counts n items dropped for reason.
func (p *Probe) Dropped(reason string, n int) {
	if p != nil && p.m != nil && n > 0 {
		p.m.dropped.WithLabelValues(p.source, p.collector, reason).Add(float64(n))
	}
}

// Quota records the remaining quota or rate-limit budget.
func (p *Probe) Quota(v float64) {
	if p != nil && p.m != nil {
		p.m.quota.WithLabelValues(p.source, p.collector).Set(v)
	}
}

func (p *Probe) pass(ok bool, at time.Time) {
	if p == nil || p.m == nil {
		return
	}
	if ok {
		p.m.passes.WithLabelValues(p.source, p.collector, "ok").Inc()
		p.m.lastSuccess.WithLabelValues(p.source, p.collector).Set(float64(at.UnixNano()) / 1e9)
	} else {
		p.m.passes.WithLabelValues(p.source, p.collector, "error").Inc()
	}
}

func (p *Probe) setStale(stale bool) {
	if p == nil || p.m == nil {
		return
	}
	v := 0.0
	if stale {
		v = 1
	}
	p.m.stale.WithLabelValues(p.source, p.collector).Set(v)
}
