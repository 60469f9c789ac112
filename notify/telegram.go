package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// TelegramMaxText is the Bot API limit of a message text (characters after
// entity parsing; we bound the raw HTML to stay safely under it).
const TelegramMaxText = 4096

// Telegram sends messages with the Bot API method sendMessage.
type Telegram struct {
	apiURL, token string
	chatIDs       []string
	client        *http.Client
}

// NewTelegram returns a Telegram notifier for chatIDs. apiURL is
// https://api.telegram.org in production; token comes from
// TELEGRAM_BOT_TOKEN.
func NewTelegram(apiURL, token string, chatIDs []string, client *http.Client) (*Telegram, error) {
	if token == "" {
		return nil, errors.New("telegram: TELEGRAM_BOT_TOKEN is not set")
	}
	if len(chatIDs) == 0 {
		return nil, errors.New("telegram: no chat_ids configured")
	}
	if client == nil {
		client = defaultClient
	}
	return &Telegram{apiURL: strings.TrimRight(apiURL, "/"), token: token, chatIDs: chatIDs, client: client}, nil
}

// Channel implements Notifier.
func (t *Telegram) Channel() string { return "telegram" }

type telegramRequest struct {
	ChatID                string `json:"chat_id"`
	Text                  string `json:"text"`
	ParseMode             string `json:"parse_mode"`
	DisableWebPagePreview bool   `json:"disable_web_page_preview"`
}

type telegramResponse struct {
	OK          bool   `json:"ok"`
	ErrorCode   int    `json:"error_code"`
	Description string `json:"description"`
	Parameters  *struct {
		RetryAfter      int   `json:"retry_after"`
		MigrateToChatID int64 `json:"migrate_to_chat_id"`
	} `json:"parameters"`
}

// Send posts m.HTML to every chat. It stops at the first failure; the
// outbox retries the whole message (chats already served may then get it
// twice: at-least-once).
func (t *Telegram) Send(ctx context.Context, m *Message) error {
	text := m.HTML
	if text == "" {
		text = escapeHTML(m.Text)
	}
	text = truncateUTF8(text, TelegramMaxText-100)
	for _, chat := range t.chatIDs {
		if err := t.send(ctx, chat, text); err != nil {
			return err
		}
	}
	return nil
}

func (t *Telegram) send(ctx context.Context, chat, text string) error {
	body, _ := json.Marshal(telegramRequest{ChatID: chat, Text: text, ParseMode: "HTML", DisableWebPagePreview: true})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.apiURL+"/bot"+t.token+"/sendMessage", bytes.NewReader(body))
	if err != nil {
		return &Error{Permanent: true, Err: fmt.Errorf("telegram: %w", err)}
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.client.Do(req)
	if err != nil {
		// the URL holds the token: never let it reach a log
		return transportError("telegram", errors.New(strings.ReplaceAll(err.Error(), t.token, "<token>")))
	}
	defer resp.Body.Close()
	return telegramResult(chat, resp, readBody(resp.Body))
}

// telegramResult classifies a sendMessage answer: nil when ok, else an
// *Error (429 temporary with retry_after; 5xx temporary; other codes
// permanent).
func telegramResult(chat string, resp *http.Response, raw []byte) error {
	var r telegramResponse
	if jerr := json.Unmarshal(raw, &r); jerr != nil {
		if resp.StatusCode/100 != 2 {
			return httpStatusError("telegram", resp, raw)
		}
		return &Error{Err: fmt.Errorf("telegram: unreadable response: %v", jerr)}
	}
	if r.OK {
		return nil
	}
	if r.ErrorCode == 0 {
		r.ErrorCode = resp.StatusCode
	}
	e := &Error{Err: fmt.Errorf("telegram: chat %s: error %d: %s", chat, r.ErrorCode, r.Description)}
	switch {
	case r.ErrorCode == http.StatusTooManyRequests:
		if r.Parameters != nil && r.Parameters.RetryAfter > 0 {
			e.RetryAfter = time.Duration(min(r.Parameters.RetryAfter, 86400)) * time.Second
		}
	case r.ErrorCode >= 500 || r.ErrorCode < 400:
	default: // 400 bad request, 401 bad token, 403 bot blocked, 404
		e.Permanent = true
	}
	return e
}

func truncateUTF8(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n])
	// do not leave a tag half open
	if i := strings.LastIndexByte(cut, '<'); i > strings.LastIndexByte(cut, '>') {
		cut = cut[:i]
	}
	return cut + "…"
}

func escapeHTML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
