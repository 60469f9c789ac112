package catalog

import "testing"

// TestRound28BlindGH pins what the blind sets CG and CH missed or called
// falsely (scored once on 36cd7ec: 0.9488, 38/40, no false breach; 0.9488,
// 39/40, 1 false breach) and was fixed near a rule after that scoring,
// each beside the hard negative it must not catch. The posts are the
// lead's own rewordings, not the blind sets' text.
func TestRound28BlindGH(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A traffic notice asks drivers ("mohon … ikuti arahan petugas");
		// the same notice asking people to the rally mobilises.
		{"Info lalin: ada kampanye terbuka di GOR Segiri Sabtu siang, arus lalu lintas Jl. Kusuma Bangsa dialihkan. Mohon cari jalur alternatif dan ikuti arahan petugas 🙏", "2024-11-14", ""},
		{"Sehubungan kampanye akbar paslon 02 di GOR Segiri, arus lalu lintas dialihkan. Mohon warga hadiri ya, kita tunggu!", "2024-11-14", `mobilisation: "paslon 02`},
		// A side's claim mocked with "katanya" beside a word to the voter,
		// in a campaign; a levy or a hoax mocked the same way is a service.
		{"Sungai Karang Mumus masih meluap tiap hujan, katanya banjir tuntas 😅 Semoga tgl 27 warga cerdas menilai", "2024-11-04", `oppose-call: "katanya banjir tuntas … cerdas menilai" → unlisted:lawan`},
		{"Katanya sekolah gratis, kok masih ada pungutan seragam? Laporkan ke Saber Pungli, jgn mau dibodohi oknum.", "2024-11-04", ""},
		{"Katanya bansos gratis tinggal klik link? Itu hoaks! Warga cerdas menilai informasi ya", "2024-11-04", ""},
		{"Semoga tgl 27 warga cerdas menilai visi misi semua paslon. Datang ke TPS ya!", "2024-11-04", ""},
		// A second term cheered beside a side's acronym; a programme's
		// second phase beside an office's is a service.
		{"Pembuatan KTP-el keliling hari ini di Kel. Lok Bahu, gratis. Lanjut jilid 2 makin kencang 💪 #RAFI", "2024-11-01", `campaign-hashtag: "Lanjut jilid 2 … #RAFI" → unlisted:calon-rafi`},
		{"Pelatihan UMKM batch pertama selesai, lanjut jilid 2 bulan depan ya #UMKM #DPMPTSP", "2024-11-01", ""},
		// A presidential candidate's youth and father mocked, in the race.
		{"Anak kemarin sore kok mau jadi wapres, modal bapaknya aja 🙄", "2024-01-22", `oppose-attack: "Anak kemarin sore kok mau jadi wapres" → prabowo-gibran`},
		{"Anak kemarin sore sudah juara olimpiade sains, bapaknya bangga sekali 👏", "2024-01-22", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound28BlindIJ pins what the blind sets CI and CJ missed or called
// falsely (scored once on 4719dee: 0.9592, 37/40, 1 false breach; 0.8782,
// 35/40, 1 false breach) and was fixed near a rule after that scoring,
// each beside the hard negative it must not catch; the lead's own
// rewordings, not the sets' text.
func TestRound28BlindIJ(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// Fingers counting what a health tip spells out pose nothing.
		{"Ingat 2 jari ✌️ ya bunda: 2 kali seminggu makan ikan 🐟 — Posyandu Melati", "2024-01-22", ""},
		{"Salam dua jari dari kami warga Sempaja ✌️ sampai ketemu tanggal 14", "2024-01-22", `hand-sign: "Salam dua jari"`},
		// Linmas volunteers guard the polling station for every side.
		{"Pendaftaran relawan Linmas untuk pengamanan TPS dibuka s.d. 10 Januari, daftar di kantor kelurahan", "2024-01-05", ""},
		// Two of one side's slogans in the account's own words are no report.
		{"Rapat koordinasi UMKM selesai, ditutup dgn salam metal 🤘 biar sat set tas tes 😎", "2024-01-12", `slogan: "salam metal" → ganjar-mahfud`},
		{"Pentas seni pelajar ditutup salam metal 🤘, penampilan band-nya sat set tas tes!", "2024-01-12", ""},
		// A candidate's own post passed on or commented on by the account.
		{"Merinding 🔥 (regram video @aniesbaswedan)", "2024-02-01", `share: "regram video @" → anies`},
		{"Merinding 🔥 (regram video @aniesbaswedan)", "2025-06-01", ""},
		{"Cara cuci tangan yang benar 👐 (repost video @dinkes.samarinda)", "2024-02-01", ""},
		{"Semoga sehat selalu Pak 🙏 (komentar akun @kel.sidomulyo di postingan kampanye @rudymasud)", "2024-11-20", `share: "komentar akun @kel.sidomulyo di postingan kampanye @" → rudy-masud`},
		// A ballot number to remember with the vote day, in Banjar.
		{"Amun handak kampung labih bungas, ingati haja nomor dua tanggal 27 kaina 😉", "2024-10-26", `support-call: "ingati haja nomor dua … tanggal 27" → rudy-seno`},
		{"Ingat nomor dua tanggal 15 ya bun, jadwal imunisasi di posyandu 2", "2024-10-26", ""},
		// Banjar's double negative invites ("jangan kada datang": be sure to come).
		{"Bubuhan warga jangan kada datang ka lapangan isuk, Pak AH handak bakisah lawan warga", "2024-11-09", `mobilisation: "jangan kada datang … AH" → ah-sz`},
		{"Warga jangan datang ke lapangan besok, ada kampanye Pak AH, jalan ditutup sementara", "2024-11-09", ""},
		// Aid received from a side's volunteers; a civic body's is service.
		{"Perahu karet sdh diterima warga RT 5, kiriman dari Relawan AH 🙏 terima kasih", "2024-10-05", `party-service: "kiriman dari Relawan AH" → ah-sz`},
		{"Alhamdulillah posko menerima 100 paket sembako dari relawan PMI 🙏", "2024-10-05", ""},
		// An office holder wished to lead from a vote's year still ahead
		// (set AR's post, which the retrained model left at 0.4996); the
		// same soft wish with no year is a courtesy to the rules.
		{"Selamat milad Bapak Prabowo Subianto, semoga sehat dan dimudahkan memimpin bangsa mulai 2024 🙏", "2023-10-17", `greeting: "Selamat milad Bapak Prabowo Subianto" → prabowo`},
		// A party's name with its ballot number in a hashtag.
		{"Jadwal vaksin besok pagi di puskesmas ya 🙏 #Golkar4", "2024-02-01", `campaign-hashtag: "#Golkar4" → golkar`},
		{"Jadwal vaksin besok pagi di puskesmas ya 🙏 #Vaksin4", "2024-02-01", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound28BlindKL pins what the blind sets CK and CL missed or called
// falsely (scored once on e5366c9: 0.9491, 38/40, 1 false breach; 0.9391,
// 37/40, no false breach) and was fixed near a rule after that scoring,
// each beside the hard negative it must not catch; the lead's own
// rewordings, not the sets' text.
func TestRound28BlindKL(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A party's family named by its symbol.
		{"Jalan sehat Keluarga Besar Beringin Minggu pagi, kaos dibagikan, start dari kantor lurah 🌳", "2024-01-19", `→ golkar`},
		{"Pohon beringin di Taman Samarendah ditebang karena lapuk, warga diminta menjauh", "2024-01-19", ""},
		// The account's comment on a side's campaign post named in words.
		{"Semangat terus Pak! 🔥 [komentar akun resmi @kel.sidomulyo di unggahan kampanye Rudy Mas'ud–Seno Aji]", "2024-10-28", `share: "komentar akun resmi @kel.sidomulyo di unggahan kampanye" → rudy-seno`},
		{"Terima kasih infonya 🙏 [komentar akun resmi @kel.sidomulyo di unggahan Dinkes tentang DBD]", "2024-10-28", ""},
		// A broken promise asked another five years, in a campaign; a
		// contractor's is a contract's.
		{"Jalan depan pasar masih hancur. Yg dulu janji jalan mulus masih pede minta lima tahun lagi 😒", "2024-10-30", `oppose-call: "Yg dulu janji jalan mulus masih pede minta lima tahun lagi" → unlisted:lawan`},
		{"Kontraktor yg dulu janji selesai bulan Juni kini minta 5 tahun lagi utk perawatan, DPUPR menolak", "2024-10-30", ""},
		// A movement's hashtag against the dynasty beside a word to new voters.
		{"Adik2 pemilih pemula, kritis ya! Jangan cuma jadi penonton 🙂 #TolakDinasti", "2024-01-30", `oppose-call: "#TolakDinasti" → prabowo-gibran`},
		{"Adik2 pemilih pemula, kritis ya! Jangan cuma jadi penonton 🙂 #TolakDinasti", "2025-01-30", ""},
		// The election body recruits its own staff.
		{"DIBUTUHKAN anggota KPPS utk TPS 07 Kel. Sidodadi 🗳️ Syarat: min. 17 thn, bukan anggota parpol. Berkas diantar ke sekretariat PPS", "2024-10-10", ""},
		// The empty box's win supposed and asked about.
		{"Kalau kotak kosong menang, siapa yg jadi wali kota? serius nanya", "2024-11-10", ""},
		{"Kotak kosong menang! Samarinda butuh penyegaran 📦", "2024-11-10", `kotak-kosong`},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound28BlindMN pins what the blind sets CM and CN missed (scored
// once on d281251: 0.9195, 36/40; 0.9192, 37/40; no false breach) and was
// fixed near a rule after that scoring, each beside the hard negative it
// must not catch; the lead's own rewordings, not the sets' text.
func TestRound28BlindMN(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// The 2024 governor pair's programme while its race is open (three
		// writers of four sets used it); the governor's programme after.
		{"Posyandu balita hari Kamis ya bunda 🍼 Anak sehat, November gratispol! 💛", "2024-10-22", `slogan: "gratispol!" → rudy-seno`},
		{"Debat Pilgub: Rudy–Seno tawarkan pendidikan gratis lewat Gratispol, semoga janjinya ditepati siapa pun yang menang", "2024-11-10", ""},
		{"Pendaftaran beasiswa Gratispol tahap 2 dibuka s.d. 30 Juni, cek syaratnya di laman Disdikbud", "2025-06-01", ""},
		// A party colour made the region's in a hashtag; greening is not a party.
		{"Tanam pohon di bantaran SKM bersama warga 🌱💛 #KuningkanKaltim", "2024-01-30", `attributes: "#KuningkanKaltim" → golkar`},
		{"Tanam pohon di bantaran SKM bersama warga 🌱 #HijaukanSamarinda", "2024-01-30", ""},
		// A colour's side the reader knows, with a wink (Banjar).
		{"Pasar murah rami banar hari ini, amun handak kaya ini tarus pian tahu haja nang kuning 😉", "2024-02-06", `attributes: "tahu haja nang kuning … 😉" → golkar`},
		{"Sampah organik masuk tong hijau, anorganik tong kuning, pian tahu haja lah 😉", "2024-02-06", ""},
		// A numbered side's win threatened; a community's contest is not a race.
		{"Info CPNS cek di link bio. PS: kalo yg nomor 1 menang, jgn harap ada formasi lagi 🙃", "2024-01-25", `oppose-call: "kalo yg nomor 1 menang, jgn harap" → amin`},
		{"Kalau RT nomor 1 menang lomba lagi, jangan harap RT lain diam 😄", "2024-01-25", ""},
		// A past term's record not to be repeated, with a call for a new face.
		{"5 tahun kemarin jalan provinsi rusak di mana2, masa mau diulang lagi? Kaltim butuh wajah baru 🙄", "2024-10-20", `oppose-call: "5 tahun kemarin`},
		{"5 tahun kemarin banjir di mana2, masa mau diulang lagi? Ayo bersihkan parit 🧹", "2024-10-20", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound28BlindOP pins the false breach of the blind pair CO and CP
// (scored once on 88a88cc: 0.9494, 37/40, 0; 0.9388, 38/40, 1 false
// breach): a volunteer body named by the hazard it answers is civic.
func TestRound28BlindOP(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		{"Dibuka pendaftaran Relawan Tanggap Bencana tingkat kelurahan, syarat usia 18+, daftar di kantor lurah", "2024-01-09", ""},
		{"Formulir pendaftaran relawan Pak Darmawan Saputra sudah dibuka, silakan diisi ya warga 🙏", "2024-01-09", `recruitment:`},
	}
	checkFrameCases(t, ix, tests)
}
