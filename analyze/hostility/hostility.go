// Package hostility tags mentions for abusive language, hate speech (with
// target, category and strength) and violent threats. A linear model over
// hashed word and character n-grams (see analyze/model), trained on the
// Indonesian multi-label hate-speech data of Ibrohim & Budi (2019), decides
// hate and abusive. For a post it does not clearly clear of hate, a TF-IDF
// SVM over the raw text (model.TFIDF), which errs differently, and a small
// tree ensemble (model.Trees) that combines both models' scores with the
// post's length make the hate decision. A rule lexicon (Indonesian and
// Banjar) flags threats.
package hostility

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/models"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// Version is the version of the shipped hostility model.
const Version = models.Version

// ModelFile is the name of the embedded model file.
const ModelFile = "hostility.dgm"

// HotOutputs is the number of leading outputs (HS, Abusive, Individual,
// Group) needed for every text that may be hateful (the hate decision's
// stacker reads all four); the others (category, strength) are needed
// only for hateful texts.
const HotOutputs = 4

// Tagger fills mention.Hostility.
type Tagger struct {
	m    *model.Model
	tf   *model.TFIDF // TF-IDF member of the hate decision (may be nil)
	st   *model.Trees // stacker of the hate decision (may be nil)
	th   []float64    // decision thresholds (hate: of the stacker or blend when set)
	gate float64      // hate probability below which tf is not consulted
	pred *model.Predictor
	ctr  *model.LabelCounter
	lx   *lexicon
	// saraThreshold: see the constant.
	saraThreshold float64
	pool          sync.Pool
}

type state struct {
	p []float64
	x []float64 // stacker inputs
	v model.TFIDFVec
	r reading // the rules' reading, its buffers kept from post to post
}

// New loads the embedded models: the hostility model, and the TF-IDF
// member and the stacker of its hate decision.
func New() (*Tagger, error) {
	m, err := model.Load(models.FS, ModelFile)
	if err != nil {
		return nil, fmt.Errorf("hostility: %w", err)
	}
	tf, err := model.LoadTFIDF(models.FS, MemberFile)
	if err != nil {
		return nil, fmt.Errorf("hostility: %w", err)
	}
	st, err := model.LoadTrees(models.FS, StackFile)
	if err != nil {
		return nil, fmt.Errorf("hostility: %w", err)
	}
	return NewFromModels(m, tf, st)
}

// NewFromModel wraps a trained model without a second stage.
func NewFromModel(m *model.Model) (*Tagger, error) { return NewFromModels(m, nil, nil) }

// NewFromModels wraps a trained model and the second stage of its hate
// decision: when tf is not nil, the TF-IDF member, and when st is not nil
// too, the stacker (both trained by train.HostilityMember). With both, the
// stacker's probability is compared with st.Threshold; with the member
// alone, its hate probability is averaged with the model's (in log-odds)
// and compared with tf.Threshold.
func NewFromModels(m *model.Model, tf *model.TFIDF, st *model.Trees) (*Tagger, error) {
	if m.Head != model.Sigmoid || len(m.Labels) != len(Labels) || len(m.Thresholds) != len(Labels) {
		return nil, fmt.Errorf("hostility model: labels %v with head %s are not a hostility model", m.Labels, m.Head)
	}
	for i, l := range Labels {
		if m.Labels[i] != l {
			return nil, fmt.Errorf("hostility model: output %d is %q, want %q", i, m.Labels[i], l)
		}
	}
	k := m.K()
	if st != nil && (tf == nil || !slices.Equal(st.Inputs, stackInputs)) {
		return nil, fmt.Errorf("hostility stacker: inputs %v (member set: %v), want %v with a member", st.Inputs, tf != nil, stackInputs)
	}
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	t := &Tagger{m: m, tf: tf, st: st, th: append([]float64(nil), m.Thresholds...), gate: memberGate, pred: model.NewPredictor(m), ctr: model.NewLabelCounter("hostility", "none", "abusive", "hate"), lx: lx, saraThreshold: saraThreshold}
	switch {
	case st != nil:
		t.th[oHS] = st.Threshold
	case tf != nil:
		t.th[oHS] = float64(tf.Threshold)
	}
	t.pool.New = func() any { return &state{p: make([]float64, k), x: make([]float64, len(stackInputs))} }
	return t, nil
}

// Model is the underlying model.
func (t *Tagger) Model() *model.Model { return t.m }

// UseBundle makes the tagger read its scores from b, where its model is
// member i (see model.Bundle).
func (t *Tagger) UseBundle(b *model.Bundle, i int) error { return t.pred.UseBundle(b, i) }

// Name implements analyze.Tagger.
func (t *Tagger) Name() string { return "hostility" }

// Targets of hostility (mention.Hostility.Target).
const (
	TargetIndividual  = "individual"
	TargetInstitution = "institution"
	TargetGroup       = "group"
)

