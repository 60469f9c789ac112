// Package chserver starts a private ClickHouse server from the installed
// binary (Debian's clickhouse-server, or the `clickhouse` multi-binary of
// newer releases) on chosen or free ports, with its data under one
// directory. Tests use it through chtest; `make run` uses it for the local
// single-machine ClickHouse under .dengar/.
package chserver

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dengar-id/dengar/clock"
)

// ErrNotInstalled is returned when no ClickHouse server binary is found.
var ErrNotInstalled = errors.New("clickhouse-server is not installed (Debian/Ubuntu: sudo apt-get install clickhouse-server clickhouse-client)")

// Server is a running ClickHouse server.
type Server struct {
	// Dir holds config, data and logs.
	Dir string
	// TCPPort is the native-protocol port; HTTPPort the HTTP one.
	TCPPort, HTTPPort int
	cmd               *exec.Cmd
	pid               int
}

// Options say where and how to start the server.
type Options struct {
	// Dir holds config, data and logs; created if missing.
	Dir string
	// TCPPort and HTTPPort; 0 picks free ports.
	TCPPort, HTTPPort int
	// Detach leaves the server running after this process exits (for
	// `make run`); its pid is written to Dir/clickhouse.pid.
	Detach bool
	// StartTimeout bounds the wait for the server to accept connections.
	StartTimeout time.Duration
	// ExtraConfig is XML added inside <yandex> (e.g. a <kafka> section of
	// librdkafka settings for the Kafka table engine).
	ExtraConfig string
	// ExtraProfile is XML added to the default settings profile (settings
	// of the server's own streams, e.g. the Kafka engine's input format).
	ExtraProfile string
}

// Binary returns the command line that starts a server, or ErrNotInstalled.
func Binary() ([]string, error) {
	if p, err := exec.LookPath("clickhouse-server"); err == nil {
		return []string{p}, nil
	}
	for _, p := range []string{"/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"} {
		if _, err := os.Stat(p); err == nil {
			return []string{p}, nil
		}
	}
	if p, err := exec.LookPath("clickhouse"); err == nil {
		return []string{p, "server"}, nil
	}
	return nil, ErrNotInstalled
}

// Start writes a config into opts.Dir and starts the server, waiting until
// it accepts native-protocol connections.
func Start(ctx context.Context, opts Options) (*Server, error) {
	bin, err := Binary()
	if err != nil {
		return nil, err
	}
	if opts.Dir == "" {
		return nil, errors.New("chserver: Dir is required")
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("chserver: %w", err)
	}
	if opts.StartTimeout == 0 {
		opts.StartTimeout = 60 * time.Second
	}
	for _, p := range []*int{&opts.TCPPort, &opts.HTTPPort} {
		if *p == 0 {
			if *p, err = freePort(); err != nil {
				return nil, err
			}
		}
	}
	for _, sub := range []string{"data", "tmp", "user_files", "format_schemas", "log"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("chserver: %w", err)
		}
	}
	cfgPath := filepath.Join(dir, "config.xml")
	if err := os.WriteFile(cfgPath, []byte(strings.Replace(configXML(dir, opts.TCPPort, opts.HTTPPort), "</yandex>", opts.ExtraConfig+"</yandex>", 1)), 0o644); err != nil {
		return nil, fmt.Errorf("chserver: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "users.xml"), []byte(strings.Replace(usersXML, "</allow_experimental_low_cardinality_type>", "</allow_experimental_low_cardinality_type>"+opts.ExtraProfile, 1)), 0o644); err != nil {
		return nil, fmt.Errorf("chserver: %w", err)
	}
	args := append(bin[1:], "--config-file="+cfgPath)
	cmd := exec.Command(bin[0], args...)
	cmd.Dir = dir
	logf, err := os.OpenFile(filepath.Join(dir, "log", "stdout.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("chserver: %w", err)
	}
	defer logf.Close()
	cmd.Stdout, cmd.Stderr = logf, logf
	// Own process group: a test's or make's Ctrl-C should not kill it
	// half-way; Stop does, and Detach leaves it running.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("chserver: start %s: %w", bin[0], err)
	}
	s := &Server{Dir: dir, TCPPort: opts.TCPPort, HTTPPort: opts.HTTPPort, cmd: cmd, pid: cmd.Process.Pid}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := clock.Now().Add(opts.StartTimeout)
	for {
		if c, err := net.DialTimeout("tcp", s.Addr(), 200*time.Millisecond); err == nil {
			c.Close()
			break
		}
		select {
		case err := <-exited:
			return nil, fmt.Errorf("chserver: server exited during start (%v); see %s", err, filepath.Join(dir, "log"))
		case <-ctx.Done():
			s.Stop()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if clock.Now().After(deadline) {
			s.Stop()
			return nil, fmt.Errorf("chserver: not ready after %s; see %s", opts.StartTimeout, filepath.Join(dir, "log"))
		}
	}
	if opts.Detach {
		if err := os.WriteFile(PIDFile(dir), []byte(strconv.Itoa(s.pid)), 0o644); err != nil {
			return nil, fmt.Errorf("chserver: %w", err)
		}
		_ = cmd.Process.Release()
	}
	return s, nil
}

// Addr is host:port of the native protocol.
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.TCPPort)) }

