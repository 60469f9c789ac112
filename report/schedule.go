package report

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/notify"
	"github.com/dengar-id/dengar/store"
)

var (
	metricSent = promauto.NewCounter(prometheus.CounterOpts{
		Name: "dengar_report_emails_sent_total",
		Help: "Weekly reports delivered by e-mail.",
	})
	metricSendErrors = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_report_email_errors_total",
		Help: "Failed weekly report deliveries (retried later), by kind: auth, other.",
	}, []string{"kind"})
)

// Config is the `report` section of the configuration.
type Config struct {
	// OutDir keeps a copy of every report and the record of sent weeks.
	OutDir string `yaml:"out_dir"`
	// Lang is id (default) or en.
	Lang string `yaml:"lang"`
	// Weekday and Time (HH:MM, WITA) of the weekly delivery: by default
	// Monday 07:00, for the week that ended at midnight.
	Weekday string `yaml:"weekday"`
	Time    string `yaml:"time"`
	// RetryEvery is the wait after a failed delivery (default 15 min).
	RetryEvery time.Duration `yaml:"retry_every"`
	// SMTP is how the report is e-mailed.
	SMTP SMTPConfig `yaml:"smtp"`
	// Names maps catalog ids to human names (filled from the catalog by
	// the command, not from this section).
	Names map[string]string `yaml:"-"`
}

// Defaults fills unset fields.
func (c *Config) Defaults() {
	if c.OutDir == "" {
		c.OutDir = "reports"
	}
	if c.Lang == "" {
		c.Lang = LangID
	}
	if c.Weekday == "" {
		c.Weekday = "monday"
	}
	if c.Time == "" {
		c.Time = "07:00"
	}
	if c.RetryEvery <= 0 {
		c.RetryEvery = 15 * time.Minute
	}
	c.SMTP.Defaults()
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"minggu": time.Sunday, "senin": time.Monday, "selasa": time.Tuesday, "rabu": time.Wednesday,
	"kamis": time.Thursday, "jumat": time.Friday, "sabtu": time.Saturday,
}

