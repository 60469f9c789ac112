package catalog

import "testing"

// TestRound23Frames pins the miss classes of the tune sets AN and AO,
// each beside the hard negatives it must leave alone.
func TestRound23Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A side's volunteers gathered; a reminder against every side's gatherings is none.
		{"Ahad isuk konsolidasi relawan 01 Isran–Hadi tingkat kecamatan di aula Kantor Camat Sungai Kunjang. Nasi kuning ada haja 😁🙏", "2024-10-19", "mobilisation:"},
		{"Senin sore ada pertemuan relawan GAMA di rumah Bu Kapus, Jl. Pramuka. Santai aja, ada makan2. Yg bisa hadir lanjutkan list ya", "2024-02-05", "mobilisation:"},
		{"Diingatkan kepada seluruh ASN Kecamatan Palaran: dilarang menghadiri penyambutan paslon atau konsolidasi relawan mana pun", "2024-10-01", ""},
		// A party's symbol said to grow.
		{"Layanan adminduk keliling hadir di Kel. Loa Bakung, Sabtu 19 Okt. Bawa KK asli ya 💛 Kuning itu menyejukkan, beringin makin rindang 🌳", "2024-10-17", "golkar"},
		// A pose matched to our choice; a pose with the vote day wished the same.
		{"Ini dia juara lomba kebersihan lingkungan tingkat Kel. Mugirejo 🏆 RT 18 mantap! Pose ☝️ nomor satu dong, sama kaya pilihan kita 😉", "2024-10-12", "hand-sign:"},
		{"Lomba mewarnai TK se-Kecamatan Sambutan seru bgt 🎨 foto bareng bunda2 PAUD kompak dua jari ✌️ semoga 27 November juga kompak ya bun 😄", "2024-11-02", "hand-sign:"},
		// A number by its word, with a reason to keep it; a stall's number is none.
		{"Pian barataan kada usah bingung lagi, nang dua haja, melanjutkan nang sudah bagus 🙏", "2024-02-10", "support-call:"},
		// A record recalled against someone who now runs.
		{"Pak Bambang Irawan yg dulu main gusur PKL tanpa solusi sekarang mau nyalon wali kota 2029? Warga jgn gampang lupa ya 🙂 #IngatRekamJejak", "2029-08-30", "oppose-call:"},
		// The dynasty and the court's ruling in the 2024 race.
		{"Dinasti politik bukan warisan yg baik utk anak cucu 🙏 mari ajarkan murid kita menolak nepotisme & akal2an aturan MK", "2024-02-07", "prabowo-gibran"},
		// A pair's number before its names in a hashtag; the empty box offered.
		{"Pengumuman: loket pelayanan PBB di Bapenda tutup sementara tgl 25–26 Nov. Mohon maaf 🙏 #02RudySeno", "2024-11-21", "campaign-hashtag:"},
		{"Banjir masih, jalan bolong masih. Masih mau lima tahun lagi? Kolom kosong juga sah lho 😏", "2024-11-18", "kotak-kosong"},
		// NasDem's watchword with its colours; a building's restoration is none out of season.
		{"Restorasi! 💙💛", "2028-11-11", "nasdem"},
		{"Restorasi gedung tua Citra Niaga rampung 💙💛", "2024-05-01", ""},
		// A number agreed on or insisted on; a queue's and a community's are none.
		{"bubuhan kami di gang sudah sepakat milih nomor 3, kada ada saingan 😁", "2024-01-20", "support-call:"},
		{"no 1 pokoknya, sudah kelihatan hasilnya ☝️", "2024-01-20", "support-call:"},
		{"Antrian no 1 pokoknya lansia dulu ya", "2024-01-20", ""},
		{"Warga RT 04 sudah sepakat milih nomor 2 sbg ketua RT baru", "2024-01-20", ""},
		// The model abstains on two words.
		{"sarik aku 😡", "2024-01-20", ""},
	}
	checkFrameCases(t, ix, tests)
}
