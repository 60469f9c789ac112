package notify

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Email sends messages over SMTP: STARTTLS (required by default) or
// implicit TLS, AUTH PLAIN when a username is set, one multipart/alternative
// message (text and HTML) to all recipients. The Message-ID is derived
// from the delivery id, so mail systems can spot retried duplicates.
type Email struct {
	addr, from string
	envFrom    string   // bare address of from
	envTo      []string // bare addresses of to
	to         []string
	mode       string // starttls | tls | none
	user, pass string
	tlsConfig  *tls.Config
	timeout    time.Duration
}

// EmailOption configures Email.
type EmailOption func(*Email)

// WithTLSConfig sets the TLS configuration (e.g. a private CA).
func WithTLSConfig(c *tls.Config) EmailOption { return func(e *Email) { e.tlsConfig = c } }

// WithAuth sets the SMTP credentials (SMTP_USERNAME, SMTP_PASSWORD).
func WithAuth(user, pass string) EmailOption { return func(e *Email) { e.user, e.pass = user, pass } }

// WithTimeout bounds one delivery attempt (default 30s).
func WithTimeout(d time.Duration) EmailOption { return func(e *Email) { e.timeout = d } }

// NewEmail returns an SMTP notifier. mode is starttls, tls or none.
func NewEmail(addr, from string, to []string, mode string, opts ...EmailOption) (*Email, error) {
	if addr == "" || from == "" || len(to) == 0 {
		return nil, errors.New("email: addr, from and to are required")
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("email: addr %q: %w", addr, err)
	}
	switch mode {
	case "starttls", "tls", "none":
	default:
		return nil, fmt.Errorf("email: tls mode %q is not starttls, tls or none", mode)
	}
	e := &Email{addr: addr, from: from, to: to, mode: mode, timeout: 30 * time.Second}
	fa, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("email: from %q: %w", from, err)
	}
	e.envFrom = fa.Address
	for _, t := range to {
		ta, err := mail.ParseAddress(t)
		if err != nil {
			return nil, fmt.Errorf("email: to %q: %w", t, err)
		}
		e.envTo = append(e.envTo, ta.Address)
	}
	for _, o := range opts {
		o(e)
	}
	if e.tlsConfig == nil {
		e.tlsConfig = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	}
	if e.mode == "none" && e.user != "" {
		return nil, errors.New("email: refusing to send credentials without TLS (tls: none)")
	}
	return e, nil
}

// Channel implements Notifier.
func (e *Email) Channel() string { return "email" }

// Send implements Notifier. SMTP 4xx answers and network errors are
// temporary, 5xx permanent.
func (e *Email) Send(ctx context.Context, m *Message) error {
	msg := e.Render(m, clock.Now())
	done := make(chan error, 1)
	var c *smtp.Client
	go func() {
		var err error
		switch e.mode {
		case "starttls":
			c, err = smtp.DialStartTLS(e.addr, e.tlsConfig)
		case "tls":
			c, err = smtp.DialTLS(e.addr, e.tlsConfig)
		default:
			c, err = smtp.Dial(e.addr)
		}
		if err != nil {
			done <- classifySMTP(err)
			return
		}
		c.CommandTimeout, c.SubmissionTimeout = e.timeout, e.timeout
		if e.user != "" {
			if err := c.Auth(sasl.NewPlainClient("", e.user, e.pass)); err != nil {
				c.Close()
				done <- classifySMTP(err)
				return
			}
		}
		if err := c.SendMail(e.envFrom, e.envTo, bytes.NewReader(msg)); err != nil {
			c.Close()
			done <- classifySMTP(err)
			return
		}
		_ = c.Quit()
		done <- nil
	}()
	t := time.NewTimer(e.timeout + 5*time.Second)
	defer t.Stop()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return transportError("email", ctx.Err())
	case <-t.C:
		return transportError("email", errors.New("timeout"))
	}
}

func classifySMTP(err error) error {
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		return &Error{Permanent: se.Code >= 500, Err: fmt.Errorf("email: SMTP %d: %s", se.Code, se.Message)}
	}
	return transportError("email", err)
}

// Render builds the RFC 5322 message of m: multipart/alternative with a
// text/plain and a text/html part, quoted-printable, UTF-8 headers.
func (e *Email) Render(m *Message, now time.Time) []byte {
	var b bytes.Buffer
	boundary := "dengar-" + randomHex(12)
	domain := "dengar.local"
	if i := strings.LastIndexByte(e.envFrom, '@'); i >= 0 {
		domain = e.envFrom[i+1:]
	}
	id := strings.NewReplacer("|", ".", ":", ".", "/", ".", " ", "").Replace(m.ID)
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	from := e.from
	if a, err := mail.ParseAddress(e.from); err == nil {
		from = a.String() // RFC 2047 for non-ASCII names
	}
	var tos []string
	for _, t := range e.to {
		if a, err := mail.ParseAddress(t); err == nil {
			tos = append(tos, a.String())
		}
	}
	h("From", from)
	h("To", strings.Join(tos, ", "))
	h("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	h("Date", now.Format(time.RFC1123Z))
	h("Message-ID", "<"+id+"@"+domain+">")
	h("X-Dengar-Delivery", id)
	h("MIME-Version", "1.0")
	h("Content-Type", `multipart/alternative; boundary="`+boundary+`"`)
	b.WriteString("\r\n")
	part := func(ctype, body string) {
		fmt.Fprintf(&b, "--%s\r\nContent-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", boundary, ctype)
		w := quotedprintable.NewWriter(&b)
		_, _ = w.Write([]byte(strings.ReplaceAll(body, "\n", "\r\n")))
		_ = w.Close()
		b.WriteString("\r\n")
	}
	part("text/plain", m.Text)
	html := m.HTML
	if html == "" {
		html = escapeHTML(m.Text)
	}
	part("text/html", "<html><body><pre style=\"font-family:sans-serif;white-space:pre-wrap\">"+html+"</pre></body></html>")
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.Bytes()
}

func randomHex(n int) string {
	buf := make([]byte, n)
	_, _ = rand.Read(buf)
	return hex.EncodeToString(buf)
}
