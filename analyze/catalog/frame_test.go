package catalog

import "testing"

// TestRound10Frames pins the frame table's shapes, each with a hard
// negative in the same words.
func TestRound10Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// Mobilisation: an occasion with a person and logistics.
		{"Ramah tamah bersama Pak Darsani Ilyas malam ini, warga dijemput mobil dari pos ronda.", "2029-10-05", "mobilisation:"},
		{"Ramah tamah bersama Pak Kapolsek malam ini, warga dijemput mobil dari pos ronda.", "2029-10-05", ""},
		{"Temu kangen bersama Pak Darsani mantan kepala sekolah, kumpul di SDN 004.", "2029-10-05", ""},
		{"Para ketua RT diminta hadir di syukuran pencalonan Bang Jafar, Jumat malam.", "2029-08-24", "mobilisation:"},
		{"Warga yang mau ikut konvoi mengantar pasangan Arman–Yati ke KPU kumpul di Simpang Pasir.", "2029-08-27", "mobilisation:"},
		{"Pelantikan relawan Tagana kelurahan, berangkat dari kantor jam 7, sarapan disediakan.", "2029-09-15", ""},
		// Greetings with an electoral wish, in any season for a party.
		{"Selamat ulang tahun Bu Warsini, semoga lancar sampai duduk di kursi DPRD 🤲", "2028-11-20", "greeting:"},
		{"Selamat milad Partai Ummat, semoga menang besar di Pemilu 2029", "2026-02-28", "greeting:"},
		{"Selamat kepada ananda Rafi yang terpilih ikut olimpiade, semoga menang!", "2029-10-10", ""},
		// Candidates' aid, thanked.
		{"Bantuan beras dari Bu Nurjanah (caleg dapil 4) sudah diterima, terima kasih bu.", "2029-01-10", "party-service:"},
		// Party cheers, symbols, name hashtags, a chosen colour.
		{"Perindo pang! Bubuhan pasar sudah satu suara.", "2029-01-20", "slogan:"},
		{"Ingat 14 Februari, coblos kotak bergambar beringin ya 💛", "2029-02-05", "attributes:"},
		{"Layanan adminduk keliling 📋 #ArmanYati2029", "2029-10-10", "campaign-hashtag:"},
		{"Layanan adminduk keliling 📋 #PemiluDamai2029", "2029-10-10", ""},
		{"Jaga persatuan #NKRI #IndonesiaSatu", "2029-10-10", ""},
		{"Posyandu hari ini, 28 November pilih yang bajunya hijau 😉", "2029-11-14", "bajunya hijau"},
		{"Posyandu hari ini, ibu-ibu pakai baju hijau ya 😉", "2029-11-14", ""},
		// Banjar support.
		{"Pa Jafar haja gasan wali kota, bubuhan.", "2029-10-24", "support-call:"},
		{"Manang Pa Jafar! Banua handak nang baru.", "2029-11-20", "support-call:"},
		{"Ayo dangsanak, kita bela Pesut Etam sampai manang di final!", "2029-11-04", ""},
		// A person, a candidacy and an act.
		{"Selamat bertambah usia Bapak Jafar Sidik, bakal calon wali kota, sukses perjuangannya.", "2029-06-30", "support-praise:"},
		{"Selamat bertambah usia Bapak Wali Kota, semoga sehat selalu.", "2029-06-30", ""},
		{"Terima kasih Relawan RAPI dan Pak Jafar yang selalu hadir membantu evakuasi banjir.", "2029-01-10", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound10Sets holds round 10's sets to their figures, with no false
// neutrality breach.
func TestRound10Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_quiet_shape_tune.jsonl": 0.99, "testdata/partisan_quiet_shape_blind.jsonl": 0.99, "testdata/partisan_quiet_shape_blind2.jsonl": 0.99,
	})
}

// TestRound10CuesAreEvidence checks the frame table's cues as
// TestCuesAreEvidence does on the earlier sets.
func TestRound10CuesAreEvidence(t *testing.T) {
	checkCuesAreEvidence(t, testIndex(t), []string{"testdata/partisan_quiet_shape_tune.jsonl", "testdata/partisan_quiet_shape_blind.jsonl", "testdata/partisan_quiet_shape_blind2.jsonl"}, 100)
}
