package catalog

import (
	"strings"
	"testing"
)

// TestSpellFilter checks that the filter before spellOut lets every word
// of it through and turns most other words away.
func TestSpellFilter(t *testing.T) {
	for w := range spellOut {
		if !maybeSpelled(w) {
			t.Errorf("maybeSpelled(%q) = false for a word of spellOut", w)
		}
	}
	tests := []struct {
		w    string
		want bool
	}{
		{"", false},
		{"mnang", true},
		{"smg", true},
		{"sampe", true},
	}
	for _, tt := range tests {
		if got := maybeSpelled(tt.w); got != tt.want {
			t.Errorf("maybeSpelled(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
	// Common words of five letters that begin as spellOut's do: the
	// filter it replaced let all of them through.
	words := strings.Fields("sudah semua salam sabar makan minta masih pasti pagar pilih dapat jalan tanya bapak tahun kerja anak baru harga warga kota")
	passed := 0
	for _, w := range words {
		if maybeSpelled(w) {
			if _, ok := spellOut[w]; !ok {
				passed++
			}
		}
	}
	if passed > 2 {
		t.Errorf("%d of %d common words get past the filter, want at most 2", passed, len(words))
	}
}
