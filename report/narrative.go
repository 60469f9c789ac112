package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/stopwords"
	"github.com/dengar-id/dengar/store"
)

// Arrows of the change column.
const (
	arrowUp   = "▲"
	arrowDown = "▼"
)

type change struct {
	dir  int
	pct  float64
	text string
	ok   bool // a comparison exists
}

// countChange compares two counts in percent. A zero baseline gives "baru"
// (something from nothing) or "tetap" (nothing both weeks), never an
// infinite percentage.
func countChange(l lang, cur, prev float64) change {
	switch {
	case prev == 0 && cur == 0:
		return change{text: l.T("same"), ok: true}
	case prev == 0:
		return change{dir: 1, text: l.T("new")}
	}
	p := round1((cur - prev) / prev * 100)
	switch {
	case p > 0:
		return change{dir: 1, pct: p, text: arrowUp + " " + l.Pct(p), ok: true}
	case p < 0:
		return change{dir: -1, pct: p, text: arrowDown + " " + l.Pct(-p), ok: true}
	}
	return change{text: l.T("same"), ok: true}
}

// pointChange compares two indices or shares in points; n/a when either
// week has no value.
func pointChange(l lang, cur float64, curOK bool, prev float64, prevOK bool) change {
	if !curOK || !prevOK {
		return change{text: l.T("na")}
	}
	d := round1(cur - prev)
	switch {
	case d > 0:
		return change{dir: 1, pct: d, text: arrowUp + " " + l.Float(d) + nbsp + l.T("points"), ok: true}
	case d < 0:
		return change{dir: -1, pct: d, text: arrowDown + " " + l.Float(-d) + nbsp + l.T("points"), ok: true}
	}
	return change{text: l.T("same"), ok: true}
}

func kpis(l lang, c, p store.ReportTotals) []KPI {
	boolp := func(b bool) *bool { return &b }
	mk := func(key string, goodUp *bool, cur float64, curOK bool, prev float64, prevOK bool, disp func(float64) string, ch change) KPI {
		k := KPI{Key: key, Label: l.T("kpi." + key), Value: cur, Valid: curOK, Prev: prev, PrevValid: prevOK, Dir: ch.dir, Change: ch.text}
		k.Display, k.PrevText = l.T("na"), l.T("na")
		if curOK {
			k.Display = disp(cur)
		}
		if prevOK {
			k.PrevText = disp(prev)
		}
		if goodUp != nil && ch.dir != 0 {
			k.Good = boolp((ch.dir > 0) == *goodUp)
		}
		return k
	}
	intf := func(f float64) string { return l.Int(int64(f)) }
	idx, idxOK := index(c.Positive, c.Negative, c.Mentions)
	pidx, pidxOK := index(p.Positive, p.Negative, p.Mentions)
	hs, hsOK := share(c.Hostile, c.Mentions)
	phs, phsOK := share(p.Hostile, p.Mentions)
	ps, psOK := share(c.Partisan, c.Mentions)
	pps, ppsOK := share(p.Partisan, p.Mentions)
	signed := func(f float64) string {
		if f > 0 {
			return "+" + l.Float(f)
		}
		return l.Float(f)
	}
	return []KPI{
		mk("mentions", nil, float64(c.Mentions), true, float64(p.Mentions), true, intf, countChange(l, float64(c.Mentions), float64(p.Mentions))),
		mk("index", boolp(true), idx, idxOK, pidx, pidxOK, signed, pointChange(l, idx, idxOK, pidx, pidxOK)),
		mk("hostile", boolp(false), hs, hsOK, phs, phsOK, l.Pct, pointChange(l, hs, hsOK, phs, phsOK)),
		mk("partisan", boolp(false), ps, psOK, pps, ppsOK, l.Pct, pointChange(l, ps, psOK, pps, ppsOK)),
		mk("breaches", boolp(false), float64(c.Breaches), true, float64(p.Breaches), true, intf, countChange(l, float64(c.Breaches), float64(p.Breaches))),
	}
}

