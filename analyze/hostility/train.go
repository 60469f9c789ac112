package hostility

import (
	"context"
	"fmt"

	"github.com/dengar-id/dengar/analyze/model"
)

// Labels are the model outputs: the columns of the multi-label
// hate-speech data set (Ibrohim & Budi 2019).
var Labels = model.HSColumns

// Output indexes.
const (
	oHS = iota
	oAbusive
	oIndividual
	oGroup
	oReligion
	oRace
	oPhysical
	oGender
	oOther
	oWeak
	oModerate
	oStrong
)

// TrainOptions tune the hostility recipe; the zero value is the shipped one.
type TrainOptions struct {
	model.Overrides
	Features *model.Features
	Version  string
}

// DefaultFeatures is the shipped feature configuration.
var DefaultFeatures = model.SharedFeatures

// Train rebuilds the hostility model from
// id-multilabel-hatespeech/indobertweet-hs1-folds train0 (training) and
// dev0 (calibration and thresholds; then the model is refit on
// train0+dev0), without any text that occurs in a reported test split.
func Train(ctx context.Context, dataDir string, o TrainOptions) (*model.Model, error) {
	dir := "id-multilabel-hatespeech/indobertweet-hs1-folds/"
	train, valid, err := model.ReadSplits(dataDir, dir+"train0.csv", dir+"dev0.csv", model.FormatHS)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f := DefaultFeatures
	if o.Features != nil {
		f = *o.Features
	}
	svm := o.Apply(model.SVMOptions{C: 0.5, Epochs: 30, Seed: 7, NB: true, NBAlpha: 0.25})
	refit := o.RefitOr(true)
	balance := o.BalanceOr(0.5)
	if o.Version == "" {
		o.Version = Version
	}
	// An ensemble of NB-SVMs on all features, on word features only and on
	// character features only, merged into one linear model.
	variants := []model.Variant{{C: svm.C, NB: svm.NB}, {C: svm.C, NB: svm.NB, Groups: "word"}, {C: svm.C, NB: svm.NB, Groups: "char"}}
	if o.Variants != nil {
		variants = o.Variants
	}
	tune := make([]bool, len(Labels))
	tune[oHS], tune[oAbusive] = true, true
	m, err := model.TrainMultilabel(model.MultilabelConfig{
		Task: "hostility", Version: o.Version, Labels: Labels, Features: f,
		Train: train, Valid: valid, SVM: svm, Balance: balance, Refit: refit, Variants: variants, TuneThreshold: tune,
		Sources: []model.Source{{Name: "id-multilabel-hatespeech (Ibrohim & Budi 2019), IndoBERTweet fold 0 train", License: "CC BY-NC-SA 4.0", Rows: len(train)}},
		Decide: func(p, th []float64) (string, float64) {
			l, c := decide(p, th)
			return l, c
		},
		Gold: GoldLabel,
	})
	if err != nil {
		return nil, fmt.Errorf("train hostility: %w", err)
	}
	return m, nil
}

// GoldLabel maps a hate-speech example to none | abusive | hate.
func GoldLabel(e model.Example) string {
	switch {
	case e.Has("HS"):
		return "hate"
	case e.Has("Abusive"):
		return "abusive"
	}
	return "none"
}

// decide turns calibrated output probabilities into a label and its
// confidence.
func decide(p, th []float64) (string, float64) {
	switch {
	case p[oHS] >= th[oHS]:
		return "hate", p[oHS]
	case p[oAbusive] >= th[oAbusive]:
		return "abusive", p[oAbusive]
	}
	return "none", min(1-p[oHS], 1-p[oAbusive])
}
