package notify

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// smtpServer is a real SMTP server (go-smtp) in the test process:
// STARTTLS with a throw-away certificate, AUTH PLAIN required.
type smtpServer struct {
	mu       sync.Mutex
	user     string
	pass     string
	reject   []int // answers to the next DATA commands (451, 550…)
	messages []received
	authed   int
}

type received struct {
	from string
	to   []string
	data []byte
	tls  bool
}

func (s *smtpServer) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &smtpSession{srv: s, conn: c}, nil
}

type smtpSession struct {
	srv    *smtpServer
	conn   *smtp.Conn
	authed bool
	from   string
	to     []string
}

func (s *smtpSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *smtpSession) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != s.srv.user || pass != s.srv.pass {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
		}
		s.authed = true
		s.srv.mu.Lock()
		s.srv.authed++
		s.srv.mu.Unlock()
		return nil
	}), nil
}

func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if !s.authed {
		return &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "Authentication required"}
	}
	s.from = from
	return nil
}

func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}

func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.srv.mu.Lock()
	defer s.srv.mu.Unlock()
	if len(s.srv.reject) > 0 {
		code := s.srv.reject[0]
		s.srv.reject = s.srv.reject[1:]
		return &smtp.SMTPError{Code: code, Message: "try again later"}
	}
	_, isTLS := s.conn.TLSConnectionState()
	s.srv.messages = append(s.srv.messages, received{from: s.from, to: s.to, data: b, tls: isTLS})
	return nil
}

func (s *smtpSession) Reset()        { s.from, s.to = "", nil }
func (s *smtpSession) Logout() error { return nil }

func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "smtp.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

func startSMTP(t *testing.T, be *smtpServer) (addr string, pool *x509.CertPool, stop func()) {
	t.Helper()
	cert, pool := selfSigned(t)
	srv := smtp.NewServer(be)
	srv.Domain = "localhost"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.AllowInsecureAuth = false // AUTH only after STARTTLS
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	return l.Addr().String(), pool, func() { srv.Close() }
}

func TestEmailOverSTARTTLS(t *testing.T) {
	be := &smtpServer{user: "dengar", pass: "s3cret"}
	addr, pool, stop := startSMTP(t, be)
	defer stop()
	ctx := context.Background()
	tlsCfg := &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
	e, err := NewEmail(addr, "Dengar <dengar@diskominfo.samarindakota.go.id>", []string{"piket@samarindakota.go.id", "kabid@samarindakota.go.id"}, "starttls",
		WithAuth("dengar", "s3cret"), WithTLSConfig(tlsCfg), WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	m := testMessage()
	if err := e.Send(ctx, m); err != nil {
		t.Fatalf("send: %v", err)
	}
	if len(be.messages) != 1 {
		t.Fatalf("server got %d messages", len(be.messages))
	}
	got := be.messages[0]
	if !got.tls || got.from != "dengar@diskominfo.samarindakota.go.id" && got.from != "Dengar <dengar@diskominfo.samarindakota.go.id>" || len(got.to) != 2 {
		t.Errorf("envelope tls=%v from=%q to=%v", got.tls, got.from, got.to)
	}
	msg, err := mail.ReadMessage(strings.NewReader(string(got.data)))
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
	be.reject = []int{451}
	if err := e.Send(ctx, m); err == nil || IsPermanent(err) {
		t.Errorf("451: %v, want temporary", err)
	}
	be.reject = []int{550}
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
	if len(be.messages) != 1 {
		t.Errorf("server has %d messages, want still 1", len(be.messages))
	}
	// server down: temporary
	stop()
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
