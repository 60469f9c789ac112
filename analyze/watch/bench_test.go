package watch

import (
	"fmt"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// BenchmarkSetMatch matches one short post against 200 queries (a
// collector's filter), normalisation excluded.
func BenchmarkSetMatch(b *testing.B) {
	qs := map[string]*Query{}
	for i := 0; i < 200; i++ {
		qs[fmt.Sprintf("q%d", i)] = MustParse(fmt.Sprintf(`("kata%d kunci" OR istilah%d*) -spam%d`, i, i, i))
	}
	qs["banjir"] = MustParse(`(banjir OR drainase) NEAR/5 (sempaja OR "air hitam") source:x`)
	s, err := NewSet(qs)
	if err != nil {
		b.Fatal(err)
	}
	d := normalize.Text("Banjir lagi di Sempaja, drainase mampet, kata17 kunci #ProBebaya @pemkotsamarinda")
	f := Fields{Source: "x"}
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		s.Each(d, f, func(string) { n++ })
	}
	if n == 0 {
		b.Fatal("no match")
	}
}
