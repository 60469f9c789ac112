// Package googlenews collects news items from Google News RSS search, one
// feed per watch query (kind "googlenews"):
// https://news.google.com/rss/search?q=…&hl=id&gl=ID&ceid=ID:id.
// The outlet comes from the item's <source> element or the " - Outlet"
// title suffix; the Google News redirect link is resolved to the
// publisher's URL when the redirect can be followed without a browser.
//
// Configuration (beside the common fields; queries are the common `queries`):
//
//	base_url: https://news.google.com   # for tests and mirrors
//	hl: id
//	gl: ID
//	ceid: ID:id
//	resolve_links: true
//	max_items: 100                     # per query and pass
package googlenews

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed/rss"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/internal/clean"
	"github.com/dengar-id/dengar/ingest/internal/feedpoll"
	"github.com/dengar-id/dengar/mention"
)

// Kind is the registered collector kind.
const Kind = "googlenews"

func init() { ingest.Register(Kind, Options{}, ingest.PullFactory(New)) }

// Options are the googlenews-specific settings.
type Options struct {
	BaseURL      string `yaml:"base_url"`
	HL           string `yaml:"hl"`
	GL           string `yaml:"gl"`
	CEID         string `yaml:"ceid"`
	ResolveLinks *bool  `yaml:"resolve_links"`
	MaxItems     int    `yaml:"max_items"`
}

// Collector polls one search feed per query.
type Collector struct {
	queries  []string
	opts     Options
	deps     ingest.Deps
	http     *fetch.Client
	resolver *http.Client
}

// New builds a googlenews collector.
func New(cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
	o := Options{BaseURL: "https://news.google.com", HL: "id", GL: "ID", CEID: "ID:id", MaxItems: 100}
	if err := cfg.Decode(&o); err != nil {
		return nil, err
	}
	if len(cfg.Queries) == 0 {
		return nil, errors.New("no queries configured")
	}
	if o.ResolveLinks == nil {
		t := true
		o.ResolveLinks = &t
	}
	base := deps.HTTPClient
	if base == nil {
		base = &http.Client{}
	}
	res := *base
	res.Timeout = cfg.Timeout
	if res.Timeout <= 0 {
		res.Timeout = 10 * time.Second
	}
	res.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &Collector{queries: cfg.Queries, opts: o, deps: deps, http: deps.HTTP(cfg), resolver: &res}, nil
}

// State is the checkpoint: one feedpoll.State per query.
type State struct {
	Queries map[string]feedpoll.State `json:"queries"`
}

// SearchURL is the RSS search URL of query q.
func (c *Collector) SearchURL(q string) string {
	v := url.Values{}
	v.Set("q", q)
	v.Set("hl", c.opts.HL)
	v.Set("gl", c.opts.GL)
	v.Set("ceid", c.opts.CEID)
	return strings.TrimRight(c.opts.BaseURL, "/") + "/rss/search?" + v.Encode()
}

// Pull polls every query's feed; a failing query does not stop the others.
func (c *Collector) Pull(ctx context.Context, st *State) (ingest.Batch, error) {
	var b ingest.Batch
	if st.Queries == nil {
		st.Queries = map[string]feedpoll.State{}
	}
	var firstErr error
	for _, q := range c.queries {
		if err := c.poll(ctx, q, st, &b); err != nil {
			if ctx.Err() != nil {
				return b, ctx.Err()
			}
			c.deps.Logger.Warn("google news query failed", "query", q, "err", err)
			if firstErr == nil {
				firstErr = fmt.Errorf("query %q: %w", q, err)
			}
		}
	}
	return b, firstErr
}

