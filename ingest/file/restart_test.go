package file_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/checkpoint"
	"github.com/dengar-id/dengar/ingest/file"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stream"
)

// TestRestartLosesNothingDoublesNothing runs a configured file source
// against a real broker, with its cursor in the Kafka checkpoints topic,
// through restarts: Kafka fails after the first chunk; a new process (new
// runner, new checkpoint store) resumes where the acknowledged chunks end;
// later passes read only what was appended. The raw topic ends holding
// every line exactly once.
func TestRestartLosesNothingDoublesNothing(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	path := filepath.Join(t.TempDir(), "drop.jsonl")
	appendLines := func(from, to int) {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for i := from; i < to; i++ {
			fmt.Fprintf(f, `{"id":"x:%d","text":"Banjir di Sempaja, laporan ke-%d","posted_at":"2026-11-20T01:00:00Z"}`+"\n", i, i)
		}
	}
	appendLines(0, 2500)
	sc := ingesttest.Source(t, "drop", file.Kind, "path: "+path+"\nchunk: 1000")
	w := stream.NewWriter(kcfg, kcfg.Topics.Raw)
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	// run is one process: its own checkpoint store and runner.
	run := func(emit ingest.Emitter) ingest.PassReport {
		t.Helper()
		cp := checkpoint.NewKafka(kcfg)
		defer cp.Close()
		r := ingest.NewRunner(emit, ingest.WithCheckpoints(cp))
		if err := r.Build(ingest.Config{Collectors: []ingest.SourceConfig{sc}}, ingesttest.Deps(nil)); err != nil {
			t.Fatal(err)
		}
		reps, err := r.RunOnce(ctx, "drop")
		if err != nil {
			t.Fatal(err)
		}
		return reps[0]
	}
	calls := 0
	brokerGoesAway := ingest.EmitterFunc(func(ctx context.Context, ms []mention.Mention) error {
		if calls++; calls > 1 {
			return errors.New("broker unreachable")
		}
		return w.Write(ctx, ms)
	})
	if rep := run(brokerGoesAway); rep.ErrorClass != "emit" || rep.Emitted != 1000 {
		t.Fatalf("first process: %+v", rep)
	}
	check := func(stage string, want int) {
		t.Helper()
		got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw)
		seen := map[string]bool{}
		for _, m := range got {
			seen[m.ID] = true
		}
		if len(got) != want || len(seen) != want {
			t.Fatalf("%s: raw topic holds %d messages, %d distinct ids; want %d of each", stage, len(got), len(seen), want)
		}
	}
	check("after the failure", 1000)
	if rep := run(ingest.EmitterFunc(w.Write)); !rep.OK() || rep.Emitted != 1500 {
		t.Fatalf("restarted process: %+v", rep)
	}
	check("after the restart", 2500)
	if rep := run(ingest.EmitterFunc(w.Write)); !rep.OK() || rep.Emitted != 0 {
		t.Fatalf("a restart with nothing new emitted %d", rep.Emitted)
	}
	appendLines(2500, 2510)
	// The `dengar collect --once` path: the same cursor, in Kafka.
	reps, err := ingesttest.CollectOnce(t, kcfg, sc, nil, nil)
	if err != nil || reps[0].Emitted != 10 {
		t.Fatalf("collect after appending: %+v, %v", reps, err)
	}
	check("after appending", 2510)
}
