package catalog

import (
	"slices"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// TestRound27BlindMissesYZ pins what the blind sets BY and BZ missed
// (scored once on c5443f1: 0.9494, 36/40 and 0.9491, 39/40, no false
// breach) and was fixed near a rule after that scoring, each beside the
// hard negative it must not catch. The posts are the lead's own
// rewordings, not the blind sets' text.
func TestRound27BlindMissesYZ(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A party "present all the way to the alleys": promotion in any season.
		{"Posyandu lansia hari ini bareng Rumah Bakti Perindo 🙏 Perindo hadir sampai ke pelosok, semoga terus berlanjut", "2028-05-14", `party-service: "Perindo Perindo hadir sampai ke" → perindo`},
		{"Ketua DPC Perindo hadir sampai acara selesai dalam rapat koordinasi banjir di kantor camat", "2028-05-14", ""},
		{"Petugas Disdukcapil hadir sampai ke pelosok untuk perekaman KTP-el lansia 🙏", "2028-05-14", ""},
		// A debate's video passed on with a finger and a knowing line, under a reporting word.
		{"Diteruskan dr grup RT 👇 VIDEO DEBAT CAGUB KALTIM full. Nilai sendiri siapa yg lebih paham banjir ✌️😏", "2024-10-31", `hand-sign: "✌ … Nilai sendiri siapa"`},
		{"Diteruskan dari KPU 👇 VIDEO DEBAT CAGUB KALTIM. Silakan warga menilai sendiri visi misi para calon 🙏", "2024-10-31", ""},
		{"Diteruskan: video lomba senam antar-RT. Lihat sendiri siapa yg paling kompak ✌️", "2024-10-31", ""},
		// Likes and shares asked for a person with a ballot number; a contest's votes are not a ballot.
		{"Mohon bpk ibu guru bantu like & share postingan Bu Hasnah (No. 3) sebelum jam 4 ya, bukti screenshot ke grup 🙏", "2024-01-30", `support-call: "like & share" →`},
		{"Mohon bantu like & share postingan lomba foto ananda Hasnah (No. 3), voting ditutup jam 4 🙏", "2024-01-30", ""},
		// A warning against a party; a warning against a scam in its name is a service.
		{"Partai Harapan Mahakam itu cuma ganti baju, isinya orang lama semua. Jangan mau ketipu!", "2028-12-10", `oppose-call: "Jangan mau ketipu" → unlisted:partai-harapan-mahakam`},
		{"Waspada penipuan mengatasnamakan Partai Harapan Mahakam lewat WA, jangan mau ketipu", "2028-12-10", ""},
	}
	checkFrameCases(t, ix, tests)

	// A party's name does not run on into the next sentence's first word
	// (the words read have no full stops).
	p := ix.PoliticsAt(normalize.Text("Diberitahukan kpd seluruh pegawai, Jumat 15/12 hadir di aula utk acara Silaturahmi Keluarga Besar Partai Harapan Mahakam. Dresscode hijau 💚 Absen lewat gform di grup."), day(t, "2028-12-16").Noon())
	if !p.Partisan || !slices.Equal(p.Actors, []string{"unlisted:partai-harapan-mahakam"}) {
		t.Errorf("party named: partisan=%v actors %q cues %q, want unlisted:partai-harapan-mahakam", p.Partisan, p.Actors, p.Cues)
	}
}

