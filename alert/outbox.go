package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/dengar-id/dengar/backoff"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/notify"
	"github.com/dengar-id/dengar/store"
)

var (
	metricDeliveries = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_alert_delivery_attempts_total",
		Help: "Alert notification attempts by channel and outcome (sent, retry, failed).",
	}, []string{"channel", "outcome"})
	metricPending = promauto.NewGauge(prometheus.GaugeOpts{
		Name: "dengar_alert_outbox_pending",
		Help: "Alert notifications waiting in the outbox.",
	})
	metricAlerts = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "dengar_alert_events_total",
		Help: "Alert events by family and type (opened, escalated, reopened, updated, resolved).",
	}, []string{"family", "event"})
	metricEvalSeconds = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "dengar_alert_evaluation_seconds",
		Help:    "Time of one evaluation of every alert rule.",
		Buckets: prometheus.ExponentialBuckets(0.005, 2, 12),
	})
	metricRecordErrors = promauto.NewCounter(prometheus.CounterOpts{
		Name: "dengar_alert_record_errors_total",
		Help: "Failed writes of alerts or deliveries to ClickHouse (retried).",
	})
)

// Delivery states (the state column of alert_deliveries).
const (
	DeliveryPending = "pending" // to retry at next_attempt_at
	DeliverySent    = "sent"
	DeliveryFailed  = "failed" // permanent error, kept for the operator
)

// DeliveryStore keeps the delivery log; *store.DB implements it.
type DeliveryStore interface {
	InsertDeliveries(ctx context.Context, ds []store.DeliveryRecord) error
	// DeliveriesIn returns the deliveries whose latest row is in state.
	DeliveriesIn(ctx context.Context, state string, limit int) ([]store.DeliveryRecord, error)
}

// Outbox delivers notifications at least once: every delivery is written
// to the log (state pending) before the first attempt, every attempt is
// appended, and pending deliveries are retried with exponential backoff
// until sent (or until a permanent error marks them failed). After a
// restart Load picks up what was pending. Rows that cannot be written
// (ClickHouse down) are kept in memory and written later.
type Outbox struct {
	st        DeliveryStore
	notifiers []notify.Notifier
	base, max time.Duration
	minSev    string
	log       *slog.Logger
	now       func() time.Time

	mu       sync.Mutex
	pending  map[string]*delivery
	unsynced []store.DeliveryRecord
}

type delivery struct {
	rec store.DeliveryRecord // latest state
	msg *notify.Message
	n   notify.Notifier
}

// NewOutbox returns an outbox delivering through notifiers and logging to
// st (nil: memory only).
func NewOutbox(st DeliveryStore, notifiers []notify.Notifier, cfg NotifyConfig, log *slog.Logger) *Outbox {
	if log == nil {
		log = slog.Default()
	}
	minSev := cfg.MinSeverity
	if minSev == "" {
		minSev = SeverityLow
	}
	return &Outbox{
		st: st, notifiers: notifiers, base: durOr(cfg.RetryBase, 10*time.Second), max: durOr(cfg.RetryMax, 15*time.Minute),
		minSev: minSev, log: log, now: clock.Now, pending: map[string]*delivery{},
	}
}

func (o *Outbox) notifier(channel string) notify.Notifier {
	for _, n := range o.notifiers {
		if n.Channel() == channel {
			return n
		}
	}
	return nil
}

