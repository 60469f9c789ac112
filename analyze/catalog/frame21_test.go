package catalog

import "testing"

// TestRound21Frames pins the miss classes of the tune sets AJ and AK,
// each beside the hard negatives it must leave alone.
func TestRound21Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A ballot number in the heart; a food stall's "number 2" and a counter's number are not.
		{"PENGUMUMAN: Pelayanan KTP-el tetap buka hari Sabtu jam 08.00-12.00, bawa FC KK. Biru itu pasti, 02 di hati 💙", "2024-02-08", "support-call:"},
		{"Nomor 2 di hati tetap soto Banjar Pak Amat, nomor 1 nasi kuning Bu Imah", "2024-11-09", ""},
		// A symbol tagged beside a choice made.
		{"Cek kesehatan gratis tiap Selasa di Pustu Pulau Atas 🩺 Sehat itu pilihan, dan pilihan kita sudah jelas 😉🟥 #Banteng", "2024-02-06", "pdip"},
		// The empty box praised, in words or a hashtag.
		{"Sudah lima tahun banjir masih begini2 aja di Sungai Pinang. Kotak kosong lebih jujur 🗳️", "2024-11-18", "kotak-kosong"},
		{"Wayah ini Sempaja masih haja tagenang mun hujan sadikit. Jangan sampai tajadi pulang 🙏 #KotakKosongAja", "2024-11-10", "kotak-kosong"},
		// A pose reported to the supervisor is someone else's pose.
		{"Lapor Bawaslu, akun IG kelurahan sebelah posting foto pegawainya pose 2 jari. Ini bukannya gk boleh ya? 🤔", "2024-01-26", ""},
		// "makin AMIN" is the pair; a prayer's "amin" is not.
		{"Semoga urusan lancar, Indonesia makin AMIN 🤲😉", "2024-01-13", "amin"},
		{"Semoga seluruh petugas KPPS diberi kesehatan, aamiin ya Allah 🤲", "2024-01-13", ""},
		// A slogan with its pose, then a hashtag, still ends the notice.
		{"📢 Jadwal fogging Kel. Gunung Kelua: Rabu 17 Jan mulai 15.00. Mohon pintu & jendela dibuka. Salam metal tiga jari 🤘 #SatSet", "2024-01-16", "slogan:"},
		// Another term wished beside a bare acronym hashtag; refusing an acronym in a hashtag.
		{"Layanan perizinan usaha via OSS gratis tanpa calo. Lanjut jilid 2 makin ngebut 🚀 #AHZ", "2024-11-01", "campaign-hashtag:"},
		{"Dirgahayu Kota Samarinda 🎉 Lanjutkan Pak Wali, dua periode! 💪 #AHlanjut", "2024-10-21", "campaign-hashtag:"},
		{"Yg dulu janji 1.000 beasiswa, realisasinya mana? Jgn mau dibodohi dua kali ya warga 🙄 #BukanSIBAYU", "2029-10-20", "#BukanSIBAYU"},
		{"Fogging DBD di RT 12 hari ini, lanjutkan 3M plus di rumah ya #DBD", "2029-10-20", ""},
		// A favourite ballot number with the fingers that show it.
		{"Gotong royong barasihi drainase Jl. Pramuka baisukan tadi ✨ Imbah tu foto pang, nomor urut kesayangan ✌️😁", "2029-10-05", "hand-sign:"},
		// An opinion's verdict that a person is the readiest.
		{"KOLOM | Sudah Waktunya Samarinda Dipimpin Perempuan, dan Rahmawati Noor Paling Siap. Rekam jejaknya membuktikan ia bekerja.", "2029-10-15", "support-praise:"},
	}
	checkFrameCases(t, ix, tests)
}
