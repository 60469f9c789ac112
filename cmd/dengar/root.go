package main

import (
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Global flags, shared by every subcommand.
var (
	flagConfig   string
	flagLogLevel string
)

// rootCmd is the `dengar` command. Subcommands register themselves from
// their own files with rootCmd.AddCommand in an init function.
var rootCmd = &cobra.Command{
	Use:   "dengar",
	Short: "Social listening and sentiment analytics for Samarinda",
	Long: `Dengar collects public mentions of Samarinda's programs, tags them for
sentiment, hostility and partisanship in Indonesian and Banjar, stores them in
ClickHouse and feeds Grafana dashboards, weekly reports and alerts.`,
	Example: `  dengar run                       # the whole pipeline on one machine
  dengar --config dengar.yaml sink  # one role, for scaling out`,
	SilenceUsage:  true,
	SilenceErrors: true,
	PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
		return setupLogging(flagLogLevel)
	},
}

func init() {
	rootCmd.PersistentFlags().StringVar(&flagConfig, "config", os.Getenv("DENGAR_CONFIG"), "YAML configuration file (default: the embedded configuration; env DENGAR_CONFIG)")
	rootCmd.PersistentFlags().StringVar(&flagLogLevel, "log-level", "info", "log level: debug, info, warn, error")
}

func setupLogging(level string) error {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		return fmt.Errorf("--log-level %q: %w", level, err)
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: l})))
	return nil
}
