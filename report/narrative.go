package report

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

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

	// 3. Hostility and spikes.
	hs, _ := share(c.Hostile, c.Mentions)
	phs, phok := share(p.Hostile, p.Mentions)
	h := fmt.Sprintf(pick(id, "Konten bermusuhan mencakup %s sebutan", "Hostile content made up %s of mentions"), l.Pct(hs))
	if phok {
		h += fmt.Sprintf(pick(id, " (minggu lalu %s)", " (last week %s)"), l.Pct(phs))
	}
	switch n := len(r.Spikes.Spikes); n {
	case 0:
		h += pick(id, ", tanpa lonjakan yang menonjol.", ", with no marked spike.")
	default:
		big := r.Spikes.Spikes[0]
		for _, s := range r.Spikes.Spikes {
			if s.Peak > big.Peak {
				big = s
			}
		}
		if n == 1 {
			h += fmt.Sprintf(pick(id, ", dengan satu lonjakan pada %s (puncak %s sebutan per jam).", ", with one spike on %s (peak %s mentions an hour)."), big.When, l.Int(big.Peak))
		} else {
			h += fmt.Sprintf(pick(id, ", dengan %d lonjakan; yang terbesar pada %s (puncak %s sebutan per jam).", ", with %d spikes; the largest on %s (peak %s mentions an hour)."), n, big.When, l.Int(big.Peak))
		}
	}
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
		pn = fmt.Sprintf(pick(id, "Konten partisan mencakup %s sebutan; %s unggahan akun pemerintah tercatat sebagai pelanggaran netralitas", "Partisan content made up %s of mentions; %s posts by government accounts were neutrality breaches"), l.Pct(ps), l.Int(c.Breaches))
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
		out = append(out, pick(id, "Catatan kesehatan kolektor (tabel collector_runs) belum tersedia; kekosongan data dinilai dari volume harian tiap sumber dibanding empat minggu sebelumnya.",
			"Collector health records (the collector_runs table) are not available; gaps are judged from each source's daily volume against the previous four weeks."))
	}
	out = append(out,
		pick(id, "Sebutan adalah unggahan, komentar, artikel atau pesan publik yang menyebut kota atau programnya; unggahan yang dikumpulkan ulang dihitung sekali.",
			"A mention is a public post, comment, article or message about the city or its programs; a re-collected post counts once."),
		pick(id, "Indeks sentimen = (positif − negatif) / total × 100, dari −100 (semua negatif) sampai +100 (semua positif); perubahannya ditulis dalam poin.",
			"Sentiment index = (positive − negative) / total × 100, from −100 (all negative) to +100 (all positive); its change is given in points."),
		pick(id, "Porsi bermusuhan dan partisan adalah persentase sebutan; perubahannya dalam poin persentase. Perubahan jumlah dalam persen; \"baru\" berarti minggu lalu nol.",
			"Hostile and partisan shares are percentages of mentions; their change is in percentage points. Changes of counts are in percent; \"new\" means last week was zero."),
		fmt.Sprintf(pick(id, "Lonjakan: jam dengan sebutan bermusuhan ≥ maks(5, median + 5 × MAD jam-jam minggu ini); minggu ini median %s, MAD %s, ambang %s per jam.",
			"Spike: an hour with hostile mentions ≥ max(5, median + 5 × MAD of the week's hours); this week median %s, MAD %s, threshold %s per hour."),
			l.Float(r.Spikes.Median), l.Float(r.Spikes.MAD), l.Float(r.Spikes.Threshold)),
		pick(id, "Isu yang naik: istilah dan tagar yang dipakai minimal dua kali lipat (dengan penghalusan +1) dan minimal 3 sebutan lebih banyak dari rata-rata mingguan empat minggu sebelumnya.",
			"Rising issues: terms and hashtags used at least twice as often (smoothed by +1) and by at least 3 more mentions than their weekly average of the previous four weeks."),
		pick(id, "Label berasal dari model otomatis dan dapat keliru pada kasus tunggal; gunakan angka untuk melihat arah, dan periksa contoh unggahan sebelum bertindak. Akun warga disamarkan (warga-…).",
			"Labels come from automatic models and can be wrong on single cases; use the numbers for direction and check the example posts before acting. Citizen accounts are pseudonymised (warga-…)."),
	)
	return out
}

// termToken mirrors the store's tokeniser (ReportTermCounts) for terms of
// spike posts.
var termToken = regexp.MustCompile(`#?[a-z0-9_]+`)

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
