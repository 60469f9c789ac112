package e2e

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
	"github.com/dengar-id/dengar/stream"
)

// BenchmarkEndToEnd measures simulated mentions through broker → analyzer
// (every tagger) → ClickHouse sink, all roles in this process as in
// `dengar run`. Each iteration pushes a fresh batch of mentions and waits
// until ClickHouse holds all of them.
//
//	go test ./e2e -run '^$' -bench EndToEnd -benchtime 3x
func BenchmarkEndToEnd(b *testing.B) {
	benchEndToEnd(b, 50000)
}

func benchEndToEnd(b *testing.B, perIter int) {
	k := startKafka(b, 3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	chcfg := chtest.Config(b)
	chcfg.BatchSize, chcfg.FlushInterval = 0, 0
	chcfg.Defaults() // the sink's defaults, as `dengar run` has them
	db, err := store.Open(ctx, chcfg)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	p, err := analyze.NewPipeline(analyze.Options{})
	if err != nil {
		b.Fatal(err)
	}
	startAnalyzer(b, ctx, k, p)
	dlq := stream.NewWriter(k, k.Topics.DLQ)
	defer dlq.Close()
	go store.NewSink(db, k, dlq, store.NewPseudonymizer("bench")).Run(ctx)

	base := simulated(b, perIter, false)
	b.ResetTimer()
	var total int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ms := renumbered(base, i)
		b.StartTimer()
		produce(b, k, k.Topics.Raw, ms)
		waitStored(b, db, uint64(total+len(ms)))
		total += len(ms)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "mentions/s")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "cores")
}

