package report

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Environment variables holding the SMTP credentials (never in the file).
const (
	SMTPUsernameEnv = "SMTP_USERNAME"
	SMTPPasswordEnv = "SMTP_PASSWORD"
)

// ErrAuth is wrapped by every SMTP authentication failure.
var ErrAuth = errors.New("smtp authentication failed")

// SMTPConfig is how the report is e-mailed.
type SMTPConfig struct {
	// Host and Port of the submission server (port 587 by default).
	Host string `yaml:"host"`
	Port int    `yaml:"port"`
	// From is the sender address; To the recipients.
	From string   `yaml:"from"`
	To   []string `yaml:"to"`
	// Auth is auto (default: PLAIN, else LOGIN, as the server offers),
	// plain, login or none.
	Auth string `yaml:"auth"`
	// StartTLS is required (default) or none (only for a local relay).
	StartTLS string `yaml:"starttls"`
	// Timeout bounds one delivery (default 60 s).
	Timeout time.Duration `yaml:"timeout"`
	// Username and Password come from SMTP_USERNAME and SMTP_PASSWORD.
	Username string `yaml:"-"`
	Password string `yaml:"-"`
	// RootCAs, when set, replaces the system roots for the server
	// certificate (tests, private CAs).
	RootCAs *x509.CertPool `yaml:"-"`
}

// Defaults fills unset fields and reads the credentials from the
// environment.
func (c *SMTPConfig) Defaults() {
	if c.Port == 0 {
		c.Port = 587
	}
	if c.Auth == "" {
		c.Auth = "auto"
	}
	if c.StartTLS == "" {
		c.StartTLS = "required"
	}
	if c.Timeout <= 0 {
		c.Timeout = 60 * time.Second
	}
	if c.Username == "" {
		c.Username = os.Getenv(SMTPUsernameEnv)
	}
	if c.Password == "" {
		c.Password = os.Getenv(SMTPPasswordEnv)
	}
}

// Validate checks the configuration before the first delivery.
func (c *SMTPConfig) Validate() error {
	var p []string
	if c.Host == "" {
		p = append(p, "host is required")
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		p = append(p, fmt.Sprintf("from %q: %v", c.From, err))
	}
	if len(c.To) == 0 {
		p = append(p, "at least one recipient (to) is required")
	}
	for _, t := range c.To {
		if _, err := mail.ParseAddress(t); err != nil {
			p = append(p, fmt.Sprintf("to %q: %v", t, err))
		}
	}
	switch c.Auth {
	case "auto", "plain", "login", "none":
	default:
		p = append(p, fmt.Sprintf("auth %q: want auto, plain, login or none", c.Auth))
	}
	switch c.StartTLS {
	case "required", "none":
	default:
		p = append(p, fmt.Sprintf("starttls %q: want required or none", c.StartTLS))
	}
	if c.Auth != "none" && (c.Username == "" || c.Password == "") {
		p = append(p, "credentials missing: set "+SMTPUsernameEnv+" and "+SMTPPasswordEnv+" (or auth: none)")
	}
	if len(p) > 0 {
		return fmt.Errorf("smtp config: %s", strings.Join(p, "; "))
	}
	return nil
}

// Attachment is a file attached to a message.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// Message is one e-mail.
type Message struct {
	Subject     string
	Text        string
	HTML        string
	Attachments []Attachment
}

