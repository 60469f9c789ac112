// Package notify delivers messages out of Dengar, for any stage: the one
// SMTP client (SMTP: the weekly report's e-mail and the alerts' Email
// channel), and the alert channels — Telegram Bot API sendMessage, a
// generic signed JSON webhook and Slack-compatible incoming webhooks. A
// notifier makes one attempt; the alert stage's outbox retries with
// backoff. Errors say whether a retry can help (Error.Permanent) and how
// long the service asked to wait (Error.RetryAfter).
package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
)

// Message is one notification, rendered once by the alert stage in every
// form the channels need.
type Message struct {
	// ID is the delivery's deduplication key (stable across retries).
	ID string `json:"id"`
	// AlertID, Event (opened, escalated, reopened, resolved) and Severity
	// describe what happened.
	AlertID  string `json:"alert_id"`
	Event    string `json:"event"`
	Severity string `json:"severity"`
	// Subject is the one-line title (email subject).
	Subject string `json:"subject"`
	// Text is plain text; HTML uses Telegram's HTML subset; Markdown is
	// Slack mrkdwn.
	Text     string `json:"text"`
	HTML     string `json:"html"`
	Markdown string `json:"markdown"`
	// URL links to the Grafana panel.
	URL string `json:"url,omitempty"`
	// Data is the alert as JSON, the body of webhooks.
	Data json.RawMessage `json:"data,omitempty"`
}

// Notifier sends a message on one channel.
type Notifier interface {
	// Channel names the channel: telegram, email, webhook, slack.
	Channel() string
	// Send makes one delivery attempt.
	Send(ctx context.Context, m *Message) error
}

// Error is a failed attempt.
type Error struct {
	// Permanent errors will not heal by retrying (bad token, unknown chat,
	// rejected payload).
	Permanent bool
	// RetryAfter is the wait the service asked for (HTTP 429).
	RetryAfter time.Duration
	Err        error
}

// Error implements error.
func (e *Error) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// IsPermanent says whether err is a permanent delivery error.
func IsPermanent(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Permanent
}

// RetryAfter returns the wait err asks for, or 0.
func RetryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}

// httpStatusError classifies a non-2xx HTTP answer: 408, 425, 429 and 5xx
// are temporary, other 4xx permanent.
func httpStatusError(channel string, resp *http.Response, body []byte) error {
	msg := strings.TrimSpace(string(body))
	if len(msg) > 300 {
		msg = msg[:300]
	}
	e := &Error{Err: fmt.Errorf("%s: HTTP %d: %s", channel, resp.StatusCode, msg)}
	// An HTTP-date in Retry-After is read against the server's own Date
	// header when it sent one, so that clock skew does not stretch the wait.
	now, err := http.ParseTime(resp.Header.Get("Date"))
	if err != nil {
		now = clock.Now()
	}
	switch c := resp.StatusCode; {
	case c == http.StatusTooManyRequests:
		e.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), now)
	case c == http.StatusRequestTimeout || c == http.StatusTooEarly || c >= 500:
		e.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), now)
	default:
		e.Permanent = true
	}
	return e
}

func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(min(s, 86400)) * time.Second // a day at most
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return min(d, 24*time.Hour)
		}
	}
	return 0
}

// transportError wraps network errors: always temporary.
func transportError(channel string, err error) error {
	return &Error{Err: fmt.Errorf("%s: %w", channel, err)}
}

func readBody(r io.Reader) []byte {
	b, _ := io.ReadAll(io.LimitReader(r, 64<<10))
	return b
}

// defaultClient is used when no client is given.
var defaultClient = &http.Client{Timeout: 20 * time.Second}
