// Package feedpoll fetches RSS/Atom feeds with conditional GET and
// remembers which items were already emitted, for the rss and googlenews
// collectors.
package feedpoll

import (
	"bytes"
	"context"
	"fmt"
	"net/http"

	"github.com/mmcdole/gofeed"

	"github.com/dengar-id/dengar/ingest/fetch"
)

// MaxSeen bounds the remembered item keys per feed.
const MaxSeen = 1000

// State is one feed's checkpoint.
type State struct {
	ETag         string   `json:"etag,omitempty"`
	LastModified string   `json:"last_modified,omitempty"`
	Seen         []string `json:"seen,omitempty"` // oldest first
}

// Has reports whether key was emitted before.
func (s *State) Has(key string) bool {
	for _, k := range s.Seen {
		if k == key {
			return true
		}
	}
	return false
}

// Add remembers keys, forgetting the oldest beyond MaxSeen.
func (s *State) Add(keys ...string) {
	s.Seen = append(s.Seen, keys...)
	if n := len(s.Seen) - MaxSeen; n > 0 {
		s.Seen = append([]string(nil), s.Seen[n:]...)
	}
}

// Fetch GETs url with If-None-Match/If-Modified-Since from st. It returns
// nil feed when the server answered 304 Not Modified. The validators of a
// 200 response are returned in etag and lastModified.
func Fetch(ctx context.Context, c *fetch.Client, url string, st State) (feed *gofeed.Feed, etag, lastModified string, err error) {
	body, etag, lastModified, err := FetchBody(ctx, c, url, st)
	if err != nil || body == nil {
		return nil, etag, lastModified, err
	}
	f, err := Parse(body)
	if err != nil {
		return nil, "", "", err
	}
	return f, etag, lastModified, nil
}

// FetchBody is Fetch without parsing: body is nil on 304.
func FetchBody(ctx context.Context, c *fetch.Client, url string, st State) (body []byte, etag, lastModified string, err error) {
	h := http.Header{}
	h.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
	if st.ETag != "" {
		h.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		h.Set("If-Modified-Since", st.LastModified)
	}
	resp, err := c.Get(ctx, url, h)
	if err != nil {
		return nil, "", "", err
	}
	if resp.Status == http.StatusNotModified {
		return nil, st.ETag, st.LastModified, nil
	}
	if resp.Body == nil {
		resp.Body = []byte{}
	}
	return resp.Body, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), nil
}

// Parse parses an RSS or Atom document; a failure is a classified
// malformed error.
func Parse(body []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &fetch.Error{Class: fetch.ClassMalformed, Msg: fmt.Sprintf("feed parser panicked: %v", r)}
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, &fetch.Error{Class: fetch.ClassMalformed, Msg: "not an RSS/Atom feed", Err: err}
	}
	return f, nil
}
