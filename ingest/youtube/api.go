package youtube

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"strings"
	"time"

	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/internal/clean"
	"github.com/dengar-id/dengar/mention"
)

// searchListResponse is the search.list response (the fields used).
type searchListResponse struct {
	Kind          string `json:"kind"`
	NextPageToken string `json:"nextPageToken"`
	PageInfo      struct {
		TotalResults   int `json:"totalResults"`
		ResultsPerPage int `json:"resultsPerPage"`
	} `json:"pageInfo"`
	Items []searchResult `json:"items"`
}

type searchResult struct {
	Kind string `json:"kind"`
	ID   struct {
		Kind    string `json:"kind"`
		VideoID string `json:"videoId"`
	} `json:"id"`
	Snippet struct {
		PublishedAt  string `json:"publishedAt"`
		ChannelID    string `json:"channelId"`
		Title        string `json:"title"`
		Description  string `json:"description"`
		ChannelTitle string `json:"channelTitle"`
	} `json:"snippet"`
}

// videoListResponse is the videos.list response with part=statistics.
type videoListResponse struct {
	Items []struct {
		ID         string `json:"id"`
		Statistics struct {
			ViewCount    string `json:"viewCount"`
			LikeCount    string `json:"likeCount"`
			CommentCount string `json:"commentCount"`
		} `json:"statistics"`
	} `json:"items"`
}

// commentThreadListResponse is the commentThreads.list response.
type commentThreadListResponse struct {
	NextPageToken string          `json:"nextPageToken"`
	Items         []commentThread `json:"items"`
}

type commentThread struct {
	ID      string `json:"id"`
	Snippet struct {
		ChannelID       string  `json:"channelId"`
		VideoID         string  `json:"videoId"`
		TopLevelComment comment `json:"topLevelComment"`
		TotalReplyCount int64   `json:"totalReplyCount"`
	} `json:"snippet"`
	Replies struct {
		Comments []comment `json:"comments"`
	} `json:"replies"`
}

// commentListResponse is the comments.list response.
type commentListResponse struct {
	NextPageToken string    `json:"nextPageToken"`
	Items         []comment `json:"items"`
}

type comment struct {
	ID      string `json:"id"`
	Snippet struct {
		VideoID           string `json:"videoId"`
		TextDisplay       string `json:"textDisplay"`
		TextOriginal      string `json:"textOriginal"`
		ParentID          string `json:"parentId"`
		AuthorDisplayName string `json:"authorDisplayName"`
		AuthorChannelURL  string `json:"authorChannelUrl"`
		AuthorChannelID   struct {
			Value string `json:"value"`
		} `json:"authorChannelId"`
		LikeCount   int64  `json:"likeCount"`
		PublishedAt string `json:"publishedAt"`
		UpdatedAt   string `json:"updatedAt"`
	} `json:"snippet"`
}

// apiError is the Google API error body.
type apiError struct {
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Errors  []struct {
			Message string `json:"message"`
			Domain  string `json:"domain"`
			Reason  string `json:"reason"`
		} `json:"errors"`
	} `json:"error"`
}

// Reason is the first error reason of a YouTube error, kept in the
// fetch.Error's Err so callers can react to e.g. commentsDisabled.
type Reason struct {
	Reason  string
	Message string
}

// Error implements error.
func (r *Reason) Error() string { return r.Reason + ": " + r.Message }

