package train

import (
	"math"

	"github.com/dengar-id/dengar/analyze/model"
)

// TrainTFIDF computes the IDF of texts, trains a binary SVM with options o
// on the TF-IDF vectors and folds the IDF into the weights.
func TrainTFIDF(f model.Features, texts []string, y []bool, o SVMOptions) *model.TFIDF {
	dim := f.Dim()
	t := &model.TFIDF{Features: f, WQ: make([]float32, 2*dim)}
	vecs := make([]model.TFIDFVec, len(texts))
	df := make([]float64, dim)
	seen := make([]int32, dim)
	for i := range seen {
		seen[i] = -1
	}
	for i, s := range texts {
		t.Extract(s, &vecs[i])
		for _, j := range vecs[i].Idx {
			if seen[j] != int32(i) {
				seen[j] = int32(i)
				df[j]++
			}
		}
	}
	n := float64(len(texts))
	idf := make([]float64, dim)
	for j := range idf {
		idf[j] = math.Log((1+n)/(1+df[j])) + 1
		t.WQ[2*j+1] = float32(idf[j] * idf[j])
	}
	xs := make([]Sample, len(texts))
	for i := range vecs {
		v := &vecs[i]
		for _, g := range [2][2]int{{0, v.Split()}, {v.Split(), len(v.Idx)}} {
			var q float64
			for k := g[0]; k < g[1]; k++ {
				q += float64(t.WQ[2*v.Idx[k]+1])
			}
			if q == 0 {
				continue
			}
			norm := 1 / math.Sqrt(q)
			for k := g[0]; k < g[1]; k++ {
				v.Val[k] = float32(float64(v.Val[k]) * idf[v.Idx[k]] * norm)
			}
		}
		xs[i] = merge(&v.Vec)
	}
	w, b := TrainSVM(xs, y, dim, o)
	for j := range w {
		t.WQ[2*j] = float32(float64(w[j]) * idf[j])
	}
	t.B = b
	return t
}
