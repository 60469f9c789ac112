package model

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// TFIDF is a linear model (one SVM per output) over TF-IDF features of
// the text as written (lower-cased, not normalised): word uni- and bigrams
// and character n-grams inside whitespace-separated chunks, each group
// scaled by inverse document frequency and L2-normalised on its own. It is
// the classical recipe of the text-classification literature and errs
// differently from the models over normalised text, so the taggers average
// the two. The IDF is folded into the weights and kept squared for the
// norms, so scoring costs one table read per n-gram and no dictionary.
type TFIDF struct {
	// Features is the raw-text feature configuration (RawText, NoNorm).
	Features Features
	// K is the number of outputs.
	K int
	// WQ holds, for bucket j, the K weights with IDF folded in at
	// j·(K+1)… and the squared IDF at j·(K+1)+K: one cache line serves
	// every read of a feature.
	WQ []float32
	// B are the biases.
	B []float32
	// Calib calibrates the margins: for one output, the Platt scaling
	// σ(Calib[0]·s + Calib[1]); for several, the softmax scale Calib[0].
	// Threshold is the decision threshold of the probability its user
	// blends it into (for one output). The trainer fits both on
	// validation data.
	Calib     [2]float32
	Threshold float32
}

// Prob returns the Platt-calibrated probability of the single output.
func (t *TFIDF) Prob(raw string, v *TFIDFVec) float64 {
	var s [1]float64
	t.Scores(raw, v, s[:])
	return sigmoid(float64(t.Calib[0])*s[0] + float64(t.Calib[1]))
}

// Probs fills out (length K) with the softmax-calibrated probabilities.
func (t *TFIDF) Probs(raw string, v *TFIDFVec, out []float64) {
	t.Scores(raw, v, out)
	softmax(out, float64(t.Calib[0]))
}

func softmax(s []float64, scale float64) {
	m := math.Inf(-1)
	for _, x := range s {
		m = max(m, scale*x)
	}
	var z float64
	for k, x := range s {
		s[k] = math.Exp(scale*x - m)
		z += s[k]
	}
	for k := range s {
		s[k] /= z
	}
}

// TFIDFFeatures returns the feature configuration of a TF-IDF model: the
// raw-text groups only, hashed with signs into 2^bits buckets.
func TFIDFFeatures(bits uint8, charMin, charMax int) Features {
	return Features{Bits: bits, Signed: true, RawText: true, RawCharMin: charMin, RawCharMax: charMax, NoNorm: true}
}

// TFIDFVec is a raw-text vector with its group boundary (reusable scratch
// space for scoring).
type TFIDFVec struct {
	Vec
	split int // entries before split are words, the rest characters
}

func (t *TFIDF) extract(raw string, v *TFIDFVec) {
	v.Reset()
	v.raw = raw
	v.split = t.Features.extractRawGroups(&v.Vec)
}

// maxTFIDFOutputs bounds K (the scorer accumulates on the stack).
const maxTFIDFOutputs = 8

// Scores fills out (length K) with the SVM margins of raw.
func (t *TFIDF) Scores(raw string, v *TFIDFVec, out []float64) {
	t.extract(raw, v)
	K := t.K
	r := K + 1
	for k := 0; k < K; k++ {
		out[k] = float64(t.B[k])
	}
	if K == 1 {
		// The common binary case, without the per-output loop.
		for _, g := range [2][2]int{{0, v.split}, {v.split, len(v.Idx)}} {
			var dot, q float32
			for i := g[0]; i < g[1]; i++ {
				j := 2 * int(v.Idx[i])
				row := t.WQ[j : j+2 : j+2]
				dot += row[0] * v.Val[i]
				q += row[1]
			}
			if q > 0 {
				out[0] += float64(dot) / math.Sqrt(float64(q))
			}
		}
		return
	}
	for _, g := range [2][2]int{{0, v.split}, {v.split, len(v.Idx)}} {
		var dot [maxTFIDFOutputs]float32
		var q float32
		for i := g[0]; i < g[1]; i++ {
			j := int(v.Idx[i]) * r
			row := t.WQ[j : j+r : j+r]
			x := v.Val[i]
			for k := 0; k < K; k++ {
				dot[k] += row[k] * x
			}
			q += row[K]
		}
		if q > 0 {
			n := 1 / math.Sqrt(float64(q))
			for k := 0; k < K; k++ {
				out[k] += float64(dot[k]) * n
			}
		}
	}
}

