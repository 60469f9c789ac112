package youtube

import (
	"net/http"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/mention"
)

func validate(t *testing.T, m mention.Mention) {
	m.Normalize()
	if err := m.Validate(); err != nil {
		t.Fatalf("parser produced an invalid mention: %v", err)
	}
}

// FuzzParse feeds arbitrary bodies to the search, comment-thread and error
// parsers: they must return a classified error or valid mentions, never panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"kind":"youtube#searchListResponse","nextPageToken":"CAUQAA","items":[{"id":{"kind":"youtube#video","videoId":"abc"},"snippet":{"publishedAt":"2026-11-24T10:00:00Z","channelId":"UC1","title":"Probebaya &amp; RT","description":"","channelTitle":"Warga"}}]}`))
	f.Add([]byte(`{"items":[{"id":"t1","snippet":{"videoId":"abc","topLevelComment":{"id":"t1","snippet":{"textOriginal":"mantap","publishedAt":"2026-11-24T10:00:00Z","authorChannelId":{"value":"UC2"}}},"totalReplyCount":1},"replies":{"comments":[{"id":"t1.r","snippet":{"textOriginal":"ya","publishedAt":"2026-11-24T11:00:00Z","parentId":"t1"}}]}}]}`))
	f.Add([]byte(`{"error":{"code":403,"message":"quota","errors":[{"domain":"youtube.quota","reason":"quotaExceeded","message":"x"}]}}`))
	f.Add([]byte(`{"items":[{"id":{"videoId":""},"snippet":{"publishedAt":"yesterday"}}]}`))
	f.Add([]byte(`[`))
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body []byte) {
		var s searchListResponse
		if err := decode(body, &s, "search.list"); err == nil {
			for _, it := range s.Items {
				if m, ok := videoMention(it, "q", now); ok {
					validate(t, m)
				}
			}
		} else if fetch.ClassOf(err) != fetch.ClassMalformed {
			t.Fatalf("unclassified decode error %v", err)
		}
		var ct commentThreadListResponse
		if decode(body, &ct, "commentThreads.list") == nil {
			for _, th := range ct.Items {
				if m, ok := commentMention(th.Snippet.TopLevelComment, "v", "youtube:v", "q", th.Snippet.TotalReplyCount, now); ok {
					validate(t, m)
				}
				for _, r := range th.Replies.Comments {
					if m, ok := commentMention(r, "v", "youtube:t", "q", 0, now); ok {
						validate(t, m)
					}
				}
			}
		}
		for _, code := range []int{400, 403, 404, 429, 500} {
			e := classify(func() time.Time { return now })(&http.Response{StatusCode: code, Header: http.Header{}}, body)
			if e == nil || e.Class == "" {
				t.Fatalf("status %d not classified", code)
			}
		}
	})
}
