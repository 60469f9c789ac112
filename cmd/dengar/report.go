package main

import (
	"context"
	"fmt"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/report"
	"github.com/dengar-id/dengar/store"
)

// reportConfig is the `report` section with the display names of
// programs, places, agencies and political actors from the catalog.
func reportConfig(cfg *appConfig) (report.Config, error) {
	rc := cfg.Report
	rc.Names = catalogNames(cfg)
	return rc, nil
}

// catalogNames maps catalog ids to their human names.
func catalogNames(cfg *appConfig) map[string]string { return cfg.Names() }

func init() {
	parent := &cobra.Command{
		Use:   "report",
		Short: "Weekly leadership report (HTML + PDF) and its e-mail schedule",
		Example: `  dengar report weekly --week 2026-W47 --out reports
  dengar report serve-schedule`,
	}

	var week, out, lang string
	var originalLinks bool
	weekly := &cobra.Command{
		Use:   "weekly",
		Short: "Write the weekly report of one ISO week (WITA) as HTML and PDF",
		Long: `weekly reads ClickHouse and writes a self-contained HTML page and an A4 PDF
of the same content: executive summary, trends per program, rising issues,
spikes of hostile content, neutrality breaches, sources and accounts, and
methodology notes. Weeks run Monday to Sunday in WITA (Asia/Makassar); the
default is the last complete week. A week that has not begun is refused;
the current week is reported as far as it goes, marked unfinished.

Posts link to their public form, without the citizen's handle; a post
whose platform has no such link has none (README.md, Privasi).
--original-links, for authorised readers only, links those posts to the
original (restricted_url) and says so in the report.`,
		Example: `  dengar report weekly
  dengar report weekly --week 2026-W47 --out reports --lang en`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			rc, err := reportConfig(cfg)
			if err != nil {
				return err
			}
			if out == "" {
				out = rc.OutDir
			}
			if lang == "" {
				lang = rc.Lang
			}
			db, err := store.Open(cmd.Context(), cfg.ClickHouse)
			if err != nil {
				return err
			}
			defer db.Close()
			htmlPath, pdfPath, err := report.WriteWeekly(cmd.Context(), db, report.WriteOptions{Week: week, OutDir: out, Lang: lang, Options: report.Options{Names: rc.Names, OriginalLinks: originalLinks}})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\n%s\n", htmlPath, pdfPath)
			return nil
		},
	}
	weekly.Flags().StringVar(&week, "week", "", "ISO week, e.g. 2026-W47 (default: the last complete week in WITA)")
	weekly.Flags().StringVar(&out, "out", "", "output folder (default: report.out_dir)")
	weekly.Flags().StringVar(&lang, "lang", "", "language: id or en (default: report.lang)")
	weekly.Flags().BoolVar(&originalLinks, "original-links", false, "authorised use only: link posts whose public link would name a citizen to the original (restricted_url)")
	weekly.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")

	var metricsAddr string
	serve := &cobra.Command{
		Use:   "serve-schedule",
		Short: "E-mail the weekly report at the configured time, every week",
		Long: `serve-schedule runs until interrupted. Every week at report.weekday and
report.time (WITA) it writes the last week's report into report.out_dir and
e-mails the PDF to report.smtp.to over SMTP with STARTTLS and AUTH. The SMTP
credentials come from SMTP_USERNAME and SMTP_PASSWORD. A delivery missed
while the process was down is made once at start-up; failed deliveries are
retried every report.retry_every.`,
		Example: `  SMTP_USERNAME=dengar SMTP_PASSWORD=... dengar report serve-schedule --config dengar.yaml`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			rc, err := reportConfig(cfg)
			if err != nil {
				return err
			}
			if err := rc.Validate(); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			if err := serveMetrics(ctx, metricsAddr); err != nil {
				return err
			}
			var db *store.DB
			if err := untilUp(ctx, "report", "clickhouse", func(ctx context.Context) (err error) {
				db, err = store.Open(ctx, cfg.ClickHouse)
				return err
			}); err != nil {
				return err
			}
			defer db.Close()
			s, err := report.NewScheduler(db, rc)
			if err != nil {
				return err
			}
			markStarted()
			return s.Run(ctx)
		},
	}
	serve.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")
	serve.Flags().StringVar(&metricsAddr, "metrics-addr", "127.0.0.1:9467", metricsAddrUsage)

	parent.AddCommand(weekly, serve)
	rootCmd.AddCommand(parent)
}

// writeLatestReport writes the report of the week of the newest stored
// mention (what `make run` shows at the end of the demo) and returns the
// paths.
func writeLatestReport(ctx context.Context, cfg *appConfig, db *store.DB) (htmlPath, pdfPath string, err error) {
	rc, err := reportConfig(cfg)
	if err != nil {
		return "", "", err
	}
	return report.WriteWeekly(ctx, db, report.WriteOptions{OutDir: rc.OutDir, Lang: rc.Lang, LatestData: true, Options: report.Options{Names: rc.Names}})
}
