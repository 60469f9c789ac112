package sentiment

import (
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestHealthRules checks the health frame (health.go): each class it
// decides, and the hard negatives it must leave to the model or to the
// other rules.
func TestHealthRules(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, label, rule string // rule "": no health rule may decide
	}{
		// hope and encouragement about a campaign
		{"alhamdulillah anak saya sudah lengkap imunisasinya, semoga sehat terus", "positive", ""},
		{"ayo warga Sempaja, ikut vaksinasi booster di kelurahan, gratis", "positive", RuleHealthHope},
		// reassurance by a near denial
		{"disuntik vaksin HPV kemarin nggak sakit sama sekali", "positive", RuleHealthHope},
		// a side effect felt, fear, a service complaint, a death: harm
		{"pegal banget lengan kiri habis vaksin, demam juga dari semalam", "negative", RuleHealthHarm},
		{"antre di puskesmas dari subuh, vaksinnya kehabisan", "negative", RuleHealthHarm},
		{"dua warga meninggal karena DBD di Loa Janan", "negative", RuleHealthHarm},
		// the topic's negative words read as the topic
		{"yang belum dapat vaksin dosis kedua tidak perlu ulang dari awal, tinggal lanjut saja", "neutral", RuleHealthTopic},
		{"virus dengue tidak menular lewat udara, nyamuk Aedes yang membawanya", "neutral", RuleHealthTopic},
		// hard negatives: a denial far from the fear is no reassurance
		{"nggak pernah disuntik dari kecil, jadi deg-degan mau vaksin besok", "", "!" + RuleHealthHope},
		// advice under a condition is no harm felt
		{"lapor ke puskesmas bila anak demam tinggi setelah imunisasi", "", "!" + RuleHealthHarm},
		// a hospital review is the model's: rumah sakit is a place, not a pain
		{"pelayanan rumah sakit ini sangat memuaskan, dokternya ramah", "positive", ""},
		{"kamar rumah sakit kotor dan perawatnya jutek", "negative", ""},
		// no health word: the frame stays out
		{"jalan di depan rumah rusak parah sudah setahun", "negative", ""},
	} {
		t.Run(c.text, func(t *testing.T) {
			d := normalize.Text(c.text)
			var m mention.Mention
			tg.Tag(&m, d)
			if c.label != "" && m.Sentiment.Label != c.label {
				t.Errorf("label %s, want %s", m.Sentiment.Label, c.label)
			}
			got := ""
			if f := tg.Explain(d, 3)[0].Features; len(f) > 0 && strings.HasPrefix(f[0].Feature, "rule:health") {
				got = f[0].Feature
			}
			switch {
			case strings.HasPrefix(c.rule, "!"):
				if strings.HasPrefix(got, c.rule[1:]+" ") {
					t.Errorf("explain names %q, want not %s", got, c.rule[1:])
				}
			case c.rule == "" && got != "" || c.rule != "" && !strings.HasPrefix(got, c.rule+" "):
				t.Errorf("explain names %q, want rule %q", got, c.rule)
			}
		})
	}
}

// TestDeniedNear pins the reach of a reassuring denial: one or two words.
func TestDeniedNear(t *testing.T) {
	for _, c := range []struct {
		text string
		word string
		want bool
	}{
		{"tidak sakit", "sakit", true},
		{"tidak ada efek", "efek", true},
		{"tidak pernah disuntik jadi takut", "takut", false},
		{"sakit", "sakit", false},
	} {
		toks := normalize.Text(c.text).Tokens
		i := len(toks) - 1
		for i >= 0 && toks[i].Norm != c.word {
			i--
		}
		if i < 0 {
			t.Fatalf("%q: no token %q", c.text, c.word)
		}
		if got := deniedNear(toks, i); got != c.want {
			t.Errorf("%q: deniedNear(%s) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}

// BenchmarkHealth measures the health frame's pass alone over the
// Samarinda health posts (one map look-up a word).
func BenchmarkHealth(b *testing.B) {
	ex, err := dataset.ReadFile("testdata/samarinda_health.jsonl", dataset.FormatSentimentJSONL)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*normalize.Doc, len(ex))
	for i, e := range ex {
		docs[i] = normalize.Text(e.Text)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		decideHealth(docs[i%len(docs)], mentionNegative, 0.5, false)
	}
}

// TestHealthFilters checks that the filters in front of healthWords and
// healthHead never turn away a key, and say what the maps say for others.
func TestHealthFilters(t *testing.T) {
	for w, f := range healthWords {
		if got := healthWord(w); got != f {
			t.Errorf("healthWord(%q) = %d, want %d", w, got, f)
		}
	}
	for w := range healthHead {
		if !isHealthHead(w) {
			t.Errorf("isHealthHead(%q) = false, want true", w)
		}
	}
	tests := []struct {
		w    string
		word uint16
		head bool
	}{
		{"", 0, false},
		{"vaksin", hTopic, false},
		{"rumah", 0, true},
		{"rumah_sakit", hPlace, false},
		{"pelayanan", 0, false},
		{"vaksinx", 0, false},
		{"demam", hSymptom, true}, // "demam tinggi" and the like
	}
	for _, tt := range tests {
		if got := healthWord(tt.w); got != tt.word || got != healthWords[tt.w] {
			t.Errorf("healthWord(%q) = %d, want %d (map: %d)", tt.w, got, tt.word, healthWords[tt.w])
		}
		if got := isHealthHead(tt.w); got != tt.head || got != healthHead[tt.w] {
			t.Errorf("isHealthHead(%q) = %v, want %v", tt.w, got, tt.head)
		}
	}
}
