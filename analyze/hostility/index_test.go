package hostility

import (
	"slices"
	"testing"
)

// TestGatesHoldTheirWords checks that no gate turns away a word of its
// sets: a gate that did would silently stop a rule.
func TestGatesHoldTheirWords(t *testing.T) {
	for _, tc := range []struct {
		name  string
		gate  *wordFilter
		sets  []map[string]bool
		words []string
	}{
		{"menace", menaceGate, []map[string]bool{dangers, traces, heldOnly, family, misfortunes}, nil},
		{"veiled", veiledGate, []map[string]bool{harmAdjectives, markWords, ruined, flatten, raidVerbs, faceMarks}, []string{fireEmoji, "tahu", "akibat", "tunggu", "rasanya"}},
		{"extortion", extortionGate, []map[string]bool{payWords, conditionals, propertyHarm}, nil},
		{"playful", playfulGate, []map[string]bool{playful}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words := slices.Clone(tc.words)
			for _, set := range tc.sets {
				words = append(words, keysOf(set)...)
			}
			for _, w := range words {
				if !tc.gate.mayHave(w) {
					t.Errorf("gate turns away %q", w)
				}
			}
		})
	}
}

// TestWordIndex checks the one-lookup index against the tables it
// stands for: the lexicon's phrases, mayTrigger's sets and anyOf's.
func TestWordIndex(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for w, ps := range lx.first {
		if got := lx.phrases(w); !slices.Equal(got, ps) {
			t.Errorf("phrases(%q): %d phrases, want %d", w, len(got), len(ps))
		}
	}
	for _, tc := range []struct {
		set map[string]bool
		bit mayBit
	}{{mayWords, mayWord}, {mouths, mayMouth}, {comparisons, mayComparison}, {ruined, mayRuined}} {
		for w, ok := range tc.set {
			if ok && lx.mayOf(w).bits&tc.bit == 0 {
				t.Errorf("mayOf(%q) lacks bit %b", w, tc.bit)
			}
		}
	}
	for s, set := range anySets {
		for w, ok := range set {
			if got := lx.infoOf(w).any&(1<<s) != 0; got != ok {
				t.Errorf("infoOf(%q).any bit %d = %v, want %v", w, s, got, ok)
			}
		}
	}
	if in := lx.infoOf("kata-yang-tidak-ada"); in != noInfo {
		t.Errorf("an unknown word has info %+v", in)
	}
}
