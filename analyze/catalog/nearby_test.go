package catalog

import (
	"testing"
)

// TestNearFrames pins round 9's classes (issue 26): a side named beside a
// ballot number, a wish, the vote day, a slogan or a support verb in the
// months before a 2029 vote, and their hard negatives.
func TestNearFrames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A ballot number beside an acronym, a cheer or the vote day.
		{"Kerja bakti beres! gass no 1 SEHATI 💪", "2029-10-12", `→ ballot-1`},
		{"Senam pagi di RT 04 Sabtu jam 06.30. Nanti tgl 28 nomor 3 ya 😉", "2029-10-20", `→ ballot-3`},
		{"Antrean nomor 3 silakan ke loket 2, terima kasih", "2029-10-20", ""},
		{"Warung nomor 2 pang laris, wadai habis", "2029-10-20", ""},
		{"Pemilihan ketua karang taruna kemarin, calon no 1 menang tipis", "2029-10-08", ""},
		{"Tim futsal nomor 3 menang telak di final turnamen kelurahan", "2029-10-08", ""},
		// A wish of victory beside a side; a contest's wish is none.
		{"Semoga SEHATI menang di semua TPS, aamiin", "2029-11-02", `support-call: "Semoga SEHATI menang" → unlisted:calon-sehati`},
		{"Selamat ulang tahun Bu Wati, semoga menang di lomba tumpeng nanti", "2029-09-12", ""},
		// Greetings with a wish about the vote day or a registration.
		{"Selamat milad Pak Rusdi, semoga amanah yang lebih besar menanti 28 November nanti", "2029-09-01", `→ unlisted:calon-rusdi`},
		{"Selamat atas terdaftarnya pasangan Rusdi – Nurul di KPU Kota, semoga dipercaya warga", "2029-08-30", `→ unlisted:calon-rusdi-nurul`},
		{"KPU Kota Samarinda menerima pendaftaran pasangan calon hingga Rabu", "2029-08-30", ""},
		{"Selamat atas dilantiknya Pak Hendra sebagai Kepala Dinas, semoga amanah dan dipercaya masyarakat", "2029-10-18", ""},
		// Hashtags of a side's win, a region's slogan beside a dig at a party.
		{"Bismillah satu putaran #SEHATIMenang", "2029-11-05", `campaign-hashtag: "#SEHATIMenang" → unlisted:calon-sehati`},
		{"Sudah cukup partai itu berkuasa di kota ini #SamarindaButuhWajahBaru", "2029-11-05", `oppose-call: "#SamarindaButuhWajahBaru … partai itu"`},
		{"Ayo lawan stunting bersama! #KitaMenang #SamarindaSehat", "2029-11-05", ""},
		// A finger pose with the campaign's arithmetic; a neutrality reminder.
		{"☝️ Satu tekad, nomor satu untuk Kaltim!", "2029-10-20", `hand-sign: "☝ … nomor satu untuk Kaltim"`},
		{"ASN dilarang pose dua jari ✌️ di foto dinas. Paham kan maksudnya? Netral!", "2029-10-20", ""},
		// An event named after a person; an official's event is none.
		{"Ayo ikut Gowes Bareng Bang Rusdi hari Minggu, kaos hijau dan doorprize dari panitia!", "2029-10-19", `→ unlisted:calon-rusdi`},
		{"Jalan Sehat Bersama Pak Kapolresta Minggu depan, kaos dibagikan panitia", "2029-11-01", ""},
		// A pair's volunteers beside a person praised; civic volunteers.
		{"Pengobatan gratis kolaborasi puskesmas dan Relawan SEHATI. Pak Rusdi memang selalu peduli", "2029-10-08", `party-service: "Relawan SEHATI … memang selalu" → unlisted:relawan-sehati`},
		{"Terima kasih Relawan RAPI dan Pak Kasim yang selalu hadir saat evakuasi", "2029-10-08", ""},
		// Banjar support beats the civic phrase beside it.
		{"Ayo ramian kita dukung Abah Rusdi! Tanggal 28 jangan kada datang ke TPS", "2029-11-20", `support-call: "kita dukung Abah Rusdi" → unlisted:calon-rusdi`},
		{"Ayo ramian datang ka TPS tanggal 28, jangan sampai kada memilih", "2029-11-20", ""},
		{"Kami dukung Bu Ani yang ikut lomba masak tingkat provinsi, semoga menang!", "2029-10-20", ""},
		// A party's past rule feared; a party in a council's news.
		{"Waktu partai beringin pegang kursi ketua dewan, jalan rusak semua. Jangan sampai terulang", "2029-10-17", `oppose-call`},
		{"Fraksi partai beringin menolak kenaikan pajak parkir di rapat dewan", "2029-10-17", ""},
		// A call to fill a side's rally; news of a rally.
		{"Redaksi mengajak pembaca memadati Lapangan Kinibalu di kampanye akbar SEHATI, bus gratis", "2029-11-09", `mobilisation`},
		// Blind round 18's misses, tuned on after it was scored.
		{"Karateka kita nomor 3 menang angka di kejurda, selamat!", "2029-10-25", ""},
		{"habis nyoblos ✌️ moga2 Bu Ratna menang ya Allah", "2029-11-28", `→ unlisted:calon-ratna`},
		{"Jangan kasih lagi kota ini ke partai yang itu-itu aja #SamarindaBaru", "2029-11-01", `oppose-call`},
		{"Ulun wan bubuhan bela Abah Rahmadi haja, mudahan lancar ka balai kota", "2029-11-10", `→ unlisted:calon-rahmadi`},
		// Shapes of the frames in service posts.
		{"Jangan lupa imunisasi dosis nomor 2 ya bunda, bawa buku KMS 😉", "2029-10-15", ""},
		{"Selamat kepada Pak Udin yang terdaftar sebagai anggota KPPS, semoga amanah dan dipercaya warga. Info KPU Kota", "2029-09-05", ""},
		{"Nasi Kuning haja nang paling nyaman di banua", "2029-10-28", ""},
		{"Ayo ikut kampanye imunisasi BIAN, gratis di puskesmas!", "2029-10-12", ""},
		// A person supported to an office; an aspiration forwarded is none.
		{"Ulun dukung haja pian, mudahan lancar sampai ka kantor gubernur", "2029-11-01", `support-call: "Ulun dukung haja pian`},
		{"Kita sokong terus Bu Marlina, jangan kendor sampai 28 November!", "2029-11-01", `→ unlisted:calon-marlina`},
		{"Kami kawal laporan warga soal drainase sampai ke kantor wali kota", "2029-11-01", ""},
		{"Kami dukung usulan warga RT 08 sampai ke balai kota", "2029-11-01", ""},
		// Capitals before a number are the thing numbered; a storyteller's contest.
		{"Angkot LIN nomor 3 sudah beroperasi lagi, jangan lupa pakai masker ya 😉", "2029-11-01", ""},
		{"Dongeng Bersama Kak Rudi di perpustakaan kota, hadiah buku dari panitia", "2029-11-01", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound9Sets holds round 9's sets to their figures, with no false
// neutrality breach.
func TestRound9Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_quiet_near_tune.jsonl": 0.97, "testdata/partisan_quiet_near_blind.jsonl": 0.99,
	})
}
