package stream

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var (
	metricWritten = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_stream_messages_written_total",
		Help: "Messages acknowledged by Kafka, per topic.",
	}, []string{"topic"})
	metricWriteErrors = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_stream_write_errors_total",
		Help: "Failed produce calls, per topic.",
	}, []string{"topic"})
	metricConsumed = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_stream_messages_consumed_total",
		Help: "Messages processed and committed, per topic and consumer group.",
	}, []string{"topic", "group"})
	metricBatchSeconds = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "dengar_stream_batch_seconds",
		Help:    "Time to process one consumed batch (handler plus commit), per group.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
	}, []string{"group"})
	metricDeadLettered = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_stream_dead_lettered_total",
		Help: "Messages sent to the dead-letter topic, per stage.",
	}, []string{"stage"})
	metricLag = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "dengar_stream_consumer_lag",
		Help: "Messages behind the end of the topic, per topic and group (as last seen by the reader).",
	}, []string{"topic", "group"})
)
