package mention

import (
	"strings"
	"testing"
)

func TestCueRoundTrip(t *testing.T) {
	for _, c := range []Cue{
		{Rule: "mobilisation", Text: "titik kumpul … kampanye akbar", Actor: "rudy-seno"},
		{Rule: "neutral", Text: "ASN wajib netral"},
		{Rule: "support-call", Text: `coblos "nomor 2"`, Actor: "ballot-2"},
		{Rule: "party-service", Text: "Partai Harapan Nusantara hadir untuk rakyat", Actor: "unlisted:partai-harapan-nusantara"},
	} {
		s := c.String()
		got, err := ParseCue(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		want := c
		want.Text = strings.ReplaceAll(want.Text, `"`, `'`)
		if got != want {
			t.Errorf("ParseCue(%q) = %+v, want %+v", s, got, want)
		}
	}
	if got := (Cue{Rule: "hand-sign", Text: "salam dua jari", Actor: "prabowo-gibran"}).String(); got != `hand-sign: "salam dua jari" → prabowo-gibran` {
		t.Errorf("String = %q", got)
	}
}

func TestParseCueErrors(t *testing.T) {
	for _, s := range []string{"", "support:coblos", `: "x"`, `rule: "open`, `rule: "x" -> a`, `rule: "x" → `} {
		if _, err := ParseCue(s); err == nil {
			t.Errorf("ParseCue(%q): no error", s)
		}
	}
}

func TestCueRulesHaveLabels(t *testing.T) {
	for id, label := range CueRules {
		if id == "" || label == "" || strings.ContainsAny(id, ` :"`) {
			t.Errorf("rule %q label %q", id, label)
		}
	}
}

// FuzzParseCue: any input either fails to parse or gives a cue whose
// rendering reads back to the same cue.
func FuzzParseCue(f *testing.F) {
	f.Add(`mobilisation: "titik kumpul … kampanye akbar" → rudy-seno`)
	f.Add(`neutral: "ASN wajib netral"`)
	f.Add(`x: "a" → `)
	f.Add(`: ""`)
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCue(s)
		if err != nil {
			return
		}
		again, err := ParseCue(c.String())
		if err != nil || again != c {
			t.Fatalf("ParseCue(%q) = %+v; its rendering %q reads back as %+v, %v", s, c, c.String(), again, err)
		}
	})
}
