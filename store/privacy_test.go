package store

import (
	"strings"
	"testing"

	"github.com/dengar-id/dengar/mention"
)

func TestHandleFreeURL(t *testing.T) {
	own := []string{"budi_smd", "123456789"}
	for _, tc := range []struct {
		raw, public, restricted string
	}{
		{"https://x.com/budi_smd/status/1861234567890", "https://x.com/i/web/status/1861234567890", ""},
		{"https://twitter.com/Budi_Smd/status/1861234567890?s=20", "https://x.com/i/web/status/1861234567890", ""},
		{"https://mobile.twitter.com/someone_else/status/42/photo/1", "https://x.com/i/web/status/42", ""},
		{"https://x.com/i/web/status/42", "https://x.com/i/web/status/42", ""},
		{"https://www.youtube.com/watch?v=abcdefghijk&lc=UgxYz&ab_channel=BudiSMD", "https://www.youtube.com/watch?v=abcdefghijk&lc=UgxYz", ""},
		{"https://youtu.be/abcdefghijk", "https://www.youtube.com/watch?v=abcdefghijk", ""},
		{"https://www.youtube.com/@budi_smd", "", "https://www.youtube.com/@budi_smd"},
		{"https://www.instagram.com/p/Cx1AbC/?igsh=MTIz", "https://www.instagram.com/p/Cx1AbC/", ""},
		{"https://www.instagram.com/budi_smd/reel/Cx1AbC/", "https://www.instagram.com/reel/Cx1AbC/", ""},
		{"https://www.tiktok.com/@budi_smd/video/7301234567890123456", "https://www.tiktok.com/embed/v2/7301234567890123456", ""},
		// Facebook has no handle-free form of a profile post.
		{"https://www.facebook.com/budi_smd/posts/987", "", "https://www.facebook.com/budi_smd/posts/987"},
		{"https://www.facebook.com/permalink.php?story_fbid=987&id=123456789", "", "https://www.facebook.com/permalink.php?story_fbid=987&id=123456789"},
		// A comment under the city's page names the page, not the citizen.
		{"https://www.facebook.com/pemkotsamarinda/posts/987?comment_id=55", "https://www.facebook.com/pemkotsamarinda/posts/987?comment_id=55", ""},
		{"https://mastodon.social/@budi/110", "", "https://mastodon.social/@budi/110"},
		{"https://t.me/infosamarinda/12", "https://t.me/infosamarinda/12", ""},
		{"https://t.me/budi_smd/12", "", "https://t.me/budi_smd/12"},
		{"https://kaltimpost.example.id/berita/banjir", "https://kaltimpost.example.id/berita/banjir", ""},
		// A handle inside a longer word is not the handle.
		{"https://example.org/budi_smdx/1", "https://example.org/budi_smdx/1", ""},
		{"", "", ""},
	} {
		pub, res := HandleFreeURL(tc.raw, own)
		if pub != tc.public || res != tc.restricted {
			t.Errorf("HandleFreeURL(%q) = %q, %q; want %q, %q", tc.raw, pub, res, tc.public, tc.restricted)
		}
	}
}

func TestProtect(t *testing.T) {
	p := NewPseudonymizer("k").WithPublicAccounts(func(source, h string) bool { return h == "pemkotsamarinda" })
	m := mention.Mention{
		Source: "x", Channel: "budi_smd", URL: "https://x.com/budi_smd/status/42",
		Author: mention.Author{ID: "777", Handle: "budi_smd", Name: "Budi", Kind: mention.KindCitizen},
		Text:   "@ani_99 @pemkotsamarinda jalan rusak lagi, kata budi@mail.id. cc @budi_smd",
	}
	restricted := p.Protect(&m)
	if restricted != "" || m.URL != "https://x.com/i/web/status/42" {
		t.Errorf("url %q restricted %q", m.URL, restricted)
	}
	for _, leak := range []string{"budi_smd", "ani_99", "Budi"} {
		if strings.Contains(m.Text+m.Channel+m.URL+m.Author.ID+m.Author.Handle+m.Author.Name, leak) {
			t.Errorf("%q left in %+v", leak, m)
		}
	}
	if !strings.Contains(m.Text, "@pemkotsamarinda") || !strings.Contains(m.Text, "budi@mail.id") {
		t.Errorf("public account or e-mail address masked: %q", m.Text)
	}
	if m.Channel != m.Author.Handle || !strings.HasPrefix(m.Channel, "warga-") {
		t.Errorf("channel %q, author %q: want the author's pseudonym", m.Channel, m.Author.Handle)
	}
	if want := "@" + p.Pseudonym("x", "ani_99"); !strings.Contains(m.Text, want) {
		t.Errorf("text %q lacks %s", m.Text, want)
	}

	// A government account keeps its handle, link and own @handle.
	g := mention.Mention{Source: "facebook", URL: "https://www.facebook.com/kec.sungaipinang/posts/1",
		Author: mention.Author{ID: "kec.sungaipinang", Handle: "kec.sungaipinang", Kind: mention.KindGovernment},
		Text:   "Info dari @kec.sungaipinang untuk @warga_a"}
	if r := p.Protect(&g); r != "" || g.URL != "https://www.facebook.com/kec.sungaipinang/posts/1" || g.Author.Handle != "kec.sungaipinang" {
		t.Errorf("government post changed: %+v (restricted %q)", g, r)
	}
	if !strings.Contains(g.Text, "@kec.sungaipinang") || strings.Contains(g.Text, "warga_a") {
		t.Errorf("text %q", g.Text)
	}
}

func FuzzHandleFreeURL(f *testing.F) {
	f.Add("https://x.com/budi/status/1", "budi")
	f.Add("https://www.facebook.com/budi/posts/1", "budi")
	f.Add("::not a url @budi", "budi")
	f.Fuzz(func(t *testing.T, raw, handle string) {
		own := []string{normHandle(handle)}
		pub, res := HandleFreeURL(raw, own)
		if (pub == "") == (res == "") && strings.TrimSpace(raw) != "" {
			t.Fatalf("HandleFreeURL(%q) = %q, %q: want exactly one link", raw, pub, res)
		}
		if pub != "" && pub == strings.TrimSpace(raw) && namesAny(raw, own) {
			t.Fatalf("link %q kept although it names %q", raw, own[0])
		}
	})
}
