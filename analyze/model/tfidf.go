package model

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// TFIDF is a binary linear SVM over TF-IDF features of the text as
// written (lower-cased, not normalised): word uni- and bigrams and
// character n-grams inside whitespace-separated chunks, each group scaled
// by inverse document frequency and L2-normalised on its own. It is the
// classical recipe of the text-classification literature and errs
// differently from the models over normalised text, so the two are
// averaged. The IDF is folded into the weights and kept squared for the
// norms, so scoring costs one table read per n-gram and no dictionary.
type TFIDF struct {
	// Features holds the hashing (Bits, Signed) and the character n-gram
	// range (RawCharMin, RawCharMax).
	Features Features
	// WQ holds, for bucket j, the weight with IDF folded in at 2j and the
	// squared IDF at 2j+1: one cache line serves both reads.
	WQ []float32
	// B is the bias.
	B float32
	// Platt maps the margin to a probability, σ(Platt[0]·s + Platt[1]);
	// Threshold is the decision threshold of the probability its user
	// blends it into (both fitted on validation data by the trainer).
	Platt     [2]float32
	Threshold float32
}

// Prob returns the Platt-calibrated probability of raw.
func (t *TFIDF) Prob(raw string, v *TFIDFVec) float64 {
	return Logistic(float64(t.Platt[0])*t.Score(raw, v) + float64(t.Platt[1]))
}

// TFIDFFeatures returns the feature configuration of a TF-IDF model:
// character charMin–charMax-grams, hashed with signs into 2^bits buckets.
func TFIDFFeatures(bits uint8, charMin, charMax int) Features {
	return Features{Bits: bits, Signed: true, RawCharMin: charMin, RawCharMax: charMax}
}

// TFIDFVec is a raw-text vector with its group boundary (reusable scratch
// space for Score).
type TFIDFVec struct {
	Vec
	split int // entries before split are words, the rest characters
}

// Split is the number of entries at the start of v.Idx that are word
// n-grams; the character n-grams follow.
func (v *TFIDFVec) Split() int { return v.split }

// Extract fills v with the unweighted raw-text features of raw: the word
// n-grams, then the character n-grams (see Split). Score weights them; a
// trainer computes the IDF from them.
func (t *TFIDF) Extract(raw string, v *TFIDFVec) {
	v.Reset()
	v.raw = raw
	v.split = t.Features.extractRawGroups(&v.Vec)
}

// Score returns the SVM margin of raw (positive: the class).
func (t *TFIDF) Score(raw string, v *TFIDFVec) float64 {
	t.Extract(raw, v)
	score := float64(t.B)
	for _, g := range [2][2]int{{0, v.split}, {v.split, len(v.Idx)}} {
		var dot, q float32
		for i := g[0]; i < g[1]; i++ {
			j := 2 * int(v.Idx[i])
			row := t.WQ[j : j+2 : j+2]
			dot += row[0] * v.Val[i]
			q += row[1]
		}
		if q > 0 {
			score += float64(dot) / math.Sqrt(float64(q))
		}
	}
	return score
}

// tfidfMagic starts an encoded TF-IDF model.
const tfidfMagic = "DGTFIDF1"

// tfidfHeader is the number of bytes after the magic: bits, char range,
// padding, then bias, Platt a and b and threshold as float32.
const tfidfHeader = 4 + 4*4

// Encode writes t in a compact binary form (float32, little endian).
func (t *TFIDF) Encode(w io.Writer) error {
	hdr := make([]byte, 0, 32)
	hdr = append(hdr, tfidfMagic...)
	hdr = append(hdr, t.Features.Bits, byte(t.Features.RawCharMin), byte(t.Features.RawCharMax), 0)
	for _, x := range []float32{t.B, t.Platt[0], t.Platt[1], t.Threshold} {
		hdr = binary.LittleEndian.AppendUint32(hdr, math.Float32bits(x))
	}
	if _, err := w.Write(hdr); err != nil {
		return fmt.Errorf("encode tfidf: %w", err)
	}
	buf := make([]byte, 0, 4*len(t.WQ))
	for _, x := range t.WQ {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(x))
	}
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("encode tfidf: %w", err)
	}
	return nil
}

// DecodeTFIDF reads a model written by Encode.
func DecodeTFIDF(r io.Reader) (*TFIDF, error) {
	hdr := make([]byte, len(tfidfMagic)+tfidfHeader)
	if _, err := io.ReadFull(r, hdr); err != nil {
		return nil, fmt.Errorf("decode tfidf: %w", err)
	}
	if string(hdr[:len(tfidfMagic)]) != tfidfMagic {
		return nil, errors.New("decode tfidf: not a TF-IDF model file")
	}
	p := hdr[len(tfidfMagic):]
	bits := p[0]
	if bits < 10 || bits > 24 || p[1] < 1 || p[2] < p[1] || p[2] > 8 {
		return nil, fmt.Errorf("decode tfidf: bad header (bits %d, chars %d–%d)", bits, p[1], p[2])
	}
	f32 := func(i int) float32 { return math.Float32frombits(binary.LittleEndian.Uint32(p[4+4*i:])) }
	t := &TFIDF{Features: TFIDFFeatures(bits, int(p[1]), int(p[2])), B: f32(0), Platt: [2]float32{f32(1), f32(2)}, Threshold: f32(3)}
	dim := t.Features.Dim()
	buf := make([]byte, 8*dim)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, fmt.Errorf("decode tfidf: weights: %w", err)
	}
	t.WQ = make([]float32, 2*dim)
	for j := range t.WQ {
		t.WQ[j] = math.Float32frombits(binary.LittleEndian.Uint32(buf[4*j:]))
	}
	return t, nil
}