func (c *Collector) poll(ctx context.Context, q string, st *State, b *ingest.Batch) error {
	qs := st.Queries[q]
	body, etag, lm, err := feedpoll.FetchBody(ctx, c.http, c.SearchURL(q), qs)
	if err != nil {
		return err
	}
	if body == nil {
		return nil
	}
	feed, err := Parse(body)
	if err != nil {
		return err
	}
	now := c.deps.Now().UTC()
	var keys []string
	for _, it := range feed.Items {
		if len(keys) >= c.opts.MaxItems {
			break
		}
		m, ok := FromItem(it, q, now)
		if !ok {
			b.Malformed = append(b.Malformed, ingest.Malformed{Err: errors.New("search item without link or title")})
			continue
		}
		if qs.Has(m.ID) {
			continue
		}
		if *c.opts.ResolveLinks {
			if u := c.resolve(ctx, m.URL); u != "" {
				m.URL = u
			}
		}
		b.Mentions = append(b.Mentions, m)
		keys = append(keys, m.ID)
	}
	qs.ETag, qs.LastModified = etag, lm
	qs.Add(keys...)
	st.Queries[q] = qs
	return nil
}

// resolve follows one redirect of a news.google.com article link; it
// returns "" when the link does not redirect to a publisher (Google now
// often answers with a page that redirects by script).
func (c *Collector) resolve(ctx context.Context, link string) string {
	if link == "" {
		return ""
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return ""
	}
	c.deps.Probe.Fetch()
	resp, err := c.resolver.Do(req)
	if err != nil {
		return ""
	}
	resp.Body.Close()
	if resp.StatusCode < 300 || resp.StatusCode > 399 {
		return ""
	}
	loc, err := resp.Location()
	if err != nil || (loc.Scheme != "http" && loc.Scheme != "https") || strings.HasSuffix(loc.Host, "news.google.com") {
		return ""
	}
	return loc.String()
}

// SplitTitle splits "Headline - Outlet" into headline and outlet. A title
// without the suffix is returned whole with an empty outlet.
func SplitTitle(title string) (headline, outlet string) {
	i := strings.LastIndex(title, " - ")
	if i <= 0 || i+3 >= len(title) {
		return title, ""
	}
	return strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+3:])
}

// Parse parses a Google News RSS 2.0 search feed; failures are classified
// as malformed.
func Parse(body []byte) (f *rss.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &fetch.Error{Class: fetch.ClassMalformed, Msg: fmt.Sprintf("RSS parser panicked: %v", r)}
		}
	}()
	f, err = (&rss.Parser{}).Parse(bytes.NewReader(body))
	if err != nil {
		return nil, &fetch.Error{Class: fetch.ClassMalformed, Msg: "not an RSS feed", Err: err}
	}
	return f, nil
}

// FromItem converts a search result item; query is the watch query.
func FromItem(it *rss.Item, query string, now time.Time) (mention.Mention, bool) {
	if it == nil {
		return mention.Mention{}, false
	}
	key := it.Link
	if it.GUID != nil && it.GUID.Value != "" {
		key = it.GUID.Value
	}
	title := clean.StripHTML(it.Title)
	if key == "" || title == "" {
		return mention.Mention{}, false
	}
	headline, outlet := SplitTitle(title)
	sourceURL := ""
	if it.Source != nil {
		if src := strings.TrimSpace(it.Source.Title); src != "" {
			outlet = src
			if strings.HasSuffix(title, " - "+src) {
				headline = strings.TrimSpace(strings.TrimSuffix(title, " - "+src))
			} else {
				headline = title
			}
		}
		sourceURL = it.Source.URL
	}
	host := ""
	if u, err := url.Parse(sourceURL); err == nil {
		host = u.Host
	}
	if host == "" {
		host = outlet
	}
	posted := now
	if it.PubDateParsed != nil && !it.PubDateParsed.After(now.Add(24*time.Hour)) {
		posted = *it.PubDateParsed
	}
	native := key
	if len(native) > 200 {
		native = clean.Hash(native)
	}
	return mention.Mention{
		ID:          mention.NewID(Kind, native),
		Source:      Kind,
		Channel:     outlet,
		URL:         it.Link,
		Author:      mention.Author{ID: host, Handle: host, Name: outlet, Kind: mention.KindMedia},
		Title:       clean.Truncate(headline),
		Text:        clean.Truncate(headline),
		Lang:        "id",
		PostedAt:    posted.UTC(),
		CollectedAt: now,
		Query:       query,
	}, true
}
