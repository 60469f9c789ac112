package normalize

import (
	"reflect"
	"testing"
)

// TestTextInto checks that TextInto, writing each text into the Doc of the
// text before (longer, shorter, Banjar after Indonesian, forced Banjar),
// gives what TextWith gives on a fresh Doc.
func TestTextInto(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts []Option
	}{
		{"long first", "Alhamdulillah jalan di Sempaja sudah diaspal, terima kasih Pemkot Samarinda 🙏 #SamarindaKotaPeradaban @pemkot", nil},
		{"shorter", "gak bagus!!!!", nil},
		{"Banjar cues", "kada nyaman banar jalan di loa janan ni, wayah ini lubang di mana-mana", nil},
		{"Indonesian after Banjar", "pelayanan disdukcapil lambat bgt, antri dari pagi blm dipanggil jg", nil},
		{"forced Banjar", "nyaman haja", []Option{AssumeBanjar()}},
		{"no stems", "pembangunan jembatan Mahakam", []Option{WithStems(false)}},
		{"empty", "", nil},
		{"after empty", "Rp10.000 :) https://samarindakota.go.id/berita", nil},
	}
	d := new(Doc)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := TextWith(tt.in, tt.opts...)
			if got := TextInto(d, tt.in, tt.opts...); got != d {
				t.Fatalf("TextInto returned %p, want its Doc %p", got, d)
			}
			if !reflect.DeepEqual(d, want) {
				t.Errorf("TextInto(%q) = %q %+v, want %q %+v", tt.in, render(d), *d, render(want), *want)
			}
			if d.Lang() != want.Lang() {
				t.Errorf("TextInto(%q).Lang() = %q, want %q", tt.in, d.Lang(), want.Lang())
			}
		})
	}
}
