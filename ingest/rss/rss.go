// Package rss collects news articles from RSS and Atom feeds (Kaltim and
// national outlets, the city's own site) with conditional GET. Kind "rss".
//
// Configuration (beside the common source fields):
//
//	feeds:
//	  - url: https://example.com/feed
//	    outlet: Kaltim Post      # author name; default the feed title
//	    kind: media              # author kind; default media
//	max_items: 200               # per feed and pass
package rss

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/internal/clean"
	"github.com/dengar-id/dengar/ingest/internal/feedpoll"
	"github.com/dengar-id/dengar/mention"
)

// Kind is the registered collector kind.
const Kind = "rss"

func init() { ingest.Register(Kind, Options{}, ingest.PullFactory(New)) }

// Feed is one configured feed.
type Feed struct {
	URL    string `yaml:"url"`
	Outlet string `yaml:"outlet"`
	Kind   string `yaml:"kind"`
}

// Options are the rss-specific settings.
type Options struct {
	Feeds    []Feed `yaml:"feeds"`
	MaxItems int    `yaml:"max_items"`
}

// Collector polls feeds.
type Collector struct {
	opts Options
	deps ingest.Deps
	http *fetch.Client
}

// New builds an rss collector.
func New(cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
	var o Options
	if err := cfg.Decode(&o); err != nil {
		return nil, err
	}
	if len(o.Feeds) == 0 {
		return nil, errors.New("no feeds configured")
	}
	for i, f := range o.Feeds {
		u, err := url.Parse(f.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, fmt.Errorf("feeds[%d]: %q is not an http(s) URL", i, f.URL)
		}
	}
	if o.MaxItems <= 0 {
		o.MaxItems = 200
	}
	return &Collector{opts: o, deps: deps, http: deps.HTTP(cfg)}, nil
}

// State is the checkpoint: one feedpoll.State per feed URL.
type State struct {
	Feeds map[string]feedpoll.State `json:"feeds"`
}

// Pull polls every feed; a failing feed does not stop the others, and the
// pass reports the first error.
func (c *Collector) Pull(ctx context.Context, st *State) (ingest.Batch, error) {
	var b ingest.Batch
	if st.Feeds == nil {
		st.Feeds = map[string]feedpoll.State{}
	}
	var firstErr error
	for _, f := range c.opts.Feeds {
		if err := c.pollFeed(ctx, f, st, &b); err != nil {
			if ctx.Err() != nil {
				return b, ctx.Err()
			}
			c.deps.Logger.Warn("feed failed", "feed", redact(f.URL), "err", err)
			if firstErr == nil {
				firstErr = fmt.Errorf("feed %s: %w", redact(f.URL), err)
			}
		}
	}
	return b, firstErr
}

func (c *Collector) pollFeed(ctx context.Context, f Feed, st *State, b *ingest.Batch) error {
	fs := st.Feeds[f.URL]
	feed, etag, lm, err := feedpoll.Fetch(ctx, c.http, f.URL, fs)
	if err != nil {
		return err
	}
	if feed == nil { // 304
		return nil
	}
	now := c.deps.Now().UTC()
	var keys []string
	for _, it := range feed.Items {
		if len(keys) >= c.opts.MaxItems {
			break
		}
		m, key, ok := FromItem(f, feed, it, now)
		if !ok {
			b.Malformed = append(b.Malformed, ingest.Malformed{Err: errors.New("feed item without guid, link or text")})
			continue
		}
		if fs.Has(key) {
			continue
		}
		b.Mentions = append(b.Mentions, m)
		keys = append(keys, key)
	}
	fs.ETag, fs.LastModified = etag, lm
	fs.Add(keys...)
	st.Feeds[f.URL] = fs
	return nil
}

// FromItem converts a feed item. key identifies the item within the feed
// (guid, else link). ok is false for an item with neither key nor text.
func FromItem(f Feed, feed *gofeed.Feed, it *gofeed.Item, now time.Time) (m mention.Mention, key string, ok bool) {
	if it == nil {
		return m, "", false
	}
	key = it.GUID
	if key == "" {
		key = it.Link
	}
	title := clean.Truncate(clean.StripHTML(it.Title))
	text := it.Description
	if text == "" {
		text = it.Content
	}
	text = clean.Truncate(clean.StripHTML(text))
	if key == "" || (title == "" && text == "") {
		return m, "", false
	}
	native := it.Link
	if native == "" {
		native = f.URL + "#" + key
	}
	outlet := f.Outlet
	if outlet == "" && feed != nil {
		outlet = feed.Title
	}
	kind := f.Kind
	if kind == "" {
		kind = mention.KindMedia
	}
	posted := now
	if it.PublishedParsed != nil {
		posted = *it.PublishedParsed
	} else if it.UpdatedParsed != nil {
		posted = *it.UpdatedParsed
	}
	if posted.After(now.Add(24 * time.Hour)) { // a wrong clock on the outlet's side
		posted = now
	}
	host := ""
	if u, err := url.Parse(f.URL); err == nil {
		host = u.Host
	}
	m = mention.Mention{
		ID:          mention.NewID(Kind, clean.Hash(native)),
		Source:      Kind,
		Channel:     outlet,
		URL:         it.Link,
		Author:      mention.Author{ID: host, Handle: host, Name: outlet, Kind: kind},
		Title:       title,
		Text:        text,
		PostedAt:    posted.UTC(),
		CollectedAt: now,
	}
	if feed != nil && feed.Language != "" {
		m.Lang = feed.Language
	}
	return m, key, true
}

// redact drops a feed URL's query, which may carry a key.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(bad url)"
	}
	u.RawQuery = ""
	return u.String()
}
