// Package sentiment tags mentions as positive, neutral or negative with a
// linear model over hashed word and character n-grams (see analyze/model),
// trained on IndoNLU SmSA and NusaX (Indonesian, Banjar, Javanese, Bugis).
package sentiment

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/models"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// Version is the version of the shipped sentiment model.
const Version = models.Version

// Labels are the sentiment classes, in model output order.
var Labels = []string{"negative", "neutral", "positive"}

// ModelFile is the name of the embedded model file.
const ModelFile = "sentiment.dgm"

// Tagger fills mention.Sentiment.
type Tagger struct {
	m    *model.Model
	pred *model.Predictor
	ctr  *model.LabelCounter
	pos  int
	neg  int
	pool sync.Pool
}

type state struct {
	p []float64
}

// New loads the embedded model.
func New() (*Tagger, error) {
	m, err := model.Load(models.FS, ModelFile)
	if err != nil {
		return nil, fmt.Errorf("sentiment: %w", err)
	}
	return NewFromModel(m)
}

// NewFromModel wraps a trained model.
func NewFromModel(m *model.Model) (*Tagger, error) {
	t := &Tagger{m: m, pred: model.NewPredictor(m), ctr: model.NewLabelCounter("sentiment", m.Labels...), pos: -1, neg: -1}
	for i, l := range m.Labels {
		switch l {
		case mention.SentimentPositive:
			t.pos = i
		case mention.SentimentNegative:
			t.neg = i
		}
	}
	if m.Head != model.Softmax || t.pos < 0 || t.neg < 0 {
		return nil, fmt.Errorf("sentiment model: labels %v with head %s are not a sentiment model", m.Labels, m.Head)
	}
	k := m.K()
	t.pool.New = func() any { return &state{p: make([]float64, k)} }
	return t, nil
}

// Model is the underlying model.
func (t *Tagger) Model() *model.Model { return t.m }

// UseBundle makes the tagger read its scores from b, where its model is
// member i (see model.Bundle).
func (t *Tagger) UseBundle(b *model.Bundle, i int) error { return t.pred.UseBundle(b, i) }

// Name implements analyze.Tagger.
func (t *Tagger) Name() string { return "sentiment" }

// Tag implements analyze.Tagger.
func (t *Tagger) Tag(m *mention.Mention, d *normalize.Doc) {
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	t.pred.Probs(d, st.p)
	k := model.Argmax(st.p)
	conf := st.p[k]
	m.Sentiment = &mention.Sentiment{
		Label:      t.m.Labels[k],
		Score:      round3(st.p[t.pos] - st.p[t.neg]),
		Confidence: round3(conf),
		Review:     conf < t.m.ReviewBelow,
	}
	if r := decideAll(d, m.Sentiment.Label, conf, false); r.label != "" {
		m.Sentiment.Label = r.label
		m.Sentiment.Score = ruleScore[r.label]
		m.Sentiment.Confidence = RuleConfidence
		m.Sentiment.Review = false
	}
	t.ctr.Count(m.Sentiment.Label, m.Sentiment.Review)
}

// RuleConfidence is the confidence given to a label that a rule decided
// (see rules.go); the score is then ±RuleConfidence or 0 for neutral.
const RuleConfidence = 0.8

var ruleScore = map[string]float64{mentionPositive: RuleConfidence, mentionNeutral: 0, mentionNegative: -RuleConfidence}

// Explain returns the features that drove the label of d.
func (t *Tagger) Explain(d *normalize.Doc, n int) []model.Explanation {
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	t.pred.Probs(d, st.p)
	k := model.Argmax(st.p)
	if r := decideAll(d, t.m.Labels[k], st.p[k], true); r.label != "" {
		f := []model.Contribution{{Feature: r.rule + " (" + strings.Join(r.cues, ", ") + ")", Weight: RuleConfidence}}
		for _, c := range t.m.Explain(d, k, n) {
			c.Feature = "model " + t.m.Labels[k] + ": " + c.Feature
			f = append(f, c)
		}
		return []model.Explanation{{Output: "sentiment", Label: r.label, Features: f}}
	}
	return []model.Explanation{{Output: "sentiment", Label: t.m.Labels[k], Features: t.m.Explain(d, k, n)}}
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