// sentences writes the executive summary from the numbers: three to five
// plain sentences whose wording follows the direction and size of each
// move.
func sentences(l lang, r *Report) []string {
	c, p := r.Summary.Current, r.Summary.Previous
	id := l.id()
	var out []string
	if r.NoData {
		if id {
			out = append(out, "Tidak ada sebutan yang tersimpan untuk minggu ini, sehingga laporan ini tidak dapat menggambarkan opini publik.")
		} else {
			out = append(out, "No mention was stored for this week, so this report cannot describe public opinion.")
		}
		switch {
		case len(r.Method.Gaps) > 0 && r.Issues.BaselineMentions > 0:
			if id {
				out = append(out, fmt.Sprintf("Empat minggu sebelumnya tercatat %s sebutan; kekosongan ini kemungkinan besar karena kolektor tidak berjalan, bukan karena warga diam (lihat Catatan metodologi).", l.Int(r.Issues.BaselineMentions)))
			} else {
				out = append(out, fmt.Sprintf("The four weeks before held %s mentions; the gap most likely comes from collectors that did not run, not from a silent public (see Methodology notes).", l.Int(r.Issues.BaselineMentions)))
			}
		default:
			if id {
				out = append(out, "Empat minggu sebelumnya juga tanpa data: sistem kemungkinan belum berjalan pada periode ini.")
			} else {
				out = append(out, "The four weeks before hold no data either: the system was probably not running in this period.")
			}
		}
		if p.Mentions > 0 {
			if id {
				out = append(out, fmt.Sprintf("Sebagai pembanding, minggu lalu tercatat %s sebutan.", l.Int(p.Mentions)))
			} else {
				out = append(out, fmt.Sprintf("For comparison, last week held %s mentions.", l.Int(p.Mentions)))
			}
		}
		return out
	}

	// 1. Volume.
	vc := countChange(l, float64(c.Mentions), float64(p.Mentions))
	switch {
	case !vc.ok:
		if id {
			out = append(out, fmt.Sprintf("Minggu ini tercatat %s sebutan; minggu lalu tidak ada data sebagai pembanding.", l.Int(c.Mentions)))
		} else {
			out = append(out, fmt.Sprintf("This week held %s mentions; last week has no data to compare with.", l.Int(c.Mentions)))
		}
	case math.Abs(vc.pct) < 2:
		if id {
			out = append(out, fmt.Sprintf("Minggu ini tercatat %s sebutan, relatif stabil dibanding minggu lalu (%s).", l.Int(c.Mentions), l.Int(p.Mentions)))
		} else {
			out = append(out, fmt.Sprintf("This week held %s mentions, about the same as last week (%s).", l.Int(c.Mentions), l.Int(p.Mentions)))
		}
	default:
		out = append(out, fmt.Sprintf(pick(id, "Minggu ini tercatat %s sebutan, %s %s dari minggu lalu (%s).", "This week held %s mentions, %s %s from last week (%s)."),
			l.Int(c.Mentions), moveWord(id, vc.pct, 10, 50), l.Pct(math.Abs(vc.pct)), l.Int(p.Mentions)))
	}

	// 2. Sentiment.
	idx, _ := index(c.Positive, c.Negative, c.Mentions)
	pidx, pok := index(p.Positive, p.Negative, p.Mentions)
	lean := pick(id, "berimbang antara positif dan negatif", "balanced between positive and negative")
	switch {
	case idx >= 10:
		lean = pick(id, "cenderung positif", "leaning positive")
	case idx <= -10:
		lean = pick(id, "cenderung negatif", "leaning negative")
	}
	idxS := l.Float(idx)
	if idx > 0 {
		idxS = "+" + idxS
	}
	sent := fmt.Sprintf(pick(id, "Indeks sentimen %s, %s", "The sentiment index is %s, %s"), idxS, lean)
	if pok {
		d := round1(idx - pidx)
		switch {
		case d >= 1:
			sent += fmt.Sprintf(pick(id, ", dan %s %s poin dari minggu lalu.", ", and %s by %s points from last week."), moveWordSent(id, d), l.Float(d))
		case d <= -1:
			sent += fmt.Sprintf(pick(id, ", dan %s %s poin dari minggu lalu.", ", and %s by %s points from last week."), moveWordSent(id, d), l.Float(-d))
		default:
			sent += pick(id, ", hampir sama dengan minggu lalu.", ", nearly the same as last week.")
		}
	} else {
		sent += "."
	}
	out = append(out, sent)

	// 3. Hostility, by kind, and spikes.
	hs, _ := share(c.Hostile, c.Mentions)
	phs, phok := share(p.Hostile, p.Mentions)
	h := fmt.Sprintf(pick(id, "Konten bermusuhan mencakup %s sebutan", "Hostile content made up %s of mentions"), l.Pct(hs))
	if phok {
		h += fmt.Sprintf(pick(id, " (minggu lalu %s)", " (last week %s)"), l.Pct(phs))
	}
	k := r.Spikes.Kinds
	if k.Abusive+k.Hate > 0 {
		h += fmt.Sprintf(pick(id, ": %s kasar dan %s ujaran kebencian", ": %s abusive and %s hate speech"), l.Int(k.Abusive), l.Int(k.Hate))
		if k.Threats > 0 {
			h += fmt.Sprintf(pick(id, ", termasuk %s ancaman", ", including %s threats"), l.Int(k.Threats))
		}
	}
	var spikes []Spike
	threats := 0
	for _, s := range r.Spikes.Spikes {
		if s.Family == alert.FamilyThreat {
			threats++
		} else {
			spikes = append(spikes, s)
		}
	}
	switch n := len(spikes); {
	case n == 0 && !r.Spikes.AlertsRecorded:
		h += pick(id, "; tahap peringatan tidak mencatat apa pun minggu ini", "; the alert stage recorded nothing this week")
	case n == 0:
		h += pick(id, ", tanpa lonjakan", ", with no spike")
	default:
		big := spikes[0]
		for _, s := range spikes {
			if s.Total > big.Total {
				big = s
			}
		}
		what := fmt.Sprintf(pick(id, "%s sebutan di %s", "%s mentions, %s"), l.Int(big.Total), big.Scope)
		if n == 1 {
			h += fmt.Sprintf(pick(id, ", dengan satu lonjakan pada %s (%s)", ", with one spike on %s (%s)"), big.When, what)
		} else {
			h += fmt.Sprintf(pick(id, ", dengan %d lonjakan; yang terbesar pada %s (%s)", ", with %d spikes; the largest on %s (%s)"), n, big.When, what)
		}
	}
	if threats > 0 {
		h += fmt.Sprintf(pick(id, "; tahap peringatan mengirim %d peringatan ancaman", "; the alert stage sent %d threat alerts"), threats)
	}
	h += "."
	out = append(out, h)

	// 4. Partisanship and neutrality.
	ps, _ := share(c.Partisan, c.Mentions)
	var pn string
	if c.Breaches == 0 {
		pn = fmt.Sprintf(pick(id, "Konten partisan mencakup %s sebutan, dan tidak ada unggahan partisan dari akun pemerintah", "Partisan content made up %s of mentions, and no government account posted partisan content"), l.Pct(ps))
		if p.Breaches > 0 {
			pn += fmt.Sprintf(pick(id, " (minggu lalu %s pelanggaran).", " (last week: %s breaches)."), l.Int(p.Breaches))
		} else {
			pn += "."
		}
	} else {
		pn = fmt.Sprintf(pick(id, "Konten partisan mencakup %s sebutan; %s unggahan akun pemerintah (%d akun) tercatat sebagai pelanggaran netralitas", "Partisan content made up %s of mentions; %s posts by government accounts (%d accounts) were neutrality breaches"), l.Pct(ps), l.Int(c.Breaches), len(r.BreachesByAgency))
		switch {
		case p.Breaches == 0:
			pn += pick(id, ", padahal minggu lalu tidak ada.", ", where last week had none.")
		case c.Breaches > p.Breaches:
			pn += fmt.Sprintf(pick(id, ", lebih banyak dari minggu lalu (%s).", ", more than last week (%s)."), l.Int(p.Breaches))
		case c.Breaches < p.Breaches:
			pn += fmt.Sprintf(pick(id, ", lebih sedikit dari minggu lalu (%s).", ", fewer than last week (%s)."), l.Int(p.Breaches))
		default:
			pn += pick(id, ", sama dengan minggu lalu.", ", as many as last week.")
		}
	}
	out = append(out, pn)

	// 5. The program that moved most.
	// A program's move is news only when it is large (≥ 5 index points);
	// otherwise name the most discussed program.
	if len(r.Programs.Movers) > 0 && math.Abs(r.Programs.Movers[0].Delta) >= 5 {
		m := r.Programs.Movers[0]
		out = append(out, fmt.Sprintf(pick(id, "Sentimen terhadap program %s bergeser paling jauh: indeksnya %s dari %s menjadi %s.", "Sentiment on the %s program moved most: its index %s from %s to %s."),
			m.Name, moveWordSent(id, m.Delta), signed(l, m.PrevIndex), signed(l, m.WeekIndex)))
	} else if len(r.Programs.Series) > 0 {
		s := r.Programs.Series[0]
		out = append(out, fmt.Sprintf(pick(id, "Program yang paling banyak dibicarakan adalah %s (%s sebutan, indeks %s).", "The most discussed program was %s (%s mentions, index %s)."),
			s.Name, l.Int(s.Total), signed(l, s.WeekIndex)))
	}
	return out
}

