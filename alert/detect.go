package alert

// Measuring a window: the counts of a scope, the Poisson tail score of an
// observed count under an expected one, and the count and share
// measurements the spike and threat rules fire on.

import (
	"math"

	"github.com/dengar-id/dengar/store"
)

// poissonScore returns −log10 P(X ≥ k) for X ~ Poisson(lambda): 0 when k
// is not above lambda, large for counts far above it.
func poissonScore(k, lambda float64) float64 {
	k = math.Floor(k)
	if lambda <= 0 {
		if k >= 1 {
			return 99
		}
		return 0
	}
	if k <= lambda {
		return 0
	}
	if lambda > 5000 {
		// Normal approximation with continuity correction.
		z := (k - 0.5 - lambda) / math.Sqrt(lambda)
		p := 0.5 * math.Erfc(z/math.Sqrt2)
		if p <= 0 {
			return 99
		}
		return math.Min(99, -math.Log10(p))
	}
	// log of the first term e^-λ λ^k / k!, then the sum of the ratios of
	// the following terms (each < 1 because k > λ).
	lg, _ := math.Lgamma(k + 1)
	logT := k*math.Log(lambda) - lambda - lg
	sum, term := 1.0, 1.0
	for i := k + 1; i < k+100000; i++ {
		term *= lambda / i
		sum += term
		if term < 1e-17*sum {
			break
		}
	}
	s := -(logT + math.Log(sum)) / math.Ln10
	if s < 0 {
		return 0
	}
	return math.Min(99, s)
}

// counts indexes the five counted fields.
type counts [5]float64

const (
	iTotal = iota
	iHostile
	iNegative
	iPartisan
	iThreat
)

func familyIndex(f string) int {
	switch f {
	case FamilyHostile:
		return iHostile
	case FamilyNegative:
		return iNegative
	case FamilyPartisan:
		return iPartisan
	case FamilyThreat:
		return iThreat
	}
	return iTotal
}

func fromStore(c store.AlertCounts) counts {
	return counts{float64(c.Total), float64(c.Hostile), float64(c.Negative), float64(c.Partisan), float64(c.Threat)}
}

func (c *counts) add(o counts) {
	for i := range c {
		c[i] += o[i]
	}
}

// measurement is one signal evaluated over one window.
type measurement struct {
	signal             string
	window             int // minutes
	observed, expected float64
	total              float64 // mentions in scope in the window (shares)
	share, baseShare   float64
	ratio, score       float64
	method             string
}

// countMeasure compares the family count observed in a window with the
// expected count from the baseline of the minutes in that window.
func countMeasure(cfg *Config, observed float64, exp, sig float64, window int, method string) measurement {
	floor := cfg.MinRatePerHour * float64(window) / 60
	expected := math.Max(exp, floor)
	lambda := expected + cfg.BaselineSigmas*sig
	m := measurement{signal: SignalCount, window: window, observed: observed, expected: expected, method: method}
	m.ratio = observed / expected
	m.score = poissonScore(observed, lambda)
	return m
}

// fires says whether a count measurement opens an alert.
func (m measurement) fires(cfg *Config) bool {
	switch m.signal {
	case SignalShare:
		return m.score >= cfg.FireScore && m.total >= cfg.MinShareTotal && m.observed >= cfg.MinCount &&
			m.share >= m.baseShare+cfg.ShareMinDelta
	default:
		return m.score >= cfg.FireScore && m.ratio >= cfg.MinRatio && m.observed >= cfg.MinCount
	}
}

// active says whether a measurement still holds an open alert up.
func (m measurement) active(cfg *Config) bool {
	return m.score >= cfg.ResolveScore && m.ratio >= 1.2
}

// shareMeasure compares the family share in a window with the baseline
// share. The test is on the family count given the window's total, under
// the baseline share plus a margin, as a Poisson (conservative for a
// binomial).
func shareMeasure(cfg *Config, fam, total, baseShare, baseSigma float64, window int, method string) measurement {
	m := measurement{signal: SignalShare, window: window, observed: fam, total: total, baseShare: baseShare, method: method}
	if total <= 0 {
		return m
	}
	m.share = fam / total
	p := math.Min(1, baseShare+cfg.BaselineSigmas*baseSigma+0.01)
	m.expected = total * baseShare
	if m.expected > 0 {
		m.ratio = fam / m.expected
	} else if fam > 0 {
		m.ratio = math.Inf(1)
	}
	m.score = poissonScore(fam, total*p)
	return m
}
