package hostility

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/dengar-id/dengar/analyze/metrics"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// LabelledPost is one post of a hostility evaluation set (JSON Lines), in
// the product's taxonomy (see mention.Hostility).
type LabelledPost struct {
	// Text is the post.
	Text string `json:"text"`
	// Label is none | abusive | hate.
	Label string `json:"label"`
	// Threat marks a threat or incitement to violence.
	Threat bool `json:"threat"`
	// Target is individual | institution | group for hostile posts.
	Target string `json:"target,omitempty"`
	// Categories are the grounds of the attack (religion, race, gender,
	// physical, other), where there is one.
	Categories []string `json:"categories,omitempty"`
	// Style is where such a post is written (x, facebook, instagram,
	// youtube, telegram, news); news posts are tagged as a media
	// account's.
	Style string `json:"style,omitempty"`
	// Lang is id or bjn.
	Lang string `json:"lang,omitempty"`
	// Hard names the class of a hard negative (spending, service, flood,
	// official, campaign, exclamation, news, identity, figurative,
	// negation, reported); empty for other posts.
	Hard string `json:"hard,omitempty"`
}

// Kind is the kind of hostility of a post: threat when it threatens,
// otherwise its label (none, abusive or hate).
func Kind(label string, threat bool) string {
	if threat {
		return KindThreat
	}
	return label
}

// KindThreat is the kind of a threatening post (see Kind).
const KindThreat = "threat"

// Kinds are the kinds of hostility in report order.
var Kinds = []string{mention.HostilityNone, mention.HostilityAbusive, mention.HostilityHate, KindThreat}

var (
	validTargets = []string{TargetIndividual, TargetInstitution, TargetGroup}
	validLabels  = []string{mention.HostilityNone, mention.HostilityAbusive, mention.HostilityHate}
)

