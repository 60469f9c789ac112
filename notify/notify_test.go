package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func testMessage() *Message {
	return &Message{
		ID: "hostile|program:probebaya|20261119T1203/v1/opened/x", AlertID: "hostile|program:probebaya|20261119T1203",
		Event: "opened", Severity: "high",
		Subject:  "[TINGGI] Lonjakan konten bermusuhan — program probebaya",
		Text:     "Teramati 42 mention bermusuhan <b>bukan tag</b> & lainnya",
		HTML:     "<b>BARU · [TINGGI] Lonjakan</b>\nTeramati 42 mention &amp; lainnya <a href=\"https://x.com/a\">tautan</a>",
		Markdown: "*BARU*\nTeramati 42 mention <https://x.com/a|tautan>",
		URL:      "http://grafana/d/dengar-bermusuhan", Data: json.RawMessage(`{"id":"a1","severity":"high"}`),
	}
}

// fakeTelegram reproduces the Bot API's sendMessage: POST
// /bot<token>/sendMessage with a JSON body, {"ok":true,"result":{...}} or
// {"ok":false,"error_code":N,"description":...,"parameters":{...}} with
// the HTTP status mirroring error_code.
type fakeTelegram struct {
	mu       sync.Mutex
	token    string
	chats    map[string]bool
	flood    int // next N calls answer 429
	received []telegramRequest
}

