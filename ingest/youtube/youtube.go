// Package youtube collects videos and comments through the YouTube Data API
// v3 (kind "youtube"): search.list per watch query and per city channel,
// commentThreads.list (with replies) per tracked video, comments.list for
// the replies a thread does not inline. The API key comes from the
// environment (YOUTUBE_API_KEY). Quota is accounted per Pacific day
// (10,000 units by default; search.list costs 100, a comment page 1) with a
// daily budget per query; quotaExceeded stops the collector until the
// quota resets at midnight Pacific time.
//
// Configuration (beside the common fields; queries are the common `queries`):
//
//	api_key_env: YOUTUBE_API_KEY
//	base_url: https://www.googleapis.com/youtube/v3
//	channels: [UC...]        # channel ids searched without a query
//	daily_quota: 10000
//	query_budget: 0          # units per query per day; 0 = daily_quota / number of searches
//	search_pages: 2          # search.list pages per search per pass
//	comment_pages: 5         # comment pages per video per pass
//	track_days: 7            # how long a video's comments are followed
//	max_tracked: 50
//	region_code: ID
//	relevance_language: id
package youtube

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // quota days are Pacific time

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/mention"
)

// Kind is the registered collector kind.
const Kind = "youtube"

// Documented quota costs.
const (
	CostSearch = 100
	CostList   = 1
)

func init() { ingest.Register(Kind, Options{}, ingest.PullFactory(New)) }

// Options are the youtube-specific settings.
type Options struct {
	APIKeyEnv         string   `yaml:"api_key_env"`
	BaseURL           string   `yaml:"base_url"`
	Channels          []string `yaml:"channels"`
	DailyQuota        int      `yaml:"daily_quota"`
	QueryBudget       int      `yaml:"query_budget"`
	SearchPages       int      `yaml:"search_pages"`
	CommentPages      int      `yaml:"comment_pages"`
	TrackDays         int      `yaml:"track_days"`
	MaxTracked        int      `yaml:"max_tracked"`
	RegionCode        string   `yaml:"region_code"`
	RelevanceLanguage string   `yaml:"relevance_language"`
}

// Collector is one YouTube collector instance.
type Collector struct {
	queries []string
	opts    Options
	key     string
	deps    ingest.Deps
	http    *fetch.Client
}

// New builds a youtube collector.
func New(cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
	o := Options{APIKeyEnv: "YOUTUBE_API_KEY", BaseURL: "https://www.googleapis.com/youtube/v3", DailyQuota: 10000,
		SearchPages: 2, CommentPages: 5, TrackDays: 7, MaxTracked: 50, RegionCode: "ID", RelevanceLanguage: "id"}
	if err := cfg.Decode(&o); err != nil {
		return nil, err
	}
	if len(cfg.Queries) == 0 && len(o.Channels) == 0 {
		return nil, errors.New("no queries or channels configured")
	}
	key := deps.Getenv(o.APIKeyEnv)
	if key == "" {
		return nil, fmt.Errorf("no API key: set the %s environment variable", o.APIKeyEnv)
	}
	if o.QueryBudget <= 0 {
		o.QueryBudget = o.DailyQuota / (len(cfg.Queries) + len(o.Channels))
	}
	c := &Collector{queries: cfg.Queries, opts: o, key: key, deps: deps}
	c.http = deps.HTTP(cfg, fetch.WithClassifier(classify(deps.Now)))
	return c, nil
}

// State is the checkpoint.
type State struct {
	// QuotaDay is the Pacific day Used and UsedTotal count for.
	QuotaDay  string         `json:"quota_day"`
	Used      map[string]int `json:"used"`
	UsedTotal int            `json:"used_total"`
	// ExhaustedUntil is set by a quotaExceeded answer.
	ExhaustedUntil time.Time               `json:"exhausted_until,omitzero"`
	Searches       map[string]*SearchState `json:"searches"`
	Videos         map[string]*VideoState  `json:"videos"`
}

// SearchState is the cursor of one search (query or channel).
type SearchState struct {
	PublishedAfter time.Time `json:"published_after,omitzero"`
	PageToken      string    `json:"page_token,omitempty"`
	PendingNewest  time.Time `json:"pending_newest,omitzero"`
}

// VideoState follows one video's comments.
type VideoState struct {
	Budget      string    `json:"budget"` // the search key charged for its comments
	Query       string    `json:"query,omitempty"`
	PublishedAt time.Time `json:"published_at"`
	LastComment time.Time `json:"last_comment,omitzero"`
	Disabled    bool      `json:"disabled,omitempty"`
}

