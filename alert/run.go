package alert

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"time"

	"github.com/dengar-id/dengar/backoff"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/health"
	"github.com/dengar-id/dengar/notify"
	"github.com/dengar-id/dengar/store"
)

// Notifiers builds the channels cfg configures: Telegram when a token and
// chat ids are set, email when an SMTP address is set, the webhook when a
// URL is set, Slack when SLACK_WEBHOOK_URL is set.
func Notifiers(cfg NotifyConfig, client *http.Client) ([]notify.Notifier, error) {
	var out []notify.Notifier
	if len(cfg.Telegram.ChatIDs) > 0 || cfg.Telegram.Token != "" {
		t, err := notify.NewTelegram(cfg.Telegram.APIURL, cfg.Telegram.Token, cfg.Telegram.ChatIDs, client)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	if cfg.Email.Addr != "" {
		e, err := notify.NewEmail(cfg.Email.Addr, cfg.Email.From, cfg.Email.To, cfg.Email.TLS, notify.WithAuth(cfg.Email.Username, cfg.Email.Password))
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if cfg.Webhook.URL != "" {
		w, err := notify.NewWebhook(cfg.Webhook.URL, cfg.Webhook.Secret, client)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	if cfg.Slack.URL != "" {
		s, err := notify.NewSlack(cfg.Slack.URL, client)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Record converts an alert to its alerts-table row.
func Record(a *Alert) store.AlertRecord {
	expl := ""
	if a.Explanation != nil {
		b, _ := json.Marshal(a.Explanation)
		expl = string(b)
	}
	scopeKind, scopeID := "all", ""
	if i := indexByte(a.Scope, ':'); i > 0 {
		scopeKind, scopeID = a.Scope[:i], a.Scope[i+1:]
	}
	if a.Collector != "" {
		scopeKind, scopeID = "collector", a.Collector
	}
	return store.AlertRecord{
		ID: a.ID, Key: a.Key, Family: a.Family, Signals: a.Signals, ScopeKind: scopeKind, ScopeID: scopeID,
		RelatedScopes: a.Related, State: a.State, Severity: a.Severity, OpenedAt: a.OpenedAt, UpdatedAt: a.UpdatedAt,
		ResolvedAt: a.ResolvedAt, WindowFrom: a.WindowFrom, WindowTo: a.WindowTo,
		Observed: finite(a.Observed), Expected: finite(a.Expected), Ratio: finite(a.Ratio), Score: finite(a.Score),
		Baseline: a.Baseline, MentionID: a.MentionID, Title: Title(a), Summary: summary(a), Explanation: expl,
		GrafanaURL: a.GrafanaURL, Version: a.Version, SpanFrom: a.SpanFrom, SpanTo: a.SpanTo, SpanCount: int64(a.SpanCount),
	}
}

// DemoPrefix starts the id of an alert recorded from the demo data.
const DemoPrefix = "demo:"

// DemoRecord is Record for an alert replayed over the demo data (`make
// run`): recorded so that the dashboards show it, marked as demo data in
// its id, key, title and summary, and never notified.
func DemoRecord(a *Alert) store.AlertRecord {
	r := Record(a)
	r.ID, r.Key = DemoPrefix+r.ID, DemoPrefix+r.Key
	r.Title += " (demo)"
	r.Summary = "Data demo, diputar ulang dan tidak dikirim. " + r.Summary
	return r
}

func indexByte(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return -1
}

func summary(a *Alert) string {
	ev := Event{Type: EventUpdated, Alert: *a}
	ls := body(&ev)
	if len(ls) > 1 {
		return ls[1].text
	}
	return ""
}

// FromRecord rebuilds an alert from its row (restart of the live role).
func FromRecord(r store.AlertRecord) Alert {
	a := Alert{
		ID: r.ID, Key: r.Key, Family: r.Family, Signals: r.Signals, Scope: store.ScopeAll, Related: r.RelatedScopes,
		State: r.State, Severity: r.Severity, OpenedAt: r.OpenedAt, UpdatedAt: r.UpdatedAt, ResolvedAt: r.ResolvedAt,
		WindowFrom: r.WindowFrom, WindowTo: r.WindowTo, Observed: r.Observed, Expected: r.Expected, Ratio: r.Ratio,
		Score: r.Score, Baseline: r.Baseline, MentionID: r.MentionID, GrafanaURL: r.GrafanaURL, Version: r.Version,
		SpanFrom: r.SpanFrom, SpanTo: r.SpanTo, SpanCount: int(r.SpanCount),
	}
	switch r.ScopeKind {
	case "program", "place":
		a.Scope = r.ScopeKind + ":" + r.ScopeID
	case "collector":
		a.Collector = r.ScopeID
	}
	if r.Explanation != "" {
		var x Explanation
		if json.Unmarshal([]byte(r.Explanation), &x) == nil {
			a.Explanation = &x
		}
	}
	if a.ResolvedAt.Unix() <= 0 {
		a.ResolvedAt = time.Time{}
	}
	return a
}

// EvaluateRange runs the rules over the past range [from, to) in steps of
// cfg.Interval (one minute by default), as if the live role had run then,
// and returns every alert raised, in its final state, oldest first. It
// neither records nor notifies. `make run` calls it after loading the
// demo corpus.
func EvaluateRange(ctx context.Context, db Data, from, to time.Time, cfg Config, opts ...EngineOption) ([]Alert, error) {
	byID := map[string]Alert{}
	err := ReplayRange(ctx, db, from, to, cfg, func(_ time.Time, ev Event) {
		byID[ev.Alert.ID] = ev.Alert
	}, opts...)
	if err != nil {
		return nil, err
	}
	out := make([]Alert, 0, len(byID))
	for _, a := range byID {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].OpenedAt.Equal(out[j].OpenedAt) {
			return out[i].OpenedAt.Before(out[j].OpenedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// ReplayRange is EvaluateRange with every event passed to fn, with the
// time of the step that produced it.
func ReplayRange(ctx context.Context, db Data, from, to time.Time, cfg Config, fn func(now time.Time, ev Event), opts ...EngineOption) error {
	cfg.Defaults()
	e, err := NewEngine(cfg, db, opts...)
	if err != nil {
		return err
	}
	from, to = from.UTC().Truncate(time.Minute), to.UTC()
	if err := e.Preload(ctx, from, to); err != nil {
		return err
	}
	step := max(cfg.Interval, time.Minute)
	for t := from.Add(step); !t.After(to); t = t.Add(step) {
		if err := ctx.Err(); err != nil {
			return err
		}
		evs, err := e.Step(ctx, t)
		if err != nil {
			return err
		}
		for _, ev := range evs {
			fn(t, ev)
		}
	}
	return nil
}

// RunOption configures Run.
type RunOption func(*runOpts)

type runOpts struct {
	notifiers    []notify.Notifier
	haveNotifier bool
	dispatch     time.Duration
	onEvent      func(Event)
	now          func() time.Time
}

// WithNotifiers replaces the notifiers built from the configuration.
func WithNotifiers(ns ...notify.Notifier) RunOption {
	return func(o *runOpts) { o.notifiers, o.haveNotifier = ns, true }
}

// WithDispatchInterval sets how often the outbox retries (default 5s).
func WithDispatchInterval(d time.Duration) RunOption { return func(o *runOpts) { o.dispatch = d } }

// WithClock sets the clock the rules are evaluated at and the outbox
// schedules retries by (default clock.Now).
func WithClock(now func() time.Time) RunOption { return func(o *runOpts) { o.now = now } }

// WithEventHook calls fn for every alert event (logs, tests).
func WithEventHook(fn func(Event)) RunOption { return func(o *runOpts) { o.onEvent = fn } }

// Run is the live alert role: it evaluates the rules every cfg.Interval,
// records every alert version in the alerts table, and delivers the
// notifications through the outbox until ctx ends.
func Run(ctx context.Context, db *store.DB, cfg Config, opts ...RunOption) error {
	cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return err
	}
	o := runOpts{dispatch: 5 * time.Second, now: clock.Now}
	for _, f := range opts {
		f(&o)
	}
	log := slog.Default().With("role", "alert")
	if !o.haveNotifier {
		ns, err := Notifiers(cfg.Notify, nil)
		if err != nil {
			return fmt.Errorf("alert: notifiers: %w", err)
		}
		o.notifiers = ns
	}
	if len(o.notifiers) == 0 {
		log.Warn("alert: no notification channel configured; alerts are only recorded in ClickHouse")
	}
	e, err := NewEngine(cfg, db, WithLogger(log))
	if err != nil {
		return err
	}
	ob := NewOutbox(db, o.notifiers, cfg.Notify, log)
	ob.now = o.now
	// Open alerts and pending deliveries are restored before the first
	// evaluation — evaluating without them would open the same alerts
	// again and forget deliveries — waiting for ClickHouse while it is away.
	chk := health.Default.Check("alert", "clickhouse")
	health.Default.Func("alert", "notifier", func() error { return ob.Failing() })
	wait := func(what string, fn func(context.Context) error) error {
		return backoff.Until(ctx, backoff.Policy{Base: 500 * time.Millisecond, Max: 10 * time.Second}, fn, nil,
			func(attempt int, err error, d time.Duration) {
				chk.Set(err)
				if attempt%10 == 0 {
					log.Warn("alert: "+what+" failed; retrying before the first evaluation", "retry_in", d, "err", err)
				}
			})
	}
	err = wait("restoring open alerts", func(ctx context.Context) error {
		now := o.now().UTC()
		recs, err := db.Alerts(ctx, now.Add(-30*24*time.Hour), now.Add(time.Minute), StateFiring)
		if err != nil {
			return err
		}
		var as []Alert
		for _, r := range recs {
			as = append(as, FromRecord(r))
		}
		e.Restore(as)
		return nil
	})
	if err == nil {
		err = wait("loading the outbox", ob.Load)
	}
	if err != nil {
		return nil // ctx ended
	}
	chk.OK()
	var unrecorded []store.AlertRecord
	evaluate := func() {
		start := clock.Now()
		evs, err := e.Step(ctx, o.now())
		metricEvalSeconds.Observe(clock.Since(start).Seconds())
		if err != nil && ctx.Err() == nil {
			// A step cut short by shutdown is not a failure.
			log.Error("alert: evaluation failed", "err", err)
		}
		stepErr := err
		for _, ev := range evs {
			metricAlerts.WithLabelValues(ev.Alert.Family, ev.Type).Inc()
			unrecorded = append(unrecorded, Record(&ev.Alert))
			if ev.Type != EventUpdated {
				log.Info("alert "+ev.Type, "id", ev.Alert.ID, "severity", ev.Alert.Severity, "title", Title(&ev.Alert))
			}
			if o.onEvent != nil {
				o.onEvent(ev)
			}
		}
		if len(unrecorded) > 0 {
			if err := db.InsertAlerts(ctx, unrecorded); err != nil {
				metricRecordErrors.Inc()
				log.Warn("alert: recording alerts failed; retried next minute", "rows", len(unrecorded), "err", err)
			} else {
				unrecorded = nil
			}
		}
		for i := range evs {
			ob.Enqueue(ctx, &evs[i])
		}
		ob.Dispatch(ctx)
		switch {
		case stepErr != nil:
			chk.Set(fmt.Errorf("evaluation: %w", stepErr))
		case len(unrecorded) > 0 || ob.Unsynced() > 0:
			chk.Set(fmt.Errorf("%d alert versions and %d delivery rows waiting to be recorded", len(unrecorded), ob.Unsynced()))
		default:
			chk.OK()
		}
	}
	evaluate()
	tick := time.NewTicker(cfg.Interval)
	defer tick.Stop()
	disp := time.NewTicker(o.dispatch)
	defer disp.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			evaluate()
		case <-disp.C:
			ob.Dispatch(ctx)
		}
	}
}
