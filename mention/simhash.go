package mention

import "math/bits"

// SimHash is the 64-bit SimHash of a text's features (words, shingles):
// each feature's FNV-1a hash votes for the bits it has set and against
// the others, and a bit of the fingerprint is set where the votes for it
// win. Texts that share most features get fingerprints a few bits apart
// (HammingDistance): the story id groups syndicated copies by it, the
// alert explanation groups scripted (buzzer) posts. No features give 0.
func SimHash(features []string) uint64 {
	var v [64]int
	for _, f := range features {
		x := uint64(14695981039346656037) // FNV-1a 64 offset basis
		for i := 0; i < len(f); i++ {
			x ^= uint64(f[i])
			x *= 1099511628211 // FNV-1a 64 prime
		}
		for b := 0; b < 64; b++ {
			v[b] += int(x>>b&1)*2 - 1
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

// HammingDistance is the number of bits in which two fingerprints differ.
func HammingDistance(a, b uint64) int { return bits.OnesCount64(a ^ b) }
