package report

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"html/template"
	"net"
	"net/mail"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/notify"
)

// Environment variables holding the SMTP credentials (never in the file).
const (
	SMTPUsernameEnv = "SMTP_USERNAME"
	SMTPPasswordEnv = "SMTP_PASSWORD"
)

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

// Send delivers msg to every recipient of c (notify.SMTP: STARTTLS, then
// AUTH, then the MIME message). Authentication errors wrap
// notify.ErrAuth. The password is never part of an error or a log.
func (c SMTPConfig) Send(ctx context.Context, msg notify.Mail) error {
	c.Defaults()
	if err := c.Validate(); err != nil {
		return err
	}
	s := notify.SMTP{
		Addr: net.JoinHostPort(c.Host, strconv.Itoa(c.Port)), From: c.From, To: c.To,
		TLS: "starttls", Auth: c.Auth, Username: c.Username, Password: c.Password,
		TLSConfig: &tls.Config{ServerName: c.Host, RootCAs: c.RootCAs, MinVersion: tls.VersionTLS12},
		Timeout:   c.Timeout,
	}
	if c.StartTLS == "none" {
		s.TLS = "none"
	}
	return s.Send(ctx, msg)
}

// EmailFor builds the weekly e-mail of a generated report: the summary
// (headline numbers and sentences) as the body, the PDF attached.
func EmailFor(out *Output, pdfName string) (notify.Mail, error) {
	r := out.Report
	l, err := newLang(r.Lang)
	if err != nil {
		return notify.Mail{}, err
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
		return notify.Mail{}, fmt.Errorf("mail body: %w", err)
	}
	return notify.Mail{
		Subject:     r.Title + " — " + r.WeekLabel,
		Text:        txt.String(),
		HTML:        h.String(),
		Attachments: []notify.Attachment{{Name: pdfName, ContentType: "application/pdf", Data: out.PDF}},
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
