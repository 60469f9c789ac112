package train

import (
	"context"
	"fmt"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/emotion"
	"github.com/dengar-id/dengar/analyze/model"
)

// EmotionOptions tune the emotion recipe; the zero value is the shipped
// one.
type EmotionOptions struct {
	Overrides
	Features *model.Features
	// Tune (1 on) tunes per-class offsets on valid.
	Tune    int
	Version string
}

// EmotionFeatures is the shipped feature configuration of the emotion
// model.
var EmotionFeatures = model.SharedFeatures

// Emotion rebuilds the emotion model from IndoNLU EmoT train, calibrated on
// EmoT valid and then refit on train+valid, without any text that occurs in
// a reported test split.
func Emotion(ctx context.Context, dataDir string, o EmotionOptions) (*model.Model, error) {
	train, valid, err := dataset.ReadSplits(dataDir, "indonlu-emot/train_preprocess.csv", "indonlu-emot/valid_preprocess.csv", dataset.FormatEmoT)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f := EmotionFeatures
	if o.Features != nil {
		f = *o.Features
	}
	svm := o.Apply(SVMOptions{C: 0.3, Epochs: 30, Seed: 11, NB: true, NBAlpha: 1})
	refit := o.RefitOr(true)
	balance := o.BalanceOr(0.5)
	if o.Version == "" {
		o.Version = emotion.Version
	}
	m, err := TrainMulticlass(MulticlassConfig{
		Task: "emotion", Version: o.Version, Labels: emotion.Labels, Features: f,
		Train: train, Valid: valid, SVM: svm, Balance: balance, Refit: refit, Variants: o.Variants, TuneOffsets: o.Tune > 0,
		Sources: []model.Source{{Name: "IndoNLU EmoT train", License: "Apache-2.0", Rows: len(train)}},
	})
	if err != nil {
		return nil, fmt.Errorf("train emotion: %w", err)
	}
	return m, nil
}
