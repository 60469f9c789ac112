package hostility

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// TestThreat checks the threat rules on posts written for this test:
// first-person, imperative, collective and veiled threats in Indonesian,
// slang and Banjar; negated, reported and everyday uses of the same verbs.
func TestThreat(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		// threats and incitement
		{"bunuh saja koruptor itu", true},
		{"bakar rumahnya!", true},
		{"habisi mereka semua", true},
		{"ayo serbu kantor dprd", true},
		{"ganyang antek asing", true},
		{"pancung dan penggal kepalanya", true},
		{"kubunuh ikam", true},
		{"bunuh haja sidin", true},
		{"kusobek mulutmu kalau masih ngomong begitu", true},
		{"tunggu haja di rumah ikam, kami datang", true},
		{"kalau ketemu kau di pasar, kuhajar sampai babak belur", true},
		{"gue patahin kaki lu kalau lewat sini lagi", true},
		{"kalau ketemu di jalan, tak injek-injek kepalamu", true},
		{"mun ulun tatamu lawan ikam, kutampar muha ikam", true},
		{"pejabat begini pantas digantung di alun-alun", true},
		{"siapkan parang, malam ini kita datangi rumahnya", true},
		{"tunggu saja, keluargamu tidak akan aman", true},
		{"ingat, aku tahu sekolah anakmu", true},
		{"sekali lagi datang ke rapat, pulang tinggal nama", true},
		// negated
		{"saya tidak akan bakar apa-apa, cuma mau protes", false},
		{"kami tidak akan menyerang siapa pun, aksi besok damai", false},
		{"tolong jangan ada yang datangi rumah pak lurah", false},
		{"kada usah bakalahi, bapandir baik-baik haja", false},
		// reported speech and news
		{"Polisi tangkap pria yang ancam bunuh ketua RT", false},
		{"Saksi: terdakwa sempat berteriak 'kubunuh kau' sebelum kabur", false},
		{"ada akun yang ngancam mau bakar kantor kelurahan, sudah dilaporkan", false},
		// everyday uses
		{"jangan bakar sampah sembarangan", false},
		{"ikan bakar di tepian enak", false},
		{"dia dibunuh kemarin malam, polisi menyelidiki", false},
		{"basmi sarang nyamuk dengan 3M", false},
		{"tembak langsung ke gawang", false},
		{"bantai lawan di final porprov besok!", false},
		{"serbu diskon akhir tahun di mal", false},
		{"kalau ketemu pak camat, sampaikan terima kasih kami", false},
		{"tunggu saja di rumah, petugas PLN akan datang", false},
		{"besok kita datangi kantor DPRD rame-rame, bawa tuntutan, tetap damai", false},
		{"pelayanan lambat sekali", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Threat(normalize.Text(tt.text)); got != tt.want {
				t.Errorf("Threat = %v, want %v (cues %v)", got, tt.want, ThreatCues(normalize.Text(tt.text)))
			}
		})
	}
}