func pick(id bool, a, b string) string {
	if id {
		return a
	}
	return b
}

// moveWord names a percentage move by its direction and size.
func moveWord(id bool, pct, mid, big float64) string {
	a := math.Abs(pct)
	switch {
	case pct > 0 && a >= big:
		return pick(id, "naik tajam", "up sharply")
	case pct > 0 && a >= mid:
		return pick(id, "naik", "up")
	case pct > 0:
		return pick(id, "sedikit naik", "slightly up")
	case a >= big:
		return pick(id, "turun tajam", "down sharply")
	case a >= mid:
		return pick(id, "turun", "down")
	}
	return pick(id, "sedikit turun", "slightly down")
}

// moveWordSent names a sentiment index move (in points).
func moveWordSent(id bool, d float64) string {
	a := math.Abs(d)
	switch {
	case d > 0 && a >= 20:
		return pick(id, "membaik tajam", "improved sharply")
	case d > 0:
		return pick(id, "membaik", "improved")
	case a >= 20:
		return pick(id, "memburuk tajam", "worsened sharply")
	}
	return pick(id, "memburuk", "worsened")
}

func notes(l lang, r *Report, runsAvailable bool) []string {
	id := l.id()
	var out []string
	total := r.Summary.Current.Mentions
	var tagged int64
	for _, m := range r.Method.Models {
		if m.Key != l.T("untagged") {
			tagged += m.Count
		}
	}
	if total > 0 {
		sh, _ := share(tagged, total)
		out = append(out, fmt.Sprintf(pick(id, "Cakupan: %s sebutan dari %d sumber; %s di antaranya diberi label oleh model.", "Coverage: %s mentions from %d sources; %s of them were tagged by a model."),
			l.Int(total), len(r.Sources.Shares), l.Pct(sh)))
	}
	if runsAvailable && len(r.Method.Runs) == 0 {
		out = append(out, l.T("note.noruns"))
	}
	if !runsAvailable {
		out = append(out, pick(id, "Catatan putaran kolektor belum tersedia di basis data ini; kekosongan data dinilai dari volume harian tiap sumber dibanding minggu-minggu sebelumnya.",
			"Collector run records are not available in this database; gaps are judged from each source's daily volume against the weeks before."))
	}
	out = append(out,
		pick(id, "Sebutan adalah unggahan, komentar, artikel atau pesan publik yang menyebut kota atau programnya; unggahan yang dikumpulkan ulang dihitung sekali. Satu unggahan dapat menyebut beberapa program, sehingga jumlah per program dapat melebihi total sebutan.",
			"A mention is a public post, comment, article or message about the city or its programs; a re-collected post counts once. One post can name several programs, so the counts per program can add up to more than the total."),
		pick(id, "Indeks sentimen = (positif − negatif) / total × 100, dari −100 (semua negatif) sampai +100 (semua positif); perubahannya ditulis dalam poin.",
			"Sentiment index = (positive − negative) / total × 100, from −100 (all negative) to +100 (all positive); its change is given in points."),
		pick(id, "Porsi bermusuhan dan partisan adalah persentase sebutan; perubahannya dalam poin persentase. Perubahan jumlah dalam persen; \"baru\" berarti minggu lalu nol.",
			"Hostile and partisan shares are percentages of mentions; their change is in percentage points. Changes of counts are in percent; \"new\" means last week was zero."),
		pick(id, "Konten bermusuhan: kasar = hinaan, makian atau sebutan merendahkan kepada orang atau lembaga; ujaran kebencian = serangan terhadap kelompok (atau orang karena kelompoknya) atas dasar suku, agama, ras, asal, gender atau disabilitas; ancaman = niat atau hasutan kekerasan, dihitung juga dalam jenisnya. Kritik keras dan keluhan bukan konten bermusuhan.",
			"Hostile content: abusive = insults, profanity or degrading names aimed at a person or an institution; hate speech = attacks on a group (or a person as its member) for ethnicity, religion, race, origin, gender or disability; threats = intent or incitement to violence, also counted under their kind. Harsh criticism and complaints are not hostile."),
		pick(id, "Lonjakan: dideteksi tahap peringatan, menit demi menit, terhadap jam yang sama pada minggu-minggu sebelumnya. Rentang lonjakan berjalan dari sebutan pertama sampai terakhir dari rangkaian yang memicu peringatan, dan jumlahnya adalah sebutan (bermusuhan, atau ancaman) dalam cakupan peringatan pada rentang itu — angka yang sama dengan pesan peringatan. Puncak = sebutan terbanyak dalam satu jendela peringatan (5, 15 atau 60 menit).",
			"Spikes: detected by the alert stage, minute by minute, against the same hour of the weeks before. A spike runs from the first to the last post of the run that fired the alert, and its count is the (hostile, or threatening) mentions in the alert's scope in that span — the same figure as the alert's message. Peak = the most mentions in one alert window (5, 15 or 60 minutes)."),
		pick(id, "Isu yang naik: frasa (dua atau tiga kata isi berurutan), tagar, dan nama tempat, instansi atau aktor politik dari katalog, yang dipakai minimal 5 sebutan dari minimal 3 akun, minimal dua kali lipat (dengan penghalusan +1) dan minimal 3 sebutan lebih banyak dari rata-rata mingguannya sendiri. Kata tunggal yang umum tidak dihitung sebagai isu.",
			"Rising issues: phrases (two or three content words in a row), hashtags, and names of places, agencies or political actors from the catalog, used by at least 5 mentions from at least 3 accounts, at least twice as often (smoothed by +1) and by at least 3 more mentions than their own weekly average. Single common words are not issues."),
		baseWeeksNote(l, r),
		privacyNote(l, r),
		pick(id, "Label berasal dari model otomatis dan dapat keliru pada kasus tunggal; gunakan angka untuk melihat arah, dan periksa contoh unggahan sebelum bertindak.",
			"Labels come from automatic models and can be wrong on single cases; use the numbers for direction and check the example posts before acting."),
	)
	return out
}

