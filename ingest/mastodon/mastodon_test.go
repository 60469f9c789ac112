package mastodon_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/ingest/mastodon"
)

// fakeInstance reproduces GET /api/v1/timelines/tag/:hashtag from the
// Mastodon API docs: newest-first Status arrays, limit (max 40), since_id
// and max_id, a Link header with rel="next" (max_id) and rel="prev"
// (min_id) on non-empty pages, X-RateLimit-* headers and 429, and
// {"error": "..."} bodies for 401/422.
type fakeInstance struct {
	t        *testing.T
	mu       sync.Mutex
	statuses map[string][]int // tag → ids ascending
	token    string           // required bearer token ("" = public)
	errNext  []int
	requests []url.Values
	resetAt  time.Time
}

func (f *fakeInstance) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	tag, ok := strings.CutPrefix(r.URL.Path, "/api/v1/timelines/tag/")
	if !ok {
		w.WriteHeader(404)
		return
	}
	q := r.URL.Query()
	f.requests = append(f.requests, q)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-RateLimit-Limit", "300")
	w.Header().Set("X-RateLimit-Remaining", "299")
	w.Header().Set("X-RateLimit-Reset", f.resetAt.Format(time.RFC3339))
	if len(f.errNext) > 0 {
		st := f.errNext[0]
		f.errNext = f.errNext[1:]
		if st == 429 {
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.WriteHeader(429)
			w.Write([]byte(`{"error":"Too many requests"}`))
			return
		}
		w.WriteHeader(st)
		return
	}
	if f.token != "" {
		switch r.Header.Get("Authorization") {
		case "Bearer " + f.token:
		case "":
			w.WriteHeader(422)
			w.Write([]byte(`{"error":"This method requires an authenticated user"}`))
			return
		default:
			w.WriteHeader(401)
			w.Write([]byte(`{"error":"The access token is invalid"}`))
			return
		}
	}
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit <= 0 || limit > 40 {
		limit = 20
	}
	since, _ := strconv.Atoi(q.Get("since_id"))
	maxID, _ := strconv.Atoi(q.Get("max_id"))
	var page []int
	ids := f.statuses[tag]
	for i := len(ids) - 1; i >= 0 && len(page) < limit; i-- {
		id := ids[i]
		if id > since && (maxID == 0 || id < maxID) {
			page = append(page, id)
		}
	}
	out := []map[string]any{}
	for _, id := range page {
		s := map[string]any{"id": strconv.Itoa(id), "uri": fmt.Sprintf("https://example.social/users/warga/statuses/%d", id),
			"url": fmt.Sprintf("https://example.social/@warga/%d", id), "created_at": time.Date(2026, 11, 24, 0, 0, id%3600, 0, time.UTC).Format("2006-01-02T15:04:05.000Z"),
			"in_reply_to_id": nil, "content": fmt.Sprintf("<p>Status %d tentang <a href=\"https://example.social/tags/samarinda\" class=\"mention hashtag\">#<span>samarinda</span></a></p>", id),
			"spoiler_text": "", "language": "id", "replies_count": 1, "reblogs_count": 2, "favourites_count": 3, "reblog": nil, "visibility": "public", "sensitive": false,
			"account": map[string]any{"id": "42", "username": "warga", "acct": "warga@example.social", "display_name": "Warga", "note": "<p>bio</p>", "created_at": "2022-01-01T00:00:00.000Z", "followers_count": 9, "statuses_count": 99, "bot": false}}
		if id%7 == 0 {
			s["in_reply_to_id"] = strconv.Itoa(id - 1)
		}
		out = append(out, s)
	}
	if len(page) > 0 {
		base := "https://example.social/api/v1/timelines/tag/" + tag
		w.Header().Set("Link", fmt.Sprintf(`<%s?max_id=%d>; rel="next", <%s?min_id=%d>; rel="prev"`, base, page[len(page)-1], base, page[0]))
	}
	json.NewEncoder(w).Encode(out)
}

func seq(from, to int) []int {
	var s []int
	for i := from; i <= to; i++ {
		s = append(s, i)
	}
	return s
}

// now is the clock of the collectors under test: the fake serves posts
// of 2026-11-24, so the tests do not depend on the day they run.
var now = time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC)

