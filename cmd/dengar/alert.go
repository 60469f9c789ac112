package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

func init() {
	cmd := &cobra.Command{
		Use:   "alert",
		Short: "Run the alert role: spike, neutrality-breach and collector alerts with notifications",
		Long: `alert evaluates the alert rules every alerts.interval (one minute) against
ClickHouse: spikes of hostile, negative and partisan content per city,
program and kecamatan, threats, neutrality breaches by government accounts
and stalled collectors. Every alert is recorded in the alerts table and
delivered in Bahasa Indonesia to the configured channels (Telegram, email,
webhook, Slack) through a durable outbox (alert_deliveries). Secrets come
from TELEGRAM_BOT_TOKEN, SMTP_USERNAME, SMTP_PASSWORD, DENGAR_WEBHOOK_SECRET
and SLACK_WEBHOOK_URL.`,
		Example: `  dengar alert --clickhouse clickhouse:9000
  dengar alert backfill --from 2026-11-19T00:00:00Z --to 2026-11-20T00:00:00Z
  dengar alert eval --weeks 4`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			ac := cfg.Alerts
			ns, err := alert.Notifiers(ac.Notify, nil)
			if err != nil {
				return fmt.Errorf("alert notifiers: %w", err)
			}
			if err := serveMetrics(ctx, flagMetricsAddr); err != nil {
				return err
			}
			db, err := openMigrated(ctx, cfg, "alert")
			if err != nil {
				return err
			}
			defer db.Close()
			slog.Info("alert role starting", "clickhouse", cfg.ClickHouse.Addr, "interval", ac.Interval)
			markStarted()
			return alert.Run(ctx, db, ac, alert.WithNotifiers(ns...))
		},
	}
	addRoleFlags(cmd)

	var from, to string
	var asJSON bool
	backfill := &cobra.Command{
		Use:   "backfill",
		Short: "Evaluate the alert rules over a past range and print the alerts (no notifications)",
		Long: `backfill replays the rules minute by minute over [--from, --to) as if the
alert role had run then, and prints the alerts it would have raised. Without
--from/--to it covers every stored mention. Nothing is recorded or sent.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			ac := cfg.Alerts
			db, err := store.Open(ctx, cfg.ClickHouse)
			if err != nil {
				return err
			}
			defer db.Close()
			f, t, err := backfillRange(ctx, db, from, to)
			if err != nil {
				return err
			}
			as, err := alert.EvaluateRange(ctx, db, f, t, ac)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				for i := range as {
					if err := enc.Encode(alert.MarshalAlert(&as[i])); err != nil {
						return err
					}
				}
				return nil
			}
			alert.PrintAlerts(cmd.OutOrStdout(), as)
			return nil
		},
	}
	backfill.Flags().StringVar(&from, "from", "", "start (RFC 3339; default: the oldest stored mention)")
	backfill.Flags().StringVar(&to, "to", "", "end (RFC 3339; default: just after the newest stored mention)")
	backfill.Flags().BoolVar(&asJSON, "json", false, "print the alerts as JSON lines")
	backfill.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")

	var ef alertEvalFlags
	eval := &cobra.Command{
		Use:   "eval",
		Short: "Measure detection on simulated weeks with injected spikes (same as `dengar eval --task alerts`)",
		Long: `eval simulates weeks of mentions with daily seasonality, injects hostile
spikes of several sizes, runs the alert rules minute by minute and reports
the recall per spike size, the false alerts per week on the quiet stream
and the median detection latency. Each evaluated week is then replayed once
per stress kind (--stress): a flood week full of angry complaints, a
campaign week of kotak kosong slogans, neither hostile in truth; every
hostile-spike alert there is false.

By default the detector sees the simulator's truth tags. With --models the
embedded models and catalog (the analyzer stage's pipeline) tag every
simulated text first, as a city sees its stream; the report then lists the
stress texts the models tagged hostile (check them with dengar tag
--explain). The last line is recall_3x=… false_per_week=…
median_latency_3x=… flood_hostile_false_per_week=…
campaign_hostile_false_per_week=….`,
		Example: `  dengar alert eval --weeks 4
  dengar alert eval --models
  dengar alert eval --models --stress flood --warmup-weeks 2 --weeks 1
  dengar alert eval --sizes 2,3 --fire-score 4 --seed 7`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return evalAlerts(cmd.Context(), cmd.OutOrStdout(), ef)
		},
	}
	addAlertEvalFlags(eval.Flags(), &ef)

	testNotify := &cobra.Command{
		Use:   "test-notify",
		Short: "Send a test message to every configured channel",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			ac := cfg.Alerts
			ns, err := alert.Notifiers(ac.Notify, nil)
			if err != nil {
				return err
			}
			if len(ns) == 0 {
				return fmt.Errorf("no channel configured: set alerts.notify.* and the secrets in the environment")
			}
			now := clock.Now().UTC()
			ev := alert.Event{Type: alert.EventOpened, Notify: true, Alert: alert.Alert{
				ID: "uji|" + now.Format("20060102T150405"), Family: alert.FamilyHostile, Scope: store.ScopeAll,
				State: alert.StateFiring, Severity: alert.SeverityLow, OpenedAt: now, UpdatedAt: now, Version: 1,
				WindowFrom: now.Add(-15 * time.Minute), WindowTo: now, Signals: []string{alert.SignalCount},
			}}
			var failed int
			for _, n := range ns {
				m := alert.Render(&ev, ev.Alert.ID+"/"+n.Channel())
				m.Subject = "[UJI] " + m.Subject
				if err := n.Send(cmd.Context(), m); err != nil {
					failed++
					fmt.Fprintf(cmd.OutOrStdout(), "%-9s GAGAL: %v\n", n.Channel(), err)
					continue
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%-9s terkirim\n", n.Channel())
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d channels failed", failed, len(ns))
			}
			return nil
		},
	}
	cmd.AddCommand(backfill, eval, testNotify)
	rootCmd.AddCommand(cmd)
}

func backfillRange(ctx context.Context, db *store.DB, from, to string) (time.Time, time.Time, error) {
	var f, t time.Time
	var err error
	if from != "" {
		if f, err = time.Parse(time.RFC3339, from); err != nil {
			return f, t, fmt.Errorf("--from: %w", err)
		}
	}
	if to != "" {
		if t, err = time.Parse(time.RFC3339, to); err != nil {
			return f, t, fmt.Errorf("--to: %w", err)
		}
	}
	if f.IsZero() || t.IsZero() {
		first, last, ok, err := db.MentionTimeRange(ctx)
		if err != nil {
			return f, t, err
		}
		if !ok {
			return f, t, fmt.Errorf("no mentions stored: nothing to evaluate")
		}
		if f.IsZero() {
			f = first
		}
		if t.IsZero() {
			t = last.Add(2 * time.Hour) // let the last alerts resolve
		}
	}
	if !t.After(f) {
		return f, t, fmt.Errorf("--to %s is not after --from %s", t, f)
	}
	return f, t, nil
}
