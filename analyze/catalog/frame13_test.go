package catalog

import "testing"

// TestRound13Frames pins round 13's shapes, each with a hard negative in
// the same words.
func TestRound13Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// Aid given as a candidate's gift; a charity's gift and a refusal are not.
		{"Bantuan 40 paket sembako dari paslon TERANG sudah dibagikan ke warga RT 09 🙏", "2024-11-08", "terang"},
		{"Bantuan 40 paket sembako dari Baznas sudah dibagikan ke warga RT 09 🙏", "2024-11-08", ""},
		{"Warga diminta melapor ke Bawaslu bila menerima bantuan dari paslon mana pun.", "2024-11-08", ""},
		// A side's acronym with its ballot number in a hashtag.
		{"Jadwal posyandu minggu ini di RT 02 👶 #TERANGno2", "2024-11-08", "campaign-hashtag:"},
		{"Ayo vaksin booster 💉 #COVID19 #SamarindaSehat", "2024-11-08", ""},
		// A padded ballot number preferred; a counter is not a ballot.
		{"abis liat debat, mending 02 lah programnya jelas 👍", "2024-11-08", "support-call:"},
		{"Loket 01 penuh, mending ke loket 03 ya bapak ibu", "2024-11-08", ""},
		// A colour said to win; a team's colour in a race is not.
		{"Admin: hehe kuning itu menang kak 😉💛", "2024-11-08", "support-call:"},
		{"Regu kuning pasti menang lomba balap karung, semangat adik-adik PAUD!", "2024-11-08", ""},
		// A named person set against the other candidate.
		{"calon yg satunya cuma janji, beda sama Pak Hamdani yg udah kerja nyata 😊", "2024-11-08", "support-call:"},
		{"Pelayanan sekarang beda sama Pak Lurah yang dulu, lebih cepat 👍", "2024-11-08", ""},
		// A denied hoax mobilises no one.
		{"HOAKS! Pesan yang bilang pegawai WAJIB hadir di kampanye salah satu paslon itu TIDAK BENAR.", "2024-11-08", ""},
		// Lower-case "bang" and "Paman" as forms of address.
		{"Happy bday bang Rizki Pratama 🎉 smg tahun ini jd tahun kemenangan abang", "2024-11-08", "greeting:"},
		{"Happy bday bang Rizki dari Damkar 🎉 smg sehat selalu dan makin sigap bertugas", "2024-11-08", ""},
		{"Selamat ulang tahun Paman Salman Aini, mudahan naik kelas ka kursi dewan 🎉", "2024-11-08", "greeting:"},
		{"Selamat ulang tahun Paman Ijai penjaga masjid, mudahan sehat selalu 🤲", "2024-11-08", ""},
		// A side's form worded as a survey; a service's survey is not.
		{"Survei relawan Pak Rusdi Hamid: mohon diisi warga yang bersedia bergabung", "2024-11-08", "recruitment:"},
		{"Survei kepuasan layanan kelurahan, mohon diisi bapak ibu 🙏", "2024-11-08", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound13Sets holds round 13's sets at their figures, and the
// independent sets L and M at the rules' figures (the model learns from
// them: 0.8261 and 0.8782 on main 0aea124), with no false neutrality breach.
func TestRound13Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_round13_tune.jsonl": 0.98, "testdata/partisan_round13_blind.jsonl": 0.98,
	})
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_l.jsonl": 0.85, "testdata/partisan_indep_m.jsonl": 0.90,
	})
}