type search struct{ key, query, channel string }

func (c *Collector) searches() []search {
	var s []search
	for _, q := range c.queries {
		s = append(s, search{key: "q:" + q, query: q})
	}
	for _, ch := range c.opts.Channels {
		s = append(s, search{key: "ch:" + ch, channel: ch})
	}
	return s
}

var errBudget = errors.New("daily budget spent")

// charge books cost units for key, or returns errBudget / a quota error.
func (c *Collector) charge(st *State, key string, cost int) error {
	if st.UsedTotal+cost > c.opts.DailyQuota {
		return &fetch.Error{Class: fetch.ClassQuota, Msg: fmt.Sprintf("daily quota of %d units spent", c.opts.DailyQuota), Until: NextReset(c.deps.Now())}
	}
	if st.Used[key]+cost > c.opts.QueryBudget {
		return errBudget
	}
	st.Used[key] += cost
	st.UsedTotal += cost
	c.deps.Probe.Quota(float64(c.opts.DailyQuota - st.UsedTotal))
	return nil
}

// Pull runs the searches then follows comments of tracked videos. A spent
// quota, bad credentials or an internal failure end the pass; other
// failures only skip their search or video.
func (c *Collector) Pull(ctx context.Context, st *State) (ingest.Batch, error) {
	var b ingest.Batch
	now := c.deps.Now()
	if st.Used == nil {
		st.Used = map[string]int{}
	}
	if st.Searches == nil {
		st.Searches = map[string]*SearchState{}
	}
	if st.Videos == nil {
		st.Videos = map[string]*VideoState{}
	}
	if day := QuotaDay(now); st.QuotaDay != day {
		st.QuotaDay, st.Used, st.UsedTotal = day, map[string]int{}, 0
	}
	c.deps.Probe.Quota(float64(c.opts.DailyQuota - st.UsedTotal))
	if now.Before(st.ExhaustedUntil) {
		return b, &fetch.Error{Class: fetch.ClassQuota, Msg: "quota exhausted (quotaExceeded); waiting for the reset at midnight Pacific", Until: st.ExhaustedUntil}
	}
	var firstErr error
	// fail decides whether err ends the pass (returned) or only its search
	// or video (remembered for the report).
	fail := func(err error) error {
		var fe *fetch.Error
		if errors.As(err, &fe) && fe.Class == fetch.ClassQuota {
			st.ExhaustedUntil = fe.Until
			return err
		}
		if fetch.ClassOf(err) == fetch.ClassAuth {
			return err
		}
		if firstErr == nil {
			firstErr = err
		}
		return nil
	}
	for _, s := range c.searches() {
		if err := c.runSearch(ctx, st, s, &b); err != nil {
			if ctx.Err() != nil {
				return b, ctx.Err()
			}
			if e := fail(err); e != nil {
				return b, e
			}
		}
	}
	c.prune(st, now)
	for _, id := range c.trackedOrder(st) {
		if err := c.followComments(ctx, st, id, &b); err != nil {
			if ctx.Err() != nil {
				return b, ctx.Err()
			}
			if e := fail(err); e != nil {
				return b, e
			}
		}
	}
	return b, firstErr
}

