package model

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
)

// Trees is a small gradient-boosted ensemble of regression trees over a
// few dense inputs, fitted to the log loss of a binary label. It serves as
// a stacker: it combines the probabilities of other models with a few
// properties of the text, where a linear blend cannot bend its threshold
// (a short post and a long one with the same scores need not be equally
// hateful).
type Trees struct {
	// Inputs names the inputs, in the order Prob expects them.
	Inputs []string `json:"inputs"`
	// Base is the initial log-odds.
	Base float64 `json:"base"`
	// Trees are summed onto Base.
	Trees []Tree `json:"trees"`
	// Threshold is the decision threshold of Prob, tuned by the trainer.
	Threshold float64 `json:"threshold"`
	// Params records the training options.
	Params TreeOptions `json:"params"`
}

// Tree is one regression tree; Nodes[0] is the root.
type Tree struct {
	Nodes []TreeNode `json:"nodes"`
}

// TreeNode is a split (Input >= 0: go Left when x[Input] <= Split, else
// Right) or a leaf (Input < 0) adding Value to the log-odds. A split keeps
// the Value it would have had as a leaf, so that Contributions can tell
// how much each split moved a post's score.
type TreeNode struct {
	Input int     `json:"in"`
	Split float64 `json:"split,omitempty"`
	Left  int32   `json:"l,omitempty"`
	Right int32   `json:"r,omitempty"`
	Value float64 `json:"v,omitempty"`
}

// TreeOptions are the boosting parameters.
type TreeOptions struct {
	// Rounds is the number of trees.
	Rounds int `json:"rounds"`
	// Rate shrinks every leaf value.
	Rate float64 `json:"rate"`
	// Leaves bounds the leaves per tree (grown best-first).
	Leaves int `json:"leaves"`
	// MinLeaf is the fewest training rows in a leaf.
	MinLeaf int `json:"min_leaf"`
	// L2 regularises leaf values.
	L2 float64 `json:"l2"`
	// Bins bounds the candidate split points per input (quantiles).
	Bins int `json:"bins"`
}

// Margin returns the log-odds of x.
func (t *Trees) Margin(x []float64) float64 {
	s := t.Base
	for i := range t.Trees {
		nodes := t.Trees[i].Nodes
		n := &nodes[0]
		for n.Input >= 0 {
			if x[n.Input] <= n.Split {
				n = &nodes[n.Left]
			} else {
				n = &nodes[n.Right]
			}
		}
		s += n.Value
	}
	return s
}

// Contributions splits the margin of x among the inputs: for every split
// on its path through a tree, the change of value from the node to the
// child taken is credited to the split's input (Saabas's attribution).
// The roots' values and Base make up the rest of Margin(x).
func (t *Trees) Contributions(x []float64) []float64 {
	c := make([]float64, len(t.Inputs))
	for i := range t.Trees {
		nodes := t.Trees[i].Nodes
		n := &nodes[0]
		for n.Input >= 0 {
			next := &nodes[n.Right]
			if x[n.Input] <= n.Split {
				next = &nodes[n.Left]
			}
			c[n.Input] += next.Value - n.Value
			n = next
		}
	}
	return c
}

// Prob returns the probability of the positive label for x.
func (t *Trees) Prob(x []float64) float64 { return sigmoid(t.Margin(x)) }

// TrainTrees fits an ensemble to rows X (one slice of len(inputs) values
// per row) and labels y. It is deterministic: the same data gives the same
// trees. Splits are searched over at most o.Bins quantiles of each input,
// as in histogram gradient boosting.
func TrainTrees(inputs []string, X [][]float64, y []bool, o TreeOptions) (*Trees, error) {
	if len(X) != len(y) || len(X) == 0 {
		return nil, fmt.Errorf("train trees: %d rows, %d labels", len(X), len(y))
	}
	d := len(inputs)
	for i, x := range X {
		if len(x) != d {
			return nil, fmt.Errorf("train trees: row %d has %d inputs, want %d", i, len(x), d)
		}
	}
	if o.Bins < 2 || o.Bins > 256 {
		o.Bins = 64
	}
	o.Leaves = max(o.Leaves, 2)
	o.MinLeaf = max(o.MinLeaf, 1)
	// Candidate splits: the distinct quantiles of each input; each row is
	// reduced to its bin per input.
	edges := make([][]float64, d)
	bins := make([][]uint8, d)
	for j := range d {
		v := make([]float64, len(X))
		for i, x := range X {
			v[i] = x[j]
		}
		s := slices.Clone(v)
		slices.Sort(s)
		var e []float64
		for b := 1; b < o.Bins; b++ {
			q := s[b*(len(s)-1)/o.Bins]
			if len(e) == 0 || q > e[len(e)-1] {
				e = append(e, q)
			}
		}
		if len(e) > 0 && e[len(e)-1] == s[len(s)-1] {
			e = e[:len(e)-1] // a split must leave rows on its right
		}
		edges[j] = e
		bins[j] = make([]uint8, len(v))
		for i, x := range v {
			// The bin of x is the number of edges below it: x goes left
			// of every edge >= x, as in Margin.
			b, _ := slices.BinarySearch(e, x)
			bins[j][i] = uint8(b)
		}
	}
	pos := 0
	for _, v := range y {
		if v {
			pos++
		}
	}
	if pos == 0 || pos == len(y) {
		return nil, fmt.Errorf("train trees: labels are all %v", pos > 0)
	}
	base := math.Log(float64(pos) / float64(len(y)-pos))
	t := &Trees{Inputs: slices.Clone(inputs), Base: base, Params: o}
	f := make([]float64, len(y))
	for i := range f {
		f[i] = base
	}
	g, h := make([]float64, len(y)), make([]float64, len(y))
	grower := treeGrower{bins: bins, edges: edges, g: g, h: h, o: o}
	all := make([]int32, len(y))
	for i := range all {
		all[i] = int32(i)
	}
	for range o.Rounds {
		for i := range y {
			p := sigmoid(f[i])
			g[i], h[i] = p, p*(1-p)
			if y[i] {
				g[i] = p - 1
			}
		}
		tree, leafOf := grower.grow(all)
		for i := range f {
			f[i] += tree.Nodes[leafOf[i]].Value
		}
		t.Trees = append(t.Trees, tree)
	}
	return t, nil
}

