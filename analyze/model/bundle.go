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
// feature costs one memory access for all models. Outputs that are rarely
// needed (the hostility category and strength outputs) can be kept "cold"
// in a second table read only on demand, which keeps the hot rows short.
// Taggers that run on the same document one after another share the hot
// scores through a small cache keyed by the document (documents must not be
// changed once tagged).
type Bundle struct {
	feat   Features
	hot    table
	cold   table
	hoff   []int // member i's hot outputs start here in the hot table
	hn     []int // and there are hn[i] of them
	coff   []int // member i's cold outputs start here in the cold table
	models []*Model
	pool   sync.Pool
	slots  [32]atomic.Pointer[bundleResult]
}

// table is a quantised bucket-major weight matrix.
type table struct {
	k     int
	w     []int16
	scale []float32
	b     []float32
	// plo and phi bound the columns of the models trained with the pair
	// group (Features.Pairs); the others never see it.
	plo, phi int
}

func (t *table) dot(v *Vec, out []float64) {
	k := t.k
	var acc [maxBundleOutputs]float32
	if k == 12 && haveAVX2 && v.pairs > 0 {
		// The vector loop is short enough that the processor keeps many
		// row reads in flight without touch.
		n := v.pairs
		dot12AVX2(&t.w[0], &v.Idx[0], &v.Val[0], n, (*[12]float32)(acc[:12]))
	} else if k == 12 {
		t.touch(v)
		// The shipped bundle's hot table (3 sentiment, 4 hostility and 5
		// emotion outputs): fixed-size rows let the compiler drop the
		// bounds checks and keep the sums in registers.
		t.dot12(v, &acc)
	} else {
		for i, j := range v.Idx[:v.pairs] {
			x := v.Val[i]
			row := t.w[int(j)*k : int(j)*k+k : int(j)*k+k]
			a := acc[:len(row)]
			for o, wo := range row {
				a[o] += float32(wo) * x
			}
		}
	}
	if t.phi > t.plo && k == 12 && t.phi-t.plo == 4 && haveAVX2 && len(v.Idx) > v.pairs {
		lo := t.plo
		dot4AVX(&t.w[lo], &v.Idx[v.pairs], &v.Val[v.pairs], len(v.Idx)-v.pairs, (*[4]float32)(acc[lo:lo+4]))
	} else if t.phi > t.plo {
		lo, hi := t.plo, t.phi
		for i, j := range v.Idx[v.pairs:] {
			x := v.Val[v.pairs+i]
			row := t.w[int(j)*k+lo : int(j)*k+hi : int(j)*k+hi]
			a := acc[lo:hi]
			for o, wo := range row {
				a[o] += float32(wo) * x
			}
		}
	}
	for o := 0; o < k; o++ {
		out[o] = float64(t.b[o]) + float64(acc[o]*t.scale[o])
	}
}

// touch reads the first weight of every row of v before dot12 reads them
// all (the pair group's rows at their first pair column). The table is
// megabytes, so most rows miss the cache: this loop is so short that the
// processor keeps many misses in flight at once, where dot12's long body
// lets only a few overlap. The sum is kept in v (owned by the caller, so no
// data race) so that the reads stay.
func (t *table) touch(v *Vec) {
	w := t.w
	var s uint32
	for _, j := range v.Idx[:v.pairs] {
		s += uint32(w[int(j)*12])
	}
	if t.phi > t.plo {
		lo := t.plo
		for _, j := range v.Idx[v.pairs:] {
			s += uint32(w[int(j)*12+lo])
		}
	}
	v.touched = s
}

