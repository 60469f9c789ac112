// Package smtptest runs a real SMTP server (go-smtp) in the test process,
// for the tests of everything that sends through notify.SMTP (the alert
// e-mail channel, the weekly report): STARTTLS with a throw-away
// certificate, AUTH (PLAIN and LOGIN, or the mechanisms given) only over
// TLS, every message recorded, chosen DATA answers refused. Parse reads a
// message back.
package smtptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
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

// Options configure a Server.
type Options struct {
	// User and Pass are the only credentials accepted.
	User, Pass string
	// Mechs are the AUTH mechanisms offered (default PLAIN and LOGIN).
	Mechs []string
	// Plaintext offers no STARTTLS and allows AUTH in clear (to test that
	// clients refuse it).
	Plaintext bool
}

// Message is one message the server accepted.
type Message struct {
	From string
	To   []string
	Data []byte
	// TLS says whether it came over TLS; Mech is the AUTH mechanism used.
	TLS  bool
	Mech string
}

// Server is a running test server, closed at the end of the test.
type Server struct {
	// Addr is host:port; Pool trusts the server's certificate.
	Addr string
	Pool *x509.CertPool
	opts Options
	srv  *smtp.Server

	mu       sync.Mutex
	messages []Message
	reject   []int
	authOK   int
	authFail int
}

// Start starts a server on a free port of 127.0.0.1.
func Start(tb testing.TB, o Options) *Server {
	tb.Helper()
	if len(o.Mechs) == 0 {
		o.Mechs = []string{sasl.Plain, sasl.Login}
	}
	s := &Server{opts: o}
	s.srv = smtp.NewServer(s)
	s.srv.Domain = "localhost"
	s.srv.ReadTimeout, s.srv.WriteTimeout = 10*time.Second, 10*time.Second
	if o.Plaintext {
		s.srv.AllowInsecureAuth = true
	} else {
		cert, pool := selfSigned(tb)
		s.srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
		s.Pool = pool
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	s.Addr = ln.Addr().String()
	go s.srv.Serve(ln)
	tb.Cleanup(s.Close)
	return s
}

// Close stops the server (a client then gets a network error).
func (s *Server) Close() { s.srv.Close() }

// Messages returns the messages accepted so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Reject makes the next DATA commands answer codes (451, 550…), in order.
func (s *Server) Reject(codes ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reject = append(s.reject, codes...)
}

// Auths returns the numbers of successful and failed authentications.
func (s *Server) Auths() (ok, failed int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.authOK, s.authFail
}

// NewSession implements smtp.Backend.
func (s *Server) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{srv: s, conn: c}, nil
}

type session struct {
	srv    *Server
	conn   *smtp.Conn
	authed bool
	mech   string
	msg    Message
}

func (ss *session) AuthMechanisms() []string { return ss.srv.opts.Mechs }

func (ss *session) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		ss.srv.mu.Lock()
		defer ss.srv.mu.Unlock()
		if user != ss.srv.opts.User || pass != ss.srv.opts.Pass {
			ss.srv.authFail++
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
		}
		ss.srv.authOK++
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

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if !ss.authed {
		return smtp.ErrAuthRequired
	}
	ss.msg = Message{From: from}
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.msg.To = append(ss.msg.To, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ss.srv.mu.Lock()
	defer ss.srv.mu.Unlock()
	if len(ss.srv.reject) > 0 {
		code := ss.srv.reject[0]
		ss.srv.reject = ss.srv.reject[1:]
		return &smtp.SMTPError{Code: code, Message: "refused by the test server"}
	}
	_, ss.msg.TLS = ss.conn.TLSConnectionState()
	ss.msg.Data, ss.msg.Mech = b, ss.mech
	ss.srv.messages = append(ss.srv.messages, ss.msg)
	return nil
}

func (ss *session) Reset()        {}
func (ss *session) Logout() error { return nil }

// selfSigned makes a certificate for localhost and 127.0.0.1 valid this
// century: crypto/tls checks it against the real clock, which a test of a
// shifted clock (package clock) must not move out of its validity.
func selfSigned(tb testing.TB) (tls.Certificate, *x509.CertPool) {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC),
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:        true, BasicConstraintsValid: true,
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(c)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

// Parse reads a message back: its decoded subject and its leaf parts,
// decoded, by content type ("text/plain", "text/html") or, for
// attachments, by file name.
func Parse(tb testing.TB, data []byte) (subject string, parts map[string][]byte) {
	tb.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("message does not parse: %v", err)
	}
	if subject, err = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject")); err != nil {
		tb.Fatal(err)
	}
	parts = map[string][]byte{}
	var walk func(r io.Reader, ctype string)
	walk = func(r io.Reader, ctype string) {
		mt, params, err := mime.ParseMediaType(ctype)
		if err != nil || !strings.HasPrefix(mt, "multipart/") {
			tb.Fatalf("content type %q (%v): want a multipart", ctype, err)
		}
		mr := multipart.NewReader(r, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				tb.Fatal(err)
			}
			ct := p.Header.Get("Content-Type")
			switch {
			case strings.HasPrefix(ct, "multipart/"):
				walk(p, ct)
			case p.FileName() != "":
				b, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, p))
				if err != nil {
					tb.Fatal(err)
				}
				parts[p.FileName()] = b
			default:
				b, _ := io.ReadAll(p) // multipart decodes quoted-printable
				parts[strings.SplitN(ct, ";", 2)[0]] = b
			}
		}
	}
	walk(m.Body, m.Header.Get("Content-Type"))
	return subject, parts
}
