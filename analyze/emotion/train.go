package emotion

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/dengar-id/dengar/analyze/model"
)

// Labels are the EmoT emotions, in model output order.
var Labels = []string{"anger", "fear", "happy", "love", "sadness"}

// TrainOptions tune the emotion recipe; the zero value is the shipped one.
type TrainOptions struct {
	Features *model.Features
	C        float64
	Balance  float64
	NB       int
	Tune     int
	Version  string
	// Hinge (1 on, -1 off) picks the hinge loss; Refit (1 on, -1 off)
	// retrains on train+valid after calibration.
	Hinge int
	Refit int
	// NBAlpha overrides the NB smoothing.
	NBAlpha float64
	// Variants overrides the ensemble members (nil: the shipped ones).
	Variants []model.Variant
}

// DefaultFeatures is the shipped feature configuration.
var DefaultFeatures = model.SharedFeatures

// Train rebuilds the emotion model from IndoNLU EmoT train, calibrated on
// EmoT valid and then refit on train+valid, without any text that occurs in
// a reported test split.
func Train(ctx context.Context, dataDir string, o TrainOptions) (*model.Model, error) {
	testKeys, err := model.TestKeys(dataDir)
	if err != nil {
		return nil, err
	}
	valid, err := model.ReadFile(filepath.Join(dataDir, "indonlu-emot/valid_preprocess.csv"), model.FormatEmoT)
	if err != nil {
		return nil, err
	}
	valid, _ = model.Dedup(valid, testKeys)
	exclude := map[string]bool{}
	for k := range testKeys {
		exclude[k] = true
	}
	for _, e := range valid {
		exclude[model.NormKey(e.Text)] = true
	}
	train, err := model.ReadFile(filepath.Join(dataDir, "indonlu-emot/train_preprocess.csv"), model.FormatEmoT)
	if err != nil {
		return nil, err
	}
	train, _ = model.Dedup(train, exclude)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f := DefaultFeatures
	if o.Features != nil {
		f = *o.Features
	}
	svm := model.SVMOptions{C: 0.3, Epochs: 30, Seed: 11, NB: true, NBAlpha: 1}
	if o.C > 0 {
		svm.C = o.C
	}
	if o.NB != 0 {
		svm.NB = o.NB > 0
	}
	if o.NBAlpha > 0 {
		svm.NBAlpha = o.NBAlpha
	}
	if o.Hinge != 0 {
		svm.Hinge = o.Hinge > 0
	}
	refit := true
	if o.Refit != 0 {
		refit = o.Refit > 0
	}
	balance := 0.5
	if o.Balance != 0 {
		balance = max(o.Balance, 0)
	}
	if o.Version == "" {
		o.Version = Version
	}
	m, err := model.TrainMulticlass(model.MulticlassConfig{
		Task: "emotion", Version: o.Version, Labels: Labels, Features: f,
		Train: train, Valid: valid, SVM: svm, Balance: balance, Refit: refit, Variants: o.Variants, TuneOffsets: o.Tune > 0,
		Sources: []model.Source{{Name: "IndoNLU EmoT train", License: "Apache-2.0", Rows: len(train)}},
	})
	if err != nil {
		return nil, fmt.Errorf("train emotion: %w", err)
	}
	return m, nil
}
