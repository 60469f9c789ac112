// Package x collects posts from the X API v2 recent search
// (GET /2/tweets/search/recent), one search per watch query (kind "x").
// The app-only bearer token comes from the environment (X_BEARER_TOKEN).
// Paging uses next_token; a finished round stores the newest id as since_id
// so the next pass fetches only what is new. The x-rate-limit-limit,
// -remaining and -reset headers are honoured: when the window is spent the
// pass stops and the runner resumes after the reset; a 429 does the same.
//
// Configuration (beside the common fields; queries are the common `queries`):
//
//	bearer_token_env: X_BEARER_TOKEN
//	base_url: https://api.x.com
//	query_suffix: "-is:retweet"     # appended to every query
//	max_results: 100                 # 10..100 per page
//	max_pages: 5                     # pages per query per pass
package x

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/internal/clean"
	"github.com/dengar-id/dengar/mention"
)

// Kind is the registered collector kind.
const Kind = "x"

func init() { ingest.Register(Kind, Options{}, ingest.PullFactory(New)) }

// Options are the x-specific settings.
type Options struct {
	BearerTokenEnv string `yaml:"bearer_token_env"`
	BaseURL        string `yaml:"base_url"`
	QuerySuffix    string `yaml:"query_suffix"`
	MaxResults     int    `yaml:"max_results"`
	MaxPages       int    `yaml:"max_pages"`
}

// Collector searches recent posts.
type Collector struct {
	queries []string
	opts    Options
	token   string
	deps    ingest.Deps
	http    *fetch.Client
	maxWait time.Duration
}

// New builds an x collector.
func New(cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
	o := Options{BearerTokenEnv: "X_BEARER_TOKEN", BaseURL: "https://api.x.com", QuerySuffix: "-is:retweet", MaxResults: 100, MaxPages: 5}
	if err := cfg.Decode(&o); err != nil {
		return nil, err
	}
	if len(cfg.Queries) == 0 {
		return nil, errors.New("no queries configured")
	}
	if o.MaxResults < 10 || o.MaxResults > 100 {
		return nil, fmt.Errorf("max_results %d is outside 10..100", o.MaxResults)
	}
	tok := deps.Getenv(o.BearerTokenEnv)
	if tok == "" {
		return nil, fmt.Errorf("no bearer token: set the %s environment variable", o.BearerTokenEnv)
	}
	c := &Collector{queries: cfg.Queries, opts: o, token: tok, deps: deps, maxWait: 30 * time.Second}
	if deps.Backoff != nil {
		c.maxWait = deps.Backoff.Max
	}
	c.http = deps.HTTP(cfg, fetch.WithClassifier(classify(deps.Now)))
	return c, nil
}

// State is the checkpoint: one cursor per query.
type State struct {
	Queries map[string]*Cursor `json:"queries"`
}

// Cursor is one query's position.
type Cursor struct {
	SinceID       string `json:"since_id,omitempty"`
	NextToken     string `json:"next_token,omitempty"`
	PendingNewest string `json:"pending_newest,omitempty"`
}

// Pull runs every query; bad credentials, a rate limit or a spent quota
// end the pass (the whole app is affected), other failures only skip their
// query.
func (c *Collector) Pull(ctx context.Context, st *State) (ingest.Batch, error) {
	var b ingest.Batch
	if st.Queries == nil {
		st.Queries = map[string]*Cursor{}
	}
	var firstErr error
	for _, q := range c.queries {
		err := c.search(ctx, st, q, &b)
		if err == nil {
			continue
		}
		if ctx.Err() != nil {
			return b, ctx.Err()
		}
		switch fetch.ClassOf(err) {
		case fetch.ClassAuth, fetch.ClassRateLimited, fetch.ClassQuota:
			return b, fmt.Errorf("query %q: %w", q, err)
		}
		c.deps.Logger.Warn("x query failed", "query", q, "err", err)
		if firstErr == nil {
			firstErr = fmt.Errorf("query %q: %w", q, err)
		}
	}
	return b, firstErr
}

