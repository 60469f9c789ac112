package main

import (
	"fmt"
	"log/slog"
	"os"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/dashboards"
)

func init() {
	cmd := &cobra.Command{
		Use:   "dashboards",
		Short: "Build the Grafana dashboards as JSON, or push them to Grafana",
		Long: `The Grafana dashboards (Ringkasan, Konten bermusuhan, Netralitas, Program,
Sumber) are Go code in the dashboards package. "build" writes their JSON
(committed in dashboards/json and provisioned from files by deploy/);
"push" creates or updates the folder, the ClickHouse data source and every
dashboard through Grafana's HTTP API.`,
		Example: `  dengar dashboards build --out dashboards/json
  GRAFANA_TOKEN=glsa_... dengar dashboards push --url http://grafana:3000`,
	}

	var out string
	build := &cobra.Command{
		Use:     "build",
		Short:   "Write every dashboard as JSON into --out",
		Example: `  dengar dashboards build --out dashboards/json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			paths, err := dashboards.WriteJSON(out, dashboards.Options{DatasourceUID: cfg.Grafana.DatasourceUID})
			if err != nil {
				return err
			}
			for _, p := range paths {
				fmt.Fprintln(cmd.OutOrStdout(), p)
			}
			return nil
		},
	}
	build.Flags().StringVar(&out, "out", "dashboards/json", "directory for the JSON files (one per dashboard, named <uid>.json)")

	var url string
	var force bool
	push := &cobra.Command{
		Use:   "push",
		Short: "Create or update the folder, the ClickHouse data source and the dashboards in Grafana",
		Long: `push makes Grafana hold the Dengar folder, the ClickHouse data source and
every dashboard, by uid. It is idempotent: what already matches is not
written again. The token (a service account token with the Editor or Admin
role) comes from GRAFANA_TOKEN; the ClickHouse password that Grafana will
use from GRAFANA_CLICKHOUSE_PASSWORD, else CLICKHOUSE_PASSWORD.`,
		Example: `  GRAFANA_TOKEN=glsa_... dengar dashboards push --url http://grafana:3000`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			g := cfg.Grafana
			if url != "" {
				g.URL = url
			}
			ds, err := dashboards.All(dashboards.Options{DatasourceUID: g.DatasourceUID})
			if err != nil {
				return err
			}
			password := os.Getenv("GRAFANA_CLICKHOUSE_PASSWORD")
			if password == "" {
				password = cfg.ClickHouse.Password
			}
			secure := map[string]any{}
			if password != "" {
				secure["password"] = password
			}
			spec := dashboards.PushSpec{
				Folder: dashboards.Folder{UID: g.FolderUID, Title: g.FolderTitle},
				DataSource: dashboards.DataSource{
					UID: g.DatasourceUID, Name: g.DatasourceName, Type: dashboards.PluginType, Access: "proxy",
					JSONData: map[string]any{
						"host": g.ClickHouseHost, "port": g.ClickHousePort, "protocol": "native", "secure": false,
						"username": g.ClickHouseUser, "defaultDatabase": g.ClickHouseDatabase,
					},
					SecureJSONData: secure,
				},
				Dashboards: ds,
				Force:      force,
			}
			api, err := dashboards.NewGrafanaAPI(g.URL, os.Getenv("GRAFANA_TOKEN"), nil)
			if err == nil {
				var res dashboards.PushResult
				res, err = dashboards.Push(cmd.Context(), api, spec)
				if err == nil {
					fmt.Fprintf(cmd.OutOrStdout(), "Grafana %s: %d dibuat, %d diperbarui, %d tidak berubah\n",
						g.URL, len(res.Created), len(res.Updated), len(res.Unchanged))
					return nil
				}
			}
			slog.Error("grafana push failed", "url", g.URL, "err", err)
			fmt.Fprintln(cmd.ErrOrStderr(), "dengar:", dashboards.UserMessage(err))
			return errSilent
		},
	}
	push.Flags().StringVar(&url, "url", "", "Grafana base URL (overrides grafana.url)")
	push.Flags().BoolVar(&force, "force", false, "write everything even when it matches (e.g. to rotate the ClickHouse password)")

	cmd.AddCommand(build, push)
	rootCmd.AddCommand(cmd)
}
