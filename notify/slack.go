package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Slack posts to a Slack-compatible incoming webhook (Slack, Mattermost,
// Rocket.Chat): {"text": ..., "blocks": [...]}.
type Slack struct {
	url    string
	client *http.Client
}

// NewSlack returns a notifier for the webhook url (SLACK_WEBHOOK_URL).
func NewSlack(url string, client *http.Client) (*Slack, error) {
	if url == "" {
		return nil, errors.New("slack: SLACK_WEBHOOK_URL is not set")
	}
	if client == nil {
		client = defaultClient
	}
	return &Slack{url: url, client: client}, nil
}

// Channel implements Notifier.
func (s *Slack) Channel() string { return "slack" }

// slackSectionMax is Slack's limit on a section block's text.
const slackSectionMax = 3000

type slackText struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

type slackBlock struct {
	Type string     `json:"type"`
	Text *slackText `json:"text,omitempty"`
}

type slackPayload struct {
	Text   string       `json:"text"`
	Blocks []slackBlock `json:"blocks"`
}

// Payload returns the JSON body Send posts for m.
func (s *Slack) Payload(m *Message) ([]byte, error) {
	md := m.Markdown
	if md == "" {
		md = m.Text
	}
	p := slackPayload{
		Text:   m.Subject,
		Blocks: []slackBlock{{Type: "header", Text: &slackText{Type: "plain_text", Text: truncateUTF8(m.Subject, 148)}}},
	}
	// split the body into sections under the block limit, on line breaks
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			p.Blocks = append(p.Blocks, slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn", Text: cur.String()}})
			cur.Reset()
		}
	}
	for _, line := range strings.Split(md, "\n") {
		line = truncateUTF8(line, slackSectionMax-10)
		if cur.Len()+len(line)+1 > slackSectionMax-10 {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteByte('\n')
		}
		cur.WriteString(line)
	}
	flush()
	if len(p.Blocks) > 50 { // Slack's block limit per message
		p.Blocks = p.Blocks[:50]
	}
	return json.Marshal(p)
}

// Send implements Notifier. Slack answers 200 "ok", 400 invalid_payload,
// 403/404 for a revoked hook, 429 with Retry-After, 5xx.
func (s *Slack) Send(ctx context.Context, m *Message) error {
	body, err := s.Payload(m)
	if err != nil {
		return &Error{Permanent: true, Err: fmt.Errorf("slack: %w", err)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return &Error{Permanent: true, Err: errors.New("slack: invalid webhook URL")}
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		// the URL is the secret: report the error without it
		var ue interface{ Unwrap() error }
		if errors.As(err, &ue) && ue.Unwrap() != nil {
			err = ue.Unwrap()
		}
		return transportError("slack", errors.New(strings.ReplaceAll(err.Error(), s.url, "<webhook>")))
	}
	defer resp.Body.Close()
	raw := readBody(resp.Body)
	if resp.StatusCode/100 != 2 {
		return httpStatusError("slack", resp, raw)
	}
	return nil
}
