package alert

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/dengar-id/dengar/notify"
	"github.com/dengar-id/dengar/store"
)

// memLog is an in-memory delivery log with the semantics of the
// alert_deliveries queries; down makes writes fail (ClickHouse away).
type memLog struct {
	mu   sync.Mutex
	rows []store.DeliveryRecord
	down bool
}

func (m *memLog) InsertDeliveries(_ context.Context, ds []store.DeliveryRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.down {
		return errors.New("clickhouse: connection refused")
	}
	m.rows = append(m.rows, ds...)
	return nil
}

func (m *memLog) latest() map[string]store.DeliveryRecord {
	out := map[string]store.DeliveryRecord{}
	payload := map[string]string{}
	for _, r := range m.rows {
		if r.Attempt == 0 {
			payload[r.DeliveryID] = r.Payload
		}
		if cur, ok := out[r.DeliveryID]; !ok || r.Attempt >= cur.Attempt {
			out[r.DeliveryID] = r
		}
	}
	for id, r := range out {
		r.Payload = payload[id]
		out[id] = r
	}
	return out
}

func (m *memLog) DeliveriesIn(_ context.Context, state string, limit int) ([]store.DeliveryRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []store.DeliveryRecord
	for _, r := range m.latest() {
		if r.State == state {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DeliveryID < out[j].DeliveryID })
	return out, nil
}

// flakyReceiver is a webhook endpoint that answers 500 to the first fails
// requests and counts deliveries by X-Dengar-Delivery.
type flakyReceiver struct {
	mu     sync.Mutex
	fails  int
	got    map[string]int
	order  []string
	secret []byte
}

