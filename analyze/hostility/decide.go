package hostility

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// The product's taxonomy (mention.Hostility) differs from the data sets':
// the hate-speech data counts an insult at one person as hate speech and
// much campaigning and criticism as well. The models' outputs keep the
// data sets' notions (the public figures are measured on them); decide
// maps them, with the rules, to the product's kinds:
//
//   - threat: a threat rule fired (threat.go); hostile whatever the label;
//   - hate: a group-attack rule fired (hate.go), or the model's group
//     hate output is high for a post that names an identity;
//   - abusive: an insult aimed at someone (insult.go), or the model's
//     abusive-language output, re-read without the words that are only
//     mentioned (exclamations, quotations, reports);
//   - none otherwise: the model's hate-speech output alone (criticism,
//     campaigning, "uang rakyat habis …") does not make a post hostile.

// decision is the hostility tagger's reading of one post.
type decision struct {
	h *mention.Hostility
	// p are the model's probabilities (hot outputs, cold ones when read).
	p      []float64
	r      *reading
	second bool // the hate-speech second stage ran
	// datasetHS is the hate-speech data's notion (see DatasetHS).
	datasetHS bool
	// why* explain the kind, the target and the categories (explain only).
	why, whyTarget, whyCats []model.Contribution
}

// saraThreshold is the model's group-hate probability (output SARA) at or
// above which a post that names an identity, and that no rule found to
// be hate, is hate.
const saraThreshold = 0.5

// decide computes the product's hostility tags of d. media: the post is
// a media account's; reply: it answers another post (its addressee is
// the target even when no word names one).
func (t *Tagger) decide(d *normalize.Doc, media, reply bool, st *state, explain bool) decision {
	dc := decision{p: st.p}
	dc.second = t.probs(d, st)
	p, th := st.p, t.th
	langAbusive := p[oAbusive] >= th[oAbusive]
	r := t.lx.readInto(&st.r, d, media, langAbusive)
	dc.r = r
	why := func(feature string, w float64) {
		if explain {
			dc.why = append(dc.why, model.Contribution{Feature: feature, Weight: round3(w)})
		}
	}
	hs := p[oHS] >= th[oHS]

	// Abusive: the model, re-read without mentioned words.
	modelAbusive, pAb := langAbusive, p[oAbusive]
	if langAbusive && len(r.mask) > 0 {
		pAb = t.maskedAbusive(d, r.mask, st)
		modelAbusive = pAb >= th[oAbusive]
		for _, c := range r.mentioned {
			why("mentioned:"+c.String(), 0)
		}
		if !modelAbusive {
			if explain { // (formatted only to be shown)
				why(fmt.Sprintf("model:abusive_without_mentioned=%.3f<%.3f", pAb, th[oAbusive]), -1)
			}
		}
	}
	if modelAbusive && r.praising && len(r.insult) == 0 && len(r.hate) == 0 && len(r.threat) == 0 {
		modelAbusive = false
		if explain { // (formatted only to be shown)
			why(fmt.Sprintf("model:abusive=%.3f, but awe in praise (an exclamation with a word of admiration)", pAb), -1)
		}
	}
	if modelAbusive && r.banter {
		modelAbusive = false
		if explain { // (formatted only to be shown)
			why(fmt.Sprintf("model:abusive=%.3f, but banter (laughter or a friend addressed, no one else named)", pAb), -1)
		}
	}
	// Abusive language aimed at no one ("babi hutan …", "bodoh sekali
	// kebijakan ini") is not an insult: the model's word counts when the
	// post names a target, answers someone, or a rule aimed an insult.
	if modelAbusive && r.target == "" && !r.addressed && !reply && len(r.insult) == 0 && len(r.hate) == 0 && len(r.threat) == 0 {
		modelAbusive = false
		if explain { // (formatted only to be shown)
			why(fmt.Sprintf("model:abusive=%.3f, but aimed at no one (no target word, not a reply)", pAb), -1)
		}
	}

	// Hate: the rules, or the model's group-hate output for a post that
	// names an identity outside a report or a correction (read, like the
	// hate-speech second stage, only above memberGate: the posts far from
	// hate speech are most posts, "nasi padang" reviews among them).
	var modelCats category
	modelHate := false
	if len(r.hate) == 0 && r.identity && p[oHS] >= t.gate {
		t.pred.Cold(d, p)
		if p[oSARA] >= t.saraThreshold {
			modelHate = true
			modelCats = r.identityCat
		}
	}
	hate := len(r.hate) > 0 || modelHate
	threat := len(r.threat) > 0
	if threat && len(r.hate) > 0 && eradication(r.threat) {
		// "LGBT itu penyakit, harus dibasmi": a group called a disease
		// to be stamped out is dehumanising hate; with no one to carry it
		// out it is not counted as a threat (documented in the README).
		threat = false
		for _, c := range r.threat {
			why("eradication_of_group_is_hate:"+c.String(), 0)
		}
	}
	abusive := modelAbusive || len(r.insult) > 0

	h := &mention.Hostility{Threat: threat, Abusive: langAbusive || len(r.insult) > 0}
	score := pAb
	switch {
	case hate:
		h.Label = mention.HostilityHate
		for _, c := range r.hate {
			why("rule:"+c.String(), 1)
		}
		if modelHate {
			if explain { // (formatted only to be shown)
				why(fmt.Sprintf("model:group_hate=%.3f>=%.3f with identity words", p[oSARA], t.saraThreshold), p[oSARA])
			}
		}
		score = max(score, ruleScore(len(r.hate) > 0))
		if modelHate {
			score = max(score, p[oSARA])
		}
	case abusive || threat:
		h.Label = mention.HostilityAbusive
		for _, c := range r.insult {
			why("rule:"+c.String(), 1)
		}
		if modelAbusive {
			if explain { // (formatted only to be shown)
				why(fmt.Sprintf("model:abusive=%.3f>=%.3f", pAb, th[oAbusive]), pAb)
			}
		}
		score = max(score, ruleScore(len(r.insult) > 0))
	default:
		h.Label = mention.HostilityNone
		if hs {
			if explain { // (formatted only to be shown)
				why(fmt.Sprintf("model:hate_speech=%.3f, but no insult, group attack or threat (criticism, campaigning)", p[oHS]), -p[oHS])
			}
		}
	}
	if threat {
		if explain { // the threat decides the kind: its cues first
			dc.why = append(cueFeatures(r.threat), dc.why...)
		}
		score = max(score, 0.9)
	}
	h.Score = round3(score)
	if h.Label == mention.HostilityNone {
		h.Confidence = round3(1 - pAb)
	} else {
		h.Confidence = round3(score)
	}
	h.Review = h.Confidence < t.m.ReviewBelow

	// Target and categories.
	if h.Label != mention.HostilityNone {
		h.Target = r.target
		switch {
		case hate && len(r.hate) == 0:
			h.Target = TargetGroup
			if explain {
				dc.whyTarget = append(dc.whyTarget, model.Contribution{Feature: "model:group_hate", Weight: round3(p[oSARA])})
			}
		case h.Target == "":
			h.Target = TargetIndividual
			if explain {
				dc.whyTarget = append(dc.whyTarget, model.Contribution{Feature: "default:individual (no target word)", Weight: 0})
			}
		case explain:
			dc.whyTarget = append(dc.whyTarget, model.Contribution{Feature: "rule:target_words: " + r.targetWhy, Weight: 1})
		}
		cats := r.insultCat
		if hate {
			cats = r.hateCat | modelCats
		}
		h.Categories = cats.names()
		if explain && len(h.Categories) > 0 {
			src := r.catWhy
			if modelHate {
				src = r.identWhy
			}
			for _, c := range src {
				dc.whyCats = append(dc.whyCats, model.Contribution{Feature: "words:" + c, Weight: 1})
			}
		}
	}
	if hate {
		t.strength(d, h, p)
	}
	dc.datasetHS = hs
	dc.h = h
	return dc
}

