package stream_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/health"
	"github.com/dengar-id/dengar/stream"
)

// readAll reads every message of topic (all partitions) within timeout.
func readAll(t *testing.T, cfg stream.Config, topic string, want int, timeout time.Duration) []kafka.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var out []kafka.Message
	for ctx.Err() == nil {
		out = out[:0]
		for p := 0; p < cfg.Partitions; p++ {
			r := kafka.NewReader(kafka.ReaderConfig{Brokers: cfg.Brokers, Topic: topic, Partition: p, MaxWait: 50 * time.Millisecond})
			for {
				pctx, pcancel := context.WithTimeout(ctx, 300*time.Millisecond)
				m, err := r.ReadMessage(pctx)
				pcancel()
				if err != nil {
					break
				}
				out = append(out, m)
			}
			r.Close()
		}
		if len(out) >= want {
			return out
		}
	}
	t.Fatalf("read %d messages from %s, want %d", len(out), topic, want)
	return nil
}

func headers(m kafka.Message) map[string]string {
	h := map[string]string{}
	for _, x := range m.Headers {
		h[x.Key] = string(x.Value)
	}
	return h
}

// TestConsumerDeadLettersMessagesThatKeepFailing: a handler that fails on
// two "poison" messages (one by error, one by panic) whatever the batch,
// while its output is up. The consumer splits the batches, delivers every
// other message, dead-letters the two with the reason and its origin, and
// goes on.
func TestConsumerDeadLettersMessagesThatKeepFailing(t *testing.T) {
	cfg := startBroker(t)
	cfg.MaxAttempts = 2
	ms := mentions(400, "p")
	poisonErr, poisonPanic := ms[123].ID, ms[321].ID
	w := stream.NewWriter(cfg, cfg.Topics.Raw)
	defer w.Close()
	if err := w.Write(context.Background(), ms); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	var mu sync.Mutex
	stored := map[string]int{}
	c := stream.NewConsumer(cfg, "poison", cfg.Topics.Raw, stream.WithBatch(100, 20*time.Millisecond), stream.WithHealth(health.NewRegistry()))
	done := make(chan error, 1)
	go func() {
		done <- c.Run(ctx, func(ctx context.Context, msgs []kafka.Message) error {
			for _, m := range msgs {
				switch string(m.Key) {
				case poisonErr:
					return fmt.Errorf("row %s rejected: value out of range", m.Key)
				case poisonPanic:
					panic("tagger crashed on " + string(m.Key))
				}
			}
			mu.Lock()
			defer mu.Unlock()
			for _, m := range msgs {
				stored[string(m.Key)]++
			}
			return nil
		})
	}()
	dead := readAll(t, cfg, cfg.Topics.DLQ, 2, 60*time.Second)
	reasons := map[string]string{}
	for _, d := range dead {
		h := headers(d)
		reasons[string(d.Key)] = h[stream.HeaderError]
		if h[stream.HeaderStage] != "poison" || h[stream.HeaderTopic] != cfg.Topics.Raw || h[stream.HeaderOffset] == "" {
			t.Errorf("dead letter %s has incomplete headers: %v", d.Key, h)
		}
	}
	if len(dead) != 2 {
		t.Errorf("%d dead letters, want 2: %v", len(dead), reasons)
	}
	if !strings.Contains(reasons[poisonErr], "value out of range") || !strings.Contains(reasons[poisonErr], "failed 2 times") {
		t.Errorf("reason of the rejected message: %q", reasons[poisonErr])
	}
	if !strings.Contains(reasons[poisonPanic], "panic: tagger crashed") {
		t.Errorf("reason of the crashing message: %q", reasons[poisonPanic])
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		mu.Lock()
		n := len(stored)
		mu.Unlock()
		if n == len(ms)-2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d good messages handled", n, len(ms)-2)
		}
		time.Sleep(50 * time.Millisecond)
	}
	mu.Lock()
	_, a := stored[poisonErr]
	_, b := stored[poisonPanic]
	mu.Unlock()
	if a || b {
		t.Error("a poison message was reported as stored")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
}

