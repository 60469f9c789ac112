// Package mastodon collects public posts from hashtag timelines of a
// Mastodon instance (kind "mastodon"): GET /api/v1/timelines/tag/:hashtag
// with since_id for what is new and max_id paging taken from the Link
// header (rel="next"). A token (optional; some instances require one) comes
// from the environment.
//
// Configuration (beside the common fields):
//
//	base_url: https://mastodon.social   # the instance (required)
//	hashtags: [samarinda, probebaya]
//	token_env: MASTODON_TOKEN           # optional
//	limit: 40                           # statuses per page (max 40)
//	max_pages: 5                        # pages per hashtag per pass
//	backfill_pages: 1                   # pages read on the very first pass
//	local: false                        # only the instance's own posts
package mastodon

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
const Kind = "mastodon"

func init() { ingest.Register(Kind, Options{}, ingest.PullFactory(New)) }

// Options are the mastodon-specific settings.
type Options struct {
	BaseURL       string   `yaml:"base_url"`
	Hashtags      []string `yaml:"hashtags"`
	TokenEnv      string   `yaml:"token_env"`
	Limit         int      `yaml:"limit"`
	MaxPages      int      `yaml:"max_pages"`
	BackfillPages int      `yaml:"backfill_pages"`
	Local         bool     `yaml:"local"`
}

// Collector reads hashtag timelines of one instance.
type Collector struct {
	opts  Options
	host  string
	token string
	deps  ingest.Deps
	http  *fetch.Client
}

// New builds a mastodon collector.
func New(cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
	o := Options{TokenEnv: "MASTODON_TOKEN", Limit: 40, MaxPages: 5, BackfillPages: 1}
	if err := cfg.Decode(&o); err != nil {
		return nil, err
	}
	u, err := url.Parse(o.BaseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("base_url %q is not the instance's http(s) URL", o.BaseURL)
	}
	if len(o.Hashtags) == 0 {
		return nil, errors.New("no hashtags configured")
	}
	if o.Limit < 1 || o.Limit > 40 {
		o.Limit = 40
	}
	c := &Collector{opts: o, host: u.Host, token: deps.Getenv(o.TokenEnv), deps: deps}
	c.http = deps.HTTP(cfg, fetch.WithClassifier(classify(deps.Now)))
	return c, nil
}

// State is the checkpoint: one cursor per hashtag.
type State struct {
	Tags map[string]*Cursor `json:"tags"`
}

// Cursor is one hashtag's position.
type Cursor struct {
	SinceID       string `json:"since_id,omitempty"`
	MaxID         string `json:"max_id,omitempty"`
	PendingNewest string `json:"pending_newest,omitempty"`
}

// Pull reads every hashtag; bad credentials or a rate limit end the pass,
// other failures only skip their hashtag.
func (c *Collector) Pull(ctx context.Context, st *State) (ingest.Batch, error) {
	var b ingest.Batch
	if st.Tags == nil {
		st.Tags = map[string]*Cursor{}
	}
	var firstErr error
	for _, tag := range c.opts.Hashtags {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "#")
		if err := c.timeline(ctx, st, tag, &b); err != nil {
			if ctx.Err() != nil {
				return b, ctx.Err()
			}
			switch fetch.ClassOf(err) {
			case fetch.ClassAuth, fetch.ClassRateLimited:
				return b, fmt.Errorf("#%s: %w", tag, err)
			}
			if firstErr == nil {
				firstErr = fmt.Errorf("#%s: %w", tag, err)
			}
		}
	}
	return b, firstErr
}

func (c *Collector) timeline(ctx context.Context, st *State, tag string, b *ingest.Batch) error {
	cur := st.Tags[tag]
	if cur == nil {
		cur = &Cursor{}
		st.Tags[tag] = cur
	}
	pages := c.opts.MaxPages
	backfill := cur.SinceID == ""
	if backfill {
		pages = c.opts.BackfillPages
	}
	for page := 0; page < pages; page++ {
		v := url.Values{}
		v.Set("limit", strconv.Itoa(c.opts.Limit))
		if cur.SinceID != "" {
			v.Set("since_id", cur.SinceID)
		}
		if cur.MaxID != "" {
			v.Set("max_id", cur.MaxID)
		}
		if c.opts.Local {
			v.Set("local", "true")
		}
		h := http.Header{}
		if c.token != "" {
			h.Set("Authorization", "Bearer "+c.token)
		}
		u := strings.TrimRight(c.opts.BaseURL, "/") + "/api/v1/timelines/tag/" + url.PathEscape(tag) + "?" + v.Encode()
		resp, err := c.http.Get(ctx, u, h)
		if err != nil {
			return err
		}
		ms, newest, err := ParseStatuses(resp.Body, c.host, tag, c.deps.Now().UTC())
		if err != nil {
			return err
		}
		b.Mentions = append(b.Mentions, ms...)
		if newerID(newest, cur.PendingNewest) {
			cur.PendingNewest = newest
		}
		next := NextMaxID(resp.Header.Get("Link"))
		done := next == "" || newest == "" || (backfill && page == pages-1)
		if done {
			if cur.PendingNewest != "" {
				cur.SinceID = cur.PendingNewest
			}
			cur.MaxID, cur.PendingNewest = "", ""
		} else {
			cur.MaxID = next
		}
		if done {
			return nil
		}
	}
	return nil
}