func (c *Collector) get(ctx context.Context, path string, q url.Values) ([]byte, error) {
	q.Set("key", c.key)
	resp, err := c.http.Get(ctx, strings.TrimRight(c.opts.BaseURL, "/")+path+"?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func (c *Collector) runSearch(ctx context.Context, st *State, s search, b *ingest.Batch) error {
	ss := st.Searches[s.key]
	if ss == nil {
		ss = &SearchState{PublishedAfter: c.deps.Now().Add(-time.Duration(c.opts.TrackDays) * 24 * time.Hour).UTC().Truncate(time.Second)}
		st.Searches[s.key] = ss
	}
	for page := 0; page < c.opts.SearchPages; page++ {
		if err := c.charge(st, s.key, CostSearch); err != nil {
			if errors.Is(err, errBudget) {
				c.deps.Logger.Info("search budget for today spent", "search", s.key, "budget", c.opts.QueryBudget)
				return nil
			}
			return err
		}
		q := url.Values{}
		q.Set("part", "snippet")
		q.Set("type", "video")
		q.Set("order", "date")
		q.Set("maxResults", "50")
		q.Set("publishedAfter", ss.PublishedAfter.UTC().Format(time.RFC3339))
		if s.query != "" {
			q.Set("q", s.query)
		}
		if s.channel != "" {
			q.Set("channelId", s.channel)
		}
		if c.opts.RegionCode != "" {
			q.Set("regionCode", c.opts.RegionCode)
		}
		if c.opts.RelevanceLanguage != "" {
			q.Set("relevanceLanguage", c.opts.RelevanceLanguage)
		}
		if ss.PageToken != "" {
			q.Set("pageToken", ss.PageToken)
		}
		body, err := c.get(ctx, "/search", q)
		if err != nil {
			var r *Reason
			if errors.As(err, &r) && r.Reason == "invalidPageToken" {
				ss.PageToken = ""
			}
			return fmt.Errorf("search %s: %w", s.key, err)
		}
		var resp searchListResponse
		if err := decode(body, &resp, "search.list"); err != nil {
			return fmt.Errorf("search %s: %w", s.key, err)
		}
		now := c.deps.Now().UTC()
		var ms []mention.Mention
		for _, it := range resp.Items {
			m, ok := videoMention(it, s.query, now)
			if !ok {
				b.Malformed = append(b.Malformed, ingest.Malformed{Err: errors.New("search result without video id or title")})
				continue
			}
			if m.PostedAt.After(ss.PendingNewest) {
				ss.PendingNewest = m.PostedAt
			}
			vid := it.ID.VideoID
			if _, seen := st.Videos[vid]; seen {
				continue
			}
			ms = append(ms, m)
			q := s.query
			if s.channel != "" {
				// comments on the city's own channel are kept as context
				q = "channel:" + s.channel
			}
			st.Videos[vid] = &VideoState{Budget: s.key, Query: q, PublishedAt: m.PostedAt}
		}
		if err := c.addStatistics(ctx, st, s.key, ms); err != nil {
			return fmt.Errorf("statistics for search %s: %w", s.key, err)
		}
		b.Mentions = append(b.Mentions, ms...)
		ss.PageToken = resp.NextPageToken
		if ss.PageToken == "" {
			if !ss.PendingNewest.IsZero() {
				ss.PublishedAfter = ss.PendingNewest
			}
			ss.PendingNewest = time.Time{}
		}
		if ss.PageToken == "" {
			return nil
		}
	}
	return nil
}

// addStatistics fills views, likes and comment counts of new videos with
// one videos.list call (1 unit per 50 ids). A spent budget leaves the
// metrics at zero rather than holding the videos back.
func (c *Collector) addStatistics(ctx context.Context, st *State, key string, ms []mention.Mention) error {
	if len(ms) == 0 {
		return nil
	}
	if err := c.charge(st, key, CostList); err != nil {
		if errors.Is(err, errBudget) {
			return nil
		}
		return err
	}
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = strings.TrimPrefix(m.ID, Kind+":")
	}
	q := url.Values{}
	q.Set("part", "statistics")
	q.Set("id", strings.Join(ids, ","))
	q.Set("maxResults", "50")
	body, err := c.get(ctx, "/videos", q)
	if err != nil {
		return err
	}
	var resp videoListResponse
	if err := decode(body, &resp, "videos.list"); err != nil {
		return err
	}
	stats := map[string]mention.Metrics{}
	for _, it := range resp.Items {
		n := func(s string) int64 { v, _ := strconv.ParseInt(s, 10, 64); return v }
		stats[mention.NewID(Kind, it.ID)] = mention.Metrics{Views: n(it.Statistics.ViewCount), Likes: n(it.Statistics.LikeCount), Replies: n(it.Statistics.CommentCount)}
	}
	for i := range ms {
		if m, ok := stats[ms[i].ID]; ok {
			ms[i].Metrics = m
		}
	}
	return nil
}

// prune forgets videos older than track_days and keeps the newest max_tracked.
func (c *Collector) prune(st *State, now time.Time) {
	cut := now.Add(-time.Duration(c.opts.TrackDays) * 24 * time.Hour)
	for id, v := range st.Videos {
		if v.PublishedAt.Before(cut) {
			delete(st.Videos, id)
		}
	}
	ids := c.trackedOrder(st)
	for _, id := range ids[min(len(ids), c.opts.MaxTracked):] {
		delete(st.Videos, id)
	}
}

// trackedOrder lists tracked, enabled videos newest first.
func (c *Collector) trackedOrder(st *State) []string {
	var ids []string
	for id, v := range st.Videos {
		if !v.Disabled {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := st.Videos[ids[i]], st.Videos[ids[j]]
		if !a.PublishedAt.Equal(b.PublishedAt) {
			return a.PublishedAt.After(b.PublishedAt)
		}
		return ids[i] < ids[j]
	})
	return ids
}

