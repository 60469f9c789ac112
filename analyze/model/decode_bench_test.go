package model

import (
	"bytes"
	"testing"

	"github.com/dengar-id/dengar/analyze/models"
)

func BenchmarkDecodeShipped(b *testing.B) {
	data, err := models.FS.ReadFile("hostility.dgm")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkShippedStacker measures one evaluation of the hate decision's
// tree ensemble (paid only by posts above the hostility gate).
func BenchmarkShippedStacker(b *testing.B) {
	t, err := LoadTrees(models.FS, "hostility-stack.json")
	if err != nil {
		b.Fatal(err)
	}
	xs := [][]float64{{0.5, -1, -2, 0.3, 0.2, 12}, {-1.5, 0.4, 1, -2, -0.7, 40}, {2, 1.5, 0.5, -1, 1.2, 5}}
	b.ResetTimer()
	s := 0.0
	for i := 0; i < b.N; i++ {
		s += t.Margin(xs[i%len(xs)])
	}
	_ = s
}
