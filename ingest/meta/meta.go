// Package meta collects posts and comments (with replies) from the city's
// own Facebook Pages (kind "facebook") and Instagram professional accounts
// (kind "instagram") through the Graph API (v19+), with cursor paging. The
// page or user access token comes from the environment (META_ACCESS_TOKEN).
//
// Configuration (beside the common fields):
//
//	token_env: META_ACCESS_TOKEN
//	base_url: https://graph.facebook.com
//	version: v19.0
//	ids: ["1234567890"]      # Page ids (facebook) or IG user ids (instagram)
//	track_days: 7            # how long a post's comments are followed
//	max_pages: 5             # pages per edge per pass
//	limit: 100               # items per page
package meta

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/internal/clean"
	"github.com/dengar-id/dengar/mention"
)

// Kinds registered by this package.
const (
	KindFacebook  = "facebook"
	KindInstagram = "instagram"
)

func init() {
	for _, kind := range []string{KindFacebook, KindInstagram} {
		ingest.Register(kind, Options{}, ingest.PullFactory(func(cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
			return New(kind, cfg, deps)
		}))
	}
}

// Options are the Graph-specific settings.
type Options struct {
	TokenEnv  string   `yaml:"token_env"`
	BaseURL   string   `yaml:"base_url"`
	Version   string   `yaml:"version"`
	IDs       []string `yaml:"ids"`
	TrackDays int      `yaml:"track_days"`
	MaxPages  int      `yaml:"max_pages"`
	Limit     int      `yaml:"limit"`
}

// Collector reads one platform's accounts.
type Collector struct {
	kind  string
	opts  Options
	token string
	deps  ingest.Deps
	http  *fetch.Client
}

// New builds a collector of kind facebook or instagram.
func New(kind string, cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
	o := Options{TokenEnv: "META_ACCESS_TOKEN", BaseURL: "https://graph.facebook.com", Version: "v19.0", TrackDays: 7, MaxPages: 5, Limit: 100}
	if err := cfg.Decode(&o); err != nil {
		return nil, err
	}
	if len(o.IDs) == 0 {
		return nil, errors.New("no ids configured (Page ids or IG user ids)")
	}
	tok := deps.Getenv(o.TokenEnv)
	if tok == "" {
		return nil, fmt.Errorf("no access token: set the %s environment variable", o.TokenEnv)
	}
	c := &Collector{kind: kind, opts: o, token: tok, deps: deps}
	c.http = deps.HTTP(cfg, fetch.WithClassifier(classify(deps.Now)))
	return c, nil
}

// State is the checkpoint.
type State struct {
	Accounts map[string]*Account `json:"accounts"`
}

// Account is one Page's or IG account's cursor.
type Account struct {
	// Newest is the creation time of the newest post emitted.
	Newest time.Time `json:"newest,omitzero"`
	// After and PendingNewest resume a round of paging cut short.
	After         string    `json:"after,omitempty"`
	PendingNewest time.Time `json:"pending_newest,omitzero"`
	// Posts are followed for new comments until track_days after creation.
	Posts map[string]*Post `json:"posts,omitempty"`
}

// Post is a followed post.
type Post struct {
	Created     time.Time `json:"created"`
	LastComment time.Time `json:"last_comment,omitzero"`
}

// Pull reads new posts of every account, then new comments of followed
// posts; bad credentials or a rate limit end the pass, other failures only
// skip their account.
func (c *Collector) Pull(ctx context.Context, st *State) (ingest.Batch, error) {
	var b ingest.Batch
	if st.Accounts == nil {
		st.Accounts = map[string]*Account{}
	}
	var firstErr error
	for _, id := range c.opts.IDs {
		acc := st.Accounts[id]
		if acc == nil {
			acc = &Account{Newest: c.deps.Now().Add(-time.Duration(c.opts.TrackDays) * 24 * time.Hour).UTC()}
			st.Accounts[id] = acc
		}
		if acc.Posts == nil {
			acc.Posts = map[string]*Post{}
		}
		err := c.posts(ctx, id, acc, &b)
		if err == nil {
			err = c.comments(ctx, acc, &b)
		}
		if err != nil {
			if ctx.Err() != nil {
				return b, ctx.Err()
			}
			switch fetch.ClassOf(err) {
			case fetch.ClassAuth, fetch.ClassRateLimited:
				return b, fmt.Errorf("%s %s: %w", c.kind, id, err)
			}
			c.deps.Logger.Warn("account failed", "id", id, "err", err)
			if firstErr == nil {
				firstErr = fmt.Errorf("%s %s: %w", c.kind, id, err)
			}
		}
	}
	return b, firstErr
}

