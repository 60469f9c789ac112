package report

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/dengar-id/dengar/notify"
)

// testSMTP is a real SMTP server (go-smtp) in the test process: STARTTLS
// with a self-signed certificate, AUTH PLAIN and LOGIN only over TLS.
type testSMTP struct {
	addr  string
	pool  *x509.CertPool
	user  string
	pass  string
	mechs []string

	mu       sync.Mutex
	messages []received
	authFail int
}

type received struct {
	from string
	to   []string
	data []byte
	tls  bool
	mech string
}

func startSMTP(t *testing.T, mechs ...string) *testSMTP {
	t.Helper()
	cert, pool := selfSigned(t)
	s := &testSMTP{user: "dengar", pass: "rahasia-Ω", pool: pool, mechs: mechs}
	srv := smtp.NewServer(s)
	srv.Domain = "localhost"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.AllowInsecureAuth = false
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

func (s *testSMTP) config(pass string) SMTPConfig {
	host, port, _ := net.SplitHostPort(s.addr)
	p, _ := strconv.Atoi(port)
	return SMTPConfig{
		Host: host, Port: p, From: "Dengar <dengar@samarindakota.go.id>",
		To:       []string{"walikota@samarindakota.go.id", "Kepala Diskominfo <diskominfo@samarindakota.go.id>"},
		Username: s.user, Password: pass, RootCAs: s.pool, Timeout: 10 * time.Second,
	}
}

func (s *testSMTP) got() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.messages...)
}

// NewSession implements smtp.Backend.
func (s *testSMTP) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &smtpSession{srv: s, conn: c}, nil
}

type smtpSession struct {
	srv    *testSMTP
	conn   *smtp.Conn
	authed bool
	mech   string
	msg    received
}

func (ss *smtpSession) AuthMechanisms() []string { return ss.srv.mechs }

func (ss *smtpSession) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		if user != ss.srv.user || pass != ss.srv.pass {
			ss.srv.mu.Lock()
			ss.srv.authFail++
			ss.srv.mu.Unlock()
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
		}
		ss.authed, ss.mech = true, mech
		return nil
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(_, user, pass string) error { return check(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: check}, nil
	}
	return nil, smtp.ErrAuthUnknownMechanism
}

// loginServer is the server side of AUTH LOGIN (go-sasl has only the client).
type loginServer struct {
	check func(user, pass string) error
	user  string
	step  int
}

func (l *loginServer) Next(resp []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		l.step++
		if resp != nil { // initial response carries the username
			l.user = string(resp)
			l.step++
			return []byte("Password:"), false, nil
		}
		return []byte("Username:"), false, nil
	case 1:
		l.user = string(resp)
		l.step++
		return []byte("Password:"), false, nil
	default:
		return nil, true, l.check(l.user, string(resp))
	}
}

func (ss *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if !ss.authed {
		return smtp.ErrAuthRequired
	}
	ss.msg = received{from: from}
	return nil
}

func (ss *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.msg.to = append(ss.msg.to, to)
	return nil
}

func (ss *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, ss.msg.tls = ss.conn.TLSConnectionState()
	ss.msg.data, ss.msg.mech = b, ss.mech
	ss.srv.mu.Lock()
	ss.srv.messages = append(ss.srv.messages, ss.msg)
	ss.srv.mu.Unlock()
	return nil
}

func (ss *smtpSession) Reset()        {}
func (ss *smtpSession) Logout() error { return nil }

func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:        true, BasicConstraintsValid: true,
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(c)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

