package model

import (
	"fmt"
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
	w      []float32
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
	dim := b.feat.Dim()
	b.w = make([]float32, dim*b.k)
	b.b = make([]float32, 0, b.k)
	for i, m := range ms {
		K, off := m.K(), b.offs[i]
		for j := 0; j < dim; j++ {
			copy(b.w[j*b.k+off:j*b.k+off+K], m.W[j*K:j*K+K])
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
	s := make([]float64, b.k)
	copy64(s, b.b)
	k := b.k
	acc := make([]float32, k)
	for i, j := range v.Idx {
		x := v.Val[i]
		row := b.w[int(j)*k : int(j)*k+k : int(j)*k+k]
		for o, wo := range row {
			acc[o] += wo * x
		}
	}
	for o := range acc {
		s[o] += float64(acc[o])
	}
	b.pool.Put(v)
	slot.Store(&bundleResult{doc: d, raw: d.Raw, ntok: len(d.Tokens), scores: s})
	return s
}

func copy64(dst []float64, src []float32) {
	for i, x := range src {
		dst[i] = float64(x)
	}
}

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
