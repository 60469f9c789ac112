package x_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/checkpoint"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/ingest/x"
	"github.com/dengar-id/dengar/mention"
)

// fakeX reproduces GET /2/tweets/search/recent from the X API v2 reference:
// bearer auth, query/since_id/next_token/max_results (10..100), the
// data/includes.users/meta shape, x-rate-limit-* headers on every response,
// 429 when the window is spent, and the problem+json error bodies.
type fakeX struct {
	t        *testing.T
	mu       sync.Mutex
	tweets   []int // ids, newest first
	limit    int   // requests per window (0: unlimited)
	used     int
	reset    time.Time
	failNext []int
	badJSON  bool
	requests []url.Values
}

func (f *fakeX) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.URL.Path != "/2/tweets/search/recent" {
		w.WriteHeader(404)
		return
	}
	q := r.URL.Query()
	f.requests = append(f.requests, q)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if r.Header.Get("Authorization") != "Bearer test-token" {
		w.WriteHeader(401)
		w.Write([]byte(`{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`))
		return
	}
	if len(f.failNext) > 0 {
		st := f.failNext[0]
		f.failNext = f.failNext[1:]
		if st == 429 {
			w.Header().Set("x-rate-limit-limit", "450")
			w.Header().Set("x-rate-limit-remaining", "0")
			w.Header().Set("x-rate-limit-reset", strconv.FormatInt(now.Unix(), 10))
			w.WriteHeader(429)
			w.Write([]byte(`{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`))
			return
		}
		w.WriteHeader(st)
		return
	}
	if f.limit > 0 {
		w.Header().Set("x-rate-limit-limit", strconv.Itoa(f.limit))
		w.Header().Set("x-rate-limit-reset", strconv.FormatInt(f.reset.Unix(), 10))
		if f.used >= f.limit {
			w.Header().Set("x-rate-limit-remaining", "0")
			w.WriteHeader(429)
			w.Write([]byte(`{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`))
			return
		}
		f.used++
		w.Header().Set("x-rate-limit-remaining", strconv.Itoa(f.limit-f.used))
	}
	n, err := strconv.Atoi(q.Get("max_results"))
	if err != nil || n < 10 || n > 100 || q.Get("query") == "" {
		w.WriteHeader(400)
		w.Write([]byte(`{"errors":[{"parameters":{"max_results":["` + q.Get("max_results") + `"]},"message":"The max_results query parameter value is not between 10 and 100"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`))
		return
	}
	for _, k := range []string{"tweet.fields", "expansions", "user.fields"} {
		if q.Get(k) == "" {
			f.t.Errorf("missing %s", k)
		}
	}
	if f.badJSON {
		w.Write([]byte(`{"data":[{"id":"1","text":`))
		return
	}
	since, _ := strconv.Atoi(q.Get("since_id"))
	var match []int
	for _, id := range f.tweets {
		if id > since {
			match = append(match, id)
		}
	}
	start, _ := strconv.Atoi(q.Get("next_token"))
	end := min(start+n, len(match))
	type obj = map[string]any
	data := []obj{}
	users := []obj{}
	for _, id := range match[start:end] {
		t := obj{"id": strconv.Itoa(id), "text": fmt.Sprintf("cuitan %d soal Probebaya", id), "author_id": "u" + strconv.Itoa(id%3),
			"created_at":      time.Date(2026, 11, 24, 0, 0, id%60, 0, time.UTC).Format("2006-01-02T15:04:05.000Z"),
			"conversation_id": strconv.Itoa(id), "lang": "in", "edit_history_tweet_ids": []string{strconv.Itoa(id)},
			"public_metrics": obj{"retweet_count": 1, "reply_count": 2, "like_count": 3, "quote_count": 4, "bookmark_count": 0, "impression_count": 50}}
		if id%5 == 0 {
			t["in_reply_to_user_id"] = "u1"
			t["referenced_tweets"] = []obj{{"type": "replied_to", "id": strconv.Itoa(id - 1)}}
		}
		data = append(data, t)
	}
	for i := 0; i < 3; i++ {
		users = append(users, obj{"id": "u" + strconv.Itoa(i), "name": "Warga " + strconv.Itoa(i), "username": "warga" + strconv.Itoa(i),
			"created_at": "2020-01-02T03:04:05.000Z", "description": "bio", "verified": i == 0,
			"public_metrics": obj{"followers_count": 100 * i, "following_count": 5, "tweet_count": 1000 + i, "listed_count": 0}})
	}
	meta := obj{"result_count": len(data)}
	if len(data) > 0 {
		meta["newest_id"] = data[0]["id"]
		meta["oldest_id"] = data[len(data)-1]["id"]
	}
	if end < len(match) {
		meta["next_token"] = strconv.Itoa(end)
	}
	resp := obj{"meta": meta}
	if len(data) > 0 {
		resp["data"] = data
		resp["includes"] = obj{"users": users}
	}
	json.NewEncoder(w).Encode(resp)
}

