package youtube_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/checkpoint"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/ingest/youtube"
)

var now = time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func seed(f *fakeYouTube) {
	f.videos = []fakeVideo{
		{id: "v3", channel: "UCwarga", channelTitle: "Warga Samarinda", title: "Probebaya di RT 12 &amp; RT 13", desc: "Liputan warga", published: at("2026-11-24T10:00:00Z"), query: "probebaya"},
		{id: "v4", channel: "UCkota", channelTitle: "Pemkot Samarinda", title: "Rapat kerja wali kota", desc: "", published: at("2026-11-24T09:00:00Z")},
		{id: "v2", channel: "UCwarga", channelTitle: "Warga Samarinda", title: "Probebaya tahap 2", desc: "x", published: at("2026-11-24T08:00:00Z"), query: "probebaya"},
		{id: "v1", channel: "UCmedia", channelTitle: "Berita Kaltim", title: "Dana Probebaya", desc: "y", published: at("2026-11-23T08:00:00Z"), query: "probebaya"},
	}
	c := func(id, text, ts string) fakeComment {
		return fakeComment{id: id, author: "@user_" + id, authorID: "UC_" + id, text: text, published: at(ts), likes: 2}
	}
	f.threads["v3"] = []fakeThread{
		{top: c("t1", "Mantap programnya", "2026-11-24T12:00:00Z"), total: 3, inlined: []fakeComment{c("t1.r1", "setuju", "2026-11-24T12:05:00Z")}},
		{top: c("t2", "Dananya kapan cair?", "2026-11-24T11:00:00Z")},
		{top: c("t3", "RT kami belum dapat", "2026-11-24T10:30:00Z")},
	}
	f.replies["t1"] = []fakeComment{c("t1.r1", "setuju", "2026-11-24T12:05:00Z"), c("t1.r2", "kurang merata", "2026-11-24T12:10:00Z"), c("t1.r3", "semoga lancar", "2026-11-24T12:20:00Z")}
	f.disabled["v2"] = true
}

