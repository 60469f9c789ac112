package hostility

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestFloodComplaintsAreNotHostile checks the embedded models on flood
// posts: plain complaints are not hostile (without the topic copies, the
// first two were tagged abusive), while an insult that mentions a flood
// still is (abusive: an insult at an institution, not hate).
func TestFloodComplaintsAreNotHostile(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, want string }{
		{"Banjir lagi di Loa Janan Ilir, motor mogok semua. Tiap hujan pasti gini 😩 #SamarindaBanjir", "none"},
		{"banjir lagi di selili, motor mogok semua. tiap hujan pasti gini 🤬 #banjirsamarinda", "none"},
		{"Banyu naik lagi di rumah ulun di Samarinda Ilir, kada tuntung-tuntung banjir ni 😤", "none"},
		{"rumah kami kebanjiran lagi, tolong pemkot segera normalisasi SKM", "none"},
		{"Pemkot tolol, tiap tahun banjir gak ada solusi, kerja apa kalian 😡", "abusive"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			var m mention.Mention
			tg.Tag(&m, normalize.Text(c.text))
			if m.Hostility.Label != c.want {
				t.Errorf("hostility = %s (score %.3f), want %s", m.Hostility.Label, m.Hostility.Score, c.want)
			}
		})
	}
}
