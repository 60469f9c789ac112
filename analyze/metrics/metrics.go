// Package metrics scores classifiers against gold labels: a confusion
// matrix with per-class precision, recall and F1, macro-F1 and its
// bootstrap interval, and the text report `dengar eval` prints. The
// trainers (analyze/train), the evaluators and the quality tests use it.
package metrics

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"text/tabwriter"
)

// Confusion counts predictions against gold labels.
type Confusion struct {
	// Labels in order of first appearance (or as given to NewConfusion).
	Labels []string
	// M[gold][pred] counts.
	M map[string]map[string]int
	// N is the number of predictions counted.
	N int
	// pairs are the (gold, pred) label indexes in order, for resampling.
	pairs [][2]int32
	index map[string]int32
}

// NewConfusion starts an empty matrix over labels (more labels are added
// as they are seen).
func NewConfusion(labels ...string) *Confusion {
	c := &Confusion{M: map[string]map[string]int{}, index: map[string]int32{}}
	for _, l := range labels {
		c.addLabel(l)
	}
	return c
}

func (c *Confusion) addLabel(l string) {
	if _, ok := c.M[l]; ok {
		return
	}
	c.M[l] = map[string]int{}
	c.index[l] = int32(len(c.Labels))
	c.Labels = append(c.Labels, l)
}

// Add counts one prediction.
func (c *Confusion) Add(gold, pred string) {
	c.addLabel(gold)
	c.addLabel(pred)
	c.M[gold][pred]++
	c.N++
	c.pairs = append(c.pairs, [2]int32{c.index[gold], c.index[pred]})
}

// BootstrapReps is the number of resamples behind Report's interval.
const BootstrapReps = 1000

// MacroF1Interval returns a 95 % percentile-bootstrap interval of the
// macro-F1: the predictions are resampled with replacement reps times
// (deterministically for a seed) and scored over the same classes as
// MacroF1. On test sets of a few hundred rows the interval is several
// points wide, which is what a difference between two scores must be
// read against.
func (c *Confusion) MacroF1Interval(reps int, seed uint64) (lo, hi float64) {
	if c.N == 0 || reps <= 0 {
		return 0, 0
	}
	K := len(c.Labels)
	rng := rand.New(rand.NewPCG(seed, 0xb007))
	tp, fp, fn := make([]int, K), make([]int, K), make([]int, K)
	scores := make([]float64, reps)
	for r := range scores {
		clear(tp)
		clear(fp)
		clear(fn)
		for range c.N {
			p := c.pairs[rng.IntN(c.N)]
			if p[0] == p[1] {
				tp[p[0]]++
			} else {
				fn[p[0]]++
				fp[p[1]]++
			}
		}
		var sum float64
		for k := range K {
			if d := 2*tp[k] + fp[k] + fn[k]; d > 0 {
				sum += float64(2*tp[k]) / float64(d)
			}
		}
		scores[r] = sum / float64(K)
	}
	sort.Float64s(scores)
	at := func(q float64) float64 { return scores[min(int(q*float64(reps)), reps-1)] }
	return at(0.025), at(0.975)
}

// ClassScore is the precision, recall and F1 of one class.
type ClassScore struct {
	// Label is the class.
	Label string
	// Precision, Recall and F1 of the class.
	Precision, Recall, F1 float64
	// Support is the number of gold examples of the class.
	Support int
}

// Scores returns the per-class scores in label order.
func (c *Confusion) Scores() []ClassScore {
	out := make([]ClassScore, 0, len(c.Labels))
	for _, l := range c.Labels {
		tp := c.M[l][l]
		var fp, fn int
		for _, g := range c.Labels {
			if g != l {
				fp += c.M[g][l]
				fn += c.M[l][g]
			}
		}
		s := ClassScore{Label: l, Support: tp + fn}
		if tp+fp > 0 {
			s.Precision = float64(tp) / float64(tp+fp)
		}
		if tp+fn > 0 {
			s.Recall = float64(tp) / float64(tp+fn)
		}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		out = append(out, s)
	}
	return out
}

// MacroF1 is the unweighted mean F1 over classes that occur in gold or
// predictions.
func (c *Confusion) MacroF1() float64 {
	s := c.Scores()
	if len(s) == 0 {
		return 0
	}
	var sum float64
	for _, x := range s {
		sum += x.F1
	}
	return sum / float64(len(s))
}

// Accuracy is the share of correct predictions.
func (c *Confusion) Accuracy() float64 {
	if c.N == 0 {
		return 0
	}
	var ok int
	for _, l := range c.Labels {
		ok += c.M[l][l]
	}
	return float64(ok) / float64(c.N)
}

// Report writes the per-class table, the accuracy, a 95 % bootstrap
// interval of the macro-F1 and, as the last line, macro_f1=0.XXXX n=N.
func (c *Confusion) Report(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "class\tprecision\trecall\tf1\tsupport\t\n")
	scores := c.Scores()
	sort.SliceStable(scores, func(i, j int) bool { return scores[i].Label < scores[j].Label })
	for _, s := range scores {
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%d\t\n", s.Label, s.Precision, s.Recall, s.F1, s.Support)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	lo, hi := c.MacroF1Interval(BootstrapReps, 1)
	_, err := fmt.Fprintf(w, "accuracy=%.4f\nmacro_f1_ci95=%.4f..%.4f (bootstrap, %d resamples)\nmacro_f1=%.4f n=%d\n",
		c.Accuracy(), lo, hi, BootstrapReps, c.MacroF1(), c.N)
	return err
}
