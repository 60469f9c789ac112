package normalize

import (
	"fmt"
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
