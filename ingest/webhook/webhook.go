// Package webhook is an HTTP endpoint that accepts mentions pushed by other
// tools (kind "webhook"): contract v1 JSON, as a single object, an array
// (batch) or JSON Lines. Requests are authenticated by an HMAC-SHA256 of
// the raw body in the header `X-Dengar-Signature: sha256=<hex>`, keyed with
// the secret in DENGAR_WEBHOOK_SECRET. The endpoint answers 202 only after
// the batch is emitted (durable in Kafka), and clear JSON errors otherwise:
// 400 malformed (with a reason per item), 401 bad signature, 405 wrong
// method, 413 too large, 415 wrong content type, 503 Kafka unavailable.
//
// Configuration (beside the common fields):
//
//	listen: ":8089"
//	path: /v1/mentions
//	secret_env: DENGAR_WEBHOOK_SECRET
//	max_body: 5242880          # bytes
//	max_items: 10000           # per request
package webhook

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/mention"
)

// Kind is the registered collector kind.
const Kind = "webhook"

// SignatureHeader carries "sha256=<hex HMAC of the body>".
const SignatureHeader = "X-Dengar-Signature"

func init() { ingest.Register(Kind, Options{}, ingest.PushFactory(New)) }

// Options are the webhook-specific settings.
type Options struct {
	Listen    string `yaml:"listen"`
	Path      string `yaml:"path"`
	SecretEnv string `yaml:"secret_env"`
	MaxBody   int64  `yaml:"max_body"`
	MaxItems  int    `yaml:"max_items"`
}

// Collector is a push source: it serves the endpoint while Serve runs.
type Collector struct {
	opts   Options
	secret []byte
	deps   ingest.Deps

	mu    sync.Mutex
	addr  net.Addr
	ready chan struct{}
}

// New builds a webhook collector.
func New(cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
	o := Options{Listen: ":8089", Path: "/v1/mentions", SecretEnv: "DENGAR_WEBHOOK_SECRET", MaxBody: 5 << 20, MaxItems: 10000}
	if err := cfg.Decode(&o); err != nil {
		return nil, err
	}
	if !strings.HasPrefix(o.Path, "/") {
		return nil, fmt.Errorf("path %q must start with /", o.Path)
	}
	secret := deps.Getenv(o.SecretEnv)
	if secret == "" {
		return nil, fmt.Errorf("no signing secret: set the %s environment variable (the endpoint never runs unauthenticated)", o.SecretEnv)
	}
	return &Collector{opts: o, secret: []byte(secret), deps: deps, ready: make(chan struct{})}, nil
}

// Addr waits until the endpoint listens and returns its address.
func (c *Collector) Addr(ctx context.Context) (net.Addr, error) {
	select {
	case <-c.ready:
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.addr, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Serve serves the endpoint until ctx is cancelled, then shuts down
// gracefully (in-flight requests finish). Accepted batches go to emit (the
// runner), and are acknowledged only once it returns.
func (c *Collector) Serve(ctx context.Context, emit ingest.Emitter) error {
	ln, err := net.Listen("tcp", c.opts.Listen)
	if err != nil {
		return &configError{fmt.Errorf("listen on %s: %w", c.opts.Listen, err)}
	}
	c.mu.Lock()
	c.addr = ln.Addr()
	c.mu.Unlock()
	select {
	case <-c.ready:
	default:
		close(c.ready)
	}
	mux := http.NewServeMux()
	mux.Handle(c.opts.Path, c.Handler(emit))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	c.deps.Logger.Info("webhook listening", "addr", ln.Addr().String(), "path", c.opts.Path)
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		return nil
	case err := <-errc:
		return fmt.Errorf("webhook server: %w", err)
	}
}

type configError struct{ err error }

func (e *configError) Error() string      { return e.err.Error() }
func (e *configError) Unwrap() error      { return e.err }
func (e *configError) ErrorClass() string { return "config" }

// ItemError is the reason one item of a batch was rejected.
type ItemError struct {
	Index int    `json:"index"`
	ID    string `json:"id,omitempty"`
	Error string `json:"error"`
}

// ErrorBody is every 4xx/5xx answer.
type ErrorBody struct {
	Error   string      `json:"error"`
	Message string      `json:"message"`
	Items   []ItemError `json:"items,omitempty"`
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, status int, code, msg string, items []ItemError) {
	reply(w, status, ErrorBody{Error: code, Message: msg, Items: items})
}

// Sign returns the header value for body (for clients and tests).
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Handler returns the endpoint's handler, emitting accepted batches to emit.
func (c *Collector) Handler(emit ingest.Emitter) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			fail(w, http.StatusMethodNotAllowed, "method_not_allowed", "use POST", nil)
			return
		}
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		lines := false
		switch {
		case err != nil:
			fail(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "Content-Type must be application/json or application/x-ndjson", nil)
			return
		case mt == "application/json":
		case mt == "application/x-ndjson" || mt == "application/jsonl" || mt == "application/json-lines" || mt == "application/jsonlines":
			lines = true
		default:
			fail(w, http.StatusUnsupportedMediaType, "unsupported_media_type", fmt.Sprintf("Content-Type %q is not application/json or application/x-ndjson", mt), nil)
			return
		}
		if r.ContentLength > c.opts.MaxBody {
			fail(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("body is larger than %d bytes", c.opts.MaxBody), nil)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, c.opts.MaxBody+1))
		if err != nil {
			fail(w, http.StatusBadRequest, "unreadable", "could not read the body", nil)
			return
		}
		if int64(len(body)) > c.opts.MaxBody {
			fail(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("body is larger than %d bytes", c.opts.MaxBody), nil)
			return
		}
		if !c.verify(r.Header.Get(SignatureHeader), body) {
			c.deps.Probe.Error("auth")
			fail(w, http.StatusUnauthorized, "bad_signature", "missing or wrong "+SignatureHeader+" (sha256=<hex HMAC-SHA256 of the raw body>)", nil)
			return
		}
		ms, items, err := Parse(body, lines, c.opts.MaxItems, c.deps.Now().UTC())
		if err != nil {
			if errors.Is(err, errTooMany) {
				fail(w, http.StatusRequestEntityTooLarge, "too_many_items", err.Error(), nil)
				return
			}
			fail(w, http.StatusBadRequest, "malformed", err.Error(), nil)
			return
		}
		if len(items) > 0 {
			c.deps.Probe.Dropped(ingest.DropInvalid, len(items))
			fail(w, http.StatusBadRequest, "malformed", fmt.Sprintf("%d of %d items are invalid; nothing was accepted", len(items), len(items)+len(ms)), items)
			return
		}
		if err := emit.Emit(r.Context(), ms); err != nil {
			c.deps.Logger.Warn("webhook emit failed", "items", len(ms), "err", err)
			w.Header().Set("Retry-After", "5")
			fail(w, http.StatusServiceUnavailable, "unavailable", "the mentions could not be stored; retry later", nil)
			return
		}
		reply(w, http.StatusAccepted, map[string]int{"accepted": len(ms)})
	})
}

