package store

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/dengar-id/dengar/backoff"
	"github.com/dengar-id/dengar/health"
)

var (
	metricRunsPending = promauto.NewGauge(prometheus.GaugeOpts{
		Name: "dengar_store_collector_runs_pending",
		Help: "Collector passes waiting to be written to collector_runs (kept through a ClickHouse outage).",
	})
	metricRunsDropped = promauto.NewCounter(prometheus.CounterOpts{
		Name: "dengar_store_collector_runs_dropped_total",
		Help: "Collector passes dropped because the outage outlasted the buffer (RunRecorder's limit).",
	})
)

// RunRecorder records collector passes in collector_runs without ever
// holding collection up: Record queues a pass and returns, Run writes the
// queue in the background. While ClickHouse is away the passes wait in
// memory — up to a limit far above a long outage's worth (the oldest go
// first beyond it, counted) — and are written when it is back, so the
// Sumber dashboard and the stale-collector alert see every pass. The check
// <role>/clickhouse is not ready while passes wait on a failing write.
type RunRecorder struct {
	db    *DB
	limit int
	check *health.Check
	log   *slog.Logger
	kick  chan struct{}

	mu    sync.Mutex
	queue []CollectorRun
	first int // sequence number of queue[0] (drops and writes advance it)

	// unsettled is the query id of the last failed insert, which may
	// have been stored all the same ("" when none): the next flush waits
	// until the server no longer runs it, then leaves out the passes
	// already there.
	unsettled string
	// insert writes a batch (DB.InsertCollectorRuns; tests replace it).
	insert func(ctx context.Context, runs []CollectorRun) error
}

// settleTimeout bounds the wait for a failed insert to end on the server
// before a retry: beyond it the flush fails and is retried later.
const settleTimeout = 10 * time.Second

// NewRunRecorder returns a recorder writing to db, reporting readiness as
// role/clickhouse in reg (nil: health.Default).
func NewRunRecorder(db *DB, role string, reg *health.Registry) *RunRecorder {
	if reg == nil {
		reg = health.Default
	}
	r := &RunRecorder{db: db, limit: 100000, check: reg.Check(role, "clickhouse"), log: slog.With("role", role), kick: make(chan struct{}, 1),
		insert: db.InsertCollectorRuns}
	r.check.OK()
	return r
}

// Record queues one pass for writing.
func (r *RunRecorder) Record(run CollectorRun) {
	r.mu.Lock()
	r.queue = append(r.queue, run)
	if over := len(r.queue) - r.limit; over > 0 {
		r.queue = append(r.queue[:0:0], r.queue[over:]...)
		r.first += over
		metricRunsDropped.Add(float64(over))
	}
	metricRunsPending.Set(float64(len(r.queue)))
	r.mu.Unlock()
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// Pending returns how many passes wait to be written.
func (r *RunRecorder) Pending() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.queue)
}

// Run writes queued passes as they come, retrying with backoff while
// ClickHouse fails, until ctx ends; then it makes one last attempt to
// write what is left (bounded by ten seconds).
func (r *RunRecorder) Run(ctx context.Context) error {
	failures := 0
	for {
		err := r.flush(ctx)
		var wait <-chan time.Time
		if err != nil && ctx.Err() == nil {
			d := backoff.Policy{Base: 500 * time.Millisecond, Max: 10 * time.Second}.Delay(failures)
			if failures%10 == 0 {
				r.log.Warn("collector passes not recorded yet; kept and retried", "pending", r.Pending(), "retry_in", d, "err", err)
			}
			failures++
			wait = time.After(d)
		} else if err == nil && failures > 0 {
			r.log.Info("collector passes recorded after an outage", "retries", failures)
			failures = 0
		}
		select {
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			if err := r.flush(fctx); err != nil {
				r.log.Error("collector passes lost at shutdown: ClickHouse unreachable", "passes", r.Pending(), "err", err)
			}
			return nil
		case <-wait:
		case <-r.kick:
			if wait != nil { // still failing: keep to the backoff
				select {
				case <-ctx.Done():
				case <-wait:
				}
			}
		}
	}
}

// flush writes the queue in one insert.
func (r *RunRecorder) flush(ctx context.Context) error {
	r.mu.Lock()
	batch := r.queue
	end := r.first + len(batch)
	r.mu.Unlock()
	if len(batch) == 0 {
		r.check.OK()
		return nil
	}
	write := batch
	if r.unsettled != "" {
		// The failed insert may still be running on the server — above
		// all when shutdown cancelled it: the client closed the
		// connection after sending the rows, and the server commits
		// them a moment later. Looked up before that moment, they would
		// be missed and written twice.
		if err := r.settle(ctx, r.unsettled); err != nil {
			r.check.Set(err)
			return err
		}
		left, err := r.db.UnrecordedCollectorRuns(ctx, batch)
		if err != nil {
			r.check.Set(err)
			return err
		}
		write = left
	}
	id := "dengar-collector-runs-" + rand.Text()
	if err := r.insert(clickhouse.Context(ctx, clickhouse.WithQueryID(id)), write); err != nil {
		r.unsettled = id
		r.check.Set(err)
		return err
	}
	r.unsettled = ""
	r.mu.Lock()
	// Passes recorded meanwhile stay (some of the batch may have been
	// dropped past the limit meanwhile: only what is left of it goes).
	if n := end - r.first; n > 0 {
		r.queue = append(r.queue[:0:0], r.queue[n:]...)
		r.first = end
	}
	metricRunsPending.Set(float64(len(r.queue)))
	r.mu.Unlock()
	r.check.OK()
	return nil
}

// settle waits (up to settleTimeout) until the server no longer runs the
// query id, that is until a failed insert has been stored or abandoned
// for good. A restarted server runs none of the old queries.
func (r *RunRecorder) settle(ctx context.Context, id string) error {
	ctx, cancel := context.WithTimeout(ctx, settleTimeout)
	defer cancel()
	for {
		running, err := r.db.queryRunning(ctx, id)
		if err != nil {
			return fmt.Errorf("collector runs: wait for the failed insert: %w", err)
		}
		if !running {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("collector runs: the failed insert %s still runs on the server: %w", id, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}
