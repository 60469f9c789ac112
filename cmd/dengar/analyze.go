package main

import (
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/analyze"
)

func init() {
	var workers int
	cmd := &cobra.Command{
		Use:   "analyze",
		Short: "Run the analyzer role: tag raw mentions into the tagged topic",
		Long: `analyze joins the consumer group "<group>-analyze" on the raw topic, tags
every mention (sentiment, hostility, emotion, programs, places, politics,
neutrality breaches) and produces it to the tagged topic. Run several to
scale out: Kafka spreads the partitions over them.`,
		Example: `  dengar analyze --brokers kafka-1:9092,kafka-2:9092 --workers 2`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			cfg, err := startKafkaRole(ctx, "analyze")
			if err != nil {
				return err
			}
			p, err := newPipelineFrom(cfg)
			if err != nil {
				return err
			}
			w := openWriters(cfg.Kafka)
			defer w.Close()
			slog.Info("analyzer starting", "taggers", p.Taggers(), "model", p.Version())
			a := analyze.NewAnalyzer(p, cfg.Kafka, w.tagged, w.dlq, analyze.WithWorkers(workers))
			markStarted()
			return a.Run(ctx)
		},
	}
	addRoleFlags(cmd)
	cmd.Flags().IntVar(&workers, "workers", 0, "tagging goroutines per batch (default: number of CPUs)")
	rootCmd.AddCommand(cmd)
}
