package meta_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/ingest/meta"
)

var now = time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC)

type item = map[string]any

// fakeGraph reproduces the Graph API endpoints the collectors use, from
// Meta's reference: /{page-id}/posts (since filter), /{ig-user-id}/media,
// /{object-id}/comments (Facebook filter=stream with parent, Instagram
// nested replies), access_token parameter, cursor paging
// (paging.cursors.before/after, paging.next only when more), Graph times
// ("+0000"), and error objects {"error":{message,type,code,error_subcode,fbtrace_id}}.
type fakeGraph struct {
	t        *testing.T
	mu       sync.Mutex
	token    string
	posts    map[string][]item // by account id, newest first
	comments map[string][]item // by object id
	limit    int
	errNext  []string // "190", "32", "2", "bad"
	requests []string
}

func graphErr(w http.ResponseWriter, status, code, sub int, typ, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"error":{"message":%q,"type":%q,"code":%d,"error_subcode":%d,"fbtrace_id":"AbCdEf123"}}`, msg, typ, code, sub)
}

func (g *fakeGraph) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	q := r.URL.Query()
	g.requests = append(g.requests, r.URL.Path)
	if len(g.errNext) > 0 {
		e := g.errNext[0]
		g.errNext = g.errNext[1:]
		switch e {
		case "32":
			w.Header().Set("X-Business-Use-Case-Usage", `{"1234":[{"type":"pages","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":10}]}`)
			graphErr(w, 403, 32, 0, "OAuthException", "Page request limit reached")
		case "2":
			graphErr(w, 500, 2, 0, "OAuthException", "An unexpected error has occurred. Please retry your request later.")
		case "bad":
			w.Write([]byte(`{"data":[{"id":`))
		}
		return
	}
	if q.Get("access_token") != g.token {
		graphErr(w, 400, 190, 463, "OAuthException", "Error validating access token: Session has expired on Tuesday, 24-Nov-26 10:00:00 PST.")
		return
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	if len(parts) != 3 || parts[0] != "v19.0" {
		graphErr(w, 400, 100, 33, "GraphMethodException", "Unsupported get request.")
		return
	}
	id, edge := parts[1], parts[2]
	var list []item
	switch edge {
	case "posts":
		for _, f := range []string{"id", "message", "created_time", "permalink_url", "shares", "reactions.summary(true)", "comments.summary(true)"} {
			if !strings.Contains(q.Get("fields"), f) {
				g.t.Errorf("posts fields lack %s: %s", f, q.Get("fields"))
			}
		}
		since, _ := strconv.ParseInt(q.Get("since"), 10, 64)
		for _, p := range g.posts[id] {
			t, _ := time.Parse("2006-01-02T15:04:05-0700", p["created_time"].(string))
			if since == 0 || t.Unix() >= since {
				list = append(list, p)
			}
		}
	case "media":
		list = g.posts[id]
	case "comments":
		if strings.Contains(q.Get("fields"), "message") && q.Get("filter") != "stream" {
			g.t.Errorf("facebook comments without filter=stream")
		}
		list = g.comments[id]
	default:
		graphErr(w, 400, 100, 0, "OAuthException", "Tried accessing nonexisting field")
		return
	}
	start := 0
	if a := q.Get("after"); a != "" {
		b, _ := base64.StdEncoding.DecodeString(a)
		start, _ = strconv.Atoi(string(b))
	}
	lim := g.limit
	if l, _ := strconv.Atoi(q.Get("limit")); l > 0 && l < lim {
		lim = l
	}
	end := min(start+lim, len(list))
	resp := item{"data": list[start:end]}
	if end > start {
		pg := item{"cursors": item{"before": base64.StdEncoding.EncodeToString([]byte(strconv.Itoa(start))), "after": base64.StdEncoding.EncodeToString([]byte(strconv.Itoa(end)))}}
		if end < len(list) {
			pg["next"] = "https://graph.facebook.com/v19.0/" + id + "/" + edge + "?after=" + base64.StdEncoding.EncodeToString([]byte(strconv.Itoa(end)))
		}
		resp["paging"] = pg
	}
	json.NewEncoder(w).Encode(resp)
}

func gt(s string) string {
	t, _ := time.Parse(time.RFC3339, s)
	return t.UTC().Format("2006-01-02T15:04:05-0700")
}

func fbPost(id, msg, ts string) item {
	return item{"id": "1234_" + id, "message": msg, "created_time": gt(ts), "permalink_url": "https://www.facebook.com/1234/posts/" + id,
		"shares": item{"count": 3}, "from": item{"id": "1234", "name": "Pemkot Samarinda"},
		"reactions": item{"data": []item{}, "summary": item{"total_count": 12, "viewer_reaction": "NONE"}},
		"comments":  item{"data": []item{}, "summary": item{"order": "ranked", "total_count": 2, "can_comment": true}}}
}

func fbComment(id, msg, ts, parent string) item {
	c := item{"id": id, "message": msg, "created_time": gt(ts), "from": item{"id": "u" + id, "name": "Warga " + id}, "like_count": 1, "comment_count": 0}
	if parent != "" {
		c["parent"] = item{"id": parent}
	}
	return c
}

func newFB(t *testing.T) *fakeGraph {
	g := &fakeGraph{t: t, token: "meta-token", limit: 2, posts: map[string][]item{}, comments: map[string][]item{}}
	g.posts["1234"] = []item{
		fbPost("5", "Jadwal Probebaya minggu ini", "2026-11-24T12:00:00Z"),
		{"id": "1234_4", "created_time": gt("2026-11-24T11:00:00Z")}, // photo only: no message
		fbPost("3", "Banjir Sempaja ditangani", "2026-11-24T10:00:00Z"),
		fbPost("2", "Lomba kebersihan RT", "2026-11-23T10:00:00Z"),
		fbPost("1", "Terlalu lama", "2026-11-10T10:00:00Z"), // older than track_days
	}
	g.comments["1234_5"] = []item{ // reverse chronological, stream: replies carry parent
		fbComment("5_c3", "terima kasih infonya", "2026-11-24T13:10:00Z", "5_c1"),
		fbComment("5_c2", "RT 7 kapan?", "2026-11-24T13:05:00Z", ""),
		fbComment("5_c1", "mantap pak", "2026-11-24T13:00:00Z", ""),
	}
	return g
}

func build(t *testing.T, kind string, srv *httptest.Server, token string) ingest.Source {
	t.Helper()
	sc := ingesttest.Source(t, kind+"-test", kind, "base_url: "+srv.URL+"\nids: [\"1234\"]")
	deps := ingesttest.Deps(map[string]string{"META_ACCESS_TOKEN": token})
	deps.Now = func() time.Time { return now }
	c, err := ingest.New(sc, deps)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFacebookPostsCommentsResume(t *testing.T) {
	g := newFB(t)
	srv := httptest.NewServer(g)
	defer srv.Close()
	cp := ingest.NewMemoryCheckpoints()
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, meta.KindFacebook, srv, "meta-token"), cp, capt); err != nil {
		t.Fatal(err)
	}
	want := []string{"facebook:1234_5", "facebook:1234_3", "facebook:1234_2", "facebook:5_c3", "facebook:5_c2", "facebook:5_c1"}
	if ids := capt.IDs(); !slices.Equal(ids, want) {
		t.Fatalf("emitted %v\nwant    %v", ids, want)
	}
	all := capt.All()
	p := all[0]
	if p.Text != "Jadwal Probebaya minggu ini" || p.Metrics.Likes != 12 || p.Metrics.Shares != 3 || p.Metrics.Replies != 2 ||
		p.URL != "https://www.facebook.com/1234/posts/5" || !p.PostedAt.Equal(time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)) || p.Author.Name != "Pemkot Samarinda" {
		t.Errorf("post: %+v", p)
	}
	if all[3].ParentID != "facebook:5_c1" || all[4].ParentID != "facebook:1234_5" || all[4].Author.Name != "Warga 5_c2" {
		t.Errorf("comment parents: %q %q", all[3].ParentID, all[4].ParentID)
	}
	// restart: one new post, one new comment on the followed post
	g.mu.Lock()
	g.posts["1234"] = append([]item{fbPost("6", "Pengumuman baru", "2026-11-25T01:00:00Z")}, g.posts["1234"]...)
	g.comments["1234_5"] = append([]item{fbComment("5_c4", "komentar baru", "2026-11-25T02:00:00Z", "")}, g.comments["1234_5"]...)
	g.mu.Unlock()
	capt2 := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, meta.KindFacebook, srv, "meta-token"), cp, capt2); err != nil {
		t.Fatal(err)
	}
	if ids := capt2.IDs(); !slices.Equal(ids, []string{"facebook:1234_6", "facebook:5_c4"}) {
		t.Fatalf("after restart emitted %v", ids)
	}
}

func TestInstagramMediaAndNestedReplies(t *testing.T) {
	g := &fakeGraph{t: t, token: "meta-token", limit: 2, posts: map[string][]item{}, comments: map[string][]item{}}
	g.posts["1234"] = []item{
		{"id": "m2", "caption": "Festival Mahakam #samarinda", "timestamp": gt("2026-11-24T09:00:00Z"), "permalink": "https://www.instagram.com/p/m2/", "like_count": 40, "comments_count": 2, "media_type": "IMAGE", "username": "pemkotsmd"},
		{"id": "m1", "caption": "Probebaya", "timestamp": gt("2026-11-23T09:00:00Z"), "permalink": "https://www.instagram.com/p/m1/", "like_count": 4, "comments_count": 0, "media_type": "IMAGE", "username": "pemkotsmd"},
	}
	g.comments["m2"] = []item{
		{"id": "c1", "text": "keren", "timestamp": gt("2026-11-24T09:30:00Z"), "username": "warga1", "like_count": 2,
			"replies": item{"data": []item{{"id": "c1r1", "text": "iya", "timestamp": gt("2026-11-24T09:40:00Z"), "username": "warga2", "like_count": 0}}}},
		{"id": "c2", "text": "parkirnya susah", "timestamp": gt("2026-11-24T09:35:00Z"), "username": "warga3", "like_count": 5},
	}
	srv := httptest.NewServer(g)
	defer srv.Close()
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, meta.KindInstagram, srv, "meta-token"), nil, capt); err != nil {
		t.Fatal(err)
	}
	want := []string{"instagram:m2", "instagram:m1", "instagram:c1", "instagram:c1r1", "instagram:c2"}
	if ids := capt.IDs(); !slices.Equal(ids, want) {
		t.Fatalf("emitted %v, want %v", ids, want)
	}
	all := capt.All()
	if all[0].Metrics.Likes != 40 || all[0].Author.Handle != "pemkotsmd" || all[3].ParentID != "instagram:c1" || all[2].ParentID != "instagram:m2" || all[2].Metrics.Replies != 1 {
		t.Errorf("mentions: %+v", all)
	}
}

func TestGraphErrors(t *testing.T) {
	for _, tc := range []struct {
		name, token string
		errs        []string
		class       string
		untilMin    time.Duration
	}{
		{"expired token (190)", "old-token", nil, fetch.ClassAuth, 0},
		{"page rate limit (32) with regain estimate", "meta-token", []string{"32"}, fetch.ClassRateLimited, 10 * time.Minute},
		{"transient code 2 retried", "meta-token", []string{"2", "2"}, "", 0},
		{"malformed JSON", "meta-token", []string{"bad"}, fetch.ClassMalformed, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := newFB(t)
			g.errNext = tc.errs
			srv := httptest.NewServer(g)
			defer srv.Close()
			err := ingesttest.Pass(build(t, meta.KindFacebook, srv, tc.token), nil, &ingesttest.Capture{})
			if fetch.ClassOf(err) != tc.class {
				t.Fatalf("err = %v, want class %q", err, tc.class)
			}
			if tc.untilMin > 0 {
				var fe *fetch.Error
				asFetch(err, &fe)
				if got := fe.Until.Sub(now); got != tc.untilMin {
					t.Errorf("retry in %v, want %v", got, tc.untilMin)
				}
			}
		})
	}
}

func TestEndToEnd(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	g := newFB(t)
	srv := httptest.NewServer(g)
	defer srv.Close()
	g.posts["5678"] = []item{{"id": "m9", "caption": "Festival Mahakam", "timestamp": gt("2026-11-24T09:00:00Z"), "permalink": "https://www.instagram.com/p/m9/", "username": "pemkotsmd"}}
	g.comments["m9"] = []item{{"id": "c9", "text": "keren", "timestamp": gt("2026-11-24T09:30:00Z"), "username": "warga1"}}
	for kind, id := range map[string]string{meta.KindFacebook: "1234", meta.KindInstagram: "5678"} {
		sc := ingesttest.Source(t, kind+"-e2e", kind, "base_url: "+srv.URL+"\nids: [\""+id+"\"]\ntrack_days: 36500")
		if _, err := ingesttest.CollectOnce(t, kcfg, sc, map[string]string{"META_ACCESS_TOKEN": "meta-token"}, func() time.Time { return now }); err != nil {
			t.Fatal(err)
		}
	}
	n := map[string]int{}
	for _, m := range ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw) {
		n[m.Source]++
	}
	if n["facebook"] != 7 || n["instagram"] != 2 { // 4 posts with text + 3 comments; 1 media + 1 comment
		t.Fatalf("raw topic: %v, want 7 facebook and 2 instagram", n)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"data":[{"id":"1_2","message":"halo","created_time":"2026-11-24T10:00:00+0000","parent":{"id":"x"},"from":{"id":"u","name":"n"}}],"paging":{"cursors":{"after":"QQ=="},"next":"n"}}`))
	f.Add([]byte(`{"data":[{"id":"m","caption":"c","timestamp":"2026-11-24T10:00:00+0000","replies":{"data":[{"id":"r","text":"t","timestamp":"bad"}]}}]}`))
	f.Add([]byte(`{"error":{"code":190}}`))
	f.Add([]byte(`[]`))
	n := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body []byte) {
		check := func(err error) bool {
			if err != nil && fetch.ClassOf(err) != fetch.ClassMalformed {
				t.Fatalf("unclassified %v", err)
			}
			return err == nil
		}
		if ps, _, err := meta.ParsePosts(body, "p", n); check(err) {
			for _, p := range ps {
				valid(t, p.M.ID, p.M)
			}
		}
		if ps, _, err := meta.ParseMedia(body, "p", n); check(err) {
			for _, p := range ps {
				valid(t, p.M.ID, p.M)
			}
		}
		if cs, _, err := meta.ParseComments(body, "p", n); check(err) {
			for _, m := range cs {
				valid(t, m.ID, m)
			}
		}
		if cs, _, err := meta.ParseIGComments(body, "p", n); check(err) {
			for _, m := range cs {
				valid(t, m.ID, m)
			}
		}
	})
}
