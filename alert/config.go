// Package alert is Dengar's alert stage: it watches the stored mentions for
// spikes of hostile, negative and partisan content per scope (the whole
// city, each program, each kecamatan), for threats, for neutrality breaches
// by government accounts and for stalled collectors; it keeps each spike as
// ONE alert that opens, updates and resolves; it explains every alert
// (observed vs expected, top terms, accounts, examples, a buzzer signal, a
// Grafana link) and delivers it in Bahasa Indonesia through Telegram, email,
// webhooks and Slack with a durable outbox. See README.md for the rules and
// their defaults.
package alert

import (
	"fmt"
	"os"
	"time"
)

// Config is the `alerts` section of the configuration.
type Config struct {
	// Interval between evaluations of the live role (default 1m).
	Interval time.Duration `yaml:"interval"`
	// Windows are the sliding windows compared to the baseline (default
	// 5m, 15m, 60m): short ones catch sharp spikes within minutes, the long
	// one slower surges.
	Windows []time.Duration `yaml:"windows"`
	// Families to watch for spikes (default hostile, negative, partisan,
	// threat).
	Families []string `yaml:"families"`
	// Programs and Places add a scope per program and per place (kecamatan)
	// besides the whole city (default true).
	Programs *bool `yaml:"programs"`
	Places   *bool `yaml:"places"`
	// PlacePrefix keeps only places whose id starts with it (default
	// "kec-": kecamatan; "" keeps every place).
	PlacePrefix *string `yaml:"place_prefix"`

	// BaselineWeeks is how many past weeks the hour-of-week baseline looks
	// at (default 4); MinWeeks how many must have data (default 3), else
	// the hour-of-day baseline over the last RecentDays days (default 7,
	// needs MinDays, default 2) is used, else the last 24 hours (needs
	// MinHours, default 6). Before that the scope is still learning.
	BaselineWeeks int `yaml:"baseline_weeks"`
	MinWeeks      int `yaml:"min_weeks"`
	RecentDays    int `yaml:"recent_days"`
	MinDays       int `yaml:"min_days"`
	MinHours      int `yaml:"min_hours"`
	// BaselineSigmas inflates the expected count by this many standard
	// deviations of the baseline beyond Poisson noise (between-week swings
	// from 1.4826 × MAD, plus the error of the median) (default 1).
	BaselineSigmas float64 `yaml:"baseline_sigmas"`
	// MinRatePerHour is the floor of an expected rate (default 0.5 per
	// hour), so that a series that is usually zero does not alert on noise.
	MinRatePerHour float64 `yaml:"min_rate_per_hour"`

	// FireScore is the −log10 Poisson tail probability of the observed
	// count under the (inflated) expected count that opens an alert
	// (default 5, i.e. p < 1e-5); ResolveScore the level under which a
	// spike counts as over (default 2).
	FireScore    float64 `yaml:"fire_score"`
	ResolveScore float64 `yaml:"resolve_score"`
	// MinRatio is the minimum observed/expected ratio (default 1.5) and
	// MinCount the minimum observed count in the window (default 8).
	MinRatio float64 `yaml:"min_ratio"`
	MinCount float64 `yaml:"min_count"`
	// Share signals need at least MinShareTotal mentions in the window
	// (default 30) and a share at least ShareMinDelta above the baseline
	// share (default 0.15).
	MinShareTotal float64 `yaml:"min_share_total"`
	ShareMinDelta float64 `yaml:"share_min_delta"`

	// EWMA drift on shares, evaluated hourly: alpha per hour (default
	// 0.15); alerts when the smoothed share exceeds the share of the
	// previous DriftDays (default 7) by DriftMinDelta (default 0.10) and
	// by DriftMinRatio (default 1.6) for DriftHours hours in a row (default
	// 3), with at least DriftMinPerHour mentions per hour on average
	// (default 10).
	EWMAAlpha       float64 `yaml:"ewma_alpha"`
	DriftHours      int     `yaml:"drift_hours"`
	DriftDays       int     `yaml:"drift_days"`
	DriftMinDelta   float64 `yaml:"drift_min_delta"`
	DriftMinRatio   float64 `yaml:"drift_min_ratio"`
	DriftMinPerHour float64 `yaml:"drift_min_per_hour"`

	// ResolveAfter: an alert resolves after this long below ResolveScore
	// (default 15m). Cooldown: a spike of the same key within this long
	// after a resolve reopens the same alert instead of a new one (default
	// 60m). MergeShare: a city-wide alert is folded into an open alert of
	// a program or place of the same family (and vice versa) when the
	// narrower scope carries at least this share of the excess (default 0.3).
	ResolveAfter time.Duration `yaml:"resolve_after"`
	Cooldown     time.Duration `yaml:"cooldown"`
	MergeShare   float64       `yaml:"merge_share"`

	// ThreatMin threats within ThreatWindow open a threat alert (defaults
	// 1 and 15m): every threat matters.
	ThreatMin    float64       `yaml:"threat_min"`
	ThreatWindow time.Duration `yaml:"threat_window"`
	// BreachLookback is how far back the live role looks for neutrality
	// breaches not yet alerted (default 72h).
	BreachLookback time.Duration `yaml:"breach_lookback"`

	// Collectors: a collector with no successful pass within StaleAfter
	// (default 30m; per collector in StaleAfterBy) is stale.
	StaleAfter   time.Duration            `yaml:"stale_after"`
	StaleAfterBy map[string]time.Duration `yaml:"stale_after_by"`

	// Buzzer signal: accounts with fewer than BuzzerMaxFollowers followers
	// (default 100) or created less than BuzzerMaxAge before the post
	// (default 720h) posting near-identical text (SimHash distance ≤ 5)
	// within BuzzerWindow (default 10m), in groups of at least 3 accounts.
	BuzzerMaxFollowers int64         `yaml:"buzzer_max_followers"`
	BuzzerMaxAge       time.Duration `yaml:"buzzer_max_age"`
	BuzzerWindow       time.Duration `yaml:"buzzer_window"`

	// Grafana links alerts to dashboards: URL of Grafana and dashboard uid
	// per family (defaults in README.md).
	Grafana GrafanaConfig `yaml:"grafana"`

	// Notify configures the channels and the outbox.
	Notify NotifyConfig `yaml:"notify"`

	// Names maps catalog ids (programs, places, institutions, political
	// actors) to their display names, for the messages; set from the
	// catalog by the configuration, not from the file.
	Names map[string]string `yaml:"-"`
}

