package store

// Retention by dropping whole monthly partitions (`dengar store retain`).
// ALTER TABLE … DROP PARTITION and system.parts behave the same on
// ClickHouse 18.16 and 24+; no TTL is needed.

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// RetentionConfig is the `retention` section of the configuration.
type RetentionConfig struct {
	// RawMonths keeps raw mentions (text, authors) for this many months
	// (default 12); older monthly partitions of mentions are dropped.
	RawMonths int `yaml:"raw_months"`
	// RollupMonths keeps the rollups and collector_runs for this many
	// months (default 36, at least RawMonths).
	RollupMonths int `yaml:"rollup_months"`
}

// Defaults fills unset fields.
func (c *RetentionConfig) Defaults() {
	if c.RawMonths <= 0 {
		c.RawMonths = 12
	}
	if c.RollupMonths <= 0 {
		c.RollupMonths = 36
	}
	if c.RollupMonths < c.RawMonths {
		c.RollupMonths = c.RawMonths
	}
}

// rawTables and rollupTables are partitioned by toYYYYMM of their time.
var (
	rawTables    = []string{"mentions"}
	rollupTables = []string{"mentions_hourly", "mentions_daily", "places_hourly", "accounts_daily", "terms_daily", "signals_hourly", "collector_runs"}
)

// DroppedPartition is one monthly partition removed (or, in a dry run, to
// be removed) by Retain.
type DroppedPartition struct {
	Table string `json:"table"`
	// Partition is the month, YYYYMM.
	Partition string `json:"partition"`
	Rows      uint64 `json:"rows"`
	Bytes     uint64 `json:"bytes"`
}

var metricPartitionsDropped = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "dengar_store_partitions_dropped_total",
	Help: "Monthly partitions dropped by retention, by table.",
}, []string{"table"})

// RetentionCutoff is the first month kept when keeping `months` months at
// now: the current month counts as one.
func RetentionCutoff(now time.Time, months int) int {
	t := now.UTC()
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -(months - 1), 0)
	return first.Year()*100 + int(first.Month())
}

// Retain drops the monthly partitions older than the retention of their
// table: mentions keep cfg.RawMonths months (the current month included),
// the rollups and collector_runs cfg.RollupMonths. Partitions are listed
// from system.parts. With dryRun nothing is dropped. It returns the
// partitions dropped (or that would be), by table and month. Before it
// drops months of mentions it raises the rollups' gate horizon to the
// first month kept (gate.go).
func (db *DB) Retain(ctx context.Context, now time.Time, cfg RetentionConfig, dryRun bool) ([]DroppedPartition, error) {
	cfg.Defaults()
	var out []DroppedPartition
	for _, g := range []struct {
		tables []string
		months int
		gate   bool // mentions: the rollups' duplicate gate
	}{{rawTables, cfg.RawMonths, true}, {rollupTables, cfg.RollupMonths, false}} {
		cutoff := RetentionCutoff(now, g.months)
		if g.gate && !dryRun {
			// The rollups' duplicate gate (gate.go) is mentions itself:
			// its horizon moves to the first month kept before any month
			// of mentions goes, so no mention of a dropped month is
			// counted again.
			if err := db.raiseGateHorizon(ctx, cutoff, now); err != nil {
				return out, fmt.Errorf("retain: %w", err)
			}
		}
		for _, table := range g.tables {
			parts, err := db.monthlyPartitions(ctx, table)
			if err != nil {
				return out, err
			}
			for _, p := range parts {
				month, err := strconv.Atoi(p.Partition)
				if err != nil || month >= cutoff {
					continue // not a YYYYMM partition, or still kept
				}
				if !dryRun {
					if err := db.conn.Exec(ctx, "ALTER TABLE "+db.table(table)+" DROP PARTITION "+strconv.Itoa(month)); err != nil {
						return out, fmt.Errorf("retain: drop %s partition %d: %w", table, month, err)
					}
					metricPartitionsDropped.WithLabelValues(table).Inc()
					slog.Info("partition dropped", "table", table, "partition", month, "rows", p.Rows)
				}
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// monthlyPartitions lists the active partitions of a table with their
// sizes, oldest first.
func (db *DB) monthlyPartitions(ctx context.Context, table string) ([]DroppedPartition, error) {
	q := `SELECT partition, sum(rows), sum(bytes_on_disk) FROM system.parts WHERE database = ? AND table = ? AND active GROUP BY partition ORDER BY partition`
	var out []DroppedPartition
	err := db.queryRows(ctx, "retain: list partitions of "+table, q, func(rows interface{ Scan(...any) error }) error {
		p := DroppedPartition{Table: table}
		if err := rows.Scan(&p.Partition, &p.Rows, &p.Bytes); err != nil {
			return err
		}
		out = append(out, p)
		return nil
	}, db.cfg.Database, table)
	sort.Slice(out, func(i, j int) bool { return out[i].Partition < out[j].Partition })
	return out, err
}

// Partitions lists the active monthly partitions (YYYYMM) of a table.
func (db *DB) Partitions(ctx context.Context, table string) ([]string, error) {
	ps, err := db.monthlyPartitions(ctx, table)
	var out []string
	for _, p := range ps {
		out = append(out, p.Partition)
	}
	return out, err
}
