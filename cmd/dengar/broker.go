package main

import (
	"fmt"
	"log/slog"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/stream"
)

func init() {
	var port int
	var dataDir string
	cmd := &cobra.Command{
		Use:   "broker",
		Short: "Serve a Kafka-protocol broker for development, with data kept on disk",
		Long: `broker serves an embedded Kafka-protocol broker (franz-go's kfake) on
127.0.0.1. Topics, messages and consumer offsets are kept in --data, so a
restart loses nothing. The pipeline's topics are created when missing.
Use Apache Kafka or Redpanda in production.`,
		Example: `  dengar broker --port 9092 --data .dengar/broker
  kcat -b 127.0.0.1:9092 -C -t dengar.mentions.tagged -o beginning -e`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			b, err := stream.StartBroker(stream.WithPort(port), stream.WithDataDir(dataDir))
			if err != nil {
				return err
			}
			defer b.Close()
			cfg.Kafka.Brokers = b.Addrs()
			if err := stream.EnsureTopics(cmd.Context(), cfg.Kafka); err != nil {
				return err
			}
			slog.Info("broker ready", "addrs", b.Addrs(), "data", dataDir)
			fmt.Fprintf(cmd.OutOrStdout(), "broker listening on %v (data in %s); Ctrl-C to stop\n", b.Addrs(), dataDir)
			<-cmd.Context().Done()
			slog.Info("broker stopping; flushing data")
			return nil
		},
	}
	cmd.Flags().IntVar(&port, "port", 9092, "TCP port on 127.0.0.1 ("+strconv.Itoa(0)+" picks a free one)")
	cmd.Flags().StringVar(&dataDir, "data", ".dengar/broker", "directory for topics, data and offsets")
	rootCmd.AddCommand(cmd)
}
