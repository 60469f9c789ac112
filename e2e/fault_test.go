package e2e

// The fault matrix: each test runs real dengar processes at a steady load
// of simulated mentions, injects one fault, and checks that readiness is
// red during the fault and green after, that the processes recovered by
// themselves, and that ClickHouse ends with exactly the produced ids.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/notify"
	"github.com/dengar-id/dengar/simulate"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
	"github.com/dengar-id/dengar/stream"
)

// loadRate is the steady load of every fault test, in mentions per second.
const loadRate = 200

// openDB opens the test's database.
func openDB(t *testing.T, cfg store.Config) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// fault is what every matrix test shares once its processes are ready:
// the load runs for lead, inject runs (and returns when the fault is
// over), the load runs for tail more; then exactness and readiness are
// checked.
type faultRun struct {
	name    string
	k       stream.Config
	db      *store.DB
	procs   []*proc
	lead    time.Duration
	tail    time.Duration
	inject  func(t *testing.T, l *load) (from, to time.Time)
	extraMs []string // ids produced outside the load (they must be stored too)
	wantDLQ int
	// readyFromStart measures the time to ready from the fault's start
	// (a poison message has no end but its handling).
	readyFromStart bool
}

func (f faultRun) run(t *testing.T) {
	t.Helper()
	waitReady(t, 90*time.Second, f.procs...)
	ms := recent(t, loadRate*180, uint64(len(f.name)))
	l := startLoad(t, f.k, f.k.Topics.Raw, loadRate, ms)
	r := watchReadiness(f.procs...)
	defer r.close()
	time.Sleep(f.lead)
	if l.produced() == 0 {
		t.Fatal("the load produced nothing before the fault")
	}
	from, to := f.inject(t, l)
	time.Sleep(f.tail)
	ids := append(l.finish(), f.extraMs...)
	for _, p := range f.procs {
		if !p.running() {
			t.Fatalf("dengar %v exited after the fault:\n%s", p.args, tail(p.logs.String(), 60))
		}
	}
	rows := exactly(t, f.db, ids, 3*time.Minute)
	waitReady(t, 90*time.Second, f.procs...)
	time.Sleep(500 * time.Millisecond)
	if s, ok := r.red(from, to); !ok {
		t.Errorf("readiness stayed green during the fault (%s to %s)", from.Format("15:04:05.0"), to.Format("15:04:05.0"))
	} else {
		t.Logf("red during the fault: %s", firstLine(s.body))
	}
	if f.readyFromStart {
		to = from
	}
	green, ok := r.greenSince(to)
	if !ok {
		t.Fatal("readiness not green after the fault")
	}
	if n := deadLetters(t, f.k); n != f.wantDLQ {
		t.Errorf("%d messages in the dead-letter topic, want %d", n, f.wantDLQ)
	}
	matrixLine(t, f.name, len(ids), rows, green.Sub(to))
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "FAIL") || strings.Contains(l, "refused") {
			return l
		}
	}
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// TestFaultBrokerRestart stops the Kafka-protocol broker under a running
// `dengar run` and starts it again 8 s later on the same port with the
// same data: the process keeps running, reports not ready meanwhile, and
// resumes by itself.
func TestFaultBrokerRestart(t *testing.T) {
	port, dir := freePortNum(t), t.TempDir()
	b, err := stream.StartBroker(stream.WithPort(port), stream.WithDataDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	k := stream.Config{Brokers: b.Addrs(), Partitions: 3}
	k.Defaults()
	if err := stream.EnsureTopics(context.Background(), k); err != nil {
		t.Fatal(err)
	}
	ch := chtest.Config(t)
	run := startDengar(t, faultConfig(t, k.Brokers, ch, ""), nil, "run")
	var b2 *stream.Broker
	defer func() {
		if b2 != nil {
			b2.Close()
		}
	}()
	faultRun{
		name: "broker restart under dengar run", k: k, db: openDB(t, ch), procs: []*proc{run},
		lead: 4 * time.Second, tail: 6 * time.Second,
		inject: func(t *testing.T, l *load) (time.Time, time.Time) {
			from := time.Now()
			b.Close()
			time.Sleep(8 * time.Second)
			var err error
			if b2, err = stream.StartBroker(stream.WithPort(port), stream.WithDataDir(dir)); err != nil {
				t.Fatal(err)
			}
			return from, time.Now()
		},
	}.run(t)
}

func freePortNum(t *testing.T) int {
	t.Helper()
	_, p, _ := net.SplitHostPort(freeAddr(t))
	var n int
	fmt.Sscan(p, &n)
	return n
}

// TestFaultAnalyzerKilled runs `dengar analyze` and `dengar sink` as
// separate processes and SIGKILLs the analyzer mid-stream, restarting it
// 3 s later: its uncommitted input is redelivered to its successor. A
// burst of 10,000 mentions lands on top of the steady load just before
// the kill, so that the analyzer dies holding full batches it has not
// committed (at 200/s alone its batches are a few ms of work).
func TestFaultAnalyzerKilled(t *testing.T) {
	k := startKafka(t, 3)
	ch := chtest.Config(t)
	cfg := faultConfig(t, k.Brokers, ch, "")
	an := startDengar(t, cfg, nil, "analyze")
	sk := startDengar(t, cfg, nil, "sink")
	db := openDB(t, ch)
	burst := recent(t, 10000, 7)
	var burstIDs []string
	for i := range burst {
		burst[i].ID = mention.NewID(burst[i].Source, fmt.Sprintf("burst-%d", i))
		burstIDs = append(burstIDs, burst[i].ID)
	}
	faultRun{
		name: "analyzer SIGKILL", k: k, db: db, procs: []*proc{an, sk}, extraMs: burstIDs,
		lead: 4 * time.Second, tail: 4 * time.Second,
		inject: func(t *testing.T, l *load) (time.Time, time.Time) {
			before, _ := countStored(t, db)
			produce(t, k, k.Topics.Raw, burst)
			waitUntil(t, 60*time.Second, "the burst flowing", func() bool { rows, _ := countStored(t, db); return rows >= before+2000 })
			from := time.Now()
			an.kill()
			if rows, _ := countStored(t, db); rows >= before+uint64(len(burst)) {
				t.Fatalf("the burst was stored before the kill; the test proves nothing")
			}
			time.Sleep(3 * time.Second)
			an.start()
			return from, time.Now()
		},
	}.run(t)
}

// TestFaultSinkKilled SIGKILLs `dengar sink` while it holds batches it
// could not write yet — ClickHouse is briefly down, the sink keeps
// retrying them — and restarts it 3 s later, once ClickHouse is back:
// nothing it held is lost, since nothing it held was committed. (Killed
// while ClickHouse is up, a sink almost always dies after its insert
// reached the server, which proves nothing about what it commits.)
func TestFaultSinkKilled(t *testing.T) {
	srv := chtest.Private(t)
	k := startKafka(t, 3)
	cfg := faultConfig(t, k.Brokers, srv.Config, "")
	an := startDengar(t, cfg, nil, "analyze")
	sk := startDengar(t, cfg, nil, "sink")
	faultRun{
		name: "sink SIGKILL", k: k, db: openDB(t, srv.Config), procs: []*proc{an, sk},
		lead: 4 * time.Second, tail: 4 * time.Second,
		inject: func(t *testing.T, l *load) (time.Time, time.Time) {
			// A quiet moment first, so that the batch the sink holds was
			// fetched after ClickHouse died: one in flight at the kill may
			// have reached the server, which would prove nothing.
			l.pause(true)
			time.Sleep(time.Second)
			from := time.Now()
			srv.Kill()
			l.pause(false)
			waitUntil(t, 30*time.Second, "the sink holding a batch", func() bool {
				_, body := sk.ready()
				return strings.Contains(body, "FAIL sink/clickhouse") && strings.Contains(sk.logs.String(), "batch kept and retried")
			})
			time.Sleep(time.Second) // more load piles up behind the held batch
			sk.kill()
			srv.Start()
			time.Sleep(3 * time.Second)
			sk.start()
			return from, time.Now()
		},
	}.run(t)
}

func waitUntil(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// watchFeed is a feed whose only item no watch query matches: every
// collector pass is recorded in collector_runs and emits nothing.
const watchFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Uji</title>
<item><title>Harga cabai naik di Balikpapan</title><link>https://uji.example/2</link><guid>2</guid><pubDate>Mon, 23 Nov 2026 09:00:00 +0800</pubDate><description>Tidak terkait kota.</description></item>
</channel></rss>`

// TestFaultClickHouseStopStart kills ClickHouse (SIGKILL) under a running
// `dengar run` with a collector passing every second, and starts it again
// 8 s later: the sink holds its batch and the collector passes wait in
// memory; afterwards every mention and every pass is in ClickHouse, once.
func TestFaultClickHouseStopStart(t *testing.T) {
	srv := chtest.Private(t)
	k := startKafka(t, 3)
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, watchFeed) }))
	defer feed.Close()
	cfg := faultConfig(t, k.Brokers, srv.Config, fmt.Sprintf(`sources:
  collectors:
    - {name: uji, kind: rss, enabled: true, interval: 1s, feeds: [{url: %q}]}
`, feed.URL+"/feed"))
	run := startDengar(t, cfg, nil, "run")
	db := openDB(t, srv.Config)
	faultRun{
		name: "ClickHouse stop/start", k: k, db: db, procs: []*proc{run},
		lead: 4 * time.Second, tail: 4 * time.Second,
		inject: func(t *testing.T, l *load) (time.Time, time.Time) {
			from := time.Now()
			srv.Kill()
			time.Sleep(8 * time.Second)
			srv.Start()
			return from, time.Now()
		},
	}.run(t)
	// Every pass the collector logged is recorded, once: stop the process
	// (its recorder flushes) and compare.
	if err := run.stop(); err != nil {
		t.Fatalf("dengar run did not stop cleanly: %v\n%s", err, tail(run.logs.String(), 40))
	}
	logs := run.logs.String()
	if !strings.Contains(logs, "collector passes not recorded yet; kept and retried") {
		t.Error("no collector pass waited for ClickHouse: the outage missed the collector")
	}
	var recorded uint64
	if err := db.Conn().QueryRow(context.Background(), "SELECT count() FROM dengar.collector_runs").Scan(&recorded); err != nil {
		t.Fatal(err)
	}
	if passes := passesLogged(logs); int(recorded) != passes || passes < 10 {
		t.Fatalf("collector_runs holds %d passes; the collector logged %d\n%s\nrecorder's log:\n%s", recorded, passes,
			passDiff(collectorRuns(t, db), logs), recorderLog(logs))
	}
	t.Logf("collector passes: %d run, %d recorded", recorded, recorded)
}

// TestFaultPoisonMessage produces, mid-stream, a mention that ClickHouse
// rejects (a MATERIALIZED guard column that throws on it, as a CHECK
// constraint would on ClickHouse 24): the sink finds it by halving the
// batch, dead-letters it with ClickHouse's reason, and stores every
// other mention.
func TestFaultPoisonMessage(t *testing.T) {
	k := startKafka(t, 3)
	ch := chtest.Config(t)
	db := openDB(t, ch)
	if err := db.Conn().Exec(context.Background(), "ALTER TABLE `"+ch.Database+"`.mentions ADD COLUMN guard UInt8 MATERIALIZED throwIf(positionCaseInsensitive(text, 'RACUN-UJI') > 0)"); err != nil {
		t.Fatal(err)
	}
	run := startDengar(t, faultConfig(t, k.Brokers, ch, ""), nil, "run")
	poison := recent(t, 1, 99)[0]
	poison.ID = mention.NewID(poison.Source, "racun-uji")
	poison.Text += " RACUN-UJI"
	faultRun{
		name: "poison message", k: k, db: db, procs: []*proc{run}, wantDLQ: 1, readyFromStart: true,
		lead: 4 * time.Second, tail: 3 * time.Second,
		inject: func(t *testing.T, l *load) (time.Time, time.Time) {
			from := time.Now()
			produce(t, k, k.Topics.Raw, []mention.Mention{poison})
			dead := readTopic(t, k, k.Topics.DLQ, 1, 60*time.Second)
			to := time.Now()
			h := map[string]string{}
			for _, x := range dead[0].Headers {
				h[x.Key] = string(x.Value)
			}
			if string(dead[0].Key) != poison.ID || h[stream.HeaderStage] != "sink" || h[stream.HeaderTopic] != k.Topics.Tagged ||
				!strings.Contains(h[stream.HeaderError], "throwIf") {
				t.Errorf("dead letter %s: headers %v", dead[0].Key, h)
			}
			return from, to
		},
	}.run(t)
	if n, _ := db.CountIDs(context.Background(), []string{poison.ID}, time.Time{}); n != 0 {
		t.Error("the poison mention was stored")
	}
}

// TestFaultNotifierDown: three neutrality breaches are alerted while the
// alert webhook answers 503; the alert role keeps the deliveries and
// retries them, readiness is red meanwhile, and once the receiver is back
// each alert is delivered exactly once.
func TestFaultNotifierDown(t *testing.T) {
	k := startKafka(t, 3)
	ch := chtest.Config(t)
	var mu sync.Mutex
	var downSince, upAt time.Time
	ok := map[string]int{} // delivery id → 2xx answers
	opened := map[string]bool{}
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b notify.WebhookBody
		_ = json.NewDecoder(r.Body).Decode(&b)
		mu.Lock()
		defer mu.Unlock()
		if downSince.IsZero() {
			downSince = time.Now()
		}
		if time.Since(downSince) < 6*time.Second {
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
			return
		}
		if upAt.IsZero() {
			upAt = time.Now()
		}
		ok[b.DeliveryID]++
		if b.Event == "opened" {
			opened[b.AlertID] = true
		}
	}))
	defer hook.Close()
	cfg := faultConfig(t, k.Brokers, ch, fmt.Sprintf(`alerts:
  interval: 1s
  notify:
    retry_base: 500ms
    retry_max: 2s
    webhook: {url: %q}
`, hook.URL))
	run := startDengar(t, cfg, []string{"DENGAR_WEBHOOK_SECRET=uji-rahasia"}, "run")
	breaches := breachMentions(t, 3)
	var extra []string
	for _, m := range breaches {
		extra = append(extra, m.ID)
	}
	faultRun{
		name: "notifier down", k: k, db: openDB(t, ch), procs: []*proc{run}, extraMs: extra,
		lead: 3 * time.Second, tail: 2 * time.Second,
		inject: func(t *testing.T, l *load) (time.Time, time.Time) {
			produce(t, k, k.Topics.Tagged, breaches)
			deadline := time.Now().Add(90 * time.Second)
			for {
				mu.Lock()
				n, from, to := len(opened), downSince, upAt
				mu.Unlock()
				if n == len(breaches) {
					return from, to
				}
				if time.Now().After(deadline) {
					t.Fatalf("%d of %d breach alerts delivered:\n%s", n, len(breaches), tail(run.logs.String(), 40))
				}
				time.Sleep(100 * time.Millisecond)
			}
		},
	}.run(t)
	mu.Lock()
	defer mu.Unlock()
	for _, m := range breaches {
		if !opened["breach:"+m.ID] {
			t.Errorf("breach %s not delivered", m.ID)
		}
	}
	for id, n := range ok {
		if n != 1 {
			t.Errorf("delivery %s received %d times", id, n)
		}
	}
	t.Logf("notifier: %d deliveries, each received once after %s down", len(ok), upAt.Sub(downSince).Round(100*time.Millisecond))
}

// breachMentions returns n tagged neutrality breaches posted minutes
// before clock.Now (what the analyzer makes of a partisan post by a
// government account).
func breachMentions(t *testing.T, n int) []mention.Mention {
	t.Helper()
	now := clock.Now().UTC().Truncate(time.Second)
	var bs []simulate.Breach
	for i := 0; i < n; i++ {
		bs = append(bs, simulate.Breach{At: now.Add(-time.Duration(3+i) * time.Minute)})
	}
	var out []mention.Mention
	err := simulate.Generate(simulate.Options{Start: now.Add(-10 * time.Minute), End: now, PerHour: 1, Seed: 5, Breaches: bs, Truth: true},
		func(m *mention.Mention) error {
			if m.NeutralityBreach {
				out = append(out, *m)
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != n {
		t.Fatalf("simulated %d breaches, want %d", len(out), n)
	}
	return out
}
