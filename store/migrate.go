package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dengar-id/dengar/clock"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migration is one embedded schema step: migrations/NNNN_name.sql. Its
// statements are separated by ";" at the end of a line and reference the
// database as ${db}.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.sql$`)

// Migrations lists the embedded migrations in version order.
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var out []Migration
	seen := map[int]string{}
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migrations: %s is not named NNNN_name.sql", e.Name())
		}
		v, _ := strconv.Atoi(m[1])
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrations: %s and %s share version %d", prev, e.Name(), v)
		}
		seen[v] = e.Name()
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		out = append(out, Migration{Version: v, Name: m[2], SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// Statements splits the migration into statements with ${db} substituted.
func (m Migration) Statements(db string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(m.SQL, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(trimmed, ";") {
			if s := strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"); s != "" {
				out = append(out, strings.ReplaceAll(s, "${db}", quoteIdent(db)))
			}
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, strings.ReplaceAll(s, "${db}", quoteIdent(db)))
	}
	return out
}

func quoteIdent(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }

// Migrate creates cfg.Database if needed and applies every embedded
// migration not yet recorded in its schema_migrations table. It is
// idempotent: a second run applies nothing. It returns the versions applied.
func Migrate(ctx context.Context, cfg Config) ([]int, error) {
	cfg.Defaults()
	admin, err := open(ctx, cfg, "default")
	if err != nil {
		return nil, err
	}
	defer admin.Close()
	db := cfg.Database
	if err := admin.conn.Exec(ctx, "CREATE DATABASE IF NOT EXISTS "+quoteIdent(db)); err != nil {
		return nil, fmt.Errorf("migrate: create database %s: %w", db, err)
	}
	if err := admin.conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+quoteIdent(db)+`.schema_migrations
		(version UInt32, name String, applied_at DateTime)
		ENGINE = ReplacingMergeTree(applied_at) ORDER BY version`); err != nil {
		return nil, fmt.Errorf("migrate: schema_migrations: %w", err)
	}
	applied := map[int]bool{}
	rows, err := admin.conn.Query(ctx, "SELECT DISTINCT version FROM "+quoteIdent(db)+".schema_migrations")
	if err != nil {
		return nil, fmt.Errorf("migrate: read schema_migrations: %w", err)
	}
	for rows.Next() {
		var v uint32
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return nil, fmt.Errorf("migrate: %w", err)
		}
		applied[int(v)] = true
	}
	rows.Close()
	ms, err := Migrations()
	if err != nil {
		return nil, err
	}
	var done []int
	for _, m := range ms {
		if applied[m.Version] {
			continue
		}
		for i, stmt := range m.Statements(db) {
			if err := admin.conn.Exec(ctx, stmt); err != nil {
				return done, fmt.Errorf("migrate: %04d_%s statement %d: %w", m.Version, m.Name, i+1, err)
			}
		}
		batch, err := admin.conn.PrepareBatch(ctx, "INSERT INTO "+quoteIdent(db)+".schema_migrations (version, name, applied_at)")
		if err != nil {
			return done, fmt.Errorf("migrate: record %d: %w", m.Version, err)
		}
		if err := batch.Append(uint32(m.Version), m.Name, clock.Now().UTC()); err != nil {
			return done, fmt.Errorf("migrate: record %d: %w", m.Version, err)
		}
		if err := batch.Send(); err != nil {
			return done, fmt.Errorf("migrate: record %d: %w", m.Version, err)
		}
		slog.Info("migration applied", "version", m.Version, "name", m.Name, "database", db)
		done = append(done, m.Version)
	}
	return done, nil
}
