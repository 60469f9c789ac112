package notify

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/dengar-id/dengar/clock"
)

// ErrAuth is wrapped by every SMTP authentication failure.
var ErrAuth = errors.New("smtp authentication failed")

// SMTP submits mail to one server: the one SMTP client of Dengar, used by
// the alert e-mail channel (Email) and the weekly report. TLS is starttls
// (required: a server without STARTTLS is refused), tls (implicit) or none
// (local relays only, never with credentials). With a Username it
// authenticates (Auth auto: PLAIN, else LOGIN, as the server offers; or
// plain, login). The password never appears in an error or a log.
type SMTP struct {
	// Addr is host:port of the submission server.
	Addr string
	// From is the sender, To the recipients (RFC 5322 addresses, names
	// allowed).
	From string
	To   []string
	// TLS is starttls (default), tls or none.
	TLS string
	// Auth is auto (default), plain, login or none.
	Auth               string
	Username, Password string
	// TLSConfig replaces the default (system roots, the server name of
	// Addr), e.g. for a private CA.
	TLSConfig *tls.Config
	// Timeout bounds one delivery (default 30 s).
	Timeout time.Duration
}

// Attachment is a file attached to a Mail.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// Mail is one e-mail: plain text and HTML alternatives, attachments.
type Mail struct {
	// ID names the delivery: the Message-ID and X-Dengar-Delivery derive
	// from it, so mail systems can spot retried duplicates (random when
	// empty).
	ID                  string
	Subject, Text, HTML string
	Attachments         []Attachment
}

// Validate checks the server, addresses, modes and that credentials only
// travel over TLS.
func (s *SMTP) Validate() error {
	if s.Addr == "" || s.From == "" || len(s.To) == 0 {
		return errors.New("smtp: addr, from and to are required")
	}
	if _, _, err := net.SplitHostPort(s.Addr); err != nil {
		return fmt.Errorf("smtp: addr %q: %w", s.Addr, err)
	}
	if _, err := mail.ParseAddress(s.From); err != nil {
		return fmt.Errorf("smtp: from %q: %w", s.From, err)
	}
	for _, t := range s.To {
		if _, err := mail.ParseAddress(t); err != nil {
			return fmt.Errorf("smtp: to %q: %w", t, err)
		}
	}
	switch s.TLS {
	case "", "starttls", "tls", "none":
	default:
		return fmt.Errorf("smtp: tls mode %q is not starttls, tls or none", s.TLS)
	}
	switch s.Auth {
	case "", "auto", "plain", "login", "none":
	default:
		return fmt.Errorf("smtp: auth %q is not auto, plain, login or none", s.Auth)
	}
	if s.TLS == "none" && s.authenticates() {
		return errors.New("smtp: refusing to send credentials without TLS (tls: none)")
	}
	return nil
}

func (s *SMTP) authenticates() bool { return s.Username != "" && s.Auth != "none" }

// Send makes one delivery attempt of m. An SMTP 4xx answer or a network
// error is temporary, a 5xx answer or a failed authentication permanent
// (*Error; authentication failures also wrap ErrAuth).
func (s *SMTP) Send(ctx context.Context, m Mail) error {
	if err := s.Validate(); err != nil {
		return &Error{Permanent: true, Err: err}
	}
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	host, _, _ := net.SplitHostPort(s.Addr)
	tlsCfg := s.TLSConfig
	if tlsCfg == nil {
		tlsCfg = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	}
	var conn net.Conn
	var err error
	if s.TLS == "tls" {
		conn, err = (&tls.Dialer{Config: tlsCfg}).DialContext(ctx, "tcp", s.Addr)
	} else {
		conn, err = (&net.Dialer{}).DialContext(ctx, "tcp", s.Addr)
	}
	if err != nil {
		return transportError("smtp "+s.Addr, err)
	}
	// The context bounds every command: cancelling closes the connection.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	var c *smtp.Client
	if s.TLS == "" || s.TLS == "starttls" {
		if c, err = smtp.NewClientStartTLS(conn, tlsCfg); err != nil {
			conn.Close()
			return classifySMTP(s.Addr+": starttls", err)
		}
	} else {
		c = smtp.NewClient(conn)
	}
	defer c.Close()
	if err := c.Hello("dengar.localhost"); err != nil {
		return classifySMTP(s.Addr+": hello", err)
	}
	if s.authenticates() {
		if err := s.auth(c); err != nil {
			return err
		}
	}
	body, err := s.render(m, clock.Now())
	if err != nil {
		return &Error{Permanent: true, Err: err}
	}
	from, _ := mail.ParseAddress(s.From)
	var to []string
	for _, t := range s.To {
		a, _ := mail.ParseAddress(t)
		to = append(to, a.Address)
	}
	if err := c.SendMail(from.Address, to, bytes.NewReader(body)); err != nil {
		return classifySMTP(s.Addr, err)
	}
	_ = c.Quit()
	return nil
}

