package model

import (
	"math"
	"testing"
)

// TestDotVectorBitIdentical checks that the AVX2 loops give the very
// scores of the Go loops (same single-precision operations in the same
// order), on the demo corpus and on vectors that the pair group ends.
func TestDotVectorBitIdentical(t *testing.T) {
	if !haveAVX2 {
		t.Skip("no AVX2")
	}
	bd := shippedBundle(t)
	docs := corpusDocs(t)
	if len(docs) > 800 {
		docs = docs[:800]
	}
	var v Vec
	for i, d := range docs {
		bd.feat.Extract(d, &v)
		for _, tb := range []*table{&bd.hot, &bd.cold} {
			got := make([]float64, tb.k)
			want := make([]float64, tb.k)
			tb.dot(&v, got)
			haveAVX2 = false
			tb.dot(&v, want)
			haveAVX2 = true
			for o := range got {
				if math.Float64bits(got[o]) != math.Float64bits(want[o]) {
					t.Fatalf("doc %d output %d (k=%d): vector %v, Go %v", i, o, tb.k, got[o], want[o])
				}
			}
		}
	}
}
