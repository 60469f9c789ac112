// Package model loads and runs Dengar's text classifiers, on the serving
// path of every tagger: hashed sparse features over normalised tokens
// (Features), linear models with calibrated probabilities (Model) merged
// into one weight table (Bundle), a TF-IDF model over the text as written
// (TFIDF), a small tree ensemble that stacks them (Trees), their compact
// versioned files and explanations of a prediction.
//
// Training lives elsewhere: package analyze/train fits these models from
// the public data sets (analyze/dataset) and is imported only by
// `dengar train`; a test keeps the serving packages from importing it.
package model

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Head says how scores become probabilities.
type Head string

// Heads.
const (
	// Softmax: one label among Labels; p = softmax(Scale·s + Offsets).
	Softmax Head = "softmax"
	// Sigmoid: independent labels; p_k = σ(Platt[k][0]·s_k + Platt[k][1]).
	Sigmoid Head = "sigmoid"
)

// FormatVersion is the version of the model file layout.
const FormatVersion = 1

// Source names one training data set and its licence.
type Source struct {
	// Name identifies the data set and split.
	Name string `json:"name"`
	// License is the data set's licence.
	License string `json:"license"`
	// Rows is the number of training rows taken from it.
	Rows int `json:"rows"`
}

// Meta is a model's embedded metadata.
type Meta struct {
	// Format is the file layout version (FormatVersion).
	Format int `json:"format"`
	// Task is sentiment, hostility or emotion; Version the models' version.
	Task    string `json:"task"`
	Version string `json:"version"`
	// Labels are the outputs in order; Head how they become probabilities.
	Labels []string `json:"labels"`
	Head   Head     `json:"head"`
	// Features is the feature configuration the model was trained with.
	Features Features `json:"features"`
	// Scale and Offsets calibrate a softmax head.
	Scale   float64   `json:"scale,omitempty"`
	Offsets []float64 `json:"offsets,omitempty"`
	// Platt calibrates each output of a sigmoid head; Thresholds are the
	// decision thresholds on its probabilities.
	Platt      [][2]float64 `json:"platt,omitempty"`
	Thresholds []float64    `json:"thresholds,omitempty"`
	// ReviewBelow: a confidence below it asks for human review.
	ReviewBelow float64 `json:"review_below"`
	// Sources are the training data sets.
	Sources []Source `json:"sources"`
	// Valid holds the validation scores measured at training time.
	Valid map[string]float64 `json:"valid,omitempty"`
	// Params describes the training parameters.
	Params string `json:"params,omitempty"`
}

// Model is a linear classifier over hashed features.
type Model struct {
	Meta
	// W holds the weights bucket-major: W[bucket*K + k].
	W []float32
	// B holds the biases.
	B []float32
}

// K is the number of outputs.
func (m *Model) K() int { return len(m.Labels) }

// Scores writes the raw scores of v into out (len K).
func (m *Model) Scores(v *Vec, out []float64) {
	k := m.K()
	for j := 0; j < k; j++ {
		out[j] = float64(m.B[j])
	}
	w := m.W
	switch k {
	case 3:
		var s0, s1, s2 float32
		for i, b := range v.Idx {
			x := v.Val[i]
			row := w[int(b)*3 : int(b)*3+3 : int(b)*3+3]
			s0 += row[0] * x
			s1 += row[1] * x
			s2 += row[2] * x
		}
		out[0] += float64(s0)
		out[1] += float64(s1)
		out[2] += float64(s2)
	default:
		for i, b := range v.Idx {
			x := v.Val[i]
			row := w[int(b)*k : int(b)*k+k : int(b)*k+k]
			for j, wj := range row {
				out[j] += float64(wj * x)
			}
		}
	}
}

// Probs turns raw scores into probabilities in place.
func (m *Model) Probs(s []float64) {
	switch m.Head {
	case Softmax:
		max := math.Inf(-1)
		for j := range s {
			z := m.Scale * s[j]
			if j < len(m.Offsets) {
				z += m.Offsets[j]
			}
			s[j] = z
			if z > max {
				max = z
			}
		}
		var sum float64
		for j := range s {
			s[j] = math.Exp(s[j] - max)
			sum += s[j]
		}
		for j := range s {
			s[j] /= sum
		}
	case Sigmoid:
		for j := range s {
			a, b := 1.0, 0.0
			if j < len(m.Platt) {
				a, b = m.Platt[j][0], m.Platt[j][1]
			}
			s[j] = Logistic(a*s[j] + b)
		}
	}
}

// Predict extracts the features of d into v (reused) and writes the
// probabilities into out (len K).
func (m *Model) Predict(d *normalize.Doc, v *Vec, out []float64) {
	m.Features.Extract(d, v)
	m.Scores(v, out)
	m.Probs(out)
}

