package stats

import (
	"math"
	"testing"
)

func TestMedianMAD(t *testing.T) {
	for _, tc := range []struct {
		xs          []float64
		median, mad float64
	}{
		{[]float64{10, 12, 11, 13}, 11.5, 1},
		{[]float64{10, 10, 10, 200}, 10, 0}, // one spiky value does not move them
		{[]float64{3, 1, 2}, 2, 1},
		{[]float64{5}, 5, 0},
		{nil, 0, 0},
	} {
		in := append([]float64(nil), tc.xs...)
		m, d := MedianMAD(tc.xs)
		if math.Abs(m-tc.median) > 1e-12 || math.Abs(d-tc.mad) > 1e-12 {
			t.Errorf("MedianMAD(%v) = %v, %v; want %v, %v", tc.xs, m, d, tc.median, tc.mad)
		}
		for i := range in {
			if in[i] != tc.xs[i] {
				t.Fatalf("MedianMAD reordered its input: %v", tc.xs)
			}
		}
		if got := Median(tc.xs); got != m {
			t.Errorf("Median(%v) = %v, want %v", tc.xs, got, m)
		}
	}
}
