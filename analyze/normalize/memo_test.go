package normalize

import (
	"fmt"
	"strings"
	"testing"
)

// TestFrontMemo checks that the front memo of baseEntry returns what the
// lexicon says (base form, entry and wordInfo), whether a word is met for the first time or again after
// other words took its slot (more words than slots), for known words,
// repaired spellings, unknown words and words too long to be kept.
func TestFrontMemo(t *testing.T) {
	lx := loadLexicon()
	words := []string{"jalan", "mantaaap", "b4ngs4t", "wkwkwk", "gak", "kerenn", "anak2", "xyzzyq",
		"pembangunanpembangunanpembangunan", "samarinda", "kada", "bubuhan", "ulun"}
	for i := 0; i < 3*frontSize; i++ {
		words = append(words, fmt.Sprintf("kata%d", i))
	}
	sc := new(scratch)
	ref := new(scratch)
	for round := 0; round < 2; round++ {
		for _, w := range words {
			gb, ge, gi := sc.baseEntry(lx, w)
			wb, we := ref.baseEntrySlow(lx, w)
			wi := lx.infoOf(wb, we)
			if gb != wb || ge != we || gi != wi {
				t.Fatalf("round %d: baseEntry(%q) = %q %p %+v, want %q %p %+v", round, w, gb, ge, gi, wb, we, wi)
			}
		}
	}
}

// TestUnmappedMemo checks that mapEntry gives the same answer before and
// after it memoised that a word maps to nothing, in and outside Banjar
// texts.
func TestUnmappedMemo(t *testing.T) {
	lx := loadLexicon()
	for _, w := range []string{"jalan", "temennya", "anak2", "kada", "nyaman", "rumahnya", "berkali-kali"} {
		e := lx.words[w]
		for _, bjn := range []bool{false, true} {
			n1, _, b1 := lx.mapEntry(w, e, bjn)
			n2, _, b2 := lx.mapEntry(w, e, bjn)
			d1, db := lx.mapDerived(w, bjn)
			if fmt.Sprint(n1) != fmt.Sprint(n2) || b1 != b2 {
				t.Errorf("mapEntry(%q, %v): %v %v then %v %v", w, bjn, n1, b1, n2, b2)
			}
			if e != nil && e.slang == nil && e.banjar == nil && (fmt.Sprint(n1) != fmt.Sprint(d1) || b1 != db) {
				t.Errorf("mapEntry(%q, %v) = %v %v, derived %v %v", w, bjn, n1, b1, d1, db)
			}
		}
	}
}

// TestLowerBaseEntry checks that lowerBaseEntry answers as baseEntry of
// the lower-cased word, on a first meeting and from the front memo, for
// the word met first in lower case or capitalised.
func TestLowerBaseEntry(t *testing.T) {
	lx := loadLexicon()
	tests := []struct {
		name string
		raw  string
	}{
		{"lower known", "jalan"},
		{"capitalised known", "Jalan"},
		{"upper known", "SAMARINDA"},
		{"capitalised slang", "Gak"},
		{"capitalised elongation", "Mantaaap"},
		{"capitalised leet", "B4ngs4t"},
		{"capitalised unknown", "Xyzzyq"},
		{"capitalised Banjar cue", "Kada"},
		{"non-ASCII", "Ĳzer"},
		{"too long for the memo", "PembangunanPembangunanPembangunan"},
		{"laughter", "WKWKWK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := new(scratch)
			wb, we := ref.baseEntrySlow(lx, strings.ToLower(tt.raw))
			wi := lx.infoOf(wb, we)
			for _, first := range []string{tt.raw, strings.ToLower(tt.raw)} {
				sc := new(scratch)
				sc.baseEntry(lx, "awal") // the memo exists
				sc.lowerBaseEntry(lx, first)
				for round := range 2 {
					gb, ge, gi := sc.lowerBaseEntry(lx, tt.raw)
					if gb != wb || ge != we || gi != wi {
						t.Fatalf("after %q, round %d: lowerBaseEntry(%q) = %q %p %+v, want %q %p %+v",
							first, round, tt.raw, gb, ge, gi, wb, we, wi)
					}
				}
			}
		})
	}
}
