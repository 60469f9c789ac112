package notify

import (
	"context"
	"crypto/tls"
	"time"
)

// Email is the e-mail channel of alerts: one SMTP submission (see SMTP:
// STARTTLS required by default, AUTH when a username is set) of one
// multipart/alternative message (text and HTML) to all recipients. The
// Message-ID is derived from the delivery id, so mail systems can spot
// retried duplicates.
type Email struct {
	smtp SMTP
}

// EmailOption configures Email.
type EmailOption func(*Email)

// WithTLSConfig sets the TLS configuration (e.g. a private CA).
func WithTLSConfig(c *tls.Config) EmailOption { return func(e *Email) { e.smtp.TLSConfig = c } }

// WithAuth sets the SMTP credentials (SMTP_USERNAME, SMTP_PASSWORD).
func WithAuth(user, pass string) EmailOption {
	return func(e *Email) { e.smtp.Username, e.smtp.Password = user, pass }
}

// WithTimeout bounds one delivery attempt (default 30s).
func WithTimeout(d time.Duration) EmailOption { return func(e *Email) { e.smtp.Timeout = d } }

// NewEmail returns an SMTP notifier. mode is starttls (also ""), tls or
// none.
func NewEmail(addr, from string, to []string, mode string, opts ...EmailOption) (*Email, error) {
	e := &Email{smtp: SMTP{Addr: addr, From: from, To: to, TLS: mode, Timeout: 30 * time.Second}}
	for _, o := range opts {
		o(e)
	}
	if err := e.smtp.Validate(); err != nil {
		return nil, err
	}
	return e, nil
}

// Channel implements Notifier.
func (e *Email) Channel() string { return "email" }

// Send implements Notifier. SMTP 4xx answers and network errors are
// temporary, 5xx and authentication failures permanent.
func (e *Email) Send(ctx context.Context, m *Message) error {
	html := m.HTML
	if html == "" {
		html = escapeHTML(m.Text)
	}
	return e.smtp.Send(ctx, Mail{
		ID: m.ID, Subject: m.Subject, Text: m.Text,
		HTML: "<html><body><pre style=\"font-family:sans-serif;white-space:pre-wrap\">" + html + "</pre></body></html>",
	})
}
