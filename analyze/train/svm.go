package train

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
)

// Sample is a feature vector with merged, sorted indexes (training form).
type Sample struct {
	// Idx are sorted, distinct hash buckets.
	Idx []uint32
	// Val are the merged feature values.
	Val []float32
}

// NormalizeFunc is the normaliser Vectorize uses (normalize.Text; a
// variable so that experiments can compare normalisers).
var NormalizeFunc = normalize.Text

// EpochsOverride, when positive, replaces SVMOptions.Epochs (experiments).
var EpochsOverride int

// Vectorize normalises and featurises texts in parallel; the result does
// not depend on the number of workers.
func Vectorize(f model.Features, texts []string) []Sample {
	out := make([]Sample, len(texts))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var v model.Vec
			for i := w; i < len(texts); i += workers {
				f.Extract(NormalizeFunc(texts[i]), &v)
				out[i] = merge(&v)
			}
		}(w)
	}
	wg.Wait()
	return out
}

func merge(v *model.Vec) Sample {
	type iv struct {
		i uint32
		v float32
	}
	tmp := make([]iv, len(v.Idx))
	for i := range v.Idx {
		tmp[i] = iv{v.Idx[i], v.Val[i]}
	}
	sort.Slice(tmp, func(a, b int) bool { return tmp[a].i < tmp[b].i })
	s := Sample{}
	for _, t := range tmp {
		if n := len(s.Idx); n > 0 && s.Idx[n-1] == t.i {
			s.Val[n-1] += t.v
			continue
		}
		s.Idx = append(s.Idx, t.i)
		s.Val = append(s.Val, t.v)
	}
	return s
}

// SVMOptions configure one binary linear SVM.
type SVMOptions struct {
	// C is the inverse regularisation strength.
	C float64
	// PosWeight multiplies C for positive examples (class weighting).
	PosWeight float64
	// Epochs is the number of passes of dual coordinate descent.
	Epochs int
	// Seed fixes the order of the passes.
	Seed uint64
	// NB scales every feature by its naive-Bayes log-count ratio
	// (Wang & Manning 2012) with smoothing NBAlpha.
	NB      bool
	NBAlpha float64
	// Hinge uses the L1 (hinge) loss instead of the squared hinge.
	Hinge bool
	// Logistic trains L2-regularised logistic regression (AdaGrad) instead
	// of an SVM.
	Logistic bool
}

// TrainSVM trains an L2-regularised L2-loss linear SVM by dual coordinate
// descent (Hsieh et al. 2008) and returns the effective weights (NB scaling
// folded in) and the bias.
func TrainSVM(xs []Sample, y []bool, dim int, o SVMOptions) ([]float32, float32) {
	if EpochsOverride > 0 {
		o.Epochs = EpochsOverride
	}
	if o.Epochs <= 0 {
		o.Epochs = 20
	}
	if o.PosWeight <= 0 {
		o.PosWeight = 1
	}
	var r []float64
	if o.NB {
		r = nbRatios(xs, y, dim, o.NBAlpha)
	}
	scale := func(j uint32) float64 {
		if r == nil {
			return 1
		}
		return r[j]
	}
	if o.Logistic {
		return trainLogistic(xs, y, dim, o, r)
	}
	const biasX = 1.0
	w := make([]float64, dim)
	var wb float64
	alpha := make([]float64, len(xs))
	qd := make([]float64, len(xs))
	dii := make([]float64, len(xs))
	ys := make([]float64, len(xs))
	upper := make([]float64, len(xs))
	for i, s := range xs {
		c := o.C
		ys[i] = -1
		if y[i] {
			c *= o.PosWeight
			ys[i] = 1
		}
		dii[i] = 1 / (2 * c)
		upper[i] = math.Inf(1)
		if o.Hinge {
			dii[i], upper[i] = 0, c
		}
		q := biasX*biasX + dii[i]
		for k, j := range s.Idx {
			x := float64(s.Val[k]) * scale(j)
			q += x * x
		}
		qd[i] = q
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	perm := make([]int, len(xs))
	for i := range perm {
		perm[i] = i
	}
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(perm), func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
		maxPG := 0.0
		for _, i := range perm {
			s := xs[i]
			dot := wb * biasX
			for k, j := range s.Idx {
				dot += w[j] * float64(s.Val[k]) * scale(j)
			}
			g := ys[i]*dot - 1 + dii[i]*alpha[i]
			pg := g
			if alpha[i] == 0 && g > 0 {
				pg = 0
			} else if alpha[i] >= upper[i] && g < 0 {
				pg = 0
			}
			if math.Abs(pg) > maxPG {
				maxPG = math.Abs(pg)
			}
			if pg == 0 {
				continue
			}
			old := alpha[i]
			alpha[i] = math.Min(math.Max(old-g/qd[i], 0), upper[i])
			d := (alpha[i] - old) * ys[i]
			if d == 0 {
				continue
			}
			for k, j := range s.Idx {
				w[j] += d * float64(s.Val[k]) * scale(j)
			}
			wb += d * biasX
		}
		if maxPG < 1e-3 {
			break
		}
	}
	out := make([]float32, dim)
	for j := range w {
		out[j] = float32(w[j] * scale(uint32(j)))
	}
	return out, float32(wb * biasX)
}

