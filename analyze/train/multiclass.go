package train

import (
	"bytes"
	"fmt"
	"math"
	"slices"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/model"
)

// MulticlassConfig describes one softmax classifier to train.
type MulticlassConfig struct {
	// Task and Version name the model; Labels are its outputs in order.
	Task    string
	Version string
	Labels  []string
	// Features is the feature configuration.
	Features model.Features
	// Train is fitted; Valid calibrates and tunes (and joins the refit).
	Train []dataset.Example
	Valid []dataset.Example
	// Sources name the training data sets and their licences.
	Sources []model.Source
	// SVM are the SVM options; PosWeight is ignored (see Balance).
	SVM SVMOptions
	// Balanced weights each class's positives by (N / (K·N_k))^Balance.
	Balance float64
	// TuneOffsets adjusts per-class offsets on Valid for macro-F1.
	TuneOffsets bool
	// Refit retrains on Train+Valid once calibration is done (the
	// calibration and validation scores come from the Train-only model).
	Refit bool
	// Variants, when set, train an ensemble of SVMs (merged into one
	// linear model) with these C/NB settings.
	Variants []Variant
}

// TrainMulticlass trains one-vs-rest SVMs, calibrates a softmax on Valid
// and returns the model with its validation scores in Meta.Valid.
func TrainMulticlass(c MulticlassConfig) (*model.Model, error) {
	K := len(c.Labels)
	index := map[string]int{}
	for i, l := range c.Labels {
		index[l] = i
	}
	golds := func(ex []dataset.Example) ([]int, error) {
		g := make([]int, len(ex))
		for i, e := range ex {
			k, ok := index[e.Label()]
			if !ok {
				return nil, fmt.Errorf("%s: unknown label %q", c.Task, e.Label())
			}
			g[i] = k
		}
		return g, nil
	}
	gt, err := golds(c.Train)
	if err != nil {
		return nil, err
	}
	gv, err := golds(c.Valid)
	if err != nil {
		return nil, err
	}
	xt := vectorizeExamples(c.Features, c.Train)
	xv := Vectorize(c.Features, texts(c.Valid))
	y := make([][]bool, len(xt))
	count := make([]float64, K)
	for i, g := range gt {
		y[i] = make([]bool, K)
		y[i][g] = true
		count[g]++
	}
	opts := make([]SVMOptions, K)
	for k := range opts {
		opts[k] = c.SVM
		opts[k].Seed = c.SVM.Seed + uint64(k)
		opts[k].PosWeight = 1
		if c.Balance > 0 && count[k] > 0 {
			opts[k].PosWeight = math.Pow(float64(len(xt))/(float64(K)*count[k]), c.Balance)
		}
	}
	dim := c.Features.Dim()
	cal := func(Wv, Bv []float32) ([]float64, []float64) {
		tmp := &model.Model{Meta: model.Meta{Labels: c.Labels, Features: c.Features}, W: Wv, B: Bv}
		a := FitScale(scoreSamples(tmp, xv), gv)
		mult, off := make([]float64, K), make([]float64, K)
		for k := range mult {
			mult[k] = a
		}
		return mult, off
	}
	W, B, mults, offs := trainMembers(c.Features, xt, c.Train, y, nil, K, dim, opts, c.Variants, cal)
	dropDomains(c.Features, W, K, c.Train)
	m := &model.Model{Meta: model.Meta{
		Task: c.Task, Version: c.Version, Labels: c.Labels, Head: model.Softmax, Features: c.Features,
		Sources: c.Sources, Scale: 1, Offsets: make([]float64, K),
		Params: fmt.Sprintf("ovr-svm C=%g hinge=%v nb=%v balance=%g epochs=%d seed=%d variants=%v", c.SVM.C, c.SVM.Hinge, c.SVM.NB, c.Balance, c.SVM.Epochs, c.SVM.Seed, c.Variants) + domainParam(c.Train),
	}, W: W, B: B}
	// Quantise now so that calibration sees the shipped weights.
	if err := roundTrip(m); err != nil {
		return nil, err
	}
	sv := scoreSamples(m, xv)
	if len(sv) > 0 {
		m.Scale = math.Round(FitScale(sv, gv)*1e4) / 1e4
		if c.TuneOffsets {
			m.Offsets = tuneOffsets(m, sv, gv)
		}
	}
	conf := make([]float64, len(sv))
	ok := make([]bool, len(sv))
	pred := make([]int, len(sv))
	p := make([]float64, K)
	for i, s := range sv {
		copy(p, s)
		m.Probs(p)
		pred[i] = model.Argmax(p)
		conf[i] = p[pred[i]]
		ok[i] = pred[i] == gv[i]
	}
	m.ReviewBelow = ReviewThreshold(conf, ok)
	m.Valid = map[string]float64{"macro_f1": round4(MacroF1Of(pred, gv, K)), "accuracy": round4(accuracy(ok))}
	if c.Refit {
		xa := slices.Concat(xt, withDomains(c.Features, xv, c.Valid))
		ya := append([][]bool{}, y...)
		for _, g := range gv {
			r := make([]bool, K)
			r[g] = true
			ya = append(ya, r)
		}
		if len(c.Variants) > 0 {
			m.W, m.B = mergeMembers(c.Features, xa, slices.Concat(c.Train, c.Valid), ya, nil, K, dim, opts, c.Variants, mults, offs)
		} else {
			m.W, m.B = TrainOvR(xa, ya, K, dim, opts)
		}
		dropDomains(c.Features, m.W, K, c.Train, c.Valid)
		m.Params += " refit=train+valid"
		if err := roundTrip(m); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func tuneOffsets(m *model.Model, sv [][]float64, gv []int) []float64 {
	K := m.K()
	off := make([]float64, K)
	pred := make([]int, len(sv))
	score := func() float64 {
		for i, s := range sv {
			best, bv := 0, math.Inf(-1)
			for k := range s {
				if z := m.Scale*s[k] + off[k]; z > bv {
					best, bv = k, z
				}
			}
			pred[i] = best
		}
		return MacroF1Of(pred, gv, K)
	}
	best := score()
	for round := 0; round < 3; round++ {
		for k := 0; k < K; k++ {
			orig := off[k]
			bk := orig
			for d := -1.0; d <= 1.0001; d += 0.1 {
				off[k] = orig + d
				if f := score(); f > best+1e-9 {
					best, bk = f, off[k]
				}
			}
			off[k] = math.Round(bk*100) / 100
		}
	}
	return off
}

// roundTrip quantises m's weights as its model file does, so that what
// follows sees the shipped weights.
func roundTrip(m *model.Model) error {
	var b bytes.Buffer
	if err := m.Encode(&b); err != nil {
		return err
	}
	d, err := model.Decode(&b)
	if err != nil {
		return err
	}
	m.W, m.B = d.W, d.B
	return nil
}

func texts(ex []dataset.Example) []string {
	out := make([]string, len(ex))
	for i, e := range ex {
		out[i] = e.Text
	}
	return out
}

func accuracy(ok []bool) float64 {
	if len(ok) == 0 {
		return 0
	}
	n := 0
	for _, v := range ok {
		if v {
			n++
		}
	}
	return float64(n) / float64(len(ok))
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
