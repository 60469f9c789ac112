package model

import (
	"encoding/json"
	"fmt"
	"io"
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
func (t *Trees) Prob(x []float64) float64 { return Logistic(t.Margin(x)) }

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
