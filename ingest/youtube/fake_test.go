package youtube_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeYouTube reproduces the parts of the YouTube Data API v3 the
// collector uses, from the API reference: search.list, commentThreads.list
// and comments.list under /youtube/v3, the `key` parameter, page tokens,
// documented quota costs (search 100, list 1) against a daily limit, and
// the documented error body ({"error":{"code","message","errors":[{"domain",
// "reason","message"}]}}) for quotaExceeded, keyInvalid, commentsDisabled.
type fakeYouTube struct {
	t        *testing.T
	mu       sync.Mutex
	key      string
	quota    int // units left today; <0: unlimited
	used     int
	videos   []fakeVideo
	threads  map[string][]fakeThread // by video id, newest first
	replies  map[string][]fakeComment
	disabled map[string]bool
	failNext []int // statuses to answer before serving normally
	badJSON  bool
	requests []string // path?query without key
	pageSize int
}

type fakeVideo struct {
	id, channel, channelTitle, title, desc string
	published                              time.Time
	query                                  string // matched by this q
}

type fakeComment struct {
	id, author, authorID, text string
	published                  time.Time
	likes                      int64
}

type fakeThread struct {
	top     fakeComment
	total   int64
	inlined []fakeComment
}

func newFake(t *testing.T) *fakeYouTube {
	return &fakeYouTube{t: t, key: "test-key", quota: -1, threads: map[string][]fakeThread{},
		replies: map[string][]fakeComment{}, disabled: map[string]bool{}, pageSize: 2}
}

func googleError(w http.ResponseWriter, code int, reason, domain, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(code)
	fmt.Fprintf(w, `{"error":{"code":%d,"message":%q,"errors":[{"message":%q,"domain":%q,"reason":%q}]}}`, code, msg, msg, domain, reason)
}

func (f *fakeYouTube) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := r.URL.Query()
	qq := r.URL.Query()
	qq.Del("key")
	f.requests = append(f.requests, r.URL.Path+"?"+qq.Encode())
	if len(f.failNext) > 0 {
		st := f.failNext[0]
		f.failNext = f.failNext[1:]
		googleError(w, st, "backendError", "global", "Backend Error")
		return
	}
	if q.Get("key") != f.key {
		googleError(w, 400, "keyInvalid", "usageLimits", "API key not valid. Please pass a valid API key.")
		return
	}
	cost := 1
	if r.URL.Path == "/youtube/v3/search" {
		cost = 100
	}
	if f.quota >= 0 && f.used+cost > f.quota {
		googleError(w, 403, "quotaExceeded", "youtube.quota", `The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.`)
		return
	}
	f.used += cost
	if f.badJSON {
		w.Write([]byte(`{"kind": "youtube#searchListResponse", "items": [`))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	switch r.URL.Path {
	case "/youtube/v3/search":
		f.search(w, q)
	case "/youtube/v3/commentThreads":
		f.commentThreads(w, q)
	case "/youtube/v3/comments":
		f.comments(w, q)
	case "/youtube/v3/videos":
		f.videoStats(w, q)
	default:
		w.WriteHeader(404)
	}
}

func (f *fakeYouTube) require(q map[string][]string, name, want string) {
	if got := strings.Join(q[name], ","); want != "" && got != want {
		f.t.Errorf("parameter %s = %q, want %q", name, got, want)
	}
}

func page(token string, n, size int) (start, end int, next string) {
	start, _ = strconv.Atoi(token)
	end = min(start+size, n)
	if end < n {
		next = strconv.Itoa(end)
	}
	return
}

func (f *fakeYouTube) search(w http.ResponseWriter, q map[string][]string) {
	f.require(q, "part", "snippet")
	f.require(q, "type", "video")
	f.require(q, "order", "date")
	get := func(k string) string { return strings.Join(q[k], "") }
	if n, _ := strconv.Atoi(get("maxResults")); n < 1 || n > 50 {
		f.t.Errorf("maxResults %q out of 0..50", get("maxResults"))
	}
	after, err := time.Parse(time.RFC3339, get("publishedAfter"))
	if err != nil {
		f.t.Errorf("publishedAfter %q is not RFC 3339", get("publishedAfter"))
	}
	var match []fakeVideo
	for _, v := range f.videos { // newest first (order=date)
		if (get("q") != "" && v.query == get("q")) || (get("channelId") != "" && v.channel == get("channelId")) {
			if !v.published.Before(after) {
				match = append(match, v)
			}
		}
	}
	s, e, next := page(get("pageToken"), len(match), f.pageSize)
	type item map[string]any
	items := []item{}
	for _, v := range match[s:e] {
		items = append(items, item{"kind": "youtube#searchResult", "etag": "e",
			"id":      item{"kind": "youtube#video", "videoId": v.id},
			"snippet": item{"publishedAt": v.published.Format(time.RFC3339), "channelId": v.channel, "title": v.title, "description": v.desc, "channelTitle": v.channelTitle, "liveBroadcastContent": "none"}})
	}
	resp := item{"kind": "youtube#searchListResponse", "etag": "e", "regionCode": "ID",
		"pageInfo": item{"totalResults": len(match), "resultsPerPage": f.pageSize}, "items": items}
	if next != "" {
		resp["nextPageToken"] = next
	}
	json.NewEncoder(w).Encode(resp)
}

