package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/dengar-id/dengar/clock"
)

// Webhook posts a JSON document per message to a URL, signed with
// X-Dengar-Signature: sha256=<hex HMAC-SHA256 of the body> under the
// secret DENGAR_WEBHOOK_SECRET. X-Dengar-Delivery carries the delivery id
// so that receivers can drop the duplicates a retry may cause.
type Webhook struct {
	url    string
	secret []byte
	client *http.Client
}

// NewWebhook returns a webhook notifier.
func NewWebhook(url, secret string, client *http.Client) (*Webhook, error) {
	if url == "" {
		return nil, errors.New("webhook: no url configured")
	}
	if secret == "" {
		return nil, errors.New("webhook: DENGAR_WEBHOOK_SECRET is not set")
	}
	if client == nil {
		client = defaultClient
	}
	return &Webhook{url: url, secret: []byte(secret), client: client}, nil
}

// Channel implements Notifier.
func (w *Webhook) Channel() string { return "webhook" }

// WebhookBody is the JSON document a webhook receives.
type WebhookBody struct {
	DeliveryID string          `json:"delivery_id"`
	AlertID    string          `json:"alert_id"`
	Event      string          `json:"event"`
	Severity   string          `json:"severity"`
	Subject    string          `json:"subject"`
	Text       string          `json:"text"`
	URL        string          `json:"url,omitempty"`
	Alert      json.RawMessage `json:"alert,omitempty"`
	SentAt     time.Time       `json:"sent_at"`
}

// Sign returns the X-Dengar-Signature value of body under secret.
func Sign(secret, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// Verify checks a X-Dengar-Signature header in constant time.
func Verify(secret, body []byte, header string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(header))
}

// Send implements Notifier: 2xx is delivered; 408, 425, 429 and 5xx are
// retried (honouring Retry-After); other answers are permanent.
func (w *Webhook) Send(ctx context.Context, m *Message) error {
	body, err := json.Marshal(WebhookBody{
		DeliveryID: m.ID, AlertID: m.AlertID, Event: m.Event, Severity: m.Severity,
		Subject: m.Subject, Text: m.Text, URL: m.URL, Alert: m.Data, SentAt: clock.Now().UTC().Truncate(time.Second),
	})
	if err != nil {
		return &Error{Permanent: true, Err: fmt.Errorf("webhook: %w", err)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return &Error{Permanent: true, Err: fmt.Errorf("webhook: %w", err)}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "dengar-alert/1")
	req.Header.Set("X-Dengar-Signature", Sign(w.secret, body))
	req.Header.Set("X-Dengar-Delivery", m.ID)
	req.Header.Set("X-Dengar-Event", m.Event)
	resp, err := w.client.Do(req)
	if err != nil {
		return transportError("webhook", err)
	}
	defer resp.Body.Close()
	raw := readBody(resp.Body)
	if resp.StatusCode/100 != 2 {
		return httpStatusError("webhook", resp, raw)
	}
	return nil
}
