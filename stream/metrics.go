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
		Help: "Messages not yet committed by the group, per topic and group (end offsets minus committed offsets, polled from the broker).",
	}, []string{"topic", "group"})
	metricOutage = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "dengar_stream_output_unavailable",
		Help: "1 while the group's current batch waits out an outage of its output (ClickHouse, the broker), else 0.",
	}, []string{"group"})
	metricRetries = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_stream_batch_retries_total",
		Help: "Failed handler calls per group and kind: outage (retried without end), batch (counted towards max_attempts), dead_lettered (messages given up on).",
	}, []string{"group", "kind"})
	metricBrokerErrors = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_stream_broker_errors_total",
		Help: "Failed fetches and commits per group and operation (each is retried).",
	}, []string{"group", "op"})
)