// Logistic is the logistic (sigmoid) function 1/(1+e^-z), computed
// without overflow: the probability of a log-odds z.
func Logistic(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// Argmax returns the index of the largest value.
func Argmax(s []float64) int {
	best := 0
	for j := range s {
		if s[j] > s[best] {
			best = j
		}
	}
	return best
}

// Contribution is one feature's share of an output's score.
type Contribution struct {
	// Feature is the readable feature name.
	Feature string `json:"feature"`
	// Weight is the feature's contribution to the output's score.
	Weight float64 `json:"weight"`
}

// Explain returns the n features of d that pushed output k up the most
// (positive weight) and down the most (negative), by |contribution|.
func (m *Model) Explain(d *normalize.Doc, k, n int) []Contribution {
	names := m.Features.Explain(d)
	var v Vec
	m.Features.Extract(d, &v)
	K := m.K()
	byName := map[string]float64{}
	var order []string
	for i, fn := range names {
		c := float64(m.W[int(fn.Bucket)*K+k] * v.Val[i])
		if c == 0 {
			continue
		}
		if _, ok := byName[fn.Name]; !ok {
			order = append(order, fn.Name)
		}
		byName[fn.Name] += c
	}
	out := make([]Contribution, 0, len(order))
	for _, name := range order {
		out = append(out, Contribution{Feature: name, Weight: math.Round(byName[name]*1e4) / 1e4})
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Weight) > math.Abs(out[j].Weight) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

var magic = [8]byte{'D', 'N', 'G', 'R', 'M', 'D', 'L', '1'}

// Encode writes m as a gzip stream: magic, metadata JSON, biases, and the
// non-zero weight rows quantised to int16 with one scale per output. The
// output is byte-for-byte deterministic.
func (m *Model) Encode(w io.Writer) error {
	K := m.K()
	if K == 0 || len(m.W) != m.Features.Dim()*K || len(m.B) != K {
		return fmt.Errorf("model %s: inconsistent sizes (K=%d, W=%d, B=%d, dim=%d)", m.Task, K, len(m.W), len(m.B), m.Features.Dim())
	}
	meta := m.Meta
	meta.Format = FormatVersion
	mj, err := json.Marshal(meta)
	if err != nil {
		return fmt.Errorf("encode meta: %w", err)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.Write(magic[:])
	binary.Write(bw, binary.LittleEndian, uint32(len(mj)))
	bw.Write(mj)
	binary.Write(bw, binary.LittleEndian, m.B)
	scales := make([]float32, K)
	for i, x := range m.W {
		if a := float32(math.Abs(float64(x))); a > scales[i%K] {
			scales[i%K] = a
		}
	}
	for j := range scales {
		scales[j] /= 32767
		if scales[j] == 0 {
			scales[j] = 1
		}
	}
	binary.Write(bw, binary.LittleEndian, scales)
	q := make([]int16, K)
	var rows uint32
	dim := m.Features.Dim()
	for b := 0; b < dim; b++ {
		if quantRow(m.W[b*K:b*K+K], scales, q) {
			rows++
		}
	}
	binary.Write(bw, binary.LittleEndian, rows)
	var vb [binary.MaxVarintLen64]byte
	last := -1
	for b := 0; b < dim; b++ {
		if !quantRow(m.W[b*K:b*K+K], scales, q) {
			continue
		}
		n := binary.PutUvarint(vb[:], uint64(b-last))
		bw.Write(vb[:n])
		binary.Write(bw, binary.LittleEndian, q)
		last = b
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	return zw.Close()
}

func quantRow(row []float32, scales []float32, q []int16) bool {
	nz := false
	for j, x := range row {
		v := math.Round(float64(x / scales[j]))
		q[j] = int16(max(-32767, min(32767, v)))
		if q[j] != 0 {
			nz = true
		}
	}
	return nz
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	br := bufio.NewReader(zr)
	var mg [8]byte
	if _, err := io.ReadFull(br, mg[:]); err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	if mg != magic {
		return nil, errors.New("model: not a Dengar model file")
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("model meta: %w", err)
	}
	if n > 1<<20 {
		return nil, fmt.Errorf("model meta: %d bytes is too large", n)
	}
	mj := make([]byte, n)
	if _, err := io.ReadFull(br, mj); err != nil {
		return nil, fmt.Errorf("model meta: %w", err)
	}
	m := &Model{}
	if err := json.NewDecoder(bytes.NewReader(mj)).Decode(&m.Meta); err != nil {
		return nil, fmt.Errorf("model meta: %w", err)
	}
	if m.Format != FormatVersion {
		return nil, fmt.Errorf("model format %d, this build reads %d", m.Format, FormatVersion)
	}
	K := m.K()
	if K == 0 || K > 64 || m.Features.Bits < 8 || m.Features.Bits > 22 || m.Features.Dim()*K > 1<<25 {
		return nil, fmt.Errorf("model meta: bad shape (K=%d, bits=%d)", K, m.Features.Bits)
	}
	m.B = make([]float32, K)
	scales := make([]float32, K)
	if err := binary.Read(br, binary.LittleEndian, m.B); err != nil {
		return nil, fmt.Errorf("model biases: %w", err)
	}
	if err := binary.Read(br, binary.LittleEndian, scales); err != nil {
		return nil, fmt.Errorf("model scales: %w", err)
	}
	var rows uint32
	if err := binary.Read(br, binary.LittleEndian, &rows); err != nil {
		return nil, fmt.Errorf("model rows: %w", err)
	}
	dim := m.Features.Dim()
	if int(rows) > dim {
		return nil, fmt.Errorf("model rows: %d > %d buckets", rows, dim)
	}
	m.W = make([]float32, dim*K)
	q := make([]int16, K)
	b := -1
	for i := uint32(0); i < rows; i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("model row %d: %w", i, err)
		}
		if d == 0 || d > uint64(dim) || b+int(d) >= dim {
			return nil, fmt.Errorf("model row %d: bucket out of range", i)
		}
		b += int(d)
		if err := binary.Read(br, binary.LittleEndian, q); err != nil {
			return nil, fmt.Errorf("model row %d: %w", i, err)
		}
		for j, x := range q {
			m.W[b*K+j] = float32(x) * scales[j]
		}
	}
	return m, nil
}

// Explanation is what drove one output of a tagger for one document.
type Explanation struct {
	// Output names the decision ("sentiment", "hate", "abusive", "threat"...).
	Output string `json:"output"`
	// Label is the decided label or value.
	Label string `json:"label"`
	// Features are the top contributions (score units; positive pushes
	// towards Label).
	Features []Contribution `json:"features"`
}
