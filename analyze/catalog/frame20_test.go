package catalog

import "testing"

// TestRound20Frames pins the miss classes of the tune sets AH and AI
// (and the blind pair Y, Z's gemoy), each beside the hard negatives it
// must leave alone.
func TestRound20Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A side's cheer signing a service notice off; a reminder naming the slogan it forbids is no cheer.
		{"Penertiban PKL di kawasan Citra Niaga mulai Senin 29/1. Mohon kerja samanya. Tetap joget, tetap gemoy 🕺💃", "2024-01-22", "slogan:"},
		{"Senam sehat Jumat pagi di halaman kantor camat, joget gemoy dulu bapak ibu 💃🕺", "2024-01-20", "slogan:"},
		{"Ayo ke TPS 14 Februari, jangan golput ya warga Sempaja. Oke gas oke gas 💪", "2024-01-22", "slogan:"},
		{"Pengingat utk ASN Kecamatan Sungai Pinang: dilarang ikut yel-yel atau slogan paslon seperti salam perubahan", "2024-01-22", ""},
		{"ASN wajib netral! Tidak boleh ikut menyanyikan oke gas oke gas", "2024-01-22", ""},
		{"Netralitas ASN harga mati. Hindari pose jari dan slogan kampanye, misal satu putaran", "2024-01-22", ""},
		{"Lomba balita sehat Posyandu Melati, adek2nya gemoy semua 😍 selamat utk pemenang!", "2024-01-20", ""},
		{"Pemilihan duta bayi gemoy Posyandu Mawar, pilih yang paling gemoy ya bunda 😍", "2024-01-25", ""},
		// A side's acronym punned into a place's motto; the public programmes' own "Ber-" acronyms are not.
		{"Penertiban PKL di kawasan Citra Niaga hari ini berjalan kondusif 👮 Samarinda tertib, Samarinda ber-NURANI 🤍💚", "2029-10-20", "slogan:"},
		{"Kerja bakti bersih2 SKM Minggu pagi dari jembatan Gelatik 🧹 bawa karung sendiri ya. #BersihBersamaDAYU #KaltimBerDAYU", "2029-10-07", "slogan:"},
		{"Samarinda BerAKHLAK! Budaya kerja ASN BerAKHLAK di lingkungan Pemkot #ASNBerAKHLAK", "2029-10-07", ""},
		{"Samarinda Bersih Dari Narkoba #SamarindaBerSINAR bersama BNN", "2029-10-07", ""},
		{"Samarinda BERIMAN, Samarinda bersih! Gotong royong bersihkan drainase di Sempaja", "2029-10-20", ""},
		{"Vaksinasi gratis #BersamaBPJS #SamarindaBerPHBS di Puskesmas Lempake", "2029-10-20", ""},
		// An opinion piece's verdict on an acronym; a civic acronym needed is no side.
		{"EDITORIAL | Hanya NURANI yang Punya Peta Jalan Jelas Atasi Banjir Samarinda, Dua Paslon Lain Sekadar Janji", "2029-11-05", "support-praise:"},
		{"OPINI | Samarinda butuh RTH lebih banyak, bukan mal baru. Calon mana pun yang menang nanti harus berani.", "2029-10-20", ""},
		// A past governor's record not to be repeated, in Banjar; the empty box run down.
		{"Ingatlah dangsanak, bahari jalan kampung kita rusak parah, kada diurus waktu gubernur nang dulu. Jangan sampai taulang lagi lah 🙏", "2024-10-22", "oppose-call:"},
		{"Kotak kosong itu pilihan org yg gk paham pembangunan. Lihat aja Samarinda skrg. Masih mau mundur? 😌", "2024-11-15", "oppose-attack:"},
		// A bare ballot number taken as the right choice; a counter's number is not.
		{"Ulun ni ASN pang, tapi hati kada kawa dibohongi... 01 haja gin nang paling bujur 😁🤫", "2024-11-12", "support-call:"},
		{"Pelayanan KTP di loket 2 aja ya pak bu, pokoknya loket 1 khusus lansia", "2024-11-12", ""},
		// An office's programme with a party's organ; with parliament, the PKK or an agency it is none.
		{"Pelatihan UMKM olahan ikan patin di Kec. Sambutan, kerja sama Disdag dgn Rumah Aspirasi PAN 💙 peserta dpt sertifikat", "2024-02-01", "party-service:"},
		{"Rapat koordinasi kerja sama dengan DPRD Kota Samarinda terkait perda parkir", "2024-11-12", ""},
		{"Pelatihan kader posyandu kerja sama dengan PKK dan Dinkes", "2024-11-12", ""},
		// A party's colour worn on the vote day with a wink; a dress code for poll workers is none.
		{"Tgl pencoblosan Pemilu 2029 sdh ditetapkan, jangan lupa datang ke TPS ya warga 🗳️ dan jgn lupa juga pakai baju merah hari itu 😉🐂", "2029-02-10", "attributes:"},
		{"Bagi petugas KPPS, pakai baju putih ke TPS ya, sesuai arahan KPU 😉", "2024-02-10", ""},
		// A place after a candidate's word names where, not who.
		{"Baliho caleg di Jl. Juanda banyak banar sampai rumah ulun kada kaliatan lagi 😂", "2024-01-15", ""},
	}
	checkFrameCases(t, ix, tests)
}
