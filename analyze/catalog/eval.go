package catalog

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// LabelledPost is one line of a partisanship evaluation file.
type LabelledPost struct {
	// Text is the post.
	Text string `json:"text"`
	// AuthorKind is the author's kind (government, citizen, media, ...).
	AuthorKind string `json:"author_kind"`
	// Partisan is the gold label. A neutrality breach is a partisan post
	// by a government author.
	Partisan *bool `json:"partisan"`
	// Class names the kind of post (mobilisation, greeting, news, ...),
	// for per-class figures; optional.
	Class string `json:"class,omitempty"`
	// Date is the day the post was made (YYYY-MM-DD), read with the
	// election calendar; optional (undated posts are read without it).
	Date string `json:"date,omitempty"`
}

// Split names the half of a labelled set a post falls in: "dev" (rules and
// lexicons may be tuned on it) or "test" (held out). It is FNV-1a of the
// normalised text (lower case, letters and digits only) modulo 2.
func Split(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	h := fnv.New32a()
	h.Write([]byte(b.String()))
	if h.Sum32()%2 == 0 {
		return "dev"
	}
	return "test"
}

// ReadLabelled reads JSON Lines of {"text", "author_kind", "partisan"}.
// Blank lines are skipped; a bad line is an error with its line number.
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
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if p.Partisan == nil {
			return nil, fmt.Errorf("line %d: missing \"partisan\" (true or false)", line)
		}
		if p.Date != "" {
			if _, err := ParseDate(p.Date); err != nil {
				return nil, fmt.Errorf("line %d: date: %w", line, err)
			}
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

// Scores are binary classification scores for the partisan task.
type Scores struct {
	// N is the number of posts; TP, FP, FN, TN count them against the
	// class "partisan".
	N              int
	TP, FP, FN, TN int
	// Accuracy and MacroF1 (mean F1 of both classes) summarise.
	Accuracy, MacroF1 float64
	// Precision, recall and F1 of each class.
	PrecPos, RecPos, F1Pos float64 // class "partisan"
	PrecNeg, RecNeg, F1Neg float64 // class "not partisan"
	// BreachTP, BreachFN and BreachFP count neutrality breaches against
	// the gold "partisan post by a government author" (set by Evaluate).
	BreachTP, BreachFN, BreachFP int
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func score(gold, pred []bool) Scores {
	var s Scores
	s.N = len(gold)
	for i := range gold {
		switch {
		case gold[i] && pred[i]:
			s.TP++
		case !gold[i] && pred[i]:
			s.FP++
		case gold[i] && !pred[i]:
			s.FN++
		default:
			s.TN++
		}
	}
	s.PrecPos, s.RecPos, s.F1Pos = prf(s.TP, s.FP, s.FN)
	s.PrecNeg, s.RecNeg, s.F1Neg = prf(s.TN, s.FN, s.FP)
	if s.N > 0 {
		s.Accuracy = float64(s.TP+s.TN) / float64(s.N)
	}
	s.MacroF1 = (s.F1Pos + s.F1Neg) / 2
	return s
}

// Evaluate tags every post with the catalog tagger and writes scores for
// the dev half (split "dev", where rules may be tuned), the held-out half
// (split "test") and the whole set to w, then the neutrality-breach counts
// (gold: a partisan post by a government author) and, when posts carry a
// class, per-class figures; it ends with the line "macro_f1=0.XXXX n=N"
// for the whole set. With verbose, every error is listed with its cues.
func (ix *Index) Evaluate(ctx context.Context, posts []LabelledPost, w io.Writer, verbose bool) (Scores, error) {
	tg := NewTagger(ix)
	var gold, pred []bool
	half := map[string][2][]bool{}
	var bTP, bFN, bFP int
	type classCount struct{ n, right int }
	classes := map[string]*classCount{}
	for i, p := range posts {
		if i%256 == 0 && ctx.Err() != nil {
			return Scores{}, ctx.Err()
		}
		m := &mention.Mention{Text: p.Text, Author: mention.Author{Kind: p.AuthorKind}}
		if p.Date != "" {
			day, err := ParseDate(p.Date)
			if err != nil {
				return Scores{}, fmt.Errorf("post %d: %w", i+1, err)
			}
			m.PostedAt = day.Noon()
		}
		d := normalize.Text(p.Text)
		tg.Tag(m, d)
		g, y := *p.Partisan, m.Politics.Partisan
		gold, pred = append(gold, g), append(pred, y)
		h := half[Split(p.Text)]
		h[0], h[1] = append(h[0], g), append(h[1], y)
		half[Split(p.Text)] = h
		gb := g && p.AuthorKind == mention.KindGovernment
		switch {
		case gb && m.NeutralityBreach:
			bTP++
		case gb:
			bFN++
		case m.NeutralityBreach:
			bFP++
		}
		if p.Class != "" {
			cc := classes[p.Class]
			if cc == nil {
				cc = &classCount{}
				classes[p.Class] = cc
			}
			cc.n++
			if g == y {
				cc.right++
			}
		}
		if verbose && g != y {
			fmt.Fprintf(w, "ERR gold=%v pred=%v split=%s class=%s cues=%q actors=%v | %s\n", g, y, Split(p.Text), p.Class, m.Politics.Cues, m.Politics.Actors, p.Text)
		}
	}
	table := func(title string, s Scores) {
		fmt.Fprintf(w, "%s: n=%d accuracy=%.4f macro_f1=%.4f\n", title, s.N, s.Accuracy, s.MacroF1)
		fmt.Fprintf(w, "  class         precision recall  f1      support\n")
		fmt.Fprintf(w, "  partisan      %.4f    %.4f  %.4f  %d\n", s.PrecPos, s.RecPos, s.F1Pos, s.TP+s.FN)
		fmt.Fprintf(w, "  not_partisan  %.4f    %.4f  %.4f  %d\n", s.PrecNeg, s.RecNeg, s.F1Neg, s.TN+s.FP)
	}
	for _, name := range []string{"dev", "test"} {
		h := half[name]
		table("split="+name, score(h[0], h[1]))
	}
	s := score(gold, pred)
	s.BreachTP, s.BreachFN, s.BreachFP = bTP, bFN, bFP
	table("all", s)
	if bTP+bFN+bFP > 0 {
		fmt.Fprintf(w, "neutrality_breach recall on partisan government posts: %d/%d\n", bTP, bTP+bFN)
		fmt.Fprintf(w, "neutrality_breach false (not partisan, or not government): %d\n", bFP)
	}
	if len(classes) > 0 {
		names := make([]string, 0, len(classes))
		for k := range classes {
			names = append(names, k)
		}
		slices.Sort(names)
		fmt.Fprintf(w, "per class (correct/posts):")
		for _, k := range names {
			fmt.Fprintf(w, " %s=%d/%d", k, classes[k].right, classes[k].n)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "accuracy=%.4f\n", s.Accuracy)
	fmt.Fprintf(w, "macro_f1=%.4f n=%d\n", s.MacroF1, s.N)
	return s, nil
}
