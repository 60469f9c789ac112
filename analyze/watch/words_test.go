package watch

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// TestWordsNumbering checks that Words numbers words exactly as the
// matcher's scan does, and keeps them as written.
func TestWordsNumbering(t *testing.T) {
	for _, text := range []string{
		"Bapak Rudy Mas'ud dan Partai Harapan Nusantara, Prabowo-Gibran #PHN2029 @kel.airhitam ✌️ salam dua jari",
		"Pro-Bebaya!!! anak2 gakkk bisa ke sekolah, jalannya rusakkk 😡 https://x.co/a",
		"#2024GantiPresiden AH-SZ lanjut, kada ngalih ai",
		"",
	} {
		d := normalize.Text(text)
		var want []string
		var sc scratch
		eachDocWord(d, &sc, func(w []byte, _ string, _ wordKind, _ *normalize.Token) { want = append(want, string(w)) })
		got := Words(d)
		if len(got) != len(want) {
			t.Fatalf("%q: %d words, scan sees %d (%v)", text, len(got), len(want), want)
		}
		for i := range got {
			if got[i].Text != want[i] {
				t.Errorf("%q: word %d = %q, scan sees %q", text, i, got[i].Text, want[i])
			}
		}
	}
	ws := Words(normalize.Text("Bapak Rudy Mas'ud, Prabowo-Gibran #PHN2029"))
	var raws []string
	for _, w := range ws {
		raws = append(raws, w.Raw)
	}
	want := []string{"Bapak", "Rudy", "Mas'ud", "Prabowo", "Gibran", "#PHN2029", "PHN", "2029"}
	if len(raws) != len(want) {
		t.Fatalf("raw words %q, want %q", raws, want)
	}
	for i := range want {
		if raws[i] != want[i] {
			t.Errorf("raw word %d = %q, want %q", i, raws[i], want[i])
		}
	}
	if !ws[5].Hashtag || ws[6].Hashtag {
		t.Errorf("hashtag flags: %+v", ws)
	}
}
