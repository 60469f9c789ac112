package train

import (
	"fmt"
	"math"
	"slices"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/metrics"
	"github.com/dengar-id/dengar/analyze/model"
)

// MultilabelConfig describes a model of independent binary outputs.
type MultilabelConfig struct {
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
	SVM     SVMOptions
	// Balance weights positives by (N_neg/N_pos)^Balance per output.
	Balance float64
	// TuneThreshold[k] tunes output k's threshold for its binary macro-F1 on Valid
	// (otherwise 0.5).
	TuneThreshold []bool
	// Decide, if set, maps calibrated probabilities to one label for the
	// review threshold; conf is the confidence of that decision.
	Decide func(p []float64, th []float64) (label string, conf float64)
	// Gold maps an example to the label Decide should produce.
	Gold func(e dataset.Example) string
	// Refit retrains on Train+Valid once calibration is done.
	Refit bool
	// Variants, when set, train an ensemble of SVMs (merged into one
	// linear model) with these C/NB settings.
	Variants []Variant
	// Known, when set, says whether a training example is annotated for
	// output k; output k is trained only on those that are (a corpus
	// that lacks a label is left out of that output instead of counting
	// as its negative). Valid examples must be annotated for every output.
	Known func(e dataset.Example, k int) bool
}

// TrainMultilabel trains one SVM per output, Platt-calibrates each on
// Valid and tunes decision thresholds.
func TrainMultilabel(c MultilabelConfig) (*model.Model, error) {
	K := len(c.Labels)
	ys := func(ex []dataset.Example) [][]bool {
		y := make([][]bool, len(ex))
		for i, e := range ex {
			y[i] = make([]bool, K)
			for k, l := range c.Labels {
				y[i][k] = e.Has(l)
			}
		}
		return y
	}
	yt, yv := ys(c.Train), ys(c.Valid)
	kt := knownRows(c.Known, c.Train, K)
	xt := vectorizeExamples(c.Features, c.Train)
	xv := Vectorize(c.Features, texts(c.Valid))
	opts := make([]SVMOptions, K)
	for k := range opts {
		opts[k] = c.SVM
		opts[k].Seed = c.SVM.Seed + uint64(k)
		var np, n float64
		for i := range yt {
			if !isKnown(kt, i, k) {
				continue
			}
			n++
			if yt[i][k] {
				np++
			}
		}
		opts[k].PosWeight = 1
		if c.Balance > 0 && np > 0 {
			opts[k].PosWeight = math.Pow((n-np)/np, c.Balance)
		}
	}
	dim := c.Features.Dim()
	cal := func(Wv, Bv []float32) ([]float64, []float64) {
		tmp := &model.Model{Meta: model.Meta{Labels: c.Labels, Features: c.Features}, W: Wv, B: Bv}
		sv := scoreSamples(tmp, xv)
		mult, off := make([]float64, K), make([]float64, K)
		for k := 0; k < K; k++ {
			s := make([]float64, len(sv))
			y := make([]bool, len(sv))
			for i := range sv {
				s[i], y[i] = sv[i][k], yv[i][k]
			}
			mult[k], off[k] = FitPlatt(s, y)
		}
		return mult, off
	}
	W, B, mults, offs := trainMembers(c.Features, xt, c.Train, yt, kt, K, dim, opts, c.Variants, cal)
	dropDomains(c.Features, W, K, c.Train)
	m := &model.Model{Meta: model.Meta{
		Task: c.Task, Version: c.Version, Labels: c.Labels, Head: model.Sigmoid, Features: c.Features, Sources: c.Sources,
		Params: fmt.Sprintf("binary-svm C=%g hinge=%v nb=%v balance=%g epochs=%d seed=%d variants=%v", c.SVM.C, c.SVM.Hinge, c.SVM.NB, c.Balance, c.SVM.Epochs, c.SVM.Seed, c.Variants) + domainParam(c.Train),
	}, W: W, B: B}
	if err := roundTrip(m); err != nil {
		return nil, err
	}
	sv := scoreSamples(m, xv)
	m.Platt = make([][2]float64, K)
	m.Thresholds = make([]float64, K)
	m.Valid = map[string]float64{}
	probs := make([][]float64, len(sv))
	for i := range probs {
		probs[i] = make([]float64, K)
	}
	for k := 0; k < K; k++ {
		s := make([]float64, len(sv))
		y := make([]bool, len(sv))
		for i := range sv {
			s[i], y[i] = sv[i][k], yv[i][k]
		}
		a, b := FitPlatt(s, y)
		m.Platt[k] = [2]float64{round6(a), round6(b)}
		p := make([]float64, len(s))
		for i := range s {
			p[i] = model.Logistic(m.Platt[k][0]*s[i] + m.Platt[k][1])
			probs[i][k] = p[i]
		}
		th := 0.5
		if k < len(c.TuneThreshold) && c.TuneThreshold[k] {
			th = TuneThreshold(p, y)
		}
		m.Thresholds[k] = th
		m.Valid[c.Labels[k]+"_macro_f1"] = round4(binaryMacroF1(p, y, th))
	}
	if c.Decide != nil && c.Gold != nil {
		conf := make([]float64, len(sv))
		ok := make([]bool, len(sv))
		cm := metrics.NewConfusion()
		for i := range sv {
			l, cf := c.Decide(probs[i], m.Thresholds)
			conf[i] = cf
			g := c.Gold(c.Valid[i])
			ok[i] = l == g
			cm.Add(g, l)
		}
		m.ReviewBelow = ReviewThreshold(conf, ok)
		m.Valid["label_macro_f1"] = round4(cm.MacroF1())
	}
	if c.Refit {
		xa := slices.Concat(xt, withDomains(c.Features, xv, c.Valid))
		ya := append(append([][]bool{}, yt...), yv...)
		var ka [][]bool
		if kt != nil {
			ka = append(append([][]bool{}, kt...), make([][]bool, len(yv))...)
		}
		if len(c.Variants) > 0 {
			m.W, m.B = mergeMembers(c.Features, xa, slices.Concat(c.Train, c.Valid), ya, ka, K, dim, opts, c.Variants, mults, offs)
		} else {
			m.W, m.B = TrainOvRKnown(xa, ya, ka, K, dim, opts)
		}
		dropDomains(c.Features, m.W, K, c.Train, c.Valid)
		m.Params += " refit=train+valid"
		if err := roundTrip(m); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// knownRows evaluates known over ex (nil when known is nil or every row
// is annotated for every output).
func knownRows(known func(dataset.Example, int) bool, ex []dataset.Example, K int) [][]bool {
	if known == nil {
		return nil
	}
	out := make([][]bool, len(ex))
	all := true
	for i, e := range ex {
		row := make([]bool, K)
		for k := range row {
			row[k] = known(e, k)
			all = all && row[k]
		}
		out[i] = row
	}
	if all {
		return nil
	}
	return out
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func binaryMacroF1(p []float64, y []bool, th float64) float64 {
	pred := make([]int, len(p))
	gold := make([]int, len(p))
	for i := range p {
		if p[i] >= th {
			pred[i] = 1
		}
		if y[i] {
			gold[i] = 1
		}
	}
	return MacroF1Of(pred, gold, 2)
}

// TuneThreshold returns the probability threshold (0.20–0.80, step 0.01)
// that maximises the binary macro-F1 of p against y.
func TuneThreshold(p []float64, y []bool) float64 {
	best, bt := -1.0, 0.5
	for th := 0.2; th <= 0.8001; th += 0.01 {
		if f := binaryMacroF1(p, y, th); f > best+1e-9 {
			best, bt = f, th
		}
	}
	return math.Round(bt*100) / 100
}
