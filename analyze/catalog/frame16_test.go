package catalog

import "testing"

// TestRound16Frames pins round 16's shapes (the miss classes of the
// independent sets AC and AD), each with a hard negative in the same words.
func TestRound16Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A region's hashtag with a side's acronym and its year; an event's is not.
		{"Lomba kebersihan antar RT dibuka, hadiah jutaan rupiah! 🇮🇩 #SamarindaRIYU2029", "2029-08-05", "campaign-hashtag:"},
		{"Pendaftaran MTQ tingkat kota dibuka sampai 10 Agustus 🕌 #SamarindaMTQ2029", "2029-08-05", ""},
		// A past leader's record not to be repeated, in a campaign; a flood's or a fire's is not.
		{"Masih ingat proyek drainase yg mangkrak waktu wali kota sebelumnya? Jgn sampai terulang ya bapak ibu 🙏", "2029-10-20", "oppose-call:"},
		{"5 thn kemarin janji jalan mulus, hasilnya lubang di mana2. Jangan sampai terulang lagi 😏", "2024-11-02", "oppose-call:"},
		{"Kejadian banjir besar 5 tahun lalu jangan sampai terulang, ayo bersihkan drainase di lingkungan masing2 🙏", "2024-11-02", ""},
		{"Jangan sampai kebakaran Pasar Segiri terulang, pesan Wali Kota saat meninjau instalasi listrik pedagang.", "2024-11-02", ""},
		// The empty box run down; the KPU's word that it is valid is not.
		{"Kotak kosong itu bukan pilihan, itu buang suara. Warga Sungai Pinang sdh rasakan sendiri hasil kerjanya 💪", "2024-11-20", "oppose-attack:"},
		{"Kotak kosong itu pilihan yang sah menurut undang-undang, kata Ketua KPU Samarinda saat sosialisasi di Kelurahan Sempaja.", "2024-11-20", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound16Sets holds round 16's tuning set and the independent sets AC
// and AD at the rules' figures, with no false breach.
func TestRound16Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_round16_tune.jsonl": 0.98,
	})
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_ac.jsonl": 0.85, "testdata/partisan_indep_ad.jsonl": 0.84,
	})
}