// dot12 is dot's loop over the entries before the pair group for k = 12.
func (t *table) dot12(v *Vec, acc *[maxBundleOutputs]float32) {
	var a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11 float32
	w := t.w
	val := v.Val[:v.pairs]
	for i, j := range v.Idx[:len(val)] {
		x := val[i]
		r := (*[12]int16)(w[int(j)*12 : int(j)*12+12])
		a0 += float32(r[0]) * x
		a1 += float32(r[1]) * x
		a2 += float32(r[2]) * x
		a3 += float32(r[3]) * x
		a4 += float32(r[4]) * x
		a5 += float32(r[5]) * x
		a6 += float32(r[6]) * x
		a7 += float32(r[7]) * x
		a8 += float32(r[8]) * x
		a9 += float32(r[9]) * x
		a10 += float32(r[10]) * x
		a11 += float32(r[11]) * x
	}
	acc[0], acc[1], acc[2], acc[3], acc[4], acc[5] = a0, a1, a2, a3, a4, a5
	acc[6], acc[7], acc[8], acc[9], acc[10], acc[11] = a6, a7, a8, a9, a10, a11
}

type bundleResult struct {
	doc    *normalize.Doc
	raw    string
	ntok   int
	scores []float64
	// buf holds the scores of a hot table of up to inlineScores outputs
	// (the shipped bundle has 12), so that a result is one allocation.
	buf [inlineScores]float64
}

// inlineScores is the number of hot scores a bundleResult keeps inline.
const inlineScores = 12

// NewBundle merges ms; they must have identical Features, except that
// some may add the pair group (Features.Pairs, all with the same
// settings), and those must be adjacent in ms. hot[i] is the number of
// leading outputs of ms[i] kept in the hot table (0 or a missing entry: all
// of them); the others are computed only by ColdScores.
func NewBundle(ms []*Model, hot []int) (*Bundle, error) {
	if len(ms) == 0 {
		return nil, fmt.Errorf("bundle: no models")
	}
	withoutPairs := func(f Features) Features {
		f.Pairs, f.PairWeight = 0, 0
		return f
	}
	base := withoutPairs(ms[0].Features)
	b := &Bundle{feat: base}
	paired := -1 // the first model with the pair group
	for i, m := range ms {
		if !reflect.DeepEqual(withoutPairs(m.Features), base) {
			return nil, fmt.Errorf("bundle: model %s has features %+v, want %+v", m.Task, m.Features, base)
		}
		if m.Features.Pairs > 0 {
			switch {
			case paired < 0:
				paired = i
				b.feat.Pairs, b.feat.PairWeight = m.Features.Pairs, m.Features.PairWeight
			case ms[i-1].Features.Pairs == 0:
				return nil, fmt.Errorf("bundle: models with word pairs must be adjacent (%s)", m.Task)
			case m.Features.Pairs != b.feat.Pairs || m.Features.PairWeight != b.feat.PairWeight:
				return nil, fmt.Errorf("bundle: model %s has pair settings %d/%g, want %d/%g", m.Task, m.Features.Pairs, m.Features.PairWeight, b.feat.Pairs, b.feat.PairWeight)
			}
		}
		h := m.K()
		if i < len(hot) && hot[i] > 0 && hot[i] < h {
			h = hot[i]
		}
		b.hoff = append(b.hoff, b.hot.k)
		b.hn = append(b.hn, h)
		b.coff = append(b.coff, b.cold.k)
		if m.Features.Pairs > 0 {
			if i == paired {
				b.hot.plo, b.cold.plo = b.hot.k, b.cold.k
			}
			b.hot.phi, b.cold.phi = b.hot.k+h, b.cold.k+m.K()-h
		}
		b.hot.k += h
		b.cold.k += m.K() - h
		b.models = append(b.models, m)
	}
	if b.hot.k > maxBundleOutputs || b.cold.k > maxBundleOutputs {
		return nil, fmt.Errorf("bundle: %d+%d outputs, at most %d each", b.hot.k, b.cold.k, maxBundleOutputs)
	}
	dim := b.feat.Dim()
	b.hot.w = make([]int16, dim*b.hot.k)
	b.cold.w = make([]int16, dim*b.cold.k)
	for i, m := range ms {
		K := m.K()
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
		for o := 0; o < K; o++ {
			t, col := &b.hot, b.hoff[i]+o
			if o >= b.hn[i] {
				t, col = &b.cold, b.coff[i]+o-b.hn[i]
			}
			t.scale = append(t.scale, sc[o])
			t.b = append(t.b, m.B[o])
			for j := 0; j < dim; j++ {
				q := math.Round(float64(m.W[j*K+o] / sc[o]))
				t.w[j*t.k+col] = int16(max(-32767, min(32767, q)))
			}
		}
	}
	b.pool.New = func() any { return new(Vec) }
	return b, nil
}