// ruleScore is the hostility score a rule gives a post.
func ruleScore(fired bool) float64 {
	if fired {
		return 0.85
	}
	return 0
}

// strength fills the hate strength from the model's strength outputs.
func (t *Tagger) strength(d *normalize.Doc, h *mention.Hostility, p []float64) {
	t.pred.Cold(d, p)
	switch {
	case p[oStrong] >= p[oModerate] && p[oStrong] >= p[oWeak]:
		h.Strength = "strong"
	case p[oModerate] >= p[oWeak]:
		h.Strength = "moderate"
	default:
		h.Strength = "weak"
	}
	if h.Threat && h.Strength == "weak" {
		h.Strength = "moderate"
	}
}

// maskedAbusive is the model's abusive-language probability for d without
// the tokens of mask.
func (t *Tagger) maskedAbusive(d *normalize.Doc, mask []int, st *state) float64 {
	md := &normalize.Doc{Raw: d.Raw, Tokens: make([]normalize.Token, 0, len(d.Tokens))}
	for i, tk := range d.Tokens {
		if !slices.Contains(mask, i) {
			md.Tokens = append(md.Tokens, tk)
		}
	}
	q := make([]float64, len(st.p))
	t.pred.Probs(md, q)
	return q[oAbusive]
}

// DatasetLabels are d's labels in the hate-speech data's own notions, for
// measuring on public data: hate speech as Ibrohim & Budi (2019) label it
// (at a group or at one person, political abuse included: the model's
// hate-speech decision, which is trained on that label) and abusive
// language (mention.Hostility.Abusive).
func (t *Tagger) DatasetLabels(d *normalize.Doc) (hateSpeech, abusive bool) {
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	dc := t.decide(d, false, false, st, false)
	return dc.datasetHS, dc.h.Abusive
}

func cueFeatures(cs []Cue) []model.Contribution {
	out := make([]model.Contribution, len(cs))
	for i, c := range cs {
		out[i] = model.Contribution{Feature: "rule:" + c.String(), Weight: 1}
	}
	return out
}

// eradication reports threat cues that are all calls to stamp out
// ("basmi", "berantas", "musnahkan"), said of a group a hate rule found.
func eradication(cs []Cue) bool {
	for _, c := range cs {
		if !strings.Contains(c.Words, "basmi") && !strings.Contains(c.Words, "berantas") && !strings.Contains(c.Words, "musnah") {
			return false
		}
		if strings.HasPrefix(c.Rule, "threat_first_person") || strings.HasPrefix(c.Rule, "threat_weapon") {
			return false
		}
	}
	return true
}