func build(t *testing.T, srv *httptest.Server, extra string) ingest.Source {
	t.Helper()
	sc := ingesttest.Source(t, "yt", youtube.Kind, "base_url: "+srv.URL+"/youtube/v3\nchannels: [UCkota]\n"+extra)
	sc.Queries = []string{"probebaya"}
	deps := ingesttest.Deps(map[string]string{"YOUTUBE_API_KEY": "test-key"})
	deps.Now = func() time.Time { return now }
	c, err := ingest.New(sc, deps)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPagingCommentsRepliesAndResume(t *testing.T) {
	f := newFake(t)
	seed(f)
	srv := httptest.NewServer(f)
	defer srv.Close()
	kcfg := ingesttest.Broker(t)
	cp := checkpoint.NewKafka(kcfg)
	defer cp.Close()
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, ""), cp, capt); err != nil {
		t.Fatal(err)
	}
	ids := capt.IDs()
	want := []string{"youtube:v3", "youtube:v2", "youtube:v1", "youtube:v4",
		"youtube:t1", "youtube:t1.r1", "youtube:t1.r2", "youtube:t1.r3", "youtube:t2", "youtube:t3"}
	if !slices.Equal(ids, want) {
		t.Fatalf("emitted\n %v\nwant\n %v", ids, want)
	}
	got := map[string]int{}
	for i, m := range capt.All() {
		got[m.ID] = i
	}
	all := capt.All()
	v3 := all[got["youtube:v3"]]
	if v3.Metrics.Views != 1500 || v3.Metrics.Likes != 42 || v3.Metrics.Replies != 3 {
		t.Errorf("video statistics: %+v", v3.Metrics)
	}
	if n := f.reqs("/youtube/v3/videos"); n != 3 {
		t.Errorf("videos.list requests %d, want one per search page", n)
	}
	if v3.Title != "Probebaya di RT 12 & RT 13" || v3.URL != "https://www.youtube.com/watch?v=v3" || v3.Author.ID != "UCwarga" || v3.Query != "probebaya" || !v3.PostedAt.Equal(at("2026-11-24T10:00:00Z")) {
		t.Errorf("video mention: %+v", v3)
	}
	if v4 := all[got["youtube:v4"]]; v4.Text != "Rapat kerja wali kota" || v4.Query != "" {
		t.Errorf("channel video (empty description → title as text): %+v", v4)
	}
	t1 := all[got["youtube:t1"]]
	if t1.ParentID != "youtube:v3" || t1.Metrics.Replies != 3 || t1.Metrics.Likes != 2 || t1.Author.ID != "UC_t1" || t1.Author.Handle != "@user_t1" {
		t.Errorf("top-level comment: %+v", t1)
	}
	if r := all[got["youtube:t1.r2"]]; r.ParentID != "youtube:t1" || r.Text != "kurang merata" {
		t.Errorf("reply: %+v", r)
	}
	// requests: 2 search pages for the query + 1 for the channel; comment
	// threads: v3 (2 pages), v2 (commentsDisabled), v1, v4; 2 reply pages.
	if n := f.reqs("/youtube/v3/search"); n != 3 {
		t.Errorf("search requests %d, want 3", n)
	}
	if n := f.reqs("/youtube/v3/commentThreads"); n != 5 {
		t.Errorf("commentThreads requests %d, want 5", n)
	}
	if n := f.reqs("/youtube/v3/comments?"); n != 2 {
		t.Errorf("comments requests %d, want 2", n)
	}
	if !strings.Contains(f.requests[0], "publishedAfter=2026-11-18T03%3A00%3A00Z") {
		t.Errorf("first search should look back track_days: %s", f.requests[0])
	}

	// Restart: new instance, same checkpoints; one new video, one new thread.
	f.mu.Lock()
	f.videos = append([]fakeVideo{{id: "v5", channel: "UCwarga", channelTitle: "Warga", title: "Probebaya lagi", desc: "z", published: at("2026-11-25T02:00:00Z"), query: "probebaya"}}, f.videos...)
	f.threads["v3"] = append([]fakeThread{{top: fakeComment{id: "t4", author: "@baru", authorID: "UC4", text: "komentar baru", published: at("2026-11-25T01:00:00Z")}}}, f.threads["v3"]...)
	f.requests = nil
	f.mu.Unlock()
	cp2 := checkpoint.NewKafka(kcfg) // a restarted process: a fresh store reading the topic
	defer cp2.Close()
	capt2 := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, ""), cp2, capt2); err != nil {
		t.Fatal(err)
	}
	if ids := capt2.IDs(); !slices.Equal(ids, []string{"youtube:v5", "youtube:t4"}) {
		t.Fatalf("after restart emitted %v, want only the new video and comment", ids)
	}
	if !strings.Contains(f.requests[0], "publishedAfter=2026-11-24T10%3A00%3A00Z") {
		t.Errorf("resumed search should start at the newest seen video: %s", f.requests[0])
	}
	if n := f.reqs("/youtube/v3/commentThreads?maxResults=100&order=time&part=snippet%2Creplies&textFormat=plainText&videoId=v2"); n != 0 {
		t.Errorf("comments-disabled video polled again")
	}
}

func TestQuotaExceededWaitsForPacificMidnight(t *testing.T) {
	f := newFake(t)
	seed(f)
	f.quota = 150 // one search, then quotaExceeded
	srv := httptest.NewServer(f)
	defer srv.Close()
	cp := ingest.NewMemoryCheckpoints()
	capt := &ingesttest.Capture{}
	err := ingesttest.Pass(build(t, srv, ""), cp, capt)
	var fe *fetch.Error
	if !errors.As(err, &fe) || fe.Class != fetch.ClassQuota {
		t.Fatalf("err = %v, want quota", err)
	}
	// 2026-11-25T03:00Z is 2026-11-24 19:00 PST; the reset is 2026-11-25 00:00 PST = 08:00Z.
	if want := at("2026-11-25T08:00:00Z"); !fe.Until.Equal(want) {
		t.Errorf("retry at %v, want %v", fe.Until, want)
	}
	if len(capt.All()) != 2 {
		t.Errorf("the first page before the quota error should be emitted, got %d", len(capt.All()))
	}
	before := len(f.requests)
	err = ingesttest.Pass(build(t, srv, ""), cp, capt)
	if fetch.ClassOf(err) != fetch.ClassQuota || len(f.requests) != before {
		t.Fatalf("second pass before reset: err %v, %d new requests; want quota error and none", err, len(f.requests)-before)
	}
}

