package catalog

import "testing"

// TestRound22Frames pins the miss classes of the tune sets AL and AM (and
// one class the retrained model had left to chance), each beside the hard
// negatives it must leave alone.
func TestRound22Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A legislative candidate's ballot line signing a notice off.
		{"Pengumuman: pendaftaran vaksinasi lansia dibuka s.d. 20 Maret. Salam sehat dari Ibu dr. Yuliana, nomor urut 3 dapil Samarinda 2 🌟", "2029-01-10", "support-call:"},
		// A pose with a knowing line, even on a team's photo.
		{"Tim voli putri Kecamatan Sambutan siap tanding di Porkot! 🏐 salam tiga jari dulu 🤟😁 yg tau ya tau", "2029-11-10", "hand-sign:"},
		// An opinion's verdict on an acronym among the pairs.
		{"Kolom: Samarinda tak butuh wajah lama. Di antara tiga pasangan, RIDA yang paling konkret menawarkan penataan pasar.", "2029-11-12", "support-praise:"},
		// A candidate wished to lead the country; the sitting president's birthday after the vote is a courtesy.
		{"Selamat ulang tahun Pak Ganjar Pranowo 🎂 Semoga sehat selalu dan amanah memimpin negeri ke depan 🙏", "2023-10-28", "greeting:"},
		{"Selamat ulang tahun Presiden Prabowo Subianto 🎂 Semoga sehat selalu dan amanah memimpin negeri ke depan 🙏", "2025-10-17", ""},
		// A party's rule feared, in Banjar, by its symbol.
		{"Bubuhan warga RT 05, ulun cuma maingatakan haja lah. Sapuluh tahun banteng bakuasa, harga baras naik tarus. Jangan sampai tarulang pulang lah tanggal 14 🙏", "2024-02-08", "oppose-call:"},
		// "AMIN" in capitals beside the pair's theme; a prayer for change is not.
		{"Imunisasi polio gratis utk balita di Posyandu Melati 🩺 Semoga anak2 kita sehat selalu, AMIN ☝️ #PerubahanDimulaiDariSini", "2024-01-08", "amin"},
		{"Semoga ada perubahan lebih baik utk Samarinda tahun ini, AMIN 🤲", "2024-01-08", ""},
		// A number held to the end.
		{"Visi misi Ganjar–Mahfud paling masuk akal menurut sy. Tetap 03 sampai akhir 🔥🔥", "2024-01-08", "ganjar-mahfud"},
		// A player's number in a team's hashtag.
		{"Tim futsal Kel. Sempaja Timur juara 1 Piala Camat 🏆⚽ Top skor si nomor punggung 02, Rizky, cetak 5 gol di final 🔥 #Nomor2Juara", "2024-11-12", ""},
		// "Our" pair to win; a community's own candidates are not.
		{"ayo menangkan paslon kita, Samarinda harus lebih maju!", "2024-01-20", "support-call:"},
		{"Pemilihan ketua RT 05: ayo dukung calon kita masing2 dgn sportif", "2024-01-20", ""},
		{"Gunakan hak pilih, pilih calon kita sesuai hati nurani, jangan golput!", "2024-01-20", ""},
	}
	checkFrameCases(t, ix, tests)
}
