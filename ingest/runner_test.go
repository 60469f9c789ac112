package ingest_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/mention"
)

// scripted is a pull source whose passes are given by the test; its
// cursor counts the passes whose batch the runner checkpointed.
type scripted struct {
	name   string
	mu     sync.Mutex
	passes int
	batch  []mention.Mention
	err    error
}

func (s *scripted) Pull(ctx context.Context, cur *int) (ingest.Batch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.passes++
	*cur++
	return ingest.Batch{Mentions: s.batch}, s.err
}

func (s *scripted) source() ingest.Source { return ingest.Pull(s) }

type registry map[string]mention.Author

func (r registry) Lookup(source, key string) (mention.Author, bool) {
	a, ok := r[source+"/"+key]
	return a, ok
}

var t0 = time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)

func mk(id, text string) mention.Mention {
	return mention.Mention{ID: "rss:" + id, Source: "rss", Text: text, PostedAt: t0.Add(-time.Hour),
		Author: mention.Author{Handle: "kaltimpost.example", Kind: mention.KindMedia}}
}

const wire = "Pemerintah Kota Samarinda menyalurkan dana Probebaya tahap kedua kepada seluruh RT pada Senin pagi menurut keterangan resmi dinas terkait"

func TestRunnerPipeline(t *testing.T) {
	reg := prometheus.NewRegistry()
	metrics := ingest.NewMetrics(reg)
	capt := &ingesttest.Capture{}
	var reports []ingest.PassReport
	now := t0
	r := ingest.NewRunner(capt,
		ingest.WithMetrics(metrics),
		ingest.WithClock(func() time.Time { return now }),
		ingest.WithFilter(ingest.FilterFunc(func(m *mention.Mention) bool {
			if strings.Contains(strings.ToLower(m.Text), "probebaya") {
				m.Query = "probebaya"
				return true
			}
			return false
		})),
		ingest.WithAccounts(registry{"rss/kaltimpost.example": {Kind: mention.KindMedia, Org: "Kaltim Post"}}),
		ingest.WithOnPass(func(p ingest.PassReport) { reports = append(reports, p) }),
	)
	bad := mk("bad", "Probebaya tanpa tanggal")
	bad.PostedAt = time.Time{}
	reply := mk("4", "mantap pak, lanjutkan") // no keyword, but under a matched item
	reply.ParentID, reply.Query = "rss:1", "probebaya"
	orphan := mk("5", "mantap pak") // a reply nobody vouched for
	orphan.ParentID = "rss:9"
	c := &scripted{name: "rss-test", batch: []mention.Mention{
		mk("1", wire),
		mk("2", "KALTIMPOST - "+wire),
		mk("3", "Harga cabai naik di pasar Segiri"),
		bad,
		reply,
		orphan,
	}}
	r.Add(c.source(), ingest.SourceConfig{Name: "rss-test", Kind: "rss", Interval: time.Minute})
	reps, err := r.RunOnce(context.Background(), "rss-test")
	if err != nil {
		t.Fatal(err)
	}
	rep := reps[0]
	if !rep.OK() || rep.Received != 6 || rep.Emitted != 3 || rep.Dropped[ingest.DropFiltered] != 2 || rep.Dropped[ingest.DropInvalid] != 1 {
		t.Fatalf("report %+v", rep)
	}
	got := capt.All()
	if got[0].Author.Org != "Kaltim Post" || got[0].Query != "probebaya" || !got[0].CollectedAt.Equal(t0) || got[0].Schema != 1 {
		t.Errorf("enrichment: %+v", got[0])
	}
	if got[0].StoryID == "" || got[0].StoryID != got[1].StoryID {
		t.Errorf("syndicated copies should share story_id: %q %q", got[0].StoryID, got[1].StoryID)
	}
	if len(reports) != 1 || !rep.NextAt.Equal(t0.Add(time.Minute)) {
		t.Errorf("on-pass hook %d calls; next at %v", len(reports), rep.NextAt)
	}
	if got[2].ID != "rss:4" {
		t.Errorf("the reply under a matched item should be kept as context: %v", capt.IDs())
	}
	if v := metricValue(t, reg, "dengar_collector_items_total"); v != 3 {
		t.Errorf("items_total = %v", v)
	}
	if v := metricValue(t, reg, "dengar_collector_last_success_timestamp_seconds"); v != float64(t0.Unix()) {
		t.Errorf("last_success = %v", v)
	}
	if n := seriesCount(t, reg, "dengar_collector_dropped_total"); n != 2 {
		t.Errorf("dropped series = %d, want filtered and invalid", n)
	}
}

