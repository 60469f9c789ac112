package googlenews_test

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
	"github.com/dengar-id/dengar/ingest/googlenews"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/mention"
)

// newsServer imitates news.google.com: /rss/search requires q, hl, gl and
// ceid; article links answer 302 to the publisher (CBMiAAA1) or a 200 page
// that redirects by script (the others).
type newsServer struct {
	t       *testing.T
	mu      sync.Mutex
	queries []string
	status  int
}

func (s *newsServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case r.URL.Path == "/rss/search":
		q := r.URL.Query()
		if q.Get("hl") != "id" || q.Get("gl") != "ID" || q.Get("ceid") != "ID:id" || q.Get("q") == "" {
			s.t.Errorf("bad search parameters: %s", r.URL.RawQuery)
			w.WriteHeader(400)
			return
		}
		s.queries = append(s.queries, q.Get("q"))
		if s.status != 0 {
			w.WriteHeader(s.status)
			return
		}
		b, _ := os.ReadFile("testdata/search.xml")
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		w.Write(b)
	case strings.HasPrefix(r.URL.Path, "/rss/articles/CBMiAAA1"):
		http.Redirect(w, r, "https://kaltimpost.example/berita/probebaya-tahap-dua", http.StatusFound)
	case strings.HasPrefix(r.URL.Path, "/rss/articles/"):
		w.Write([]byte("<html><script>location='…'</script></html>"))
	default:
		w.WriteHeader(404)
	}
}

func fixture(t *testing.T, srv *httptest.Server) []byte {
	b, err := os.ReadFile("testdata/search.xml")
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.ReplaceAll(string(b), "https://news.google.com", srv.URL))
}

func TestSearchOutletsAndResolve(t *testing.T) {
	ns := &newsServer{t: t}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/rss/search" {
			ns.mu.Lock()
			ns.queries = append(ns.queries, r.URL.Query().Get("q"))
			ns.mu.Unlock()
			w.Write(fixture(t, srv))
			return
		}
		ns.ServeHTTP(w, r)
	}))
	defer srv.Close()
	sc := ingesttest.Source(t, "gn", googlenews.Kind, "base_url: "+srv.URL)
	sc.Queries = []string{"probebaya", `"dana RT" samarinda`}
	cp := ingest.NewMemoryCheckpoints()
	c, err := ingest.New(sc, ingesttest.Deps(nil))
	if err != nil {
		t.Fatal(err)
	}
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(c, cp, capt); err != nil {
		t.Fatal(err)
	}
	if len(ns.queries) != 2 || ns.queries[1] != `"dana RT" samarinda` {
		t.Fatalf("queries sent: %q", ns.queries)
	}
	got := capt.All()
	// the same three items answer both queries: the second query's copies
	// have the same ids (dedup by id downstream); per query, 3 items.
	if len(got) != 6 {
		t.Fatalf("emitted %d, want 6", len(got))
	}
	want := []struct{ id, title, outlet, url, host string }{
		{"googlenews:CBMiAAA1", "Probebaya tahap dua cair, RT diminta transparan", "Kaltim Post", "https://kaltimpost.example/berita/probebaya-tahap-dua", "kaltimpost.example"},
		{"googlenews:CBMiBBB2", "DPRD Samarinda soroti program Probebaya", "Tribun Kaltim - Tribunnews", srv.URL + "/rss/articles/CBMiBBB2?oc=5", "kaltim.tribunnews.example"},
		{"googlenews:CBMiCCC3", "Warga Samarinda sambut Probebaya", "Sapos", srv.URL + "/rss/articles/CBMiCCC3?oc=5", "Sapos"},
	}
	for i, w := range want {
		m := got[i]
		if m.ID != w.id || m.Title != w.title || m.Author.Name != w.outlet || m.URL != w.url || m.Author.Handle != w.host || m.Author.Kind != mention.KindMedia || m.Query != "probebaya" {
			t.Errorf("item %d = %+v\nwant %+v", i, m, w)
		}
	}
	if want := time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC); !got[0].PostedAt.Equal(want) {
		t.Errorf("posted_at %v", got[0].PostedAt)
	}
	// Resume: a new instance on the same checkpoints emits nothing again.
	c2, _ := ingest.New(sc, ingesttest.Deps(nil))
	capt2 := &ingesttest.Capture{}
	if err := ingesttest.Pass(c2, cp, capt2); err != nil {
		t.Fatal(err)
	}
	if n := len(capt2.All()); n != 0 {
		t.Fatalf("re-flood: %d emitted on the second pass", n)
	}
}

