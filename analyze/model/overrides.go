package model

import "path/filepath"

// Overrides are the experiment knobs every trainer's options share. The
// zero value keeps the shipped recipe; the int switches are 1 on, -1 off,
// 0 keep.
type Overrides struct {
	C       float64
	NB      int
	NBAlpha float64
	Hinge   int
	// Logistic trains logistic regression instead of an SVM.
	Logistic int
	Epochs   int
	// Refit retrains on train+valid after calibration (shipped: on).
	Refit int
	// Balance overrides the class-balancing strength (negative: off).
	Balance float64
	// Variants overrides the ensemble members (nil: the shipped ones).
	Variants []Variant
}

// Apply returns s with the overrides set in o.
func (o Overrides) Apply(s SVMOptions) SVMOptions {
	if o.C > 0 {
		s.C = o.C
	}
	s.NB = Switch(o.NB, s.NB)
	if o.NBAlpha > 0 {
		s.NBAlpha = o.NBAlpha
	}
	s.Hinge = Switch(o.Hinge, s.Hinge)
	s.Logistic = Switch(o.Logistic, s.Logistic)
	if o.Epochs > 0 {
		s.Epochs = o.Epochs
	}
	return s
}

// RefitOr resolves Refit against the shipped default.
func (o Overrides) RefitOr(def bool) bool { return Switch(o.Refit, def) }

// BalanceOr resolves Balance against the shipped default.
func (o Overrides) BalanceOr(def float64) float64 {
	if o.Balance != 0 {
		return max(o.Balance, 0)
	}
	return def
}

// Switch resolves a 1 (on) / -1 (off) / 0 (keep def) switch.
func Switch(v int, def bool) bool {
	if v != 0 {
		return v > 0
	}
	return def
}

// ReadSplits reads a train and a valid file under dataDir in format f and
// keeps the splits apart from every reported test split: valid loses rows
// whose normalised text occurs in a test split, train loses rows that occur
// in a test split or in valid.
func ReadSplits(dataDir, trainPath, validPath string, f Format) (train, valid []Example, err error) {
	testKeys, err := TestKeys(dataDir)
	if err != nil {
		return nil, nil, err
	}
	valid, err = ReadFile(filepath.Join(dataDir, validPath), f)
	if err != nil {
		return nil, nil, err
	}
	train, err = ReadFile(filepath.Join(dataDir, trainPath), f)
	if err != nil {
		return nil, nil, err
	}
	train, valid = keepApart(train, valid, testKeys)
	return train, valid, nil
}

// keepApart removes from valid the rows whose normalised text is in held,
// and from train those in held or in valid (and repeats, see Dedup).
func keepApart(train, valid []Example, held map[string]bool) ([]Example, []Example) {
	valid, _ = Dedup(valid, held)
	exclude := make(map[string]bool, len(held)+len(valid))
	for k := range held {
		exclude[k] = true
	}
	for _, e := range valid {
		exclude[NormKey(e.Text)] = true
	}
	train, _ = Dedup(train, exclude)
	return train, valid
}

// FoldSplits splits ex for fold j of k: held are the examples at index
// i ≡ j (mod k); of the rest, every validEvery-th is valid and the others
// train. As in ReadSplits, valid loses rows whose normalised text occurs
// in held, and train loses rows that occur in held or valid, so that
// repeated texts cannot leak across the split.
func FoldSplits(ex []Example, k, j, validEvery int) (train, valid, held []Example) {
	var rest []Example
	for i, e := range ex {
		if i%k == j {
			held = append(held, e)
		} else {
			rest = append(rest, e)
		}
	}
	heldKeys := make(map[string]bool, len(held))
	for _, e := range held {
		heldKeys[NormKey(e.Text)] = true
	}
	for i, e := range rest {
		if i%validEvery == 0 {
			valid = append(valid, e)
		} else {
			train = append(train, e)
		}
	}
	train, valid = keepApart(train, valid, heldKeys)
	return train, valid, held
}
