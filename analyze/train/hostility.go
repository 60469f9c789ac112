package train

import (
	"context"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/hostility"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
)

// The hostility model's outputs that its recipe refers to, by name.
var (
	hostHS      = slices.Index(hostility.Labels, "HS")
	hostAbusive = slices.Index(hostility.Labels, "Abusive")
)

// HostilityOptions tune the hostility recipe; the zero value is the
// shipped one.
type HostilityOptions struct {
	Overrides
	Features *model.Features
	Version  string
}

// HostilityFeatures is the shipped feature configuration of the hostility
// model: the shared one plus pairs of the first 20 content words
// (model.Features.Pairs). Hate is often a target and an insult that are
// not adjacent ("gubernur … tolol"). Five-fold CV over train0+dev0: this model alone 0.8610 →
// 0.8640 (best-threshold out-of-fold macro-F1; 12, 30 and 50 words:
// 0.8615, 0.8645, 0.8640), the whole hate decision (nested) 0.8646 →
// 0.8663. The sentiment model lost 0.01 on NusaX with pairs, so only
// this model has them (model.Bundle applies them to it alone).
var HostilityFeatures = func() model.Features {
	f := model.SharedFeatures
	f.Pairs, f.PairWeight = 20, 1
	return f
}()

// Hostility rebuilds the hostility model from
// id-multilabel-hatespeech/indobertweet-hs1-folds train0 (training) and
// dev0 (calibration and thresholds; then the model is refit on
// train0+dev0), without any text that occurs in a reported test split.
func Hostility(ctx context.Context, dataDir string, o HostilityOptions) (*model.Model, error) {
	train, valid, extra, err := readHostilitySplits(dataDir)
	if err != nil {
		return nil, err
	}
	return trainHostility(ctx, append(train, extra...), valid, o)
}

const foldDir = "id-multilabel-hatespeech/indobertweet-hs1-folds/"

// readHostilitySplits reads the training data: fold 0 train and dev of the
// hate-speech data (with the SARA label derived, and the topic copies),
// and the extra corpora, each with a domain of its own and annotated for
// some outputs only (see extraCorpora, hostilityKnown).
func readHostilitySplits(dataDir string) (train, valid, extra []dataset.Example, err error) {
	train, valid, err = dataset.ReadSplits(dataDir, foldDir+"train0.csv", foldDir+"dev0.csv", dataset.FormatHS)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, set := range [][]dataset.Example{train, valid} {
		for i := range set {
			if isSARA(set[i]) {
				set[i].Labels = append(set[i].Labels, hostility.LabelSARA)
			}
		}
	}
	extra, err = readExtra(dataDir, valid)
	return withTopicCopies(train), valid, extra, err
}

// isSARA reports whether a hate-speech example is group hate in the
// product's sense (hostility.LabelSARA).
func isSARA(e dataset.Example) bool {
	return e.Has("HS") && e.Has("HS_Group") && (e.Has("HS_Religion") || e.Has("HS_Race") || e.Has("HS_Gender") || e.Has("HS_Physical"))
}

// extraCorpus is a training corpus besides the hate-speech data, and how
// its labels map to the model's outputs: it annotates those outputs only.
type extraCorpus struct {
	domain, path string
	format       dataset.Format
	// testFold: the corpus has no official split; its dataset.TestFold is
	// held out.
	testFold bool
	// labels maps the corpus's labels to the model's outputs it annotates.
	labels map[string]string
}

// extraCorpora are the extra training corpora (licences in
// analyze/models/NOTICE.md): Netifier's SARA label (group hate),
// the Pilkada 2017 hate-speech labels (hate speech in the merged sense)
// and the news comments' abusive labels.
var extraCorpora = []extraCorpus{
	{domain: "netifier", path: "netifier-toxic/train.csv", format: dataset.FormatNetifier, labels: map[string]string{"sara": hostility.LabelSARA}},
	{domain: "pilkada2017", path: "id-hatespeech-pilkada2017/IDHSD_RIO_unbalanced_713_2017.txt", format: dataset.FormatIDHSD, testFold: true, labels: map[string]string{"HS": "HS"}},
	{domain: "newscomments", path: "id-abusive-news-comments/comments.csv", format: dataset.FormatNewsAbusive, testFold: true, labels: map[string]string{"Abusive": "Abusive"}},
}