// TestRound27BlindMissesAB pins what the blind sets CA and CB missed or
// called falsely (scored once on d9c70af: 0.9291, 35/40, 1 false breach;
// 0.9085, 35/40, 3 false breaches) and was fixed near a rule after that
// scoring, each beside the hard negative it must not catch; the lead's own
// rewordings, not the sets' text.
func TestRound27BlindMissesAB(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// The KPU's voter education names the empty column and how to mark a ballot; a call to mark it is a side.
		{"Simulasi coblosan di TPS 4 bersama KPPS: surat suara Pilwali memuat pasangan calon tunggal dan kolom kosong. Coblos yg sah = satu kali di dalam kotak ya 👍", "2024-11-19", ""},
		{"Warga Bukit Pinang, tgl 27 coblos kolom kosong aja, biar kapok 😤", "2024-11-20", `support-call: "coblos kolom kosong" → kotak-kosong`},
		// A school's OSIS pair greeted is a school election.
		{"Selamat kpd Ketua & Wakil Ketua OSIS terpilih, paslon nomor 3 Ananda Dimas & Ananda Salsa 🎉 Terima kasih paslon 1 & 2 yg sudah sportif", "2024-08-05", ""},
		// An acronym's ballot number spelled out in a hashtag; a service counter's is a queue.
		{"Kerja bakti bersama para ketua RT se-Kel. Sidodadi, terima kasih partisipasinya 🧹 #SamarindaBersih #RKSNomor4", "2028-11-11", `campaign-hashtag: "#RKSNomor4" → ballot-4`},
		{"Antrean loket perekaman KTP-el hari ini #KTPNo4 #DisdukcapilSamarinda", "2028-11-11", ""},
		// A campaign team's account reposted; a taekwondo club's and a flood volunteers' are not.
		{"repost dr @tkn.kaltim: JALAN SEHAT AKBAR Minggu pagi di Taman Samarendah, doorprize motor!! 🔥", "2024-02-01", `share: "repost dr @" → unlisted:tim-kampanye`},
		{"repost dr @tkd.kaltim: latihan taekwondo anak2 tiap Minggu di GOR Segiri", "2024-02-01", ""},
		{"repost dari @relawan.banjir: dapur umum posko Sempaja butuh beras dan air mineral", "2024-02-01", ""},
		// A broken promise and another term asked for; a vendor's contract is no term.
		{"Jalan rusak lagi 😩 Dulu ada yg janji jalan mulus dalam setahun, sekarang mau lanjut lagi? Jangan mau dibohongi lagi ya warga.", "2024-10-25", "oppose-call:"},
		{"Dulu ada yg janji servis AC cepat, sekarang masih minta lanjut kontrak? Jangan mau dibohongi lagi, pilih vendor lain", "2024-10-25", ""},
		// A wink at a side's coloured heart beside the vote day; a morning greeting's heart is not.
		{"Pemadaman bergilir malam ini di Sungai Kunjang. Sabar ya warga, 27 November semua beres 😉💚", "2024-11-18", `support-call: "😉💚 … 27 November"`},
		{"Selamat pagi warga 😉💙 hari ini posyandu di RT 5, bawa buku KIA", "2024-11-18", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound27BlindMissesCD pins what the blind sets CC and CD missed
// (scored once on d8c97b6: 0.9188, 36/40, 1 false breach; 0.9291, 35/40,
// 0) and was fixed near a rule after that scoring, each beside the hard
// negative it must not catch; the lead's own rewordings.
func TestRound27BlindMissesCD(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// The incumbent wished another five years in a campaign; a programme's five years, or a birthday out of it, are not.
		{"Selamat ulang tahun Pak Gubernur 🎂 semoga sehat dan kuat meneruskan perjuangan 5 tahun lagi 🤲", "2024-10-05", `support-call: "Pak Gubernur … meneruskan perjuangan 5 tahun" → unlisted:petahana`},
		{"Makasih Pak Wali, jalan kami sudah bagus. Kami sekampung ikut haja lagi lima tahun 🤍", "2024-11-15", "→ unlisted:petahana"},
		{"Terima kasih Pak Wali, beasiswa ini lanjut 5 tahun sesuai RPJMD 🙏", "2024-11-15", ""},
		{"Selamat milad Bapak Wali Kota, semoga sehat dan lancar melanjutkan tugas 5 tahun ke depan", "2025-03-15", ""},
		{"Selamat ulang tahun Pak Wali, semoga sehat selalu dan terus mengabdi untuk Samarinda 🙏", "2024-11-15", ""},
		// A past term mocked with "kemana aja pak" in a campaign; a neighbour's chores are not.
		{"Mantan gubernur baru skrg turun ke pelosok? 5 thn kemarin kemana aja pak 🙄", "2024-10-12", "oppose-call:"},
		{"Pak RT, 5 thn kemarin kemana aja pak kok baru ikut kerja bakti 😅", "2024-10-12", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound27BlindFalseEF pins the two false breaches of the blind sets CE
// and CF (scored once on 4ded076: 0.9192, 33/40, 1 false breach; 0.9391,
// 37/40, 1), each fixed after that scoring beside the call it must keep;
// the lead's own rewordings.
func TestRound27BlindFalseEF(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A traffic notice routes cars around a rally; transport to it mobilises.
		{"Info lalin: sehubungan kampanye akbar di GOR Segiri, arus kendaraan di Jl. Kesuma Bangsa dialihkan mulai 13.00. Mohon pengguna jalan cari rute alternatif 🚦", "2024-11-20", ""},
		{"Besok kampanye akbar paslon 02 di GOR Segiri, warga yg mau ikut kumpul di kantor lurah jam 7, bus disiapkan 🚌", "2024-11-20", "mobilisation:"},
		// Flood relief calls its volunteers; the model reads no side there without an electoral word.
		{"Posko relawan banjir Kel. Sidodadi butuh relawan dapur umum 🍚 yg bisa bantu merapat ke posko jam 7. Terima kasih warga 🙏 #SamarindaPeduli", "2024-11-20", ""},
	}
	checkFrameCases(t, ix, tests)
}
