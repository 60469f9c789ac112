package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// DB is a connection pool to ClickHouse over the native protocol (the HTTP
// protocol of clickhouse-go v2 does not work with ClickHouse 18.16).
type DB struct {
	conn driver.Conn
	cfg  Config
}

// Open connects to cfg.Addr and checks the connection. It does not create
// the database; Migrate does.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	cfg.Defaults()
	return open(ctx, cfg, cfg.Database)
}

// OpenLazy returns a pool for cfg without connecting: the first query
// connects, and the pool reconnects after an outage. For side records
// (collector passes) that must not keep a role from starting while
// ClickHouse is away.
func OpenLazy(cfg Config) (*DB, error) {
	cfg.Defaults()
	conn, err := dial(cfg, cfg.Database)
	if err != nil {
		return nil, err
	}
	return &DB{conn: conn, cfg: cfg}, nil
}

func open(ctx context.Context, cfg Config, database string) (*DB, error) {
	conn, err := dial(cfg, database)
	if err != nil {
		return nil, err
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := conn.Ping(pctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("clickhouse %s: %w", cfg.Addr, err)
	}
	return &DB{conn: conn, cfg: cfg}, nil
}

// dial opens the connection pool (no connection is made yet).
func dial(cfg Config, database string) (driver.Conn, error) {
	comp, err := compression(cfg.Compression)
	if err != nil {
		return nil, err
	}
	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr:     []string{cfg.Addr},
		Protocol: clickhouse.Native,
		Auth:     clickhouse.Auth{Database: database, Username: cfg.User, Password: cfg.Password},
		Settings: clickhouse.Settings{
			// Needed for LowCardinality on 18.16; obsolete and ignored on 24+.
			"allow_experimental_low_cardinality_type": 1,
		},
		DialTimeout:     5 * time.Second,
		ReadTimeout:     5 * time.Minute,
		MaxOpenConns:    8,
		MaxIdleConns:    4,
		ConnMaxLifetime: time.Hour,
		Compression:     comp,
	})
	if err != nil {
		return nil, fmt.Errorf("clickhouse %s: %w", cfg.Addr, err)
	}
	return conn, nil
}

// compression maps Config.Compression to the driver's setting.
func compression(name string) (*clickhouse.Compression, error) {
	switch name {
	case "none":
		return nil, nil
	case "zstd":
		return &clickhouse.Compression{Method: clickhouse.CompressionZSTD}, nil
	case "lz4", "":
		return &clickhouse.Compression{Method: clickhouse.CompressionLZ4}, nil
	}
	return nil, fmt.Errorf("clickhouse: compression %q is not one of lz4, zstd, none", name)
}

// Conn exposes the driver connection to this package's query files.
func (db *DB) Conn() driver.Conn { return db.conn }

// Database is the database name this DB works in.
func (db *DB) Database() string { return db.cfg.Database }

// Close closes the pool.
func (db *DB) Close() error { return db.conn.Close() }
