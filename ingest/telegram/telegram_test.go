package telegram_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/ingest/telegram"
)

const token = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"

// fakeBot reproduces getUpdates from the Bot API reference: the token in
// the path (/bot<token>/getUpdates), offset confirming earlier updates,
// limit 1..100, allowed_updates as a JSON array, the {"ok":true,"result":[…]}
// envelope, and {"ok":false,"error_code","description","parameters":{"retry_after"}}
// errors (401 Unauthorized, 409 Conflict, 429 Too Many Requests).
type fakeBot struct {
	t       *testing.T
	mu      sync.Mutex
	pending []map[string]any // unconfirmed updates, ascending update_id
	offsets []string
	errNext []string
	badJSON bool
}

func (b *fakeBot) add(n int, mk func(id int) map[string]any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	next := 1000
	if len(b.pending) > 0 {
		next = int(b.pending[len(b.pending)-1]["update_id"].(int)) + 1
	}
	for i := 0; i < n; i++ {
		u := mk(next + i)
		u["update_id"] = next + i
		b.pending = append(b.pending, u)
	}
}

func tgErr(w http.ResponseWriter, code int, desc string, retry int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	body := map[string]any{"ok": false, "error_code": code, "description": desc}
	if retry > 0 {
		body["parameters"] = map[string]any{"retry_after": retry}
	}
	json.NewEncoder(w).Encode(body)
}

func (b *fakeBot) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if r.URL.Path != "/bot"+token+"/getUpdates" {
		tgErr(w, 401, "Unauthorized", 0)
		return
	}
	q := r.URL.Query()
	b.offsets = append(b.offsets, q.Get("offset"))
	if len(b.errNext) > 0 {
		e := b.errNext[0]
		b.errNext = b.errNext[1:]
		switch e {
		case "429":
			tgErr(w, 429, "Too Many Requests: retry after 1", 1)
		case "429long":
			tgErr(w, 429, "Too Many Requests: retry after 3600", 3600)
		case "409":
			tgErr(w, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", 0)
		}
		return
	}
	var allowed []string
	if err := json.Unmarshal([]byte(q.Get("allowed_updates")), &allowed); err != nil || strings.Join(allowed, ",") != "message,channel_post" {
		b.t.Errorf("allowed_updates = %q", q.Get("allowed_updates"))
	}
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit < 1 || limit > 100 {
		tgErr(w, 400, "Bad Request: limit out of range", 0)
		return
	}
	if off, err := strconv.Atoi(q.Get("offset")); err == nil {
		keep := b.pending[:0]
		for _, u := range b.pending {
			if u["update_id"].(int) >= off {
				keep = append(keep, u)
			}
		}
		b.pending = keep // earlier updates are confirmed and forgotten
	}
	if b.badJSON {
		w.Write([]byte(`{"ok":true,"result":[{"update_id":`))
		return
	}
	end := min(limit, len(b.pending))
	json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": b.pending[:end]})
}

var base = time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC).Unix()

// groupMsg is a text message in a public supergroup; every 10th replies to the previous.
func groupMsg(id int) map[string]any {
	m := map[string]any{"message_id": id, "date": base + int64(id),
		"from": map[string]any{"id": 777, "is_bot": false, "first_name": "Budi", "last_name": "S", "username": "budi_smd"},
		"chat": map[string]any{"id": -1001234, "type": "supergroup", "title": "Warga Samarinda", "username": "wargasmd"},
		"text": fmt.Sprintf("pesan %d tentang banjir", id)}
	if id%10 == 0 {
		m["reply_to_message"] = map[string]any{"message_id": id - 1, "date": base, "chat": m["chat"]}
	}
	return map[string]any{"message": m}
}

