package main

import (
	"fmt"
	"net"
	"strconv"
	"time"

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
--dir. make run uses it; production uses a real ClickHouse 24+ (deploy/).`,
		Example: `  dengar clickhouse start --dir .dengar/clickhouse --port 19000
  clickhouse-client --port 19000
  dengar clickhouse stop --dir .dengar/clickhouse`,
	}
	start := &cobra.Command{
		Use:   "start",
		Short: "Start the local server in the background (no-op when it already runs)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
			if c, err := net.DialTimeout("tcp", addr, 300*time.Millisecond); err == nil {
				c.Close()
				fmt.Fprintf(cmd.OutOrStdout(), "ClickHouse already listening on %s\n", addr)
				return nil
			}
			s, err := chserver.Start(cmd.Context(), chserver.Options{Dir: dir, TCPPort: port, HTTPPort: httpPort, Detach: true})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "ClickHouse started on %s (data in %s; stop: dengar clickhouse stop --dir %s)\n", s.Addr(), s.Dir, dir)
			return nil
		},
	}
	stop := &cobra.Command{
		Use:   "stop",
		Short: "Stop the local server started by `dengar clickhouse start`",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return chserver.StopDetached(dir)
		},
	}
	parent.PersistentFlags().StringVar(&dir, "dir", ".dengar/clickhouse", "server directory (config, data, logs)")
	parent.PersistentFlags().IntVar(&port, "port", 19000, "native-protocol port on 127.0.0.1")
	parent.PersistentFlags().IntVar(&httpPort, "http-port", 18123, "HTTP port on 127.0.0.1")
	parent.AddCommand(start, stop)
	rootCmd.AddCommand(parent)
}
