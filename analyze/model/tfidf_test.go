package model

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// TestRawTextFeatures checks the raw-text groups on written forms that
// normalisation would erase.
func TestRawTextFeatures(t *testing.T) {
	f := TFIDFFeatures(16, 2, 3)
	for _, tt := range []struct {
		text string
		want []string // feature names that must be present
		not  []string // and absent
	}{
		{"Gak SUKA bgt", []string{"raw:gak", "raw:suka", "raw:gak suka", "raw:suka bgt", "rawchar: g", "rawchar:gt "}, []string{"raw:tidak"}},
		{"a b2 x", []string{"raw:b2", "rawchar: a ", "rawchar: x "}, []string{"raw:a", "raw:x", "raw:a b2"}},
		{"kontol!!", []string{"raw:kontol", "rawchar:!! ", "rawchar:l!!"}, nil},
	} {
		names := map[string]bool{}
		for _, n := range f.Explain(normalize.Text(tt.text)) {
			names[n.Name] = true
		}
		for _, w := range tt.want {
			if !names[w] {
				t.Errorf("%q: no feature %q in %v", tt.text, w, names)
			}
		}
		for _, w := range tt.not {
			if names[w] {
				t.Errorf("%q: unexpected feature %q", tt.text, w)
			}
		}
	}
}

// TestTFIDFTrainRoundTrip trains a tiny model, checks that it separates
// its training texts and that encoding keeps its scores.
func TestTFIDFTrainRoundTrip(t *testing.T) {
	texts := []string{"dasar bodoh kau", "kau bodoh sekali", "bodoh dan tolol", "taman kota indah", "jalan kota bersih", "pelayanan cepat"}
	y := [][]bool{{true, false}, {true, false}, {true, false}, {false, true}, {false, true}, {false, true}}
	o := SVMOptions{C: 1, Epochs: 50, Seed: 1, PosWeight: 1}
	m, err := TrainTFIDF(TFIDFFeatures(14, 2, 5), texts, y, 2, []SVMOptions{o, o})
	if err != nil {
		t.Fatal(err)
	}
	m.Calib, m.Threshold = [2]float32{2, -0.1}, 0.45
	var v TFIDFVec
	s := make([]float64, 2)
	for i, x := range texts {
		m.Scores(x, &v, s)
		if (s[0] > 0) != y[i][0] || (s[1] > 0) != y[i][1] {
			t.Errorf("%q: scores %.3f, want positives %v", x, s, y[i])
		}
	}
	if _, err := TrainTFIDF(TFIDFFeatures(14, 2, 5), texts, y, 9, nil); err == nil {
		t.Error("TrainTFIDF accepted 9 outputs")
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := DecodeTFIDF(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if d.Calib != m.Calib || d.Threshold != m.Threshold || d.K != m.K || d.Features != m.Features || len(d.B) != 2 || d.B[0] != m.B[0] || d.B[1] != m.B[1] {
		t.Fatalf("decoded header %+v, want %+v", d, m)
	}
	a, b := make([]float64, 2), make([]float64, 2)
	for _, x := range append(texts, "teks baru yang tidak dikenal") {
		m.Probs(x, &v, a)
		d.Probs(x, &v, b)
		if a[0] != b[0] || a[1] != b[1] || math.Abs(a[0]+a[1]-1) > 1e-9 {
			t.Errorf("%q: decoded probs %v, want %v (summing to 1)", x, b, a)
		}
	}
	for _, bad := range []string{"", "DGTFIDF2", "NOTMODEL" + strings.Repeat("x", 30), "DGTFIDF2\x30\x02\x05\x01" + strings.Repeat("\x00", 16), "DGTFIDF2\x10\x02\x05\x00" + strings.Repeat("\x00", 16)} {
		if _, err := DecodeTFIDF(strings.NewReader(bad)); err == nil {
			t.Errorf("DecodeTFIDF(%q) accepted bad input", bad)
		}
	}
}