// waitStored waits until ClickHouse holds want distinct mention ids. It
// polls the cheap row count and counts distinct ids only once the rows are
// there: uniqExact(id) every 20 ms read every stored id (about 40 ms of
// ClickHouse CPU per poll at 150 000 rows), CPU the benchmark's observer
// took from the pipeline it measures.
func waitStored(b *testing.B, db *store.DB, want uint64) {
	b.Helper()
	ctx := context.Background()
	q := "SELECT count() FROM `" + db.Database() + "`.mentions"
	deadline := time.Now().Add(5 * time.Minute)
	for {
		var rows uint64
		if err := db.Conn().QueryRow(ctx, q).Scan(&rows); err != nil {
			b.Fatal(err)
		}
		var ids uint64
		if rows >= want {
			// Redeliveries can add rows before every id is there.
			_, ids = countStored(b, db)
			if ids >= want {
				return
			}
		}
		if time.Now().After(deadline) {
			b.Fatalf("only %d rows (%d distinct ids) of %d mentions stored after 5 minutes", rows, ids, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// BenchmarkSinkInsert measures ClickHouse inserts of tagged mentions
// (the mentions table plus its materialized views) in sink-sized batches.
func BenchmarkSinkInsert(b *testing.B) {
	const batch = 20000
	cfg := chtest.Config(b)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	base := simulated(b, batch, true)
	p := store.NewPseudonymizer("bench")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ms := renumbered(base, i)
		b.StartTimer()
		if err := db.InsertMentions(ctx, ms, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkAnalyzeStage measures broker → analyzer → tagged topic alone.
func BenchmarkAnalyzeStage(b *testing.B) {
	const perIter = 50000
	k := startKafka(b, 3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p, err := analyze.NewPipeline(analyze.Options{})
	if err != nil {
		b.Fatal(err)
	}
	startAnalyzer(b, ctx, k, p)
	base := simulated(b, perIter, false)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ms := renumbered(base, i)
		b.StartTimer()
		produce(b, k, k.Topics.Raw, ms)
		waitTopic(b, k, k.Topics.Tagged, int64((i+1)*perIter))
	}
	b.ReportMetric(float64(b.N*perIter)/b.Elapsed().Seconds(), "mentions/s")
}

// waitTopic waits until topic's partitions hold at least n messages.
func waitTopic(b *testing.B, k stream.Config, topic string, n int64) {
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		conn, err := kafka.Dial("tcp", k.Brokers[0])
		if err != nil {
			b.Fatal(err)
		}
		parts, _ := conn.ReadPartitions(topic)
		conn.Close()
		var total int64
		for _, p := range parts {
			pc, err := kafka.DialLeader(context.Background(), "tcp", k.Brokers[0], topic, p.ID)
			if err != nil {
				b.Fatal(err)
			}
			last, _ := pc.ReadLastOffset()
			pc.Close()
			total += last
		}
		if total >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.Fatalf("%s did not reach %d messages", topic, n)
}

// BenchmarkRetag measures `dengar retag`: stored mentions of an older
// model re-tagged by the shipped pipeline, new versions written and the
// rollups moved (store.Retag with its default step size).
func BenchmarkRetag(b *testing.B) {
	const perIter = 50000
	if testing.Verbose() {
		slog.SetLogLoggerLevel(slog.LevelDebug)
	}
	cfg := chtest.Config(b)
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	p, err := analyze.NewPipeline(analyze.Options{})
	if err != nil {
		b.Fatal(err)
	}
	base := simulated(b, perIter, true)
	from, to := base[0].PostedAt, base[0].PostedAt
	for _, m := range base {
		from, to = minTime(from, m.PostedAt), maxTime(to, m.PostedAt)
	}
	pseudo := store.NewPseudonymizer("bench")
	b.ResetTimer()
	var total int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ms := renumbered(base, i)
		for j := range ms {
			ms[j].Model = "old"
		}
		for lo := 0; lo < len(ms); lo += 20000 {
			if err := db.InsertMentions(ctx, ms[lo:min(lo+20000, len(ms))], pseudo); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		res, err := db.Retag(ctx, store.RetagOptions{Range: store.Range{From: from.Truncate(time.Hour), To: to.Add(time.Hour)}, Version: p.Version(), Tag: p.Tag})
		if err != nil {
			b.Fatal(err)
		}
		total += res.Mentions
	}
	if total != b.N*perIter {
		b.Fatalf("re-tagged %d mentions, want %d", total, b.N*perIter)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "mentions/s")
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// BenchmarkSinkBatch measures sink inserts (every rollup view on) by batch
// size, block compression and whether the views run one after the other,
// to choose clickhouse.batch_size, clickhouse.compression and
// clickhouse.serial_views: each iteration inserts 100 000 mentions in
// batches of the size named.
//
//	go test ./e2e -run '^$' -bench SinkBatch -benchtime 2x
func BenchmarkSinkBatch(b *testing.B) {
	const perIter = 100000
	base := simulated(b, perIter, true)
	p := store.NewPseudonymizer("bench")
	for _, batch := range []int{10000, 20000, 50000, 100000} {
		for _, c := range []struct {
			comp   string
			serial bool
		}{{"lz4", true}, {"lz4", false}, {"none", false}} {
			views := "parallel"
			if c.serial {
				views = "serial"
			}
			b.Run(fmt.Sprintf("batch=%d/%s/%s", batch, c.comp, views), func(b *testing.B) {
				cfg := chtest.Config(b)
				cfg.Compression, cfg.SerialViews = c.comp, c.serial
				ctx := context.Background()
				db, err := store.Open(ctx, cfg)
				if err != nil {
					b.Fatal(err)
				}
				defer db.Close()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					ms := renumbered(base, i)
					b.StartTimer()
					for lo := 0; lo < len(ms); lo += batch {
						if err := db.InsertMentions(ctx, ms[lo:min(lo+batch, len(ms))], p); err != nil {
							b.Fatal(err)
						}
					}
				}
				b.ReportMetric(float64(b.N*perIter)/b.Elapsed().Seconds(), "rows/s")
			})
		}
	}
}

// renumbered copies base with each id suffixed by the round, so every
// benchmark round stores new mentions rather than duplicates.
func renumbered(base []mention.Mention, round int) []mention.Mention {
	ms := append(base[:0:0], base...)
	for j := range ms {
		ms[j].ID = fmt.Sprintf("%s-%d", ms[j].ID, round)
	}
	return ms
}
