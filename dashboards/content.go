package dashboards

import (
	"strings"

	"github.com/grafana/grafana-foundation-sdk/go/dashboard"

	"github.com/dengar-id/dengar/mention"
)

// Indonesian display names for stored English labels (sentiment and
// hostility: mention.LabelNames).
var (
	sentimentID = labelNames("sentiment", mention.SentimentPositive, mention.SentimentNeutral, mention.SentimentNegative)
	hostilityID = labelNames("hostility", mention.HostilityAbusive, mention.HostilityHate)
)

// labelNames is the SQL that shows the labels of col by their names.
func labelNames(col string, labels ...string) string {
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = mention.LabelNames[l]
	}
	list := func(ss []string) string { return "['" + strings.Join(ss, "', '") + "']" }
	return "transform(" + col + ", " + list(labels) + ", " + list(names) + ", " + col + ")"
}

const (
	levelID    = "transform(author_level, ['opd', 'kecamatan', 'kelurahan', 'bumd', 'rt', ''], ['OPD', 'Kecamatan', 'Kelurahan', 'BUMD', 'RT', 'tidak diketahui'], author_level)"
	categoryID = "transform(kategori_en, ['religion', 'race', 'physical', 'gender', 'other'], ['agama', 'suku/ras', 'fisik', 'gender', 'lainnya'], kategori_en)"
	targetID   = "transform(hostility_target, ['individual', 'institution', 'group', ''], ['individu', 'lembaga', 'kelompok', 'tidak diketahui'], hostility_target)"
)

// Common variables: program, source and place, each multi-valued with All.
func (k *kit) commonVariables(b *dashboard.DashboardBuilder) *dashboard.DashboardBuilder {
	return b.
		WithVariable(k.variable("program", "Program", "Program kota yang disebut", sqlVarProgram, true)).
		WithVariable(k.variable("source", "Sumber", "Sumber data (RSS, YouTube, X, ...)", sqlVarSource, true)).
		WithVariable(k.variable("place", "Kecamatan", "Wilayah yang disebut dalam unggahan. Bila kecamatan dipilih, grafik tren tidak lagi dipilah per sumber.", sqlVarPlace, true))
}

func ringkasan(k *kit) *dashboard.DashboardBuilder {
	b := k.commonVariables(newDashboard(UIDRingkasan, "Dengar — Ringkasan",
		"Gambaran umum percakapan publik tentang program Kota Samarinda: volume, sentimen, porsi suara, konten bermusuhan dan pelanggaran netralitas."))
	return b.
		WithPanel(k.single("Jumlah sebutan", "Jumlah unggahan, komentar dan berita yang menyebut program kota dalam rentang waktu.", sqlRingkasanTotal, "short", 5, 4)).
		WithPanel(k.single("Penulis unik", "Jumlah akun berbeda yang menulis (warga dihitung dengan nama samaran).", sqlRingkasanAuthors, "short", 5, 4)).
		WithPanel(k.single("Sentimen negatif", "Porsi sebutan bersentimen negatif.", sqlRingkasanNegative, "percentunit", 5, 4,
			step{nil, "green"}, step{at(0.3), "orange"}, step{at(0.5), "red"})).
		WithPanel(k.single("Konten bermusuhan", "Porsi sebutan yang kasar atau mengandung ujaran kebencian.", sqlRingkasanHostileShare, "percentunit", 5, 4,
			step{nil, "green"}, step{at(0.05), "orange"}, step{at(0.15), "red"})).
		WithPanel(k.single("Pelanggaran netralitas", "Unggahan partisan oleh akun pemerintah (OPD, kecamatan, kelurahan, BUMD, RT).", sqlRingkasanBreaches, "short", 4, 4,
			step{nil, "green"}, step{at(1), "red"})).
		WithPanel(k.timeSeries("Volume sebutan per sumber", "Jumlah sebutan per interval, per sumber data.", sqlRingkasanVolume, "short", 12, 8, true)).
		WithPanel(k.timeSeries("Tren sentimen", "Jumlah sebutan positif, netral dan negatif per interval.", sqlRingkasanSentiment, "short", 12, 8, true)).
		WithPanel(k.pie("Porsi suara per program", "Bagian setiap program dari seluruh sebutan. Klik sebuah program untuk membuka dasbor Program.", sqlRingkasanShareOfVoice, "short", 8, 9).
			DataLinks(linkTo("Buka dasbor program ${__data.fields.program}", UIDProgram, "var-program=${__data.fields.program}"))).
		WithPanel(k.timeSeries("Porsi konten bermusuhan", "Porsi sebutan yang kasar atau berisi ujaran kebencian per interval.", sqlRingkasanHostileTrend, "percentunit", 16, 9, false)).
		WithPanel(k.list("Pelanggaran netralitas terbaru", "Unggahan partisan terbaru oleh akun pemerintah, dengan tautan ke unggahan asli.", sqlRingkasanLatestBreaches, 24, 9, nil)).
		WithPanel(k.list("Versi model", "Versi model penanda yang memberi label sebutan setiap hari (WITA). Setelah `dengar retag` sebuah periode menampilkan versi barunya; koreksi manusia tetap berlaku di atasnya.", sqlRingkasanModels, 24, 6, nil))
}

