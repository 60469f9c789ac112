package catalog

import "testing"

// TestRound15Frames pins round 15's shapes (the miss classes of the
// independent sets AA and AB), each with a hard negative in the same words.
func TestRound15Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A padded ballot number ending a hashtag; counters of queues, groups and teams are not ballots.
		{"Perekaman KTP-el keliling di Kel. Loa Bakung Kamis pagi, bawa KK asli ya 🙏 #RudySeno02", "2024-11-07", "campaign-hashtag:"},
		{"Jadwal pengangkutan sampah zona utara berubah mulai Senin. Mohon maklum 🙏 #SamarindaMaju01", "2024-11-04", "campaign-hashtag:"},
		{"Jadwal posyandu balita minggu ini: Senin di #Posyandu02 Melati, Rabu di #RT05. Bawa buku KIA 🙏", "2024-11-04", ""},
		{"Jamaah haji kloter terakhir tiba di Asrama Haji Balikpapan malam ini #Kloter03 #HajiKaltim", "2024-11-04", ""},
		{"Tim futsal pelajar Samarinda menang 3-1 atas Balikpapan 🔥 #Porprov2024 #TimSamarinda02", "2024-11-04", ""},
		// A pair's jingle; "oke, gas" at a counter is not.
		{"Semangat Jumat! Senam pagi bareng staf kecamatan, oke gas oke gas 🕺🕺", "2024-01-26", "slogan:"},
		{"Berkas sudah lengkap? Oke, gas ke loket 3 ya bapak ibu 👍", "2024-01-26", ""},
		// A registration wished the coming term; the KPU's notice of registration is not.
		{"Selamat atas pendaftaran pasangan Ir. Bambang Sutrisno – Hj. Rahmawati ke KPU Samarinda 🎉 semoga jadi jalan terbaik utk Samarinda 5 tahun ke depan", "2029-08-27", "greeting:"},
		{"KPU Samarinda membuka pendaftaran pasangan calon wali kota 27-29 Agustus. Berkas diserahkan langsung oleh pasangan calon bersama partai pengusung.", "2029-08-20", ""},
		// A leader's record not to be repeated at the vote; a building's is not.
		{"Jalan poros mangkrak, pasar terbengkalai waktu pemimpin lama. Jangan sampai terulang, tanggal 27 pikir baik2 ya bapak ibu 🙏", "2024-11-20", "oppose-call:"},
		{"Gedung posyandu lama terbengkalai, jangan sampai terulang di gedung baru. Mari rawat bersama fasilitas kita 🙏", "2024-11-20", ""},
		{"Pemimpin baru di Kecamatan Palaran: selamat bertugas Bapak Camat yang baru dilantik. Semoga amanah 🙏", "2024-11-20", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound15Sets holds round 15's tuning set and the independent sets AA
// and AB at the rules' figures, with no false breach.
func TestRound15Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_round15_tune.jsonl": 0.98,
	})
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_aa.jsonl": 0.85, "testdata/partisan_indep_ab.jsonl": 0.85,
	})
}