// baseWeeksNote says over how many weeks the weekly averages are taken.
func baseWeeksNote(l lang, r *Report) string {
	n := r.Issues.BaseWeeks
	if n >= 4 {
		return pick(l.id(), "Rata-rata mingguan (isu dan cakupan sumber) dihitung dari empat minggu sebelumnya.",
			"Weekly averages (issues, source coverage) are taken over the four weeks before.")
	}
	return fmt.Sprintf(pick(l.id(), "Rata-rata mingguan dihitung hanya dari minggu yang berdata: %d dari empat minggu sebelumnya (untuk tiap sumber: minggu yang sumber itu berdata, lihat kolom Cakupan).",
		"Weekly averages are taken over the weeks with data only: %d of the four weeks before (for each source: the weeks it had data, see Coverage)."), n)
}

// privacyNote says how citizens appear and which posts have links.
func privacyNote(l lang, r *Report) string {
	if r.OriginalLinks {
		return pick(l.id(), "Akun warga disamarkan (warga-…). Laporan ini memuat tautan asli yang dapat menampilkan nama akun warga: hanya untuk pembaca yang berwenang, jangan diteruskan.",
			"Citizen accounts are pseudonymised (warga-…). This report holds original links that can show citizens' handles: for authorised readers only, do not forward.")
	}
	return pick(l.id(), "Akun warga disamarkan (warga-…) dan tautan unggahan warga tidak memuat nama akunnya; unggahan yang platformnya tidak punya tautan tanpa nama akun ditampilkan tanpa tautan.",
		"Citizen accounts are pseudonymised (warga-…) and links to citizens' posts hold no handle; posts whose platform has no link without the handle are shown without a link.")
}

// keepTerm drops stopwords, numbers, very short words and URL parts.
func keepTerm(t string) bool {
	w := strings.TrimPrefix(t, "#")
	if len([]rune(w)) < 3 || stopwords.Is(w) {
		return false
	}
	digits := true
	for _, c := range w {
		if c < '0' || c > '9' {
			digits = false
			break
		}
	}
	return !digits
}

// topTerms returns the n terms used by the most posts.
func topTerms(ps []store.ReportPost, n int) []string {
	count := map[string]int{}
	for _, p := range ps {
		seen := map[string]bool{}
		for _, t := range termToken.FindAllString(strings.ToLower(p.Title+" "+p.Text), -1) {
			if keepTerm(t) && !seen[t] {
				seen[t] = true
				count[t]++
			}
		}
	}
	var ts []string
	for t, c := range count {
		if c >= 2 || len(ps) < 4 {
			ts = append(ts, t)
		}
	}
	sort.Slice(ts, func(i, j int) bool {
		if count[ts[i]] != count[ts[j]] {
			return count[ts[i]] > count[ts[j]]
		}
		return ts[i] < ts[j]
	})
	if len(ts) > n {
		ts = ts[:n]
	}
	return ts
}
