package hostility

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

func TestThreat(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"bunuh saja koruptor itu", true},
		{"bakar rumahnya!", true},
		{"habisi mereka semua", true},
		{"ayo serbu kantor dprd", true},
		{"ganyang antek asing", true},
		{"pancung dan penggal kepalanya", true},
		{"kubunuh ikam", true},
		{"bunuh haja sidin", true},
		{"jangan bakar sampah sembarangan", false},
		{"ikan bakar di tepian enak", false},
		{"dia dibunuh kemarin malam, polisi menyelidiki", false},
		{"basmi sarang nyamuk dengan 3M", false},
		{"tembak langsung ke gawang", false},
		{"pelayanan lambat sekali", false},
	}
	for _, tt := range tests {
		if got := Threat(normalize.Text(tt.text)); got != tt.want {
			t.Errorf("Threat(%q) = %v, want %v (cues %v)", tt.text, got, tt.want, ThreatCues(normalize.Text(tt.text)))
		}
	}
}
