package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/store/chserver"
)

func init() {
	var dir string
	var port, httpPort int
	parent := &cobra.Command{
		Use:   "clickhouse",
		Short: "Start or stop a local ClickHouse server for single-machine use",
		Long: `clickhouse manages a private ClickHouse server started from the installed
clickhouse-server binary, listening on 127.0.0.1 only, with its data under
--dir. It only ever reuses or stops the server it started in --dir (its pid
file names it): a port held by any other server is refused, never written
into. make run uses it; production uses a real ClickHouse 24+ (deploy/).`,
		Example: `  dengar clickhouse start --dir .dengar/clickhouse --port 19000
  clickhouse-client --port 19000
  dengar clickhouse stop --dir .dengar/clickhouse`,
	}
	start := &cobra.Command{
		Use:   "start",
		Short: "Start the local server in the background (reuse it when --dir's server already runs)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return clickhouseStart(cmd, dir, port, httpPort)
		},
	}
	stop := &cobra.Command{
		Use:   "stop",
		Short: "Stop the local server started by `dengar clickhouse start --dir` (its data stays)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return clickhouseStop(cmd.OutOrStdout(), dir)
		},
	}
	parent.PersistentFlags().StringVar(&dir, "dir", ".dengar/clickhouse", "server directory (config, data, logs)")
	parent.PersistentFlags().IntVar(&port, "port", 19000, "native-protocol port on 127.0.0.1")
	parent.PersistentFlags().IntVar(&httpPort, "http-port", 18123, "HTTP port on 127.0.0.1")
	parent.AddCommand(start, stop)
	rootCmd.AddCommand(parent)
}

// clickhouseStart starts dir's server, or reuses it when it already runs
// on the requested port. A port held by anything else is refused with a
// free one to use instead.
func clickhouseStart(cmd *cobra.Command, dir string, port, httpPort int) error {
	out := cmd.OutOrStdout()
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	pid, err := chserver.RunningIn(abs)
	if err != nil {
		return err
	}
	if pid > 0 {
		tcp, _, err := chserver.ConfiguredPorts(abs)
		if err != nil {
			return err
		}
		if tcp != port {
			return fmt.Errorf("the ClickHouse of %s already runs on port %d (pid %d), not %d: use --port %d, or stop it first (dengar clickhouse stop --dir %s)", dir, tcp, pid, port, tcp, dir)
		}
		fmt.Fprintf(out, "ClickHouse of %s already running on 127.0.0.1:%d (pid %d); reusing it\n", dir, tcp, pid)
		return nil
	}
	for _, p := range []struct {
		port int
		flag string
		env  string
	}{{port, "--port", "CH_PORT"}, {httpPort, "--http-port", "CH_HTTP_PORT"}} {
		if chserver.PortInUse(p.port) {
			free := freePortFrom(p.port + 1)
			return fmt.Errorf("127.0.0.1:%d is already in use, not by a server of %s (it has none running): Dengar will not write into a server it does not manage.\nPick a free port, e.g. %s=%d make run (or %s %d)", p.port, dir, p.env, free, p.flag, free)
		}
	}
	s, err := chserver.Start(cmd.Context(), chserver.Options{Dir: abs, TCPPort: port, HTTPPort: httpPort, Detach: true})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "ClickHouse started on %s (data in %s; stop: dengar clickhouse stop --dir %s)\n", s.Addr(), s.Dir, dir)
	if w := chserver.JournalWarning(abs); w != "" {
		slog.Warn(w, "dir", abs)
	}
	return nil
}

// clickhouseStop stops dir's server; a dir with none running is an error.
func clickhouseStop(out io.Writer, dir string) error {
	pid, err := chserver.StopDetached(dir)
	if errors.Is(err, chserver.ErrNotRunning) {
		return fmt.Errorf("no ClickHouse started by dengar is running from %s: nothing to stop", dir)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "ClickHouse of %s stopped (pid %d; its data stays there)\n", dir, pid)
	return nil
}

// freePortFrom returns the first port from p on that nothing listens on.
func freePortFrom(p int) int {
	for ; p < 65535; p++ {
		if !chserver.PortInUse(p) {
			return p
		}
	}
	return 0
}
