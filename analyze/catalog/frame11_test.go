package catalog

import "testing"

// TestRound11Frames pins round 11's shapes, each with a hard negative in
// the same words.
func TestRound11Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// Sharing a side's campaign content.
		{"Tolong teruskan ke grup RT: video visi misi Bu Kartini Ayu, calon wali kota kita 🙏", "2029-10-20", "support-call:"},
		{"Repost dari akun @tim.pemenangan.jafar: jadwal kampanye dialogis pekan ini. Bantu sebarkan!", "2029-10-20", "support-call:"},
		{"Tolong teruskan ke grup RT: video tata cara mencoblos dari KPU 🙏", "2029-10-20", ""},
		{"Mohon bantu share info rekrutmen relawan Tagana, pendaftaran sampai Jumat.", "2029-10-20", ""},
		{"Dari akun tim sukses KARYA: 'insentif ketua RT naik', tolong dibagikan 🙌", "2029-10-20", "support-call:"},
		{"Mohon dibagikan: jadwal debat kandidat ketua RT 07, Pak Udin dan Pak Amir siap adu program.", "2029-10-20", ""},
		// A side's acronym in a slogan appended to a service post.
		{"Jadwal fogging RT 03 hari Kamis 🦟 KARYA di hati warga 💙", "2029-11-02", "slogan:"},
		{"Pelayanan KTP-el keliling hari ini #LanjutKARYA", "2029-11-02", "campaign-hashtag:"},
		{"Gerakan 3M Plus 🦟 PSN di hati warga 💚", "2029-11-02", ""},
		{"Sosialisasi jaminan kesehatan. Bersama BPJS, kerja tenang 💚", "2029-11-02", ""},
		// Opposition by record before a vote.
		{"Yang dulu janji pasar baru sekarang nyalon lagi 🙄 ingat-ingat sebelum ke TPS ya.", "2029-11-15", "oppose-call:"},
		{"Jangan pilih partai yang ketuanya korupsi! Ingat di Pemilu 2029 nanti", "2029-01-15", ""},
		{"Jangan mau ditipu calo tiket kapal, beli hanya di loket resmi.", "2029-11-15", ""},
		// Opinions and verdicts on a person.
		{"dari 3 cawali cuma Bang Jafar yg ngerti anak muda, 28 nov gas", "2029-11-10", "support-praise:"},
		{"TAJUK: Sudah saatnya Samarinda dipimpin sosok tegas seperti H. Jafar Sidik.", "2029-11-10", "support-praise:"},
		{"KOLOM | Lima Alasan Tidak Memilih Jafar Sidik pada 28 November", "2029-11-10", "oppose-call:"},
		{"OPINI | Mengapa Normalisasi Sungai Pilihan Paling Tepat", "2029-11-10", ""},
		{"Dari tiga jenis sampah, cuma plastik yang paling susah terurai.", "2029-11-10", ""},
		// Banjar and Kutai: keep the vote together.
		{"Dangsanak kite, suara kite jangan bepencar. Pak Jafar urang kite!", "2029-11-20", "support-call:"},
		{"Suara kita jangan sampai pecah karena hoaks, jaga persatuan 🙏", "2029-11-20", ""},
		// Greetings wished the vote day; registrations wished a term.
		{"Selamat ulang tahun Bu Kartini 🎂 semoga cita-cita Ibu untuk Samarinda terwujud 28 November nanti.", "2029-10-10", "greeting:"},
		{"Selamat ulang tahun Pak Darto 🎂 semoga sehat dan jangan lupa nyoblos 28 November nanti.", "2029-10-10", ""},
		{"Selamat atas pendaftaran pasangan Kartini – Jafar ke KPU 👏 semoga amanah memimpin Samarinda lima tahun ke depan.", "2029-08-29", "greeting:"},
		{"Selamat atas penetapan wali kota terpilih oleh KPU, semoga amanah memimpin lima tahun ke depan.", "2029-12-10", ""},
		// A described finger pose with a wink at the vote.
		{"Selamat juara lomba 🏆 jangan lupa gaya tiga jarinya ya adik-adik, Rabu depan ayah bunda pasti tau arahnya 😉", "2029-11-20", "hand-sign:"},
		{"Resep kue cucur: tuang adonan kira-kira sebesar dua jari ✌️", "2029-11-20", ""},
		// Questions and reports are no calls.
		{"Kenapa cuma satu paslon lawan kotak kosong? Kalau kotak kosong menang gimana?", "2029-10-20", ""},
		{"Debat kedua: paslon 1 menyoroti tambang, paslon 2 fokus pada transportasi publik.", "2029-11-05", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound11Sets holds round 11's sets and the independent sets whose
// misses it read to their figures, with no false neutrality breach.
func TestRound11Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_round11_tune.jsonl": 0.99, "testdata/partisan_round11_blind.jsonl": 0.99,
		"testdata/partisan_indep_h.jsonl": 0.99, "testdata/partisan_indep_i.jsonl": 0.99,
	})
}

// TestRound11CuesAreEvidence checks round 11's cues as
// TestCuesAreEvidence does on the earlier sets.
func TestRound11CuesAreEvidence(t *testing.T) {
	checkCuesAreEvidence(t, testIndex(t), []string{"testdata/partisan_round11_tune.jsonl"}, 60)
}
