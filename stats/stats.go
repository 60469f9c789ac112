// Package stats holds the robust statistics the stages share: the median
// and the median absolute deviation (MAD). The alert baseline (median of
// past weeks, spread 1.4826 × MAD), the report's spike threshold (median +
// 5 × MAD of the week's hours) and the alert evaluation's latencies read
// them from here.
package stats

import (
	"math"
	"sort"
)

// Median is the middle value of xs (the mean of the two middle values for
// an even count), 0 for none. xs is not modified.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// MedianMAD returns the median of xs and the median absolute deviation
// from it (not scaled: 1.4826 × MAD estimates the standard deviation of
// normal data). Both are 0 for no xs.
func MedianMAD(xs []float64) (median, mad float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	median = Median(xs)
	dev := make([]float64, len(xs))
	for i, x := range xs {
		dev[i] = math.Abs(x - median)
	}
	return median, Median(dev)
}
