package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// TestRoleTable checks the hashed role table against the role map: every
// word's roles, and none for words outside it.
func TestRoleTable(t *testing.T) {
	for w, r := range roles {
		if got := roleTab.lookup(hashStr(seedUni, w), w); got != r {
			t.Errorf("roles of %q: %d, want %d", w, got, r)
		}
	}
	for _, w := range []string{"jalan", "banjir2", "tidakk", "", "x", "pemkot", "bagusss"} {
		if got := roleTab.lookup(hashStr(seedUni, w), w); got != roles[w] {
			t.Errorf("roles of %q: %d, want %d", w, got, roles[w])
		}
	}
}

// TestRawFormOf checks the shortcuts of rawFormOf against rawForm.
func TestRawFormOf(t *testing.T) {
	for _, tc := range []struct{ raw, norm string }{
		{"jalan", "jalan"},
		{"Jalan", "jalan"},
		{"JALAN", "jalan"},
		{"Jalan!", "jalan!"},
		{"gak", "tidak"},
		{"Gak", "tidak"},
		{"Ému", "ému"},
		{"kerja-", "kerja-"},
		{"KERJA-", "kerja"},
		{"(Bagus)", "bagus"},
		{"b4ngs4t", "bangsat"},
		{"Samarinda", "samarinda"},
		{"SamarInda", "samarinda"},
		{"@Pemkot", "@pemkot"},
	} {
		_, core, _ := trimPunct(tc.norm)
		if got, want := rawFormOf(tc.raw, tc.norm, core), rawForm(tc.raw); got != want {
			t.Errorf("rawFormOf(%q, %q) = %q, want %q", tc.raw, tc.norm, got, want)
		}
	}
}

// TestTrimPunct pins trimPunct on words with and without punctuation
// (its fast path takes the plain ASCII words).
func TestTrimPunct(t *testing.T) {
	for _, tc := range []struct{ in, lead, core, trail string }{
		{"jalan", "", "jalan", ""},
		{"jalan!!", "", "jalan", "!!"},
		{"...ok", "...", "ok", ""},
		{"kerja-", "", "kerja", ""},
		{"ému", "", "ému", ""},
		{"", "", "", ""},
		{"#samarinda", "", "#samarinda", ""},
	} {
		lead, core, trail := trimPunct(tc.in)
		if lead != tc.lead || core != tc.core || trail != tc.trail {
			t.Errorf("trimPunct(%q) = %q %q %q, want %q %q %q", tc.in, lead, core, trail, tc.lead, tc.core, tc.trail)
		}
	}
}

// TestRoleTableInline checks that the shipped role words fit the inline
// keys (else every lookup would take the map).
func TestRoleTableInline(t *testing.T) {
	if roleTab.m != nil {
		t.Errorf("role table fell back to its map: a word is longer than %d bytes", len(roleKey{}.w))
	}
}

// TestCharGramsFast checks the in-place char n-grams (the unrolled 3–5
// range and the general loop) against the loop that also names them.
func TestCharGramsFast(t *testing.T) {
	for _, r := range [][2]int{{3, 5}, {1, 3}, {2, 4}, {3, 3}, {4, 6}} {
		for _, signed := range []bool{true, false} {
			f := Features{Bits: 19, CharMin: r[0], CharMax: r[1], Signed: signed}
			for _, w := range []string{"<a>", "<ok>", "<abc>", "<abcd>", "<jalan>", "<pembangunan>", "<é>", " banjir lagi "} {
				var fast, slow Vec
				var names []FeatureName
				f.charGrams(&fast, []byte(w), nil)
				f.charGrams(&slow, []byte(w), &names)
				if len(fast.Idx) != len(slow.Idx) {
					t.Fatalf("%v signed=%v %q: %d grams, want %d", r, signed, w, len(fast.Idx), len(slow.Idx))
				}
				for i := range fast.Idx {
					if fast.Idx[i] != slow.Idx[i] || fast.Val[i] != slow.Val[i] {
						t.Fatalf("%v signed=%v %q: gram %d (%s) = %d %v, want %d %v", r, signed, w, i, names[i].Name, fast.Idx[i], fast.Val[i], slow.Idx[i], slow.Val[i])
					}
				}
			}
		}
	}
}

