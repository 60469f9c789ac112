package catalog

import (
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestRound26Frames pins the miss classes of the tune sets AW and AX
// (first scores on 51129f0: 0.9099 38/40 and 0.9699 38/40, no false
// breach), each beside the hard negative it must not catch.
func TestRound26Frames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// The pair's acronym with its finger closes a notice; a prayer's AMIN alone does not.
		{"Jadwal fogging DBD pekan ini: Senin Sidodadi, Rabu Pelita. Tutup makanan selama pengasapan. Semoga kita sehat semua, AMIN ☝️🤲", "2024-01-15", `hand-sign: "AMIN ☝" → amin`},
		{"Jadwal fogging DBD pekan ini: Senin Sidodadi, Rabu Pelita. Tutup makanan selama pengasapan. Semoga kita sehat semua, AMIN 🤲", "2024-01-15", ""},
		// A past governor's five years not to be repeated, in a campaign; the same man's new job is news.
		{"Dulu 5 tahun jadi gubernur, jalan poros Samarinda–Bontang begitu-begitu aja. Masa mau diulang? 🤔 #KaltimButuhYangBaru", "2024-10-30", `oppose-call: "Dulu 5 tahun jadi gubernur … Masa mau diulang"`},
		{"Dulu 5 tahun jadi gubernur, sekarang beliau mengajar sebagai dosen tamu di Unmul. Masa pensiun yang produktif 👏", "2024-10-30", ""},
		// A column gives a pair's acronym the chance; a chance for local sellers is service.
		{"Tajuk: Beri kesempatan pada DENA. Lima tahun RAYU memimpin, banjir dan macet Samarinda tak juga beres.", "2029-11-12", `support-praise:`},
		{"Beri kesempatan pada UMKM lokal untuk tampil di Citra Niaga setiap malam Minggu, daftar di kelurahan.", "2029-11-12", ""},
		// A Banjar question about the empty box, said to be only a question.
		{"Kotak kosong tu amun menang kayapa jadinya? Serius batakun, anak ulun baru pertama memilih", "2024-11-12", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound26BlindMissesST pins what the blind sets BS and BT missed
// (scored once on 2493806: 0.9398, 75/80, no false breach; 0.9199, 71/80,
// 0 on the session's start 51129f0) and was fixed near a rule after that
// scoring, each beside a hard negative.
func TestRound26BlindMissesST(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// Banjar's "cucuk" (to pierce the ballot) is a vote call.
		{"Barataan, jangan lupa tanggal 27 cucuk Isran–Hadi, kita jaga banua 🙏", "2024-11-22", `support-call: "cucuk Isran Hadi" → isran-hadi`},
		// A column gives an acronym the chance in a campaign; out of any campaign it is no side.
		{"Kolom: Samarinda butuh darah segar. Setelah satu dekade yang sama, sudah saatnya kota ini memberi kesempatan kepada FAST.", "2029-11-05", "support-praise:"},
		{"Kolom: Samarinda butuh darah segar. Setelah satu dekade yang sama, sudah saatnya kota ini memberi kesempatan kepada FAST.", "2027-05-05", ""},
		// A candidate's birthday wished good news on the vote day; another date is an office's news.
		{"Selamat ulang tahun Pak Seno 🎂 mudahan sehat terus, tanggal 27 nanti kabar baik datang 🤲", "2024-11-05", "greeting:"},
		{"Selamat ulang tahun Bu Kadis 🎂 mudahan sehat terus, tanggal 12 nanti kabar baik datang soal akreditasi 🤲", "2024-11-05", ""},
		// The one who had five years, not to be believed again; a pump's five years are a purchase.
		{"Warga Samarinda jgn mau dibohongi lagi sama yg 5 thn cuma bikin taman sama tugu. Banjir Sempaja gitu2 aja. Saatnya ganti 👋", "2029-10-28", "oppose-call:"},
		{"Pompa air di Sempaja yg 5 thn cuma diservis sekali, saatnya ganti unit baru. Pengadaan lewat e-katalog.", "2029-10-28", ""},
		{"Atap posyandu yang 5 thn gak diperbaiki bocor lagi. Saatnya ganti 👋", "2029-10-28", ""},
		// An acronym's hashtag with its number, the acronym said again; a patrol's number is a roster.
		{"Selamat pagi warga Kaltim! MARI kita jaga kebersihan Sungai Karang Mumus, jgn buang sampah sembarangan 🌊 #MARI3 #KaltimBersatu", "2029-10-14", `campaign-hashtag: "#MARI3"`},
		{"Jadwal ronda RT 05 minggu ini #RONDA2", "2029-10-14", ""},
		// False partisan calls: a billboard and a pronoun are no one's name; a race supposed is not opposed.
		{"Min jalan di Sempaja Utara sdh bolong2 gini kapan diperbaiki? Baliho caleg bisa dipasang cepat, jalan rusak gk diurus 🙄", "2024-01-10", ""},
		{"Lapor, tadi malam ada bagi2 amplop di RT 30 orangnya pake jaket partai. Sy ada fotonya. Lapornya ke Bawaslu kota atau panwascam ya?", "2024-02-12", ""},
		{"Ada yg tau jadwal debat cawali Samarinda? Penasaran klo lawan kotak kosong debatnya gmn 😅", "2024-10-14", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound26BlindMissesUV pins what the blind sets BU and BV missed
// (scored once on 8400670: 0.9599, 74/80, no false breach; 0.9200,
// 69/80, 0 on 51129f0) and was fixed near a rule after that scoring, each
// beside a hard negative.
func TestRound26BlindMissesUV(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A pair's declaration shared; the supervisor's or the traffic's notice of it is not.
		{"Yuk tonton live! Deklarasi pasangan Fadli–Wahyuni \"Samarinda Bersinar\" di Citra Niaga malam ini 🔥 Tolong share ke grup RT masing2 ya 🙏 — Kel. Pasar Pagi", "2029-08-22", `support-call: "Deklarasi pasangan Fadli–Wahyuni … share"`},
		{"Bawaslu mengawasi deklarasi pasangan Fadli–Wahyuni di Citra Niaga. Share info ini agar warga tahu jalur alternatif.", "2029-08-22", ""},
		// A team's pose with the number "we back"; a team's pose alone is a photo.
		{"Selamat utk tim voli putri Dinas Pariwisata juara 1 turnamen antar-OPD 🏆🏐 Pose satu jari dulu, biar sama2 tau nomor berapa yg kita jagokan 😉☝️", "2024-11-22", "hand-sign:"},
		{"Selamat utk tim voli putri Dinas Pariwisata juara 1 turnamen antar-OPD 🏆🏐 Pose satu jari dulu, juara satu!", "2024-11-22", ""},
		// A column rules an acronym out in a race; an agency ruled out of a flood plan is no side.
		{"OPINI | Warga Sempaja masih ingat drainase yang mangkrak. Calon yang gagal mengurus satu proyek tidak pantas dipercaya mengurus satu kota. YUNA bukan jawabannya.", "2029-11-10", "oppose-attack:"},
		{"OPINI | Banjir Sempaja butuh kolam retensi. PUPR bukan jawabannya kalau cuma mengeruk.", "2029-11-10", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestPartisanModelElectoralBand checks the model's lower band: a margin
// from PartisanModelElectoralThreshold up to PartisanModelThreshold calls
// a post only when it names an election itself (electoralAnchored), so a
// threat or a gripe that scores there is not a breach, and a post that
// says whoever wins is fine by it is not read as a side.
func TestPartisanModelElectoralBand(t *testing.T) {
	ix := testIndex(t)
	for _, tc := range []struct {
		text string
		want bool // electoralAnchored
	}{
		{"Nanti malam kubunuh kau di FIFA, 5-0 siap-siap", false},
		{"Kantor PDAM kita obrak-abrik aja besok, biar tahu rasa", false},
		{"saya sangat mendukung kalian, tetap semangat melayani", false},
		{"OPINI | Mengapa Normalisasi Sungai Pilihan Paling Tepat", false},
		{"OPINI | Samarinda butuh RTH lebih banyak. Calon mana pun yang menang nanti harus berani.", false},
		{"Ada yg janji makan siang gratis utk semua, coba tanya dulu duitnya dari mana 🤔", true},
		{"YURINA itu dinasti, bapaknya udah pernah, skrg anaknya", true},
		{"tgl 27 nanti masih ada pilihan lain 📦😏", true},
		{"Editorial: Sudah waktunya Samarinda dipimpin generasi muda, Dimas–Ardi layak", true},
		{"Posyandu bulan ini tgl 15, bawa buku KIA ya bunda #WaktunyaPerubahan", true},
		// The booth is the vote (BX, after its one scoring).
		{"Ngurus Jakarta aja banjirnya gak kelar, trus mau ngurus Indonesia? 😅 Mikir dulu ya lur sblm masuk bilik.", true},
		{"kecewa sama dealer, saya menang hadiah undian motor tapi dikasih voucher doang", false},
		{"Posko relawan banjir buka 24 jam di Masjid Al-Ikhlas, dapur umum butuh tenaga masak", false},
		{"Posko relawan banjir buka 24 jam, hubungi Pak Sekel di kantor kelurahan", false},
		{"Lanjutkan imunisasinya, bunda! Imunisasi lanjutan campak-rubela tiap Rabu di puskesmas", false},
		{"Lanjutkan! Dua periode untuk Samarinda", true},
		{"Kolom: Partai-partai perlu lebih banyak kursi untuk kader perempuan di Pileg 2029", false},
		{"Semua paslon wajib hadir di debat kedua, jangan ada yang mangkir", false},
		{"Salam dari Rudy-Seno untuk warga Sempaja", true},
		{"Semoga menang ya pak, kami sekampung siap kawal", true},
	} {
		d, _ := ParseDate("2024-11-01")
		st := ix.scan(normalize.Text(tc.text), d.Noon())
		ix.decide(st)
		if got := electoralAnchored(st); got != tc.want {
			t.Errorf("%q: electoralAnchored %v, want %v", tc.text, got, tc.want)
		}
		st.release()
	}
	// On every labelled set, a government post whose margin falls in the
	// band is called by the model exactly when it names an election, and
	// the band calls at least one post (so the test cannot pass empty).
	var inBand, called int
	for _, path := range partisanSetFiles(t) {
		for _, p := range readSet(t, path) {
			if p.Date == "" {
				continue
			}
			d, err := ParseDate(p.Date)
			if err != nil {
				t.Fatal(err)
			}
			m := &mention.Mention{Text: p.Text, Author: mention.Author{Kind: mention.KindGovernment}, PostedAt: d.Noon()}
			NewTagger(ix).Tag(m, normalize.Text(p.Text))
			var v model.TFIDFVec
			mg := ix.pmodel.Score(partisanModelInput(p.Text, mention.KindGovernment), &v)
			if mg < PartisanModelElectoralThreshold || mg >= PartisanModelThreshold || m.Politics == nil {
				continue
			}
			byModel := false
			for _, c := range m.Politics.Cues {
				byModel = byModel || strings.HasPrefix(c, "model:")
			}
			if !byModel {
				continue
			}
			inBand++
			st := ix.scan(normalize.Text(p.Text), d.Noon())
			st.kind = mention.KindGovernment
			ix.decide(st)
			if !electoralAnchored(st) {
				t.Errorf("%q: called in the band (%.2f) without an electoral anchor", p.Text, mg)
			}
			st.release()
			called++
		}
	}
	if called == 0 {
		t.Fatalf("no post of the sets is called in the band (%d in band)", inBand)
	}
}

// TestRound26Sets holds round 26's four sets (AW, AX, BS, BT) at their
// rule-only figures, with no false neutrality breach.
func TestRound26Sets(t *testing.T) {
	checkSetFloors(t, rulesOnlyIndex(t), map[string]float64{
		"testdata/partisan_indep_aw.jsonl": 0.88, "testdata/partisan_indep_ax.jsonl": 0.95,
		"testdata/partisan_indep_bs.jsonl": 0.88, "testdata/partisan_indep_bt.jsonl": 0.88,
	})
}
