package model

import (
	"math"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/models"
)

func TestDecodeTreesRejectsMalformed(t *testing.T) {
	for _, c := range []struct{ name, in string }{
		{"not json", "trees"},
		{"empty tree", `{"inputs":["a"],"trees":[{"nodes":[]}]}`},
		{"input out of range", `{"inputs":["a"],"trees":[{"nodes":[{"in":1,"l":1,"r":2},{"in":-1},{"in":-1}]}]}`},
		{"child before parent", `{"inputs":["a"],"trees":[{"nodes":[{"in":-1},{"in":0,"l":0,"r":2},{"in":-1}]}]}`},
		{"self loop", `{"inputs":["a"],"trees":[{"nodes":[{"in":0,"l":0,"r":0}]}]}`},
		{"child missing", `{"inputs":["a"],"trees":[{"nodes":[{"in":0,"l":1,"r":5},{"in":-1}]}]}`},
	} {
		if _, err := DecodeTrees(strings.NewReader(c.in)); err == nil {
			t.Errorf("%s: decoded", c.name)
		}
	}
}

// FuzzDecodeTrees checks that any file DecodeTrees accepts can be
// evaluated without a panic.
func FuzzDecodeTrees(f *testing.F) {
	f.Add(`{"inputs":["a","b"],"base":0.1,"trees":[{"nodes":[{"in":1,"split":0.5,"l":1,"r":2},{"in":-1,"v":-1},{"in":-1,"v":1}]}]}`)
	f.Add(`{"inputs":[],"trees":[{"nodes":[{"in":-1,"v":2}]}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		tr, err := DecodeTrees(strings.NewReader(in))
		if err != nil {
			return
		}
		tr.Margin(make([]float64, len(tr.Inputs)))
	})
}

// TestShippedStackerContributions checks, on the shipped stacker, that
// the contributions and the roots' values add up to the margin and that
// the splits keep a value (else contributions would credit whole leaves to
// the last split).
func TestShippedStackerContributions(t *testing.T) {
	tr, err := LoadTrees(models.FS, "hostility-stack.json")
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
		t.Fatal("splits keep no value")
	}
	for _, x := range [][]float64{{0.5, -1, -2, 0.3, 0.2, 12}, {-1.5, 0.4, 1, -2, -0.7, 40}, {2, 1.5, 0.5, -1, 1.2, 5}, {-6, -6, -6, -6, -6, 1}} {
		c := tr.Contributions(x)
		if len(c) != len(tr.Inputs) {
			t.Fatalf("%d contributions for %d inputs", len(c), len(tr.Inputs))
		}
		sum := roots
		for _, v := range c {
			sum += v
		}
		if m := tr.Margin(x); math.Abs(sum-m) > 1e-9 {
			t.Errorf("%v: contributions add up to %v, margin %v", x, sum, m)
		}
		if p := tr.Prob(x); math.Abs(p-Logistic(tr.Margin(x))) > 1e-15 || p <= 0 || p >= 1 {
			t.Errorf("%v: probability %v", x, p)
		}
	}
}
