package hostility

import (
	"slices"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

func TestWithTopicCopies(t *testing.T) {
	var train []model.Example
	for i := range 1000 {
		e := model.Example{Text: "tweet nomor " + strings.Repeat("x", i%7) + " selesai"}
		if i%3 == 0 {
			e.Labels = []string{"HS", "Abusive"}
		}
		train = append(train, e)
	}
	got := withTopicCopies(train)
	if len(got) != len(train)+topicCopies {
		t.Fatalf("%d examples, want %d", len(got), len(train)+topicCopies)
	}
	if !slices.EqualFunc(got[:len(train)], train, func(a, b model.Example) bool { return a.Text == b.Text }) {
		t.Fatal("the original examples changed")
	}
	for _, e := range got[len(train):] {
		if len(e.Labels) != 0 || !slices.Contains(strings.Fields(e.Text), "banjir") {
			t.Fatalf("copy %q with labels %v: want a clean tweet with the topic word", e.Text, e.Labels)
		}
	}
	again := withTopicCopies(train)
	if !slices.EqualFunc(got, again, func(a, b model.Example) bool { return a.Text == b.Text }) {
		t.Error("copies differ between runs")
	}
}

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
