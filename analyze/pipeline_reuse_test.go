package analyze

import (
	"encoding/json"
	"testing"

	"github.com/dengar-id/dengar/mention"
)

// TestTagReusesDocs checks that a mention's tags do not depend on the
// mentions tagged before it (Tag reuses its normalised documents): each
// mention is tagged after every other one, in both orders, and must get
// the tags it got first.
func TestTagReusesDocs(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		title string
		text  string
	}{
		{"praise", "", "Alhamdulillah jalan di Sempaja sudah diaspal, terima kasih Pemkot Samarinda 🙏"},
		{"complaint with title", "Banjir lagi", "banjir lagi di simpang lembuswana, kapan pemerintah serius tangani drainase??? 😡"},
		{"Banjar", "", "kada nyaman banar jalan di loa janan ni, lubang di mana-mana"},
		{"abusive", "", "dasar pejabat goblok, kerjanya cuma pencitraan doang"},
		{"threat", "", "bunuh saja koruptor yang makan dana bansos itu!"},
		{"short", "", "ok"},
	}
	tag := func(title, text string) string {
		m := mention.Mention{Title: title, Text: text}
		p.Tag(&m)
		b, err := json.Marshal(m.Tags)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first := make([]string, len(tests))
	for i, tt := range tests {
		first[i] = tag(tt.title, tt.text)
	}
	for _, order := range [][]int{{5, 4, 3, 2, 1, 0}, {0, 2, 4, 1, 3, 5}} {
		for _, i := range order {
			tt := tests[i]
			t.Run(tt.name, func(t *testing.T) {
				if got := tag(tt.title, tt.text); got != first[i] {
					t.Errorf("tags after other mentions:\n%s\nwant (first tagged):\n%s", got, first[i])
				}
			})
		}
	}
}