func TestDailyBudgetPerQuery(t *testing.T) {
	f := newFake(t)
	seed(f)
	srv := httptest.NewServer(f)
	defer srv.Close()
	cp := ingest.NewMemoryCheckpoints()
	// 100 units per search per day: one search page each, comments get nothing.
	if err := ingesttest.Pass(build(t, srv, "query_budget: 100"), cp, &ingesttest.Capture{}); err != nil {
		t.Fatal(err)
	}
	if n := f.reqs("/youtube/v3/search"); n != 2 {
		t.Fatalf("search requests %d, want 2 (one per search)", n)
	}
	if n := f.reqs("/youtube/v3/commentThreads"); n != 0 {
		t.Fatalf("comment requests %d, want 0 (budget spent)", n)
	}
	if err := ingesttest.Pass(build(t, srv, "query_budget: 100"), cp, &ingesttest.Capture{}); err != nil {
		t.Fatal(err)
	}
	if n := f.reqs("/youtube/v3/search"); n != 2 {
		t.Fatalf("budget not kept across passes: %d searches", n)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		setup  func(f *fakeYouTube)
		class  string
		emitOK bool
	}{
		{"invalid key", func(f *fakeYouTube) { f.key = "other" }, fetch.ClassAuth, false},
		{"5xx retried", func(f *fakeYouTube) { f.failNext = []int{503, 500} }, "", true},
		{"5xx exhausted", func(f *fakeYouTube) { f.failNext = []int{503, 503, 503} }, fetch.ClassTransient, true},
		{"malformed JSON", func(f *fakeYouTube) { f.badJSON = true }, fetch.ClassMalformed, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t)
			seed(f)
			tc.setup(f)
			srv := httptest.NewServer(f)
			defer srv.Close()
			capt := &ingesttest.Capture{}
			err := ingesttest.Pass(build(t, srv, ""), nil, capt)
			if fetch.ClassOf(err) != tc.class {
				t.Fatalf("err = %v, want class %q", err, tc.class)
			}
			if tc.emitOK != (len(capt.All()) > 0) {
				t.Errorf("emitted %d mentions", len(capt.All()))
			}
		})
	}
}

func TestMissingKey(t *testing.T) {
	sc := ingesttest.Source(t, "yt", youtube.Kind, "channels: [UCx]")
	if _, err := ingest.New(sc, ingesttest.Deps(nil)); err == nil || !strings.Contains(err.Error(), "YOUTUBE_API_KEY") {
		t.Fatalf("err = %v", err)
	}
}

func TestQuotaDay(t *testing.T) {
	for _, tc := range []struct{ t, day, reset string }{
		{"2026-11-25T07:59:00Z", "2026-11-24", "2026-11-25T08:00:00Z"},
		{"2026-11-25T08:00:00Z", "2026-11-25", "2026-11-26T08:00:00Z"},
		{"2026-07-01T06:59:00Z", "2026-06-30", "2026-07-01T07:00:00Z"}, // PDT
	} {
		if d := youtube.QuotaDay(at(tc.t)); d != tc.day {
			t.Errorf("QuotaDay(%s) = %s, want %s", tc.t, d, tc.day)
		}
		if r := youtube.NextReset(at(tc.t)); !r.Equal(at(tc.reset)) {
			t.Errorf("NextReset(%s) = %v, want %s", tc.t, r, tc.reset)
		}
	}
}

func TestEndToEnd(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	f := newFake(t)
	seed(f)
	srv := httptest.NewServer(f)
	defer srv.Close()
	sc := ingesttest.Source(t, "yt-e2e", youtube.Kind, "base_url: "+srv.URL+"/youtube/v3\nchannels: [UCkota]")
	sc.Queries = []string{"probebaya"}
	if _, err := ingesttest.CollectOnce(t, kcfg, sc, map[string]string{"YOUTUBE_API_KEY": "test-key"}, func() time.Time { return now }); err != nil {
		t.Fatal(err)
	}
	got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw)
	if len(got) != 10 {
		t.Fatalf("raw topic: %d mentions, want 10", len(got))
	}
	_ = http.StatusOK
}
