// Package emotion tags the dominant emotion of a mention (anger, fear,
// happy, love, sadness: the EmoT label set) with a linear model over
// hashed word and character n-grams (see analyze/model) trained on IndoNLU
// EmoT.
package emotion

import (
	"fmt"
	"math"
	"sync"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/models"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// Version is the version of the shipped emotion model.
const Version = models.Version

// Labels are the EmoT emotions, in model output order.
var Labels = []string{"anger", "fear", "happy", "love", "sadness"}

// ModelFile is the name of the embedded model file.
const ModelFile = "emotion.dgm"

// Tagger fills mention.Emotion.
type Tagger struct {
	m    *model.Model
	pred *model.Predictor
	ctr  *model.LabelCounter
	pool sync.Pool
}

type state struct {
	p []float64
}

// New loads the embedded model.
func New() (*Tagger, error) {
	m, err := model.Load(models.FS, ModelFile)
	if err != nil {
		return nil, fmt.Errorf("emotion: %w", err)
	}
	return NewFromModel(m)
}

// NewFromModel wraps a trained model.
func NewFromModel(m *model.Model) (*Tagger, error) {
	if m.Head != model.Softmax || len(m.Labels) != len(Labels) {
		return nil, fmt.Errorf("emotion model: labels %v with head %s are not an emotion model", m.Labels, m.Head)
	}
	k := m.K()
	t := &Tagger{m: m, pred: model.NewPredictor(m), ctr: model.NewLabelCounter("emotion", m.Labels...)}
	t.pool.New = func() any { return &state{p: make([]float64, k)} }
	return t, nil
}

// Model is the underlying model.
func (t *Tagger) Model() *model.Model { return t.m }

// UseBundle makes the tagger read its scores from b, where its model is
// member i (see model.Bundle).
func (t *Tagger) UseBundle(b *model.Bundle, i int) error { return t.pred.UseBundle(b, i) }

// Name implements analyze.Tagger.
func (t *Tagger) Name() string { return "emotion" }

// Tag implements analyze.Tagger.
func (t *Tagger) Tag(m *mention.Mention, d *normalize.Doc) {
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	t.pred.Probs(d, st.p)
	k := model.Argmax(st.p)
	conf := st.p[k]
	m.Emotion = &mention.Emotion{
		Label:      t.m.Labels[k],
		Confidence: round3(conf),
		Review:     conf < t.m.ReviewBelow,
	}
	t.ctr.Count(m.Emotion.Label, m.Emotion.Review)
}

// Explain returns the features that drove the label of d.
func (t *Tagger) Explain(d *normalize.Doc, n int) []model.Explanation {
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	t.pred.Probs(d, st.p)
	k := model.Argmax(st.p)
	return []model.Explanation{{Output: "emotion", Label: t.m.Labels[k], Features: t.m.Explain(d, k, n)}}
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