// Send delivers msg to every recipient of c: STARTTLS, then AUTH, then the
// MIME message. Authentication errors wrap ErrAuth. The password is never
// part of an error or a log.
func (c SMTPConfig) Send(ctx context.Context, msg Message) error {
	c.Defaults()
	if err := c.Validate(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	addr := net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("smtp %s: %w", addr, err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	tlsCfg := &tls.Config{ServerName: c.Host, RootCAs: c.RootCAs, MinVersion: tls.VersionTLS12}
	var cl *smtp.Client
	if c.StartTLS == "required" {
		if cl, err = smtp.NewClientStartTLS(conn, tlsCfg); err != nil {
			conn.Close()
			return fmt.Errorf("smtp %s: starttls: %w", addr, err)
		}
	} else {
		cl = smtp.NewClient(conn)
	}
	defer cl.Close()
	if err := cl.Hello("dengar.localhost"); err != nil {
		return fmt.Errorf("smtp %s: hello: %w", addr, err)
	}
	if c.Auth != "none" {
		var a sasl.Client
		switch {
		case c.Auth == "plain" || c.Auth == "auto" && cl.SupportsAuth("PLAIN"):
			a = sasl.NewPlainClient("", c.Username, c.Password)
		case c.Auth == "login" || c.Auth == "auto" && cl.SupportsAuth("LOGIN"):
			a = sasl.NewLoginClient(c.Username, c.Password)
		default:
			_, mechs := cl.Extension("AUTH")
			return fmt.Errorf("%w: %s offers no PLAIN or LOGIN mechanism (offers %q)", ErrAuth, addr, mechs)
		}
		if err := cl.Auth(a); err != nil {
			return fmt.Errorf("%w: %s as %s: %v", ErrAuth, addr, c.Username, err)
		}
	}
	body, err := buildMIME(c.From, c.To, msg, clock.Now())
	if err != nil {
		return err
	}
	from, _ := mail.ParseAddress(c.From)
	if err := cl.Mail(from.Address, nil); err != nil {
		return fmt.Errorf("smtp %s: MAIL FROM: %w", addr, err)
	}
	for _, t := range c.To {
		to, _ := mail.ParseAddress(t)
		if err := cl.Rcpt(to.Address, nil); err != nil {
			return fmt.Errorf("smtp %s: RCPT TO %s: %w", addr, to.Address, err)
		}
	}
	w, err := cl.Data()
	if err != nil {
		return fmt.Errorf("smtp %s: DATA: %w", addr, err)
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("smtp %s: DATA: %w", addr, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("smtp %s: message refused: %w", addr, err)
	}
	_ = cl.Quit()
	return nil
}

// buildMIME writes a multipart/mixed message: a multipart/alternative body
// (plain text and HTML) followed by the attachments.
func buildMIME(from string, to []string, msg Message, now time.Time) ([]byte, error) {
	var b bytes.Buffer
	mixed, alt := boundary(), boundary()
	hdr := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	hdr("From", from)
	hdr("To", strings.Join(to, ", "))
	hdr("Subject", mime.QEncoding.Encode("utf-8", msg.Subject))
	hdr("Date", now.Format(time.RFC1123Z))
	hdr("Message-ID", "<"+boundary()+"@dengar>")
	hdr("MIME-Version", "1.0")
	hdr("Content-Type", `multipart/mixed; boundary="`+mixed+`"`)
	b.WriteString("\r\n")
	fmt.Fprintf(&b, "--%s\r\nContent-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", mixed, alt)
	for _, part := range []struct{ ct, body string }{{"text/plain", msg.Text}, {"text/html", msg.HTML}} {
		if part.body == "" {
			continue
		}
		fmt.Fprintf(&b, "--%s\r\nContent-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", alt, part.ct)
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
	for _, a := range msg.Attachments {
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

func boundary() string {
	var r [12]byte
	_, _ = rand.Read(r[:])
	return "dengar-" + hex.EncodeToString(r[:])
}

// EmailFor builds the weekly e-mail of a generated report: the summary
// (headline numbers and sentences) as the body, the PDF attached.
func EmailFor(out *Output, pdfName string) (Message, error) {
	r := out.Report
	l, err := newLang(r.Lang)
	if err != nil {
		return Message{}, err
	}
	var txt strings.Builder
	fmt.Fprintf(&txt, "%s\n%s\n\n", r.Title, r.WeekLabel)
	for _, k := range r.Summary.KPIs {
		fmt.Fprintf(&txt, "- %s: %s (%s; %s: %s)\n", k.Label, k.Display, k.Change, l.T("prev"), k.PrevText)
	}
	txt.WriteString("\n")
	for _, s := range r.Summary.Sentences {
		txt.WriteString(s + "\n")
	}
	fmt.Fprintf(&txt, "\n%s\n", l.T("mail.attached"))
	var h bytes.Buffer
	if err := mailTemplate.Execute(&h, map[string]any{"R": r, "T": l.T}); err != nil {
		return Message{}, fmt.Errorf("mail body: %w", err)
	}
	return Message{
		Subject:     r.Title + " — " + r.WeekLabel,
		Text:        txt.String(),
		HTML:        h.String(),
		Attachments: []Attachment{{Name: pdfName, ContentType: "application/pdf", Data: out.PDF}},
	}, nil
}

var mailTemplate = template.Must(template.New("mail").Parse(`<!DOCTYPE html>
<html><body style="font-family:Arial,sans-serif;color:#1f2937;max-width:640px">
<div style="background:#12355b;color:#fff;padding:14px 18px"><div style="font-size:12px;opacity:.8">{{call .T "subtitle"}}</div>
<div style="font-size:20px;font-weight:bold">{{.R.Title}}</div><div>{{.R.WeekLabel}}</div></div>
{{if .R.NoData}}<p style="background:#fef3c7;padding:8px">{{call .T "no.data.banner"}}</p>{{end}}
<table style="border-collapse:collapse;width:100%;margin:12px 0">
{{range .R.Summary.KPIs}}<tr><td style="padding:4px 8px;border-bottom:1px solid #e5e7eb">{{.Label}}</td><td style="padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:right;font-weight:bold">{{.Display}}</td><td style="padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:right">{{.Change}}</td></tr>
{{end}}</table>
{{range .R.Summary.Sentences}}<p>{{.}}</p>{{end}}
<p style="color:#6b7280">{{call .T "mail.attached"}}</p>
</body></html>`))
