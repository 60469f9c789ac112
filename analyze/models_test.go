package analyze

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/emotion"
	"github.com/dengar-id/dengar/analyze/hostility"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/analyze/sentiment"
	"github.com/dengar-id/dengar/mention"
)

// TestEmbeddedModels loads every embedded model and checks that clear
// sentences (written for this test) get the obvious tags.
func TestEmbeddedModels(t *testing.T) {
	ts, err := modelTaggers()
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 3 {
		t.Fatalf("%d model taggers, want 3", len(ts))
	}
	if modelVersion() == "" {
		t.Fatal("empty model version")
	}
	// modelTaggers falls back to unmerged models when they cannot be
	// bundled, which is correct but much slower: the embedded models must
	// merge.
	if _, err := bundle(ts[0].(*sentiment.Tagger), ts[1].(*hostility.Tagger), ts[2].(*emotion.Tagger)); err != nil {
		t.Fatalf("embedded models do not merge into one bundle: %v", err)
	}
	tag := func(text string) *mention.Mention {
		m := &mention.Mention{Text: text}
		d := normalize.Text(text)
		for _, tg := range ts {
			tg.Tag(m, d)
		}
		return m
	}
	tests := []struct {
		text      string
		sentiment string
		hostility string
		threat    bool
		emotion   string
	}{
		{"pelayanan di kantor kelurahan sangat cepat dan ramah, terima kasih banyak", "positive", "none", false, ""},
		{"taman kota sekarang bersih dan indah, mantap sekali", "positive", "none", false, ""},
		{"jalan rusak parah dan banjir terus, pemerintah tidak becus", "negative", "", false, ""},
		{"pelayanannya lambat sekali, saya sangat kecewa", "negative", "none", false, ""},
		{"rapat koordinasi dilaksanakan di balai kota pada hari senin pukul sembilan", "neutral", "none", false, ""},
		// The training data labels insults aimed at a person as (weak,
		// individual) hate speech, so only "hostile and abusive" is asserted.
		{"dasar goblok tolol, otak udang kau", "negative", "!none", false, "anger"},
		{"dasar cina kafir antek asing, usir mereka semua dari negeri ini", "negative", "hate", false, ""},
		{"bunuh saja koruptor itu, bakar rumahnya", "negative", "!none", true, ""},
		{"ayo serbu kantor dprd besok, habisi mereka", "", "!none", true, ""},
		{"ikan bakar di warung ini enak sekali", "positive", "none", false, ""},
		{"aku sangat bahagia hari ini, senang sekali bisa lulus", "positive", "none", false, "happy"},
		{"aku takut sekali, khawatir terjadi apa-apa di jalan gelap itu", "", "none", false, "fear"},
		{"aku sayang kamu, cintaku selamanya untukmu", "positive", "none", false, "love"},
		{"sedih sekali ditinggal pergi, aku menangis semalaman", "negative", "none", false, "sadness"},
		{"kesal banget sama pejabat yang bohong terus, muak aku", "negative", "", false, "anger"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m := tag(tt.text)
			if m.Sentiment == nil || m.Hostility == nil || m.Emotion == nil {
				t.Fatalf("missing tags: %+v", m.Tags)
			}
			if tt.sentiment != "" && m.Sentiment.Label != tt.sentiment {
				t.Errorf("sentiment %+v, want %s", *m.Sentiment, tt.sentiment)
			}
			if s := m.Sentiment.Score; s < -1 || s > 1 {
				t.Errorf("sentiment score %v outside -1..1", s)
			}
			switch {
			case tt.hostility == "!none":
				if m.Hostility.Label == mention.HostilityNone {
					t.Errorf("hostility %+v, want abusive or hate", *m.Hostility)
				}
			case tt.hostility != "" && m.Hostility.Label != tt.hostility:
				t.Errorf("hostility %+v, want %s", *m.Hostility, tt.hostility)
			}
			if tt.hostility == "!none" && !m.Hostility.Threat && !m.Hostility.Abusive && m.Hostility.Label != mention.HostilityHate {
				t.Errorf("hostile text not marked abusive: %+v", *m.Hostility)
			}
			if m.Hostility.Threat != tt.threat {
				t.Errorf("threat = %v, want %v", m.Hostility.Threat, tt.threat)
			}
			if m.Hostility.Label == mention.HostilityHate && (m.Hostility.Target == "" || len(m.Hostility.Categories) == 0 || m.Hostility.Strength == "") {
				t.Errorf("hate without target/category/strength: %+v", *m.Hostility)
			}
			if tt.emotion != "" && m.Emotion.Label != tt.emotion {
				t.Errorf("emotion %+v, want %s", *m.Emotion, tt.emotion)
			}
			for _, c := range []float64{m.Sentiment.Confidence, m.Hostility.Confidence, m.Emotion.Confidence, m.Hostility.Score} {
				if c < 0 || c > 1 {
					t.Errorf("confidence/score %v outside 0..1", c)
				}
			}
		})
	}
}

// TestExplain checks that every model tagger explains its decisions.
func TestExplain(t *testing.T) {
	ts, err := modelTaggers()
	if err != nil {
		t.Fatal(err)
	}
	p := NewPipelineOf(ts...)
	m := &mention.Mention{Text: "pelayanan lambat sekali, dasar goblok"}
	ex := p.Explain(m, 3)
	for _, name := range []string{"sentiment", "hostility", "emotion"} {
		es, ok := ex[name]
		if !ok || len(es) == 0 {
			t.Fatalf("no explanation from %s: %v", name, ex)
		}
		for _, e := range es {
			if e.Label == "" || len(e.Features) == 0 || len(e.Features) > 3 {
				t.Errorf("%s: bad explanation %+v", name, e)
			}
		}
	}
}
