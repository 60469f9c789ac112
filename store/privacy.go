package store

// The privacy policy of stored mentions: citizen handles never leave the
// sink in clear (README.md, Privasi).
//
//   - The author of a citizen (or unknown) account is pseudonymised
//     (Pseudonymizer.Apply): id and handle become warga-…, the name goes.
//   - The post's link is rewritten to a form without the handle where the
//     platform has one (X /i/web/status/ID, YouTube watch?v=…&lc=…,
//     Instagram /p/CODE/); a link that still names the citizen (a Facebook
//     profile post, a Mastodon or TikTok /@handle link, a Telegram channel
//     of its own) is moved to the restricted column restricted_url and url
//     stays empty. The report, the dashboards, the review queue and the
//     exports read url only; restricted_url is read only where an
//     authorised option asks for it (report weekly --original-links,
//     labels queue --original-links).
//   - A channel that is the citizen's own handle becomes the pseudonym.
//   - @handles in the title and text become @warga-… pseudonyms, except
//     the registered accounts (government, media, public admins) and the
//     author's own handle when the author is one of them.

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/dengar-id/dengar/mention"
)

// PublicAccounts says whether a handle on a source is a registered public
// account (government, media, public admin), which stays named.
type PublicAccounts func(source, handle string) bool

// WithPublicAccounts returns p with the registry of public accounts whose
// @handles stay in clear in texts.
func (p *Pseudonymizer) WithPublicAccounts(public PublicAccounts) *Pseudonymizer {
	q := *p
	q.public = public
	return &q
}

// pseudonymised says whether an author of kind is stored under a pseudonym.
func pseudonymised(kind string) bool {
	switch kind {
	case mention.KindGovernment, mention.KindMedia, mention.KindPublicAdmin:
		return false
	}
	return true
}

// Protect applies the privacy policy to m in place (the author, the link,
// the channel and the @handles of the text) and returns the original link
// when it cannot be shown without a citizen's handle (for restricted_url),
// else "".
func (p *Pseudonymizer) Protect(m *mention.Mention) (restricted string) {
	citizen := pseudonymised(m.Author.Kind)
	var own []string
	if citizen {
		for _, s := range []string{m.Author.Handle, m.Author.ID} {
			if s = normHandle(s); s != "" {
				own = append(own, s)
			}
		}
		var pub string
		pub, restricted = HandleFreeURL(m.URL, own)
		m.URL = pub
		if c := normHandle(m.Channel); c != "" && slices.Contains(own, c) {
			m.Channel = p.Pseudonym(m.Source, authorKey(m.Author))
		}
	}
	keep := func(h string) bool {
		h = normHandle(h)
		if !citizen && (h == normHandle(m.Author.Handle) || h == normHandle(m.Author.ID)) {
			return true
		}
		return p.public != nil && p.public(m.Source, h)
	}
	m.Title = p.maskHandles(m.Source, m.Title, keep)
	m.Text = p.maskHandles(m.Source, m.Text, keep)
	p.Apply(m.Source, &m.Author)
	return restricted
}

func normHandle(s string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "@"))
}

// atHandle is an @handle in running text: not inside a word or an e-mail
// address (the character before it is not a letter, digit, dot or @).
var atHandle = regexp.MustCompile(`(^|[^\p{L}\p{N}_.@/])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,48}[\p{L}\p{N}_])?)`)

// maskHandles replaces the @handles of s that keep does not keep by the
// handle's pseudonym on source.
func (p *Pseudonymizer) maskHandles(source, s string, keep func(string) bool) string {
	if !strings.Contains(s, "@") {
		return s
	}
	return atHandle.ReplaceAllStringFunc(s, func(match string) string {
		sub := atHandle.FindStringSubmatch(match)
		pre, h := sub[1], sub[2]
		if keep(h) || strings.HasPrefix(strings.ToLower(h), "warga-") {
			return match
		}
		return pre + "@" + p.Pseudonym(source, h)
	})
}

