package e2e

// The fault matrix's harness: real dengar processes (the binary TestMain
// builds), a steady load of simulated mentions produced to Kafka the way a
// collector would (retrying until Kafka acknowledges), a watcher of
// /readyz, and the check that ClickHouse ends with exactly the produced
// ids. Each fault test logs one line starting with "MATRIX" (fault,
// produced, stored, lost, doubled, time to ready) for the closing note.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/stream"
)

// syncBuffer is a bytes.Buffer safe for a process's two output streams.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// proc is a running dengar process.
type proc struct {
	t       *testing.T
	args    []string
	env     []string
	cmd     *exec.Cmd
	logs    *syncBuffer
	metrics string // host:port of /metrics and /readyz
	exited  chan error
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startDengar starts `dengar --config cfg args…` serving its metrics on a
// free port; it is stopped (SIGTERM) when the test ends.
func startDengar(t *testing.T, cfg string, env []string, args ...string) *proc {
	t.Helper()
	p := &proc{t: t, args: append([]string{"--config", cfg}, args...), env: env, metrics: freeAddr(t)}
	p.start()
	t.Cleanup(func() {
		if p.running() {
			_ = p.stop()
		}
	})
	return p
}

func (p *proc) start() {
	p.t.Helper()
	p.logs = &syncBuffer{}
	p.cmd = exec.Command(dengarBin, append(p.args, "--metrics-addr", p.metrics)...)
	p.cmd.Env = append(os.Environ(), p.env...)
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	if err := p.cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	p.exited = make(chan error, 1)
	go func() { p.exited <- p.cmd.Wait() }()
}

func (p *proc) running() bool {
	select {
	case err := <-p.exited:
		p.exited <- err
		return false
	default:
		return true
	}
}

// kill SIGKILLs the process and waits for it.
func (p *proc) kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.exited
	p.exited <- nil
}

// stop SIGTERMs the process and returns its exit error.
func (p *proc) stop() error {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-p.exited:
		p.exited <- err
		return err
	case <-time.After(60 * time.Second):
		p.kill()
		return fmt.Errorf("did not stop within 60 s of SIGTERM")
	}
}