// GrafanaConfig locates the dashboards an alert links to.
type GrafanaConfig struct {
	URL        string            `yaml:"url"`
	Dashboards map[string]string `yaml:"dashboards"`
}

// NotifyConfig configures the notification channels. Secrets come from the
// environment: TELEGRAM_BOT_TOKEN, SMTP_USERNAME, SMTP_PASSWORD,
// DENGAR_WEBHOOK_SECRET, SLACK_WEBHOOK_URL.
type NotifyConfig struct {
	Telegram TelegramConfig `yaml:"telegram"`
	Email    EmailConfig    `yaml:"email"`
	Webhook  WebhookConfig  `yaml:"webhook"`
	Slack    SlackConfig    `yaml:"slack"`
	// MinSeverity filters notifications (default "low": everything).
	MinSeverity string `yaml:"min_severity"`
	// RetryBase and RetryMax bound the exponential backoff of failed
	// deliveries (defaults 10s and 15m). Deliveries are retried until
	// delivered; only permanent errors (bad token, unknown chat) stop them,
	// as state "failed" in alert_deliveries.
	RetryBase time.Duration `yaml:"retry_base"`
	RetryMax  time.Duration `yaml:"retry_max"`
}

// TelegramConfig: Bot API sendMessage to ChatIDs.
type TelegramConfig struct {
	ChatIDs []string `yaml:"chat_ids"`
	// APIURL defaults to https://api.telegram.org.
	APIURL string `yaml:"api_url"`
	Token  string `yaml:"-"` // TELEGRAM_BOT_TOKEN
}

// EmailConfig: SMTP with STARTTLS and AUTH PLAIN.
type EmailConfig struct {
	Addr string   `yaml:"addr"` // host:port, e.g. smtp.example.id:587
	From string   `yaml:"from"`
	To   []string `yaml:"to"`
	// TLS is "starttls" (default, required), "tls" (implicit) or "none"
	// (local relays only).
	TLS      string `yaml:"tls"`
	Username string `yaml:"-"` // SMTP_USERNAME
	Password string `yaml:"-"` // SMTP_PASSWORD
}

// WebhookConfig: JSON POST signed with X-Dengar-Signature.
type WebhookConfig struct {
	URL    string `yaml:"url"`
	Secret string `yaml:"-"` // DENGAR_WEBHOOK_SECRET
}

// SlackConfig: a Slack-compatible incoming webhook.
type SlackConfig struct {
	URL string `yaml:"-"` // SLACK_WEBHOOK_URL
}