func (f *fakeTelegram) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	reply := func(code int, body string) {
		w.WriteHeader(code)
		io.WriteString(w, body)
	}
	if r.Method != http.MethodPost {
		reply(405, `{"ok":false,"error_code":405,"description":"Method Not Allowed"}`)
		return
	}
	if r.URL.Path != "/bot"+f.token+"/sendMessage" {
		reply(401, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		reply(400, `{"ok":false,"error_code":400,"description":"Bad Request: message text is empty"}`)
		return
	}
	var req telegramRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Text == "" {
		reply(400, `{"ok":false,"error_code":400,"description":"Bad Request: message text is empty"}`)
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.flood > 0 {
		f.flood--
		reply(429, `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}`)
		return
	}
	if !f.chats[req.ChatID] {
		reply(400, `{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}`)
		return
	}
	if req.ParseMode == "HTML" && strings.Count(req.Text, "<b>") != strings.Count(req.Text, "</b>") {
		reply(400, `{"ok":false,"error_code":400,"description":"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""}`)
		return
	}
	f.received = append(f.received, req)
	reply(200, fmt.Sprintf(`{"ok":true,"result":{"message_id":%d,"chat":{"id":%s,"type":"group"},"date":1763553600,"text":"x"}}`, len(f.received), req.ChatID))
}

func TestTelegram(t *testing.T) {
	f := &fakeTelegram{token: "123:ABC", chats: map[string]bool{"-1001": true, "-1002": true}}
	srv := httptest.NewServer(f)
	defer srv.Close()
	ctx := context.Background()

	tg, err := NewTelegram(srv.URL, "123:ABC", []string{"-1001", "-1002"}, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	if err := tg.Send(ctx, testMessage()); err != nil {
		t.Fatalf("send: %v", err)
	}
	if len(f.received) != 2 {
		t.Fatalf("received %d messages, want one per chat", len(f.received))
	}
	r := f.received[0]
	if r.ParseMode != "HTML" || !r.DisableWebPagePreview || r.Text != testMessage().HTML || r.ChatID != "-1001" {
		t.Errorf("request %+v", r)
	}

	// rate limited: temporary, with the wait the API asked for
	f.flood = 1
	err = tg.Send(ctx, testMessage())
	if err == nil || IsPermanent(err) || RetryAfter(err) != 7*time.Second {
		t.Errorf("429: err=%v permanent=%v retry_after=%v", err, IsPermanent(err), RetryAfter(err))
	}

	for _, tc := range []struct {
		name, token string
		chats       []string
	}{
		{"unknown chat", "123:ABC", []string{"-999"}},
		{"bad token", "123:WRONG", []string{"-1001"}},
	} {
		bad, _ := NewTelegram(srv.URL, tc.token, tc.chats, srv.Client())
		err := bad.Send(ctx, testMessage())
		if err == nil || !IsPermanent(err) {
			t.Errorf("%s: err=%v, want a permanent error", tc.name, err)
		}
		if err != nil && strings.Contains(err.Error(), tc.token) {
			t.Errorf("%s: the token leaked into the error: %v", tc.name, err)
		}
	}

	// a long message is cut without breaking a tag
	long := testMessage()
	long.HTML = strings.Repeat("<b>kata</b> ", 1000)
	if err := tg.Send(ctx, long); err != nil {
		t.Errorf("long message: %v", err)
	}
	if n := len([]rune(f.received[len(f.received)-1].Text)); n > TelegramMaxText {
		t.Errorf("sent %d characters, more than %d", n, TelegramMaxText)
	}

	// server down: temporary, and the token does not leak
	srv.Close()
	err = tg.Send(ctx, testMessage())
	if err == nil || IsPermanent(err) || strings.Contains(err.Error(), "123:ABC") {
		t.Errorf("server down: %v", err)
	}
	if _, err := NewTelegram(srv.URL, "", []string{"1"}, nil); err == nil {
		t.Error("no token accepted")
	}
}

// fakeSlack reproduces an incoming webhook: 200 "ok"; 400
// "invalid_payload"; 404 "no_service"; 429 with Retry-After; 500.
type fakeSlack struct {
	mu       sync.Mutex
	status   []int // answers to the next calls (then 200)
	received []slackPayload
}

func (f *fakeSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.URL.Path != "/services/T000/B000/XXXX" {
		w.WriteHeader(404)
		io.WriteString(w, "no_service")
		return
	}
	var p slackPayload
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil || (p.Text == "" && len(p.Blocks) == 0) {
		w.WriteHeader(400)
		io.WriteString(w, "invalid_payload")
		return
	}
	for _, b := range p.Blocks {
		if b.Text != nil && len(b.Text.Text) > 3000 {
			w.WriteHeader(400)
			io.WriteString(w, "invalid_blocks")
			return
		}
	}
	if len(f.status) > 0 {
		code := f.status[0]
		f.status = f.status[1:]
		if code == 429 {
			w.Header().Set("Retry-After", "30")
			w.WriteHeader(429)
			io.WriteString(w, "rate_limited")
			return
		}
		w.WriteHeader(code)
		io.WriteString(w, "rollup_error")
		return
	}
	f.received = append(f.received, p)
	io.WriteString(w, "ok")
}

func TestSlack(t *testing.T) {
	f := &fakeSlack{}
	srv := httptest.NewServer(f)
	defer srv.Close()
	ctx := context.Background()
	s, err := NewSlack(srv.URL+"/services/T000/B000/XXXX", srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(ctx, testMessage()); err != nil {
		t.Fatal(err)
	}
	p := f.received[0]
	if p.Text != testMessage().Subject || len(p.Blocks) < 2 || p.Blocks[0].Type != "header" || p.Blocks[1].Text.Type != "mrkdwn" ||
		!strings.Contains(p.Blocks[1].Text.Text, "<https://x.com/a|tautan>") {
		t.Errorf("payload %+v", p)
	}
	f.status = []int{429}
	err = s.Send(ctx, testMessage())
	if err == nil || IsPermanent(err) || RetryAfter(err) != 30*time.Second {
		t.Errorf("429: %v (retry after %v)", err, RetryAfter(err))
	}
	f.status = []int{500}
	if err := s.Send(ctx, testMessage()); err == nil || IsPermanent(err) {
		t.Errorf("500: %v, want temporary", err)
	}
	// long bodies are split under the block limit
	long := testMessage()
	long.Markdown = strings.Repeat("baris panjang sekali untuk diuji\n", 400)
	if err := s.Send(ctx, long); err != nil {
		t.Errorf("long: %v", err)
	}
	revoked, _ := NewSlack(srv.URL+"/services/T000/B000/REVOKED", srv.Client())
	err = revoked.Send(ctx, testMessage())
	if err == nil || !IsPermanent(err) || strings.Contains(err.Error(), "REVOKED") {
		t.Errorf("revoked hook: %v, want permanent without the URL", err)
	}
}

func TestWebhookSignature(t *testing.T) {
	secret := []byte("rahasia")
	var mu sync.Mutex
	var bodies []WebhookBody
	fail := 2
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !Verify(secret, body, r.Header.Get("X-Dengar-Signature")) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if fail > 0 {
			fail--
			w.Header().Set("Retry-After", "3")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		var b WebhookBody
		if err := json.Unmarshal(body, &b); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		if r.Header.Get("X-Dengar-Delivery") != b.DeliveryID {
			http.Error(w, "delivery header", 400)
			return
		}
		bodies = append(bodies, b)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	ctx := context.Background()
	wh, err := NewWebhook(srv.URL, string(secret), srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	err = wh.Send(ctx, testMessage())
	if err == nil || IsPermanent(err) || RetryAfter(err) != 3*time.Second {
		t.Fatalf("503: %v", err)
	}
	_ = wh.Send(ctx, testMessage())
	if err := wh.Send(ctx, testMessage()); err != nil {
		t.Fatalf("third attempt: %v", err)
	}
	if len(bodies) != 1 || bodies[0].AlertID != testMessage().AlertID || string(bodies[0].Alert) != `{"id":"a1","severity":"high"}` {
		t.Errorf("bodies %+v", bodies)
	}
	wrong, _ := NewWebhook(srv.URL, "salah", srv.Client())
	if err := wrong.Send(ctx, testMessage()); err == nil || !IsPermanent(err) {
		t.Errorf("wrong secret: %v, want permanent 401", err)
	}
	// the RFC 4231-style reference vector from Wikipedia's HMAC article
	if got := Sign([]byte("key"), []byte("The quick brown fox jumps over the lazy dog")); got != "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8" {
		t.Errorf("Sign = %s", got)
	}
	if Verify(secret, []byte("{}"), "sha256=00") {
		t.Error("Verify accepted a wrong signature")
	}
	if _, err := NewWebhook(srv.URL, "", nil); err == nil {
		t.Error("webhook without secret accepted")
	}
}

func TestParseRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"5", 5 * time.Second}, {"-3", 0}, {"soon", 0},
		{"Wed, 25 Nov 2026 09:00:00 GMT", time.Hour},
		{"Wed, 25 Nov 2026 07:00:00 GMT", 0},              // already past
		{"Fri, 27 Nov 2026 08:00:00 GMT", 24 * time.Hour}, // capped at a day
	} {
		got := parseRetryAfter(tc.in, time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC))
		if got != tc.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestErrorClassification(t *testing.T) {
	perm := &Error{Permanent: true, Err: errors.New("x")}
	if !IsPermanent(fmt.Errorf("wrapped: %w", perm)) || IsPermanent(errors.New("plain")) {
		t.Error("IsPermanent does not see through wrapping")
	}
}

func FuzzTelegramResult(f *testing.F) {
	for _, s := range []string{
		`{"ok":true,"result":{}}`,
		`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}`,
		`{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}`,
		`<html>502</html>`, ``, `{"ok":false,"parameters":{"retry_after":-5}}`,
	} {
		f.Add(200, s)
		f.Add(429, s)
	}
	f.Fuzz(func(t *testing.T, status int, body string) {
		resp := &http.Response{StatusCode: status, Header: http.Header{}}
		err := telegramResult("1", resp, []byte(body))
		if err != nil && RetryAfter(err) < 0 {
			t.Fatalf("negative retry: %v", err)
		}
	})
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"5", "", "Wed, 21 Oct 2015 07:28:00 GMT", "-1", "99999999999999999999", "9999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := parseRetryAfter(s, time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)); d < 0 {
			t.Fatalf("parseRetryAfter(%q) = %v", s, d)
		}
	})
}

// TestRetryAfterDateAgainstServerDate: an HTTP-date Retry-After is read
// against the server's Date header, so a client clock that is off does not
// stretch or cut the wait.
func TestRetryAfterDateAgainstServerDate(t *testing.T) {
	resp := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{}}
	resp.Header.Set("Date", "Wed, 25 Nov 2026 08:00:00 GMT")
	resp.Header.Set("Retry-After", "Wed, 25 Nov 2026 08:02:00 GMT")
	err := httpStatusError("webhook", resp, nil)
	if got := RetryAfter(err); got != 2*time.Minute {
		t.Fatalf("RetryAfter = %v, want 2m0s", got)
	}
}
