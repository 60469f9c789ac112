package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/ingest/webhook"
)

const secret = "s3cret-for-tests"

func handler(t *testing.T, capt *ingesttest.Capture, extra string) http.Handler {
	t.Helper()
	sc := ingesttest.Source(t, "hook", webhook.Kind, "listen: 127.0.0.1:0\n"+extra)
	c, err := webhook.New(sc, ingesttest.Deps(map[string]string{"DENGAR_WEBHOOK_SECRET": secret}))
	if err != nil {
		t.Fatal(err)
	}
	return c.Handler(capt)
}

const one = `{"id":"abc","text":"Jalan di Loa Janan rusak parah","posted_at":"2026-11-24T10:00:00Z","author":{"handle":"warga1"}}`

func TestRequests(t *testing.T) {
	batch := `[{"id":"tiktok:1","source":"tiktok","text":"video satu","posted_at":"2026-11-24T10:00:00Z"},{"id":"2","text":"dua","posted_at":"2026-11-24T10:01:00+08:00"}]`
	lines := one + "\n\n" + `{"id":"x2","text":"baris dua","posted_at":"2026-11-24T11:00:00Z"}` + "\n"
	for _, tc := range []struct {
		name, method, ctype, body string
		sign                      string // "", "good", or a literal header
		status                    int
		code                      string
		emitted                   []string
		nItems                    int
		extra                     string
	}{
		{"single object", "POST", "application/json", one, "good", 202, "", []string{"webhook:abc"}, 0, ""},
		{"batch", "POST", "application/json; charset=utf-8", batch, "good", 202, "", []string{"tiktok:1", "webhook:2"}, 0, ""},
		{"json lines", "POST", "application/x-ndjson", lines, "good", 202, "", []string{"webhook:abc", "webhook:x2"}, 0, ""},
		{"missing signature", "POST", "application/json", one, "", 401, "bad_signature", nil, 0, ""},
		{"wrong signature", "POST", "application/json", one, "sha256=" + strings.Repeat("0", 64), 401, "bad_signature", nil, 0, ""},
		{"signature not hex", "POST", "application/json", one, "sha256=zz", 401, "bad_signature", nil, 0, ""},
		{"wrong content type", "POST", "text/plain", one, "good", 415, "unsupported_media_type", nil, 0, ""},
		{"GET", "GET", "application/json", "", "good", 405, "method_not_allowed", nil, 0, ""},
		{"too large", "POST", "application/json", `[` + strings.Repeat(one+",", 40) + one + `]`, "good", 413, "too_large", nil, 0, "max_body: 2048"},
		{"too many items", "POST", "application/json", `[` + one + "," + one + "," + one + `]`, "good", 413, "too_many_items", nil, 0, "max_items: 2"},
		{"not JSON", "POST", "application/json", `hello`, "good", 400, "malformed", nil, 0, ""},
		{"truncated array", "POST", "application/json", `[` + one, "good", 400, "malformed", nil, 0, ""},
		{"empty", "POST", "application/json", ``, "good", 400, "malformed", nil, 0, ""},
		{"one bad item rejects the batch", "POST", "application/json",
			`[` + one + `,{"id":"b","text":"","posted_at":"2026-11-24T10:00:00Z"},{"id":"c","text":"x"},{"id":"d","text":"x","posted_at":"2026-11-24T10:00:00Z","schema":2},7]`,
			"good", 400, "malformed", nil, 4, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			capt := &ingesttest.Capture{}
			h := handler(t, capt, tc.extra)
			req := httptest.NewRequest(tc.method, "/v1/mentions", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", tc.ctype)
			switch tc.sign {
			case "good":
				req.Header.Set(webhook.SignatureHeader, webhook.Sign([]byte(secret), []byte(tc.body)))
			case "":
			default:
				req.Header.Set(webhook.SignatureHeader, tc.sign)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
				t.Errorf("reply is not JSON: %q", rec.Header().Get("Content-Type"))
			}
			if tc.code != "" {
				var eb webhook.ErrorBody
				if err := json.Unmarshal(rec.Body.Bytes(), &eb); err != nil || eb.Error != tc.code || eb.Message == "" {
					t.Fatalf("error body %s (want code %q)", rec.Body, tc.code)
				}
				if len(eb.Items) != tc.nItems {
					t.Errorf("item errors %v, want %d", eb.Items, tc.nItems)
				}
			}
			if got := capt.IDs(); strings.Join(got, ",") != strings.Join(tc.emitted, ",") {
				t.Errorf("emitted %v, want %v", got, tc.emitted)
			}
		})
	}
}

func TestEmitFailureIs503(t *testing.T) {
	capt := &ingesttest.Capture{Fail: errors.New("kafka down")}
	h := handler(t, capt, "")
	req := httptest.NewRequest("POST", "/v1/mentions", strings.NewReader(one))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(webhook.SignatureHeader, webhook.Sign([]byte(secret), []byte(one)))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("status %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
}

func TestNoSecretNoEndpoint(t *testing.T) {
	sc := ingesttest.Source(t, "hook", webhook.Kind, "")
	if _, err := ingest.New(sc, ingesttest.Deps(nil)); err == nil || !strings.Contains(err.Error(), "DENGAR_WEBHOOK_SECRET") {
		t.Fatalf("err = %v", err)
	}
}

// TestEndToEnd runs `dengar collect`'s code path (not --once: the webhook
// serves until cancelled), posts a signed batch, and reads the raw topic.
func TestEndToEnd(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	sc := ingesttest.Source(t, "hook-e2e", webhook.Kind, "listen: "+addr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		deps := ingesttest.Deps(map[string]string{"DENGAR_WEBHOOK_SECRET": secret})
		_, err := ingest.Collect(ctx, ingest.CollectOptions{Kafka: kcfg, Sources: ingest.Config{Collectors: []ingest.SourceConfig{sc}}, Deps: deps})
		done <- err
	}()
	body := []byte(`[{"id":"1","text":"satu","posted_at":"2026-11-24T10:00:00Z"},{"id":"2","text":"dua","posted_at":"2026-11-24T10:00:00Z"}]`)
	var resp *http.Response
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		req, _ := http.NewRequest("POST", "http://"+addr+"/v1/mentions", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(webhook.SignatureHeader, webhook.Sign([]byte(secret), body))
		if resp, err = http.DefaultClient.Do(req); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("endpoint never came up: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 202 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// 202 means durable: the topic already holds both
	if got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw); len(got) != 2 {
		t.Fatalf("raw topic %d, want 2", len(got))
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("collect returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("collect did not stop on cancel")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(one), false)
	f.Add([]byte(`[`+one+`,{}]`), false)
	f.Add([]byte(one+"\n"+one), true)
	f.Add([]byte(`{"id":"x:","text":"\xff","posted_at":"2026-11-24T10:00:00Z","author":{"kind":"alien"}}`), false)
	f.Fuzz(func(t *testing.T, body []byte, lines bool) {
		ms, _, err := webhook.Parse(body, lines, 100, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
		if err != nil {
			return
		}
		for _, m := range ms {
			if err := m.Validate(); err != nil {
				t.Fatalf("accepted an invalid mention: %v", err)
			}
		}
	})
}