func bptr(b bool) *bool     { return &b }
func sptr(s string) *string { return &s }
func durOr(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
func fOr(v, def float64) float64 {
	if v <= 0 {
		return def
	}
	return v
}
func iOr(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

// Defaults fills unset fields (see README.md) and reads secrets from the
// environment.
func (c *Config) Defaults() {
	c.Interval = durOr(c.Interval, time.Minute)
	if len(c.Windows) == 0 {
		c.Windows = []time.Duration{5 * time.Minute, 15 * time.Minute, 60 * time.Minute}
	}
	if len(c.Families) == 0 {
		c.Families = []string{FamilyHostile, FamilyNegative, FamilyPartisan, FamilyThreat}
	}
	if c.Programs == nil {
		c.Programs = bptr(true)
	}
	if c.Places == nil {
		c.Places = bptr(true)
	}
	if c.PlacePrefix == nil {
		c.PlacePrefix = sptr("kec-")
	}
	c.BaselineWeeks = iOr(c.BaselineWeeks, 4)
	c.MinWeeks = iOr(c.MinWeeks, 3)
	c.RecentDays = iOr(c.RecentDays, 7)
	c.MinDays = iOr(c.MinDays, 2)
	c.MinHours = iOr(c.MinHours, 6)
	c.BaselineSigmas = fOr(c.BaselineSigmas, 1)
	c.MinRatePerHour = fOr(c.MinRatePerHour, 0.5)
	c.FireScore = fOr(c.FireScore, 5)
	c.ResolveScore = fOr(c.ResolveScore, 2)
	c.MinRatio = fOr(c.MinRatio, 1.5)
	c.MinCount = fOr(c.MinCount, 8)
	c.MinShareTotal = fOr(c.MinShareTotal, 30)
	c.ShareMinDelta = fOr(c.ShareMinDelta, 0.15)
	c.EWMAAlpha = fOr(c.EWMAAlpha, 0.15)
	c.DriftDays = iOr(c.DriftDays, 7)
	c.DriftHours = iOr(c.DriftHours, 3)
	c.DriftMinDelta = fOr(c.DriftMinDelta, 0.10)
	c.DriftMinRatio = fOr(c.DriftMinRatio, 1.6)
	c.DriftMinPerHour = fOr(c.DriftMinPerHour, 10)
	c.ResolveAfter = durOr(c.ResolveAfter, 15*time.Minute)
	c.Cooldown = durOr(c.Cooldown, 60*time.Minute)
	c.MergeShare = fOr(c.MergeShare, 0.3)
	c.ThreatMin = fOr(c.ThreatMin, 1)
	c.ThreatWindow = durOr(c.ThreatWindow, 15*time.Minute)
	c.BreachLookback = durOr(c.BreachLookback, 72*time.Hour)
	c.StaleAfter = durOr(c.StaleAfter, 30*time.Minute)
	if c.BuzzerMaxFollowers <= 0 {
		c.BuzzerMaxFollowers = 100
	}
	c.BuzzerMaxAge = durOr(c.BuzzerMaxAge, 720*time.Hour)
	c.BuzzerWindow = durOr(c.BuzzerWindow, 10*time.Minute)
	if c.Grafana.URL == "" {
		c.Grafana.URL = "http://localhost:3000"
	}
	if c.Grafana.Dashboards == nil {
		c.Grafana.Dashboards = map[string]string{}
	}
	for f, uid := range defaultDashboards {
		if c.Grafana.Dashboards[f] == "" {
			c.Grafana.Dashboards[f] = uid
		}
	}
	n := &c.Notify
	if n.MinSeverity == "" {
		n.MinSeverity = SeverityLow
	}
	n.RetryBase = durOr(n.RetryBase, 10*time.Second)
	n.RetryMax = durOr(n.RetryMax, 15*time.Minute)
	if n.Telegram.APIURL == "" {
		n.Telegram.APIURL = "https://api.telegram.org"
	}
	if n.Telegram.Token == "" {
		n.Telegram.Token = os.Getenv("TELEGRAM_BOT_TOKEN")
	}
	if n.Email.TLS == "" {
		n.Email.TLS = "starttls"
	}
	if n.Email.Username == "" {
		n.Email.Username = os.Getenv("SMTP_USERNAME")
	}
	if n.Email.Password == "" {
		n.Email.Password = os.Getenv("SMTP_PASSWORD")
	}
	if n.Webhook.Secret == "" {
		n.Webhook.Secret = os.Getenv("DENGAR_WEBHOOK_SECRET")
	}
	if n.Slack.URL == "" {
		n.Slack.URL = os.Getenv("SLACK_WEBHOOK_URL")
	}
}

// Validate reports configuration errors.
func (c *Config) Validate() error {
	for _, f := range c.Families {
		switch f {
		case FamilyHostile, FamilyNegative, FamilyPartisan, FamilyThreat:
		default:
			return fmt.Errorf("alerts.families: unknown family %q (hostile, negative, partisan, threat)", f)
		}
	}
	for _, w := range c.Windows {
		if w < time.Minute || w%time.Minute != 0 {
			return fmt.Errorf("alerts.windows: %s is not a whole number of minutes", w)
		}
	}
	if _, ok := severityRank[c.Notify.MinSeverity]; !ok {
		return fmt.Errorf("alerts.notify.min_severity: %q is not low, medium, high or critical", c.Notify.MinSeverity)
	}
	switch c.Notify.Email.TLS {
	case "starttls", "tls", "none":
	default:
		return fmt.Errorf("alerts.notify.email.tls: %q is not starttls, tls or none", c.Notify.Email.TLS)
	}
	return nil
}

// defaultDashboards are the Grafana dashboard uids per family (the uids of
// dashboards/: dengar-ringkasan, -bermusuhan, -netralitas, -program,
// -sumber).
var defaultDashboards = map[string]string{
	FamilyHostile:  "dengar-bermusuhan",
	FamilyThreat:   "dengar-bermusuhan",
	FamilyNegative: "dengar-ringkasan",
	FamilyPartisan: "dengar-netralitas",
	FamilyBreach:   "dengar-netralitas",
	FamilyStale:    "dengar-sumber",
}