// TestConsumerWaitsOutAnOutage: while the handler's output is down
// (Unavailable errors, a failing probe) the consumer keeps the batch,
// dead-letters nothing however long it lasts, reports the outage in
// readiness, and delivers everything once the output is back.
func TestConsumerWaitsOutAnOutage(t *testing.T) {
	cfg := startBroker(t)
	cfg.MaxAttempts = 2
	cfg.Readiness.PollInterval = 100 * time.Millisecond
	ms := mentions(300, "o")
	w := stream.NewWriter(cfg, cfg.Topics.Raw)
	defer w.Close()
	if err := w.Write(context.Background(), ms); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	var mu sync.Mutex
	down := true
	calls := 0
	seen := map[string]bool{}
	isDown := func() bool { mu.Lock(); defer mu.Unlock(); return down }
	reg := health.NewRegistry()
	c := stream.NewConsumer(cfg, "outage", cfg.Topics.Raw, stream.WithBatch(100, 20*time.Millisecond), stream.WithHealth(reg),
		stream.WithOutput("store", func(context.Context) error {
			if isDown() {
				return errors.New("connection refused")
			}
			return nil
		}))
	done := make(chan error, 1)
	go func() {
		done <- c.Run(ctx, func(ctx context.Context, msgs []kafka.Message) error {
			mu.Lock()
			defer mu.Unlock()
			calls++
			if down {
				// Half the failures are marked, half only seen by the probe.
				if calls%2 == 0 {
					return stream.Unavailable(errors.New("store down"))
				}
				return errors.New("insert failed")
			}
			for _, m := range msgs {
				seen[string(m.Key)] = true
			}
			return nil
		})
	}()
	// Red while down, with the output named.
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, why := reg.Ready("outage")
		mu.Lock()
		n := calls
		mu.Unlock()
		if !ok && n >= 6 && strings.Contains(strings.Join(why, ";"), "outage/store") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not reported as an outage: ready=%v %v after %d calls", ok, why, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
	mu.Lock()
	down = false
	mu.Unlock()
	deadline = time.Now().Add(30 * time.Second)
	for {
		mu.Lock()
		n := len(seen)
		mu.Unlock()
		ok, why := reg.Ready("outage")
		if n == len(ms) && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the outage: %d of %d delivered, ready=%v %v", n, len(ms), ok, why)
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	// Nothing was dead-lettered.
	if got := readDLQ(t, cfg); got != 0 {
		t.Fatalf("%d messages dead-lettered during an outage", got)
	}
}

func readDLQ(t *testing.T, cfg stream.Config) int {
	t.Helper()
	n := 0
	for p := 0; p < cfg.Partitions; p++ {
		conn, err := kafka.DialLeader(context.Background(), "tcp", cfg.Brokers[0], cfg.Topics.DLQ, p)
		if err != nil {
			t.Fatal(err)
		}
		first, last, err := conn.ReadOffsets()
		conn.Close()
		if err != nil {
			t.Fatal(err)
		}
		n += int(last - first)
	}
	return n
}

// freePort returns a TCP port free right now on loopback.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestConsumerRidesOutABrokerRestart stops the broker under a running
// consumer and starts it again on the same port with the same data: Run
// does not return, readiness is red while the broker is away, and every
// message (those produced before and after) is delivered.
func TestConsumerRidesOutABrokerRestart(t *testing.T) {
	port, dir := freePort(t), t.TempDir()
	b, err := stream.StartBroker(stream.WithPort(port), stream.WithDataDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	cfg := stream.Config{Brokers: b.Addrs()}
	cfg.Defaults()
	cfg.Readiness.PollInterval = 200 * time.Millisecond
	if err := stream.EnsureTopics(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	before, after := mentions(200, "before"), mentions(200, "after")
	w := stream.NewWriter(cfg, cfg.Topics.Raw)
	defer w.Close()
	if err := w.Write(context.Background(), before); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	var mu sync.Mutex
	seen := map[string]bool{}
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(seen) }
	reg := health.NewRegistry()
	c := stream.NewConsumer(cfg, "restart", cfg.Topics.Raw, stream.WithBatch(50, 20*time.Millisecond), stream.WithHealth(reg))
	done := make(chan error, 1)
	go func() {
		done <- c.Run(ctx, func(ctx context.Context, msgs []kafka.Message) error {
			mu.Lock()
			defer mu.Unlock()
			for _, m := range msgs {
				seen[string(m.Key)] = true
			}
			return nil
		})
	}()
	waitFor(t, 30*time.Second, "the first messages", func() bool { ok, _ := reg.Ready("restart"); return count() == len(before) && ok })
	b.Close()
	waitFor(t, 30*time.Second, "readiness to turn red", func() bool { ok, _ := reg.Ready("restart"); return !ok })
	time.Sleep(2 * time.Second) // long enough for the reader's group retries to give up
	select {
	case err := <-done:
		t.Fatalf("Run returned during the outage: %v", err)
	default:
	}
	b2, err := stream.StartBroker(stream.WithPort(port), stream.WithDataDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer b2.Close()
	if err := w.Write(context.Background(), after); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 60*time.Second, "every message after the restart", func() bool {
		ok, _ := reg.Ready("restart")
		return count() == len(before)+len(after) && ok
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
}

func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestGroupLag counts what a group has not committed.
func TestGroupLag(t *testing.T) {
	cfg := startBroker(t)
	w := stream.NewWriter(cfg, cfg.Topics.Raw)
	defer w.Close()
	if err := w.Write(context.Background(), mentions(120, "l")); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	lag, err := stream.GroupLag(ctx, cfg, "lag", cfg.Topics.Raw)
	if err != nil || lag != 120 {
		t.Fatalf("before consuming: lag %d, %v; want 120", lag, err)
	}
	cctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	n := 0
	c := stream.NewConsumer(cfg, "lag", cfg.Topics.Raw, stream.WithBatch(50, 20*time.Millisecond), stream.WithHealth(health.NewRegistry()))
	_ = c.Run(cctx, func(ctx context.Context, msgs []kafka.Message) error {
		if n += len(msgs); n == 120 {
			go func() { time.Sleep(200 * time.Millisecond); cancel() }() // after the commit
		}
		return nil
	})
	if lag, err = stream.GroupLag(ctx, cfg, "lag", cfg.Topics.Raw); err != nil || lag != 0 {
		t.Fatalf("after consuming everything: lag %d, %v; want 0", lag, err)
	}
	if err := w.Write(ctx, mentions(30, "m")); err != nil {
		t.Fatal(err)
	}
	if lag, err = stream.GroupLag(ctx, cfg, "lag", cfg.Topics.Raw); err != nil || lag != 30 {
		t.Fatalf("30 more produced: lag %d, %v; want 30", lag, err)
	}
}

// TestConsumerPreparesAhead: with WithPrepare the next batch is prepared
// while the last one is delivered, yet every message is delivered once,
// in partition order, and committed; a batch whose prepare panics takes
// the ordinary path and its message at fault is dead-lettered.
func TestConsumerPreparesAhead(t *testing.T) {
	cfg := startBroker(t)
	cfg.MaxAttempts = 2
	ms := mentions(400, "a")
	poison := ms[200].ID
	w := stream.NewWriter(cfg, cfg.Topics.Raw)
	defer w.Close()
	if err := w.Write(context.Background(), ms); err != nil {
		t.Fatal(err)
	}
	var (
		mu         sync.Mutex
		delivered  = map[string]int{}
		last       = map[int]int64{}
		outOfOrder int
		delivering bool
		overlaps   int
	)
	prepare := func(ctx context.Context, msgs []kafka.Message) (func(context.Context) error, error) {
		for _, m := range msgs {
			if string(m.Key) == poison {
				panic("tagger crashed on " + poison)
			}
		}
		time.Sleep(30 * time.Millisecond) // tagging
		mu.Lock()
		if delivering {
			overlaps++
		}
		mu.Unlock()
		return func(context.Context) error {
			mu.Lock()
			delivering = true
			mu.Unlock()
			time.Sleep(50 * time.Millisecond) // the output's round trip
			mu.Lock()
			defer mu.Unlock()
			delivering = false
			for _, m := range msgs {
				delivered[string(m.Key)]++
				if l, ok := last[m.Partition]; ok && m.Offset <= l {
					outOfOrder++
				}
				last[m.Partition] = m.Offset
			}
			return nil
		}, nil
	}
	handler := func(ctx context.Context, msgs []kafka.Message) error {
		deliver, err := prepare(ctx, msgs)
		if err != nil {
			return err
		}
		return deliver(ctx)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	c := stream.NewConsumer(cfg, "ahead", cfg.Topics.Raw, stream.WithBatch(40, 20*time.Millisecond),
		stream.WithHealth(health.NewRegistry()), stream.WithPrepare(prepare))
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx, handler) }()

	dead := readAll(t, cfg, cfg.Topics.DLQ, 1, 60*time.Second)
	if len(dead) != 1 || string(dead[0].Key) != poison || !strings.Contains(headers(dead[0])[stream.HeaderError], "panic: tagger crashed") {
		t.Errorf("dead letters: %d, first %q %v; want the poison message", len(dead), dead[0].Key, headers(dead[0]))
	}
	waitFor(t, 60*time.Second, "every good message delivered and committed", func() bool {
		mu.Lock()
		n := len(delivered)
		mu.Unlock()
		lag, err := stream.GroupLag(context.Background(), cfg, "ahead", cfg.Topics.Raw)
		return n == len(ms)-1 && err == nil && lag == 0
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	for id, n := range delivered {
		if n != 1 {
			t.Errorf("%s delivered %d times", id, n)
		}
	}
	if delivered[poison] != 0 {
		t.Error("the poison message was delivered")
	}
	if outOfOrder != 0 {
		t.Errorf("%d messages delivered out of partition order", outOfOrder)
	}
	if overlaps == 0 {
		t.Error("no batch was prepared while another was delivered")
	}
}

// TestConsumerIdleFlush: with WithIdleFlush(min, idle), a batch that holds
// at least min messages is handed over once the topic is drained, long
// before its maxWait; fewer than min messages keep waiting for more (they
// arrive in the same batch as the later ones), so a trickle does not
// become one output write per message.
func TestConsumerIdleFlush(t *testing.T) {
	tests := []struct {
		name         string
		first, later int  // messages written, then (after a pause) more
		tailEarly    bool // the first batch is handed over before the later messages are written
		wantBatches  []int
	}{
		{name: "drained batch of min or more goes at once", first: 300, later: 0, wantBatches: []int{300}},
		{name: "smaller batch waits for more", first: 40, later: 260, wantBatches: []int{300}},
		{name: "a burst's small tail goes once quiet", first: 300, later: 40, tailEarly: true, wantBatches: []int{300, 40}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := stream.StartBroker()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(b.Close)
			// One partition: every message comes in one fetch stream, so a
			// pause is only ever the test's own.
			cfg := stream.Config{Brokers: b.Addrs(), Partitions: 1}
			cfg.Defaults()
			if err := stream.EnsureTopics(context.Background(), cfg); err != nil {
				t.Fatal(err)
			}
			w := stream.NewWriter(cfg, cfg.Topics.Raw)
			defer w.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			got := make(chan int, 10)
			// maxWait is far beyond the test's deadline: only the idle
			// flush can hand a batch over in time.
			c := stream.NewConsumer(cfg, "idle", cfg.Topics.Raw,
				stream.WithBatch(100000, 10*time.Minute), stream.WithIdleFlush(100, 200*time.Millisecond),
				stream.WithHealth(health.NewRegistry()))
			go c.Run(ctx, func(ctx context.Context, msgs []kafka.Message) error {
				got <- len(msgs)
				return nil
			})
			ms := mentions(tc.first+tc.later, "i")
			if err := w.Write(ctx, ms[:tc.first]); err != nil {
				t.Fatal(err)
			}
			var batches []int
			total := 0
			if tc.tailEarly {
				select {
				case n := <-got:
					batches, total = append(batches, n), n
				case <-ctx.Done():
					t.Fatal("the first batch was not handed over")
				}
				if err := w.Write(ctx, ms[tc.first:]); err != nil {
					t.Fatal(err)
				}
			} else if tc.later > 0 {
				// Well past idle: the first messages are fetched and the
				// topic is quiet, yet they are fewer than min.
				time.Sleep(2 * time.Second)
				select {
				case n := <-got:
					t.Fatalf("a batch of %d (< min 100) was handed over while the topic was quiet", n)
				default:
				}
				if err := w.Write(ctx, ms[tc.first:]); err != nil {
					t.Fatal(err)
				}
			}
			for total < tc.first+tc.later {
				select {
				case n := <-got:
					batches = append(batches, n)
					total += n
				case <-ctx.Done():
					t.Fatalf("batches %v: %d of %d messages handed over before the deadline", batches, total, tc.first+tc.later)
				}
			}
			if fmt.Sprint(batches) != fmt.Sprint(tc.wantBatches) {
				t.Errorf("batches %v, want %v", batches, tc.wantBatches)
			}
		})
	}
}
