package model

import (
	"fmt"
	"io"
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
}

// NewConfusion starts an empty matrix over labels (more labels are added
// as they are seen).
func NewConfusion(labels ...string) *Confusion {
	c := &Confusion{M: map[string]map[string]int{}}
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
	c.Labels = append(c.Labels, l)
}

// Add counts one prediction.
func (c *Confusion) Add(gold, pred string) {
	c.addLabel(gold)
	c.addLabel(pred)
	c.M[gold][pred]++
	c.N++
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

// Report writes the per-class table, the accuracy and, as the last line,
// macro_f1=0.XXXX n=N.
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
	_, err := fmt.Fprintf(w, "accuracy=%.4f\nmacro_f1=%.4f n=%d\n", c.Accuracy(), c.MacroF1(), c.N)
	return err
}
