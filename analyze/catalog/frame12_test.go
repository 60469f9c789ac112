package catalog

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// TestRound12Frames pins round 12's shapes, each with a hard negative in
// the same words, most of them written short or misspelled.
func TestRound12Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// Misspelled and abbreviated greetings read by the frames.
		{"Slamat ulang tahun Pak Rahmat Hidayat 🎂 smoga sehat sllu & mnang di Pilwali nnti 🙏", "2029-10-08", "greeting:"},
		{"Slamat ulang tahun Pak Camat 🎂 smoga sehat sllu & makin semangat melayani warga 🙏", "2029-10-08", ""},
		// An electoral aim wished, in season or out of it.
		{"Selamat ulang tahun Pak Anwar Saleh, semoga tahun ini jadi tahun kemenangan Bapak 🎉", "2029-10-03", "calon-anwar-saleh"},
		{"Salamat baulang tahun Pa Jamal 🥳 mudahan 2029 naik kelas ka kursi dewan 😉", "2028-05-17", "greeting:"},
		{"Selamat Idul Fitri, hari kemenangan bagi kita semua 🙏 mohon maaf lahir dan batin", "2029-10-03", ""},
		{"Selamat ya adik-adik kelas 6, semoga naik kelas dan lulus dengan nilai terbaik", "2029-06-10", ""},
		// A registration wished a win.
		{"Alhamdulillah pendaftaran pasangan Rudi–Wati sdh diterima KPU. Smoga menang telak ya Pak! 🔥", "2029-08-30", "greeting:"},
		{"KPU Samarinda menerima pendaftaran pasangan Rudi–Wati, Kamis (29/8).", "2029-08-30", ""},
		// A party's account reposted with approval.
		{"RT @DPD_PAN_Samarinda: 27 tahun PAN, terus terbit untuk Indonesia — ikut bangga & mendoakan! 👏", "2029-04-20", "support-call:"},
		{"RT @BPBD_Samarinda: Waspada banjir rob malam ini — kami ikut mengingatkan warga", "2029-10-20", ""},
		// Aid from a side's campaign organ; a charity's and a complaint are not.
		{"Bantuan air bersih 10 tangki dari Tim Pemenangan Rudi Hartono sdh disalurkan ke RT 05 🙏", "2029-10-19", "party-service:"},
		{"Terima kasih Relawan Rumah Zakat atas paket buka puasa untuk warga RT 15.", "2029-10-19", ""},
		// A side's form to fill.
		{"Fwd: formulir dukungan relawan Rudi Hartono 📝 mohon diisi ya bpk ibu staf", "2028-10-16", "recruitment:"},
		{"Fwd: formulir pendaftaran beasiswa Pemkot 📝 mohon diisi yg memenuhi syarat ya", "2028-10-16", ""},
		// A number in a hashtag, a number "of ours" said to the undecided.
		{"Foto bareng Bu Lurah usai lomba, semua pose dua jari ✌️ #Nomor2Pasti", "2029-11-05", "campaign-hashtag:"},
		{"Yang masih bingung, ingat angka keberuntungan kita aja: tiga 🤟", "2029-10-27", "support-call:"},
		{"ingat nomor antrean kalian ya: tiga, dipanggil duluan besok di loket", "2029-10-27", ""},
		// A party chosen in passing; a prayer for a seat.
		{"golkar aja lah wkwk yg lain cm nongol pas mau nyoblos 😂", "2028-06-14", "support-call:"},
		{"golkar, pdip, pks, sama aja lah, yg penting jgn golput 😂", "2028-06-14", ""},
		{"bismillah Bonaventura DPR RI 2029 🤲 orgnya jujur", "2028-06-14", "support-call:"},
		{"bismillah lolos CPNS 2029 🤲 doain ya teman2", "2028-06-14", ""},
		// Facilities refused to every side; a school's own election.
		{"Pemberitahuan: fasilitas kelurahan (tenda, sound system) TIDAK dapat dipinjamkan untuk kegiatan kampanye pasangan calon mana pun.", "2029-10-01", ""},
		{"PEMILOS OSIS 2027 🗳️ Paslon 01 Nadia–Rafi vs 02 Kevin–Sasa. yuk coblos pilihanmu di aula, jgn lupa bawa kartu pelajar!!", "2027-08-20", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestSpelled checks the spelled-out copy the frames read and the cue
// text mapped back to the words as written.
func TestSpelled(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Slamat ulang tahun, smoga sllu sehat", "Selamat ulang tahun, semoga selalu sehat"},
		{"bantuan sdh disalurkan utk warga yg terdampak", "bantuan sudah disalurkan untuk warga yang terdampak"},
		{"Pak Budi nonton bareng, gak ada yang kurang", "Pak Budi nonton bareng, gak ada yang kurang"}, // forms the frames read as written
		{"Kata sayang tidak disingkat", "Kata sayang tidak disingkat"},
	}
	for _, tt := range tests {
		var sp []spelling
		got := spelled(normalize.Text(tt.text), &sp)
		if got != tt.want {
			t.Errorf("spelled(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if back := asWritten(got, sp); got != tt.text && back != tt.text {
			t.Errorf("asWritten(%q) = %q, want %q", got, back, tt.text)
		}
	}
}

// TestRound12Sets holds round 12's sets and the independent sets whose
// misses it read to their figures, with no false neutrality breach.
func TestRound12Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_round12_tune.jsonl": 0.98, "testdata/partisan_round12_blind.jsonl": 0.98,
		"testdata/partisan_indep_j.jsonl": 0.98, "testdata/partisan_indep_k.jsonl": 0.97,
	})
}

// TestRound12CuesAreEvidence checks that round 12's cues, read on the
// spelled-out copy, show words of the post as written.
func TestRound12CuesAreEvidence(t *testing.T) {
	checkCuesAreEvidence(t, testIndex(t), []string{"testdata/partisan_round12_tune.jsonl", "testdata/partisan_round12_blind.jsonl", "testdata/partisan_indep_j.jsonl", "testdata/partisan_indep_k.jsonl"}, 60)
}