func (c *Collector) search(ctx context.Context, st *State, q string, b *ingest.Batch) error {
	cur := st.Queries[q]
	if cur == nil {
		cur = &Cursor{}
		st.Queries[q] = cur
	}
	query := strings.TrimSpace(q + " " + c.opts.QuerySuffix)
	for page := 0; page < c.opts.MaxPages; page++ {
		v := url.Values{}
		v.Set("query", query)
		v.Set("max_results", strconv.Itoa(c.opts.MaxResults))
		v.Set("tweet.fields", "created_at,public_metrics,conversation_id,in_reply_to_user_id,referenced_tweets,lang,author_id")
		v.Set("expansions", "author_id")
		v.Set("user.fields", "created_at,public_metrics,verified,description")
		if cur.SinceID != "" {
			v.Set("since_id", cur.SinceID)
		}
		if cur.NextToken != "" {
			v.Set("next_token", cur.NextToken)
		}
		h := http.Header{}
		h.Set("Authorization", "Bearer "+c.token)
		resp, err := c.http.Get(ctx, strings.TrimRight(c.opts.BaseURL, "/")+"/2/tweets/search/recent?"+v.Encode(), h)
		if err != nil {
			return err
		}
		ms, meta, err := ParsePage(resp.Body, q, c.deps.Now().UTC())
		if err != nil {
			return err
		}
		b.Mentions = append(b.Mentions, ms...)
		if newer(meta.NewestID, cur.PendingNewest) {
			cur.PendingNewest = meta.NewestID
		}
		cur.NextToken = meta.NextToken
		if cur.NextToken == "" {
			if cur.PendingNewest != "" {
				cur.SinceID = cur.PendingNewest
			}
			cur.PendingNewest = ""
		}
		if rem, reset, ok := rateHeaders(resp.Header); ok {
			c.deps.Probe.Quota(float64(rem))
			if rem == 0 && cur.NextToken != "" {
				if wait := reset.Sub(c.deps.Now()); wait > c.maxWait {
					return &fetch.Error{Class: fetch.ClassRateLimited, Msg: "rate-limit window spent (x-rate-limit-remaining: 0)", Until: reset}
				} else if wait > 0 {
					t := time.NewTimer(wait)
					select {
					case <-ctx.Done():
						t.Stop()
						return ctx.Err()
					case <-t.C:
					}
				}
			}
		}
		if cur.NextToken == "" {
			return nil
		}
	}
	return nil
}

// newer compares numeric snowflake ids.
func newer(a, b string) bool {
	if a == "" {
		return false
	}
	if b == "" {
		return true
	}
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a > b
}

func rateHeaders(h http.Header) (remaining int, reset time.Time, ok bool) {
	r, err1 := strconv.Atoi(h.Get("x-rate-limit-remaining"))
	s, err2 := strconv.ParseInt(h.Get("x-rate-limit-reset"), 10, 64)
	if err1 != nil || err2 != nil {
		return 0, time.Time{}, false
	}
	return r, time.Unix(s, 0), true
}