func nbRatios(xs []Sample, y []bool, dim int, alpha float64) []float64 {
	if alpha <= 0 {
		alpha = 1
	}
	p := make([]float64, dim)
	q := make([]float64, dim)
	for i, s := range xs {
		t := q
		if y[i] {
			t = p
		}
		for _, j := range s.Idx {
			t[j]++
		}
	}
	var sp, sq float64
	for j := range p {
		if p[j] == 0 && q[j] == 0 {
			continue
		}
		p[j] += alpha
		q[j] += alpha
		sp += p[j]
		sq += q[j]
	}
	r := make([]float64, dim)
	for j := range r {
		if p[j] == 0 {
			continue
		}
		r[j] = math.Log((p[j] / sp) / (q[j] / sq))
	}
	return r
}

// TrainOvR trains one binary SVM per output k (positives: y[i][k]) in
// parallel and assembles a bucket-major weight matrix.
func TrainOvR(xs []Sample, y [][]bool, K, dim int, opts []SVMOptions) (W, B []float32) {
	return TrainOvRKnown(xs, y, nil, K, dim, opts)
}

// TrainOvRKnown is TrainOvR where output k is trained only on the samples
// i with known[i][k] (a corpus that does not annotate an output is left
// out of it, rather than counted as its negative); a nil known, or a nil
// row, means every output is known.
func TrainOvRKnown(xs []Sample, y, known [][]bool, K, dim int, opts []SVMOptions) (W, B []float32) {
	W = make([]float32, dim*K)
	B = make([]float32, K)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	var mu sync.Mutex
	for k := 0; k < K; k++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(k int) {
			defer func() { <-sem; wg.Done() }()
			xk, yk := xs, make([]bool, 0, len(xs))
			if masked(known, k) {
				xk = make([]Sample, 0, len(xs))
				for i := range xs {
					if isKnown(known, i, k) {
						xk, yk = append(xk, xs[i]), append(yk, y[i][k])
					}
				}
			} else {
				for i := range xs {
					yk = append(yk, y[i][k])
				}
			}
			w, b := TrainSVM(xk, yk, dim, opts[k])
			mu.Lock()
			for j, x := range w {
				W[j*K+k] = x
			}
			B[k] = b
			mu.Unlock()
		}(k)
	}
	wg.Wait()
	return W, B
}

// masked reports whether some sample leaves output k unknown.
func masked(known [][]bool, k int) bool {
	for i := range known {
		if !isKnown(known, i, k) {
			return true
		}
	}
	return false
}

