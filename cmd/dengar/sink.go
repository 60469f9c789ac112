package main

import (
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/stream"
)

func init() {
	cmd := &cobra.Command{
		Use:   "sink",
		Short: "Run the sink role: write tagged mentions to ClickHouse in batches",
		Long: `sink joins the consumer group "<group>-sink" on the tagged topic and writes
mentions to ClickHouse in batches bounded by clickhouse.batch_size and
clickhouse.flush_interval. Offsets are committed only after ClickHouse
acknowledged a batch; duplicates from redelivery collapse by id.`,
		Example: `  dengar sink --brokers kafka-1:9092 --clickhouse clickhouse:9000`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			cfg, err := startKafkaRole(ctx, "sink")
			if err != nil {
				return err
			}
			db, pseudo, err := openStore(ctx, cfg, "sink")
			if err != nil {
				return err
			}
			defer db.Close()
			dlq := stream.NewWriter(cfg.Kafka, cfg.Kafka.Topics.DLQ)
			defer dlq.Close()
			slog.Info("sink starting", "clickhouse", cfg.ClickHouse.Addr, "database", cfg.ClickHouse.Database)
			s := store.NewSink(db, cfg.Kafka, dlq, pseudo)
			markStarted()
			return s.Run(ctx)
		},
	}
	addRoleFlags(cmd)
	rootCmd.AddCommand(cmd)
}