// problem is the v2 error body (RFC 7807 style).
type problem struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Type   string `json:"type"`
	Reason string `json:"reason"`
	Status int    `json:"status"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func classify(now func() time.Time) fetch.Classifier {
	return func(resp *http.Response, body []byte) *fetch.Error {
		if resp.StatusCode < 400 {
			return nil
		}
		e := fetch.StatusError(resp, body, now())
		var p problem
		if json.Unmarshal(body, &p) == nil && (p.Title != "" || p.Detail != "") {
			e.Msg = strings.TrimSpace(p.Title + ": " + p.Detail)
			if len(p.Errors) > 0 {
				e.Msg += " (" + p.Errors[0].Message + ")"
			}
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			if _, reset, ok := rateHeaders(resp.Header); ok && reset.After(e.Until) {
				e.Until = reset
			}
		}
		if strings.Contains(p.Type, "usage-capped") || p.Title == "UsageCapExceeded" {
			e.Class = fetch.ClassQuota
			if e.Until.IsZero() {
				e.Until = now().Add(24 * time.Hour)
			}
		}
		if strings.Contains(p.Type, "client-forbidden") {
			e.Class = fetch.ClassAuth
		}
		return e
	}
}

// page is the recent-search response.
type page struct {
	Data     []tweet `json:"data"`
	Includes struct {
		Users []user `json:"users"`
	} `json:"includes"`
	Meta   Meta `json:"meta"`
	Errors []struct {
		Title  string `json:"title"`
		Detail string `json:"detail"`
	} `json:"errors"`
}

// Meta is the page metadata.
type Meta struct {
	NewestID    string `json:"newest_id"`
	OldestID    string `json:"oldest_id"`
	ResultCount int    `json:"result_count"`
	NextToken   string `json:"next_token"`
}

type tweet struct {
	ID               string `json:"id"`
	Text             string `json:"text"`
	AuthorID         string `json:"author_id"`
	CreatedAt        string `json:"created_at"`
	ConversationID   string `json:"conversation_id"`
	InReplyToUserID  string `json:"in_reply_to_user_id"`
	Lang             string `json:"lang"`
	ReferencedTweets []struct {
		Type string `json:"type"`
		ID   string `json:"id"`
	} `json:"referenced_tweets"`
	PublicMetrics struct {
		RetweetCount    int64 `json:"retweet_count"`
		ReplyCount      int64 `json:"reply_count"`
		LikeCount       int64 `json:"like_count"`
		QuoteCount      int64 `json:"quote_count"`
		ImpressionCount int64 `json:"impression_count"`
	} `json:"public_metrics"`
}

type user struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Username      string `json:"username"`
	CreatedAt     string `json:"created_at"`
	Description   string `json:"description"`
	Verified      bool   `json:"verified"`
	PublicMetrics struct {
		FollowersCount int64 `json:"followers_count"`
		TweetCount     int64 `json:"tweet_count"`
	} `json:"public_metrics"`
}

// lang maps X's language codes to BCP 47: X writes Indonesian as the
// legacy "in"; "und", "zxx" and the q* pseudo-codes (media only, hashtags
// only…) mean no language.
func lang(code string) string {
	switch {
	case code == "in":
		return "id"
	case code == "und" || code == "zxx" || strings.HasPrefix(code, "q"):
		return ""
	}
	return code
}

// ParsePage decodes a recent-search page into mentions.
func ParsePage(body []byte, query string, now time.Time) ([]mention.Mention, Meta, error) {
	var p page
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, Meta{}, &fetch.Error{Class: fetch.ClassMalformed, Msg: "recent search response is not the documented JSON", Err: err}
	}
	users := map[string]user{}
	for _, u := range p.Includes.Users {
		users[u.ID] = u
	}
	var ms []mention.Mention
	for _, t := range p.Data {
		posted, err := time.Parse(time.RFC3339, t.CreatedAt)
		if t.ID == "" || err != nil || strings.TrimSpace(t.Text) == "" {
			continue
		}
		u := users[t.AuthorID]
		m := mention.Mention{
			ID:          mention.NewID(Kind, t.ID),
			Source:      Kind,
			Text:        clean.Truncate(t.Text),
			Lang:        lang(t.Lang),
			PostedAt:    posted.UTC(),
			CollectedAt: now,
			Query:       query,
			Author: mention.Author{ID: t.AuthorID, Handle: u.Username, Name: u.Name, Kind: mention.KindCitizen,
				Description: clean.TruncateTo(u.Description, 4096), Followers: u.PublicMetrics.FollowersCount,
				Posts: u.PublicMetrics.TweetCount, Verified: u.Verified},
			Metrics: mention.Metrics{Likes: t.PublicMetrics.LikeCount, Replies: t.PublicMetrics.ReplyCount,
				Shares: t.PublicMetrics.RetweetCount + t.PublicMetrics.QuoteCount, Views: t.PublicMetrics.ImpressionCount},
		}
		if ct, err := time.Parse(time.RFC3339, u.CreatedAt); err == nil {
			ct = ct.UTC()
			m.Author.CreatedAt = &ct
		}
		handle := u.Username
		if handle == "" {
			handle = "i"
		}
		m.URL = "https://x.com/" + handle + "/status/" + t.ID
		for _, r := range t.ReferencedTweets {
			if r.Type == "replied_to" && r.ID != "" {
				m.ParentID = mention.NewID(Kind, r.ID)
			}
		}
		ms = append(ms, m)
	}
	return ms, p.Meta, nil
}
