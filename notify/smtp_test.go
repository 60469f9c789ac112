package notify

import (
	"bytes"
	"net/mail"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dengar-id/dengar/notify/smtptest"
)

// FuzzRender checks that any subject, bodies and attachment survive the
// MIME encoding: a standard reader gets back what was sent, and nothing
// gets into the headers.
func FuzzRender(f *testing.F) {
	f.Add("Laporan — Minggu 47 ▲", "baris 1\nbaris 2 = 12,5 %", "<p>“halo”</p>", []byte("%PDF-1.3"))
	f.Add("", "", "", []byte{})
	f.Add("a\r\nBcc: x@y.z", "\r\n.\r\n", "=\n=", []byte{0, 1, 2})
	s := &SMTP{From: "Dengar <a@b.c>", To: []string{"d@e.f"}}
	f.Fuzz(func(t *testing.T, subject, text, html string, pdf []byte) {
		if !utf8.ValidString(subject) || !utf8.ValidString(text) || !utf8.ValidString(html) {
			return
		}
		for _, m := range []Mail{
			{Subject: subject, Text: text, HTML: html, Attachments: []Attachment{{Name: "r.pdf", ContentType: "application/pdf", Data: pdf}}},
			{ID: "breach:x:1|2", Subject: subject, Text: text, HTML: html},
		} {
			data, err := s.render(m, time.Unix(0, 0))
			if err != nil {
				t.Fatal(err)
			}
			if h, _ := mail.ReadMessage(bytes.NewReader(data)); h != nil && h.Header.Get("Bcc") != "" {
				t.Fatal("header injection through the subject")
			}
			subj, got := smtptest.Parse(t, data)
			norm := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n") }
			if norm(subj) != norm(strings.TrimSpace(subject)) && norm(subj) != norm(subject) {
				t.Errorf("subject %q → %q", subject, subj)
			}
			if text != "" && norm(string(got["text/plain"])) != norm(text) {
				t.Errorf("text %q → %q", text, got["text/plain"])
			}
			if html != "" && norm(string(got["text/html"])) != norm(html) {
				t.Errorf("html %q → %q", html, got["text/html"])
			}
			if len(m.Attachments) > 0 && !bytes.Equal(got["r.pdf"], pdf) {
				t.Errorf("attachment %d bytes → %d", len(pdf), len(got["r.pdf"]))
			}
		}
	})
}