// ReadLabelled reads a hostility evaluation set: one JSON object per line
// (blank lines skipped), each with a text and a valid label; target and
// categories, when given, must be of the taxonomy.
func ReadLabelled(r io.Reader) ([]LabelledPost, error) {
	var out []LabelledPost
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" {
			continue
		}
		var p LabelledPost
		dec := json.NewDecoder(strings.NewReader(s))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		switch {
		case strings.TrimSpace(p.Text) == "":
			return nil, fmt.Errorf("line %d: empty text", line)
		case !slices.Contains(validLabels, p.Label):
			return nil, fmt.Errorf("line %d: label %q, want one of %v", line, p.Label, validLabels)
		case p.Target != "" && !slices.Contains(validTargets, p.Target):
			return nil, fmt.Errorf("line %d: target %q, want one of %v", line, p.Target, validTargets)
		}
		for _, c := range p.Categories {
			if !slices.Contains(CategoryNames[:], c) {
				return nil, fmt.Errorf("line %d: category %q, want some of %v", line, c, CategoryNames)
			}
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

// EvalScores summarise a hostility evaluation.
type EvalScores struct {
	// N is the number of posts.
	N int
	// MacroF1 is the mean F1 over the kinds (none, abusive, hate, threat).
	MacroF1 float64
	// HostileF1, HostilePrecision and HostileRecall score hostile (any
	// kind) against not hostile.
	HostileF1, HostilePrecision, HostileRecall float64
	// KindAccuracy is the share of the truly hostile posts whose kind is
	// right; Hostile is their number.
	KindAccuracy float64
	Hostile      int
	// HardFP counts, per hard-negative class, the posts tagged hostile;
	// HardN counts the class.
	HardFP, HardN map[string]int
}

// PostForEval builds the mention a labelled post is tagged as: news posts
// come from a media account, the others from a citizen.
func PostForEval(p LabelledPost) *mention.Mention {
	m := &mention.Mention{Text: p.Text, Source: "eval", Author: mention.Author{Kind: mention.KindCitizen}}
	if p.Style == "news" {
		m.Author.Kind = mention.KindMedia
	}
	return m
}

// Evaluate tags every post with t and writes the report to w: hostile vs
// not, the kind accuracy on the truly hostile posts, target and category
// agreement, hard negatives tagged hostile per class, then the per-kind
// table and, as the last line, macro_f1=0.XXXX n=N. With verbose, every
// wrong kind is listed first.
func Evaluate(ctx context.Context, t *Tagger, posts []LabelledPost, w io.Writer, verbose bool) (EvalScores, error) {
	kinds := metrics.NewConfusion(Kinds...)
	hostile := metrics.NewConfusion("not_hostile", "hostile")
	s := EvalScores{N: len(posts), HardFP: map[string]int{}, HardN: map[string]int{}}
	var kindOK, targetN, targetOK, catN, catOK int
	for i, p := range posts {
		if i%256 == 0 && ctx.Err() != nil {
			return s, ctx.Err()
		}
		m := PostForEval(p)
		t.Tag(m, normalize.Text(p.Text))
		h := m.Hostility
		gk, pk := Kind(p.Label, p.Threat), Kind(h.Label, h.Threat)
		kinds.Add(gk, pk)
		gh, ph := gk != mention.HostilityNone, pk != mention.HostilityNone
		hostile.Add(yes(gh, "hostile", "not_hostile"), yes(ph, "hostile", "not_hostile"))
		if p.Hard != "" {
			s.HardN[p.Hard]++
			if ph {
				s.HardFP[p.Hard]++
			}
		}
		if gh {
			s.Hostile++
			if gk == pk {
				kindOK++
			}
			if ph && p.Target != "" {
				targetN++
				if h.Target == p.Target {
					targetOK++
				}
			}
			if gk == mention.HostilityHate || p.Label == mention.HostilityHate {
				if h.Label == mention.HostilityHate {
					catN++
					if sameSet(h.Categories, p.Categories) {
						catOK++
					}
				}
			}
		}
		if verbose && (gk != pk || (gh && ph && p.Target != "" && h.Target != p.Target)) {
			fmt.Fprintf(w, "ERR gold=%s pred=%s target=%s/%s cats=%v/%v score=%.3f | %s\n", gk, pk, p.Target, h.Target, p.Categories, h.Categories, h.Score, p.Text)
		}
	}
	for _, c := range hostile.Scores() {
		if c.Label == "hostile" {
			s.HostileF1, s.HostilePrecision, s.HostileRecall = c.F1, c.Precision, c.Recall
		}
	}
	if s.Hostile > 0 {
		s.KindAccuracy = float64(kindOK) / float64(s.Hostile)
	}
	s.MacroF1 = kinds.MacroF1()
	fmt.Fprintf(w, "hostile_vs_not: f1=%.4f precision=%.4f recall=%.4f n=%d\n", s.HostileF1, s.HostilePrecision, s.HostileRecall, hostile.N)
	fmt.Fprintf(w, "kind_accuracy_on_hostile=%.4f (%d/%d)\n", s.KindAccuracy, kindOK, s.Hostile)
	fmt.Fprintf(w, "target_agreement=%s (hostile posts tagged hostile)\n", ratio(targetOK, targetN))
	fmt.Fprintf(w, "categories_exact=%s (hate posts tagged hate)\n", ratio(catOK, catN))
	hard := slices.Sorted(maps.Keys(s.HardN))
	for _, k := range hard {
		fmt.Fprintf(w, "hard_negative %-12s tagged hostile %d/%d\n", k, s.HardFP[k], s.HardN[k])
	}
	if err := kinds.Report(w); err != nil {
		return s, err
	}
	return s, nil
}

func yes(b bool, y, n string) string {
	if b {
		return y
	}
	return n
}

func ratio(a, b int) string {
	if b == 0 {
		return "n/a (0/0)"
	}
	return fmt.Sprintf("%.4f (%d/%d)", float64(a)/float64(b), a, b)
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
