package model

import (
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

// TestDecodeTFIDFRejectsBadInput feeds DecodeTFIDF files it must refuse.
func TestDecodeTFIDFRejectsBadInput(t *testing.T) {
	for _, bad := range []string{"", "DGTFIDF1", "NOTMODEL" + strings.Repeat("x", 30), "DGTFIDF1\x30\x02\x05\x00" + strings.Repeat("\x00", 16)} {
		if _, err := DecodeTFIDF(strings.NewReader(bad)); err == nil {
			t.Errorf("DecodeTFIDF(%q) accepted bad input", bad)
		}
	}
}