func isKnown(known [][]bool, i, k int) bool {
	return known == nil || known[i] == nil || known[i][k]
}

// scoreSamples returns the raw scores of each sample under m.
func scoreSamples(m *model.Model, xs []Sample) [][]float64 {
	out := make([][]float64, len(xs))
	for i, s := range xs {
		v := model.Vec{Idx: s.Idx, Val: s.Val}
		out[i] = make([]float64, m.K())
		m.Scores(&v, out[i])
	}
	return out
}

// FitScale finds the softmax scale minimising the negative log-likelihood
// of gold on scores (golden-section search on a log scale).
func FitScale(scores [][]float64, gold []int) float64 {
	nll := func(a float64) float64 {
		var sum float64
		for i, s := range scores {
			max := math.Inf(-1)
			for _, x := range s {
				max = math.Max(max, a*x)
			}
			var z float64
			for _, x := range s {
				z += math.Exp(a*x - max)
			}
			sum += -(a*s[gold[i]] - max - math.Log(z))
		}
		return sum
	}
	return math.Exp(golden(func(t float64) float64 { return nll(math.Exp(t)) }, -3, 4))
}

func golden(f func(float64) float64, a, b float64) float64 {
	g := (math.Sqrt(5) - 1) / 2
	c, d := b-g*(b-a), a+g*(b-a)
	fc, fd := f(c), f(d)
	for i := 0; i < 60; i++ {
		if fc < fd {
			b, d, fd = d, c, fc
			c = b - g*(b-a)
			fc = f(c)
		} else {
			a, c, fc = c, d, fd
			d = a + g*(b-a)
			fd = f(d)
		}
	}
	return (a + b) / 2
}

// FitPlatt fits p = σ(a·s + b) to binary targets by Newton's method on the
// regularised targets of Platt (1999).
func FitPlatt(s []float64, y []bool) (float64, float64) {
	var np, nn float64
	for _, v := range y {
		if v {
			np++
		} else {
			nn++
		}
	}
	hi, lo := (np+1)/(np+2), 1/(nn+2)
	t := make([]float64, len(y))
	for i, v := range y {
		if v {
			t[i] = hi
		} else {
			t[i] = lo
		}
	}
	a, b := 1.0, 0.0
	for it := 0; it < 100; it++ {
		var ga, gb, haa, hab, hbb float64
		for i, x := range s {
			p := model.Logistic(a*x + b)
			d := p - t[i]
			ga += d * x
			gb += d
			w := p * (1 - p)
			haa += w * x * x
			hab += w * x
			hbb += w
		}
		haa += 1e-9
		hbb += 1e-9
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a -= da
		b -= db
		if math.Abs(da)+math.Abs(db) < 1e-9 {
			break
		}
	}
	return a, b
}