func ids(from, to int) []int {
	var out []int
	for i := to; i >= from; i-- {
		out = append(out, i)
	}
	return out
}

// now is the clock of the collectors under test: the fake serves posts
// of 2026-11-24, so the tests do not depend on the day they run.
var now = time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC)

func build(t *testing.T, srv *httptest.Server, token string) ingest.Source {
	t.Helper()
	sc := ingesttest.Source(t, "x-test", x.Kind, "base_url: "+srv.URL+"\nmax_results: 10")
	sc.Queries = []string{"probebaya samarinda"}
	deps := ingesttest.Deps(map[string]string{"X_BEARER_TOKEN": token})
	deps.Now = func() time.Time { return now }
	c, err := ingest.New(sc, deps)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPagingSinceIDAndResume(t *testing.T) {
	f := &fakeX{t: t, tweets: ids(1001, 1025)}
	srv := httptest.NewServer(f)
	defer srv.Close()
	cp := ingest.NewMemoryCheckpoints()
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, "test-token"), cp, capt); err != nil {
		t.Fatal(err)
	}
	got := capt.All()
	if len(got) != 25 || len(f.requests) != 3 {
		t.Fatalf("emitted %d in %d requests, want 25 in 3", len(got), len(f.requests))
	}
	if q := f.requests[0].Get("query"); q != "probebaya samarinda -is:retweet" {
		t.Errorf("query = %q", q)
	}
	m := got[0]
	if m.ID != "x:1025" || m.URL != "https://x.com/warga2/status/1025" || m.Author.Handle != "warga2" || m.Author.Followers != 200 ||
		m.Author.Posts != 1002 || m.Author.CreatedAt == nil || m.Metrics != (mention.Metrics{Likes: 3, Replies: 2, Shares: 5, Views: 50}) || m.ParentID != "x:1024" {
		t.Errorf("mention: %+v", m)
	}
	if m.Lang != "id" {
		t.Errorf("X's \"in\" should become BCP 47 \"id\", got %q", m.Lang)
	}
	if got[1].ParentID != "" || got[1].Author.Verified != false {
		t.Errorf("second: %+v", got[1])
	}
	// restart with three new posts: only they come, via since_id
	f.mu.Lock()
	f.tweets = append(ids(1026, 1028), f.tweets...)
	f.requests = nil
	f.mu.Unlock()
	capt2 := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, "test-token"), cp, capt2); err != nil {
		t.Fatal(err)
	}
	if n := len(capt2.All()); n != 3 || f.requests[0].Get("since_id") != "1025" {
		t.Fatalf("resume: %d emitted, since_id %q; want 3 and 1025", n, f.requests[0].Get("since_id"))
	}
}