func newerID(a, b string) bool {
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

// NextMaxID returns the max_id of the Link header's rel="next" URL.
func NextMaxID(link string) string {
	for _, part := range strings.Split(link, ",") {
		segs := strings.Split(part, ";")
		if len(segs) < 2 {
			continue
		}
		target := strings.TrimSpace(segs[0])
		if !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
			continue
		}
		isNext := false
		for _, p := range segs[1:] {
			p = strings.TrimSpace(p)
			if p == `rel="next"` || p == "rel=next" {
				isNext = true
			}
		}
		if !isNext {
			continue
		}
		u, err := url.Parse(target[1 : len(target)-1])
		if err != nil {
			return ""
		}
		return u.Query().Get("max_id")
	}
	return ""
}

// status is a Mastodon Status entity (the fields used).
type status struct {
	ID              string  `json:"id"`
	URI             string  `json:"uri"`
	URL             *string `json:"url"`
	CreatedAt       string  `json:"created_at"`
	InReplyToID     *string `json:"in_reply_to_id"`
	Content         string  `json:"content"`
	SpoilerText     string  `json:"spoiler_text"`
	Language        *string `json:"language"`
	RepliesCount    int64   `json:"replies_count"`
	ReblogsCount    int64   `json:"reblogs_count"`
	FavouritesCount int64   `json:"favourites_count"`
	Reblog          *status `json:"reblog"`
	Account         struct {
		ID             string `json:"id"`
		Username       string `json:"username"`
		Acct           string `json:"acct"`
		DisplayName    string `json:"display_name"`
		Note           string `json:"note"`
		CreatedAt      string `json:"created_at"`
		FollowersCount int64  `json:"followers_count"`
		StatusesCount  int64  `json:"statuses_count"`
		Bot            bool   `json:"bot"`
	} `json:"account"`
}

// ParseStatuses decodes a timeline page; newest is the largest status id on it.
func ParseStatuses(body []byte, host, tag string, now time.Time) ([]mention.Mention, string, error) {
	var ss []status
	if err := json.Unmarshal(body, &ss); err != nil {
		return nil, "", &fetch.Error{Class: fetch.ClassMalformed, Msg: "timeline response is not an array of statuses", Err: err}
	}
	var out []mention.Mention
	newest := ""
	for _, s := range ss {
		if newerID(s.ID, newest) {
			newest = s.ID
		}
		if s.Reblog != nil {
			continue // boosts repeat another status
		}
		posted, err := time.Parse(time.RFC3339, s.CreatedAt)
		text := clean.StripHTML(s.Content)
		if s.SpoilerText != "" {
			text = strings.TrimSpace(s.SpoilerText + " " + text)
		}
		text = clean.Truncate(text)
		if s.ID == "" || err != nil || text == "" {
			continue
		}
		m := mention.Mention{
			ID: mention.NewID(Kind, host+"/"+s.ID), Source: Kind, Channel: "#" + tag,
			Text: text, PostedAt: posted.UTC(), CollectedAt: now,
			Author: mention.Author{ID: s.Account.ID, Handle: s.Account.Acct, Name: s.Account.DisplayName, Kind: mention.KindCitizen,
				Description: clean.TruncateTo(clean.StripHTML(s.Account.Note), 4096), Followers: s.Account.FollowersCount, Posts: s.Account.StatusesCount},
			Metrics: mention.Metrics{Likes: s.FavouritesCount, Replies: s.RepliesCount, Shares: s.ReblogsCount},
		}
		if s.URL != nil {
			m.URL = *s.URL
		} else {
			m.URL = s.URI
		}
		if s.Language != nil {
			m.Lang = *s.Language
		}
		if ct, err := time.Parse(time.RFC3339, s.Account.CreatedAt); err == nil {
			ct = ct.UTC()
			m.Author.CreatedAt = &ct
		}
		if s.InReplyToID != nil && *s.InReplyToID != "" {
			m.ParentID = mention.NewID(Kind, host+"/"+*s.InReplyToID)
		}
		out = append(out, m)
	}
	return out, newest, nil
}

// classify handles {"error": "..."} bodies and X-RateLimit-Reset on 429.
func classify(now func() time.Time) fetch.Classifier {
	return func(resp *http.Response, body []byte) *fetch.Error {
		if resp.StatusCode < 400 {
			return nil
		}
		e := fetch.StatusError(resp, body, now())
		var eb struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(body, &eb) == nil && eb.Error != "" {
			e.Msg = eb.Error
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			if t, err := time.Parse(time.RFC3339, resp.Header.Get("X-RateLimit-Reset")); err == nil && t.After(e.Until) {
				e.Until = t
			}
		}
		if resp.StatusCode == http.StatusUnprocessableEntity && strings.Contains(strings.ToLower(e.Msg), "authenticated") {
			e.Class = fetch.ClassAuth
		}
		return e
	}
}
