package main

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/store/chserver"
)

// freeTestPort returns a port free right now on loopback.
func freeTestPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestClickHouseStartOwnsItsServer: `dengar clickhouse start` starts the
// server of --dir, reuses it when it runs, refuses a port something else
// holds (naming CH_PORT and a free port) and a second port for the same
// dir; `stop` stops only that server and says so when there is none.
func TestClickHouseStartOwnsItsServer(t *testing.T) {
	if _, err := chserver.Binary(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	dir := filepath.Join(t.TempDir(), "ch")
	port, httpPort := strconv.Itoa(freeTestPort(t)), strconv.Itoa(freeTestPort(t))
	defer func() { _, _ = chserver.StopDetached(dir) }()

	foreign, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer foreign.Close()
	foreignPort := strconv.Itoa(foreign.Addr().(*net.TCPAddr).Port)

	for _, step := range []struct {
		name string
		args []string
		ok   bool
		want []string
	}{
		{"stop with no server", []string{"stop"}, false, []string{"no ClickHouse started by dengar is running from", "nothing to stop"}},
		{"a foreign server on the port", []string{"start", "--port", foreignPort, "--http-port", httpPort}, false,
			[]string{"127.0.0.1:" + foreignPort + " is already in use", "will not write into a server it does not manage", "CH_PORT="}},
		{"start", []string{"start", "--port", port, "--http-port", httpPort}, true, []string{"ClickHouse started on 127.0.0.1:" + port}},
		{"start again reuses it", []string{"start", "--port", port, "--http-port", httpPort}, true, []string{"already running on 127.0.0.1:" + port, "reusing it"}},
		{"the same dir on another port", []string{"start", "--port", foreignPort}, false, []string{"already runs on port " + port, "--port " + port}},
		{"stop", []string{"stop"}, true, []string{"stopped (pid"}},
		{"stop again", []string{"stop"}, false, []string{"nothing to stop"}},
	} {
		out, err := runDengar(t, append([]string{"clickhouse"}, append(step.args, "--dir", dir)...)...)
		text := out
		if err != nil {
			text += err.Error()
		}
		if (err == nil) != step.ok {
			t.Fatalf("%s: err = %v, want ok=%v\n%s", step.name, err, step.ok, text)
		}
		for _, w := range step.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: output lacks %q:\n%s", step.name, w, text)
			}
		}
	}
	if chserver.PortInUse(mustAtoi(t, port)) {
		t.Error("the server still listens after stop")
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