// MacroF1Of scores predictions against gold over K classes.
func MacroF1Of(pred, gold []int, K int) float64 {
	tp := make([]float64, K)
	fp := make([]float64, K)
	fn := make([]float64, K)
	for i := range pred {
		if pred[i] == gold[i] {
			tp[pred[i]]++
		} else {
			fp[pred[i]]++
			fn[gold[i]]++
		}
	}
	var sum float64
	n := 0
	for k := 0; k < K; k++ {
		if tp[k]+fp[k]+fn[k] == 0 {
			continue
		}
		n++
		if tp[k] > 0 {
			sum += 2 * tp[k] / (2*tp[k] + fp[k] + fn[k])
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// ReviewThreshold picks the confidence below which predictions go to human
// review: the largest threshold such that the validation predictions below
// it are right at most 60 % of the time, capped so at most a quarter of
// them are sent to review.
func ReviewThreshold(conf []float64, correct []bool) float64 {
	idx := make([]int, len(conf))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return conf[idx[a]] < conf[idx[b]] })
	best := 0.0
	ok := 0
	for n, i := range idx {
		if correct[i] {
			ok++
		}
		if n+1 > len(idx)/4 {
			break
		}
		if n >= 9 && float64(ok)/float64(n+1) <= 0.6 {
			best = conf[i]
		}
	}
	return math.Round(best*1000) / 1000
}

// trainLogistic fits L2-regularised logistic regression with AdaGrad
// (lazy regularisation on the features a sample touches), deterministic for
// a seed. r, when not nil, scales every feature (NB log-count ratios).
func trainLogistic(xs []Sample, y []bool, dim int, o SVMOptions, r []float64) ([]float32, float32) {
	scale := func(j uint32) float64 {
		if r == nil {
			return 1
		}
		return r[j]
	}
	n := float64(len(xs))
	lambda := 1 / (o.C * n)
	const eta = 0.3
	w := make([]float64, dim)
	g2 := make([]float64, dim)
	var b, gb2 float64
	rng := rand.New(rand.NewPCG(o.Seed, 0x1065))
	perm := make([]int, len(xs))
	for i := range perm {
		perm[i] = i
	}
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(perm), func(a, c int) { perm[a], perm[c] = perm[c], perm[a] })
		for _, i := range perm {
			s := xs[i]
			z := b
			for k, j := range s.Idx {
				z += w[j] * float64(s.Val[k]) * scale(j)
			}
			t, cw := 0.0, 1.0
			if y[i] {
				t, cw = 1, o.PosWeight
			}
			g := (model.Logistic(z) - t) * cw
			for k, j := range s.Idx {
				gj := g*float64(s.Val[k])*scale(j) + lambda*w[j]
				g2[j] += gj * gj
				w[j] -= eta * gj / (math.Sqrt(g2[j]) + 1e-8)
			}
			gb2 += g * g
			b -= eta * g / (math.Sqrt(gb2) + 1e-8)
		}
	}
	out := make([]float32, dim)
	for j := range w {
		out[j] = float32(w[j] * scale(uint32(j)))
	}
	return out, float32(b)
}

// vectorizeExamples is Vectorize of the examples' texts with the domain
// feature of those that have one.
func vectorizeExamples(f model.Features, ex []dataset.Example) []Sample {
	return withDomains(f, Vectorize(f, texts(ex)), ex)
}

// withDomains returns xs with the domain feature (value 1, like the SVM's
// bias) added to the samples of examples that have a domain; it copies
// what it changes.
func withDomains(f model.Features, xs []Sample, ex []dataset.Example) []Sample {
	out, copied := xs, false
	for i, e := range ex {
		if e.Domain == "" {
			continue
		}
		if !copied {
			out, copied = slices.Clone(xs), true
		}
		b := f.DomainBucket(e.Domain)
		idx, val := slices.Clone(xs[i].Idx), slices.Clone(xs[i].Val)
		if j, found := slices.BinarySearch(idx, b); found {
			val[j]++
		} else {
			idx, val = slices.Insert(idx, j, b), slices.Insert(val, j, 1)
		}
		out[i] = Sample{Idx: idx, Val: val}
	}
	return out
}

// domains returns the distinct domains of the example sets, sorted.
func domains(sets ...[]dataset.Example) []string {
	var out []string
	for _, ex := range sets {
		for _, e := range ex {
			if e.Domain != "" && !slices.Contains(out, e.Domain) {
				out = append(out, e.Domain)
			}
		}
	}
	slices.Sort(out)
	return out
}

// dropDomains zeroes the weights (laid out bucket-major, K per bucket) of
// the domain features of the example sets.
func dropDomains(f model.Features, W []float32, K int, sets ...[]dataset.Example) {
	for _, d := range domains(sets...) {
		b := int(f.DomainBucket(d))
		clear(W[b*K : (b+1)*K])
	}
}

// domainParam describes the domain biases of a training set, for
// Meta.Params.
func domainParam(train []dataset.Example) string {
	d := domains(train)
	if len(d) == 0 {
		return ""
	}
	return " domain-bias=" + strings.Join(d, ",")
}