func (f *flakyReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if !notify.Verify(f.secret, body, r.Header.Get("X-Dengar-Signature")) {
		http.Error(w, "signature", http.StatusUnauthorized)
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fails > 0 {
		f.fails--
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	id := r.Header.Get("X-Dengar-Delivery")
	f.got[id]++
	f.order = append(f.order, r.Header.Get("X-Dengar-Event"))
	w.WriteHeader(http.StatusOK)
}

func testEvent(typ string, version uint32) *Event {
	now := time.Date(2026, 11, 19, 12, 3, 0, 0, time.UTC)
	return &Event{Type: typ, Notify: true, Alert: Alert{
		ID: "hostile|program:probebaya|20261119T1203", Key: "hostile|program:probebaya", Family: FamilyHostile,
		Signals: []string{SignalCount}, Scope: "program:probebaya", State: StateFiring, Severity: SeverityHigh,
		OpenedAt: now, UpdatedAt: now, WindowFrom: now.Add(-15 * time.Minute), WindowTo: now,
		Observed: 42, Expected: 9.1, Ratio: 4.6, Score: 12.3, Baseline: BaselineHourOfWeek, Version: version,
	}}
}

func TestOutboxLosesNothingWhileTheReceiverIsDown(t *testing.T) {
	rcv := &flakyReceiver{fails: 3, got: map[string]int{}, secret: []byte("k")}
	// the receiver is first unreachable (connection refused), then answers
	// 500 three times, then recovers
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	wh, err := notify.NewWebhook("http://"+addr+"/hook", "k", &http.Client{Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	log := &memLog{down: true} // ClickHouse is down at first too
	fixed := time.Date(2026, 11, 19, 12, 3, 0, 0, time.UTC)
	ob := NewOutbox(log, []notify.Notifier{wh}, NotifyConfig{RetryBase: 10 * time.Second, RetryMax: time.Minute}, nil)
	ob.now = func() time.Time { return fixed }
	ctx := context.Background()

	ids := ob.Enqueue(ctx, testEvent(EventOpened, 1))
	resolved := testEvent(EventResolved, 5)
	resolved.Alert.State = StateResolved
	ids = append(ids, ob.Enqueue(ctx, resolved)...)
	if len(ids) != 2 {
		t.Fatalf("enqueued %v", ids)
	}
	// a minute of refused connections
	for i := 0; i < 6; i++ {
		ob.Dispatch(ctx)
		fixed = fixed.Add(10 * time.Second)
	}
	if ob.Pending() != 2 {
		t.Fatalf("pending %d, want 2", ob.Pending())
	}
	// the receiver comes up (answering 500 at first), ClickHouse too
	srv := &http.Server{Handler: rcv}
	l, err = net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("port %s taken meanwhile: %v", addr, err)
	}
	go srv.Serve(l)
	defer srv.Close()
	log.mu.Lock()
	log.down = false
	log.mu.Unlock()
	for i := 0; i < 40 && ob.Pending() > 0; i++ {
		fixed = fixed.Add(15 * time.Second)
		ob.Dispatch(ctx)
	}
	if ob.Pending() != 0 {
		t.Fatalf("still pending after recovery: %d", ob.Pending())
	}
	rcv.mu.Lock()
	defer rcv.mu.Unlock()
	for _, id := range ids {
		if rcv.got[id] != 1 {
			t.Errorf("delivery %s received %d times, want once", id, rcv.got[id])
		}
	}
	if len(rcv.order) != 2 || rcv.order[0] != EventOpened || rcv.order[1] != EventResolved {
		t.Errorf("received events in order %v, want opened then resolved", rcv.order)
	}
	// every attempt is in the log, the payload with attempt 0, the final state sent
	latest := log.latest()
	for _, id := range ids {
		r := latest[id]
		if r.State != DeliverySent || r.Attempt < 1 || r.Payload == "" {
			t.Errorf("delivery %s: state %s after %d attempts, payload %d bytes", id, r.State, r.Attempt, len(r.Payload))
		}
		var m notify.Message
		if err := json.Unmarshal([]byte(r.Payload), &m); err != nil || m.ID != id || m.Text == "" {
			t.Errorf("payload of %s: %v %+v", id, err, m)
		}
	}
	var attempts int
	for _, r := range log.rows {
		if r.DeliveryID == ids[0] && r.Attempt > 0 {
			attempts++
			if r.State == DeliveryPending && r.Error == "" {
				t.Errorf("failed attempt %d recorded without its error", r.Attempt)
			}
		}
	}
	if attempts != int(latest[ids[0]].Attempt) {
		t.Errorf("log has %d attempt rows, want %d", attempts, latest[ids[0]].Attempt)
	}
}

// failing notifies with a fixed error and counts calls.
type failing struct {
	err   error
	calls int
}

func (f *failing) Channel() string { return "telegram" }
func (f *failing) Send(context.Context, *notify.Message) error {
	f.calls++
	return f.err
}

func TestOutboxBackoffAndPermanentFailures(t *testing.T) {
	ctx := context.Background()
	fixed := time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)
	// rate limited: waits what the service asks, not less
	rl := &failing{err: &notify.Error{RetryAfter: 90 * time.Second, Err: errors.New("429")}}
	log := &memLog{}
	ob := NewOutbox(log, []notify.Notifier{rl}, NotifyConfig{RetryBase: 10 * time.Second, RetryMax: time.Hour}, nil)
	ob.now = func() time.Time { return fixed }
	ob.Enqueue(ctx, testEvent(EventOpened, 1))
	ob.Dispatch(ctx)
	for s := 0; s < 85; s += 5 {
		fixed = fixed.Add(5 * time.Second)
		ob.Dispatch(ctx)
	}
	if rl.calls != 1 {
		t.Errorf("%d calls within the 90 s Retry-After, want 1", rl.calls)
	}
	fixed = fixed.Add(10 * time.Second)
	ob.Dispatch(ctx)
	if rl.calls != 2 {
		t.Errorf("%d calls after Retry-After, want 2", rl.calls)
	}
	// exponential backoff: 10 s, 20 s, 40 s … capped
	tmp := &failing{err: errors.New("connection reset")}
	log2 := &memLog{}
	ob2 := NewOutbox(log2, []notify.Notifier{tmp}, NotifyConfig{RetryBase: 10 * time.Second, RetryMax: 40 * time.Second}, nil)
	ob2.now = func() time.Time { return fixed }
	ob2.Enqueue(ctx, testEvent(EventOpened, 1))
	var gaps []time.Duration
	last := fixed
	for i := 0; i < 200; i++ {
		n := tmp.calls
		ob2.Dispatch(ctx)
		if tmp.calls > n {
			gaps = append(gaps, fixed.Sub(last))
			last = fixed
		}
		fixed = fixed.Add(time.Second)
	}
	want := []time.Duration{0, 10 * time.Second, 20 * time.Second, 40 * time.Second, 40 * time.Second}
	for i, w := range want {
		if i >= len(gaps) || gaps[i] != w {
			t.Fatalf("retry gaps %v, want %v…", gaps, want)
		}
	}
	// permanent: recorded as failed, never retried
	perm := &failing{err: &notify.Error{Permanent: true, Err: errors.New("chat not found")}}
	log3 := &memLog{}
	ob3 := NewOutbox(log3, []notify.Notifier{perm}, NotifyConfig{}, nil)
	ob3.now = func() time.Time { return fixed }
	ids := ob3.Enqueue(ctx, testEvent(EventOpened, 1))
	for i := 0; i < 5; i++ {
		ob3.Dispatch(ctx)
		fixed = fixed.Add(time.Hour)
	}
	if perm.calls != 1 || ob3.Pending() != 0 || log3.latest()[ids[0]].State != DeliveryFailed || log3.latest()[ids[0]].Error == "" {
		t.Errorf("permanent failure: %d calls, %d pending, row %+v", perm.calls, ob3.Pending(), log3.latest()[ids[0]])
	}
	// min severity filters, and the same event is not enqueued twice
	ob4 := NewOutbox(&memLog{}, []notify.Notifier{perm}, NotifyConfig{MinSeverity: SeverityCritical}, nil)
	if ids := ob4.Enqueue(ctx, testEvent(EventOpened, 1)); len(ids) != 0 {
		t.Errorf("high alert enqueued under min_severity critical: %v", ids)
	}
	ob5 := NewOutbox(&memLog{}, []notify.Notifier{rl}, NotifyConfig{}, nil)
	ob5.Enqueue(ctx, testEvent(EventOpened, 1))
	if ids := ob5.Enqueue(ctx, testEvent(EventOpened, 1)); len(ids) != 0 || ob5.Pending() != 1 {
		t.Errorf("duplicate enqueue: %v, pending %d", ids, ob5.Pending())
	}
}

func TestOutboxResumesAfterRestart(t *testing.T) {
	ctx := context.Background()
	log := &memLog{}
	down := &failing{err: errors.New("connection refused")}
	start := time.Date(2026, 11, 19, 12, 3, 0, 0, time.UTC)
	ob := NewOutbox(log, []notify.Notifier{down}, NotifyConfig{}, nil)
	ob.now = func() time.Time { return start }
	ids := ob.Enqueue(ctx, testEvent(EventOpened, 1))
	ob.Dispatch(ctx)
	// the process dies; a new one loads the log
	okN := &countingOK{}
	ob2 := NewOutbox(log, []notify.Notifier{okN}, NotifyConfig{}, nil)
	if err := ob2.Load(ctx); err != nil {
		t.Fatal(err)
	}
	if ob2.Pending() != 1 {
		t.Fatalf("loaded %d pending, want 1", ob2.Pending())
	}
	ob2.now = func() time.Time { return start.Add(time.Hour) }
	ob2.Dispatch(ctx)
	if len(okN.ids) != 1 || okN.ids[0] != ids[0] || okN.texts[0] == "" {
		t.Errorf("after restart sent %v", okN.ids)
	}
	if r := log.latest()[ids[0]]; r.State != DeliverySent || r.Attempt != 2 {
		t.Errorf("row after restart %+v", r)
	}
}

type countingOK struct{ ids, texts []string }

func (c *countingOK) Channel() string { return "telegram" }
func (c *countingOK) Send(_ context.Context, m *notify.Message) error {
	c.ids = append(c.ids, m.ID)
	c.texts = append(c.texts, m.HTML)
	return nil
}