func TestSplitTitle(t *testing.T) {
	for _, tc := range []struct{ in, head, outlet string }{
		{"A - B", "A", "B"},
		{"A - B - C", "A - B", "C"},
		{"No outlet", "No outlet", ""},
		{" - B", " - B", ""},
		{"A - ", "A - ", ""},
	} {
		h, o := googlenews.SplitTitle(tc.in)
		if h != tc.head || o != tc.outlet {
			t.Errorf("SplitTitle(%q) = %q, %q; want %q, %q", tc.in, h, o, tc.head, tc.outlet)
		}
	}
}

func TestRateLimitedThenOK(t *testing.T) {
	var n int
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		k := n
		mu.Unlock()
		if k == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		b, _ := os.ReadFile("testdata/search.xml")
		w.Write(b)
	}))
	defer srv.Close()
	sc := ingesttest.Source(t, "gn", googlenews.Kind, "base_url: "+srv.URL+"\nresolve_links: false")
	sc.Queries = []string{"probebaya"}
	c, _ := ingest.New(sc, ingesttest.Deps(nil))
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(c, nil, capt); err != nil {
		t.Fatal(err)
	}
	if n != 2 || len(capt.All()) != 3 {
		t.Fatalf("requests %d, emitted %d; want 2 and 3", n, len(capt.All()))
	}
}

func TestRetryAfterTooLongEndsPass(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	sc := ingesttest.Source(t, "gn", googlenews.Kind, "base_url: "+srv.URL)
	sc.Queries = []string{"probebaya"}
	c, _ := ingest.New(sc, ingesttest.Deps(nil))
	start := time.Now()
	err := ingesttest.Pass(c, nil, &ingesttest.Capture{})
	var fe *fetch.Error
	if !asFetch(err, &fe) || fe.Class != fetch.ClassRateLimited || time.Until(fe.Until) < 50*time.Minute {
		t.Fatalf("err = %v, want rate_limited with retry ~1h ahead", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatalf("collector slept on a 1 h Retry-After")
	}
}

func TestEndToEnd(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	ns := &newsServer{t: t}
	srv := httptest.NewServer(ns)
	defer srv.Close()
	sc := ingesttest.Source(t, "gn-e2e", googlenews.Kind, fmt.Sprintf("base_url: %s\nresolve_links: false", srv.URL))
	sc.Queries = []string{"probebaya"}
	if _, err := ingesttest.CollectOnce(t, kcfg, sc, nil, func() time.Time { return time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) }); err != nil {
		t.Fatal(err)
	}
	got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw)
	if len(got) != 3 {
		t.Fatalf("raw topic: %d mentions, want 3", len(got))
	}
	for _, m := range got {
		if m.Source != "googlenews" || m.Query != "probebaya" || m.CollectedAt.IsZero() {
			t.Errorf("bad mention %+v", m)
		}
	}
}

func FuzzParse(f *testing.F) {
	b, _ := os.ReadFile("testdata/search.xml")
	f.Add(b)
	f.Add([]byte("<rss><channel><item><title> - </title><source url=\"::\">x</source></item></channel></rss>"))
	f.Add([]byte("not xml"))
	f.Fuzz(func(t *testing.T, body []byte) {
		feed, err := googlenews.Parse(body)
		if err != nil {
			if fetch.ClassOf(err) != fetch.ClassMalformed {
				t.Fatalf("unclassified: %v", err)
			}
			return
		}
		now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
		for _, it := range feed.Items {
			m, ok := googlenews.FromItem(it, "q", now)
			if !ok {
				continue
			}
			m.Normalize()
			if err := m.Validate(); err != nil {
				t.Fatalf("invalid mention from item: %v", err)
			}
		}
	})
}