// readExtra reads the extra corpora without their test fold and without
// any text of a reported test split or of valid.
func readExtra(dataDir string, valid []dataset.Example) ([]dataset.Example, error) {
	held, err := dataset.TestKeys(dataDir)
	if err != nil {
		return nil, err
	}
	for _, e := range valid {
		held[dataset.NormKey(e.Text)] = true
	}
	var out []dataset.Example
	for _, c := range extraCorpora {
		ex, err := dataset.ReadFile(filepath.Join(dataDir, c.path), c.format)
		if err != nil {
			return nil, err
		}
		var keep []dataset.Example
		for _, e := range ex {
			if c.testFold && dataset.Fold(e) == dataset.TestFold {
				continue
			}
			var labels []string
			for _, l := range e.Labels {
				if to, ok := c.labels[l]; ok {
					labels = append(labels, to)
				}
			}
			keep = append(keep, dataset.Example{Text: e.Text, Labels: labels, Domain: c.domain})
		}
		keep, _ = dataset.Dedup(keep, held)
		out = append(out, keep...)
	}
	return out, nil
}

// hostilityKnown reports whether example e is annotated for output k: the
// hate-speech data for all, an extra corpus for those its labels map to.
func hostilityKnown(e dataset.Example, k int) bool {
	if e.Domain == "" {
		return true
	}
	for _, c := range extraCorpora {
		if c.domain == e.Domain {
			for _, to := range c.labels {
				if to == hostility.Labels[k] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// topicWords are city topics that the training tweets tie to hostility
// for reasons of their own. "banjir" (flood) is the only one: in the
// hate-speech data it occurs in 20 tweets, 16 of them hate (Jakarta's
// floods as a political weapon), and its letters hold those of "anjir",
// an abusive word, so its character n-grams score as abuse. In Samarinda,
// where floods are the most talked-about problem, that tagged 26 of 331
// plain flood complaints of the demo week abusive ("Banjir lagi di
// Palaran, motor mogok semua"). Of 29 city topics put into the same
// neutral sentence, "banjir" scored 0.275 against 0.07–0.15 for the
// others, so no other word is listed.
var topicWords = []string{"banjir"}

// topicCopies is how many clean training tweets get a topic-word copy.
const topicCopies = 200

// withTopicCopies adds counterfactual copies (Dixon et al. 2018, "Measuring
// and Mitigating Unintended Bias in Text Classification"): topicCopies
// tweets with no label at all, each with a topic word put in after one of
// its words (chosen by a hash of the text, so the set is reproducible) and
// still no label. The model then learns that the word alone says nothing
// about hostility, without losing what its neighbours say.
func withTopicCopies(train []dataset.Example) []dataset.Example {
	var clean []dataset.Example
	for _, e := range train {
		if len(e.Labels) == 0 {
			clean = append(clean, e)
		}
	}
	if len(clean) == 0 {
		return train
	}
	out := append([]dataset.Example(nil), train...)
	step := max(1, len(clean)/topicCopies)
	for i, n := 0, 0; i < len(clean) && n < topicCopies; i, n = i+step, n+1 {
		e := clean[i]
		words := strings.Fields(e.Text)
		h := fnv.New32a()
		h.Write([]byte(e.Text))
		at := int(h.Sum32() % uint32(len(words)+1))
		w := topicWords[n%len(topicWords)]
		words = append(words[:at], append([]string{w}, words[at:]...)...)
		e.Text = strings.Join(words, " ")
		out = append(out, e)
	}
	return out
}

// trainHostility trains the hostility recipe o on train, calibrated on
// valid.
func trainHostility(ctx context.Context, train, valid []dataset.Example, o HostilityOptions) (*model.Model, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f := HostilityFeatures
	if o.Features != nil {
		f = *o.Features
	}
	svm := o.Apply(SVMOptions{C: 0.5, Epochs: 30, Seed: 7, NB: true, NBAlpha: 0.25})
	refit := o.RefitOr(true)
	balance := o.BalanceOr(0.5)
	if o.Version == "" {
		o.Version = hostility.Version
	}
	// An ensemble of NB-SVMs on all features, on word features only and on
	// character features only, merged into one linear model.
	variants := []Variant{{C: svm.C, NB: svm.NB}, {C: svm.C, NB: svm.NB, Groups: "word"}, {C: svm.C, NB: svm.NB, Groups: "char"}}
	if o.Variants != nil {
		variants = o.Variants
	}
	tune := make([]bool, len(hostility.Labels))
	tune[hostHS], tune[hostAbusive] = true, true
	m, err := TrainMultilabel(MultilabelConfig{
		Task: "hostility", Version: o.Version, Labels: hostility.Labels, Features: f,
		Train: train, Valid: valid, SVM: svm, Balance: balance, Refit: refit, Variants: variants, TuneThreshold: tune,
		Sources: hostilitySources(train), Known: hostilityKnown,
		Decide: decideDataset,
		Gold:   hostilityGold,
	})
	if err != nil {
		return nil, fmt.Errorf("train hostility: %w", err)
	}
	return m, nil
}

// hostilitySources names the training data of train by corpus.
func hostilitySources(train []dataset.Example) []model.Source {
	n := map[string]int{}
	for _, e := range train {
		n[e.Domain]++
	}
	out := []model.Source{{Name: "id-multilabel-hatespeech (Ibrohim & Budi 2019), IndoBERTweet fold 0 train", License: "CC BY-NC-SA 4.0", Rows: n[""]}}
	for _, c := range extraCorpora {
		if n[c.domain] > 0 {
			out = append(out, model.Source{Name: c.domain + ": " + c.path, License: extraLicences[c.domain], Rows: n[c.domain]})
		}
	}
	return out
}

// extraLicences are the licences of the extra corpora (see their SOURCE.md).
var extraLicences = map[string]string{
	"netifier":     "CC BY-NC-SA 4.0 (catalogue)",
	"pilkada2017":  "custom: free use, no public copies of the rows",
	"newscomments": "CC BY-SA 4.0 (catalogue)",
}

// hostilityGold maps a hate-speech example to none | abusive | hate.
func hostilityGold(e dataset.Example) string {
	switch {
	case e.Has("HS"):
		return "hate"
	case e.Has("Abusive"):
		return "abusive"
	}
	return "none"
}

// decideDataset turns calibrated output probabilities into a label of the
// hate-speech data (hate speech before abusive language) and its
// confidence: what the model's review threshold is fitted on.
func decideDataset(p, th []float64) (string, float64) {
	switch {
	case p[hostHS] >= th[hostHS]:
		return "hate", p[hostHS]
	case p[hostAbusive] >= th[hostAbusive]:
		return "abusive", p[hostAbusive]
	}
	return "none", min(1-p[hostHS], 1-p[hostAbusive])
}

// HostilityMemberFeatures is the feature configuration of the hate
// decision's TF-IDF member: raw-text word uni- and bigrams and character
// 2–5-grams in 2^19 buckets.
var HostilityMemberFeatures = model.TFIDFFeatures(19, 2, 5)

// HostilityMember trains the second stage of the hate decision: the TF-IDF
// member (see model.TFIDF), fitted on train0, Platt-scaled on dev0, then
// refit on train0+dev0 like the hostility model, and the stacker
// (model.Trees) that combines both models' probabilities into the hate
// decision.
//
// Both rest on five-fold out-of-fold predictions over train0+dev0
// (train-only models of recipe o and members, each calibrated on a
// held-back eighth of its training folds), so that they rest on all 10,536
// rows rather than on dev0's 1,317: the member's Threshold is that of the
// plain blend (used when no stacker is loaded), the stacker is fitted to
// the out-of-fold rows and its threshold tuned on its own five-fold
// predictions over them.
//
// Cross-validation on train0+dev0 chose the blend (HS macro-F1 0.8624 for
// the hostility model alone, 0.8624 for the member alone, 0.8681
// averaged), the out-of-fold threshold (nested five-fold: 0.8646, against
// 0.8635 with the threshold tuned on a held-back dev split) and the
// stacker (nested five-fold over the same out-of-fold rows, with word
// pairs in the hostility model: blend 0.8663, stacker 0.8713; see
// hostility.StackInputs).
func HostilityMember(ctx context.Context, dataDir string, o HostilityOptions) (*model.TFIDF, *model.Trees, error) {
	train, valid, extra, err := readHostilitySplits(dataDir)
	if err != nil {
		return nil, nil, err
	}
	tf, err := trainHostilityMember(ctx, train, valid, o)
	if err != nil {
		return nil, nil, err
	}
	oof, err := outOfFold(ctx, append(append([]dataset.Example{}, train...), valid...), extra, o)
	if err != nil {
		return nil, nil, err
	}
	tf.Threshold = float32(TuneThreshold(oof.blend, oof.gold))
	st, err := trainStack(oof)
	if err != nil {
		return nil, nil, err
	}
	return tf, st, nil
}

// stackOptions are the boosting parameters of the stacker: 100 trees of
// 7 leaves (nested CV 0.8708; 300 trees at rate 0.03 0.8708, 500 at 0.02
// 0.8711, 15 leaves 0.8708, 5 leaves 0.8682), few enough to cost well
// under a microsecond per post it is consulted for.
var stackOptions = model.TreeOptions{Rounds: 100, Rate: 0.1, Leaves: 7, MinLeaf: 40, L2: 1, Bins: 64}

// oofRows are out-of-fold predictions over the training data.
type oofRows struct {
	x     [][]float64 // stacker inputs
	blend []float64   // blended hate probability
	gold  []bool      // HS label
	fold  []int
}

// trainStack fits the stacker to the out-of-fold rows and tunes its
// threshold on its own out-of-fold predictions over them (same folds).
func trainStack(r *oofRows) (*model.Trees, error) {
	var probs []float64
	var gold []bool
	for j := range oofFolds {
		var xa, xb [][]float64
		var ya, yb []bool
		for i, f := range r.fold {
			if f == j {
				xb, yb = append(xb, r.x[i]), append(yb, r.gold[i])
			} else {
				xa, ya = append(xa, r.x[i]), append(ya, r.gold[i])
			}
		}
		t, err := TrainTrees(hostility.StackInputs(), xa, ya, stackOptions)
		if err != nil {
			return nil, fmt.Errorf("train stacker: %w", err)
		}
		for i, x := range xb {
			probs, gold = append(probs, t.Prob(x)), append(gold, yb[i])
		}
	}
	t, err := TrainTrees(hostility.StackInputs(), r.x, r.gold, stackOptions)
	if err != nil {
		return nil, fmt.Errorf("train stacker: %w", err)
	}
	t.Threshold = TuneThreshold(probs, gold)
	return t, nil
}

// memberSVM are the SVM options of the TF-IDF member.
var memberSVM = SVMOptions{C: 0.3, Epochs: 50, Seed: 11, PosWeight: 1}

// trainHostilityMember fits the member on train, its Platt scaling on valid, and
// refits it on train+valid unless o turns refitting off.
func trainHostilityMember(ctx context.Context, train, valid []dataset.Example, o HostilityOptions) (*model.TFIDF, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tt, ty := hsTexts(train)
	vt, vy := hsTexts(valid)
	tf := TrainTFIDF(HostilityMemberFeatures, tt, ty, memberSVM)
	var v model.TFIDFVec
	s := make([]float64, len(vt))
	for i, x := range vt {
		s[i] = tf.Score(x, &v)
	}
	a, b := FitPlatt(s, vy)
	platt := [2]float32{float32(a), float32(b)}
	if o.RefitOr(true) {
		tf = TrainTFIDF(HostilityMemberFeatures, append(tt, vt...), append(ty, vy...), memberSVM)
	}
	tf.Platt = platt
	return tf, nil
}

// oofFolds is the number of folds of the out-of-fold threshold.
const oofFolds = 5

// outOfFold predicts every row of ex with models that did not see it:
// for each fold, a hostility model (with the extra corpora) and a member
// are trained (without refit) on the other folds, calibrated on an eighth
// of them held back, and applied to the fold.
func outOfFold(ctx context.Context, ex, extra []dataset.Example, o HostilityOptions) (*oofRows, error) {
	o.Refit = -1
	r := &oofRows{}
	for j := range oofFolds {
		train, valid, held := dataset.FoldSplits(ex, oofFolds, j, 8)
		keys := map[string]bool{}
		for _, e := range slices.Concat(valid, held) {
			keys[dataset.NormKey(e.Text)] = true
		}
		others, _ := dataset.Dedup(extra, keys)
		m, err := trainHostility(ctx, slices.Concat(train, others), valid, o)
		if err != nil {
			return nil, err
		}
		tf, err := trainHostilityMember(ctx, train, valid, o)
		if err != nil {
			return nil, err
		}
		pred := model.NewPredictor(m)
		p := make([]float64, m.K())
		var v model.TFIDFVec
		for _, e := range held {
			d := normalize.Text(e.Text)
			pred.Probs(d, p)
			q := tf.Prob(e.Text, &v)
			x := make([]float64, len(hostility.StackInputs()))
			hostility.StackRow(p, q, len(d.Tokens), x)
			r.x = append(r.x, x)
			r.blend = append(r.blend, hostility.BlendHS(p[hostHS], q))
			r.gold = append(r.gold, e.Has("HS"))
			r.fold = append(r.fold, j)
		}
	}
	return r, nil
}
func hsTexts(ex []dataset.Example) ([]string, []bool) {
	t, y := make([]string, len(ex)), make([]bool, len(ex))
	for i, e := range ex {
		t[i], y[i] = e.Text, e.Has("HS")
	}
	return t, y
}
