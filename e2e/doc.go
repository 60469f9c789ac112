// Package e2e holds end-to-end tests of the pipeline against the real
// components: a Kafka-protocol broker reached over TCP with kafka-go, and a
// real ClickHouse server. The roles run as the real `dengar` binary where a
// test needs to kill one.
package e2e
