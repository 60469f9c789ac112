// Package telegram collects channel posts and group messages through the
// Telegram Bot API getUpdates method (kind "telegram") for the channels and
// groups the bot is a member of. The bot token comes from the environment
// (TELEGRAM_BOT_TOKEN). The checkpoint is the getUpdates offset (last
// update_id + 1): updates are confirmed to Telegram only by the request
// that follows a successful emit and save, so every Pull makes one
// getUpdates request and asks the runner for More until the queue is
// drained.
//
// Configuration (beside the common fields):
//
//	token_env: TELEGRAM_BOT_TOKEN
//	base_url: https://api.telegram.org
//	poll_timeout: 0          # getUpdates long-poll seconds (keep under the request timeout)
//	chats: []                # optional: only these chat ids or @usernames
//	max_updates: 1000        # per pass
package telegram

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/ingest/internal/clean"
	"github.com/dengar-id/dengar/mention"
)

// Kind is the registered collector kind.
const Kind = "telegram"

func init() { ingest.Register(Kind, Options{}, ingest.PullFactory(New)) }

// Options are the telegram-specific settings.
type Options struct {
	TokenEnv    string   `yaml:"token_env"`
	BaseURL     string   `yaml:"base_url"`
	PollTimeout int      `yaml:"poll_timeout"`
	Chats       []string `yaml:"chats"`
	MaxUpdates  int      `yaml:"max_updates"`
}

// Collector reads the bot's updates.
type Collector struct {
	opts  Options
	token string
	chats map[string]bool
	deps  ingest.Deps
	http  *fetch.Client
	// drained counts the updates of the pass so far (Pulls chained by
	// More); resume is the offset the chain continues from.
	drained int
	resume  int64
}

// New builds a telegram collector.
func New(cfg ingest.SourceConfig, deps ingest.Deps) (*Collector, error) {
	o := Options{TokenEnv: "TELEGRAM_BOT_TOKEN", BaseURL: "https://api.telegram.org", MaxUpdates: 1000}
	if err := cfg.Decode(&o); err != nil {
		return nil, err
	}
	if o.PollTimeout < 0 || o.PollTimeout > 50 {
		return nil, fmt.Errorf("poll_timeout %d is outside 0..50 seconds", o.PollTimeout)
	}
	tok := deps.Getenv(o.TokenEnv)
	if tok == "" {
		return nil, fmt.Errorf("no bot token: set the %s environment variable", o.TokenEnv)
	}
	c := &Collector{opts: o, token: tok, deps: deps, chats: map[string]bool{}}
	for _, ch := range o.Chats {
		c.chats[strings.ToLower(strings.TrimPrefix(ch, "@"))] = true
	}
	if cfg.Timeout > 0 && time.Duration(o.PollTimeout)*time.Second >= cfg.Timeout {
		return nil, fmt.Errorf("poll_timeout %ds must be shorter than the request timeout %s", o.PollTimeout, cfg.Timeout)
	}
	c.http = deps.HTTP(cfg, fetch.WithClassifier(classify(deps.Now)), fetch.WithSecrets(tok))
	return c, nil
}

// State is the checkpoint.
type State struct {
	Offset int64 `json:"offset"`
}

// Pull reads one page of pending updates. It asks for More while full
// pages keep coming, up to max_updates per pass: the next request, made
// only after the runner saved this page's offset, confirms the page to
// Telegram.
func (c *Collector) Pull(ctx context.Context, st *State) (ingest.Batch, error) {
	var b ingest.Batch
	if st.Offset != c.resume { // a new pass, or the runner could not save the last page
		c.drained = 0
	}
	v := url.Values{}
	if st.Offset > 0 {
		v.Set("offset", strconv.FormatInt(st.Offset, 10))
	}
	v.Set("limit", "100")
	v.Set("timeout", strconv.Itoa(c.opts.PollTimeout))
	v.Set("allowed_updates", `["message","channel_post"]`)
	resp, err := c.http.Get(ctx, strings.TrimRight(c.opts.BaseURL, "/")+"/bot"+c.token+"/getUpdates?"+v.Encode(), nil)
	if err != nil {
		return b, err
	}
	ups, err := ParseUpdates(resp.Body)
	if err != nil {
		return b, err
	}
	now := c.deps.Now().UTC()
	for _, u := range ups {
		if u.UpdateID >= st.Offset {
			st.Offset = u.UpdateID + 1
		}
		m, ok := FromUpdate(u, now)
		if !ok {
			continue // joins, photos without caption, other update kinds
		}
		if len(c.chats) > 0 && !c.allowed(u) {
			c.deps.Probe.Dropped(ingest.DropFiltered, 1)
			continue
		}
		b.Mentions = append(b.Mentions, m)
	}
	c.drained += len(ups)
	b.More = len(ups) == 100 && c.drained < c.opts.MaxUpdates
	c.resume = -1
	if b.More {
		c.resume = st.Offset
	}
	return b, nil
}

func (c *Collector) allowed(u Update) bool {
	msg := u.Message
	if msg == nil {
		msg = u.ChannelPost
	}
	if msg == nil {
		return false
	}
	return c.chats[strconv.FormatInt(msg.Chat.ID, 10)] || (msg.Chat.Username != "" && c.chats[strings.ToLower(msg.Chat.Username)])
}

