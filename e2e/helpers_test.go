package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
	"github.com/dengar-id/dengar/stream"
)

var dengarBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dengar-e2e-bin-")
	if err != nil {
		panic(err)
	}
	dengarBin = filepath.Join(dir, "dengar")
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(self))
	args := []string{"build", "-o", dengarBin}
	if clock.Shift() != 0 {
		// The processes read the same clock as the test (recent
		// mentions are recent for both).
		args = append(args, "-tags", "dengar_clockshift")
	}
	cmd := exec.Command("go", append(args, "./cmd/dengar")...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build dengar: %v\n%s", err, out)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	chtest.Main(m)
}

// env is one test's broker, ClickHouse database and config.
type env struct {
	kafka   stream.Config
	ch      store.Config
	cfgFile string
}

// startKafka starts a broker on a free port for the test and creates the
// pipeline's topics with the given partition count.
func startKafka(tb testing.TB, partitions int) stream.Config {
	tb.Helper()
	b, err := stream.StartBroker()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(b.Close)
	k := stream.Config{Brokers: b.Addrs(), Partitions: partitions}
	k.Defaults()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := stream.EnsureTopics(ctx, k); err != nil {
		tb.Fatal(err)
	}
	return k
}

// startAnalyzer runs the analyzer role with p until ctx ends.
func startAnalyzer(tb testing.TB, ctx context.Context, k stream.Config, p *analyze.Pipeline) <-chan error {
	tb.Helper()
	tagged, dlq := stream.NewWriter(k, k.Topics.Tagged), stream.NewWriter(k, k.Topics.DLQ)
	tb.Cleanup(func() { tagged.Close(); dlq.Close() })
	done := make(chan error, 1)
	go func() { done <- analyze.NewAnalyzer(p, k, tagged, dlq).Run(ctx) }()
	return done
}

func newEnv(t *testing.T, partitions int) *env {
	t.Helper()
	k := startKafka(t, partitions)
	ch := chtest.Config(t)
	f := filepath.Join(t.TempDir(), "dengar.yaml")
	yaml := fmt.Sprintf("kafka:\n  brokers: [%q]\n  partitions: %d\nclickhouse:\n  addr: %q\n  database: %q\n  batch_size: 2000\n  flush_interval: 100ms\n",
		strings.Join(k.Brokers, ","), partitions, ch.Addr, ch.Database)
	if err := os.WriteFile(f, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return &env{kafka: k, ch: ch, cfgFile: f}
}

// simulated returns n deterministic mentions, tagged with the simulator's
// ground truth when truth is set.
func simulated(t testing.TB, n int, truth bool) []mention.Mention {
	t.Helper()
	var out []mention.Mention
	opts := simulate.Options{
		Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		PerHour: float64(n)/(30*24)*1.3 + 10, Seed: 42, Truth: truth,
	}
	stop := fmt.Errorf("enough")
	err := simulate.Generate(opts, func(m *mention.Mention) error {
		if len(out) == n {
			return stop
		}
		out = append(out, *m)
		return nil
	})
	if err != nil && err != stop {
		t.Fatal(err)
	}
	if len(out) != n {
		t.Fatalf("simulated %d mentions, want %d", len(out), n)
	}
	return out
}

// produce writes ms to topic in chunks.
func produce(t testing.TB, k stream.Config, topic string, ms []mention.Mention) {
	t.Helper()
	w := stream.NewWriter(k, topic)
	defer w.Close()
	ctx := context.Background()
	for lo := 0; lo < len(ms); lo += 5000 {
		if err := w.Write(ctx, ms[lo:min(lo+5000, len(ms))]); err != nil {
			t.Fatal(err)
		}
	}
}

// readTopic reads every message of topic (all partitions), again and
// again until it has want messages or timeout passes.
func readTopic(t testing.TB, k stream.Config, topic string, want int, timeout time.Duration) []kafka.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	conn, err := kafka.DialContext(ctx, "tcp", k.Brokers[0])
	if err != nil {
		t.Fatal(err)
	}
	parts, err := conn.ReadPartitions(topic)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	var out []kafka.Message
	for {
		out = out[:0]
		for _, p := range parts {
			r := kafka.NewReader(kafka.ReaderConfig{Brokers: k.Brokers, Topic: topic, Partition: p.ID, MaxWait: 50 * time.Millisecond})
			for {
				pctx, pcancel := context.WithTimeout(ctx, 500*time.Millisecond)
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
		if ctx.Err() != nil {
			t.Fatalf("read %d messages from %s, want %d", len(out), topic, want)
		}
	}
}

// countStored returns (rows, unique ids) in the test database.
func countStored(t testing.TB, db *store.DB) (rows, ids uint64) {
	t.Helper()
	ctx := context.Background()
	if err := db.Conn().QueryRow(ctx, "SELECT count(), uniqExact(id) FROM `"+db.Database()+"`.mentions").Scan(&rows, &ids); err != nil {
		t.Fatal(err)
	}
	return rows, ids
}
