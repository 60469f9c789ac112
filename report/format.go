package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
)

// Languages of the report.
const (
	LangID = "id"
	LangEN = "en"
)

// nbsp keeps a number and its unit on one line.
const nbsp = "\u00a0"

// lang formats numbers, dates and fixed text in one language.
type lang struct {
	code string
}

func newLang(code string) (lang, error) {
	switch code {
	case "", LangID:
		return lang{code: LangID}, nil
	case LangEN:
		return lang{code: LangEN}, nil
	}
	return lang{}, fmt.Errorf("language %q: want id or en", code)
}

func (l lang) id() bool { return l.code == LangID }

// T returns the text for key in l's language.
func (l lang) T(key string) string {
	if s, ok := texts[key]; ok {
		if l.id() {
			return s[0]
		}
		return s[1]
	}
	return key
}

// Int formats n with thousands separators: 1.234 (id), 1,234 (en).
func (l lang) Int(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	sep := "."
	if !l.id() {
		sep = ","
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// Float formats f with one decimal: 12,5 (id), 12.5 (en). Negative numbers
// use the minus sign.
func (l lang) Float(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "n/a"
	}
	f = math.Round(f*10) / 10
	neg := f < 0
	if neg {
		f = -f
	}
	whole := int64(f)
	dec := int64(math.Round((f - float64(whole)) * 10))
	if dec == 10 {
		whole, dec = whole+1, 0
	}
	s := l.Int(whole)
	if l.id() {
		s += "," + strconv.FormatInt(dec, 10)
	} else {
		s += "." + strconv.FormatInt(dec, 10)
	}
	if neg && (whole != 0 || dec != 0) {
		s = "−" + s
	}
	return s
}

// Pct formats a percentage (already ×100): "12,5 %".
func (l lang) Pct(f float64) string { return l.Float(f) + nbsp + "%" }

var (
	monthsID = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	monthsEN = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	daysID   = []string{"Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"}
	daysEN   = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

func (l lang) month(m time.Month) string {
	if l.id() {
		return monthsID[m-1]
	}
	return monthsEN[m-1]
}

func (l lang) weekday(d time.Weekday) string {
	if l.id() {
		return daysID[d]
	}
	return daysEN[d]
}

// WeekLabel is "Minggu 47, 17–23 November 2026" (the range crosses months
// and years where it must).
func (l lang) WeekLabel(w Week) string {
	s, e := w.Start(), w.End().AddDate(0, 0, -1)
	var r string
	switch {
	case s.Year() != e.Year():
		r = fmt.Sprintf("%d %s %d – %d %s %d", s.Day(), l.month(s.Month()), s.Year(), e.Day(), l.month(e.Month()), e.Year())
	case s.Month() != e.Month():
		r = fmt.Sprintf("%d %s – %d %s %d", s.Day(), l.month(s.Month()), e.Day(), l.month(e.Month()), e.Year())
	default:
		r = fmt.Sprintf("%d–%d %s %d", s.Day(), e.Day(), l.month(e.Month()), e.Year())
	}
	return fmt.Sprintf("%s %d, %s", l.T("week"), w.Num, r)
}

// Day is "Sen 17/11".
func (l lang) Day(t time.Time) string {
	t = t.In(clock.WITA)
	return fmt.Sprintf("%s %d/%d", l.weekday(t.Weekday()), t.Day(), int(t.Month()))
}

// Date is "17 November 2026".
func (l lang) Date(t time.Time) string {
	t = t.In(clock.WITA)
	return fmt.Sprintf("%d %s %d", t.Day(), l.month(t.Month()), t.Year())
}

// Time is "Sen 17/11 14:05 WITA".
func (l lang) Time(t time.Time) string {
	t = t.In(clock.WITA)
	return fmt.Sprintf("%s %02d:%02d", l.Day(t), t.Hour(), t.Minute())
}

// HourRange is "Sen 17/11 14:00–16:00", or "Sen 17/11 23:00 – Sel 18/11
// 01:00" across midnight (a range ending at 24:00 shows as 00:00 of the
// same day's end, "Sen 17/11 22:00–00:00").
func (l lang) HourRange(from, to time.Time) string {
	from, to = from.In(clock.WITA), to.In(clock.WITA)
	if last := to.Add(-time.Minute); last.YearDay() != from.YearDay() || last.Year() != from.Year() {
		return fmt.Sprintf("%s %02d:00 – %s %02d:00", l.Day(from), from.Hour(), l.Day(to), to.Hour())
	}
	return fmt.Sprintf("%s %02d:00–%02d:00", l.Day(from), from.Hour(), to.Hour())
}

// MinuteRange is "Kam 19/11 19:59–20:44" (both minutes inclusive), or
// "Kam 19/11 23:50 – Jum 20/11 00:20" across midnight.
func (l lang) MinuteRange(from, to time.Time) string {
	from, to = from.In(clock.WITA), to.In(clock.WITA)
	switch {
	case to.YearDay() != from.YearDay() || to.Year() != from.Year():
		return fmt.Sprintf("%s – %s", l.Time(from), l.Time(to))
	case to.Hour() == from.Hour() && to.Minute() == from.Minute():
		return l.Time(from)
	}
	return fmt.Sprintf("%s–%02d:%02d", l.Time(from), to.Hour(), to.Minute())
}

// texts holds the fixed text of the report: [Indonesian, English].
var texts = map[string][2]string{
	"week":               {"Minggu", "Week"},
	"title":              {"Laporan Mingguan Opini Publik", "Weekly Public Opinion Report"},
	"subtitle":           {"Dengar · Diskominfo Kota Samarinda", "Dengar · Diskominfo, City of Samarinda"},
	"period":             {"Periode", "Period"},
	"generated":          {"Dibuat", "Generated"},
	"s1":                 {"Ringkasan eksekutif", "Executive summary"},
	"s2":                 {"Tren per program", "Trends by program"},
	"s3":                 {"Isu yang naik", "Rising issues"},
	"s4":                 {"Konten bermusuhan dan lonjakannya", "Hostile content and its spikes"},
	"s5":                 {"Pelanggaran netralitas", "Neutrality breaches"},
	"s6":                 {"Sumber dan akun berpengaruh", "Sources and influential accounts"},
	"s7":                 {"Catatan metodologi", "Methodology notes"},
	"kpi.mentions":       {"Total sebutan", "Total mentions"},
	"kpi.index":          {"Indeks sentimen", "Sentiment index"},
	"kpi.hostile":        {"Porsi konten bermusuhan", "Hostile share"},
	"kpi.partisan":       {"Porsi konten partisan", "Partisan share"},
	"kpi.breaches":       {"Pelanggaran netralitas", "Neutrality breaches"},
	"prev":               {"minggu lalu", "last week"},
	"new":                {"baru", "new"},
	"na":                 {"n/a", "n/a"},
	"same":               {"tetap", "unchanged"},
	"points":             {"poin", "pts"},
	"program":            {"Program", "Program"},
	"mentions":           {"Sebutan", "Mentions"},
	"index":              {"Indeks", "Index"},
	"prev.index":         {"Indeks minggu lalu", "Index last week"},
	"change":             {"Perubahan", "Change"},
	"chart.volume":       {"Sebutan per hari per program", "Mentions per day by program"},
	"chart.sentiment":    {"Indeks sentimen harian per program", "Daily sentiment index by program"},
	"chart.hostile":      {"Sebutan bermusuhan per jam menurut jenis", "Hostile mentions per hour by kind"},
	"chart.sources":      {"Porsi sebutan per sumber", "Share of voice by source"},
	"movers":             {"Program dengan pergeseran sentimen terbesar", "Programs whose sentiment moved most"},
	"no.programs":        {"Tidak ada sebutan yang terkait program minggu ini.", "No mention was linked to a program this week."},
	"term":               {"Istilah", "Term"},
	"this.week":          {"Minggu ini", "This week"},
	"base.avg":           {"Rata-rata 4 minggu", "4-week average"},
	"rise":               {"Kenaikan", "Rise"},
	"examples":           {"Contoh unggahan", "Example posts"},
	"no.terms":           {"Tidak ada istilah yang naik secara berarti dibanding empat minggu sebelumnya.", "No term rose markedly against the previous four weeks."},
	"when":               {"Waktu (WITA)", "When (WITA)"},
	"size":               {"Sebutan (puncak)", "Mentions (peak)"},
	"spikes":             {"Lonjakan dan ancaman minggu ini (dari tahap peringatan)", "Spikes and threats this week (from the alert stage)"},
	"about":              {"Tentang", "About"},
	"where":              {"Lokasi", "Where"},
	"no.spikes":          {"Tidak ada lonjakan konten bermusuhan minggu ini.", "There was no spike of hostile content this week."},
	"agency":             {"Instansi / akun", "Agency / account"},
	"level":              {"Tingkat", "Level"},
	"time":               {"Waktu (WITA)", "Time (WITA)"},
	"link":               {"Tautan", "Link"},
	"content":            {"Isi", "Content"},
	"no.breaches":        {"Tidak ada unggahan partisan oleh akun pemerintah minggu ini.", "No partisan post by a government account this week."},
	"unverified":         {"belum terverifikasi", "unverified"},
	"source":             {"Sumber", "Source"},
	"share":              {"Porsi", "Share"},
	"account":            {"Akun", "Account"},
	"kind":               {"Jenis", "Kind"},
	"engagement":         {"Interaksi", "Engagement"},
	"no.accounts":        {"Tidak ada akun dengan interaksi minggu ini.", "No account drew engagement this week."},
	"models":             {"Versi model", "Model versions"},
	"coverage":           {"Cakupan per sumber", "Coverage by source"},
	"days.data":          {"Hari berdata", "Days with data"},
	"status":             {"Status", "Status"},
	"collector.runs":     {"Kesehatan kolektor", "Collector health"},
	"runs":               {"Putaran", "Runs"},
	"failed":             {"Gagal", "Failed"},
	"last.ok":            {"Terakhir berhasil", "Last success"},
	"reading":            {"Cara membaca angka", "How to read the numbers"},
	"no.data.banner":     {"Tidak ada data untuk minggu ini. Angka di bawah bernilai nol karena tidak ada sebutan yang tersimpan, bukan karena opini publik diam.", "There is no data for this week. The figures below are zero because no mention was stored, not because public opinion was silent."},
	"untagged":           {"(tanpa versi)", "(no version)"},
	"none":               {"—", "—"},
	"kind.citizen":       {"warga", "citizen"},
	"kind.government":    {"pemerintah", "government"},
	"kind.media":         {"media", "media"},
	"kind.public_admin":  {"admin publik", "public admin"},
	"kind.unknown":       {"tidak diketahui", "unknown"},
	"level.opd":          {"OPD", "Agency (OPD)"},
	"level.kecamatan":    {"Kecamatan", "District"},
	"level.kelurahan":    {"Kelurahan", "Sub-district"},
	"level.bumd":         {"BUMD", "City company (BUMD)"},
	"level.rt":           {"RT", "Neighbourhood (RT)"},
	"peak":               {"puncak", "peak"},
	"per.hour":           {"per jam", "per hour"},
	"threshold":          {"ambang", "threshold"},
	"page":               {"Halaman", "Page"},
	"mail.attached":      {"Laporan lengkap (PDF) terlampir.", "The full report (PDF) is attached."},
	"breaches.cut":       {"Menampilkan %s pelanggaran pertama dari %s; daftar lengkap ada di dasbor Grafana.", "Showing the first %s of %s breaches; the full list is on the Grafana dashboard."},
	"alerts":             {"Peringatan yang dikirim sistem minggu ini", "Alerts the system raised this week"},
	"scope":              {"Cakupan", "Scope"},
	"severity":           {"Tingkat", "Severity"},
	"alert":              {"Peringatan", "Alert"},
	"observed":           {"Teramati / harapan", "Observed / expected"},
	"collector":          {"Kolektor", "Collector"},
	"last.error":         {"Galat terakhir", "Last error"},
	"source.simulate":    {"simulasi", "simulation"},
	"stance.support":     {"mendukung", "support"},
	"stance.oppose":      {"menentang", "oppose"},
	"stance.mixed":       {"campuran", "mixed"},
	"gap.allsilent":      {"Semua sumber yang biasanya aktif (%s) tidak mengirim data sepanjang minggu: kolektor atau jaringannya kemungkinan mati.", "Every usually active source (%s) sent no data all week: the collectors or their network were probably down."},
	"note.noruns":        {"Tidak ada catatan putaran kolektor untuk minggu ini; kekosongan data dinilai dari volume harian tiap sumber dibanding minggu-minggu sebelumnya.", "No collector run was recorded for this week; gaps are judged from each source's daily volume against the weeks before."},
	"gap.runs.none":      {"Kolektor %s tidak tercatat berjalan sepanjang minggu (empat minggu sebelumnya: %s putaran).", "Collector %s has no recorded run all week (previous four weeks: %s runs)."},
	"cov.silent":         {"tanpa data sepanjang minggu", "no data all week"},
	"cov.gaps":           {"%d hari kosong", "%d empty days"},
	"cov.low":            {"jauh di bawah biasanya", "far below usual"},
	"cov.new":            {"sumber baru", "new source"},
	"cov.ok":             {"normal", "normal"},
	"gap.silent":         {"Sumber %s tidak mengirim data sepanjang minggu (biasanya %s sebutan per minggu): kolektornya kemungkinan mati.", "Source %s sent no data all week (usually %s mentions a week): its collector was probably down."},
	"gap.days":           {"Sumber %s kosong pada: %s.", "Source %s was empty on: %s."},
	"gap.low":            {"Sumber %s hanya %s sebutan, jauh di bawah rata-rata %s per minggu.", "Source %s had only %s mentions, far below its average of %s a week."},
	"gap.runs.all":       {"Kolektor %s gagal pada semua %s putarannya minggu ini (galat terakhir: %s): datanya hilang sepanjang minggu.", "Collector %s failed on all %s of its runs this week (last error: %s): its data is missing for the whole week."},
	"gap.runs.some":      {"Kolektor %s gagal pada %s dari %s putaran.", "Collector %s failed on %s of %s runs."},
	"gap.nothing":        {"Tidak ada sumber yang aktif minggu ini maupun empat minggu sebelumnya.", "No source was active this week or in the four weeks before."},
	"target.individual":  {"individu", "individual"},
	"target.institution": {"lembaga", "institution"},
	"target.group":       {"kelompok", "group"},
	"target.":            {"tidak diketahui", "unknown"},
	"cat.religion":       {"agama", "religion"},
	"cat.race":           {"suku/ras", "ethnicity/race"},
	"cat.gender":         {"gender", "gender"},
	"cat.physical":       {"fisik", "physical"},
	"cat.other":          {"lainnya", "other"},
	"kind.abusive":       {"Kasar", "Abusive"},
	"kind.hate":          {"Ujaran kebencian", "Hate speech"},
	"kind.threat":        {"Ancaman (juga dihitung dalam jenisnya)", "Threats (also counted under their kind)"},
	"hostile.kinds":      {"Jenis konten bermusuhan", "Hostile content by kind"},
	"threats":            {"Ancaman", "Threats"},
	"hostile.targets":    {"Sasaran", "Targets"},
	"hostile.cats":       {"Kategori (dasar serangan)", "Categories (grounds of the attack)"},
	"sev.low":            {"rendah", "low"},
	"sev.medium":         {"sedang", "medium"},
	"sev.high":           {"tinggi", "high"},
	"sev.critical":       {"kritis", "critical"},
	"scope.all":          {"seluruh kota", "whole city"},
	"scope.program":      {"program", "program"},
	"scope.place":        {"wilayah", "area"},
	"ballot":             {"nomor urut", "ballot number"},
	"unlisted":           {"tidak ada di katalog", "not in the catalog"},
	"cues":               {"Isyarat yang menentukan", "Deciding cues"},
	"by.agency":          {"Pelanggaran per instansi minggu ini", "Breaches per agency this week"},
	"breaches.n":         {"Pelanggaran", "Breaches"},
	"no.alerts":          {"Tahap peringatan tidak mencatat peringatan apa pun minggu ini; bila peran alert tidak berjalan, lonjakan tidak dapat dicantumkan.", "The alert stage recorded no alert this week; if the alert role was not running, spikes cannot be listed."},
	"spike.total":        {"sebutan", "mentions"},
	"unfinished":         {"Minggu belum selesai: data sampai %s WITA. Angka akan bertambah sampai minggu berakhir.", "Week not finished: data up to %s WITA. The figures will grow until the week ends."},
	"author.none":        {"akun tanpa nama", "unnamed account"},
	"base.weeks":         {"Rata-rata %d minggu", "%d-week average"},
	"base.weeks.none":    {"Rata-rata minggu sebelumnya", "Average of previous weeks"},
	"issue.phrase":       {"frasa", "phrase"},
	"issue.hashtag":      {"tagar", "hashtag"},
	"issue.entity":       {"nama", "name"},
	"authors":            {"Akun", "Authors"},
	"gaps":               {"Kekosongan data", "Data gaps"},
	"no.gaps":            {"Tidak ada kekosongan data yang terdeteksi.", "No data gap was detected."},
}

// sourceNames are the display names of collector sources.
var sourceNames = map[string]string{
	"x": "X (Twitter)", "facebook": "Facebook", "instagram": "Instagram", "youtube": "YouTube",
	"telegram": "Telegram", "mastodon": "Mastodon", "rss": "RSS", "googlenews": "Google News",
	"tiktok": "TikTok", "webhook": "Webhook", "file": "File",
}

// Source is the display name of a source ("x" → "X (Twitter)"); unknown
// sources keep their id.
func (l lang) Source(id string) string {
	if n, ok := sourceNames[id]; ok {
		return n
	}
	if id == "simulate" {
		return l.T("source.simulate")
	}
	return id
}

// Stance translates a partisan stance.
func (l lang) Stance(s string) string {
	if s == "" {
		return ""
	}
	if t := l.T("stance." + s); t != "stance."+s {
		return t
	}
	return s
}

// postMeta is the line under a quoted post: "Kelurahan Air Hitam
// (@kel.airhitam), Facebook, Sel 17/11 10:32" (a post without any author
// name says so rather than leave a blank).
func postMeta(l lang, p Post) string {
	who := p.Author
	if who == "" {
		who = l.T("author.none")
	}
	if p.Handle != "" {
		who += " (" + p.Handle + ")"
	}
	return who + ", " + p.Source + ", " + p.Time
}

// breachAccount is the agency and account of a breach: its organisation,
// then "@handle · source", and whether the registry lacks it.
func breachAccount(l lang, b Post) string {
	acct := b.Handle
	if acct == "" {
		acct = b.Author
	}
	if acct == "" {
		acct = l.T("author.none")
	}
	s := acct + " · " + b.Source
	org := b.Org
	if org == "" && b.Handle != "" {
		org = b.Author // the account's own name
	}
	if org != "" && org != acct {
		s = org + "\n" + s
	}
	if b.Unverified {
		s += "\n(" + l.T("unverified") + ")"
	}
	return s
}

// baseAvgTitle heads a column of weekly averages over n weeks with data.
func baseAvgTitle(l lang, n int) string {
	switch {
	case n >= 4:
		return fmt.Sprintf(l.T("base.weeks"), 4)
	case n > 0:
		return fmt.Sprintf(l.T("base.weeks"), n) + pick(l.id(), " berdata", " with data")
	}
	return l.T("base.weeks.none")
}

// coverageBase is a source's weekly average, with the weeks it is taken
// over when fewer than four.
func coverageBase(l lang, c Coverage) string {
	s := l.Float(c.WeeklyBase)
	if c.BaseWeeks > 0 && c.BaseWeeks < 4 {
		s += fmt.Sprintf(pick(l.id(), " (%d mgg)", " (%d wk)"), c.BaseWeeks)
	}
	return s
}

// spikeSize is a spike's count and its peak: "91\n(puncak 73 / 60 mnt)".
func spikeSize(l lang, s Spike) string {
	return fmt.Sprintf("%s\n(%s %s / %d %s)", l.Int(s.Total), l.T("peak"), l.Int(s.Peak), s.PeakMinutes, pick(l.id(), "mnt", "min"))
}

// spikeWhat is what the alert says it is and where, and its severity.
func spikeWhat(l lang, s Spike) string {
	t := s.Title
	if strings.HasPrefix(t, "[") {
		if i := strings.Index(t, "] "); i > 0 {
			t = t[i+2:]
		}
	}
	return t + "\n" + l.T("severity") + ": " + s.Severity
}
