package ingest_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/mention"
)

// pages is a pull source over a fixed list, two items per Pull; its cursor
// is the index of the next item.
type pages struct {
	items []mention.Mention
	fail  error // returned with the batch that ends the list
}

func (p *pages) Pull(_ context.Context, next *int) (ingest.Batch, error) {
	end := min(*next+2, len(p.items))
	b := ingest.Batch{Mentions: p.items[*next:end], More: end < len(p.items)}
	*next = end
	if !b.More {
		return b, p.fail
	}
	return b, nil
}

// flaky fails the calls whose number (1-based) is in fail.
type flaky struct {
	mu    sync.Mutex
	calls int
	fail  []int
}

func (f *flaky) next() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if slices.Contains(f.fail, f.calls) {
		return errors.New("broker down")
	}
	return nil
}

type flakyEmitter struct {
	flaky
	capt ingesttest.Capture
}

func (e *flakyEmitter) Emit(ctx context.Context, ms []mention.Mention) error {
	if err := e.next(); err != nil {
		return err
	}
	return e.capt.Emit(ctx, ms)
}

type flakyCheckpoints struct {
	flaky
	*ingest.MemoryCheckpoints
}

func (c *flakyCheckpoints) Save(ctx context.Context, key string, v []byte) error {
	if err := c.next(); err != nil {
		return err
	}
	return c.MemoryCheckpoints.Save(ctx, key, v)
}

func items(n int) []mention.Mention {
	var ms []mention.Mention
	for i := range n {
		ms = append(ms, mk(strconv.Itoa(i), "Probebaya tahap "+strconv.Itoa(i)))
	}
	return ms
}

func idList(ms []mention.Mention) string {
	var s []string
	for _, m := range ms {
		s = append(s, strings.TrimPrefix(m.ID, "rss:"))
	}
	return strings.Join(s, ",")
}

// TestCheckpointOnlyAfterEmit: the runner saves a pull source's cursor only
// after the Emitter acknowledged the batch. A failed emit loses nothing
// (the next pass repeats the batch); a failed save after a good emit
// repeats that one batch (a duplicate by id, collapsed downstream) and
// skips nothing.
func TestCheckpointOnlyAfterEmit(t *testing.T) {
	src := &pages{items: items(5)}
	cfg := ingest.SourceConfig{Name: "pages", Kind: "rss"}
	run := func(emit ingest.Emitter, cps ingest.Checkpoints) ingest.PassReport {
		t.Helper()
		r := ingest.NewRunner(emit, ingest.WithCheckpoints(cps))
		r.Add(ingest.Pull(src), cfg)
		reps, err := r.RunOnce(context.Background(), "pages")
		if err != nil {
			t.Fatal(err)
		}
		return reps[0]
	}
	cps := ingest.NewMemoryCheckpoints()
	cursor := func() string { b, _ := cps.Load(context.Background(), "pages"); return string(b) }

	// The second batch's emit fails: the first batch is saved, not the second.
	e := &flakyEmitter{flaky: flaky{fail: []int{2}}}
	rep := run(e, cps)
	if rep.ErrorClass != "emit" || rep.Emitted != 2 || cursor() != "2" {
		t.Fatalf("pass with a failed emit: %+v, cursor %s; want class emit, 2 emitted, cursor 2", rep, cursor())
	}
	// A new runner (a restart) resumes at the saved cursor.
	rep = run(e, cps)
	if !rep.OK() || rep.Emitted != 3 || cursor() != "5" || idList(e.capt.All()) != "0,1,2,3,4" {
		t.Fatalf("resumed pass: %+v, cursor %s, emitted %s; want every item once", rep, cursor(), idList(e.capt.All()))
	}
	if rep = run(e, cps); rep.Emitted != 0 {
		t.Fatalf("a pass with nothing new emitted %d", rep.Emitted)
	}

	// The second save fails after its batch was acknowledged.
	fc := &flakyCheckpoints{flaky: flaky{fail: []int{2}}, MemoryCheckpoints: ingest.NewMemoryCheckpoints()}
	e2 := &flakyEmitter{}
	if rep = run(e2, fc); rep.ErrorClass != "checkpoint" || rep.Emitted != 4 {
		t.Fatalf("pass with a failed save: %+v", rep)
	}
	if rep = run(e2, fc); !rep.OK() {
		t.Fatal(rep.Error)
	}
	if got := idList(e2.capt.All()); got != "0,1,2,3,2,3,4" {
		t.Fatalf("emitted %s; want the unsaved batch 2,3 once more and nothing skipped", got)
	}
}

