package catalog

import "testing"

// TestRound17Frames pins round 17's shapes (the miss classes of the
// independent sets AE and AF), each with a hard negative in the same words.
func TestRound17Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A candidate's own content shared in the campaign; a notice of the candidate's visit, or an office's repost out of season, is not.
		{"RT @rudymasud: Banjir Samarinda harus ditangani dari hulu ke hilir. Kaltim butuh kerja nyata 💪", "2024-10-30", "share:"},
		{"Mohon diteruskan ke grup RT 🙏 Video Pak Ganjar soal nasib guru honorer, bagus bgt isinya, wajib ditonton", "2024-01-25", "share:"},
		{"Mohon diteruskan: jadwal kunjungan Pak Ganjar ke Samarinda, Jl. Juanda ditutup sementara pukul 09.00-12.00", "2024-01-25", ""},
		{"Repost dari akun Wali Kota Andi Harun: jadwal pasar murah minggu ini di 10 kelurahan", "2025-03-30", ""},
		// A person wished to be elected; an envoy's or a flag troop's selection is not an election.
		{"Ulun ucapakan tarima kasih lawan pian Bu Hj. Rahmawati nang sudah mambari ambulans gasan puskesmas. Mudahan pian tapilih 🤲", "2029-09-20", "support-call:"},
		{"Selamat utk ananda Rizky, semoga terpilih jadi Duta Wisata Samarinda 2029 🙏", "2029-09-20", ""},
		{"Semoga anak2 kita terpilih ikut seleksi paskibraka tingkat provinsi, latihan terus ya 💪", "2029-09-20", ""},
		// A birthday wished a meeting on the ballot.
		{"Selamat ulang tahun Pak Anies 🎂 sehat selalu, semoga 2029 kita ketemu lagi di surat suara ya pak 🤲", "2025-05-07", "greeting:"},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound17Sets holds round 17's tuning set and the independent sets AE
// and AF at the rules' figures, with no false breach.
func TestRound17Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_round17_tune.jsonl": 0.98,
	})
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_ae.jsonl": 0.85, "testdata/partisan_indep_af.jsonl": 0.85,
	})
}