// classify maps YouTube error bodies to classes: quotaExceeded and
// dailyLimitExceeded are quota (permanent until midnight Pacific);
// rateLimitExceeded/userRateLimitExceeded are rate limits; keyInvalid,
// keyExpired, forbidden and 401s are auth.
func classify(now func() time.Time) fetch.Classifier {
	return func(resp *http.Response, body []byte) *fetch.Error {
		if resp.StatusCode < 400 {
			return nil
		}
		var ae apiError
		reason, msg := "", ""
		if json.Unmarshal(body, &ae) == nil {
			msg = ae.Error.Message
			if len(ae.Error.Errors) > 0 {
				reason = ae.Error.Errors[0].Reason
			}
		}
		e := fetch.StatusError(resp, body, now())
		if reason != "" {
			e.Err = &Reason{Reason: reason, Message: stripTags(msg)}
			e.Msg = ""
		}
		switch reason {
		case "quotaExceeded", "dailyLimitExceeded", "dailyLimitExceededUnreg":
			e.Class = fetch.ClassQuota
			e.Until = NextReset(now())
		case "rateLimitExceeded", "userRateLimitExceeded":
			e.Class = fetch.ClassRateLimited
		case "keyInvalid", "keyExpired", "forbidden", "accessNotConfigured", "ipRefererBlocked":
			e.Class = fetch.ClassAuth
		case "commentsDisabled", "videoNotFound", "invalidPageToken", "channelNotFound":
			e.Class = fetch.ClassPermanent
		}
		return e
	}
}

func stripTags(s string) string { return clean.StripHTML(s) }

var pacific = mustPacific()

func mustPacific() *time.Location {
	l, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		return time.FixedZone("PST", -8*3600)
	}
	return l
}

// QuotaDay is the YouTube quota day (Pacific time) of t.
func QuotaDay(t time.Time) string { return t.In(pacific).Format("2006-01-02") }

// NextReset is the next midnight Pacific time after t, when YouTube
// quotas reset.
func NextReset(t time.Time) time.Time {
	p := t.In(pacific)
	y, m, d := p.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, pacific).UTC()
}

func parseTime(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// videoMention converts a search result.
func videoMention(r searchResult, query string, now time.Time) (mention.Mention, bool) {
	id := r.ID.VideoID
	posted, ok := parseTime(r.Snippet.PublishedAt)
	title := clean.Truncate(html.UnescapeString(r.Snippet.Title))
	if id == "" || !ok || strings.TrimSpace(title) == "" {
		return mention.Mention{}, false
	}
	text := clean.Truncate(html.UnescapeString(r.Snippet.Description))
	if strings.TrimSpace(text) == "" {
		text = title
	}
	return mention.Mention{
		ID:      mention.NewID(Kind, id),
		Source:  Kind,
		Channel: r.Snippet.ChannelTitle,
		URL:     "https://www.youtube.com/watch?v=" + id,
		Author: mention.Author{ID: r.Snippet.ChannelID, Handle: r.Snippet.ChannelID,
			Name: html.UnescapeString(r.Snippet.ChannelTitle), Kind: mention.KindCitizen},
		Title: title, Text: text, PostedAt: posted, CollectedAt: now, Query: query,
	}, true
}

// commentMention converts a comment; parent is the mention id it answers.
func commentMention(c comment, videoID, parent, query string, replies int64, now time.Time) (mention.Mention, bool) {
	posted, ok := parseTime(c.Snippet.PublishedAt)
	text := c.Snippet.TextOriginal
	if text == "" {
		text = clean.StripHTML(c.Snippet.TextDisplay)
	}
	text = clean.Truncate(text)
	if c.ID == "" || !ok || strings.TrimSpace(text) == "" {
		return mention.Mention{}, false
	}
	return mention.Mention{
		ID:       mention.NewID(Kind, c.ID),
		Source:   Kind,
		URL:      fmt.Sprintf("https://www.youtube.com/watch?v=%s&lc=%s", videoID, c.ID),
		ParentID: parent,
		Author: mention.Author{ID: c.Snippet.AuthorChannelID.Value, Handle: c.Snippet.AuthorDisplayName,
			Name: c.Snippet.AuthorDisplayName, Kind: mention.KindCitizen},
		Text: text, PostedAt: posted, CollectedAt: now, Query: query,
		Metrics: mention.Metrics{Likes: c.Snippet.LikeCount, Replies: replies},
	}, true
}

func decode(body []byte, v any, what string) error {
	if err := json.Unmarshal(body, v); err != nil {
		return &fetch.Error{Class: fetch.ClassMalformed, Msg: what + " response is not the documented JSON", Err: err}
	}
	return nil
}