// HandleFreeURL returns the link to show for a post by a citizen whose
// handles and ids (lower case) are own: the platform's link without a
// handle when it has one, else raw when it does not name the citizen. When
// no such form exists, public is "" and restricted is raw.
func HandleFreeURL(raw string, own []string) (public, restricted string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		if namesAny(raw, own) {
			return "", raw
		}
		return raw, ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.")
	host = strings.TrimPrefix(host, "mobile.")
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	switch host {
	case "x.com", "twitter.com":
		// /<handle>/status/<id>, /i/web/status/<id>
		for i := 0; i+1 < len(segs); i++ {
			if (segs[i] == "status" || segs[i] == "statuses") && digits(segs[i+1]) {
				return "https://x.com/i/web/status/" + segs[i+1], ""
			}
		}
	case "youtube.com":
		if v := u.Query().Get("v"); u.Path == "/watch" && v != "" {
			out := "https://www.youtube.com/watch?v=" + url.QueryEscape(v)
			if lc := u.Query().Get("lc"); lc != "" {
				out += "&lc=" + url.QueryEscape(lc)
			}
			return out, ""
		}
		if len(segs) == 2 && (segs[0] == "shorts" || segs[0] == "live") {
			return "https://www.youtube.com/" + segs[0] + "/" + url.PathEscape(segs[1]), ""
		}
	case "youtu.be":
		if len(segs) == 1 {
			return "https://www.youtube.com/watch?v=" + url.QueryEscape(segs[0]), ""
		}
	case "instagram.com":
		// /p/CODE/, /reel/CODE/, /tv/CODE/, also under /<handle>/p/CODE/
		for i := 0; i+1 < len(segs); i++ {
			if segs[i] == "p" || segs[i] == "reel" || segs[i] == "tv" {
				return "https://www.instagram.com/" + segs[i] + "/" + url.PathEscape(segs[i+1]) + "/", ""
			}
		}
	case "tiktok.com":
		// /@handle/video/<id> opens as /video/<id>? Not documented: only
		// the embed player is handle-free.
		for i := 0; i+1 < len(segs); i++ {
			if segs[i] == "video" && digits(segs[i+1]) {
				return "https://www.tiktok.com/embed/v2/" + segs[i+1], ""
			}
		}
	}
	if namesAny(raw, own) || atSegment(segs) {
		return "", raw
	}
	return raw, ""
}

// namesAny says whether raw holds one of the handles or ids as a whole
// path segment, query value or @name (case-insensitive).
func namesAny(raw string, own []string) bool {
	if len(own) == 0 {
		return false
	}
	l := strings.ToLower(raw)
	for _, h := range own {
		if len(h) < 2 {
			continue
		}
		for i := 0; ; {
			j := strings.Index(l[i:], h)
			if j < 0 {
				break
			}
			j += i
			before, after := byte('/'), byte('/')
			if j > 0 {
				before = l[j-1]
			}
			if k := j + len(h); k < len(l) {
				after = l[k]
			}
			if !wordByte(before) && !wordByte(after) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

func wordByte(b byte) bool {
	return b == '_' || b == '.' || b == '-' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || b >= 0x80
}

// atSegment says whether a path names an account as /@name (Mastodon,
// TikTok, YouTube, Threads…): a citizen's link there names a person.
func atSegment(segs []string) bool {
	for _, s := range segs {
		if strings.HasPrefix(s, "@") || strings.HasPrefix(s, "%40") {
			return true
		}
	}
	return false
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Links says which link of a post a reader gets.
type Links int

// The links a reader may get: the public one (url, without citizen
// handles) or, for authorised use, the original where no public one
// exists (restricted_url).
const (
	PublicLinks Links = iota
	OriginalLinks
)

// urlCol is the url column of a Read for links l.
func (l Links) urlCol() string {
	if l == OriginalLinks {
		return "if(url = '', restricted_url, url) AS url"
	}
	return "url"
}

// linksOf is the first of ls, PublicLinks without one.
func linksOf(ls []Links) Links {
	if len(ls) > 0 {
		return ls[0]
	}
	return PublicLinks
}
