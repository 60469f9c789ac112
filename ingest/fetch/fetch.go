// Package fetch is the HTTP client every collector uses: a timeout on every
// request, a per-source rate limit, retries with capped exponential backoff
// and jitter on transient failures (timeouts, 5xx, 429), Retry-After
// honoured, a bound on response size, and errors classified so that the
// runner can tell a passing hiccup from a bad token or an exhausted quota.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/backoff"
	"github.com/dengar-id/dengar/clock"
	"golang.org/x/time/rate"
)

// Error classes, used as the `class` label of the errors metric.
const (
	ClassTransient   = "transient"    // 5xx, timeouts, connection errors
	ClassRateLimited = "rate_limited" // 429 or a platform's rate-limit error
	ClassAuth        = "auth"         // 401/403: bad or expired credentials
	ClassQuota       = "quota"        // daily quota exhausted
	ClassMalformed   = "malformed"    // a response that does not parse
	ClassTooLarge    = "too_large"    // a response over the size bound
	ClassPermanent   = "permanent"    // other 4xx: a request the API refuses
	ClassConfig      = "config"       // missing credentials or settings
)

// Error is a classified fetch failure.
type Error struct {
	// Class is one of the Class constants.
	Class string
	// Status is the HTTP status, 0 when no response arrived.
	Status int
	// Msg says what went wrong; it never contains credentials.
	Msg string
	// Until, when set, is the earliest time a retry makes sense (rate-limit
	// reset, Retry-After, quota reset).
	Until time.Time
	// Err is the underlying error, if any.
	Err error
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Class)
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	}
	if e.Msg != "" {
		b.WriteString(": ")
		b.WriteString(e.Msg)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	if !e.Until.IsZero() {
		fmt.Fprintf(&b, " (retry after %s)", e.Until.UTC().Format(time.RFC3339))
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrorClass returns Class; the runner reads it through an interface.
func (e *Error) ErrorClass() string { return e.Class }

// RetryAt returns Until; the runner reads it through an interface.
func (e *Error) RetryAt() time.Time { return e.Until }

// Retryable reports whether another attempt within the same pass may succeed.
func (e *Error) Retryable() bool {
	return e.Class == ClassTransient || e.Class == ClassRateLimited
}

// ClassOf returns the class of err, or "" when err is not a classified error.
func ClassOf(err error) string {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Class
	}
	return ""
}

// Backoff is the retry policy.
type Backoff struct {
	// Attempts is the total number of tries per request (≥ 1).
	Attempts int
	// Base is the first delay; it doubles per attempt up to Max.
	Base time.Duration
	// Max caps one delay, including a server's Retry-After: a longer wait
	// ends the pass and the runner retries at the given time.
	Max time.Duration
}

// DefaultBackoff is the production retry policy.
var DefaultBackoff = Backoff{Attempts: 4, Base: 500 * time.Millisecond, Max: 30 * time.Second}

// Delay returns the jittered delay before retry number n (0-based): equal
// jitter, half fixed and half random, so retries from many collectors do
// not synchronise.
func (b Backoff) Delay(n int) time.Duration {
	return backoff.Policy{Base: b.Base, Max: b.Max, Jitter: backoff.Equal}.Delay(n)
}

// Classifier inspects a response that is not 2xx (or a 2xx whose body
// carries an error, as Telegram and Graph do) and returns a classified
// error, or nil to accept the response. body is already read and bounded.
type Classifier func(resp *http.Response, body []byte) *Error

// Client is a polite, resilient HTTP client for one collector.
type Client struct {
	http     *http.Client
	limiter  *rate.Limiter
	backoff  Backoff
	maxBody  int64
	agent    string
	classify Classifier
	now      func() time.Time
	sleep    func(ctx context.Context, d time.Duration) error
	// hooks for metrics
	onRequest func()
	onError   func(class string)
	secrets   []string
}

// WithSecrets names values (tokens in URL paths, as Telegram's) that must
// never appear in an error message.
func WithSecrets(secrets ...string) Option {
	return func(c *Client) {
		for _, s := range secrets {
			if s != "" {
				c.secrets = append(c.secrets, s)
			}
		}
	}
}

func (c *Client) scrub(e *Error) *Error {
	if e == nil || len(c.secrets) == 0 {
		return e
	}
	for _, s := range c.secrets {
		e.Msg = strings.ReplaceAll(e.Msg, s, "<redacted>")
		if e.Err != nil && strings.Contains(e.Err.Error(), s) {
			e.Err = errors.New(strings.ReplaceAll(e.Err.Error(), s, "<redacted>"))
		}
	}
	return e
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient sets the underlying client (its Timeout is kept when set).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.http = h } }

// WithTimeout bounds every request.
func WithTimeout(d time.Duration) Option {
	return func(c *Client) {
		if d > 0 {
			hc := *c.http
			hc.Timeout = d
			c.http = &hc
		}
	}
}

// WithRate limits requests to r per second with the given burst (r ≤ 0: no limit).
func WithRate(r float64, burst int) Option {
	return func(c *Client) {
		if r > 0 {
			if burst < 1 {
				burst = 1
			}
			c.limiter = rate.NewLimiter(rate.Limit(r), burst)
		}
	}
}

// WithBackoff sets the retry policy.
func WithBackoff(b Backoff) Option {
	return func(c *Client) {
		if b.Attempts < 1 {
			b.Attempts = 1
		}
		c.backoff = b
	}
}