func channelPost(id int) map[string]any {
	return map[string]any{"channel_post": map[string]any{"message_id": id, "date": base + int64(id),
		"chat":    map[string]any{"id": -1009999, "type": "channel", "title": "Info Kota", "username": "infokota"},
		"caption": "Foto kegiatan Probebaya", "photo": []any{map[string]any{"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1}}}}
}

func joinEvent(id int) map[string]any {
	return map[string]any{"message": map[string]any{"message_id": id, "date": base,
		"chat":             map[string]any{"id": -1001234, "type": "supergroup", "title": "Warga Samarinda"},
		"new_chat_members": []any{map[string]any{"id": 1, "is_bot": false, "first_name": "A"}}}}
}

func build(t *testing.T, srv *httptest.Server, tok, extra string) ingest.Source {
	t.Helper()
	sc := ingesttest.Source(t, "tg", telegram.Kind, "base_url: "+srv.URL+"\n"+extra)
	c, err := ingest.New(sc, ingesttest.Deps(map[string]string{"TELEGRAM_BOT_TOKEN": tok}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDrainAndResume(t *testing.T) {
	b := &fakeBot{t: t}
	b.add(148, groupMsg)
	b.add(1, channelPost)
	b.add(1, joinEvent)
	srv := httptest.NewServer(b)
	defer srv.Close()
	cp := ingest.NewMemoryCheckpoints()
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, token, ""), cp, capt); err != nil {
		t.Fatal(err)
	}
	got := capt.All()
	if len(got) != 149 { // the join event has no text
		t.Fatalf("emitted %d, want 149", len(got))
	}
	if strings.Join(b.offsets, ",") != ",1100" {
		t.Errorf("offsets sent %q, want first none then 1100", b.offsets)
	}
	m := got[0]
	if m.ID != "telegram:-1001234_1000" || m.Author.Handle != "budi_smd" || m.Author.Name != "Budi S" || m.URL != "https://t.me/wargasmd/1000" || m.ParentID != "telegram:-1001234_999" || m.Channel != "Warga Samarinda" {
		t.Errorf("group message: %+v", m)
	}
	if want := time.Unix(base+1000, 0).UTC(); !m.PostedAt.Equal(want) {
		t.Errorf("posted_at %v", m.PostedAt)
	}
	cpost := got[148]
	if cpost.Text != "Foto kegiatan Probebaya" || cpost.Author.Handle != "infokota" || cpost.Author.Kind != "unknown" {
		t.Errorf("channel post: %+v", cpost)
	}
	// restart: 5 new updates; the new instance starts at the saved offset
	b.add(5, groupMsg)
	b.mu.Lock()
	b.offsets = nil
	b.mu.Unlock()
	capt2 := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, token, ""), cp, capt2); err != nil {
		t.Fatal(err)
	}
	if n := len(capt2.All()); n != 5 || b.offsets[0] != "1150" {
		t.Fatalf("after restart %d emitted from offset %q, want 5 from 1150", n, b.offsets[0])
	}
}

func TestEmitFailureDoesNotConfirm(t *testing.T) {
	b := &fakeBot{t: t}
	b.add(3, groupMsg)
	srv := httptest.NewServer(b)
	defer srv.Close()
	cp := ingest.NewMemoryCheckpoints()
	if err := ingesttest.Pass(build(t, srv, token, ""), cp, &ingesttest.Capture{Fail: errors.New("kafka down")}); err == nil {
		t.Fatal("want error")
	}
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, token, ""), cp, capt); err != nil {
		t.Fatal(err)
	}
	if len(capt.All()) != 3 {
		t.Fatalf("updates lost after a failed emit: got %d, want 3", len(capt.All()))
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, tok string
		errs      []string
		bad       bool
		class     string
		emitted   int
	}{
		{"bad token", "999:wrong", nil, false, fetch.ClassAuth, 0},
		{"429 retry_after honoured", token, []string{"429"}, false, "", 2},
		{"429 long retry_after ends the pass", token, []string{"429long"}, false, fetch.ClassRateLimited, 0},
		{"409 conflict", token, []string{"409"}, false, fetch.ClassPermanent, 0},
		{"malformed", token, nil, true, fetch.ClassMalformed, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &fakeBot{t: t, errNext: tc.errs, badJSON: tc.bad}
			b.add(2, groupMsg)
			srv := httptest.NewServer(b)
			defer srv.Close()
			capt := &ingesttest.Capture{}
			sc := ingesttest.Source(t, "tg", telegram.Kind, "base_url: "+srv.URL)
			deps := ingesttest.Deps(map[string]string{"TELEGRAM_BOT_TOKEN": tc.tok})
			bo := fetch.Backoff{Attempts: 3, Base: time.Millisecond, Max: 2 * time.Second}
			deps.Backoff = &bo
			c, err := ingest.New(sc, deps)
			if err != nil {
				t.Fatal(err)
			}
			err = ingesttest.Pass(c, nil, capt)
			if fetch.ClassOf(err) != tc.class || len(capt.All()) != tc.emitted {
				t.Fatalf("err %v, emitted %d; want class %q, %d", err, len(capt.All()), tc.class, tc.emitted)
			}
			if err != nil && strings.Contains(err.Error(), tc.tok) {
				t.Fatalf("error message leaks the bot token: %v", err)
			}
		})
	}
}

func TestChatFilter(t *testing.T) {
	b := &fakeBot{t: t}
	b.add(2, groupMsg)
	b.add(1, channelPost)
	srv := httptest.NewServer(b)
	defer srv.Close()
	capt := &ingesttest.Capture{}
	if err := ingesttest.Pass(build(t, srv, token, "chats: ['@InfoKota']"), nil, capt); err != nil {
		t.Fatal(err)
	}
	if ids := capt.IDs(); len(ids) != 1 || ids[0] != "telegram:-1009999_1002" {
		t.Fatalf("filtered to %v", ids)
	}
}

func TestEndToEnd(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	b := &fakeBot{t: t}
	b.add(7, groupMsg)
	srv := httptest.NewServer(b)
	defer srv.Close()
	sc := ingesttest.Source(t, "tg-e2e", telegram.Kind, "base_url: "+srv.URL)
	if _, err := ingesttest.CollectOnce(t, kcfg, sc, map[string]string{"TELEGRAM_BOT_TOKEN": token}, func() time.Time { return time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) }); err != nil {
		t.Fatal(err)
	}
	if got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw); len(got) != 7 {
		t.Fatalf("raw topic %d, want 7", len(got))
	}
}

func FuzzParseUpdates(f *testing.F) {
	one, _ := json.Marshal(map[string]any{"ok": true, "result": []any{groupMsg(5), channelPost(6), joinEvent(7)}})
	f.Add(one)
	f.Add([]byte(`{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":5}}`))
	f.Add([]byte(`{"ok":true,"result":[{"update_id":1,"message":{"message_id":1,"date":-5,"chat":{"id":1},"text":"x"}}]}`))
	f.Add([]byte(`{"ok":true,"result":{}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ups, err := telegram.ParseUpdates(body)
		if err != nil {
			if fetch.ClassOf(err) == "" {
				t.Fatalf("unclassified %v", err)
			}
			return
		}
		for _, u := range ups {
			m, ok := telegram.FromUpdate(u, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
			if !ok {
				continue
			}
			m.Normalize()
			if err := m.Validate(); err != nil {
				t.Fatalf("invalid mention: %v", err)
			}
		}
	})
}
