package model

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Hash namespaces of the raw-text groups.
const (
	nsRawWord = 'W'
	nsRawBi   = 'B'
	nsRawChar = 'C'
)

// extractRawGroups appends the raw-text groups of v.raw with unit values
// (signed) and returns where the character group starts.
func (f Features) extractRawGroups(v *Vec) int {
	return f.extractRaw(v, func(h uint64, _ string) {
		v.Idx = append(v.Idx, f.bucket(h))
		v.Val = append(v.Val, f.sign(h))
	}, false)
}

// rawNames returns the readable raw-text features of raw, by bucket.
func (f Features) rawNames(raw string) []FeatureName {
	v := Vec{raw: raw}
	var names []FeatureName
	f.extractRaw(&v, func(h uint64, name string) {
		names = append(names, FeatureName{f.bucket(h), name})
	}, true)
	return names
}

// extractRaw calls add for the raw-text features of v.raw, lower-cased:
// word uni- and bigrams of its letter/digit runs, then character
// RawCharMin–RawCharMax-grams inside each whitespace-separated chunk
// (which keeps what normalisation erases: spelling, register, punctuation
// inside words). It returns the number of entries in v before the
// character group starts; names are built only when explain is set.
func (f Features) extractRaw(v *Vec, add func(uint64, string), explain bool) int {
	v.cbuf = appendLower(v.cbuf[:0], v.raw)
	text := v.cbuf
	// Word group: runs of letters, digits and '_' of two runes or more.
	var prev []byte
	for i := 0; i < len(text); {
		j := i
		for j < len(text) {
			r, n := rune(text[j]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRune(text[j:])
			}
			if !isRawWordRune(r) {
				break
			}
			j += n
		}
		if j == i {
			_, n := utf8.DecodeRune(text[i:])
			i += n
			continue
		}
		w := text[i:j]
		i = j
		if utf8.RuneCount(w) < 2 {
			continue
		}
		h := hashBytes(hashStr(fnvOffset, string(rune(nsRawWord))), w)
		name := ""
		if explain {
			name = "raw:" + string(w)
		}
		add(h, name)
		if prev != nil {
			hb := hashBytes(hashStr(fnvOffset, string(rune(nsRawBi))), prev)
			hb = hashBytes(hb^0x20, w)
			if explain {
				name = "raw:" + string(prev) + " " + string(w)
			}
			add(hb, name)
		}
		prev = w
	}
	// Character group: n-grams of each whitespace-separated chunk padded
	// with one space on each side.
	split := len(v.Idx)
	if f.RawCharMax <= 0 {
		return split
	}
	lo := max(f.RawCharMin, 1)
	for i := 0; i < len(text); {
		for i < len(text) && isSpaceByte(text[i]) {
			i++
		}
		j := i
		for j < len(text) && !isSpaceByte(text[j]) {
			j++
		}
		if j == i {
			break
		}
		f.rawGrams(v, text[i:j], lo, add, explain)
		i = j
	}
	return split
}

// rawGrams emits the n-grams (lo ≤ n ≤ RawCharMax) of " chunk ".
func (f Features) rawGrams(v *Vec, chunk []byte, lo int, add func(uint64, string), explain bool) {
	n := len(chunk) + 2
	at := func(k int) byte {
		if k == 0 || k == n-1 {
			return ' '
		}
		return chunk[k-1]
	}
	if !explain {
		// Counted first and written in place (no append per gram).
		hi := f.RawCharMax
		if hi < lo {
			return
		}
		cnt := 0
		for s := 0; s+lo <= n; s++ {
			cnt += min(hi, n-s) - lo + 1
		}
		base := len(v.Idx)
		v.Idx = slices.Grow(v.Idx, cnt)[:base+cnt]
		v.Val = slices.Grow(v.Val, cnt)[:base+cnt]
		idx, val := v.Idx[base:base+cnt], v.Val[base:base+cnt]
		if lo == 2 && hi == 5 && n <= maxPaddedChunk {
			f.rawGrams25(idx, val, chunk)
			return
		}
		k := 0
		for s := 0; s+lo <= n; s++ {
			h := uint64(fnvOffset ^ nsRawChar)
			h *= fnvPrime
			m := min(hi, n-s)
			for j := 0; j < m; j++ {
				h ^= uint64(at(s + j))
				h *= fnvPrime
				if j+1 >= lo {
					idx[k], val[k] = f.bucket(h), f.sign(h)
					k++
				}
			}
		}
		return
	}
	for s := 0; s < n; s++ {
		h := uint64(fnvOffset ^ nsRawChar)
		h *= fnvPrime
		for m := 1; m <= f.RawCharMax && s+m <= n; m++ {
			h ^= uint64(at(s + m - 1))
			h *= fnvPrime
			if m < lo {
				continue
			}
			if explain {
				g := make([]byte, m)
				for k := range g {
					g[k] = at(s + k)
				}
				add(h, "rawchar:"+string(g))
				continue
			}
			v.Idx = append(v.Idx, f.bucket(h))
			v.Val = append(v.Val, f.sign(h))
		}
	}
}

// maxPaddedChunk is the longest padded chunk rawGrams25 takes.
const maxPaddedChunk = 64

// rawGrams25 writes the 2–5-grams (the shipped range) of " chunk " into
// idx and val, which hold exactly their count, in rawGrams's order: the
// padded chunk is copied to the stack, each start's four grams are
// written through fixed-size views (no bounds check per gram) and the
// hashing settings are held in registers. len(chunk)+2 ≤ maxPaddedChunk.
func (f Features) rawGrams25(idx []uint32, val []float32, chunk []byte) {
	var p [maxPaddedChunk]byte
	n := len(chunk) + 2
	p[0] = ' '
	copy(p[1:], chunk)
	p[n-1] = ' '
	shift, signed := 64-uint(f.Bits), f.Signed
	k, s := 0, 0
	for ; s+5 <= n; s++ {
		b := (*[5]byte)(p[s : s+5])
		o, x := (*[4]uint32)(idx[k:k+4]), (*[4]float32)(val[k:k+4])
		h := uint64(fnvOffset ^ nsRawChar)
		h *= fnvPrime
		h = (h ^ uint64(b[0])) * fnvPrime
		h2 := (h ^ uint64(b[1])) * fnvPrime
		h3 := (h2 ^ uint64(b[2])) * fnvPrime
		h4 := (h3 ^ uint64(b[3])) * fnvPrime
		h5 := (h4 ^ uint64(b[4])) * fnvPrime
		o[0], o[1], o[2], o[3] = bucketOf(h2, shift), bucketOf(h3, shift), bucketOf(h4, shift), bucketOf(h5, shift)
		x[0], x[1], x[2], x[3] = signOf(h2, signed), signOf(h3, signed), signOf(h4, signed), signOf(h5, signed)
		k += 4
	}
	// The last starts (at most three) have fewer than four grams.
	for ; s+2 <= n; s++ {
		h := uint64(fnvOffset ^ nsRawChar)
		h *= fnvPrime
		h = (h ^ uint64(p[s])) * fnvPrime
		for j := s + 1; j < n; j++ {
			h = (h ^ uint64(p[j])) * fnvPrime
			idx[k], val[k] = bucketOf(h, shift), signOf(h, signed)
			k++
		}
	}
}

func hashBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isRawWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appendLower appends s lower-cased to dst (ASCII fast path).
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}