// WithMaxBody bounds response bodies (bytes).
func WithMaxBody(n int64) Option { return func(c *Client) { c.maxBody = n } }

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return func(c *Client) { c.agent = ua } }

// WithClassifier sets the platform-specific error classifier.
func WithClassifier(f Classifier) Option { return func(c *Client) { c.classify = f } }

// WithHooks sets metric hooks: onRequest per HTTP attempt, onError per
// failed attempt with its class.
func WithHooks(onRequest func(), onError func(class string)) Option {
	return func(c *Client) { c.onRequest, c.onError = onRequest, onError }
}

// WithClock replaces clock.Now (tests).
func WithClock(now func() time.Time) Option { return func(c *Client) { c.now = now } }

// New returns a Client with a 20 s timeout, no rate limit, DefaultBackoff
// and an 8 MiB body bound, then applies opts.
func New(opts ...Option) *Client {
	c := &Client{
		http:    &http.Client{Timeout: 20 * time.Second},
		backoff: DefaultBackoff,
		maxBody: 8 << 20,
		agent:   "dengar/1 (+https://github.com/dengar-id/dengar)",
		now:     clock.Now,
		sleep:   sleepCtx,
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Response is a successful response with its bounded body.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Get fetches u with headers, retrying transient failures.
func (c *Client) Get(ctx context.Context, u string, header http.Header) (*Response, error) {
	return c.Do(ctx, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		for k, vs := range header {
			for _, v := range vs {
				req.Header.Add(k, v)
			}
		}
		return req, nil
	})
}

// Do sends the request built by build (called once per attempt), retrying
// transient failures. 304 Not Modified counts as success.
func (c *Client) Do(ctx context.Context, build func(ctx context.Context) (*http.Request, error)) (*Response, error) {
	var last *Error
	for attempt := 0; attempt < c.backoff.Attempts; attempt++ {
		if attempt > 0 {
			d := c.backoff.Delay(attempt - 1)
			if !last.Until.IsZero() {
				if wait := last.Until.Sub(c.now()); wait > d {
					d = wait
				}
			}
			if d > c.backoff.Max {
				// Waiting this long inside a pass would stall every
				// collector behind it: end the pass, the runner retries
				// at last.Until.
				return nil, last
			}
			if err := c.sleep(ctx, d); err != nil {
				return nil, err
			}
		}
		if c.limiter != nil {
			if err := c.limiter.Wait(ctx); err != nil {
				return nil, err
			}
		}
		resp, ferr := c.once(ctx, build)
		ferr = c.scrub(ferr)
		if ferr == nil {
			return resp, nil
		}
		if c.onError != nil {
			c.onError(ferr.Class)
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		last = ferr
		if !ferr.Retryable() {
			return nil, ferr
		}
	}
	return nil, last
}

func (c *Client) once(ctx context.Context, build func(ctx context.Context) (*http.Request, error)) (*Response, *Error) {
	req, err := build(ctx)
	if err != nil {
		return nil, &Error{Class: ClassPermanent, Msg: "build request", Err: err}
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", c.agent)
	}
	if c.onRequest != nil {
		c.onRequest()
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, &Error{Class: ClassTransient, Msg: "request to " + redactURL(req.URL), Err: stripURLError(err)}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return nil, &Error{Class: ClassTransient, Status: resp.StatusCode, Msg: "read body", Err: stripURLError(err)}
	}
	if int64(len(body)) > c.maxBody {
		return nil, &Error{Class: ClassTooLarge, Status: resp.StatusCode, Msg: fmt.Sprintf("response from %s is larger than %d bytes", redactURL(req.URL), c.maxBody)}
	}
	if c.classify != nil {
		if fe := c.classify(resp, body); fe != nil {
			if fe.Status == 0 {
				fe.Status = resp.StatusCode
			}
			if fe.Until.IsZero() {
				fe.Until = RetryAfter(resp.Header, c.now())
			}
			return nil, fe
		}
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 || resp.StatusCode == http.StatusNotModified {
		return &Response{Status: resp.StatusCode, Header: resp.Header, Body: body}, nil
	}
	return nil, StatusError(resp, body, c.now())
}

// StatusError classifies a non-2xx response by its status code alone.
func StatusError(resp *http.Response, body []byte, now time.Time) *Error {
	e := &Error{Status: resp.StatusCode, Msg: snippet(body), Until: RetryAfter(resp.Header, now)}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		e.Class = ClassRateLimited
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		e.Class = ClassAuth
	case resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode >= 500:
		e.Class = ClassTransient
	default:
		e.Class = ClassPermanent
	}
	return e
}

// RetryAfter parses a Retry-After header (delay in seconds or an HTTP
// date); zero time when absent or unparsable.
func RetryAfter(h http.Header, now time.Time) time.Time {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return time.Time{}
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return time.Time{}
		}
		if secs > 7*24*3600 {
			secs = 7 * 24 * 3600
		}
		return now.Add(time.Duration(secs) * time.Second)
	}
	if t, err := http.ParseTime(v); err == nil {
		return t
	}
	return time.Time{}
}

// snippet returns a short, single-line excerpt of an error body.
func snippet(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// Snippet is snippet for collectors' own messages.
func Snippet(body []byte) string { return snippet(body) }

// redactURL drops the query string, which may carry keys or tokens.
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.RawQuery = ""
	c.User = nil
	return c.String()
}

// stripURLError removes the URL (with its query and possible key) from
// *url.Error, keeping the cause.
func stripURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("timeout: %w", ue.Err)
		}
		return ue.Err
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return ne
	}
	return err
}
