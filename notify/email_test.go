package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-sasl"

	"github.com/dengar-id/dengar/notify/smtptest"
)

func TestEmailOverSTARTTLS(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{User: "dengar", Pass: "s3cret", Mechs: []string{sasl.Plain}})
	addr := srv.Addr
	ctx := context.Background()
	tlsCfg := &tls.Config{RootCAs: srv.Pool, ServerName: "127.0.0.1"}
	e, err := NewEmail(addr, "Dengar <dengar@diskominfo.samarindakota.go.id>", []string{"piket@samarindakota.go.id", "kabid@samarindakota.go.id"}, "starttls",
		WithAuth("dengar", "s3cret"), WithTLSConfig(tlsCfg), WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	m := testMessage()
	if err := e.Send(ctx, m); err != nil {
		t.Fatalf("send: %v", err)
	}
	if len(srv.Messages()) != 1 {
		t.Fatalf("server got %d messages", len(srv.Messages()))
	}
	got := srv.Messages()[0]
	if !got.TLS || got.From != "dengar@diskominfo.samarindakota.go.id" || len(got.To) != 2 {
		t.Errorf("envelope tls=%v from=%q to=%v", got.TLS, got.From, got.To)
	}
	msg, err := mail.ReadMessage(strings.NewReader(string(got.Data)))
	if err != nil {
		t.Fatal(err)
	}
	subj, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || subj != m.Subject {
		t.Errorf("subject %q (%v), want %q", subj, err, m.Subject)
	}
	if id := msg.Header.Get("Message-ID"); !strings.Contains(id, "20261119T1203") || !strings.HasSuffix(id, "@diskominfo.samarindakota.go.id>") {
		t.Errorf("Message-ID %q is not derived from the delivery id", id)
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	var parts []string
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p) // NextPart decodes quoted-printable
		parts = append(parts, p.Header.Get("Content-Type")+"|"+string(b))
	}
	if len(parts) != 2 || !strings.HasPrefix(parts[0], "text/plain") || !strings.Contains(parts[0], "Teramati 42 mention") ||
		!strings.HasPrefix(parts[1], "text/html") || !strings.Contains(parts[1], `<a href="https://x.com/a">tautan</a>`) {
		t.Errorf("parts %q", parts)
	}

	// 4xx is temporary, 5xx permanent
	srv.Reject(451)
	if err := e.Send(ctx, m); err == nil || IsPermanent(err) {
		t.Errorf("451: %v, want temporary", err)
	}
	srv.Reject(550)
	if err := e.Send(ctx, m); err == nil || !IsPermanent(err) {
		t.Errorf("550: %v, want permanent", err)
	}
	// wrong password: permanent
	bad, _ := NewEmail(addr, "dengar@x.id", []string{"a@x.id"}, "starttls", WithAuth("dengar", "salah"), WithTLSConfig(tlsCfg))
	if err := bad.Send(ctx, m); err == nil || !IsPermanent(err) || strings.Contains(err.Error(), "salah") {
		t.Errorf("bad password: %v", err)
	}
	// untrusted certificate: refused (temporary: the operator can fix it)
	untrusted, _ := NewEmail(addr, "dengar@x.id", []string{"a@x.id"}, "starttls", WithAuth("dengar", "s3cret"), WithTimeout(3*time.Second))
	if err := untrusted.Send(ctx, m); err == nil {
		t.Error("sent over an untrusted certificate")
	}
	if len(srv.Messages()) != 1 {
		t.Errorf("server has %d messages, want still 1", len(srv.Messages()))
	}
	// server down: temporary
	srv.Close()
	if err := e.Send(ctx, m); err == nil || IsPermanent(err) {
		t.Errorf("server down: %v, want temporary", err)
	}
}

func TestNewEmailValidates(t *testing.T) {
	for _, tc := range []struct {
		addr, from string
		to         []string
		mode       string
		opts       []EmailOption
	}{
		{"", "a@x.id", []string{"b@x.id"}, "starttls", nil},
		{"smtp.x.id", "a@x.id", []string{"b@x.id"}, "starttls", nil}, // no port
		{"smtp.x.id:587", "a@x.id", nil, "starttls", nil},
		{"smtp.x.id:587", "a@x.id", []string{"b@x.id"}, "ssl", nil},
		{"smtp.x.id:25", "a@x.id", []string{"b@x.id"}, "none", []EmailOption{WithAuth("u", "p")}}, // credentials in clear
	} {
		if _, err := NewEmail(tc.addr, tc.from, tc.to, tc.mode, tc.opts...); err == nil {
			t.Errorf("NewEmail(%q, %q, %v, %q) accepted", tc.addr, tc.from, tc.to, tc.mode)
		}
	}
}