// Load reads the pending deliveries of the log (after a restart).
func (o *Outbox) Load(ctx context.Context) error {
	if o.st == nil {
		return nil
	}
	ds, err := o.st.DeliveriesIn(ctx, DeliveryPending, 10000)
	if err != nil {
		return fmt.Errorf("outbox: load: %w", err)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, d := range ds {
		if _, ok := o.pending[d.DeliveryID]; ok {
			continue
		}
		var m notify.Message
		if err := json.Unmarshal([]byte(d.Payload), &m); err != nil {
			o.log.Error("outbox: unreadable payload, delivery dropped", "delivery", d.DeliveryID, "err", err)
			continue
		}
		n := o.notifier(d.Channel)
		if n == nil {
			o.log.Warn("outbox: pending delivery for a channel no longer configured", "delivery", d.DeliveryID, "channel", d.Channel)
			continue
		}
		o.pending[d.DeliveryID] = &delivery{rec: d, msg: &m, n: n}
	}
	metricPending.Set(float64(len(o.pending)))
	return nil
}

// Enqueue creates one delivery per channel for ev and writes them to the
// log. It returns the delivery ids.
func (o *Outbox) Enqueue(ctx context.Context, ev *Event) []string {
	if !ev.Notify || severityRank[ev.Alert.Severity] < severityRank[o.minSev] {
		return nil
	}
	now := o.now().UTC()
	var ids []string
	o.mu.Lock()
	for _, n := range o.notifiers {
		id := fmt.Sprintf("%s/v%d/%s/%s", ev.Alert.ID, ev.Alert.Version, ev.Type, n.Channel())
		if _, dup := o.pending[id]; dup {
			continue
		}
		msg := Render(ev, id)
		payload, _ := json.Marshal(msg)
		rec := store.DeliveryRecord{
			DeliveryID: id, AlertID: ev.Alert.ID, AlertVersion: ev.Alert.Version, Channel: n.Channel(),
			State: DeliveryPending, Payload: string(payload), CreatedAt: now, NextAttemptAt: now,
		}
		o.pending[id] = &delivery{rec: rec, msg: msg, n: n}
		o.unsynced = append(o.unsynced, rec)
		ids = append(ids, id)
	}
	metricPending.Set(float64(len(o.pending)))
	o.mu.Unlock()
	o.sync(ctx)
	return ids
}

// sync writes the rows not yet in the log.
func (o *Outbox) sync(ctx context.Context) {
	o.mu.Lock()
	rows := o.unsynced
	o.unsynced = nil
	o.mu.Unlock()
	if len(rows) == 0 || o.st == nil {
		return
	}
	if err := o.st.InsertDeliveries(ctx, rows); err != nil {
		metricRecordErrors.Inc()
		o.log.Warn("outbox: delivery log write failed; kept in memory and retried", "rows", len(rows), "err", err)
		o.mu.Lock()
		o.unsynced = append(rows, o.unsynced...)
		o.mu.Unlock()
	}
}

// Failing returns why deliveries are held back — per channel, the error of
// the last failed attempt of a delivery still pending — or nil when none
// is (readiness alert/notifier).
func (o *Outbox) Failing() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	byChannel := map[string]string{}
	count := map[string]int{}
	for _, d := range o.pending {
		if d.rec.Attempt > 0 && d.rec.Error != "" {
			count[d.rec.Channel]++
			byChannel[d.rec.Channel] = d.rec.Error
		}
	}
	if len(byChannel) == 0 {
		return nil
	}
	chs := make([]string, 0, len(byChannel))
	for ch := range byChannel {
		chs = append(chs, ch)
	}
	sort.Strings(chs)
	var msg string
	for i, ch := range chs {
		if i > 0 {
			msg += "; "
		}
		msg += fmt.Sprintf("%s: %d deliveries waiting, last error: %s", ch, count[ch], byChannel[ch])
	}
	return errors.New(msg)
}

// Unsynced returns the number of delivery-log rows not yet written to
// ClickHouse (kept in memory through an outage).
func (o *Outbox) Unsynced() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.unsynced)
}

// Pending returns the number of deliveries not yet sent.
func (o *Outbox) Pending() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.pending)
}

// Dispatch attempts every due delivery once, in creation order per
// channel (a channel that fails is not tried again in this round, so
// "resolved" never overtakes "opened").
func (o *Outbox) Dispatch(ctx context.Context) {
	now := o.now().UTC()
	o.mu.Lock()
	var due []*delivery
	for _, d := range o.pending {
		due = append(due, d)
	}
	o.mu.Unlock()
	sort.Slice(due, func(i, j int) bool {
		if !due[i].rec.CreatedAt.Equal(due[j].rec.CreatedAt) {
			return due[i].rec.CreatedAt.Before(due[j].rec.CreatedAt)
		}
		return due[i].rec.DeliveryID < due[j].rec.DeliveryID
	})
	blocked := map[string]bool{}
	for _, d := range due {
		ch := d.rec.Channel
		if blocked[ch] {
			continue
		}
		if d.rec.NextAttemptAt.After(now) {
			blocked[ch] = true // keep the order: later ones wait too
			continue
		}
		actx, cancel := context.WithTimeout(ctx, 45*time.Second)
		err := d.n.Send(actx, d.msg)
		cancel()
		if ctx.Err() != nil {
			return
		}
		rec := d.rec
		rec.Attempt++
		rec.AttemptedAt = o.now().UTC()
		rec.Payload = ""
		rec.Error = ""
		switch {
		case err == nil:
			rec.State = DeliverySent
			metricDeliveries.WithLabelValues(ch, "sent").Inc()
			o.log.Info("alert delivered", "delivery", rec.DeliveryID, "attempt", rec.Attempt)
		case notify.IsPermanent(err):
			rec.State, rec.Error = DeliveryFailed, err.Error()
			metricDeliveries.WithLabelValues(ch, "failed").Inc()
			o.log.Error("alert delivery failed permanently; recorded in alert_deliveries", "delivery", rec.DeliveryID, "err", err)
		default:
			rec.State, rec.Error = DeliveryPending, err.Error()
			// no jitter: the schedule is stored (next_attempt_at)
			wait := backoff.Policy{Base: o.base, Max: o.max, Jitter: backoff.None}.Delay(int(rec.Attempt) - 1)
			if ra := notify.RetryAfter(err); ra > wait {
				wait = ra
			}
			rec.NextAttemptAt = rec.AttemptedAt.Add(wait)
			blocked[ch] = true
			metricDeliveries.WithLabelValues(ch, "retry").Inc()
			o.log.Warn("alert delivery failed; will retry", "delivery", rec.DeliveryID, "attempt", rec.Attempt, "retry_in", wait, "err", err)
		}
		o.mu.Lock()
		if rec.State == DeliveryPending {
			d.rec = rec
		} else {
			delete(o.pending, rec.DeliveryID)
		}
		o.unsynced = append(o.unsynced, rec)
		metricPending.Set(float64(len(o.pending)))
		o.mu.Unlock()
	}
	o.sync(ctx)
}