// CategoryNames are the grounds of an attack (mention.Hostility.Categories),
// in the order of the model's category outputs: agama, suku/ras (with
// origin), fisik (disability and body), gender, lainnya.
var CategoryNames = [...]string{"religion", "race", "physical", "gender", "other"}

// Tag implements analyze.Tagger.
func (t *Tagger) Tag(m *mention.Mention, d *normalize.Doc) {
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	dc := t.decide(d, m.Author.Kind == mention.KindMedia, m.ParentID != "", st, false)
	m.Hostility = dc.h
	t.ctr.Count(dc.h.Label, dc.h.Review)
}

// Explain returns, for the hostility kind, its target, categories and the
// threat flag, the rules and model outputs that decided them, then the
// features that drove the models' hate-speech and abusive-language
// outputs (the data sets' notions, see decide).
func (t *Tagger) Explain(d *normalize.Doc, n int) []model.Explanation {
	return t.ExplainMention(&mention.Mention{}, d, n)
}

// ExplainMention is Explain for a mention (a media account's post reads
// news topics as reports, as Tag does).
func (t *Tagger) ExplainMention(m *mention.Mention, d *normalize.Doc, n int) []model.Explanation {
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	dc := t.decide(d, m.Author.Kind == mention.KindMedia, m.ParentID != "", st, true)
	yes := func(k int) string {
		if dc.p[k] >= t.th[k] {
			return "yes"
		}
		return "no"
	}
	h := dc.h
	why := dc.why
	if len(why) == 0 {
		why = []model.Contribution{{Feature: "no insult, group attack or threat found; model below its thresholds", Weight: 0}}
	}
	out := []model.Explanation{{Output: "kind", Label: Kind(h.Label, h.Threat), Features: why[:min(n, len(why))]}}
	if h.Target != "" {
		out = append(out, model.Explanation{Output: "target", Label: h.Target, Features: dc.whyTarget[:min(n, len(dc.whyTarget))]})
	}
	if len(h.Categories) > 0 {
		out = append(out, model.Explanation{Output: "categories", Label: strings.Join(h.Categories, ","), Features: dc.whyCats[:min(n, len(dc.whyCats))]})
	}
	if h.Threat {
		cues := cueFeatures(dc.r.threat)
		out = append(out, model.Explanation{Output: "threat", Label: "yes", Features: cues[:min(n, len(cues))]})
	}
	out = append(out,
		model.Explanation{Output: "model_hate_speech", Label: yes(oHS), Features: t.m.Explain(d, oHS, n)},
		model.Explanation{Output: "model_abusive", Label: yes(oAbusive), Features: t.m.Explain(d, oAbusive, n)})
	if dc.second && t.st != nil {
		out = append(out, model.Explanation{Output: "model_hate_speech_second_stage", Label: yes(oHS), Features: t.stackExplain(st.x, n)})
	}
	return out
}

// memberGate is the linear model's hate probability below which the
// second stage (member and stacker) is not consulted and the post is not
// hate speech. Over the 10,536 out-of-fold rows of train0+dev0, no post
// below 0.15 reached the stacker's threshold with the models before issue
// 20; with the models trained on the extra corpora, one fold-0 post below
// 0.15 reached 0.516 (threshold 0.48), so the gate is 0.12 (largest
// second-stage probability below it on fold-0 dev and test: 0.372).
// TestMemberGateKeepsDecisions checks it. Most mentions are far from
// hateful, so the cascade keeps tagging fast (0.10 → 0.15: +7 % docs/s in
// `dengar bench tag`).
const memberGate = 0.12

// probs fills st.p with the calibrated output probabilities; for a post
// above the gate, the hate output is the second stage's (and st.x holds
// the stacker's inputs). It reports whether the second stage ran.
func (t *Tagger) probs(d *normalize.Doc, st *state) bool {
	t.pred.Probs(d, st.p)
	if t.tf == nil || st.p[oHS] < t.gate {
		return false
	}
	q := t.tf.Prob(d.Raw, &st.v)
	if t.st == nil {
		st.p[oHS] = BlendHS(st.p[oHS], q)
		return true
	}
	StackRow(st.p, q, len(d.Tokens), st.x)
	st.p[oHS] = t.st.Prob(st.x)
	return true
}

// stackExplain names the stacker's inputs with their values (a
// probability for a log-odds input) and credits each with its share of
// the hate log-odds (model.Trees.Contributions), largest first.
func (t *Tagger) stackExplain(x []float64, n int) []model.Contribution {
	c := t.st.Contributions(x)
	out := make([]model.Contribution, len(c))
	for i, in := range t.st.Inputs {
		name := fmt.Sprintf("%s=%g", in, x[i])
		if p, ok := strings.CutPrefix(in, "logit_"); ok {
			name = fmt.Sprintf("%s=%.3f", p, sigmoidf(x[i]))
		}
		out[i] = model.Contribution{Feature: name, Weight: math.Round(c[i]*1e4) / 1e4}
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Weight) > math.Abs(out[j].Weight) })
	return out[:min(n, len(out))]
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
