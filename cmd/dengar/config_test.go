package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestTypoStopsDengarAtStart: a key Dengar does not know stops every
// command at start with the key and its line — before a broker, a
// ClickHouse or a collector is touched — at the top level and inside a
// source (where a mistyped `enabled` would otherwise just leave the
// collector off).
func TestTypoStopsDengarAtStart(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"top-level", "kafka:\n  brokers: [127.0.0.1:1]\nsorces:\n  collectors: []\n",
			`unknown key "sorces" at line 3 (did you mean "sources"?)`},
		{"in a source", "sources:\n  collectors:\n    - name: berita\n      kind: rss\n      interval: 10m\n      enabeld: true\n      feeds: [{url: 'https://x.example/rss'}]\n",
			`unknown key "enabeld" at line 6 (in sources.collectors[0]; did you mean "enabled"?)`},
	} {
		path := filepath.Join(dir, tc.name+".yaml")
		if err := os.WriteFile(path, []byte(tc.yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"collect", "--once", "--dry-run"},
			{"run", "--demo", "--exit-when-done", "--clickhouse", "127.0.0.1:1"},
			{"analyze", "--brokers", "127.0.0.1:1"},
			{"report", "weekly"},
			{"tag"},
		} {
			_, err := runDengar(t, append([]string{"--config", path}, args...)...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: dengar %v: err = %v\nwant %s", tc.name, args, err, tc.want)
			}
		}
	}
}

// runDengar runs the dengar command line in-process and leaves the
// package-global flags as it found them.
func runDengar(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	rootCmd.SetOut(&out)
	rootCmd.SetIn(strings.NewReader(""))
	rootCmd.SetArgs(args)
	oldConfig := flagConfig
	defer func() {
		rootCmd.SetArgs(nil)
		rootCmd.SetOut(nil)
		rootCmd.SetIn(nil)
		flagConfig = oldConfig
		flagBrokers, flagClickHouse = "", ""
		if c, _, err := rootCmd.Find(args); err == nil {
			c.Flags().Visit(func(f *pflag.Flag) { f.Value.Set(f.DefValue); f.Changed = false })
		}
	}()
	err := rootCmd.ExecuteContext(context.Background())
	return out.String(), err
}
