package model

import (
	"fmt"
	"math"
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Bundle merges models that share one feature configuration into one
// weight table, so that a document's features are extracted once and each
// feature costs one memory access for all models. Taggers that run on the
// same document one after another share the result through a small cache
// keyed by the document (documents must not be changed once tagged).
type Bundle struct {
	feat   Features
	k      int
	w      []int16 // quantised weights, bucket-major
	scale  []float32
	b      []float32
	offs   []int
	models []*Model
	pool   sync.Pool
	slots  [32]atomic.Pointer[bundleResult]
}

type bundleResult struct {
	doc    *normalize.Doc
	raw    string
	ntok   int
	scores []float64
}

// NewBundle merges ms; they must have identical Features.
func NewBundle(ms ...*Model) (*Bundle, error) {
	if len(ms) == 0 {
		return nil, fmt.Errorf("bundle: no models")
	}
	b := &Bundle{feat: ms[0].Features}
	for _, m := range ms {
		if !reflect.DeepEqual(m.Features, b.feat) {
			return nil, fmt.Errorf("bundle: model %s has features %+v, want %+v", m.Task, m.Features, b.feat)
		}
		b.offs = append(b.offs, b.k)
		b.k += m.K()
		b.models = append(b.models, m)
	}
	if b.k > maxBundleOutputs {
		return nil, fmt.Errorf("bundle: %d outputs, at most %d", b.k, maxBundleOutputs)
	}
	dim := b.feat.Dim()
	b.w = make([]int16, dim*b.k)
	b.b = make([]float32, 0, b.k)
	for i, m := range ms {
		K, off := m.K(), b.offs[i]
		// The same per-output int16 quantisation as the model file, so the
		// merged weights equal the model's.
		sc := make([]float32, K)
		for j, x := range m.W {
			if a := float32(math.Abs(float64(x))); a > sc[j%K] {
				sc[j%K] = a
			}
		}
		for o := range sc {
			sc[o] /= 32767
			if sc[o] == 0 {
				sc[o] = 1
			}
		}
		b.scale = append(b.scale, sc...)
		for j := 0; j < dim; j++ {
			for o := 0; o < K; o++ {
				q := math.Round(float64(m.W[j*K+o] / sc[o]))
				b.w[j*b.k+off+o] = int16(max(-32767, min(32767, q)))
			}
		}
		b.b = append(b.b, m.B...)
	}
	b.pool.New = func() any { return new(Vec) }
	return b, nil
}

// Offset is where model i's outputs start in Scores.
func (b *Bundle) Offset(i int) int { return b.offs[i] }

// Scores returns the raw scores of every merged model for d (model i's
// outputs start at Offset(i)). The slice is shared: do not modify it.
func (b *Bundle) Scores(d *normalize.Doc) []float64 {
	slot := &b.slots[(uintptr(unsafe.Pointer(d))>>4)%uintptr(len(b.slots))]
	if r := slot.Load(); r != nil && r.doc == d && r.raw == d.Raw && r.ntok == len(d.Tokens) {
		return r.scores
	}
	v := b.pool.Get().(*Vec)
	b.feat.Extract(d, v)
	k := b.k
	var acc [maxBundleOutputs]float32
	for i, j := range v.Idx {
		x := v.Val[i]
		row := b.w[int(j)*k : int(j)*k+k : int(j)*k+k]
		a := acc[:len(row)]
		for o, wo := range row {
			a[o] += float32(wo) * x
		}
	}
	s := make([]float64, k)
	for o := range s {
		s[o] = float64(b.b[o]) + float64(acc[o]*b.scale[o])
	}
	b.pool.Put(v)
	slot.Store(&bundleResult{doc: d, raw: d.Raw, ntok: len(d.Tokens), scores: s})
	return s
}

// maxBundleOutputs bounds the outputs of a bundle (a row fits a fixed
// accumulator on the stack).
const maxBundleOutputs = 64

// Predictor computes a model's probabilities for documents, through a
// Bundle when one is attached. It is safe for concurrent use.
type Predictor struct {
	m      *Model
	bundle *Bundle
	off    int
	pool   sync.Pool
}

// NewPredictor predicts with m alone.
func NewPredictor(m *Model) *Predictor {
	p := &Predictor{m: m}
	p.pool.New = func() any { return new(Vec) }
	return p
}

// UseBundle makes p read m's scores from b, where m is member i.
func (p *Predictor) UseBundle(b *Bundle, i int) error {
	if i < 0 || i >= len(b.models) || b.models[i] != p.m {
		return fmt.Errorf("bundle: model %s is not member %d", p.m.Task, i)
	}
	p.bundle, p.off = b, b.offs[i]
	return nil
}

// Model is the predicted model.
func (p *Predictor) Model() *Model { return p.m }

// Probs writes the probabilities of d into out (len K).
func (p *Predictor) Probs(d *normalize.Doc, out []float64) {
	if p.bundle != nil {
		copy(out, p.bundle.Scores(d)[p.off:p.off+p.m.K()])
	} else {
		v := p.pool.Get().(*Vec)
		p.m.Features.Extract(d, v)
		p.m.Scores(v, out)
		p.pool.Put(v)
	}
	p.m.Probs(out)
}
