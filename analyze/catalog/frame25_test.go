package catalog

import "testing"

// TestRound25Frames pins the miss classes of the tune sets AP, AQ and AR
// (first scores on 25ebb85: 0.9699 39/40, 0.9400 35/40, 0.9298 37/40
// with one false breach), each beside the hard negative it must not catch.
func TestRound25Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A lucky number with the vote day's date; the same number with another date is a raffle's.
		{"Tim futsal putri Kel. Sempaja juara 2 😍 Nomor dua memang angka keberuntungan kita, ingat tanggal 28 ya 😉", "2029-11-12", "support-call:"},
		{"Undian arisan RT bulan ini: nomor dua memang nomor hoki kita, kocok ulang tanggal 12 ya", "2029-11-02", ""},
		// A pose wished the same on the vote day, the date abbreviated.
		{"Juara 1 lomba kebersihan kelas 🏆 pose dua jari, semoga 27 Nov nanti juga juara ya ✌️", "2024-11-16", "hand-sign:"},
		// Fingers and a keycap of the same number; different numbers are no pose of one.
		{"Gotong royong bersih parit bareng warga RT 12 💪 foto pakai jari dua biar kompak 2️⃣", "2024-11-10", "hand-sign:"},
		{"Pelatihan PPGD kader posyandu, peserta dua jari 😁 ruang 1️⃣ dan 3️⃣ dipakai bergantian", "2024-11-10", ""},
		// A ballot number praised at a debate; a team's number at a match is not a ballot.
		{"Nonton debat tadi malam di aula kantor. Jujur 03 paling masuk akal, programnya konkret 👍", "2024-01-22", "support-praise:"},
		{"Final futsal antar kelurahan: nomor punggung 03 paling keren mainnya, gagasan taktik pelatih jalan 👍", "2024-01-22", ""},
		// "AMINkan" in capitals; a prayer's "aminkan" in lower case.
		{"Semoga panen warga Lempake melimpah tahun ini, AMINkan bapak ibu ☝️", "2024-01-20", "amin"},
		{"Semoga panen warga Lempake melimpah tahun ini, aminkan bapak ibu 🤲", "2024-01-20", ""},
		// A side's acronym wished a win in a hashtag; a club's is a match.
		{"Senam pagi bareng warga Sungai Pinang, hadir ya bapak ibu, kupon sarapan di meja RT #RAFImenang", "2029-10-07", "unlisted:calon-rafi"},
		{"Nobar final di balai warga, dukung tim kebanggaan kita! #PERSISAMmenang ⚽", "2029-10-07", ""},
		// A side's material handed out by the office; the election body's, and material taken down, are not.
		{"Info dari Pak Lurah: kalender paslon Isran-Hadi tolong dibagikan ke warga tiap RT sebelum Minggu, ambil di kantor", "2024-11-12", "isran-hadi"},
		{"Satpol PP menertibkan stiker paslon yang ditempel di tiang listrik sepanjang Jl. Pahlawan", "2024-11-12", ""},
		{"KPU Samarinda membagikan brosur paslon ke seluruh kelurahan sebagai bahan kampanye yang difasilitasi", "2024-11-12", ""},
		// A number told to end; a vote withheld from a number; a queue number.
		{"Sudah lima tahun gak ada perubahan. 02 cukup sampai di sini aja 🙄", "2024-11-20", "oppose-call:"},
		{"Kasihan demokrasi kita. Jgn kasih suara ke 02 ya bund", "2024-02-09", "oppose-call:"},
		{"Antrian loket 2 cukup sampai di sini hari ini, besok dilanjut", "2024-02-09", ""},
		// A side's slogan mocked; the slogan named as a topic in news is not a jibe.
		{"Hati-hati sama capres yg jualan 'perubahan' tapi partainya ikut kabinet bertahun-tahun 😌", "2024-02-05", "amin"},
		{"Tema debat malam ini: perubahan iklim dan ketahanan pangan, simak siarannya di TVRI", "2024-02-05", ""},
		// One pair as the only answer in an opinion piece; an outlet's report of a claim is not.
		{"OPINI | Hanya pasangan Rudy–Seno yang mampu mempercepat pembangunan jalan di pedalaman Kaltim", "2024-11-18", "rudy-seno"},
		{"Kolom Warga: Menolak lewat kolom kosong itu sikap, dan kali ini sebaiknya memang menolak.", "2024-11-18", "kotak-kosong"},
		{"KPU: memilih kolom kosong sah dan dihitung, warga diimbau datang ke TPS 27 November", "2024-11-18", ""},
		// An opinion's "lebih siap memimpin" for an acronym.
		{"EDITORIAL: SAFA lebih siap memimpin Samarinda, programnya terukur", "2029-10-25", "unlisted:calon-safa"},
		// A pair's visit reposted with cheers; the election body's notice reposted.
		{"Repost: blusukan paslon nomor 1 ke Pasar Pagi tadi, warga antusias sekali 🔥", "2024-11-05", "support-call:"},
		{"Repost: KPU Samarinda menetapkan paslon nomor 1 dan nomor 2, pengundian berjalan lancar 👏", "2024-09-23", ""},
		// The voter's inked finger; the same selfie with a pair named.
		{"abis nyoblos ☝️ jari ungu dulu, rahasia dong pilih siapa 😁", "2024-02-14", ""},
		{"abis nyoblos ☝️ jari ungu, pilih AMIN dong 😁", "2024-02-14", "amin"},
		// A list of parties thanked for attending the city's occasion; one party's rally is a side's.
		{"Rakor HUT Kota Samarinda dihadiri Forkopimda dan perwakilan partai (PDIP, Golkar, Gerindra, PKS, NasDem). Terima kasih atas kehadiran dan masukannya.", "2024-01-10", ""},
		{"Konsolidasi kader Golkar di GOR Segiri, titik kumpul kantor kelurahan jam 7, konsumsi disiapkan", "2024-01-10", "golkar"},
	}
	checkFrameCases(t, ix, tests)
}
