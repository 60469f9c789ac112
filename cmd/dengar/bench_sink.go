package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chserver"
	"github.com/dengar-id/dengar/stream"
)

// engineColumns are the fields of the wire (mention/codec.go) that
// ClickHouse 18.16's JSONEachRow reads: top-level strings and arrays. It
// cannot read nested objects (author, metrics and every tag object:
// input_format_import_nested_json and JSONExtract arrived in 19.x), so the
// engine's rows carry the text, times, programs, places and model only.
const engineColumns = `id String, source String, channel String, url String, title String, text String, lang String,
  posted_at String, collected_at String, parent_id String, story_id String, query String,
  programs Array(String), institutions Array(String), places Array(String), model String`

// engineSelect maps the engine's columns onto every column of mentions
// (the rollup views downstream need them all), the unread ones empty.
func engineSelect(now time.Time) string {
	lc := func(c string) string { return "CAST(" + c + " AS LowCardinality(String)) AS " + c }
	return strings.Join([]string{"id", lc("source"), "channel", "url",
		"'' AS author_id", "'' AS author_handle", "'' AS author_name", "CAST('' AS LowCardinality(String)) AS author_kind", "'' AS author_org",
		"CAST('' AS LowCardinality(String)) AS author_level", "toInt64(0) AS author_followers", "toInt64(0) AS author_posts", "toUInt8(0) AS author_verified",
		"toDateTime(0) AS author_created_at", "title", "text", lc("lang"),
		"parseDateTimeBestEffort(posted_at) AS posted_at", "parseDateTimeBestEffort(collected_at) AS collected_at", "parent_id", "story_id", "query",
		"toInt64(0) AS likes", "toInt64(0) AS replies", "toInt64(0) AS shares", "toInt64(0) AS views",
		"CAST('' AS LowCardinality(String)) AS sentiment", "toFloat32(0) AS sentiment_score", "toFloat32(0) AS sentiment_confidence",
		"CAST('' AS LowCardinality(String)) AS hostility", "toFloat32(0) AS hostility_score", "CAST('' AS LowCardinality(String)) AS hostility_target",
		"emptyArrayString() AS hostility_categories", "CAST('' AS LowCardinality(String)) AS hostility_strength", "toUInt8(0) AS threat",
		"CAST('' AS LowCardinality(String)) AS emotion", "toUInt8(0) AS political", "toUInt8(0) AS partisan", "CAST('' AS LowCardinality(String)) AS stance",
		"emptyArrayString() AS actors", "emptyArrayString() AS cues", "programs", "institutions", "places",
		"toUInt8(0) AS neutrality_breach", "toUInt8(0) AS breach_unverified", "toUInt8(0) AS needs_review", lc("model"),
		"toDateTime(" + fmt.Sprint(now.Unix()) + ") AS ingested_at", "toUInt64(0) AS insert_id", "'' AS restricted_url",
		// no duplicate gate: the views count every row it writes
		"toUInt8(1) AS counted",
		"cityHash64(id) AS seen_h"}, ", ")
}

func init() {
	var n, batch int
	var under string
	cmd := &cobra.Command{
		Use:   "sink",
		Short: "Compare the Go sink with ClickHouse's Kafka table engine reading the tagged topic into the same tables",
		Long: `bench sink starts an embedded broker (kfake) and a private ClickHouse,
produces --mentions tagged mentions to dengar.mentions.tagged, then times,
from a cold start until every row is in mentions (with every rollup view):
1. the Go sink (store.Sink: DLQ, pseudonyms, exactly-once rollups);
2. the peer a ClickHouse user would set up: a Kafka engine table on the same
   topic and broker (librdkafka of ClickHouse 18.16, auto.offset.reset
   smallest) and a materialised view into mentions of a fresh database.
The engine's rows hold less than the sink's: ClickHouse 18.16 JSONEachRow
reads no nested objects, so author, metrics and the tag objects stay empty
(it parses less per row than the sink does). The last line is
sink_vs_kafka_engine=<Go rows/s ÷ engine rows/s>.`,
		Example: `  dengar bench sink --mentions 100000`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBenchSink(cmd.Context(), n, batch, under, cmd.OutOrStdout())
		},
	}
	cmd.Flags().IntVar(&n, "mentions", 100000, "tagged mentions to move")
	cmd.Flags().IntVar(&batch, "batch", 0, "Go sink batch size (default clickhouse.batch_size's default)")
	cmd.Flags().StringVar(&under, "dir", "", "parent directory of the private ClickHouse's data (default: the temp dir); its filesystem matters, see README \"Throughput\"")
	benchCmd.AddCommand(cmd)
}