// TrainTFIDF computes the IDF of texts, trains one SVM per output (y[i][k]:
// text i is a positive of output k) with options opts[k] on the TF-IDF
// vectors and folds the IDF into the weights.
func TrainTFIDF(f Features, texts []string, y [][]bool, K int, opts []SVMOptions) (*TFIDF, error) {
	if K < 1 || K > maxTFIDFOutputs {
		return nil, fmt.Errorf("tfidf: %d outputs (want 1–%d)", K, maxTFIDFOutputs)
	}
	dim := f.Dim()
	r := K + 1
	t := &TFIDF{Features: f, K: K, WQ: make([]float32, dim*r)}
	vecs := make([]TFIDFVec, len(texts))
	df := make([]float64, dim)
	seen := make([]int32, dim)
	for i := range seen {
		seen[i] = -1
	}
	for i, s := range texts {
		t.extract(s, &vecs[i])
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
		t.WQ[j*r+K] = float32(idf[j] * idf[j])
	}
	xs := make([]Sample, len(texts))
	for i := range vecs {
		v := &vecs[i]
		for _, g := range [2][2]int{{0, v.split}, {v.split, len(v.Idx)}} {
			var q float64
			for k := g[0]; k < g[1]; k++ {
				q += float64(t.WQ[int(v.Idx[k])*r+K])
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
	W, B := TrainOvR(xs, y, K, dim, opts)
	for j := 0; j < dim; j++ {
		for k := 0; k < K; k++ {
			t.WQ[j*r+k] = float32(float64(W[j*K+k]) * idf[j])
		}
	}
	t.B = B
	return t, nil
}

// tfidfMagic starts an encoded TF-IDF model.
const tfidfMagic = "DGTFIDF2"

// Encode writes t in a compact binary form (little endian): the magic,
// bits, character range and K, the calibration and threshold, the K
// biases, then the table (float32).
func (t *TFIDF) Encode(w io.Writer) error {
	buf := make([]byte, 0, 32+4*len(t.WQ))
	buf = append(buf, tfidfMagic...)
	buf = append(buf, t.Features.Bits, byte(t.Features.RawCharMin), byte(t.Features.RawCharMax), byte(t.K))
	for _, x := range append([]float32{t.Calib[0], t.Calib[1], t.Threshold}, t.B...) {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(x))
	}
	for _, x := range t.WQ {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(x))
	}
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("encode tfidf: %w", err)
	}
	return nil
}

// DecodeTFIDF reads a model written by Encode.
func DecodeTFIDF(r io.Reader) (*TFIDF, error) {
	hdr := make([]byte, len(tfidfMagic)+4+3*4)
	if _, err := io.ReadFull(r, hdr); err != nil {
		return nil, fmt.Errorf("decode tfidf: %w", err)
	}
	if string(hdr[:len(tfidfMagic)]) != tfidfMagic {
		return nil, errors.New("decode tfidf: not a TF-IDF model file")
	}
	p := hdr[len(tfidfMagic):]
	bits, K := p[0], int(p[3])
	if bits < 10 || bits > 24 || p[1] < 1 || p[2] < p[1] || p[2] > 8 || K < 1 || K > maxTFIDFOutputs {
		return nil, fmt.Errorf("decode tfidf: bad header (bits %d, chars %d–%d, %d outputs)", bits, p[1], p[2], K)
	}
	f32 := func(b []byte, i int) float32 { return math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:])) }
	t := &TFIDF{Features: TFIDFFeatures(bits, int(p[1]), int(p[2])), K: K, Calib: [2]float32{f32(p[4:], 0), f32(p[4:], 1)}, Threshold: f32(p[4:], 2)}
	dim := t.Features.Dim()
	buf := make([]byte, 4*(K+dim*(K+1)))
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, fmt.Errorf("decode tfidf: weights: %w", err)
	}
	t.B = make([]float32, K)
	for k := range t.B {
		t.B[k] = f32(buf, k)
	}
	t.WQ = make([]float32, dim*(K+1))
	for j := range t.WQ {
		t.WQ[j] = f32(buf, K+j)
	}
	return t, nil
}