func (c *Collector) get(ctx context.Context, path string, q url.Values) ([]byte, error) {
	q.Set("access_token", c.token)
	resp, err := c.http.Get(ctx, trimSlash(c.opts.BaseURL)+"/"+c.opts.Version+"/"+path+"?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// posts pages through the account's posts/media newest first, emitting
// those newer than acc.Newest.
func (c *Collector) posts(ctx context.Context, id string, acc *Account, b *ingest.Batch) error {
	cut := c.deps.Now().Add(-time.Duration(c.opts.TrackDays) * 24 * time.Hour)
	for page := 0; page < c.opts.MaxPages; page++ {
		q := url.Values{}
		q.Set("limit", strconv.Itoa(c.opts.Limit))
		var path string
		if c.kind == KindFacebook {
			path = id + "/posts"
			q.Set("fields", "id,message,created_time,permalink_url,shares,reactions.summary(true),comments.summary(true),from")
			q.Set("since", strconv.FormatInt(acc.Newest.Unix(), 10))
		} else {
			path = id + "/media"
			q.Set("fields", "id,caption,timestamp,permalink,like_count,comments_count,media_type,username,owner")
		}
		if acc.After != "" {
			q.Set("after", acc.After)
		}
		body, err := c.get(ctx, path, q)
		if err != nil {
			return err
		}
		var ps []PostItem
		var pg paging
		if c.kind == KindFacebook {
			ps, pg, err = ParsePosts(body, id, c.deps.Now().UTC())
		} else {
			ps, pg, err = ParseMedia(body, id, c.deps.Now().UTC())
		}
		if err != nil {
			return err
		}
		reachedOld := false
		for _, p := range ps {
			if !p.M.PostedAt.After(acc.Newest) {
				reachedOld = true
				continue
			}
			b.Mentions = append(b.Mentions, p.M)
			if p.M.PostedAt.After(acc.PendingNewest) {
				acc.PendingNewest = p.M.PostedAt
			}
			if p.M.PostedAt.After(cut) {
				acc.Posts[p.NativeID] = &Post{Created: p.M.PostedAt}
			}
		}
		acc.After = nextPage(pg)
		if reachedOld || acc.After == "" {
			acc.After = ""
			if acc.PendingNewest.After(acc.Newest) {
				acc.Newest = acc.PendingNewest
			}
			acc.PendingNewest = time.Time{}
		}
		if acc.After == "" {
			return nil
		}
	}
	return nil
}

// comments fetches new comments (and replies) of followed posts.
func (c *Collector) comments(ctx context.Context, acc *Account, b *ingest.Batch) error {
	cut := c.deps.Now().Add(-time.Duration(c.opts.TrackDays) * 24 * time.Hour)
	ids := make([]string, 0, len(acc.Posts))
	for id, p := range acc.Posts {
		if p.Created.Before(cut) {
			delete(acc.Posts, id)
			continue
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, pid := range ids {
		p := acc.Posts[pid]
		newest := p.LastComment
		after := ""
		for page := 0; page < c.opts.MaxPages; page++ {
			q := url.Values{}
			q.Set("limit", strconv.Itoa(c.opts.Limit))
			if c.kind == KindFacebook {
				q.Set("fields", "id,message,created_time,from,like_count,comment_count,parent{id},permalink_url")
				q.Set("filter", "stream")
				q.Set("order", "reverse_chronological")
			} else {
				q.Set("fields", "id,text,timestamp,username,like_count,from,replies{id,text,timestamp,username,like_count,from}")
			}
			if after != "" {
				q.Set("after", after)
			}
			body, err := c.get(ctx, pid+"/comments", q)
			if err != nil {
				var fe *fetch.Error
				var ge *GraphError
				if errors.As(err, &fe) && fe.Class == fetch.ClassPermanent && errors.As(err, &ge) && ge.Code == 100 {
					delete(acc.Posts, pid) // deleted post
					break
				}
				return fmt.Errorf("comments of %s: %w", pid, err)
			}
			var ms []mention.Mention
			var pg paging
			if c.kind == KindFacebook {
				ms, pg, err = ParseComments(body, pid, c.deps.Now().UTC())
			} else {
				ms, pg, err = ParseIGComments(body, pid, c.deps.Now().UTC())
			}
			if err != nil {
				return fmt.Errorf("comments of %s: %w", pid, err)
			}
			fresh := ms[:0]
			for _, m := range ms {
				if m.PostedAt.After(p.LastComment) {
					fresh = append(fresh, m)
					if m.PostedAt.After(newest) {
						newest = m.PostedAt
					}
				}
			}
			b.Mentions = append(b.Mentions, fresh...)
			after = nextPage(pg)
			// reverse chronological: a page with old comments ends the round
			if after == "" || (c.kind == KindFacebook && len(fresh) < len(ms)) {
				break
			}
		}
		if pp := acc.Posts[pid]; pp != nil {
			pp.LastComment = newest
		}
	}
	return nil
}

// PostItem is a parsed post with its Graph id.
type PostItem struct {
	NativeID string
	M        mention.Mention
}

type fbPost struct {
	ID           string `json:"id"`
	Message      string `json:"message"`
	CreatedTime  string `json:"created_time"`
	PermalinkURL string `json:"permalink_url"`
	Shares       struct {
		Count int64 `json:"count"`
	} `json:"shares"`
	Reactions struct {
		Summary struct {
			TotalCount int64 `json:"total_count"`
		} `json:"summary"`
	} `json:"reactions"`
	Comments struct {
		Summary struct {
			TotalCount int64 `json:"total_count"`
		} `json:"summary"`
	} `json:"comments"`
	From *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"from"`
}

func malformed(what string, err error) error {
	return &fetch.Error{Class: fetch.ClassMalformed, Msg: what + " response is not the documented JSON", Err: err}
}

// ParsePosts decodes a Page /posts response.
func ParsePosts(body []byte, pageID string, now time.Time) ([]PostItem, paging, error) {
	var r struct {
		Data   []fbPost `json:"data"`
		Paging paging   `json:"paging"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, paging{}, malformed("posts", err)
	}
	var out []PostItem
	for _, p := range r.Data {
		t, ok := parseGraphTime(p.CreatedTime)
		text := clean.Truncate(p.Message)
		if p.ID == "" || !ok || strings.TrimSpace(text) == "" {
			continue // photo-only posts carry no text
		}
		a := mention.Author{ID: pageID, Kind: mention.KindUnknown}
		if p.From != nil {
			a.ID, a.Name = p.From.ID, p.From.Name
		}
		out = append(out, PostItem{NativeID: p.ID, M: mention.Mention{
			ID: mention.NewID(KindFacebook, p.ID), Source: KindFacebook, Channel: pageID, URL: p.PermalinkURL,
			Author: a, Text: text, PostedAt: t, CollectedAt: now,
			Metrics: mention.Metrics{Likes: p.Reactions.Summary.TotalCount, Replies: p.Comments.Summary.TotalCount, Shares: p.Shares.Count},
		}})
	}
	return out, r.Paging, nil
}

type fbComment struct {
	ID           string `json:"id"`
	Message      string `json:"message"`
	CreatedTime  string `json:"created_time"`
	LikeCount    int64  `json:"like_count"`
	CommentCount int64  `json:"comment_count"`
	PermalinkURL string `json:"permalink_url"`
	From         *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"from"`
	Parent *struct {
		ID string `json:"id"`
	} `json:"parent"`
}

// ParseComments decodes a /{post-id}/comments?filter=stream response;
// replies carry their parent comment.
func ParseComments(body []byte, postID string, now time.Time) ([]mention.Mention, paging, error) {
	var r struct {
		Data   []fbComment `json:"data"`
		Paging paging      `json:"paging"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, paging{}, malformed("comments", err)
	}
	var out []mention.Mention
	for _, cm := range r.Data {
		t, ok := parseGraphTime(cm.CreatedTime)
		text := clean.Truncate(cm.Message)
		if cm.ID == "" || !ok || strings.TrimSpace(text) == "" {
			continue
		}
		parent := mention.NewID(KindFacebook, postID)
		if cm.Parent != nil && cm.Parent.ID != "" {
			parent = mention.NewID(KindFacebook, cm.Parent.ID)
		}
		a := mention.Author{Kind: mention.KindCitizen}
		if cm.From != nil { // only given to the Page's own token
			a.ID, a.Name = cm.From.ID, cm.From.Name
		}
		out = append(out, mention.Mention{
			ID: mention.NewID(KindFacebook, cm.ID), Source: KindFacebook, URL: cm.PermalinkURL, ParentID: parent,
			Author: a, Text: text, PostedAt: t, CollectedAt: now,
			Metrics: mention.Metrics{Likes: cm.LikeCount, Replies: cm.CommentCount},
		})
	}
	return out, r.Paging, nil
}

type igMedia struct {
	ID            string `json:"id"`
	Caption       string `json:"caption"`
	Timestamp     string `json:"timestamp"`
	Permalink     string `json:"permalink"`
	LikeCount     int64  `json:"like_count"`
	CommentsCount int64  `json:"comments_count"`
	Username      string `json:"username"`
}

// ParseMedia decodes an IG /{ig-user-id}/media response.
func ParseMedia(body []byte, userID string, now time.Time) ([]PostItem, paging, error) {
	var r struct {
		Data   []igMedia `json:"data"`
		Paging paging    `json:"paging"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, paging{}, malformed("media", err)
	}
	var out []PostItem
	for _, md := range r.Data {
		t, ok := parseGraphTime(md.Timestamp)
		text := clean.Truncate(md.Caption)
		if md.ID == "" || !ok || strings.TrimSpace(text) == "" {
			continue
		}
		out = append(out, PostItem{NativeID: md.ID, M: mention.Mention{
			ID: mention.NewID(KindInstagram, md.ID), Source: KindInstagram, Channel: md.Username, URL: md.Permalink,
			Author: mention.Author{ID: userID, Handle: md.Username, Name: md.Username, Kind: mention.KindUnknown},
			Text:   text, PostedAt: t, CollectedAt: now,
			Metrics: mention.Metrics{Likes: md.LikeCount, Replies: md.CommentsCount},
		}})
	}
	return out, r.Paging, nil
}

type igComment struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Timestamp string `json:"timestamp"`
	Username  string `json:"username"`
	LikeCount int64  `json:"like_count"`
	From      *struct {
		ID       string `json:"id"`
		Username string `json:"username"`
	} `json:"from"`
	Replies *struct {
		Data []igComment `json:"data"`
	} `json:"replies"`
}

// ParseIGComments decodes an IG /{media-id}/comments response with nested replies.
func ParseIGComments(body []byte, mediaID string, now time.Time) ([]mention.Mention, paging, error) {
	var r struct {
		Data   []igComment `json:"data"`
		Paging paging      `json:"paging"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, paging{}, malformed("comments", err)
	}
	var out []mention.Mention
	conv := func(cm igComment, parent string) (mention.Mention, bool) {
		t, ok := parseGraphTime(cm.Timestamp)
		text := clean.Truncate(cm.Text)
		if cm.ID == "" || !ok || strings.TrimSpace(text) == "" {
			return mention.Mention{}, false
		}
		a := mention.Author{Handle: cm.Username, Name: cm.Username, Kind: mention.KindCitizen}
		if cm.From != nil {
			a.ID = cm.From.ID
		}
		var replies int64
		if cm.Replies != nil {
			replies = int64(len(cm.Replies.Data))
		}
		return mention.Mention{
			ID: mention.NewID(KindInstagram, cm.ID), Source: KindInstagram, ParentID: parent,
			Author: a, Text: text, PostedAt: t, CollectedAt: now,
			Metrics: mention.Metrics{Likes: cm.LikeCount, Replies: replies},
		}, true
	}
	for _, cm := range r.Data {
		m, ok := conv(cm, mention.NewID(KindInstagram, mediaID))
		if !ok {
			continue
		}
		out = append(out, m)
		if cm.Replies != nil {
			for _, rp := range cm.Replies.Data {
				if rm, ok := conv(rp, m.ID); ok {
					out = append(out, rm)
				}
			}
		}
	}
	return out, r.Paging, nil
}