// auth authenticates with the mechanism Auth names, or the best one the
// server offers.
func (s *SMTP) auth(c *smtp.Client) error {
	var a sasl.Client
	switch {
	case s.Auth == "plain" || (s.Auth == "" || s.Auth == "auto") && c.SupportsAuth("PLAIN"):
		a = sasl.NewPlainClient("", s.Username, s.Password)
	case s.Auth == "login" || (s.Auth == "" || s.Auth == "auto") && c.SupportsAuth("LOGIN"):
		a = sasl.NewLoginClient(s.Username, s.Password)
	default:
		_, mechs := c.Extension("AUTH")
		return &Error{Permanent: true, Err: fmt.Errorf("%w: %s offers no PLAIN or LOGIN mechanism (offers %q)", ErrAuth, s.Addr, mechs)}
	}
	if err := c.Auth(a); err != nil {
		// err is the server's answer; it never holds the password
		return &Error{Permanent: true, Err: fmt.Errorf("%w: %s as %s: %v", ErrAuth, s.Addr, s.Username, err)}
	}
	return nil
}

func classifySMTP(where string, err error) error {
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		return &Error{Permanent: se.Code >= 500, Err: fmt.Errorf("smtp %s: SMTP %d: %s", where, se.Code, se.Message)}
	}
	return transportError("smtp "+where, err)
}

// render builds the RFC 5322 message of m: multipart/alternative (text and
// HTML, quoted-printable, UTF-8 headers), inside multipart/mixed with the
// attachments (base64) when there are any.
func (s *SMTP) render(m Mail, now time.Time) ([]byte, error) {
	var b bytes.Buffer
	domain := "dengar.local"
	from := s.From
	if a, err := mail.ParseAddress(s.From); err == nil {
		from = a.String() // RFC 2047 for non-ASCII names
		if i := strings.LastIndexByte(a.Address, '@'); i >= 0 {
			domain = a.Address[i+1:]
		}
	}
	var tos []string
	for _, t := range s.To {
		if a, err := mail.ParseAddress(t); err == nil {
			tos = append(tos, a.String())
		}
	}
	id := m.ID
	if id == "" {
		id = "dengar-" + randomHex(12)
	}
	id = strings.NewReplacer("|", ".", ":", ".", "/", ".", " ", "").Replace(id)
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	h("From", from)
	h("To", strings.Join(tos, ", "))
	h("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	h("Date", now.Format(time.RFC1123Z))
	h("Message-ID", "<"+id+"@"+domain+">")
	if m.ID != "" {
		h("X-Dengar-Delivery", id)
	}
	h("MIME-Version", "1.0")
	alt := "dengar-" + randomHex(12)
	mixed := ""
	if len(m.Attachments) > 0 {
		mixed = "dengar-" + randomHex(12)
		h("Content-Type", `multipart/mixed; boundary="`+mixed+`"`)
		fmt.Fprintf(&b, "\r\n--%s\r\nContent-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", mixed, alt)
	} else {
		h("Content-Type", `multipart/alternative; boundary="`+alt+`"`)
		b.WriteString("\r\n")
	}
	for _, part := range []struct{ ctype, body string }{{"text/plain", m.Text}, {"text/html", m.HTML}} {
		if part.body == "" {
			continue
		}
		fmt.Fprintf(&b, "--%s\r\nContent-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", alt, part.ctype)
		qp := quotedprintable.NewWriter(&b)
		if _, err := qp.Write([]byte(crlf(part.body))); err != nil {
			return nil, fmt.Errorf("mime: %w", err)
		}
		if err := qp.Close(); err != nil {
			return nil, fmt.Errorf("mime: %w", err)
		}
		b.WriteString("\r\n")
	}
	fmt.Fprintf(&b, "--%s--\r\n", alt)
	if mixed == "" {
		return b.Bytes(), nil
	}
	for _, a := range m.Attachments {
		name := mime.QEncoding.Encode("utf-8", a.Name)
		fmt.Fprintf(&b, "--%s\r\nContent-Type: %s; name=\"%s\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"%s\"\r\n\r\n",
			mixed, a.ContentType, name, name)
		enc := base64.StdEncoding.EncodeToString(a.Data)
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc + "\r\n")
	}
	fmt.Fprintf(&b, "--%s--\r\n", mixed)
	return b.Bytes(), nil
}

// crlf normalises every line ending (CRLF, CR, LF) to CRLF, as SMTP wants.
func crlf(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\n", "\r\n")
}

func randomHex(n int) string {
	buf := make([]byte, n)
	_, _ = rand.Read(buf)
	return hex.EncodeToString(buf)
}
