package hostility

import (
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

func TestMaskTopics(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Banjir lagi di Palaran, motor mogok semua #SamarindaBanjir", " lagi di Palaran, motor mogok semua #Samarinda"},
		{"rumah ulun kebanjiran, bnjir tiap hujan", "rumah ulun ,  tiap hujan"},
		{"Pemkot tolol, jalan rusak", "Pemkot tolol, jalan rusak"},
		{"anjir banjir lagi", "anjir  lagi"},
		{"#BanjirLagi di #samarinda", "#Lagi di #samarinda"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			d := normalize.Text(c.in)
			if got := maskedRaw(d, topicWords); got != c.want {
				t.Errorf("maskedRaw(%q) = %q, want %q", c.in, got, c.want)
			}
			// The linear model's features leave the topic out too.
			for _, n := range DefaultFeatures.Explain(d) {
				if strings.Contains(n.Name, "banj") || strings.Contains(n.Name, "bnj") {
					t.Errorf("feature %q of a masked word", n.Name)
				}
			}
		})
	}
}

// TestFloodComplaintsAreNotHostile checks the embedded models on flood
// posts: plain complaints are not hostile (before masking, the first two
// were tagged abusive), while an insult that mentions a flood still is.
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
		{"Pemkot tolol, tiap tahun banjir gak ada solusi, kerja apa kalian 😡", "hate"},
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