// followComments fetches comment threads newer than the video's last seen
// comment (threads come newest first with order=time) and their replies.
func (c *Collector) followComments(ctx context.Context, st *State, vid string, b *ingest.Batch) error {
	v := st.Videos[vid]
	since := v.LastComment
	newest := since
	token := ""
	for page := 0; page < c.opts.CommentPages; page++ {
		if err := c.charge(st, v.Budget, CostList); err != nil {
			if errors.Is(err, errBudget) {
				return nil
			}
			return err
		}
		q := url.Values{}
		q.Set("part", "snippet,replies")
		q.Set("videoId", vid)
		q.Set("maxResults", "100")
		q.Set("order", "time")
		q.Set("textFormat", "plainText")
		if token != "" {
			q.Set("pageToken", token)
		}
		body, err := c.get(ctx, "/commentThreads", q)
		if err != nil {
			var r *Reason
			if errors.As(err, &r) && (r.Reason == "commentsDisabled" || r.Reason == "videoNotFound") {
				v.Disabled = true
				c.deps.Logger.Info("video comments unavailable", "video", vid, "reason", r.Reason)
				return nil
			}
			return fmt.Errorf("comments of %s: %w", vid, err)
		}
		var resp commentThreadListResponse
		if err := decode(body, &resp, "commentThreads.list"); err != nil {
			return fmt.Errorf("comments of %s: %w", vid, err)
		}
		now := c.deps.Now().UTC()
		var ms []mention.Mention
		reachedOld := false
		for _, th := range resp.Items {
			top := th.Snippet.TopLevelComment
			m, ok := commentMention(top, vid, mention.NewID(Kind, vid), v.Query, th.Snippet.TotalReplyCount, now)
			if !ok {
				b.Malformed = append(b.Malformed, ingest.Malformed{Err: errors.New("comment thread without id, text or date")})
				continue
			}
			if !m.PostedAt.After(since) {
				reachedOld = true
				continue
			}
			if m.PostedAt.After(newest) {
				newest = m.PostedAt
			}
			ms = append(ms, m)
			for _, r := range th.Replies.Comments {
				if rm, ok := commentMention(r, vid, m.ID, v.Query, 0, now); ok {
					ms = append(ms, rm)
				}
			}
			if th.Snippet.TotalReplyCount > int64(len(th.Replies.Comments)) {
				more, err := c.replies(ctx, st, v, vid, top.ID, m.ID, now)
				if err != nil {
					return err
				}
				ms = append(ms, dedupe(ms, more)...)
			}
		}
		b.Mentions = append(b.Mentions, ms...)
		token = resp.NextPageToken
		if token == "" || reachedOld {
			break
		}
	}
	v.LastComment = newest
	return nil
}

// replies pages through comments.list for one thread.
func (c *Collector) replies(ctx context.Context, st *State, v *VideoState, vid, threadID, parent string, now time.Time) ([]mention.Mention, error) {
	var out []mention.Mention
	token := ""
	for page := 0; page < c.opts.CommentPages; page++ {
		if err := c.charge(st, v.Budget, CostList); err != nil {
			if errors.Is(err, errBudget) {
				return out, nil
			}
			return nil, err
		}
		q := url.Values{}
		q.Set("part", "snippet")
		q.Set("parentId", threadID)
		q.Set("maxResults", "100")
		q.Set("textFormat", "plainText")
		if token != "" {
			q.Set("pageToken", token)
		}
		body, err := c.get(ctx, "/comments", q)
		if err != nil {
			return nil, fmt.Errorf("replies of %s: %w", threadID, err)
		}
		var resp commentListResponse
		if err := decode(body, &resp, "comments.list"); err != nil {
			return nil, fmt.Errorf("replies of %s: %w", threadID, err)
		}
		for _, r := range resp.Items {
			if m, ok := commentMention(r, vid, parent, v.Query, 0, now); ok {
				out = append(out, m)
			}
		}
		token = resp.NextPageToken
		if token == "" {
			break
		}
	}
	return out, nil
}

func dedupe(have, more []mention.Mention) []mention.Mention {
	seen := map[string]bool{}
	for _, m := range have {
		seen[m.ID] = true
	}
	var out []mention.Mention
	for _, m := range more {
		if !seen[m.ID] {
			seen[m.ID] = true
			out = append(out, m)
		}
	}
	return out
}