func build(t *testing.T, srv *httptest.Server, env map[string]string, extra string) ingest.Source {
	t.Helper()
	sc := ingesttest.Source(t, "masto", mastodon.Kind, "base_url: "+srv.URL+"\nhashtags: ['#samarinda']\nlimit: 10\n"+extra)
	deps := ingesttest.Deps(env)
	deps.Now = func() time.Time { return now }
	c, err := ingest.New(sc, deps)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestBackfillThenSinceIDPaging(t *testing.T) {
	f := &fakeInstance{t: t, statuses: map[string][]int{"samarinda": seq(100, 130)}}
	srv := httptest.NewServer(f)
	defer srv.Close()
	cp := ingest.NewMemoryCheckpoints()
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, nil, ""), cp, capt); err != nil {
		t.Fatal(err)
	}
	// first pass: backfill_pages 1 → the newest 10
	if n := len(capt.All()); n != 10 || len(f.requests) != 1 {
		t.Fatalf("backfill emitted %d in %d requests", n, len(f.requests))
	}
	m := capt.All()[0]
	host := strings.TrimPrefix(srv.URL, "http://")
	if m.ID != "mastodon:"+host+"/130" || m.Text != "Status 130 tentang #samarinda" || m.Author.Handle != "warga@example.social" || m.Metrics.Shares != 2 || m.Channel != "#samarinda" {
		t.Errorf("status: %+v", m)
	}
	// 25 new statuses arrive: with limit 10 that is 3 pages via Link rel=next, bounded by since_id
	f.mu.Lock()
	f.statuses["samarinda"] = append(f.statuses["samarinda"], seq(131, 155)...)
	f.requests = nil
	f.mu.Unlock()
	capt2 := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, nil, ""), cp, capt2); err != nil {
		t.Fatal(err)
	}
	got := capt2.All()
	if len(got) != 25 {
		t.Fatalf("new statuses emitted %d, want 25", len(got))
	}
	if f.requests[0].Get("since_id") != "130" || f.requests[1].Get("max_id") != "146" || f.requests[1].Get("since_id") != "130" {
		t.Errorf("paging params: %v", f.requests)
	}
	for _, m := range got {
		if strings.HasSuffix(m.ID, "/147") && m.ParentID != "mastodon:"+host+"/146" {
			t.Errorf("reply parent: %+v", m)
		}
	}
	// nothing new: one request, nothing emitted
	capt3 := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, nil, ""), cp, capt3); err != nil || len(capt3.All()) != 0 {
		t.Fatalf("third pass: %v, %d", err, len(capt3.All()))
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		token string
		env   map[string]string
		errs  []int
		class string
		n     int
	}{
		{"auth required (422)", "secret", nil, nil, fetch.ClassAuth, 0},
		{"bad token (401)", "secret", map[string]string{"MASTODON_TOKEN": "old"}, nil, fetch.ClassAuth, 0},
		{"good token", "secret", map[string]string{"MASTODON_TOKEN": "secret"}, nil, "", 3},
		{"429 until X-RateLimit-Reset", "", nil, []int{429}, fetch.ClassRateLimited, 0},
		{"502 retried", "", nil, []int{502}, "", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reset := now.Add(5 * time.Minute)
			f := &fakeInstance{t: t, statuses: map[string][]int{"samarinda": seq(1, 3)}, token: tc.token, errNext: tc.errs, resetAt: reset}
			srv := httptest.NewServer(f)
			defer srv.Close()
			capt := &ingesttest.Capture{}
			err := ingesttest.Pass(build(t, srv, tc.env, ""), nil, capt)
			if fetch.ClassOf(err) != tc.class || len(capt.All()) != tc.n {
				t.Fatalf("err %v, emitted %d; want class %q, %d", err, len(capt.All()), tc.class, tc.n)
			}
			if tc.class == fetch.ClassRateLimited {
				var fe *fetch.Error
				if !asFetch(err, &fe) || !fe.Until.Equal(reset) {
					t.Errorf("retry at %v, want %v", fe.Until, reset)
				}
			}
		})
	}
}

func TestNextMaxID(t *testing.T) {
	for _, tc := range []struct{ link, want string }{
		{`<https://m.example/api/v1/timelines/tag/x?max_id=109>; rel="next", <https://m.example/api/v1/timelines/tag/x?min_id=120>; rel="prev"`, "109"},
		{`<https://m.example/x?min_id=120>; rel="prev"`, ""},
		{``, ""},
		{`garbage; rel="next"`, ""},
		{`<https://m.example/x?limit=2&max_id=5>;rel=next`, "5"},
	} {
		if got := mastodon.NextMaxID(tc.link); got != tc.want {
			t.Errorf("NextMaxID(%q) = %q, want %q", tc.link, got, tc.want)
		}
	}
}

func TestEndToEnd(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	f := &fakeInstance{t: t, statuses: map[string][]int{"samarinda": seq(1, 4)}}
	srv := httptest.NewServer(f)
	defer srv.Close()
	sc := ingesttest.Source(t, "masto-e2e", mastodon.Kind, "base_url: "+srv.URL+"\nhashtags: [samarinda]")
	if _, err := ingesttest.CollectOnce(t, kcfg, sc, nil, func() time.Time { return time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) }); err != nil {
		t.Fatal(err)
	}
	if got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw); len(got) != 4 {
		t.Fatalf("raw topic %d, want 4", len(got))
	}
}

func FuzzParseStatuses(f *testing.F) {
	f.Add([]byte(`[{"id":"1","created_at":"2026-11-24T00:00:00.000Z","content":"<p>hai &amp; <br>halo</p>","in_reply_to_id":"0","url":null,"uri":"u","account":{"id":"1","acct":"a","created_at":"x"}}]`))
	f.Add([]byte(`[{"id":"2","reblog":{"id":"1"}}]`))
	f.Add([]byte(`{"error":"x"}`))
	f.Add([]byte(`[{"id":"3","created_at":"2026-11-24T00:00:00Z","content":"<","spoiler_text":"cw"}]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ms, _, err := mastodon.ParseStatuses(body, "m.example", "tag", time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
		if err != nil {
			if fetch.ClassOf(err) != fetch.ClassMalformed {
				t.Fatalf("unclassified %v", err)
			}
			return
		}
		for _, m := range ms {
			m.Normalize()
			if err := m.Validate(); err != nil {
				t.Fatalf("invalid mention: %v", err)
			}
		}
	})
}