func runBenchSink(ctx context.Context, n, batch int, under string, out io.Writer) error {
	dir, err := os.MkdirTemp(under, "dengar-bench-sink-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if w := chserver.JournalWarning(dir); w != "" {
		fmt.Fprintf(out, "warning: %s\n", w)
	}
	b, err := stream.StartBroker()
	if err != nil {
		return err
	}
	defer b.Close()
	srv, err := chserver.Start(ctx, chserver.Options{Dir: dir,
		ExtraConfig:  "<kafka><auto_offset_reset>smallest</auto_offset_reset></kafka>\n",
		ExtraProfile: "<input_format_skip_unknown_fields>1</input_format_skip_unknown_fields>"})
	if err != nil {
		return fmt.Errorf("bench sink: clickhouse: %w", err)
	}
	defer srv.Stop()
	k := stream.Config{Brokers: b.Addrs(), Group: "benchsink"}
	k.Defaults()
	if err := stream.EnsureTopics(ctx, k); err != nil {
		return err
	}
	var ms []mention.Mention
	stop := fmt.Errorf("enough")
	err = simulate.Generate(simulate.Options{Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		PerHour: float64(n)/(30*24)*1.3 + 10, Seed: 42, Truth: true}, func(m *mention.Mention) error {
		if len(ms) == n {
			return stop
		}
		ms = append(ms, *m)
		return nil
	})
	if err != nil && err != stop {
		return err
	}
	w := stream.NewWriter(k, k.Topics.Tagged)
	start := clock.Now()
	for lo := 0; lo < len(ms); lo += 10000 {
		if err := w.Write(ctx, ms[lo:min(lo+10000, len(ms))]); err != nil {
			w.Close()
			return err
		}
	}
	w.Close()
	fmt.Fprintf(out, "produced %d tagged mentions in %s\n", len(ms), clock.Since(start).Round(time.Millisecond))

	open := func(name string) (*store.DB, error) {
		cfg := store.Config{Addr: srv.Addr(), Database: name, BatchSize: batch}
		cfg.Defaults()
		if err := store.ResetBenchDatabase(ctx, cfg); err != nil {
			return nil, err
		}
		return store.Open(ctx, cfg)
	}
	// The Go sink.
	goDB, err := open("sink_go_bench")
	if err != nil {
		return err
	}
	defer goDB.Close()
	dlq := stream.NewWriter(k, k.Topics.DLQ)
	defer dlq.Close()
	sctx, cancel := context.WithCancel(ctx)
	start = clock.Now()
	go store.NewSink(goDB, k, dlq, store.NewPseudonymizer("bench")).Run(sctx)
	goDur, err := waitRows(ctx, goDB, n)
	cancel()
	if err != nil {
		return fmt.Errorf("bench sink: go sink: %w", err)
	}
	goRate := float64(n) / goDur.Seconds()
	fmt.Fprintf(out, "go_sink: %d rows in %s = %.0f rows/s\n", n, goDur.Round(time.Millisecond), goRate)

	// The Kafka engine and a materialised view into the same tables.
	enDB, err := open("sink_engine_bench")
	if err != nil {
		return err
	}
	defer enDB.Close()
	q := "`" + enDB.Database() + "`."
	start = clock.Now()
	for _, stmt := range []string{
		"CREATE TABLE " + q + "tagged_queue (" + engineColumns + ") ENGINE = Kafka SETTINGS kafka_broker_list = '" + k.Brokers[0] +
			"', kafka_topic_list = '" + k.Topics.Tagged + "', kafka_group_name = 'benchsink-engine', kafka_format = 'JSONEachRow'",
		"CREATE MATERIALIZED VIEW " + q + "tagged_queue_mv TO " + q + "mentions AS SELECT " + engineSelect(start) + " FROM " + q + "tagged_queue",
	} {
		if err := enDB.Conn().Exec(ctx, stmt); err != nil {
			return fmt.Errorf("bench sink: kafka engine: create: %w", err)
		}
	}
	enDur, err := waitRows(ctx, enDB, n)
	_ = enDB.Conn().Exec(context.WithoutCancel(ctx), "DROP TABLE "+q+"tagged_queue_mv")
	_ = enDB.Conn().Exec(context.WithoutCancel(ctx), "DROP TABLE "+q+"tagged_queue")
	if err != nil {
		return fmt.Errorf("bench sink: kafka engine: %w", err)
	}
	enRate := float64(n) / enDur.Seconds()
	fmt.Fprintf(out, "kafka_engine: %d rows in %s = %.0f rows/s (author, metrics and tags not read: ClickHouse 18.16 JSONEachRow has no nested objects)\n",
		n, enDur.Round(time.Millisecond), enRate)
	fmt.Fprintf(out, "sink_vs_kafka_engine=%.2f\n", goRate/enRate)
	return nil
}

// waitRows waits until db's mentions hold n rows and returns how long
// since the call.
func waitRows(ctx context.Context, db *store.DB, n int) (time.Duration, error) {
	start := clock.Now()
	deadline := start.Add(10 * time.Minute)
	for {
		rows, err := db.MentionRows(ctx)
		if err != nil {
			return 0, err
		}
		if rows >= uint64(n) {
			return clock.Since(start), nil
		}
		if clock.Now().After(deadline) {
			return 0, fmt.Errorf("%d of %d rows after %s", rows, n, clock.Since(start).Round(time.Second))
		}
		select {
		case <-ctx.Done():
			return 0, context.Cause(ctx)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
