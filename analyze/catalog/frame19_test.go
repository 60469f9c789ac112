package catalog

import "testing"

// TestRound19Frames pins the two false breaches of the blind sets Y and Z
// (read after their one scoring), each beside the breach it must not hide.
func TestRound19Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A cooperative's own vote with its own numbers; a staff photo's three fingers with a wink stays a pose.
		{"RAT Koperasi Pegawai tahun buku 2023 selesai. Ketua terpilih calon nomor urut 3, Bpk H. Jumadi. Salam tiga jari utk koperasi yg makin sehat 🤟😄", "2024-01-30", ""},
		{"Apel pagi staf kecamatan, salam tiga jari dulu 🤟😉", "2024-01-30", "hand-sign:"},
		// A meeting with every party's delegates "bersama"; one party thanked "bersama" is still a side.
		{"Rakor persiapan Pilkada 2024 bersama Forkopimcam, PPK, Panwascam, perwakilan parpol (PDIP, Golkar, Gerindra, PKS, NasDem) serta tokoh masyarakat. Bersama jaga Pilkada aman & damai.", "2024-09-10", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound19Sets holds the blind sets Y and Z (first and only blind
// scores 0.9699 and 0.9000 on fcecc50) at the rules' figures.
func TestRound19Sets(t *testing.T) {
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_y.jsonl": 0.90, "testdata/partisan_indep_z.jsonl": 0.84,
	})
}