// sendOffset is how long after the week's end (Monday 00:00 WITA) the
// delivery is due.
func (c *Config) sendOffset() (time.Duration, error) {
	wd, ok := weekdays[strings.ToLower(c.Weekday)]
	if !ok {
		return 0, fmt.Errorf("report weekday %q: want monday … sunday", c.Weekday)
	}
	t, err := time.Parse("15:04", c.Time)
	if err != nil {
		return 0, fmt.Errorf("report time %q: want HH:MM (WITA)", c.Time)
	}
	days := (int(wd) - int(time.Monday) + 7) % 7
	return time.Duration(days)*24*time.Hour + time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

// Scheduler generates and e-mails the weekly report at the configured time.
// A delivery missed while the process was down is made once at start-up
// (the latest due week only). Sent weeks are recorded in OutDir/sent.json,
// so a restart never sends a week twice.
type Scheduler struct {
	db     *store.DB
	cfg    Config
	offset time.Duration
	now    func() time.Time
	mu     sync.Mutex
}

// SchedulerOption tunes a Scheduler.
type SchedulerOption func(*Scheduler)

// WithClock replaces clock.Now (tests).
func WithClock(now func() time.Time) SchedulerOption {
	return func(s *Scheduler) { s.now = now }
}

// Validate checks the schedule and e-mail settings (after Defaults).
func (c *Config) Validate() error {
	if _, err := c.sendOffset(); err != nil {
		return err
	}
	if _, err := newLang(c.Lang); err != nil {
		return err
	}
	return c.SMTP.Validate()
}

// NewScheduler checks cfg and returns a scheduler reading from db.
func NewScheduler(db *store.DB, cfg Config, opts ...SchedulerOption) (*Scheduler, error) {
	cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	off, _ := cfg.sendOffset()
	s := &Scheduler{db: db, cfg: cfg, offset: off, now: clock.Now}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// DueAt is when week w's report is due.
func (s *Scheduler) DueAt(w Week) time.Time { return w.End().Add(s.offset) }

// Due returns the latest week whose delivery time has passed at now.
func (s *Scheduler) Due(now time.Time) Week {
	w := LastCompleteWeek(now)
	for s.DueAt(w).After(now) {
		w = w.Prev()
	}
	return w
}

// Run delivers due reports until ctx ends: first the latest due week if
// it was never sent (a missed run), then every week at the configured time.
// Failed deliveries are retried every RetryEvery.
func (s *Scheduler) Run(ctx context.Context) error {
	slog.Info("report scheduler started", "weekday", s.cfg.Weekday, "time", s.cfg.Time+" WITA", "recipients", len(s.cfg.SMTP.To), "out_dir", s.cfg.OutDir)
	for {
		now := s.now()
		w := s.Due(now)
		wait := s.DueAt(w.Next()).Sub(now)
		sent, err := s.Sent(w)
		if err != nil {
			return err
		}
		if !sent {
			if err := s.RunOnce(ctx, w); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				slog.Error("weekly report delivery failed; will retry", "week", w.String(), "retry_in", s.cfg.RetryEvery, "err", err)
				wait = min(wait, s.cfg.RetryEvery)
			}
		}
		wait = max(wait, time.Second)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// RunOnce generates week w's report, keeps the copy in OutDir, e-mails it
// and records the week as sent. Nothing is recorded when delivery fails.
func (s *Scheduler) RunOnce(ctx context.Context, w Week) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	out, err := Generate(ctx, s.db, w, Options{Lang: s.cfg.Lang, Names: s.cfg.Names})
	if err != nil {
		return err
	}
	base := FileBase(w, s.cfg.Lang)
	_, pdfPath, err := writeFiles(s.cfg.OutDir, base, out)
	if err != nil {
		return err
	}
	msg, err := EmailFor(out, base+".pdf")
	if err != nil {
		return err
	}
	if err := s.cfg.SMTP.Send(ctx, msg); err != nil {
		kind := "other"
		if errors.Is(err, notify.ErrAuth) {
			kind = "auth"
		}
		metricSendErrors.WithLabelValues(kind).Inc()
		return fmt.Errorf("send report %s: %w", w, err)
	}
	metricSent.Inc()
	if err := s.markSent(w, pdfPath); err != nil {
		return err
	}
	slog.Info("weekly report sent", "week", w.String(), "recipients", len(s.cfg.SMTP.To), "pdf", pdfPath)
	return nil
}

// SentRecord is one delivered week in OutDir/sent.json.
type SentRecord struct {
	Week       string    `json:"week"`
	SentAt     time.Time `json:"sent_at"`
	Recipients []string  `json:"recipients"`
	PDF        string    `json:"pdf"`
}

func (s *Scheduler) recordPath() string { return filepath.Join(s.cfg.OutDir, "sent.json") }

func (s *Scheduler) records() ([]SentRecord, error) {
	b, err := os.ReadFile(s.recordPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sent record: %w", err)
	}
	var rs []SentRecord
	if err := json.Unmarshal(b, &rs); err != nil {
		return nil, fmt.Errorf("sent record %s is corrupt: %w", s.recordPath(), err)
	}
	return rs, nil
}

// Sent says whether week w was delivered.
func (s *Scheduler) Sent(w Week) (bool, error) {
	rs, err := s.records()
	if err != nil {
		return false, err
	}
	for _, r := range rs {
		if r.Week == w.String() {
			return true, nil
		}
	}
	return false, nil
}

func (s *Scheduler) markSent(w Week, pdf string) error {
	rs, err := s.records()
	if err != nil {
		return err
	}
	rs = append(rs, SentRecord{Week: w.String(), SentAt: s.now().UTC(), Recipients: s.cfg.SMTP.To, PDF: pdf})
	sort.Slice(rs, func(i, j int) bool { return rs[i].Week < rs[j].Week })
	b, err := json.MarshalIndent(rs, "", "  ")
	if err != nil {
		return fmt.Errorf("sent record: %w", err)
	}
	if err := os.MkdirAll(s.cfg.OutDir, 0o755); err != nil {
		return fmt.Errorf("sent record: %w", err)
	}
	return writeAtomic(s.recordPath(), append(b, '\n'))
}