// metricValue returns the value of a metric family's single series.
func metricValue(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name && len(mf.Metric) == 1 {
			m := mf.Metric[0]
			if m.Counter != nil {
				return m.Counter.GetValue()
			}
			return m.Gauge.GetValue()
		}
	}
	t.Fatalf("metric %s not found or not a single series", name)
	return 0
}

func seriesCount(t *testing.T, reg *prometheus.Registry, name string) int {
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name {
			return len(mf.Metric)
		}
	}
	return 0
}

func TestHealthStaleAndRetryAt(t *testing.T) {
	now := t0
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	r := ingest.NewRunner(&ingesttest.Capture{}, ingest.WithClock(clock))
	quota := &scripted{name: "yt", err: &fetch.Error{Class: fetch.ClassQuota, Msg: "quotaExceeded", Until: t0.Add(7 * time.Hour)}}
	ok := &scripted{name: "rss", batch: []mention.Mention{mk("1", "x")}}
	r.Add(quota.source(), ingest.SourceConfig{Name: "yt", Kind: "youtube", Interval: 10 * time.Minute, StaleAfter: time.Hour})
	r.Add(ok.source(), ingest.SourceConfig{Name: "rss", Kind: "rss", Interval: 10 * time.Minute, StaleAfter: time.Hour})
	reps, err := r.RunOnce(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if reps[0].ErrorClass != fetch.ClassQuota || !reps[0].NextAt.Equal(t0.Add(7*time.Hour)) {
		t.Errorf("quota pass: class %q next %v; want quota, retry at the reset", reps[0].ErrorClass, reps[0].NextAt)
	}
	mu.Lock()
	now = t0.Add(2 * time.Hour)
	mu.Unlock()
	h := r.Health()
	if len(h) != 2 || h[0].Collector != "rss" {
		t.Fatalf("health not sorted by name: %+v", h)
	}
	byName := map[string]ingest.Health{}
	for _, x := range h {
		byName[x.Collector] = x
	}
	if !byName["rss"].Stale || byName["rss"].LastSuccess != t0 {
		t.Errorf("rss health %+v: last success 2 h ago, window 1 h → stale", byName["rss"])
	}
	if y := byName["yt"]; !y.Stale || y.ErrorClass != fetch.ClassQuota || !strings.Contains(y.LastError, "quotaExceeded") {
		t.Errorf("yt health %+v", y)
	}
}

func TestRunLoopsAndStopsGracefully(t *testing.T) {
	capt := &ingesttest.Capture{}
	r := ingest.NewRunner(capt)
	c := &scripted{name: "fast", batch: []mention.Mention{mk("1", "x")}}
	r.Add(c.source(), ingest.SourceConfig{Name: "fast", Kind: "rss", Interval: 5 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c.mu.Lock()
		n := c.passes
		c.mu.Unlock()
		if n >= 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("runner did not repeat passes")
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if err := ingest.NewRunner(capt).Run(context.Background()); err == nil {
		t.Error("Run with no collectors should fail")
	}
}

func TestEmitErrorIsReported(t *testing.T) {
	r := ingest.NewRunner(&ingesttest.Capture{Fail: errors.New("broker down")})
	r.Add((&scripted{name: "c", batch: []mention.Mention{mk("1", "x")}}).source(), ingest.SourceConfig{Name: "c", Kind: "rss"})
	reps, _ := r.RunOnce(context.Background(), "c")
	if reps[0].ErrorClass != "emit" || reps[0].Emitted != 0 {
		t.Fatalf("report %+v", reps[0])
	}
}

func TestHealthHandler(t *testing.T) {
	now := t0
	r := ingest.NewRunner(&ingesttest.Capture{}, ingest.WithClock(func() time.Time { return now }))
	r.Add((&scripted{name: "a", batch: []mention.Mention{mk("1", "x")}}).source(), ingest.SourceConfig{Name: "a", Kind: "rss", Interval: time.Minute, StaleAfter: time.Hour})
	if _, err := r.RunOnce(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		after  time.Duration
		status int
	}{{time.Minute, 200}, {2 * time.Hour, 503}} {
		now = t0.Add(tc.after)
		rec := httptest.NewRecorder()
		r.HealthHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/healthz/collectors", nil))
		var body struct{ Collectors []ingest.Health }
		if rec.Code != tc.status || json.Unmarshal(rec.Body.Bytes(), &body) != nil || len(body.Collectors) != 1 {
			t.Errorf("after %v: %d %s", tc.after, rec.Code, rec.Body)
		}
	}
}
