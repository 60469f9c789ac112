package catalog

import "testing"

// TestRound14Frames pins round 14's shapes (the miss classes of the
// independent sets U, V and W), each with a hard negative in the same words.
func TestRound14Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A community's own ballot numbers; a pair's number beside the same words is a side.
		{"Pemilihan Ketua RT 05 hari Minggu di pos ronda. Calon nomor urut 1 Pak Darto, nomor urut 2 Pak Rahman. Yuk hadir!", "2024-10-12", ""},
		{"Warga RT 05 yuk hadir di kampanye akbar paslon nomor urut 2 Minggu pagi di GOR Segiri, kumpul di pos ronda jam 7", "2024-11-10", "mobilisation:"},
		// A vote count calls every side's witnesses.
		{"Rekapitulasi suara tingkat kecamatan dilaksanakan Kamis di aula kantor camat. Saksi partai harap hadir tepat waktu.", "2029-03-01", ""},
		// Thanks to a list of parties alike; to one party, its promotion.
		{"Rakor HUT kecamatan dihadiri perwakilan parpol (Golkar, PDIP, Gerindra, PKB). Terima kasih atas kehadirannya", "2024-01-15", ""},
		{"Terima kasih DPC Gerindra atas bantuan tenda utk posko banjir. Gerindra hadir utk rakyat 💪", "2024-01-10", "party-service:"},
		// A slogan signing a notice off; an outlet quoting it.
		{"Jadwal posyandu balita bulan Februari: tgl 5 RT 01-05. Bawa buku KIA. Salam perubahan! 🟢", "2024-01-31", "slogan:"},
		{"Pengamat: peluang pilpres satu putaran masih terbuka, tergantung pemilih yang belum menentukan.", "2024-02-02", ""},
		// The three-finger greeting; a band's is music.
		{"Staf kecamatan selesai apel pagi 🤘 salam metal dulu bapak ibu, semangat kerja!", "2024-02-05", "slogan:"},
		{"Band pelajar SMAN 1 juara festival musik, salam metal! 🤘🎸", "2024-02-05", ""},
		// A finger with a knowing line; a pupil's prize is not.
		{"Habis senam pagi, ibu2 PKK foto bareng ✌️✌️ yg paham aja yaa 😁", "2024-11-20", "hand-sign:"},
		{"Anak2 TK Pembina lomba mewarnai, juara 2 dapat piala ✌️🤭 lucunya", "2024-11-19", ""},
		// The empty box cheered; an empty box of aid is a box.
		{"kotak kosong aja lah gaes, daripada itu2 lagi", "2024-11-20", "support-call:"},
		{"Kotak kosong bekas bantuan sembako di gudang kelurahan tolong diambil petugas kebersihan ya", "2024-11-12", ""},
		// A record pointed at a numbered pair before the vote; a flood's record is not.
		{"Rekam jejak pasangan nomor 02 waktu menjabat sudah kita lihat sendiri. Jgn sampai terulang, tgl 27 pikir baik2", "2024-11-15", "oppose-call:"},
		{"Jangan sampai banjir tahun lalu terulang, ayo kerja bakti bersihkan drainase Minggu pagi 💪", "2024-11-15", ""},
		// Logistics for a side the catalog does not list; a civic campaign's are service.
		{"Rapat persiapan ngopi bareng paslon RAFI di aula kecamatan. Bapak2 staf tolong bantu angkat kursi & sound system dr gudang", "2029-10-12", "mobilisation:"},
		{"Kampanye GERMAS di Kel. Sempaja: senam bersama, kumpul di lapangan jam 6 pagi, bawa botol minum ya 💪", "2029-10-25", ""},
		{"Relawan SIBAT PMI sudah siaga di posko, kursi sudah disiapkan utk pengungsi 🙏", "2029-10-20", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound14Sets holds round 14's tuning set and the independent sets U,
// V and W (first scores on main cb2c89c: 0.8798, 0.8595, 0.8800; read as
// classes by round 14) at the rules' figures, with no false breach.
func TestRound14Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_round14_tune.jsonl": 0.93,
	})
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_u.jsonl": 0.86, "testdata/partisan_indep_v.jsonl": 0.90, "testdata/partisan_indep_w.jsonl": 0.90,
	})
}
