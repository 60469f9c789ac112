package train

import (
	"slices"
	"testing"
)

// TestTrainOvRKnown checks that an output is trained only on the samples
// annotated for it: the weights equal those of a model trained on that
// subset alone, and an unannotated sample cannot move them.
func TestTrainOvRKnown(t *testing.T) {
	train, _ := toyData()
	xs := Vectorize(toyFeatures, texts(train))
	dim := toyFeatures.Dim()
	y := make([][]bool, len(xs))
	known := make([][]bool, len(xs))
	for i, e := range train {
		// Output 0 is annotated everywhere; output 1 only on the first
		// half, and the second half carries a wrong label for it.
		y[i] = []bool{e.Has("positive"), e.Has("positive") == (i < len(xs)/2)}
		known[i] = []bool{true, i < len(xs)/2}
	}
	opts := []SVMOptions{{C: 1, Epochs: 30, Seed: 1}, {C: 1, Epochs: 30, Seed: 2}}
	W, B := TrainOvRKnown(xs, y, known, 2, dim, opts)
	half := len(xs) / 2
	w1, b1 := TrainSVM(xs[:half], func() []bool {
		out := make([]bool, half)
		for i := range out {
			out[i] = y[i][1]
		}
		return out
	}(), dim, opts[1])
	got := make([]float32, dim)
	for j := range got {
		got[j] = W[j*2+1]
	}
	if !slices.Equal(got, w1) || B[1] != b1 {
		t.Error("output 1 differs from a model trained on its annotated samples alone")
	}
	W0, B0 := TrainOvR(xs, y, 2, dim, opts)
	for j := 0; j < dim; j++ {
		if W0[j*2] != W[j*2] {
			t.Fatal("output 0 (annotated everywhere) changed with the mask")
		}
	}
	if B0[0] != B[0] {
		t.Error("output 0 bias changed with the mask")
	}
}