func bermusuhan(k *kit) *dashboard.DashboardBuilder {
	b := k.commonVariables(newDashboard(UIDBermusuhan, "Dengar — Konten Bermusuhan",
		"Konten kasar (hinaan kepada orang atau lembaga), ujaran kebencian (serangan terhadap kelompok: SARA, gender, disabilitas) dan ancaman: volume per jenis, porsi, sasaran, kategori, lonjakan dan wilayah. Warga ditampilkan dengan nama samaran."))
	return b.
		WithPanel(k.timeSeries("Volume konten bermusuhan", "Sebutan per interval menurut jenis: kasar, ujaran kebencian, dan ancaman (ancaman juga dihitung dalam jenisnya).", sqlHostileVolume, "short", 12, 8, true)).
		WithPanel(k.timeSeries("Porsi konten bermusuhan", "Porsi sebutan yang bermusuhan (kasar atau ujaran kebencian) dari seluruh sebutan per interval.", sqlHostileShare, "percentunit", 8, 8, false)).
		WithPanel(k.single("Ancaman", "Sebutan berisi ancaman atau hasutan kekerasan dalam rentang waktu. Setiap ancaman juga dikirim sebagai peringatan.", sqlHostileThreats, "short", 4, 8,
			step{nil, "green"}, step{at(1), "red"})).
		WithPanel(k.pie("Kategori", "Dasar serangan konten bermusuhan: agama, suku/ras, gender, fisik, lainnya.", sqlHostileCategories, "short", 8, 8)).
		WithPanel(k.bars("Sasaran", "Siapa yang diserang: individu, lembaga, atau kelompok.", sqlHostileTargets, "short", "sasaran", 8, 8, false)).
		WithPanel(k.bars("Menurut kecamatan", "Konten bermusuhan per wilayah yang disebut.", sqlHostileByPlace, "short", "wilayah", 8, 8, false)).
		WithPanel(k.list("Lonjakan", "Peringatan lonjakan konten bermusuhan dan ancaman dari tahap alert. Mulai–selesai: sebutan pertama sampai terakhir lonjakan; sebutan: jumlahnya dalam rentang itu (angka yang sama dengan pesan peringatan); puncak: terbanyak dalam satu jendela peringatan.", sqlHostileSpikes, 24, 7, map[string]string{"rasio": "x"})).
		WithPanel(k.list("Unggahan paling bermusuhan", "Unggahan dengan skor permusuhan tertinggi. Warga ditampilkan dengan nama samaran (warga-…).", sqlHostileTop, 24, 10, map[string]string{"skor": "percentunit"}))
}

func netralitas(k *kit) *dashboard.DashboardBuilder {
	b := k.commonVariables(newDashboard(UIDNetralitas, "Dengar — Netralitas",
		"Unggahan partisan oleh akun pemerintah (pelanggaran netralitas), menurut instansi dan tingkat, dengan tautan ke unggahan asli."))
	return b.
		WithPanel(k.single("Pelanggaran netralitas", "Jumlah unggahan partisan oleh akun pemerintah.", sqlBreachCount, "short", 8, 4,
			step{nil, "green"}, step{at(1), "red"})).
		WithPanel(k.single("Akun pemerintah terlibat", "Jumlah akun pemerintah berbeda yang melanggar.", sqlBreachAccounts, "short", 8, 4,
			step{nil, "green"}, step{at(1), "orange"})).
		WithPanel(k.single("Belum terverifikasi", "Pelanggaran oleh akun yang belum ada di daftar akun pemerintah (dikenali dari profilnya).", sqlBreachUnverified, "short", 8, 4,
			step{nil, "green"}, step{at(1), "orange"})).
		WithPanel(k.timeSeries("Unggahan partisan akun pemerintah", "Unggahan partisan oleh akun pemerintah terdaftar dan seluruh pelanggaran netralitas (termasuk akun yang belum terverifikasi) per interval.", sqlBreachTrend, "short", 24, 8, false)).
		WithPanel(k.bars("Menurut instansi", "Instansi dengan pelanggaran terbanyak.", sqlBreachByAgency, "short", "instansi", 12, 9, false)).
		WithPanel(k.pie("Menurut tingkat", "Pelanggaran per tingkat: OPD, kecamatan, kelurahan, BUMD, RT.", sqlBreachByLevel, "short", 12, 9)).
		WithPanel(k.list("Daftar pelanggaran", "Setiap unggahan partisan oleh akun pemerintah, terbaru dahulu, dengan entri akun di registri (instansi, tingkat) dan isyarat yang menentukan (aturan: \"kata-kata unggahan\" → pihak).", sqlBreachList, 24, 12, nil))
}

