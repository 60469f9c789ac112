package emotion

import (
	"context"
	"fmt"

	"github.com/dengar-id/dengar/analyze/model"
)

// Labels are the EmoT emotions, in model output order.
var Labels = []string{"anger", "fear", "happy", "love", "sadness"}

// TrainOptions tune the emotion recipe; the zero value is the shipped one.
type TrainOptions struct {
	model.Overrides
	Features *model.Features
	// Tune (1 on) tunes per-class offsets on valid.
	Tune    int
	Version string
}

// DefaultFeatures is the shipped feature configuration.
var DefaultFeatures = model.SharedFeatures

// Train rebuilds the emotion model from IndoNLU EmoT train, calibrated on
// EmoT valid and then refit on train+valid, without any text that occurs in
// a reported test split.
func Train(ctx context.Context, dataDir string, o TrainOptions) (*model.Model, error) {
	train, valid, err := model.ReadSplits(dataDir, "indonlu-emot/train_preprocess.csv", "indonlu-emot/valid_preprocess.csv", model.FormatEmoT)
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
	svm := o.Apply(model.SVMOptions{C: 0.3, Epochs: 30, Seed: 11, NB: true, NBAlpha: 1})
	refit := o.RefitOr(true)
	balance := o.BalanceOr(0.5)
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
