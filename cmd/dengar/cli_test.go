package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/config"
)

// TestCommandLineRoughEdges: each mistake is reported first and plainly,
// before anything starts (no broker directory is created).
func TestCommandLineRoughEdges(t *testing.T) {
	dir := t.TempDir()
	hook := filepath.Join(dir, "hook.yaml")
	if err := os.WriteFile(hook, []byte("alerts:\n  notify:\n    webhook: {url: \"http://127.0.0.1:1/hook\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DENGAR_WEBHOOK_SECRET", "")
	data := filepath.Join(dir, "data")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"collect a missing file", []string{"collect", "--file", "/nope.csv"}, "import file: open /nope.csv: no such file or directory"},
		{"run a missing import", []string{"run", "--import", "/nope.jsonl", "--data-dir", data, "--metrics-addr", ""}, "import file: open /nope.jsonl: no such file or directory"},
		{"run without the webhook secret", []string{"--config", hook, "run", "--data-dir", data, "--metrics-addr", ""}, "alert notifiers: webhook: DENGAR_WEBHOOK_SECRET is not set"},
	} {
		_, err := runDengar(t, tc.args...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: err = %v\nwant exactly %q", tc.name, err, tc.want)
		}
		if _, err := os.Stat(data); err == nil {
			t.Errorf("%s: %s was created: something started before the error", tc.name, data)
		}
	}
}

// TestCollectExampleNamesARealSource: the --source of `collect --help`'s
// example is a collector of the embedded configuration.
func TestCollectExampleNamesARealSource(t *testing.T) {
	cfg, err := config.Load("embedded", defaultConfigYAML)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range cfg.Sources.Collectors {
		names[c.Name] = true
	}
	cmd, _, err := rootCmd.Find([]string{"collect"})
	if err != nil {
		t.Fatal(err)
	}
	ms := regexp.MustCompile(`--source (\S+)`).FindAllStringSubmatch(cmd.Example, -1)
	if len(ms) == 0 {
		t.Fatal("no --source in collect's example")
	}
	for _, m := range ms {
		if !names[m[1]] {
			t.Errorf("collect's example names source %q; the embedded config has none of that name", m[1])
		}
	}
}

// TestMetricsListenOnLoopbackByDefault: no role serves its metrics on
// every interface unless told to (deploy/ passes --metrics-addr :9464).
func TestMetricsListenOnLoopbackByDefault(t *testing.T) {
	for _, path := range [][]string{{"run"}, {"analyze"}, {"sink"}, {"collect"}, {"alert"}, {"report", "serve-schedule"}} {
		cmd, _, err := rootCmd.Find(path)
		if err != nil {
			t.Fatal(err)
		}
		f := cmd.Flags().Lookup("metrics-addr")
		if f == nil || !strings.HasPrefix(f.DefValue, "127.0.0.1:") {
			t.Errorf("dengar %s --metrics-addr defaults to %v", strings.Join(path, " "), f)
		}
	}
}