// Stop terminates the server and waits for it to exit.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = syscall.Kill(-s.pid, syscall.SIGTERM)
		done := make(chan struct{})
		go func() {
			for i := 0; i < 100 && syscall.Kill(s.pid, 0) == nil; i++ {
				time.Sleep(100 * time.Millisecond)
			}
			close(done)
		}()
		<-done
		_ = syscall.Kill(-s.pid, syscall.SIGKILL)
	}
}

// Kill stops the server abruptly (SIGKILL, as a crash or an OOM kill
// would) and waits until it is gone.
func (s *Server) Kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = syscall.Kill(-s.pid, syscall.SIGKILL)
		for i := 0; i < 100 && syscall.Kill(s.pid, 0) == nil; i++ {
			time.Sleep(50 * time.Millisecond)
		}
	}
}

// PIDFile is where a detached server's pid is kept.
func PIDFile(dir string) string { return filepath.Join(dir, "clickhouse.pid") }

// RunningIn returns the pid of the detached server of dir when it runs:
// dir's pid file names a live process started with dir's config file. A
// pid file naming no such process (the server died, or the pid was
// reused) is stale: it is removed and RunningIn returns 0.
func RunningIn(dir string) (int, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return 0, fmt.Errorf("chserver: %w", err)
	}
	b, err := os.ReadFile(PIDFile(dir))
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("chserver: %w", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		_ = os.Remove(PIDFile(dir))
		return 0, nil
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || !strings.Contains(string(cmdline), "--config-file="+filepath.Join(dir, "config.xml")) {
		_ = os.Remove(PIDFile(dir))
		return 0, nil
	}
	return pid, nil
}

// ConfiguredPorts returns the native and HTTP ports of dir's config.
func ConfiguredPorts(dir string) (tcp, http int, err error) {
	b, err := os.ReadFile(filepath.Join(dir, "config.xml"))
	if err != nil {
		return 0, 0, fmt.Errorf("chserver: %w", err)
	}
	tag := func(name string) int {
		_, rest, ok := strings.Cut(string(b), "<"+name+">")
		if !ok {
			return 0
		}
		v, _, _ := strings.Cut(rest, "<")
		n, _ := strconv.Atoi(strings.TrimSpace(v))
		return n
	}
	return tag("tcp_port"), tag("http_port"), nil
}

// StopDetached stops the server started with Detach in dir and returns
// its pid; ErrNotRunning when dir has none running.
func StopDetached(dir string) (int, error) {
	pid, err := RunningIn(dir)
	if err != nil {
		return 0, err
	}
	if pid == 0 {
		return 0, ErrNotRunning
	}
	_ = syscall.Kill(-pid, syscall.SIGTERM)
	for i := 0; i < 300 && syscall.Kill(pid, 0) == nil; i++ {
		time.Sleep(100 * time.Millisecond)
	}
	_ = syscall.Kill(-pid, syscall.SIGKILL)
	if err := os.Remove(PIDFile(dir)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return pid, fmt.Errorf("chserver: %w", err)
	}
	return pid, nil
}

// ErrNotRunning is returned by StopDetached for a dir with no server.
var ErrNotRunning = errors.New("no server is running from this directory")

// PortInUse reports whether something accepts connections on
// 127.0.0.1:port.
func PortInUse(port int) bool {
	c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), 300*time.Millisecond)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("chserver: free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func configXML(dir string, tcp, http int) string {
	return fmt.Sprintf(`<?xml version="1.0"?>
<!-- Written by dengar (store/chserver). A private, loopback-only server. -->
<yandex>
    <logger>
        <level>warning</level>
        <log>%[1]s/log/clickhouse-server.log</log>
        <errorlog>%[1]s/log/clickhouse-server.err.log</errorlog>
        <size>100M</size>
        <count>2</count>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <tcp_port>%[2]d</tcp_port>
    <http_port>%[3]d</http_port>
    <max_connections>256</max_connections>
    <keep_alive_timeout>3</keep_alive_timeout>
    <max_concurrent_queries>100</max_concurrent_queries>
    <uncompressed_cache_size>1073741824</uncompressed_cache_size>
    <mark_cache_size>1073741824</mark_cache_size>
    <path>%[1]s/data/</path>
    <tmp_path>%[1]s/tmp/</tmp_path>
    <user_files_path>%[1]s/user_files/</user_files_path>
    <format_schema_path>%[1]s/format_schemas/</format_schema_path>
    <users_config>users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mlock_executable>false</mlock_executable>
    <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
    <max_session_timeout>3600</max_session_timeout>
    <default_session_timeout>60</default_session_timeout>
</yandex>
`, dir, tcp, http)
}

const usersXML = `<?xml version="1.0"?>
<yandex>
    <profiles>
        <default>
            <max_memory_usage>8000000000</max_memory_usage>
            <use_uncompressed_cache>0</use_uncompressed_cache>
            <load_balancing>random</load_balancing>
            <allow_experimental_low_cardinality_type>1</allow_experimental_low_cardinality_type>
        </default>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries>
                <errors>0</errors>
                <result_rows>0</result_rows>
                <read_rows>0</read_rows>
                <execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</yandex>
`