// ready GETs /readyz: 200 is ready; an unreachable process is not.
func (p *proc) ready() (bool, string) {
	c := http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get("http://" + p.metrics + "/readyz")
	if err != nil {
		return false, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode == http.StatusOK, string(b)
}

// waitReady waits until every process is ready.
func waitReady(t *testing.T, timeout time.Duration, ps ...*proc) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		all, why := true, ""
		for _, p := range ps {
			if ok, body := p.ready(); !ok {
				all, why = false, body
			}
		}
		if all {
			return
		}
		if time.Now().After(deadline) {
			for _, p := range ps {
				t.Logf("logs of dengar %v:\n%s", p.args, tail(p.logs.String(), 40))
			}
			t.Fatalf("not ready within %s: %s", timeout, why)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// readiness records the readiness of processes every 100 ms.
type readiness struct {
	mu      sync.Mutex
	samples []sample
	stop    chan struct{}
	done    chan struct{}
}

type sample struct {
	at   time.Time
	ok   bool
	body string
}

func watchReadiness(ps ...*proc) *readiness {
	r := &readiness{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		for {
			ok, body := true, ""
			for _, p := range ps {
				if pok, b := p.ready(); !pok {
					ok, body = false, body+b
				}
			}
			r.mu.Lock()
			r.samples = append(r.samples, sample{time.Now(), ok, body})
			r.mu.Unlock()
			select {
			case <-r.stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()
	return r
}

func (r *readiness) close() {
	close(r.stop)
	<-r.done
}

// red returns a not-ready sample taken in [from, to], if any.
func (r *readiness) red(from, to time.Time) (sample, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.samples {
		if !s.at.Before(from) && !s.at.After(to) && !s.ok {
			return s, true
		}
	}
	return sample{}, false
}

// greenSince returns when readiness turned green for good after t (every
// later sample ready), and whether it did.
func (r *readiness) greenSince(t time.Time) (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var since time.Time
	for _, s := range r.samples {
		if s.at.Before(t) {
			continue
		}
		if !s.ok {
			since = time.Time{}
		} else if since.IsZero() {
			since = s.at
		}
	}
	return since, !since.IsZero()
}

// load produces simulated mentions at a steady rate the way a collector
// does: a chunk is retried until Kafka acknowledges it, through a broker
// outage, and only acknowledged ids count as produced.
type load struct {
	mu      sync.Mutex
	ids     []string
	retries int
	paused  bool
	stop    chan struct{}
	done    chan struct{}
}

// pause stops producing until resume (a short quiet moment).
func (l *load) pause(p bool) {
	l.mu.Lock()
	l.paused = p
	l.mu.Unlock()
}

// recent returns n simulated mentions posted in the last hours before
// clock.Now (so that retention and the alert rules see them as recent),
// evenly spread: the live generator has no daily seasonality, so the
// count does not depend on the hour the test runs at (Generate's quiet
// nights in WITA gave fewer than n).
func recent(t testing.TB, n int, seed uint64) []mention.Mention {
	t.Helper()
	end := clock.Now().UTC().Truncate(time.Minute)
	l := simulate.NewLive(seed, end)
	out := make([]mention.Mention, 0, n)
	for i := 0; i < n; i++ {
		out = l.Next(out, 1, end.Add(-6*time.Hour+time.Duration(i)*6*time.Hour/time.Duration(n)))
	}
	return out
}

// startLoad produces ms to topic at perSecond until stopped.
func startLoad(t *testing.T, k stream.Config, topic string, perSecond int, ms []mention.Mention) *load {
	l := &load{stop: make(chan struct{}), done: make(chan struct{})}
	w := stream.NewWriter(k, topic)
	go func() {
		defer close(l.done)
		defer w.Close()
		per := max(1, perSecond/10)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for next := 0; next < len(ms); {
			select {
			case <-l.stop:
				return
			case <-tick.C:
			}
			l.mu.Lock()
			paused := l.paused
			l.mu.Unlock()
			if paused {
				continue
			}
			chunk := ms[next:min(next+per, len(ms))]
			for {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				err := w.Write(ctx, chunk)
				cancel()
				if err == nil {
					break
				}
				l.mu.Lock()
				l.retries++
				l.mu.Unlock()
				select {
				case <-l.stop:
					return // not acknowledged: not produced
				case <-time.After(200 * time.Millisecond):
				}
			}
			l.mu.Lock()
			for _, m := range chunk {
				l.ids = append(l.ids, m.ID)
			}
			l.mu.Unlock()
			next += len(chunk)
		}
		t.Error("the load ran out of mentions; generate more")
	}()
	return l
}

func (l *load) produced() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.ids)
}

// finish stops the load and returns the acknowledged ids.
func (l *load) finish() []string {
	close(l.stop)
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.ids...)
}

// exactly waits until ClickHouse holds every id and checks that it holds
// exactly these (after dedup by id: none lost, none doubled, none
// foreign). It returns the rows before dedup (redeliveries).
func exactly(t *testing.T, db *store.DB, ids []string, timeout time.Duration) (rows uint64) {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(timeout)
	for {
		got, err := db.CountIDs(ctx, ids, time.Time{})
		if err == nil && got == uint64(len(ids)) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d produced ids stored (lost %d) after %s (err %v)", got, len(ids), uint64(len(ids))-got, timeout, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	var final, unique uint64
	q := "SELECT count(), uniqExact(id) FROM `" + db.Database() + "`.mentions FINAL"
	if err := db.Conn().QueryRow(ctx, q).Scan(&final, &unique); err != nil {
		t.Fatal(err)
	}
	if final != uint64(len(ids)) || unique != uint64(len(ids)) {
		t.Fatalf("ClickHouse holds %d rows, %d distinct ids after dedup; produced %d", final, unique, len(ids))
	}
	rows, _ = countStored(t, db)
	return rows
}

// matrixLine logs the fault matrix's row for the closing note.
func matrixLine(t *testing.T, fault string, produced int, rows uint64, toReady time.Duration) {
	t.Logf("MATRIX fault=%q produced=%d stored=%d lost=0 doubled=0 rows_before_dedup=%d time_to_ready=%s",
		fault, produced, produced, rows, toReady.Round(100*time.Millisecond))
}

// faultConfig writes a dengar.yaml for brokers and ch with fast readiness
// polls, plus extra YAML.
func faultConfig(t *testing.T, brokers []string, ch store.Config, extra string) string {
	t.Helper()
	f := t.TempDir() + "/dengar.yaml"
	yaml := fmt.Sprintf(`kafka:
  brokers: [%q]
  partitions: 3
  readiness: {poll_interval: 300ms}
clickhouse:
  addr: %q
  database: %q
  batch_size: 2000
  flush_interval: 100ms
%s`, strings.Join(brokers, ","), ch.Addr, ch.Database, extra)
	if err := os.WriteFile(f, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// deadLetters counts the messages in the dead-letter topic.
func deadLetters(t *testing.T, k stream.Config) int {
	t.Helper()
	return len(readTopic(t, k, k.Topics.DLQ, 0, 20*time.Second))
}

var logCount = regexp.MustCompile(`msg="collector pass(?: failed)?"`)

// passesLogged counts the collector passes a process logged (each one is
// recorded in collector_runs).
func passesLogged(logs string) int { return len(logCount.FindAllString(logs, -1)) }

// recordedPass is one row of collector_runs, as the diagnostics show it.
type recordedPass struct {
	collector         string
	started, finished time.Time
	items             int64
	ok                uint8
	class             string
	part              string // the data part holding it: one insert each until merged
}

// collectorRuns returns every row of collector_runs in db, oldest first.
func collectorRuns(t *testing.T, db *store.DB) []recordedPass {
	t.Helper()
	rows, err := db.Conn().Query(context.Background(), "SELECT collector, started_at, finished_at, items, ok, toString(error_class), _part FROM `"+
		db.Database()+"`.collector_runs ORDER BY started_at, finished_at")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []recordedPass
	for rows.Next() {
		var r recordedPass
		if err := rows.Scan(&r.collector, &r.started, &r.finished, &r.items, &r.ok, &r.class, &r.part); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

var logTime = regexp.MustCompile(`^time=(\S+) `)

// passDiff lays the recorded passes beside the logged ones, so that a
// count that differs shows which pass: a row whose collector, start,
// finish and items repeat an earlier row is DOUBLED; a row that no logged
// pass ended near (the log's time, moved by the clock shift, within 1.5 s
// of finished_at) is UNLOGGED; a logged pass that no row matches is
// UNRECORDED.
func passDiff(rows []recordedPass, logs string) string {
	var logged []time.Time
	var lines []string
	for _, l := range strings.Split(logs, "\n") {
		if !logCount.MatchString(l) {
			continue
		}
		var at time.Time
		if m := logTime.FindStringSubmatch(l); m != nil {
			at, _ = time.Parse(time.RFC3339Nano, m[1])
		}
		logged = append(logged, at.Add(clock.Shift()))
		lines = append(lines, l)
	}
	used := make([]bool, len(logged))
	seen := map[string]bool{}
	var b strings.Builder
	fmt.Fprintf(&b, "%d rows in collector_runs, %d passes logged:\n", len(rows), len(logged))
	for _, r := range rows {
		key := fmt.Sprint(r.collector, r.started.Unix(), r.finished.Unix(), r.items)
		mark := ""
		if seen[key] {
			mark = "DOUBLED"
		}
		seen[key] = true
		best := -1
		for i, at := range logged {
			d := at.Sub(r.finished).Abs()
			if !used[i] && d < 1500*time.Millisecond && (best < 0 || d < logged[best].Sub(r.finished).Abs()) {
				best = i
			}
		}
		logLine := "(no log line)"
		if best >= 0 {
			used[best] = true
			logLine = lines[best]
		} else if mark == "" {
			mark = "UNLOGGED"
		}
		fmt.Fprintf(&b, "  %-8s %s started %s finished %s items %d ok %d %s part %s | %s\n", mark, r.collector,
			r.started.UTC().Format("15:04:05"), r.finished.UTC().Format("15:04:05"), r.items, r.ok, r.class, r.part, logLine)
	}
	for i, l := range lines {
		if !used[i] {
			fmt.Fprintf(&b, "  UNRECORDED %s\n", l)
		}
	}
	return b.String()
}

// recorderLog returns the lines of logs about the recording of passes
// and the process's stop.
func recorderLog(logs string) string {
	var out []string
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, "collector passes") || strings.Contains(l, "stopping") || strings.Contains(l, "signal") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

var _ = strconv.Itoa
