package train

import (
	"bytes"
	"github.com/dengar-id/dengar/analyze/model"
	"math"
	"math/rand/v2"
	"testing"
)

// xorData is a task no linear model can learn: the label is whether x0
// and x1 have the same sign; x2 is noise.
func xorData(n int, seed uint64) ([][]float64, []bool) {
	r := rand.New(rand.NewPCG(seed, 1))
	X, y := make([][]float64, n), make([]bool, n)
	for i := range X {
		a, b := r.Float64()*2-1, r.Float64()*2-1
		X[i] = []float64{a, b, r.Float64()}
		y[i] = (a > 0) == (b > 0)
	}
	return X, y
}

var testTreeOptions = model.TreeOptions{Rounds: 60, Rate: 0.2, Leaves: 7, MinLeaf: 20, L2: 1, Bins: 32}

func TestTrainTreesLearnsInteraction(t *testing.T) {
	X, y := xorData(2000, 1)
	tr, err := TrainTrees([]string{"a", "b", "noise"}, X, y, testTreeOptions)
	if err != nil {
		t.Fatal(err)
	}
	tx, ty := xorData(1000, 2)
	right := 0
	for i, x := range tx {
		if (tr.Prob(x) >= 0.5) == ty[i] {
			right++
		}
	}
	if acc := float64(right) / float64(len(tx)); acc < 0.95 {
		t.Errorf("held-out accuracy %.3f on XOR, want >= 0.95", acc)
	}
}

func TestTrainTreesStructure(t *testing.T) {
	X, y := xorData(1500, 3)
	for _, o := range []model.TreeOptions{
		testTreeOptions,
		{Rounds: 5, Rate: 0.1, Leaves: 2, MinLeaf: 1, L2: 0, Bins: 2},
		{Rounds: 5, Rate: 0.1, Leaves: 31, MinLeaf: 400, L2: 1, Bins: 255},
	} {
		tr, err := TrainTrees([]string{"a", "b", "noise"}, X, y, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(tr.Trees) != o.Rounds {
			t.Errorf("%+v: %d trees", o, len(tr.Trees))
		}
		for k, tree := range tr.Trees {
			leaves := 0
			for _, n := range tree.Nodes {
				if n.Input < 0 {
					leaves++
				}
			}
			if leaves > o.Leaves {
				t.Errorf("%+v: tree %d has %d leaves", o, k, leaves)
			}
			// Every leaf holds at least MinLeaf training rows.
			count := make([]int, len(tree.Nodes))
			for _, x := range X {
				i := 0
				for tree.Nodes[i].Input >= 0 {
					if x[tree.Nodes[i].Input] <= tree.Nodes[i].Split {
						i = int(tree.Nodes[i].Left)
					} else {
						i = int(tree.Nodes[i].Right)
					}
				}
				count[i]++
			}
			for i, n := range tree.Nodes {
				if n.Input < 0 && count[i] < o.MinLeaf {
					t.Errorf("%+v: tree %d leaf %d holds %d rows", o, k, i, count[i])
				}
			}
		}
	}
}

func TestTrainTreesDeterministicAndRoundTrip(t *testing.T) {
	X, y := xorData(800, 4)
	var enc [2]bytes.Buffer
	for i := range enc {
		tr, err := TrainTrees([]string{"a", "b", "noise"}, X, y, testTreeOptions)
		if err != nil {
			t.Fatal(err)
		}
		tr.Threshold = 0.4
		if err := tr.Encode(&enc[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(enc[0].Bytes(), enc[1].Bytes()) {
		t.Fatal("two trainings on the same data differ")
	}
	tr, err := TrainTrees([]string{"a", "b", "noise"}, X, y, testTreeOptions)
	if err != nil {
		t.Fatal(err)
	}
	back, err := model.DecodeTrees(bytes.NewReader(enc[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.Threshold != 0.4 || back.Params != testTreeOptions {
		t.Errorf("decoded threshold %v params %+v", back.Threshold, back.Params)
	}
	for _, x := range X[:100] {
		if back.Margin(x) != tr.Margin(x) {
			t.Fatalf("decoded margin %v, trained %v", back.Margin(x), tr.Margin(x))
		}
	}
}

func TestTrainTreesErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		X    [][]float64
		y    []bool
	}{
		{"no rows", nil, nil},
		{"label count", [][]float64{{1}, {2}}, []bool{true}},
		{"ragged", [][]float64{{1}, {2, 3}}, []bool{true, false}},
		{"one class", [][]float64{{1}, {2}}, []bool{true, true}},
	} {
		if _, err := TrainTrees([]string{"a"}, c.X, c.y, testTreeOptions); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

// TestTreesContributions checks that the contributions and the roots'
// values add up to the margin, and that noise gets little credit.
func TestTreesContributions(t *testing.T) {
	X, y := xorData(2000, 5)
	tr, err := TrainTrees([]string{"a", "b", "noise"}, X, y, testTreeOptions)
	if err != nil {
		t.Fatal(err)
	}
	roots, splitValues := tr.Base, 0
	for _, tree := range tr.Trees {
		roots += tree.Nodes[0].Value
		for _, n := range tree.Nodes[1:] {
			if n.Input >= 0 && n.Value != 0 {
				splitValues++
			}
		}
	}
	if splitValues == 0 {
		t.Fatal("splits keep no value: contributions would credit whole leaves to the last split")
	}
	var abs [3]float64
	for _, x := range X[:200] {
		c := tr.Contributions(x)
		sum := roots
		for i, v := range c {
			sum += v
			abs[i] += math.Abs(v)
		}
		if m := tr.Margin(x); math.Abs(sum-m) > 1e-9 {
			t.Fatalf("contributions add up to %v, margin %v", sum, m)
		}
	}
	if abs[2] > 0.2*min(abs[0], abs[1]) {
		t.Errorf("noise input credited %v against %v and %v", abs[2], abs[0], abs[1])
	}
}