// TestPartialPull: a Pull that fails part-way returns what it got; the
// runner emits it, saves the cursor and reports the error.
func TestPartialPull(t *testing.T) {
	src := &pages{items: items(3), fail: errors.New("feed 2: HTTP 503")}
	capt := &ingesttest.Capture{}
	cps := ingest.NewMemoryCheckpoints()
	r := ingest.NewRunner(capt, ingest.WithCheckpoints(cps))
	r.Add(ingest.Pull(src), ingest.SourceConfig{Name: "p", Kind: "rss"})
	reps, _ := r.RunOnce(context.Background(), "p")
	saved, _ := cps.Load(context.Background(), "p")
	if reps[0].OK() || !strings.Contains(reps[0].Error, "503") || len(capt.All()) != 3 || string(saved) != "3" {
		t.Fatalf("report %+v, emitted %d, cursor %s", reps[0], len(capt.All()), saved)
	}
}

// TestMalformedItems are counted in the pass and those with a raw form go
// to the dead-letter hook before the cursor is saved.
func TestMalformedItems(t *testing.T) {
	var dead []string
	r := ingest.NewRunner(&ingesttest.Capture{}, ingest.WithDeadLetters(func(_ context.Context, collector string, items []ingest.Malformed) error {
		for _, it := range items {
			dead = append(dead, collector+": "+string(it.Raw)+" ("+it.Err.Error()+")")
		}
		return nil
	}))
	src := ingest.PullFunc[struct{}](func(context.Context, *struct{}) (ingest.Batch, error) {
		return ingest.Batch{Mentions: items(1), Malformed: []ingest.Malformed{
			{Raw: []byte(`{"id": broken`), Err: errors.New("line 2: not a JSON mention")},
			{Err: errors.New("item without id")},
		}}, nil
	})
	r.Add(ingest.Pull(src), ingest.SourceConfig{Name: "f", Kind: "file"})
	reps, _ := r.RunOnce(context.Background(), "f")
	if rep := reps[0]; !rep.OK() || rep.Received != 3 || rep.Emitted != 1 || rep.Dropped[ingest.DropMalformed] != 2 {
		t.Fatalf("report %+v", rep)
	}
	if len(dead) != 1 || dead[0] != `f: {"id": broken (line 2: not a JSON mention)` {
		t.Fatalf("dead letters %q", dead)
	}
}

// TestPushSource: what a push source receives goes through the same
// preparation (watch filter, validation) before the Emitter, and Serve
// runs until the runner stops; a push source has no single pass.
func TestPushSource(t *testing.T) {
	capt := &ingesttest.Capture{}
	on := true
	r := ingest.NewRunner(capt, ingest.WithFilter(ingest.FilterFunc(func(m *mention.Mention) bool {
		return strings.Contains(m.Text, "Probebaya")
	})))
	bad := mk("bad", "Probebaya tanpa tanggal")
	bad.PostedAt = time.Time{}
	got := make(chan error, 1)
	r.Add(ingest.Push(ingest.PushFunc(func(ctx context.Context, emit ingest.Emitter) error {
		got <- emit.Emit(ctx, []mention.Mention{mk("1", "Probebaya cair"), mk("2", "cabai naik"), bad})
		<-ctx.Done()
		return nil
	})), ingest.SourceConfig{Name: "hook", Kind: "webhook", Filter: &on})
	if _, err := r.RunOnce(context.Background(), "hook"); err == nil {
		t.Error("RunOnce on a push source should fail")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if ids := capt.IDs(); len(ids) != 1 || ids[0] != "rss:1" {
		t.Fatalf("emitted %v; want only the valid, matching mention", ids)
	}
}
