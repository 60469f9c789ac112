// Package chtest gives integration tests a real ClickHouse server: one
// private server per test binary, started from the installed binary on free
// ports in a temp dir, and a fresh database per test.
//
// Use it with a TestMain:
//
//	func TestMain(m *testing.M) { chtest.Main(m) }
//
//	func TestX(t *testing.T) {
//		cfg := chtest.Config(t) // migrated, empty database
//		...
//	}
//
// Where ClickHouse is not installed the tests are skipped with a message
// saying what to install — and fail instead when the CI variable is set.
package chtest

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chserver"
)

var (
	once    sync.Once
	server  *chserver.Server
	tmpDir  string
	errInit error
	seq     atomic.Int64
)

// Main runs the package's tests and stops the server afterwards.
func Main(m *testing.M) {
	code := m.Run()
	if server != nil {
		server.Stop()
	}
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
	os.Exit(code)
}

// Addr starts the shared server if needed and returns its native address.
func Addr(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		if addr := os.Getenv("DENGAR_TEST_CLICKHOUSE"); addr != "" {
			// An already running server (e.g. a ClickHouse 24 to check
			// compatibility): use it instead of starting one.
			server = nil
			errInit = nil
			return
		}
		tmpDir, errInit = os.MkdirTemp("", "dengar-chtest-")
		if errInit != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		server, errInit = chserver.Start(ctx, chserver.Options{Dir: tmpDir})
	})
	if addr := os.Getenv("DENGAR_TEST_CLICKHOUSE"); addr != "" {
		return addr
	}
	if errInit != nil {
		msg := fmt.Sprintf("ClickHouse integration test: %v", errInit)
		if os.Getenv("CI") != "" {
			t.Fatal(msg + " (CI is set: integration tests must run; `make test` installs clickhouse-server)")
		}
		t.Skip(msg + " — run `make test`, which installs it")
	}
	return server.Addr()
}

// Config returns the configuration of a fresh, migrated database on the
// shared server. The database is dropped when the test ends.
func Config(t testing.TB) store.Config {
	t.Helper()
	cfg := RawConfig(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := store.Migrate(ctx, cfg); err != nil {
		t.Fatalf("migrate test database: %v", err)
	}
	return cfg
}

// RawConfig returns the configuration of a database name unique to the
// test, not yet created or migrated.
func RawConfig(t testing.TB) store.Config {
	t.Helper()
	addr := Addr(t)
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return '_'
	}, t.Name())
	if len(name) > 40 {
		name = name[:40]
	}
	db := fmt.Sprintf("t%d_%d_%s", os.Getpid(), seq.Add(1), name)
	cfg := store.Config{Addr: addr, Database: db, BatchSize: 1000, FlushInterval: 50 * time.Millisecond}
	cfg.Defaults()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if db, err := store.Open(ctx, store.Config{Addr: addr, Database: "default"}); err == nil {
			_ = db.Conn().Exec(ctx, "DROP DATABASE IF EXISTS `"+cfg.Database+"`")
			db.Close()
		}
	})
	return cfg
}

// Rows runs q on db and returns the column names and every row as
// strings: times in RFC 3339 UTC, floats with four decimals, the rest as
// fmt prints them (the form panel and reader tests compare).
func Rows(tb testing.TB, db *store.DB, q string) (cols []string, rows [][]string) {
	tb.Helper()
	res, err := db.Conn().Query(context.Background(), q)
	if err != nil {
		tb.Fatalf("query: %v\n%s", err, q)
	}
	defer res.Close()
	types := res.ColumnTypes()
	for _, ct := range types {
		cols = append(cols, ct.Name())
	}
	for res.Next() {
		dest := make([]any, len(types))
		for i, ct := range types {
			dest[i] = reflect.New(ct.ScanType()).Interface()
		}
		if err := res.Scan(dest...); err != nil {
			tb.Fatalf("scan: %v\n%s", err, q)
		}
		row := make([]string, len(dest))
		for i, d := range dest {
			switch v := reflect.ValueOf(d).Elem().Interface().(type) {
			case time.Time:
				row[i] = v.UTC().Format(time.RFC3339)
			case float64:
				row[i] = strconv.FormatFloat(v, 'f', 4, 64)
			case float32:
				row[i] = strconv.FormatFloat(float64(v), 'f', 4, 32)
			default:
				row[i] = fmt.Sprint(v)
			}
		}
		rows = append(rows, row)
	}
	if err := res.Err(); err != nil {
		tb.Fatalf("rows: %v", err)
	}
	return cols, rows
}

// Server is a private ClickHouse server of one test, which the test may
// stop and start again (same data, same ports) to play an outage.
type Server struct {
	tb   testing.TB
	opts chserver.Options
	srv  *chserver.Server
	// Config is a migrated database on it.
	Config store.Config
}

// Private starts a ClickHouse server for tb alone (in tb's temp dir, on
// free ports) with a migrated database; it stops when tb ends. Without
// ClickHouse installed it skips (fails with CI set) like Addr.
func Private(tb testing.TB) *Server {
	tb.Helper()
	if _, err := chserver.Binary(); err != nil {
		msg := fmt.Sprintf("ClickHouse integration test: %v", err)
		if os.Getenv("CI") != "" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	s := &Server{tb: tb, opts: chserver.Options{Dir: tb.TempDir()}}
	s.Start()
	s.opts.TCPPort, s.opts.HTTPPort = s.srv.TCPPort, s.srv.HTTPPort
	tb.Cleanup(s.Stop)
	s.Config = store.Config{Addr: s.srv.Addr(), Database: "dengar", BatchSize: 1000, FlushInterval: 50 * time.Millisecond}
	s.Config.Defaults()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := store.Migrate(ctx, s.Config); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return s
}

// Start starts the server (again), waiting until it accepts connections.
func (s *Server) Start() {
	s.tb.Helper()
	if s.srv != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	srv, err := chserver.Start(ctx, s.opts)
	if err != nil {
		s.tb.Fatalf("start ClickHouse: %v", err)
	}
	s.srv = srv
}

// Stop stops the server and waits for it to exit.
func (s *Server) Stop() {
	if s.srv != nil {
		s.srv.Stop()
		s.srv = nil
	}
}

// Kill stops the server abruptly (SIGKILL), as a crash would.
func (s *Server) Kill() {
	if s.srv != nil {
		s.srv.Kill()
		s.srv = nil
	}
}

// Addr is the server's native address (stable across restarts).
func (s *Server) Addr() string { return s.Config.Addr }