// Scores returns the raw hot scores of every merged model for d (model
// i's hot outputs start at its hot offset). The slice is shared: do not
// modify it.
func (b *Bundle) Scores(d *normalize.Doc) []float64 {
	slot := &b.slots[(uintptr(unsafe.Pointer(d))>>4)%uintptr(len(b.slots))]
	if r := slot.Load(); r != nil && r.doc == d && r.raw == d.Raw && r.ntok == len(d.Tokens) {
		return r.scores
	}
	v := b.pool.Get().(*Vec)
	b.feat.Extract(d, v)
	r := &bundleResult{doc: d, raw: d.Raw, ntok: len(d.Tokens)}
	if b.hot.k <= len(r.buf) {
		r.scores = r.buf[:b.hot.k:b.hot.k]
	} else {
		r.scores = make([]float64, b.hot.k)
	}
	b.hot.dot(v, r.scores)
	b.pool.Put(v)
	slot.Store(r)
	return r.scores
}

// ColdScores writes the raw cold scores of every merged model for d into
// out (len: the cold outputs of all members).
func (b *Bundle) ColdScores(d *normalize.Doc, out []float64) {
	v := b.pool.Get().(*Vec)
	b.feat.Extract(d, v)
	b.cold.dot(v, out)
	b.pool.Put(v)
}

// maxBundleOutputs bounds the outputs of a bundle (a row fits a fixed
// accumulator on the stack).
const maxBundleOutputs = 64

// Predictor computes a model's probabilities for documents, through a
// Bundle when one is attached. It is safe for concurrent use.
type Predictor struct {
	m      *Model
	bundle *Bundle
	member int
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
	p.bundle, p.member = b, i
	return nil
}

// Model is the predicted model.
func (p *Predictor) Model() *Model { return p.m }

// Probs writes the probabilities of d into out (len K). With a bundle
// that keeps some of the model's outputs cold, only the hot outputs are
// filled (the others are NaN) until Cold is called: use Hot to know how many.
func (p *Predictor) Probs(d *normalize.Doc, out []float64) {
	if b := p.bundle; b != nil {
		i := p.member
		h := b.hn[i]
		copy(out[:h], b.Scores(d)[b.hoff[i]:b.hoff[i]+h])
		for j := h; j < len(out); j++ {
			out[j] = math.NaN()
		}
		if h < len(out) && p.m.Head == Softmax {
			// A softmax needs every output: read the cold ones now.
			p.cold(d, out)
			return
		}
	} else {
		v := p.pool.Get().(*Vec)
		p.m.Features.Extract(d, v)
		p.m.Scores(v, out)
		p.pool.Put(v)
	}
	p.m.Probs(out)
}

// Hot is the number of leading outputs Probs fills.
func (p *Predictor) Hot() int {
	if p.bundle == nil {
		return p.m.K()
	}
	return p.bundle.hn[p.member]
}

// Cold fills the outputs after Hot() in out (a sigmoid head's cold
// probabilities) for d; out's hot part is left as it is.
func (p *Predictor) Cold(d *normalize.Doc, out []float64) {
	if p.bundle == nil || p.Hot() == len(out) {
		return
	}
	p.cold(d, out)
}

func (p *Predictor) cold(d *normalize.Doc, out []float64) {
	b, i := p.bundle, p.member
	h := b.hn[i]
	cs := make([]float64, b.cold.k)
	b.ColdScores(d, cs)
	raw := make([]float64, len(out))
	copy(raw[h:], cs[b.coff[i]:b.coff[i]+len(out)-h])
	if p.m.Head == Softmax {
		copy(raw[:h], b.Scores(d)[b.hoff[i]:b.hoff[i]+h])
		p.m.Probs(raw)
		copy(out, raw)
		return
	}
	p.m.Probs(raw) // sigmoid: independent outputs
	copy(out[h:], raw[h:])
}
