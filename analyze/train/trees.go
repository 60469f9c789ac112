package train

import (
	"fmt"
	"math"
	"slices"

	"github.com/dengar-id/dengar/analyze/model"
)

// TrainTrees fits an ensemble to rows X (one slice of len(inputs) values
// per row) and labels y. It is deterministic: the same data gives the same
// trees. Splits are searched over at most o.Bins quantiles of each input,
// as in histogram gradient boosting.
func TrainTrees(inputs []string, X [][]float64, y []bool, o model.TreeOptions) (*model.Trees, error) {
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
	t := &model.Trees{Inputs: slices.Clone(inputs), Base: base, Params: o}
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
			p := model.Logistic(f[i])
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
	o     model.TreeOptions
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
func (gr *treeGrower) grow(rows []int32) (model.Tree, []int32) {
	var tree model.Tree
	leafOf := make([]int32, len(gr.g))
	newLeaf := func(rs []int32) leafCand {
		tree.Nodes = append(tree.Nodes, model.TreeNode{Input: -1, Value: gr.value(rs)})
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
		tree.Nodes[c.node] = model.TreeNode{Input: c.input, Split: gr.edges[c.input][c.bin], Left: lc.node, Right: rc.node, Value: tree.Nodes[c.node].Value}
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
