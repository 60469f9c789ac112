package meta

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/dengar-id/dengar/ingest/fetch"
)

// graphTimeLayout is how the Graph API writes times ("2026-11-24T10:00:00+0000").
const graphTimeLayout = "2006-01-02T15:04:05-0700"

func parseGraphTime(s string) (time.Time, bool) {
	for _, l := range []string{graphTimeLayout, time.RFC3339} {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// paging is the Graph cursor-paging object.
type paging struct {
	Cursors struct {
		Before string `json:"before"`
		After  string `json:"after"`
	} `json:"cursors"`
	Next     string `json:"next"`
	Previous string `json:"previous"`
}

// GraphError is the Graph API error object.
type GraphError struct {
	Message   string `json:"message"`
	Type      string `json:"type"`
	Code      int    `json:"code"`
	Subcode   int    `json:"error_subcode"`
	FBTraceID string `json:"fbtrace_id"`
}

// Error implements error.
func (e *GraphError) Error() string {
	return fmt.Sprintf("%s (code %d, subcode %d, fbtrace_id %s)", e.Message, e.Code, e.Subcode, e.FBTraceID)
}

// classify maps Graph error objects to classes, following Meta's error
// handling guide: 190 and 102 (and OAuthException without other code) are
// expired or invalid tokens; 10 and 200–299 missing permissions; 4, 17, 32,
// 613 and 80001–80014 rate limits (throttling, retry later); 1, 2 transient;
// everything else permanent.
func classify(now func() time.Time) fetch.Classifier {
	return func(resp *http.Response, body []byte) *fetch.Error {
		var env struct {
			Error *GraphError `json:"error"`
		}
		if json.Unmarshal(body, &env) != nil || env.Error == nil {
			if resp.StatusCode >= 400 {
				return fetch.StatusError(resp, body, now())
			}
			return nil
		}
		ge := env.Error
		e := &fetch.Error{Status: resp.StatusCode, Err: ge, Until: fetch.RetryAfter(resp.Header, now())}
		switch c := ge.Code; {
		case c == 190 || c == 102:
			e.Class = fetch.ClassAuth
			e.Msg = "access token expired or invalid: renew META_ACCESS_TOKEN"
		case c == 10 || (c >= 200 && c <= 299):
			e.Class = fetch.ClassAuth
			e.Msg = "permission missing for this token"
		case c == 4 || c == 17 || c == 32 || c == 613 || (c >= 80001 && c <= 80014):
			e.Class = fetch.ClassRateLimited
			e.Msg = "rate limited by the Graph API"
			if e.Until.IsZero() {
				e.Until = now().Add(regainAccess(resp.Header))
			}
		case c == 1 || c == 2:
			e.Class = fetch.ClassTransient
		case c == 341 || c == 368:
			e.Class = fetch.ClassRateLimited
			e.Until = now().Add(time.Hour)
		default:
			e.Class = fetch.ClassPermanent
			if resp.StatusCode >= 500 {
				e.Class = fetch.ClassTransient
			}
		}
		return e
	}
}

// regainAccess reads estimated_time_to_regain_access (minutes) from the
// X-Business-Use-Case-Usage header; 15 minutes when absent.
func regainAccess(h http.Header) time.Duration {
	v := h.Get("X-Business-Use-Case-Usage")
	if v == "" {
		return 15 * time.Minute
	}
	var usage map[string][]struct {
		Minutes int `json:"estimated_time_to_regain_access"`
	}
	if json.Unmarshal([]byte(v), &usage) != nil {
		return 15 * time.Minute
	}
	best := 0
	for _, list := range usage {
		for _, u := range list {
			best = max(best, u.Minutes)
		}
	}
	if best <= 0 {
		return time.Minute
	}
	return time.Duration(best) * time.Minute
}

// nextPage returns the after cursor when the response says there is a
// next page (Graph omits paging.next on the last page).
func nextPage(p paging) string {
	if p.Next == "" {
		return ""
	}
	return p.Cursors.After
}

func trimSlash(s string) string { return strings.TrimRight(s, "/") }