type treeGrower struct {
	bins  [][]uint8
	edges [][]float64
	g, h  []float64
	o     TreeOptions
}

// leafCand is a leaf with its best split.
type leafCand struct {
	node  int32
	rows  []int32
	gain  float64
	input int
	bin   int // rows with bin <= this go left
}

// grow builds one tree best-first and returns it with the leaf node of
// every row.
func (gr *treeGrower) grow(rows []int32) (Tree, []int32) {
	var tree Tree
	leafOf := make([]int32, len(gr.g))
	newLeaf := func(rs []int32) leafCand {
		tree.Nodes = append(tree.Nodes, TreeNode{Input: -1, Value: gr.value(rs)})
		c := leafCand{node: int32(len(tree.Nodes) - 1), rows: rs}
		gr.bestSplit(&c)
		return c
	}
	open := []leafCand{newLeaf(rows)}
	leaves := 1
	for leaves < gr.o.Leaves {
		best := -1
		for i, c := range open {
			if c.gain > 0 && (best < 0 || c.gain > open[best].gain) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		c := open[best]
		open = slices.Delete(open, best, best+1)
		var l, r []int32
		for _, i := range c.rows {
			if int(gr.bins[c.input][i]) <= c.bin {
				l = append(l, i)
			} else {
				r = append(r, i)
			}
		}
		lc, rc := newLeaf(l), newLeaf(r)
		tree.Nodes[c.node] = TreeNode{Input: c.input, Split: gr.edges[c.input][c.bin], Left: lc.node, Right: rc.node, Value: tree.Nodes[c.node].Value}
		open = append(open, lc, rc)
		leaves++
	}
	for _, c := range open {
		for _, i := range c.rows {
			leafOf[i] = c.node
		}
	}
	return tree, leafOf
}

// value is the shrunken Newton step of a leaf.
func (gr *treeGrower) value(rows []int32) float64 {
	var g, h float64
	for _, i := range rows {
		g += gr.g[i]
		h += gr.h[i]
	}
	return -gr.o.Rate * g / (h + gr.o.L2)
}

// bestSplit finds the split of c.rows with the largest gain that leaves at
// least MinLeaf rows on each side.
func (gr *treeGrower) bestSplit(c *leafCand) {
	c.gain = 0
	if len(c.rows) < 2*gr.o.MinLeaf {
		return
	}
	var G, H float64
	for _, i := range c.rows {
		G += gr.g[i]
		H += gr.h[i]
	}
	parent := G * G / (H + gr.o.L2)
	var hg, hh [256]float64
	var hn [256]int
	for j, b := range gr.bins {
		nb := len(gr.edges[j]) + 1
		if nb < 2 {
			continue
		}
		clear(hg[:nb])
		clear(hh[:nb])
		clear(hn[:nb])
		for _, i := range c.rows {
			k := b[i]
			hg[k] += gr.g[i]
			hh[k] += gr.h[i]
			hn[k]++
		}
		var gl, hl float64
		nl := 0
		for k := 0; k < nb-1; k++ {
			gl, hl, nl = gl+hg[k], hl+hh[k], nl+hn[k]
			if nl < gr.o.MinLeaf {
				continue
			}
			if len(c.rows)-nl < gr.o.MinLeaf {
				break
			}
			gr_, hr := G-gl, H-hl
			gain := gl*gl/(hl+gr.o.L2) + gr_*gr_/(hr+gr.o.L2) - parent
			if gain > c.gain+1e-12 {
				c.gain, c.input, c.bin = gain, j, k
			}
		}
	}
}

// Encode writes t as JSON.
func (t *Trees) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	if err := enc.Encode(t); err != nil {
		return fmt.Errorf("encode trees: %w", err)
	}
	return nil
}

// DecodeTrees reads a JSON tree ensemble and checks its structure, so that
// Margin cannot index out of range.
func DecodeTrees(r io.Reader) (*Trees, error) {
	var t Trees
	if err := json.NewDecoder(r).Decode(&t); err != nil {
		return nil, fmt.Errorf("decode trees: %w", err)
	}
	for k, tr := range t.Trees {
		if len(tr.Nodes) == 0 {
			return nil, fmt.Errorf("decode trees: tree %d is empty", k)
		}
		for i, n := range tr.Nodes {
			if n.Input < 0 {
				continue
			}
			// Children come after their parent, so every path ends in a leaf.
			if n.Input >= len(t.Inputs) || n.Left <= int32(i) || n.Right <= int32(i) || int(n.Left) >= len(tr.Nodes) || int(n.Right) >= len(tr.Nodes) {
				return nil, fmt.Errorf("decode trees: tree %d node %d is malformed", k, i)
			}
		}
	}
	return &t, nil
}
