package alert

import (
	"fmt"
	"math/bits"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/store"
)

func TestBuzzerSignal(t *testing.T) {
	cfg := Config{}
	cfg.Defaults()
	at := time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)
	var ms []store.AlertMention
	script := "Terowongan Samarinda proyek gagal total, walikota harus mundur sekarang juga"
	// 12 new, low-follower accounts post the script with small edits
	// within 8 minutes
	for i := 0; i < 12; i++ {
		ms = append(ms, store.AlertMention{
			ID: fmt.Sprintf("x:b%d", i), AuthorHandle: fmt.Sprintf("warga-b%02d", i), AuthorKind: "citizen",
			AuthorFollowers: int64(i), AuthorCreatedAt: at.AddDate(0, 0, -5),
			Text:     script + []string{"", "!!", " #SaveSamarinda", " 😡😡"}[i%4],
			PostedAt: at.Add(time.Duration(i*40) * time.Second),
		})
	}
	// 12 ordinary accounts write their own words
	for i := 0; i < 12; i++ {
		ms = append(ms, store.AlertMention{
			ID: fmt.Sprintf("x:o%d", i), AuthorHandle: fmt.Sprintf("warga-o%02d", i), AuthorKind: "citizen",
			AuthorFollowers: 500 + int64(i), AuthorCreatedAt: at.AddDate(-5, 0, 0),
			Text:     fmt.Sprintf("pendapat saya nomor %d: %s", i, strings.Repeat([]string{"jalan rusak ", "banjir lagi ", "pasar kumuh "}[i%3], 1+i%4)),
			PostedAt: at.Add(time.Duration(i) * time.Minute),
		})
	}
	// the same script, but from old well-followed accounts and an hour
	// apart: not a buzzer pattern
	for i := 0; i < 3; i++ {
		ms = append(ms, store.AlertMention{
			ID: fmt.Sprintf("x:s%d", i), AuthorHandle: fmt.Sprintf("warga-s%d", i), AuthorKind: "citizen",
			AuthorFollowers: 900, AuthorCreatedAt: at.AddDate(-3, 0, 0), Text: script, PostedAt: at.Add(time.Duration(2+i) * time.Hour),
		})
	}
	b := buzzer(&cfg, ms)
	if b.Mentions != 12 || b.Accounts != 12 || b.Clusters != 1 {
		t.Errorf("buzzer %+v, want the 12 scripted posts in one cluster", b)
	}
	if want := 12.0 / 27; b.Share < want-1e-9 || b.Share > want+1e-9 {
		t.Errorf("share %v, want %v", b.Share, want)
	}
	if !strings.HasPrefix(b.Script, "Terowongan Samarinda proyek gagal") {
		t.Errorf("script %q", b.Script)
	}
	if b := buzzer(&cfg, ms[12:]); b.Mentions != 0 || b.Share != 0 {
		t.Errorf("organic posts flagged: %+v", b)
	}
	x := explainMentions(&cfg, nil, ms)
	if len(x.Examples) != 5 {
		t.Fatalf("%d examples, want 5", len(x.Examples))
	}
	seen := map[string]bool{}
	scripted := 0
	for _, e := range x.Examples {
		if seen[e.Author] {
			t.Errorf("two examples from %s", e.Author)
		}
		seen[e.Author] = true
		if strings.HasPrefix(e.Text, "Terowongan Samarinda proyek") {
			scripted++
		}
	}
	if scripted > 1 {
		t.Errorf("%d near-identical examples, want at most one", scripted)
	}
	if len(x.TopHashtags) == 0 || x.TopHashtags[0].Value != "#savesamarinda" {
		t.Errorf("hashtags %v", x.TopHashtags)
	}
}

func TestTokens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Jalan RUSAKKK parahhh!! #SaveSamarinda @pemkot_smd https://t.co/x", "jalan rusakk parahh #savesamarinda @pemkot_smd"},
		{"banjir lagi... di Sungai-Pinang 😡", "banjir lagi di sungai-pinang"},
		{"", ""},
	} {
		if got := strings.Join(tokens(tc.in), " "); got != tc.want {
			t.Errorf("tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	a := simhash("Terowongan Samarinda proyek gagal total, walikota harus mundur")
	b := simhash("Terowongan Samarinda proyek gagal total, walikota harus mundur!!")
	c := simhash("Pasar Pagi sudah bersih dan rapi, pedagang senang sekali")
	if d := bits.OnesCount64(a ^ b); d > nearDup {
		t.Errorf("near-identical texts at distance %d", d)
	}
	if d := bits.OnesCount64(a ^ c); d <= nearDup {
		t.Errorf("different texts at distance %d", d)
	}
}

func FuzzExplain(f *testing.F) {
	for _, s := range []string{"Jalan rusak #banjir", "@@@###", "\xff\xfe", "https://x", strings.Repeat("a", 300)} {
		f.Add(s, int64(10))
	}
	cfg := Config{}
	cfg.Defaults()
	f.Fuzz(func(t *testing.T, text string, followers int64) {
		ms := []store.AlertMention{
			{ID: "a", Text: text, AuthorFollowers: followers, AuthorHandle: "a"},
			{ID: "b", Text: text, AuthorFollowers: followers, AuthorHandle: "b"},
			{ID: "c", Text: text + "!", AuthorFollowers: followers, AuthorHandle: "c"},
		}
		x := explainMentions(&cfg, nil, ms)
		if x.Buzzer.Share < 0 || x.Buzzer.Share > 1 || len(x.Examples) > 5 {
			t.Fatalf("explanation %+v", x)
		}
		a := Alert{Family: FamilyHostile, Severity: SeverityHigh, Explanation: x, Signals: []string{SignalCount}}
		m := Render(&Event{Type: EventOpened, Alert: a}, "d")
		if m.Text == "" || m.HTML == "" {
			t.Fatal("empty render")
		}
	})
}
