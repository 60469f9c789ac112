// Package store owns Dengar's ClickHouse side: the schema and its
// migrations, the batched sink that writes tagged mentions, and the typed
// queries that dashboards, reports and alerts read.
package store

import (
	"os"
	"time"
)

// Config is the `clickhouse` section of the configuration.
type Config struct {
	// Addr is host:port of the native protocol (9000 by default).
	Addr string `yaml:"addr"`
	// Database is created by `dengar migrate` when missing.
	Database string `yaml:"database"`
	// User to connect as; the password comes from CLICKHOUSE_PASSWORD.
	User string `yaml:"user"`
	// BatchSize and FlushInterval bound sink batches (default 50000 and
	// 1 s: with the rollup views an INSERT has a large fixed cost, and
	// BenchmarkSinkBatch measured 10000 at about half the rows/s).
	BatchSize     int           `yaml:"batch_size"`
	FlushInterval time.Duration `yaml:"flush_interval"`
	// FlushIdle writes a batch of at least a tenth of BatchSize as soon as
	// no tagged mention has arrived for this long (default 100 ms): the
	// topic is drained and the rest of FlushInterval would only delay
	// those rows. Smaller batches still wait for FlushInterval, so a
	// trickle makes one insert per interval; only the one right after a
	// large batch (a burst's tail) goes once quiet too.
	FlushIdle time.Duration `yaml:"flush_idle"`
	// Compression of the native protocol's blocks: lz4 (default), zstd
	// or none.
	Compression string `yaml:"compression"`
	// SerialViews makes an insert into mentions run its materialised views
	// one after the other (ClickHouse's default) instead of concurrently
	// (parallel_view_processing: the rollups of a sink batch are computed
	// on every core the server has).
	SerialViews bool `yaml:"serial_views"`
	// Password is read from the environment, never from the file.
	Password string `yaml:"-"`
}

// Defaults fills unset fields and reads secrets from the environment.
func (c *Config) Defaults() {
	if c.Addr == "" {
		c.Addr = "127.0.0.1:9000"
	}
	if c.Database == "" {
		c.Database = "dengar"
	}
	if c.User == "" {
		c.User = "default"
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 50000
	}
	if c.Compression == "" {
		c.Compression = "lz4"
	}
	if c.FlushInterval <= 0 {
		c.FlushInterval = time.Second
	}
	if c.FlushIdle <= 0 {
		c.FlushIdle = 100 * time.Millisecond
	}
	if c.Password == "" {
		c.Password = os.Getenv("CLICKHOUSE_PASSWORD")
	}
}