// TestRawGramsFast checks the in-place raw-text features against the
// named ones (same buckets in the same order), for several n-gram ranges.
func TestRawGramsFast(t *testing.T) {
	long := strings.Repeat("x", maxPaddedChunk-2)
	for _, r := range [][2]int{{3, 5}, {2, 5}, {1, 4}, {2, 2}, {4, 3}} {
		f := TFIDFFeatures(18, r[0], r[1])
		for _, s := range []string{"Banjir LAGI di Sempaja!!", "a", "", "ab abc abcd", "wkwk 😡 mantaaap", "Ému b4ngs4t",
			long, long + "y", "pembangunanpembangunanpembangunanpembangunanpembangunanpembangunanpembangunan"} {
			var v Vec
			v.raw = s
			f.extractRawGroups(&v)
			names := f.rawNames(s)
			if len(names) != len(v.Idx) {
				t.Fatalf("%v %q: %d features, want %d", r, s, len(v.Idx), len(names))
			}
			for i, n := range names {
				if v.Idx[i] != n.Bucket {
					t.Fatalf("%v %q: feature %d (%s) in bucket %d, want %d", r, s, i, n.Name, v.Idx[i], n.Bucket)
				}
			}
		}
	}
}

// TestRawGramsSigns checks the in-place raw-text features, bucket and
// sign, against the hashes the named loop hands out, for signed and
// unsigned features over the shipped and other n-gram ranges.
func TestRawGramsSigns(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi int
		signed bool
	}{
		{"shipped 2–5 signed", 2, 5, true},
		{"2–5 unsigned", 2, 5, false},
		{"3–5 signed", 3, 5, true},
		{"1–4 signed", 1, 4, true},
	}
	texts := []string{"Banjir LAGI di Sempaja!!", "ab abc abcd", "wkwk 😡 mantaaap", strings.Repeat("z", maxPaddedChunk), "a"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := TFIDFFeatures(19, tt.lo, tt.hi)
			f.Signed = tt.signed
			for _, s := range texts {
				v := Vec{raw: s}
				f.extractRawGroups(&v)
				var want Vec
				want.raw = s
				f.extractRaw(&want, func(h uint64, _ string) {
					want.Idx = append(want.Idx, f.bucket(h))
					want.Val = append(want.Val, f.sign(h))
				}, true)
				if !slices.Equal(v.Idx, want.Idx) || !slices.Equal(v.Val, want.Val) {
					t.Errorf("%q: features %v %v, want %v %v", s, v.Idx, v.Val, want.Idx, want.Val)
				}
			}
		})
	}
}

// TestPairsFast checks the pair group written without names against the
// named loop: the same buckets in the same order, and the signs the
// pairs' hashes give.
func TestPairsFast(t *testing.T) {
	tests := []struct {
		name string
		f    Features
		in   string
	}{
		{"shipped", SharedFeatures, "gubernur sekarang makin tolol, jalan rusak parah di sempaja"},
		{"shipped, repeated words", SharedFeatures, "banjir banjir lagi, banjir terus tiap hujan deras"},
		{"unsigned", Features{Bits: 16, Pairs: 20, PairWeight: 1}, "pelayanan disdukcapil lambat sekali, antri dari pagi"},
		{"capped", Features{Bits: 16, Pairs: 3, PairWeight: 1, Signed: true}, "satu dua tiga empat lima enam"},
		{"one word", Features{Bits: 16, Pairs: 20, PairWeight: 1, Signed: true}, "mantap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := normalize.Text(tt.in)
			var fast, slow Vec
			tt.f.Extract(d, &fast)
			slow.terms = appendTerms(slow.terms, d)
			var names []FeatureName
			tt.f.extract(&slow, &names)
			if !slices.Equal(fast.Idx, slow.Idx) || !slices.Equal(fast.Val, slow.Val) {
				t.Errorf("features %v %v, want %v %v", fast.Idx, fast.Val, slow.Idx, slow.Val)
			}
		})
	}
}
