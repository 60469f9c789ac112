package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

// storeCmd groups ClickHouse maintenance commands.
var storeCmd = &cobra.Command{
	Use:   "store",
	Short: "ClickHouse maintenance (retention)",
	Example: `  dengar store retain --dry-run
  dengar store retain --months 12 --rollup-months 36`,
	Args: cobra.NoArgs,
}

func init() {
	var (
		months, rollupMonths int
		dryRun               bool
	)
	retain := &cobra.Command{
		Use:   "retain",
		Short: "Drop monthly partitions older than the retention",
		Long: `retain drops whole monthly partitions: raw mentions (text, authors) older
than retention.raw_months months (the current month counts as one), and the
rollups and collector runs older than retention.rollup_months. Flags
override the config. With --dry-run it only lists what it would drop.
Run it daily (cron, Kubernetes CronJob).`,
		Example: `  dengar store retain --dry-run
  dengar store retain --months 12 --rollup-months 36`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			rc := cfg.Retention
			if cmd.Flags().Changed("months") {
				rc.RawMonths = months
			}
			if cmd.Flags().Changed("rollup-months") {
				rc.RollupMonths = rollupMonths
			}
			if rc.RawMonths < 0 || rc.RollupMonths < 0 || (cmd.Flags().Changed("months") && months < 1) {
				return fmt.Errorf("retention months must be at least 1")
			}
			rc.Defaults()
			db, err := store.Open(cmd.Context(), cfg.ClickHouse)
			if err != nil {
				return err
			}
			defer db.Close()
			dropped, err := db.Retain(cmd.Context(), clock.Now(), rc, dryRun)
			out := cmd.OutOrStdout()
			verb := "dropped"
			if dryRun {
				verb = "would drop"
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "TABLE\tPARTITION\tROWS\tBYTES")
			for _, p := range dropped {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", p.Table, p.Partition, p.Rows, p.Bytes)
			}
			tw.Flush()
			fmt.Fprintf(out, "%s %d partitions (raw kept from %d, rollups from %d)\n", verb, len(dropped),
				store.RetentionCutoff(clock.Now(), rc.RawMonths), store.RetentionCutoff(clock.Now(), rc.RollupMonths))
			return err
		},
	}
	retain.Flags().IntVar(&months, "months", 0, "months of raw mentions to keep (overrides retention.raw_months)")
	retain.Flags().IntVar(&rollupMonths, "rollup-months", 0, "months of rollups to keep (overrides retention.rollup_months)")
	retain.Flags().BoolVar(&dryRun, "dry-run", false, "list the partitions without dropping them")
	retain.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")
	storeCmd.AddCommand(retain)
	rootCmd.AddCommand(storeCmd)
}
