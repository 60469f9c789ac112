package model

import (
	"bytes"
	"strings"
	"testing"
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
		for _, n := range f.rawNames(tt.text) {
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
	y := []bool{true, true, true, false, false, false}
	m := TrainTFIDF(TFIDFFeatures(14, 2, 5), texts, y, SVMOptions{C: 1, Epochs: 50, Seed: 1, PosWeight: 1})
	m.Platt, m.Threshold = [2]float32{2, -0.1}, 0.45
	var v TFIDFVec
	for i, s := range texts {
		if got := m.Score(s, &v) > 0; got != y[i] {
			t.Errorf("%q: score %.3f, want positive=%v", s, m.Score(s, &v), y[i])
		}
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := DecodeTFIDF(&buf)
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
	for _, bad := range []string{"", "DGTFIDF1", "NOTMODEL" + strings.Repeat("x", 30), "DGTFIDF1\x30\x02\x05\x00" + strings.Repeat("\x00", 16)} {
		if _, err := DecodeTFIDF(strings.NewReader(bad)); err == nil {
			t.Errorf("DecodeTFIDF(%q) accepted bad input", bad)
		}
	}
}
