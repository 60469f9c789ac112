package train

import (
	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/model"
)

// Variant overrides some SVM options for one member of an ensemble.
type Variant struct {
	// C is the member's SVM regularisation parameter.
	C float64 `json:"c"`
	// NB turns on naive-Bayes feature scaling for the member.
	NB bool `json:"nb"`
	// Groups restricts the member to "word" or "char" features ("" = all).
	Groups string `json:"groups,omitempty"`
}

// memberSamples returns the training vectors of a member: xs itself, or
// the examples re-vectorised with only the member's feature group (each
// group is normalised on its own, so the values are those of the full
// vector).
func memberSamples(f model.Features, xs []Sample, ex []dataset.Example, v Variant) []Sample {
	switch v.Groups {
	case "word":
		f.CharMax = 0
	case "char":
		f.NoWords = true
	default:
		return xs
	}
	return vectorizeExamples(f, ex)
}

// calibrator returns, for trained weights, a multiplier and an offset per
// output that put the member's scores on a common (log-odds) scale.
type calibrator func(W, B []float32) (mult, off []float64)

// trainMembers trains one OvR model per variant (or a single model from
// opts when there are no variants) and merges them into one linear model:
// W = Σ_v mult_v·W_v / V, B = Σ_v (mult_v·B_v + off_v) / V. Averaging
// calibrated scores is an ensemble that costs nothing at prediction time.
// It returns the merged weights and the per-member calibration, for refits.
func trainMembers(f model.Features, xs []Sample, ex []dataset.Example, y, known [][]bool, K, dim int, opts []SVMOptions, variants []Variant, cal calibrator) (W, B []float32, mults, offs [][]float64) {
	if len(variants) == 0 {
		W, B = TrainOvRKnown(xs, y, known, K, dim, opts)
		return W, B, nil, nil
	}
	V := float64(len(variants))
	W = make([]float32, dim*K)
	B = make([]float32, K)
	for _, v := range variants {
		Wv, Bv := TrainOvRKnown(memberSamples(f, xs, ex, v), y, known, K, dim, variantOpts(opts, v))
		mult, off := cal(Wv, Bv)
		mults = append(mults, mult)
		offs = append(offs, off)
		addMember(W, B, Wv, Bv, mult, off, K, V)
	}
	return W, B, mults, offs
}

func variantOpts(opts []SVMOptions, v Variant) []SVMOptions {
	o := make([]SVMOptions, len(opts))
	copy(o, opts)
	for k := range o {
		o[k].C, o[k].NB = v.C, v.NB
	}
	return o
}

func addMember(W, B, Wv, Bv []float32, mult, off []float64, K int, V float64) {
	for j := range Wv {
		W[j] += float32(mult[j%K] * float64(Wv[j]) / V)
	}
	for k := range Bv {
		B[k] += float32((mult[k]*float64(Bv[k]) + off[k]) / V)
	}
}

// mergeMembers retrains every member on xs and merges them with the given
// calibration.
func mergeMembers(f model.Features, xs []Sample, ex []dataset.Example, y, known [][]bool, K, dim int, opts []SVMOptions, variants []Variant, mults, offs [][]float64) (W, B []float32) {
	V := float64(len(variants))
	W = make([]float32, dim*K)
	B = make([]float32, K)
	for vi, v := range variants {
		Wv, Bv := TrainOvRKnown(memberSamples(f, xs, ex, v), y, known, K, dim, variantOpts(opts, v))
		addMember(W, B, Wv, Bv, mults[vi], offs[vi], K, V)
	}
	return W, B
}