func program(k *kit) *dashboard.DashboardBuilder {
	b := newDashboard(UIDProgram, "Dengar — Program",
		"Satu program dalam satu waktu: sentimen, istilah yang sedang naik, sumber, wilayah dan contoh unggahan.").
		WithVariable(k.variable("program", "Program", "Program yang ditampilkan", sqlVarProgram, false)).
		WithVariable(k.variable("source", "Sumber", "Sumber data", sqlVarSource, true)).
		WithVariable(k.variable("place", "Kecamatan", "Wilayah yang disebut", sqlVarPlace, true))
	return b.
		WithPanel(k.single("Sebutan", "Jumlah sebutan program ini.", sqlProgramTotal, "short", 6, 4)).
		WithPanel(k.single("Sentimen bersih", "(positif − negatif) ÷ semua sebutan: dari −100% sampai +100%.", sqlProgramNet, "percentunit", 6, 4,
			step{nil, "red"}, step{at(-0.1), "orange"}, step{at(0.1), "green"})).
		WithPanel(k.single("Penulis unik", "Jumlah akun berbeda yang menyebut program ini.", sqlProgramAuthors, "short", 6, 4)).
		WithPanel(k.single("Keterlibatan", "Jumlah suka, balasan dan bagikan.", sqlProgramEngagement, "short", 6, 4)).
		WithPanel(k.timeSeries("Sentimen dari waktu ke waktu", "Sebutan positif, netral dan negatif per interval.", sqlProgramSentiment, "short", 16, 9, true)).
		WithPanel(k.list("Istilah yang sedang naik", "Kata dan tagar yang paling naik dibanding periode sebelumnya yang sama panjang, per hari (WITA); tidak dipilah per sumber atau kecamatan.", sqlProgramRisingTerms, 8, 9, nil)).
		WithPanel(k.bars("Sumber", "Sebutan per sumber data dan sentimen.", sqlProgramSources, "short", "sumber", 12, 8, true)).
		WithPanel(k.bars("Wilayah", "Sebutan per wilayah yang disebut.", sqlProgramPlaces, "short", "wilayah", 12, 8, false)).
		WithPanel(k.list("Contoh unggahan", "20 unggahan dengan keterlibatan tertinggi di antara 500 sebutan terbaru program ini. Warga ditampilkan dengan nama samaran.", sqlProgramExamples, 24, 10, nil))
}

func sumber(k *kit) *dashboard.DashboardBuilder {
	b := newDashboard(UIDSumber, "Dengar — Kesehatan Sumber Data",
		"Kesehatan kolektor: kesegaran data, item per jam, galat dan kuota API per sumber.").
		WithVariable(k.variable("source", "Sumber", "Sumber data", sqlVarSourceRuns, true))
	return b.
		WithPanel(colorBy(k.list("Kesegaran per sumber", "Waktu sejak kolektor terakhir berhasil berjalan: kuning lewat 30 menit, merah lewat satu jam.", sqlSourceFreshness, 12, 8,
			map[string]string{"umur_detik": "s"}), "umur_detik", step{nil, "green"}, step{at(1800), "yellow"}, step{at(3600), "red"})).
		WithPanel(colorBy(k.list("Kuota API", "Sisa kuota API menurut laporan terakhir tiap kolektor (sumber tanpa kuota tidak ditampilkan).", sqlSourceQuota, 12, 8, nil),
			"sisa_kuota", step{nil, "red"}, step{at(100), "orange"}, step{at(1000), "green"})).
		WithPanel(k.timeSeries("Item per jam", "Jumlah item yang dikumpulkan per interval, per sumber.", sqlSourceItems, "short", 12, 8, true)).
		WithPanel(k.timeSeries("Galat", "Jumlah galat kolektor per interval, per sumber.", sqlSourceErrors, "short", 12, 8, true)).
		WithPanel(k.list("Galat terakhir", "Pesan galat terbaru dari kolektor.", sqlSourceLastErrors, 24, 8, nil))
}
