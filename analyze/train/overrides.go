package train

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
