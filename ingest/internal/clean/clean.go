// Package clean turns platform text (HTML fragments, oversized bodies)
// into what a mention carries.
package clean

import (
	"crypto/sha256"
	"encoding/hex"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/dengar-id/dengar/mention"
)

// StripHTML removes tags, unescapes entities and collapses whitespace.
// Block tags (<br>, <p>, <div>, <li>, headings…) become spaces so words do
// not run together; inline tags (<a>, <span>, <b>) vanish.
func StripHTML(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b, tag strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<' && !in:
			in = true
			tag.Reset()
		case r == '>' && in:
			in = false
			if isBlock(tag.String()) {
				b.WriteByte(' ')
			}
		case in:
			if tag.Len() < 16 {
				tag.WriteRune(r)
			}
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

func isBlock(tag string) bool {
	name := strings.ToLower(strings.TrimLeft(tag, "/"))
	if i := strings.IndexAny(name, " \t\n/"); i >= 0 {
		name = name[:i]
	}
	switch name {
	case "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer":
		return true
	}
	return false
}

// Truncate cuts s to at most mention.MaxTextBytes bytes on a rune boundary.
func Truncate(s string) string { return TruncateTo(s, mention.MaxTextBytes) }

// TruncateTo cuts s to at most n bytes on a rune boundary.
func TruncateTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Hash returns a short stable hex id for a long native key (a URL).
func Hash(parts ...string) string {
	h := sha256.New()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
