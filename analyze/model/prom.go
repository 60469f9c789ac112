package model

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	metricLabels = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_analyze_labels_total",
		Help: "Labels given by the model taggers, by tagger and label.",
	}, []string{"tagger", "label"})
	metricReview = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_analyze_review_total",
		Help: "Tags marked for human review (low confidence), by tagger.",
	}, []string{"tagger"})
)

// LabelCounter counts a tagger's labels and review flags in Prometheus
// (counters resolved once, so counting costs one atomic add).
type LabelCounter struct {
	labels map[string]prometheus.Counter
	review prometheus.Counter
	tagger string
}

// NewLabelCounter prepares the counters of tagger for labels.
func NewLabelCounter(tagger string, labels ...string) *LabelCounter {
	c := &LabelCounter{labels: map[string]prometheus.Counter{}, review: metricReview.WithLabelValues(tagger), tagger: tagger}
	for _, l := range labels {
		c.labels[l] = metricLabels.WithLabelValues(tagger, l)
	}
	return c
}

// Count records one label (and a review flag).
func (c *LabelCounter) Count(label string, review bool) {
	ctr, ok := c.labels[label]
	if !ok {
		ctr = metricLabels.WithLabelValues(c.tagger, label)
	}
	ctr.Inc()
	if review {
		c.review.Inc()
	}
}
