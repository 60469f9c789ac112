package catalog

import (
	"testing"
)

// TestContextFrames pins round 8's classes (issue 26): sides made known by
// their context in the months before a 2029 vote, and their hard negatives.
func TestContextFrames(t *testing.T) {
	ix := testIndex(t)
	tests := []frameCase{
		// A pair written with an en or em dash is a pair.
		{"Semangat terus pasangan Jumadi—Ernawati, siap mengawal sampai menang!", "2029-10-20", `support-call: "sampai menang" → unlisted:calon-jumadi-ernawati`},
		{"Jadwal pemeliharaan jaringan Senin–Rabu di Jl. Juanda–Jl. Pramuka", "2029-10-14", ""},
		// The months before a planned vote are an election season.
		{"Selamat kepada Pak Jumadi yang hari ini resmi mendaftar ke KPU, semoga menang dan amanah", "2029-08-28", `greeting: "semoga menang" → unlisted:calon-jumadi`},
		{"Barakallah pak, sudah resmi terdaftar di KPU. Semoga menang ya pak Hamdan!", "2029-08-29", `support-call: "resmi terdaftar … Semoga … menang" → unlisted:calon-hamdan`},
		{"KPU Kota Samarinda menerima berkas pendaftaran pasangan Fahmi–Rosita, Rabu (29/8).", "2029-08-29", ""},
		{"Mohon doa restu, Ibu Kepala Puskesmas mendaftar beasiswa S2, semoga lolos", "2029-08-10", ""},
		// Volunteers named by a pair's acronym; not disaster volunteers.
		{"Terima kasih Relawan DAME atas bantuan sembako. Relawan selalu ada, warga gak akan lupa", "2029-07-10", `party-service: "Relawan DAME … Terima kasih" → unlisted:relawan-dame`},
		{"Terima kasih Relawan SIBAT PMI yang selalu ada saat banjir", "2029-10-10", ""},
		// Hashtags of a side; a commemoration's hashtag is none.
		{"Kerja bakti bareng warga hari ini, mantap! #HASA2029", "2029-06-10", `campaign-hashtag: "#HASA2029" → unlisted:calon-hasa`},
		{"Selamat Hari Guru Nasional! #HGN2029", "2029-11-25", ""},
		{"Kaltim butuh yang muda dan berani #SYAHRANIuntukKaltim", "2029-04-20", `campaign-hashtag: "#SYAHRANIuntukKaltim" → unlisted:calon-syahrani`},
		{"Jalan sudah mulus, tinggal diteruskan #LanjutkanJumadi", "2029-05-04", `campaign-hashtag: "#LanjutkanJumadi" → unlisted:calon-jumadi`},
		{"Ayo olahraga pagi #TetapSehat", "2029-05-04", ""},
		{"Pak Darwis hadir di Pasar Segiri menyapa pedagang #Kaltim2029", "2029-07-14", `campaign-hashtag: "#Kaltim2029" → unlisted:calon-darwis`},
		{"Selamat Hari Pahlawan! Mari teruskan perjuangan #Samarinda2029", "2029-11-10", ""},
		// An acronym cheered; a test everyone took is no side.
		{"Keluarga besar kami fix sekeluarga HASA semua", "2029-10-09", `support-call: "sekeluarga HASA semua" → unlisted:calon-hasa`},
		{"Alhamdulillah warga RT 07 sudah PCR semua, hasilnya negatif.", "2029-10-10", ""},
		// A finger with a wink at the vote; a team's finger is none.
		{"Salam dua jari ✌️ buat yg tau aja 🤫", "2029-09-10", `hand-sign: "✌" → ballot-2`},
		{"Kompak tiga jari 🤟 dari Karang Asam, buat yang tau aja", "2029-06-15", `hand-sign: "🤟" → ballot-3`},
		{"Tim voli putri pose tiga jari 🤟 usai juara, sampai menang di final ya!", "2029-10-10", ""},
		{"Kerja bakti Minggu pagi, jangan lupa bawa cangkul ✌️", "2029-10-10", ""},
		// Banjar and colloquial support beside a person; a worker's praise is none.
		{"Nang sudah tabukti haja, Pak Hamdan lah urangnya, lanjutakan!", "2029-10-28", `support-praise: "tabukti" → unlisted:calon-hamdan`},
		{"Pak Ahmad petugas kebersihan kita sudah terbukti rajin. Lanjutkan pak!", "2029-10-10", ""},
		{"Pak Lurah tu urangnya baik banar, tiap subuh ada di masjid.", "2029-10-15", ""},
		// Opposition by empty promises or a party's rule feared.
		{"Jgn mau dibohongi janji manis calon yg cuma nongol pas kampanye. Darwis cuma omong doang!", "2029-10-30", `oppose-attack: "janji manis" → unlisted:calon-darwis`},
		{"Jangan mau dibohongi janji manis arisan online, Bu Siti sudah jadi korban.", "2029-10-10", ""},
		{"Kalo Gerindra yg pegang kota ini, habis sudah pasar kita. Jangan sampai kejadian!", "2029-11-01", `oppose-call: "Kalo Gerindra yg pegang" → gerindra`},
		{"Kalo hujan yang turun terus, jangan sampai got mampet ya warga", "2029-10-10", ""},
		// An opinion piece that finds only one side fit; a neutral one.
		{"OPINI | Dari tiga pasangan, hanya Fahmi yang menawarkan program banjir yang masuk akal.", "2029-11-15", `support-praise: "OPINI | … hanya Fahmi" → unlisted:calon-fahmi`},
		// Blind round 16's misses, tuned on after it was scored.
		{"Jangan lagi milih PAN, sudah cukup kita dikecewakan.", "2029-02-02", `oppose-call: "Jangan lagi milih" → pan`},
		{"Jangan lagi pilih makanan berminyak, jaga kesehatan warga.", "2029-10-10", ""},
		{"Catatan Redaksi | Hanya Salmah yang serius menyiapkan program kesehatan desa.", "2029-11-14", `support-praise: "Catatan Redaksi | … Hanya Salmah" → unlisted:calon-salmah`},
		{"Kita jaga terus semangatnya #LanjutSaprudin", "2029-09-19", `campaign-hashtag: "#LanjutSaprudin" → unlisted:calon-saprudin`},
		{"Ayo ramaikan halal bihalal bersama pasangan Gusti-Wahidah, titik kumpul di balai RT 08, konsumsi dan kaos disediakan.", "2029-04-20", `mobilisation: "halal bihalal … ramaikan" → unlisted:calon-gusti-wahidah`},
		{"Bu Siti handak datang ka posyandu, ayo ramaikan timbang balita!", "2029-10-10", ""},
		{"Rumah kami sekeluarga GUWAH semua, fix no debat", "2029-11-19", `support-call: "sekeluarga GUWAH semua" → unlisted:calon-guwah`},
		// Blind round 17's misses and its false breach, tuned on after it was scored.
		{"Relawan KAMI (Komunitas Anak Muda Inspiratif) bersihkan taman kota, terima kasih!", "2029-09-12", ""},
		{"Relawan RATU bagi takjil gratis, semoga Allah balas, warga gak bakal lupa", "2029-03-01", `party-service: "Relawan RATU … gak bakal lupa" → unlisted:relawan-ratu`},
		{"Doa kami menyertai Pak Taufik yang hari ini menyerahkan berkas ke KPU. Semoga sampai ke balai kota", "2029-08-29", `support-call: "menyerahkan berkas … Doa … sampai ke balai kota" → unlisted:calon-taufik`},
		{"Ulun kada handak lagi bapilih Hanura, sudah cukup.", "2029-02-01", `oppose-call: "kada handak lagi bapilih" → hanura`},
		{"Ulun kada handak lagi makan gorengan, sudah cukup.", "2029-02-01", ""},
		{"OPINI | Debat semalam minim gagasan, ketiga pasangan harus lebih konkret.", "2029-11-02", ""},
	}
	checkFrameCases(t, ix, tests)
}

// TestRound8Sets holds round 8's sets to their figures, with no false
// neutrality breach.
func TestRound8Sets(t *testing.T) {
	checkSetFloors(t, testIndex(t), map[string]float64{
		"testdata/partisan_quiet_tune10.jsonl": 0.96, "testdata/partisan_quiet_blind16.jsonl": 0.95, "testdata/partisan_quiet_blind17.jsonl": 0.95, "testdata/partisan_quiet_blind18.jsonl": 0.80,
	})
}

// TestRound8CuesAreEvidence checks round 8's cues on its sets as
// TestCuesAreEvidence does on the earlier ones: each parses, names a known
// rule, quotes words of the post and an actor the post is tagged with.
func TestRound8CuesAreEvidence(t *testing.T) {
	checkCuesAreEvidence(t, testIndex(t), []string{"testdata/partisan_quiet_tune10.jsonl", "testdata/partisan_quiet_blind16.jsonl",
		"testdata/partisan_quiet_blind17.jsonl", "testdata/partisan_quiet_blind18.jsonl"}, 100)
}
