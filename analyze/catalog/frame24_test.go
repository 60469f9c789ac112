package catalog

import "testing"

// TestRound24Frames pins what the blind sets BA and BB showed once they
// were scored (0.9199 pooled, 70/80, 2 false breaches, on 89b9803): the
// two false breaches, each beside the breach it must not hide, and the
// misses that were near an existing rule.
func TestRound24Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A ceremony attended by six parties' delegates is no greeting to one; one party greeted is.
		{"Upacara HUT RI ke-79 di halaman Kantor Camat berlangsung khidmat, dihadiri Forkopimcam, perwakilan DPC PDI Perjuangan, Golkar, Gerindra, PKS, PKB & Demokrat, serta ratusan pelajar. Dirgahayu Indonesia 🇮🇩", "2024-08-17", ""},
		{"Selamat HUT ke-51 PDI Perjuangan! Semoga makin jaya dan menang di Pilkada nanti 🔴", "2024-01-10", "greeting:"},
		// A cooperative's own ballot numbers.
		{"RAT Koperasi Pegawai Kecamatan Sambutan sekaligus pemilihan ketua baru. Calon nomor urut 1 Bu Herlina, nomor urut 2 Pak Darmawan. Mohon seluruh anggota hadir.", "2024-12-12", ""},
		// A gathering with a side's number and its logistics.
		{"Minggu pagi kumpul di halaman kantor kelurahan jam 06.30, bus sdh disiapkan ke GOR Segiri utk silaturahmi akbar 02. Kaos dibagikan di lokasi, konsumsi aman.", "2024-01-06", "mobilisation:"},
		// A colour kept beside the party's animal; a colour that must win again.
		{"Pelayanan di Kantor Kelurahan tutup sementara tgl 17–19 Januari. Tetap semangat, tetap merah! 🔴⚪🐂", "2024-01-16", "pdip"},
		{"Jadwal vaksin HPV kelas 5–6 SD minggu depan, cek flyer ya. April nanti kuning harus jaya lagi 💛💛", "2029-01-12", "support-call:"},
		// The coalition's name with two fingers; the empty box no sin; the incumbent wanted five more years.
		{"Pembayaran PBB-P2 bisa di kantor kelurahan s/d 31 Januari. Yuk bayar pajak tepat waktu, lanjutkan Indonesia Maju ✌️🩵", "2024-01-16", "prabowo-gibran"},
		{"Kotak kosong bukan dosa. Banjir Sempaja masih ada. Warga berhak bilang cukup 📦", "2024-11-18", "kotak-kosong"},
		{"Terima kasih Pak Wali atas terowongan & Teras Samarinda. Lanjutkan Pak, kami masih perlu bapak 5 tahun lagi 💪", "2024-10-21", "support-call:"},
		{"Amun handak jalan di Palaran mulus terus, pilih haja nang lawas. Kada usah coba-coba nang hanyar 😄", "2029-11-20", "support-call:"},
		// A pose winked at on a contest's photo; a team's plain cheer is none.
		{"Selamat kepada ananda Salsa juara 1 lomba pidato tingkat Kota 🏆 Foto bareng Ibu Kepala Sekolah, salam satu jari dulu ☝️😉", "2024-01-15", "hand-sign:"},
		{"Tim futsal SMPN 21 juara 1! Salam satu jari ☝️ sebagai juara", "2024-01-15", ""},
		// After BC and BD (0.9300 pooled, 70/80, no false breach, on 3f5447c):
		// a programme run with a pair's organ; a finger with a knowing line;
		// another term in a hashtag; the court's ruling by its jibe; "AMIN" winked at.
		{"Cek kesehatan gratis hari ini di Posyandu Melati, kerja sama Puskesmas Sempaja dgn Rumah Aspirasi Isran-Hadi 💚 warga dapat vitamin", "2024-10-15", "isran-hadi"},
		{"Gotong royong barasih parit RT 14 tuntas 💪 Foto penutup pakai gaya khas nomor tiga 🤟 paham haja lah pian barataan wkwk", "2029-11-03", "hand-sign:"},
		{"Habis senam Jumat pagi, foto dulu sama ibu2 PKK 🤟😁 Yg tau nomor urut idola kita pasti senyum", "2024-01-26", "hand-sign:"},
		{"Selamat Hari Jadi Kota Samarinda ke-356 🎉 Samarinda makin maju di tangan yg tepat, lanjutkan! #Lanjut2Periode", "2024-01-21", "campaign-hashtag:"},
		{"Kalau mau putusan MK diakal2in terus ya silakan pilih anak haram konstitusi 🙃", "2024-02-01", "prabowo-gibran"},
		{"Imunisasi di Puskesmas Lempake hari ini lancar ✅ Anak sehat, bangsa kuat, AMIN 🤲😉", "2024-01-30", "amin"},
		{"Doa bersama jelang pemilu di Islamic Center, semoga aman dan damai. Aamiin 🤲", "2024-02-10", ""},
		{"Pelatihan kader posyandu kerja sama dengan kader PKK Kel. Sempaja", "2024-10-15", ""},
		// An opinion piece's one pair or acronym offering what the city needs; an outlet's report or a programme's offer is none.
		{"KOLOM | Kaltim tak boleh kembali ke era jalan provinsi rusak. Rudy–Seno menawarkan akselerasi yang selama ini kita tunggu.", "2024-11-10", "rudy-seno"},
		{"TAJUK | RIJO membawa angin segar yang dibutuhkan Samarinda setelah sepuluh tahun pembangunan.", "2029-11-20", "support-praise:"},
		{"OPINI | Program BRT menawarkan solusi macet, tapi siapa pun wali kotanya harus serius.", "2029-11-05", ""},
		// After BE and BF (0.9450 pooled, 71/80, no false breach, on b15ffb4): two more
		// terms wanted, a colour matched to a symbol, a campaign speech's "link di bio",
		// a finger one must not "salfok" to, a team's acronym backed, a party's youth wing.
		{"Dirgahayu Kota Samarinda ke-356 🎉 terima kasih Pak Wali utk Teras Samarinda. Samarinda butuh bapak 2 periode, lanjutkan! 🙏🏻", "2024-01-21", "support-call:"},
		{"Lomba kebersihan antar RT sdh dimulai 🏆 Dress code hari penilaian: baju kuning ya biar kompak sama beringin 🌳😁", "2024-10-26", "golkar"},
		{"Yg blm nonton pidato lengkap Pak Ganjar di kampanye kemarin, link di bio ya. Merinding dengarnya 🥹🖤❤️", "2024-01-30", "support-call:"},
		{"Foto bersama usai rapat koordinasi persiapan MTQ tingkat Kecamatan Palaran. Jangan salfok ke jarinya ya 😆☝️", "2024-11-18", "hand-sign:"},
		{"Dangsanak RT 15, isuk malam bakumpul di rumah Pak RT lah, ada tamu matan tim FAN. Kita dukung haja nang urang Samarinda asli 👍", "2029-11-05", "mobilisation:"},
		{"Kerja bakti RT 21 berjalan lancar berkat dukungan bubuhan Banteng Muda Indonesia Samarinda 🔴 Konsumsi & alat dari mereka semua. Merdeka! 👊", "2023-12-10", "pdip"},
		{"Latihan tim SAR gabungan di Tepian Mahakam, kita dukung haja kesiapsiagaan bencana 👍", "2029-11-05", ""},
		// After BG and BH (0.9449 pooled, 76/80, no false breach, on cc96917): shared
		// campaign content by its number, the past refused in a hashtag, a welcome's
		// logistics under an acronym, a colour worn "serba" beside its animal.
		{"Mantap pidatonya bapak 👏👏 share ke grup2 RT ya 👇 video lengkap kampanye 03 di Citra Niaga kemarin sore", "2024-01-16", "ganjar-mahfud"},
		{"Dana hibah yg kemarin heboh itu zaman siapa ya? 🤔 Jangan sampai Kaltim balik ke masa itu lagi. #BukanYangDulu", "2024-11-02", "oppose-call:"},
		{"Notulen rapat persiapan penyambutan Abah Fahmi tgl 14: tiap RT siapkan 20 org + 1 spanduk, konsumsi dr kelurahan. Harap hadir tepat waktu. #FAHDI", "2029-10-08", "mobilisation:"},
		{"Posyandu hari ini kompak serba merah, warna favorit kita semua 🔴🐂 hehe. Balita yg ditimbang 47 anak", "2024-02-07", "pdip"},
		// After BI and BJ (0.9350 pooled, 71/80, no false breach, on aecfa83): a pair's
		// acronym that is also a civic word, named by its role in shared content; gemoy.
		{"Bagikan! 📌 Visi misi lengkap pasangan DAMAI utk Kaltim 2029–2034, link di bio. Cek poin 4 soal honorer ya rekan2 😉", "2029-10-30", "unlisted:calon-damai"},
		{"Bagikan! Deklarasi Pemilu DAMAI di Islamic Center, mari jaga Samarinda tetap kondusif", "2029-10-30", ""},
		{"Pengumuman: pelayanan Puskesmas Sempaja tutup tgl 14 Feb, IGD tetap buka 24 jam. Jgn lupa ke TPS ya, yg gemoy-gemoy aja biar adem 🐧😆", "2024-02-12", "prabowo-gibran"},
		// A race's one word (blind7's item the retrained model had left at 0.749).
		{"Satu kata untuk Pilgub: Isran-Hadi! 💪", "2024-11-19", "isran-hadi"},
		{"Satu kata untuk Pilgub: damai! Jaga kondusivitas Samarinda 🙏", "2024-11-19", ""},
		{"Rapat persiapan penyambutan tim penilai Adipura, konsumsi dari kelurahan, harap hadir tepat waktu #ADIPURA", "2029-10-08", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound20To24Sets holds this session's independent sets at the rules'
// figures (the model reads them as training files, so only the rules are
// held): AH–AO were read after their first score, BA–BJ were blind.
func TestRound20To24Sets(t *testing.T) {
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_ah.jsonl": 0.83, "testdata/partisan_indep_ai.jsonl": 0.90,
		"testdata/partisan_indep_aj.jsonl": 0.84, "testdata/partisan_indep_ak.jsonl": 0.91,
		"testdata/partisan_indep_al.jsonl": 0.89, "testdata/partisan_indep_am.jsonl": 0.93,
		"testdata/partisan_indep_an.jsonl": 0.89, "testdata/partisan_indep_ao.jsonl": 0.92,
		"testdata/partisan_indep_ba.jsonl": 0.89, "testdata/partisan_indep_bb.jsonl": 0.90,
		"testdata/partisan_indep_bc.jsonl": 0.90, "testdata/partisan_indep_bd.jsonl": 0.91,
		"testdata/partisan_indep_be.jsonl": 0.90, "testdata/partisan_indep_bf.jsonl": 0.90,
		"testdata/partisan_indep_bg.jsonl": 0.91, "testdata/partisan_indep_bh.jsonl": 0.89,
		"testdata/partisan_indep_bi.jsonl": 0.87, "testdata/partisan_indep_bj.jsonl": 0.85,
	})
}
