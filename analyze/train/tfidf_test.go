package train

import (
	"bytes"
	"testing"

	"github.com/dengar-id/dengar/analyze/model"
)

// TestTFIDFTrainRoundTrip trains a tiny model, checks that it separates
// its training texts and that encoding keeps its scores.
func TestTFIDFTrainRoundTrip(t *testing.T) {
	texts := []string{"dasar bodoh kau", "kau bodoh sekali", "bodoh dan tolol", "taman kota indah", "jalan kota bersih", "pelayanan cepat"}
	y := []bool{true, true, true, false, false, false}
	m := TrainTFIDF(model.TFIDFFeatures(14, 2, 5), texts, y, SVMOptions{C: 1, Epochs: 50, Seed: 1, PosWeight: 1})
	m.Platt, m.Threshold = [2]float32{2, -0.1}, 0.45
	var v model.TFIDFVec
	for i, s := range texts {
		if got := m.Score(s, &v) > 0; got != y[i] {
			t.Errorf("%q: score %.3f, want positive=%v", s, m.Score(s, &v), y[i])
		}
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := model.DecodeTFIDF(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if d.Platt != m.Platt || d.Threshold != m.Threshold || d.B != m.B || d.Features != m.Features {
		t.Fatalf("decoded header %+v, want %+v", d, m)
	}
	for _, s := range append(texts, "teks baru yang tidak dikenal") {
		if a, b := m.Prob(s, &v), d.Prob(s, &v); a != b {
			t.Errorf("%q: decoded prob %v, want %v", s, b, a)
		}
	}
}