func (c *Collector) verify(header string, body []byte) bool {
	got, ok := strings.CutPrefix(strings.TrimSpace(header), "sha256=")
	if !ok {
		return false
	}
	sig, err := hex.DecodeString(got)
	if err != nil {
		return false
	}
	m := hmac.New(sha256.New, c.secret)
	m.Write(body)
	return hmac.Equal(sig, m.Sum(nil))
}

var errTooMany = errors.New("too many items")

// Parse decodes a body (a JSON object, a JSON array, or JSON Lines when
// lines is set) into mentions. Items that fail the v1 contract are listed
// in items with their reason; err is set when the body as a whole is not
// parseable. A missing source becomes "webhook", an id without a source
// prefix is prefixed, and a missing collected_at is set to now.
func Parse(body []byte, lines bool, maxItems int, now time.Time) (ms []mention.Mention, items []ItemError, err error) {
	var raws []json.RawMessage
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		return nil, nil, errors.New("empty body")
	case lines:
		sc := bufio.NewScanner(bytes.NewReader(trimmed))
		sc.Buffer(make([]byte, 0, 64<<10), mention.MaxMessageBytes+1)
		for sc.Scan() {
			l := bytes.TrimSpace(sc.Bytes())
			if len(l) == 0 {
				continue
			}
			raws = append(raws, json.RawMessage(append([]byte(nil), l...)))
			if len(raws) > maxItems {
				return nil, nil, fmt.Errorf("%w: more than %d", errTooMany, maxItems)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, nil, fmt.Errorf("JSON Lines: %w", err)
		}
	case trimmed[0] == '[':
		if err := json.Unmarshal(trimmed, &raws); err != nil {
			return nil, nil, fmt.Errorf("not a JSON array of mentions: %v", err)
		}
		if len(raws) > maxItems {
			return nil, nil, fmt.Errorf("%w: %d, more than %d", errTooMany, len(raws), maxItems)
		}
	case trimmed[0] == '{':
		raws = []json.RawMessage{trimmed}
	default:
		return nil, nil, errors.New("body is neither a JSON object nor an array")
	}
	if len(raws) == 0 {
		return nil, nil, errors.New("no mentions in the body")
	}
	for i, raw := range raws {
		var m mention.Mention
		if len(raw) > mention.MaxMessageBytes {
			items = append(items, ItemError{Index: i, Error: fmt.Sprintf("item is %d bytes, more than %d", len(raw), mention.MaxMessageBytes)})
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		if err := dec.Decode(&m); err != nil {
			items = append(items, ItemError{Index: i, Error: "not a JSON mention: " + err.Error()})
			continue
		}
		if m.Schema != 0 && m.Schema != mention.SchemaVersion {
			items = append(items, ItemError{Index: i, ID: m.ID, Error: fmt.Sprintf("schema %d is not supported (want %d)", m.Schema, mention.SchemaVersion)})
			continue
		}
		if m.Source == "" {
			m.Source = Kind
		}
		if m.ID != "" {
			if src, _, ok := mention.SplitID(m.ID); !ok || src != m.Source {
				m.ID = mention.NewID(m.Source, m.ID)
			}
		}
		if m.CollectedAt.IsZero() {
			m.CollectedAt = now
		}
		m.Normalize()
		if err := m.Validate(); err != nil {
			items = append(items, ItemError{Index: i, ID: m.ID, Error: err.Error()})
			continue
		}
		ms = append(ms, m)
	}
	return ms, items, nil
}
