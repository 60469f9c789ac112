package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/store"
)

func init() {
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: "Create or upgrade the ClickHouse schema",
		Long: `migrate creates the database if needed and applies every embedded schema
migration not yet recorded in its schema_migrations table. Running it again
applies nothing.`,
		Example: `  dengar migrate --clickhouse 127.0.0.1:9000`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			done, err := store.Migrate(cmd.Context(), cfg.ClickHouse)
			if err != nil {
				return err
			}
			if len(done) == 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "schema of %s is up to date\n", cfg.ClickHouse.Database)
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "applied migrations %v to %s\n", done, cfg.ClickHouse.Database)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")
	rootCmd.AddCommand(cmd)
}
