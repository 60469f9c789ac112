package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-sasl"

	"github.com/dengar-id/dengar/notify"
	"github.com/dengar-id/dengar/notify/smtptest"
)

// smtpConfig is the report's SMTP configuration for srv, with password pass.
func smtpConfig(srv *smtptest.Server, pass string) SMTPConfig {
	host, port, _ := net.SplitHostPort(srv.Addr)
	p, _ := strconv.Atoi(port)
	return SMTPConfig{
		Host: host, Port: p, From: "Dengar <dengar@samarindakota.go.id>",
		To:       []string{"walikota@samarindakota.go.id", "Kepala Diskominfo <diskominfo@samarindakota.go.id>"},
		Username: "dengar", Password: pass, RootCAs: srv.Pool, Timeout: 10 * time.Second,
	}
}

// startSMTP starts the test server the report delivers to (user dengar).
func startSMTP(t *testing.T, mechs ...string) *smtptest.Server {
	return smtptest.Start(t, smtptest.Options{User: "dengar", Pass: "rahasia-Ω", Mechs: mechs})
}

func TestSendSTARTTLSAuth(t *testing.T) {
	ctx := context.Background()
	msg := notify.Mail{Subject: "Laporan Mingguan — Minggu 47 ▲", Text: "Ringkasan: naik 12,5 %", HTML: "<p>Ringkasan “naik”</p>",
		Attachments: []notify.Attachment{{Name: "laporan.pdf", ContentType: "application/pdf", Data: bytes.Repeat([]byte("%PDF-1.3 data "), 200)}}}
	for _, tc := range []struct {
		name     string
		offer    []string
		auth     string
		pass     string
		wantErr  error
		wantMech string
	}{
		{"plain", []string{sasl.Plain, sasl.Login}, "auto", "rahasia-Ω", nil, sasl.Plain},
		{"login only", []string{sasl.Login}, "auto", "rahasia-Ω", nil, sasl.Login},
		{"login forced", []string{sasl.Plain, sasl.Login}, "login", "rahasia-Ω", nil, sasl.Login},
		{"wrong password", []string{sasl.Plain, sasl.Login}, "auto", "salah", notify.ErrAuth, ""},
		{"no common mechanism", []string{"CRAM-MD5"}, "auto", "rahasia-Ω", notify.ErrAuth, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startSMTP(t, tc.offer...)
			cfg := smtpConfig(srv, tc.pass)
			cfg.Auth = tc.auth
			err := cfg.Send(ctx, msg)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if strings.Contains(err.Error(), tc.pass) {
					t.Errorf("error leaks the password: %v", err)
				}
				if n := len(srv.Messages()); n != 0 {
					t.Errorf("%d messages delivered despite auth failure", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := srv.Messages()
			if len(got) != 1 {
				t.Fatalf("%d messages, want 1", len(got))
			}
			g := got[0]
			if !g.TLS || g.Mech != tc.wantMech {
				t.Errorf("tls=%v mech=%s, want TLS and %s", g.TLS, g.Mech, tc.wantMech)
			}
			if g.From != "dengar@samarindakota.go.id" || strings.Join(g.To, ",") != "walikota@samarindakota.go.id,diskominfo@samarindakota.go.id" {
				t.Errorf("envelope %s → %v", g.From, g.To)
			}
			subj, parts := smtptest.Parse(t, g.Data)
			if subj != msg.Subject || string(parts["text/html"]) != msg.HTML || string(parts["text/plain"]) != msg.Text {
				t.Errorf("subject %q parts %q", subj, parts)
			}
			if !bytes.Equal(parts["laporan.pdf"], msg.Attachments[0].Data) {
				t.Errorf("attachment differs (%d bytes)", len(parts["laporan.pdf"]))
			}
		})
	}
}

func TestSendRefusesPlaintext(t *testing.T) {
	// A server without STARTTLS: the credentials must not go out in clear.
	srv := smtptest.Start(t, smtptest.Options{User: "dengar", Pass: "x", Mechs: []string{sasl.Plain}, Plaintext: true})
	err := smtpConfig(srv, "x").Send(context.Background(), notify.Mail{Subject: "x", Text: "x"})
	if err == nil || !strings.Contains(err.Error(), "STARTTLS") {
		t.Fatalf("err = %v, want a STARTTLS error", err)
	}
	if ok, failed := srv.Auths(); len(srv.Messages()) != 0 || ok+failed != 0 {
		t.Error("credentials or mail went over plaintext")
	}
}

func TestSMTPConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  SMTPConfig
		want string
	}{
		{"no host", SMTPConfig{From: "a@b.c", To: []string{"d@e.f"}, Username: "u", Password: "p"}, "host is required"},
		{"bad from", SMTPConfig{Host: "h", From: "nobody", To: []string{"d@e.f"}, Username: "u", Password: "p"}, "from"},
		{"no recipients", SMTPConfig{Host: "h", From: "a@b.c", Username: "u", Password: "p"}, "recipient"},
		{"no credentials", SMTPConfig{Host: "h", From: "a@b.c", To: []string{"d@e.f"}}, "SMTP_PASSWORD"},
		{"bad auth", SMTPConfig{Host: "h", From: "a@b.c", To: []string{"d@e.f"}, Auth: "cram", Username: "u", Password: "p"}, "auth"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(SMTPUsernameEnv, "")
			t.Setenv(SMTPPasswordEnv, "")
			c := tc.cfg
			c.Defaults()
			err := c.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	t.Setenv(SMTPUsernameEnv, "envuser")
	t.Setenv(SMTPPasswordEnv, "envpass")
	c := SMTPConfig{Host: "h", From: "a@b.c", To: []string{"d@e.f"}}
	c.Defaults()
	if err := c.Validate(); err != nil || c.Username != "envuser" || c.Password != "envpass" || c.Port != 587 {
		t.Errorf("env credentials: %+v %v", c, err)
	}
}

func TestSchedulerDeliversAndRetries(t *testing.T) {
	db, _ := seed(t, seedSpec{})
	srv := startSMTP(t, sasl.Plain, sasl.Login)
	dir := t.TempDir()
	// Tuesday after the test week, 10:00 WITA: Monday 07:00 was missed.
	now := testWeek.End().Add(34 * time.Hour)
	cfg := Config{OutDir: dir, SMTP: smtpConfig(srv, "salah")}
	s, err := NewScheduler(db, cfg, WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	if due := s.Due(now); due != testWeek {
		t.Fatalf("due week = %s, want %s", due, testWeek)
	}
	if due := s.Due(testWeek.End().Add(6 * time.Hour)); due != testWeek.Prev() {
		t.Errorf("Monday 06:00: due week = %s, want the week before", due)
	}
	ctx := context.Background()
	// 1. Wrong password: a clear auth error, nothing recorded as sent, but
	// the copy is kept.
	err = s.RunOnce(ctx, testWeek)
	if !errors.Is(err, notify.ErrAuth) {
		t.Fatalf("err = %v, want ErrAuth", err)
	}
	if sent, _ := s.Sent(testWeek); sent {
		t.Fatal("week marked sent after auth failure")
	}
	if _, err := os.Stat(filepath.Join(dir, "dengar-laporan-mingguan-2026-W47.pdf")); err != nil {
		t.Errorf("copy not kept: %v", err)
	}
	// 2. Fixed credentials: the start-up run sends the missed week once.
	cfg.SMTP = smtpConfig(srv, "rahasia-Ω")
	s, err = NewScheduler(db, cfg, WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	runFor := func() {
		ctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- s.Run(ctx) }()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if sent, _ := s.Sent(testWeek); sent {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond) // a second delivery would show up now
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	runFor()
	if n := len(srv.Messages()); n != 1 {
		t.Fatalf("%d deliveries after start-up, want 1", n)
	}
	// 3. A restart does not send the week again.
	runFor()
	if n := len(srv.Messages()); n != 1 {
		t.Fatalf("%d deliveries after restart, want still 1", n)
	}
	subj, parts := smtptest.Parse(t, srv.Messages()[0].Data)
	if html, text := string(parts["text/html"]), string(parts["text/plain"]); !strings.Contains(subj, "Minggu 47") || !strings.Contains(html, "Total sebutan") || !strings.Contains(text, "terlampir") {
		t.Errorf("mail: subject %q, html %d bytes, text %q", subj, len(html), text)
	}
	pdf := parts["dengar-laporan-mingguan-2026-W47.pdf"]
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("PDF attachment missing: %v", len(pdf))
	}
	var recs []SentRecord
	b, err := os.ReadFile(filepath.Join(dir, "sent.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &recs); err != nil || len(recs) != 1 || recs[0].Week != "2026-W47" {
		t.Errorf("sent record %s: %v", b, err)
	}
}

func TestSchedulerConfig(t *testing.T) {
	base := Config{SMTP: SMTPConfig{Host: "h", From: "a@b.c", To: []string{"d@e.f"}, Username: "u", Password: "p"}}
	for _, tc := range []struct {
		weekday, at string
		want        time.Duration
		bad         bool
	}{
		{"monday", "07:00", 7 * time.Hour, false},
		{"Senin", "07:30", 7*time.Hour + 30*time.Minute, false},
		{"tuesday", "00:00", 24 * time.Hour, false},
		{"sunday", "18:00", 6*24*time.Hour + 18*time.Hour, false},
		{"someday", "07:00", 0, true},
		{"monday", "7pm", 0, true},
	} {
		c := base
		c.Weekday, c.Time = tc.weekday, tc.at
		s, err := NewScheduler(nil, c)
		if tc.bad {
			if err == nil {
				t.Errorf("%s %s accepted", tc.weekday, tc.at)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %s: %v", tc.weekday, tc.at, err)
			continue
		}
		if got := s.DueAt(testWeek).Sub(testWeek.End()); got != tc.want {
			t.Errorf("%s %s: due %v after week end, want %v", tc.weekday, tc.at, got, tc.want)
		}
	}
}

func TestSchedulerRetriesAfterAuthFailure(t *testing.T) {
	db, _ := seed(t, seedSpec{})
	srv := startSMTP(t, sasl.Plain)
	dir := t.TempDir()
	now := testWeek.End().Add(8 * time.Hour) // Monday 08:00 WITA: due since 07:00
	s, err := NewScheduler(db, Config{OutDir: dir, RetryEvery: 100 * time.Millisecond, SMTP: smtpConfig(srv, "salah")},
		WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if _, n := srv.Auths(); n >= 2 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, n := srv.Auths(); n < 2 {
		t.Errorf("%d authentication attempts, want the failed delivery retried (≥ 2)", n)
	}
	if sent, _ := s.Sent(testWeek); sent || len(srv.Messages()) != 0 {
		t.Error("week marked sent or delivered despite failing authentication")
	}
}
