package rss_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/ingest/internal/feedpoll"
	"github.com/dengar-id/dengar/ingest/rss"
	"github.com/dengar-id/dengar/mention"
)

// feedServer serves a feed with ETag/Last-Modified validators and answers
// conditional GETs with 304, as web servers and CDNs do.
type feedServer struct {
	mu          sync.Mutex
	body        []byte
	etag        string
	status      int // forced status when not 0
	requests    int
	conditional int
	notModified int
}

func (s *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	if s.status != 0 {
		w.WriteHeader(s.status)
		return
	}
	lm := "Mon, 23 Nov 2026 03:00:00 GMT"
	if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
		s.conditional++
	}
	if r.Header.Get("If-None-Match") == s.etag && r.Header.Get("If-Modified-Since") == lm {
		s.notModified++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", s.etag)
	w.Header().Set("Last-Modified", lm)
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write(s.body)
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newCollector(t *testing.T, srvURL string) ingest.Source {
	t.Helper()
	sc := ingesttest.Source(t, "rss-test", rss.Kind, fmt.Sprintf("feeds:\n  - url: %s/feed\n    outlet: Kaltim Contoh\n", srvURL))
	c, err := ingest.New(sc, ingesttest.Deps(nil))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestConditionalGetAndResume(t *testing.T) {
	fs := &feedServer{body: mustRead(t, "testdata/kaltim.xml"), etag: `"v1"`}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	cp := ingest.NewMemoryCheckpoints()

	cap1 := &ingesttest.Capture{}
	if err := ingesttest.Pass(newCollector(t, srv.URL), cp, cap1); err != nil {
		t.Fatal(err)
	}
	got := cap1.All()
	if len(got) != 2 {
		t.Fatalf("first pass emitted %d mentions, want 2 (the empty item is dropped)", len(got))
	}
	m := got[0]
	if m.Source != "rss" || !strings.HasPrefix(m.ID, "rss:") || m.Author.Kind != mention.KindMedia || m.Author.Name != "Kaltim Contoh" {
		t.Errorf("unexpected mention header: %+v", m)
	}
	if m.Title != "Pemkot Samarinda salurkan dana Probebaya tahap dua" {
		t.Errorf("title = %q", m.Title)
	}
	if m.Text != "Dana Probebaya tahap dua disalurkan ke seluruh RT di Samarinda." {
		t.Errorf("text (HTML stripped) = %q", m.Text)
	}
	if want := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC); !m.PostedAt.Equal(want) {
		t.Errorf("posted_at = %v, want %v", m.PostedAt, want)
	}
	if got[1].Text != "Warga Sempaja mengeluhkan genangan setelah hujan deras & drainase tersumbat." {
		t.Errorf("entity not unescaped: %q", got[1].Text)
	}

	// Second pass, new collector instance on the same checkpoints: the
	// server answers 304 and nothing is emitted.
	cap2 := &ingesttest.Capture{}
	if err := ingesttest.Pass(newCollector(t, srv.URL), cp, cap2); err != nil {
		t.Fatal(err)
	}
	if len(cap2.All()) != 0 || fs.notModified != 1 {
		t.Fatalf("second pass: emitted %d, 304s %d; want 0 and 1", len(cap2.All()), fs.notModified)
	}

	// The feed changes (new ETag) and gains one item: only it is emitted.
	fs.mu.Lock()
	fs.etag = `"v2"`
	fs.body = []byte(strings.Replace(string(fs.body), "<item>", `<item><title>Item baru tentang Samarinda</title><link>https://kaltim.example/baru</link><guid>kaltim-1003</guid><description>Isi baru.</description></item><item>`, 1))
	fs.mu.Unlock()
	cap3 := &ingesttest.Capture{}
	if err := ingesttest.Pass(newCollector(t, srv.URL), cp, cap3); err != nil {
		t.Fatal(err)
	}
	if ids := cap3.IDs(); len(ids) != 1 || cap3.All()[0].Title != "Item baru tentang Samarinda" {
		t.Fatalf("third pass emitted %v, want only the new item", ids)
	}
	// Same item, same id across passes.
	if got[0].ID != newIDFor(t, srv.URL, "https://kaltim.example/berita/probebaya-tahap-dua") {
		t.Errorf("id not stable")
	}
}

func newIDFor(t *testing.T, srvURL, link string) string {
	f, err := feedpoll.Parse(mustRead(t, "testdata/kaltim.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range f.Items {
		if it.Link == link {
			m, _, ok := rss.FromItem(rss.Feed{URL: srvURL + "/feed"}, f, it, time.Now())
			if ok {
				return m.ID
			}
		}
	}
	return ""
}

func TestEmitFailureKeepsCheckpoint(t *testing.T) {
	fs := &feedServer{body: mustRead(t, "testdata/kaltim.xml"), etag: `"v1"`}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	cp := ingest.NewMemoryCheckpoints()
	failing := &ingesttest.Capture{Fail: fmt.Errorf("kafka down")}
	if err := ingesttest.Pass(newCollector(t, srv.URL), cp, failing); err == nil {
		t.Fatal("want error when emit fails")
	}
	ok := &ingesttest.Capture{}
	if err := ingesttest.Pass(newCollector(t, srv.URL), cp, ok); err != nil {
		t.Fatal(err)
	}
	if len(ok.All()) != 2 {
		t.Fatalf("after a failed emit the next pass must re-emit everything, got %d", len(ok.All()))
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name      string
		status    int
		body      string
		wantClass string
		wantReqs  int
	}{
		{"5xx retried then reported", 503, "", fetch.ClassTransient, 3},
		{"404 permanent, not retried", 404, "", fetch.ClassPermanent, 1},
		{"malformed XML", 0, "<rss><channel><item><title>x", fetch.ClassMalformed, 1},
		{"not a feed", 0, "hello, this is not a feed", fetch.ClassMalformed, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := &feedServer{body: []byte(tc.body), etag: `"x"`, status: tc.status}
			srv := httptest.NewServer(fs)
			defer srv.Close()
			err := ingesttest.Pass(newCollector(t, srv.URL), nil, &ingesttest.Capture{})
			if got := fetch.ClassOf(err); got != tc.wantClass {
				t.Fatalf("class = %q (%v), want %q", got, err, tc.wantClass)
			}
			if fs.requests != tc.wantReqs {
				t.Errorf("requests = %d, want %d", fs.requests, tc.wantReqs)
			}
		})
	}
}

func TestOversizedFeed(t *testing.T) {
	big := "<rss><channel>" + strings.Repeat("<item><title>x</title></item>", 50000) + "</channel></rss>"
	fs := &feedServer{body: []byte(big), etag: `"x"`}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	sc := ingesttest.Source(t, "rss-big", rss.Kind, fmt.Sprintf("feeds:\n  - url: %s/feed\n", srv.URL))
	sc.MaxBody = 64 << 10
	c, err := ingest.New(sc, ingesttest.Deps(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = ingesttest.Pass(c, nil, &ingesttest.Capture{})
	if fetch.ClassOf(err) != fetch.ClassTooLarge {
		t.Fatalf("err = %v, want too_large", err)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, y := range []string{"feeds: []", "feeds:\n  - url: ftp://x/feed", "feeds: 3"} {
		sc := ingesttest.Source(t, "bad", rss.Kind, y)
		if _, err := ingest.New(sc, ingesttest.Deps(nil)); err == nil {
			t.Errorf("%q: want configuration error", y)
		}
	}
}

func TestEndToEndThroughCollect(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/kaltim.xml", func(w http.ResponseWriter, r *http.Request) { w.Write(mustRead(t, "testdata/kaltim.xml")) })
	mux.HandleFunc("/city.atom", func(w http.ResponseWriter, r *http.Request) { w.Write(mustRead(t, "testdata/city.atom")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	sc := ingesttest.Source(t, "rss-e2e", rss.Kind, fmt.Sprintf("feeds:\n  - url: %s/kaltim.xml\n  - url: %s/city.atom\n    outlet: Portal Kota\n    kind: government\n", srv.URL, srv.URL))
	reps, err := ingesttest.CollectOnce(t, kcfg, sc, nil, func() time.Time { return time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	if reps[0].Emitted != 3 {
		t.Fatalf("emitted %d, want 3", reps[0].Emitted)
	}
	got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw)
	if len(got) != 3 {
		t.Fatalf("raw topic holds %d mentions, want 3", len(got))
	}
	byTitle := map[string]mention.Mention{}
	for _, m := range got {
		byTitle[m.Title] = m
	}
	city := byTitle["Wali kota resmikan taman baru di Samarinda Seberang"]
	if city.Author.Kind != mention.KindGovernment || city.Author.Name != "Portal Kota" || city.URL != "https://kota.example/warta/taman-baru" {
		t.Errorf("atom entry: %+v", city)
	}
	// A second run resumes from the Kafka checkpoint: nothing new.
	reps, err = ingesttest.CollectOnce(t, kcfg, sc, nil, func() time.Time { return time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	if reps[0].Emitted != 0 || len(ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw)) != 3 {
		t.Fatalf("second run re-flooded: emitted %d", reps[0].Emitted)
	}
}

func FuzzParseFeed(f *testing.F) {
	f.Add(mustReadF(f, "testdata/kaltim.xml"))
	f.Add(mustReadF(f, "testdata/city.atom"))
	f.Add([]byte("<rss><channel><item><title>a</title></item></channel></rss>"))
	f.Add([]byte("{}"))
	f.Fuzz(func(t *testing.T, body []byte) {
		feed, err := feedpoll.Parse(body)
		if err != nil {
			if fetch.ClassOf(err) != fetch.ClassMalformed {
				t.Fatalf("parse error not classified: %v", err)
			}
			return
		}
		now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
		for _, it := range feed.Items {
			m, _, ok := rss.FromItem(rss.Feed{URL: "https://x.example/feed"}, feed, it, now)
			if !ok {
				continue
			}
			m.Normalize()
			if err := m.Validate(); err != nil {
				t.Fatalf("FromItem produced an invalid mention: %v", err)
			}
		}
	})
}

func mustReadF(f *testing.F, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		f.Fatal(err)
	}
	return b
}