func commentJSON(c fakeComment, video, parent string) map[string]any {
	sn := map[string]any{"videoId": video, "textDisplay": c.text, "textOriginal": c.text, "authorDisplayName": c.author,
		"authorChannelUrl": "http://www.youtube.com/" + c.author, "authorChannelId": map[string]any{"value": c.authorID},
		"canRate": true, "viewerRating": "none", "likeCount": c.likes,
		"publishedAt": c.published.Format(time.RFC3339), "updatedAt": c.published.Format(time.RFC3339)}
	if parent != "" {
		sn["parentId"] = parent
	}
	return map[string]any{"kind": "youtube#comment", "etag": "e", "id": c.id, "snippet": sn}
}

func (f *fakeYouTube) commentThreads(w http.ResponseWriter, q map[string][]string) {
	f.require(q, "part", "snippet,replies")
	vid := strings.Join(q["videoId"], "")
	if n, _ := strconv.Atoi(strings.Join(q["maxResults"], "")); n < 1 || n > 100 {
		f.t.Errorf("commentThreads maxResults out of 1..100")
	}
	if f.disabled[vid] {
		googleError(w, 403, "commentsDisabled", "youtube.commentThread", "The video identified by the videoId parameter has disabled comments.")
		return
	}
	ths := f.threads[vid]
	s, e, next := page(strings.Join(q["pageToken"], ""), len(ths), f.pageSize)
	items := []map[string]any{}
	for _, th := range ths[s:e] {
		var reps []map[string]any
		for _, r := range th.inlined {
			reps = append(reps, commentJSON(r, vid, th.top.id))
		}
		it := map[string]any{"kind": "youtube#commentThread", "etag": "e", "id": th.top.id,
			"snippet": map[string]any{"channelId": "UCchan", "videoId": vid, "topLevelComment": commentJSON(th.top, vid, ""),
				"canReply": true, "totalReplyCount": th.total, "isPublic": true}}
		if len(reps) > 0 {
			it["replies"] = map[string]any{"comments": reps}
		}
		items = append(items, it)
	}
	resp := map[string]any{"kind": "youtube#commentThreadListResponse", "etag": "e",
		"pageInfo": map[string]any{"totalResults": len(items), "resultsPerPage": f.pageSize}, "items": items}
	if next != "" {
		resp["nextPageToken"] = next
	}
	json.NewEncoder(w).Encode(resp)
}

func (f *fakeYouTube) comments(w http.ResponseWriter, q map[string][]string) {
	f.require(q, "part", "snippet")
	parent := strings.Join(q["parentId"], "")
	reps := f.replies[parent]
	s, e, next := page(strings.Join(q["pageToken"], ""), len(reps), f.pageSize)
	items := []map[string]any{}
	for _, r := range reps[s:e] {
		items = append(items, commentJSON(r, "", parent))
	}
	resp := map[string]any{"kind": "youtube#commentListResponse", "etag": "e", "items": items}
	if next != "" {
		resp["nextPageToken"] = next
	}
	json.NewEncoder(w).Encode(resp)
}

// videoStats answers videos.list?part=statistics&id=a,b (counts are strings, as documented).
func (f *fakeYouTube) videoStats(w http.ResponseWriter, q map[string][]string) {
	f.require(q, "part", "statistics")
	items := []map[string]any{}
	for _, id := range strings.Split(strings.Join(q["id"], ""), ",") {
		for _, v := range f.videos {
			if v.id == id {
				items = append(items, map[string]any{"kind": "youtube#video", "etag": "e", "id": id,
					"statistics": map[string]any{"viewCount": "1500", "likeCount": "42", "favoriteCount": "0", "commentCount": strconv.Itoa(len(f.threads[id]))}})
			}
		}
	}
	json.NewEncoder(w).Encode(map[string]any{"kind": "youtube#videoListResponse", "etag": "e", "items": items})
}

func (f *fakeYouTube) reqs(prefix string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, r := range f.requests {
		if strings.HasPrefix(r, prefix) {
			n++
		}
	}
	return n
}
