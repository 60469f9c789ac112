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
	}
	checkFrameCases(t, ix, tests)
}