// Update is a Bot API update (the fields used).
type Update struct {
	UpdateID    int64    `json:"update_id"`
	Message     *Message `json:"message"`
	ChannelPost *Message `json:"channel_post"`
}

// Message is a Bot API message.
type Message struct {
	MessageID  int64  `json:"message_id"`
	From       *User  `json:"from"`
	SenderChat *Chat  `json:"sender_chat"`
	Chat       Chat   `json:"chat"`
	Date       int64  `json:"date"`
	Text       string `json:"text"`
	Caption    string `json:"caption"`
	ReplyTo    *struct {
		MessageID int64 `json:"message_id"`
		Chat      Chat  `json:"chat"`
	} `json:"reply_to_message"`
}

// User is a Telegram user or bot.
type User struct {
	ID        int64  `json:"id"`
	IsBot     bool   `json:"is_bot"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Username  string `json:"username"`
}

// Chat is a chat (private, group, supergroup, channel).
type Chat struct {
	ID       int64  `json:"id"`
	Type     string `json:"type"`
	Title    string `json:"title"`
	Username string `json:"username"`
}

type envelope struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  *struct {
		RetryAfter      int   `json:"retry_after"`
		MigrateToChatID int64 `json:"migrate_to_chat_id"`
	} `json:"parameters"`
}

// ParseUpdates decodes a getUpdates response.
func ParseUpdates(body []byte) ([]Update, error) {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, &fetch.Error{Class: fetch.ClassMalformed, Msg: "getUpdates response is not the documented JSON", Err: err}
	}
	if !env.OK {
		return nil, &fetch.Error{Class: fetch.ClassPermanent, Status: env.ErrorCode, Msg: env.Description}
	}
	var ups []Update
	if err := json.Unmarshal(env.Result, &ups); err != nil {
		return nil, &fetch.Error{Class: fetch.ClassMalformed, Msg: "getUpdates result is not an array of updates", Err: err}
	}
	return ups, nil
}

// classify maps {"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":N}}.
func classify(now func() time.Time) fetch.Classifier {
	return func(resp *http.Response, body []byte) *fetch.Error {
		var env envelope
		if json.Unmarshal(body, &env) != nil || env.OK {
			if resp.StatusCode >= 400 {
				return fetch.StatusError(resp, body, now())
			}
			return nil
		}
		code := env.ErrorCode
		if code == 0 {
			code = resp.StatusCode
		}
		e := &fetch.Error{Status: code, Msg: env.Description}
		switch {
		case code == 429:
			e.Class = fetch.ClassRateLimited
			if env.Parameters != nil && env.Parameters.RetryAfter > 0 {
				e.Until = now().Add(time.Duration(env.Parameters.RetryAfter) * time.Second)
			}
		case code == 401 || code == 403 || code == 404:
			// getUpdates answers 404 "Not Found" to an unknown token
			e.Class = fetch.ClassAuth
		case code == 409:
			e.Class = fetch.ClassPermanent
			e.Msg += " (another getUpdates poller or a webhook is active for this bot)"
		case code >= 500:
			e.Class = fetch.ClassTransient
		default:
			e.Class = fetch.ClassPermanent
		}
		return e
	}
}

// FromUpdate converts a message or channel post with text or caption.
func FromUpdate(u Update, now time.Time) (mention.Mention, bool) {
	msg := u.Message
	if msg == nil {
		msg = u.ChannelPost
	}
	if msg == nil || msg.MessageID == 0 || msg.Date <= 0 {
		return mention.Mention{}, false
	}
	text := msg.Text
	if text == "" {
		text = msg.Caption
	}
	text = clean.Truncate(text)
	if strings.TrimSpace(text) == "" {
		return mention.Mention{}, false
	}
	chat := msg.Chat
	native := func(id int64) string { return strconv.FormatInt(chat.ID, 10) + "_" + strconv.FormatInt(id, 10) }
	m := mention.Mention{
		ID:          mention.NewID(Kind, native(msg.MessageID)),
		Source:      Kind,
		Channel:     chat.Title,
		Text:        text,
		PostedAt:    time.Unix(msg.Date, 0).UTC(),
		CollectedAt: now,
	}
	if chat.Username != "" {
		m.URL = "https://t.me/" + chat.Username + "/" + strconv.FormatInt(msg.MessageID, 10)
	}
	switch {
	case msg.From != nil && !(msg.SenderChat != nil):
		name := strings.TrimSpace(msg.From.FirstName + " " + msg.From.LastName)
		m.Author = mention.Author{ID: strconv.FormatInt(msg.From.ID, 10), Handle: msg.From.Username, Name: name, Kind: mention.KindCitizen}
	case msg.SenderChat != nil:
		m.Author = mention.Author{ID: strconv.FormatInt(msg.SenderChat.ID, 10), Handle: msg.SenderChat.Username, Name: msg.SenderChat.Title, Kind: mention.KindUnknown}
	default: // channel post without signature: the channel speaks
		m.Author = mention.Author{ID: strconv.FormatInt(chat.ID, 10), Handle: chat.Username, Name: chat.Title, Kind: mention.KindUnknown}
	}
	if msg.ReplyTo != nil && msg.ReplyTo.MessageID != 0 {
		m.ParentID = mention.NewID(Kind, native(msg.ReplyTo.MessageID))
	}
	return m, true
}