// parseMail checks the MIME structure and returns subject, html, text and
// attachments by file name.
func parseMail(t *testing.T, data []byte) (subject, html, text string, att map[string][]byte) {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("message does not parse: %v", err)
	}
	subject, err = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("content type %q: %v", mt, err)
	}
	att = map[string][]byte{}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ct, cp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		switch {
		case ct == "multipart/alternative":
			ar := multipart.NewReader(p, cp["boundary"])
			for {
				ap, err := ar.NextPart()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(ap) // multipart decodes quoted-printable
				if strings.HasPrefix(ap.Header.Get("Content-Type"), "text/html") {
					html = string(b)
				} else {
					text = string(b)
				}
			}
		default:
			b, err := io.ReadAll(base64Reader(p))
			if err != nil {
				t.Fatal(err)
			}
			name, _ := new(mime.WordDecoder).DecodeHeader(p.FileName())
			att[name] = b
		}
	}
	return subject, html, text, att
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
			cfg := srv.config(tc.pass)
			cfg.Auth = tc.auth
			err := cfg.Send(ctx, msg)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if strings.Contains(err.Error(), tc.pass) {
					t.Errorf("error leaks the password: %v", err)
				}
				if n := len(srv.got()); n != 0 {
					t.Errorf("%d messages delivered despite auth failure", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := srv.got()
			if len(got) != 1 {
				t.Fatalf("%d messages, want 1", len(got))
			}
			g := got[0]
			if !g.tls || g.mech != tc.wantMech {
				t.Errorf("tls=%v mech=%s, want TLS and %s", g.tls, g.mech, tc.wantMech)
			}
			if g.from != "dengar@samarindakota.go.id" || strings.Join(g.to, ",") != "walikota@samarindakota.go.id,diskominfo@samarindakota.go.id" {
				t.Errorf("envelope %s → %v", g.from, g.to)
			}
			subj, html, text, att := parseMail(t, g.data)
			if subj != msg.Subject || html != msg.HTML || text != msg.Text {
				t.Errorf("subject %q html %q text %q", subj, html, text)
			}
			if !bytes.Equal(att["laporan.pdf"], msg.Attachments[0].Data) {
				t.Errorf("attachment differs (%d bytes)", len(att["laporan.pdf"]))
			}
		})
	}
}

func TestSendRefusesPlaintext(t *testing.T) {
	// A server without STARTTLS: the credentials must not go out in clear.
	s := &testSMTP{user: "dengar", pass: "x", mechs: []string{sasl.Plain}}
	srv := smtp.NewServer(s)
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	s.addr = ln.Addr().String()
	cfg := s.config("x")
	err = cfg.Send(context.Background(), notify.Mail{Subject: "x", Text: "x"})
	if err == nil || !strings.Contains(err.Error(), "STARTTLS") {
		t.Fatalf("err = %v, want a STARTTLS error", err)
	}
	if len(s.got()) != 0 || s.authFail != 0 {
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
	cfg := Config{OutDir: dir, SMTP: srv.config("salah")}
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
	cfg.SMTP = srv.config(srv.pass)
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
	if n := len(srv.got()); n != 1 {
		t.Fatalf("%d deliveries after start-up, want 1", n)
	}
	// 3. A restart does not send the week again.
	runFor()
	if n := len(srv.got()); n != 1 {
		t.Fatalf("%d deliveries after restart, want still 1", n)
	}
	subj, html, text, att := parseMail(t, srv.got()[0].data)
	if !strings.Contains(subj, "Minggu 47") || !strings.Contains(html, "Total sebutan") || !strings.Contains(text, "terlampir") {
		t.Errorf("mail: subject %q, html %d bytes, text %q", subj, len(html), text)
	}
	pdf := att["dengar-laporan-mingguan-2026-W47.pdf"]
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

func base64Reader(r io.Reader) io.Reader { return base64.NewDecoder(base64.StdEncoding, r) }

func TestSchedulerRetriesAfterAuthFailure(t *testing.T) {
	db, _ := seed(t, seedSpec{})
	srv := startSMTP(t, sasl.Plain)
	dir := t.TempDir()
	now := testWeek.End().Add(8 * time.Hour) // Monday 08:00 WITA: due since 07:00
	s, err := NewScheduler(db, Config{OutDir: dir, RetryEvery: 100 * time.Millisecond, SMTP: srv.config("salah")},
		WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		srv.mu.Lock()
		n := srv.authFail
		srv.mu.Unlock()
		if n >= 2 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	srv.mu.Lock()
	n := srv.authFail
	srv.mu.Unlock()
	if n < 2 {
		t.Errorf("%d authentication attempts, want the failed delivery retried (≥ 2)", n)
	}
	if sent, _ := s.Sent(testWeek); sent || len(srv.got()) != 0 {
		t.Error("week marked sent or delivered despite failing authentication")
	}
}