func TestRateLimitWindowSpentMidPaging(t *testing.T) {
	f := &fakeX{t: t, tweets: ids(1, 25), limit: 2, reset: now.Add(15 * time.Minute)}
	srv := httptest.NewServer(f)
	defer srv.Close()
	// checkpoints in Kafka; the restarted collector uses a new store instance
	kcfg := ingesttest.Broker(t)
	cp := checkpoint.NewKafka(kcfg)
	defer cp.Close()
	capt := &ingesttest.Capture{}
	err := ingesttest.Pass(build(t, srv, "test-token"), cp, capt)
	var fe *fetch.Error
	if !asFetch(err, &fe) || fe.Class != fetch.ClassRateLimited || fe.Until.Unix() != f.reset.Unix() {
		t.Fatalf("err = %v, want rate_limited until the x-rate-limit-reset time", err)
	}
	if len(capt.All()) != 20 || len(f.requests) != 2 {
		t.Fatalf("before the limit: %d emitted in %d requests, want 20 in 2 (no request into a spent window)", len(capt.All()), len(f.requests))
	}
	// the window resets; a new instance resumes from next_token: no gap, no repeat
	f.mu.Lock()
	f.used = 0
	f.mu.Unlock()
	cp2 := checkpoint.NewKafka(kcfg)
	defer cp2.Close()
	capt2 := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, "test-token"), cp2, capt2); err != nil {
		t.Fatal(err)
	}
	all := append(capt.IDs(), capt2.IDs()...)
	seen := map[string]bool{}
	for _, id := range all {
		if seen[id] {
			t.Fatalf("duplicate %s after resume", id)
		}
		seen[id] = true
	}
	if len(seen) != 25 || f.requests[2].Get("next_token") != "20" {
		t.Fatalf("after resume %d distinct posts, token %q", len(seen), f.requests[2].Get("next_token"))
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		token string
		setup func(*fakeX)
		class string
		n     int
	}{
		{"expired or bad token", "wrong", nil, fetch.ClassAuth, 0},
		{"429 with past reset is retried", "test-token", func(f *fakeX) { f.failNext = []int{429} }, "", 5},
		{"503 retried", "test-token", func(f *fakeX) { f.failNext = []int{503} }, "", 5},
		{"malformed JSON", "test-token", func(f *fakeX) { f.badJSON = true }, fetch.ClassMalformed, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeX{t: t, tweets: ids(1, 5)}
			if tc.setup != nil {
				tc.setup(f)
			}
			srv := httptest.NewServer(f)
			defer srv.Close()
			capt := &ingesttest.Capture{}
			err := ingesttest.Pass(build(t, srv, tc.token), nil, capt)
			if fetch.ClassOf(err) != tc.class || len(capt.All()) != tc.n {
				t.Fatalf("err %v, emitted %d; want class %q and %d", err, len(capt.All()), tc.class, tc.n)
			}
		})
	}
}

func TestEndToEnd(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	f := &fakeX{t: t, tweets: ids(1, 12)}
	srv := httptest.NewServer(f)
	defer srv.Close()
	sc := ingesttest.Source(t, "x-e2e", x.Kind, "base_url: "+srv.URL+"\nmax_results: 10")
	sc.Queries = []string{"probebaya"}
	if _, err := ingesttest.CollectOnce(t, kcfg, sc, map[string]string{"X_BEARER_TOKEN": "test-token"}, func() time.Time { return time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) }); err != nil {
		t.Fatal(err)
	}
	if got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw); len(got) != 12 {
		t.Fatalf("raw topic: %d, want 12", len(got))
	}
}

func FuzzParsePage(f *testing.F) {
	f.Add([]byte(`{"data":[{"id":"1","text":"hai","author_id":"u","created_at":"2026-11-24T00:00:00.000Z","referenced_tweets":[{"type":"replied_to","id":"0"}]}],"includes":{"users":[{"id":"u","username":"a","created_at":"bad"}]},"meta":{"newest_id":"1","next_token":"x"}}`))
	f.Add([]byte(`{"meta":{"result_count":0}}`))
	f.Add([]byte(`{"data":[{"id":"","text":""}]}`))
	f.Add([]byte(`nope`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ms, _, err := x.ParsePage(body, "q", time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
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
