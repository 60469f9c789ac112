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
