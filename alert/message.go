package alert

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/notify"
	"github.com/dengar-id/dengar/store"
)

var severityID = map[string]string{
	SeverityLow: "RENDAH", SeverityMedium: "SEDANG", SeverityHigh: "TINGGI", SeverityCritical: "KRITIS",
}

var familyID = map[string]string{
	FamilyHostile:  "konten bermusuhan",
	FamilyNegative: "sentimen negatif",
	FamilyPartisan: "konten partisan",
	FamilyThreat:   "ancaman",
	FamilyBreach:   "pelanggaran netralitas",
	FamilyStale:    "kolektor berhenti",
}

var eventID = map[string]string{
	EventOpened: "BARU", EventEscalated: "MENINGKAT", EventUpdated: "DIPERBARUI",
	EventReopened: "MUNCUL LAGI", EventResolved: "SELESAI",
}

// ScopeLabel names a scope in Bahasa Indonesia.
func ScopeLabel(scope string) string {
	switch {
	case scope == store.ScopeAll || scope == "":
		return "seluruh kota"
	case strings.HasPrefix(scope, store.ScopeProgramPrefix):
		return "program " + strings.TrimPrefix(scope, store.ScopeProgramPrefix)
	case strings.HasPrefix(scope, store.ScopePlacePrefix):
		p := strings.TrimPrefix(scope, store.ScopePlacePrefix)
		if strings.HasPrefix(p, "kec-") {
			return "kecamatan " + strings.ReplaceAll(strings.TrimPrefix(p, "kec-"), "-", " ")
		}
		return "wilayah " + strings.ReplaceAll(p, "-", " ")
	}
	return scope
}

func num(x float64) string {
	if math.Abs(x-math.Round(x)) < 1e-9 {
		return fmt.Sprintf("%.0f", x)
	}
	return strings.ReplaceAll(fmt.Sprintf("%.1f", x), ".", ",")
}

func pct(x float64) string { return strings.ReplaceAll(fmt.Sprintf("%.0f%%", 100*x), ".", ",") }

func wallTime(t time.Time) string { return t.In(clock.WITA).Format("02/01 15:04") }

// Title is the one-line title of an alert.
func Title(a *Alert) string {
	sev := severityID[a.Severity]
	switch a.Family {
	case FamilyBreach:
		return fmt.Sprintf("[%s] Pelanggaran netralitas akun pemerintah: %s", sev, breachAuthor(a))
	case FamilyStale:
		return fmt.Sprintf("[%s] Kolektor %s berhenti", sev, a.Collector)
	case FamilyThreat:
		return fmt.Sprintf("[%s] Ancaman terdeteksi (%s)", sev, ScopeLabel(a.Scope))
	}
	what := "Lonjakan " + familyID[a.Family]
	if contains(a.Signals, SignalDrift) {
		what = "Kenaikan bertahap " + familyID[a.Family]
	}
	return fmt.Sprintf("[%s] %s — %s", sev, what, ScopeLabel(a.Scope))
}

func breachAuthor(a *Alert) string {
	if a.Explanation != nil && len(a.Explanation.Examples) > 0 {
		ex := a.Explanation.Examples[0]
		if ex.Org != "" {
			return ex.Author + " (" + ex.Org + ")"
		}
		return ex.Author
	}
	return a.MentionID
}

// lines renders the body as a list of lines with a marker for links;
// Text, HTML and Markdown are made from it.
type line struct {
	text, url, urlLabel string
	bold                bool
}

func body(ev *Event) []line {
	a := &ev.Alert
	var ls []line
	add := func(format string, args ...any) { ls = append(ls, line{text: fmt.Sprintf(format, args...)}) }
	ls = append(ls, line{text: fmt.Sprintf("%s · %s", eventID[ev.Type], Title(a)), bold: true})
	switch a.Family {
	case FamilyBreach:
		add("Akun pemerintah mengunggah konten partisan (%s WITA).", wallTime(a.WindowFrom))
	case FamilyStale:
		if x := a.Explanation; x != nil && x.Collector != nil {
			c := x.Collector
			last := "belum pernah berhasil"
			if !c.LastSuccess.IsZero() {
				last = "terakhir berhasil " + wallTime(c.LastSuccess) + " WITA"
			}
			add("Kolektor %s (%s): %s; batas %s. Galat sejak itu: %d.", c.Name, c.Source, last, c.Window, c.RecentErrors)
		}
	default:
		win := a.WindowTo.Sub(a.WindowFrom)
		switch {
		case a.Family == FamilyThreat:
			add("Teramati %s unggahan berisi ancaman atau hasutan kekerasan dalam %s menit terakhir (%s–%s WITA). Setiap ancaman dilaporkan.",
				num(a.Observed), num(win.Minutes()), a.WindowFrom.In(clock.WITA).Format("15:04"), a.WindowTo.In(clock.WITA).Format("15:04"))
		case contains(a.Signals, SignalDrift):
			add("Pangsa %s (rata-rata bergerak): %s, biasanya %s (7 hari terakhir).", familyID[a.Family], pct(a.Share), pct(a.BaseShare))
		default:
			add("Teramati %s mention %s dalam %s menit (%s–%s WITA); perkiraan normal %s (%s× dari biasanya).",
				num(a.Observed), familyID[a.Family], num(win.Minutes()), a.WindowFrom.In(clock.WITA).Format("15:04"), a.WindowTo.In(clock.WITA).Format("15:04"),
				num(math.Round(a.Expected*10)/10), num(math.Round(a.Ratio*10)/10))
			if a.Share > 0 || a.BaseShare > 0 {
				add("Pangsa %s: %s (biasanya %s).", familyID[a.Family], pct(a.Share), pct(a.BaseShare))
			}
			add("Dasar pembanding: %s; sinyal: %s; skor %s.", baselineID(a.Baseline), signalsID(a.Signals), num(math.Round(a.Score*10)/10))
		}
		if len(a.Related) > 0 {
			var rs []string
			for _, r := range a.Related {
				if f, sc, ok := strings.Cut(r, "@"); ok {
					rs = append(rs, familyID[f]+" di "+ScopeLabel(sc))
				} else {
					rs = append(rs, ScopeLabel(r))
				}
			}
			add("Terlihat juga di: %s.", strings.Join(rs, ", "))
		}
	}
	if ev.Type == EventResolved {
		add("Kembali normal pada %s WITA (dibuka %s WITA).", wallTime(a.ResolvedAt), wallTime(a.OpenedAt))
	}
	if x := a.Explanation; x != nil && x.Collector == nil {
		if len(x.TopTerms) > 0 {
			add("Kata teratas: %s", joinCounts(x.TopTerms))
		}
		if len(x.TopHashtags) > 0 {
			add("Tagar: %s", joinCounts(x.TopHashtags))
		}
		if len(x.TopSources) > 0 && a.Family != FamilyBreach {
			add("Sumber: %s", joinCounts(x.TopSources))
		}
		if len(x.TopAccounts) > 0 && a.Family != FamilyBreach {
			add("Akun: %s", joinCounts(x.TopAccounts))
		}
		if len(x.TopPlaces) > 0 && a.Family != FamilyBreach {
			add("Wilayah: %s", joinCounts(x.TopPlaces))
		}
		if a.Family != FamilyBreach && x.Mentions > 0 {
			if x.Buzzer.Mentions > 0 {
				add("Sinyal buzzer: %s dari %d mention berasal dari akun baru/sedikit pengikut yang mengunggah teks nyaris sama dalam hitungan menit (%d klaster, %d akun).",
					pct(x.Buzzer.Share), x.Mentions, x.Buzzer.Clusters, x.Buzzer.Accounts)
			} else {
				add("Sinyal buzzer: tidak terlihat (0 dari %d mention).", x.Mentions)
			}
		}
		if len(x.Examples) > 0 {
			add("Contoh unggahan:")
			for i, ex := range x.Examples {
				ls = append(ls, line{text: fmt.Sprintf("%d. %s — %s, %s, %s", i+1, quote(ex.Text), ex.Author, ex.Source, wallTime(ex.PostedAt)), url: ex.URL, urlLabel: "tautan"})
			}
		}
	}
	if a.GrafanaURL != "" {
		ls = append(ls, line{text: "Dasbor Grafana:", url: a.GrafanaURL, urlLabel: "buka panel"})
	}
	ls = append(ls, line{text: "ID peringatan: " + a.ID})
	return ls
}

var signalID = map[string]string{SignalCount: "jumlah", SignalShare: "pangsa", SignalDrift: "tren", SignalAny: "kejadian"}

func signalsID(ss []string) string {
	var out []string
	for _, s := range ss {
		if v, ok := signalID[s]; ok {
			s = v
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

func quote(s string) string { return "“" + shorten(s, 200) + "”" }

func baselineID(m string) string {
	switch m {
	case BaselineHourOfWeek:
		return "jam yang sama pada minggu-minggu sebelumnya (median)"
	case BaselineHourOfDay:
		return "jam yang sama pada hari-hari sebelumnya (median)"
	case BaselineRecent:
		return "24 jam terakhir (riwayat masih pendek)"
	case "":
		return "—"
	}
	return m
}

func joinCounts(cs []Count) string {
	var ss []string
	for _, c := range cs {
		ss = append(ss, fmt.Sprintf("%s (%d)", c.Value, c.N))
	}
	return strings.Join(ss, ", ")
}

// alertJSON is the alert as webhooks receive it.
type alertJSON struct {
	ID          string       `json:"id"`
	Family      string       `json:"family"`
	Signals     []string     `json:"signals"`
	Scope       string       `json:"scope"`
	Related     []string     `json:"related_scopes,omitempty"`
	State       string       `json:"state"`
	Severity    string       `json:"severity"`
	OpenedAt    time.Time    `json:"opened_at"`
	UpdatedAt   time.Time    `json:"updated_at"`
	ResolvedAt  *time.Time   `json:"resolved_at,omitempty"`
	WindowFrom  time.Time    `json:"window_from"`
	WindowTo    time.Time    `json:"window_to"`
	Observed    float64      `json:"observed"`
	Expected    float64      `json:"expected"`
	Ratio       float64      `json:"ratio"`
	Score       float64      `json:"score"`
	Share       float64      `json:"share,omitempty"`
	BaseShare   float64      `json:"base_share,omitempty"`
	Baseline    string       `json:"baseline,omitempty"`
	MentionID   string       `json:"mention_id,omitempty"`
	Collector   string       `json:"collector,omitempty"`
	GrafanaURL  string       `json:"grafana_url,omitempty"`
	Version     uint32       `json:"version"`
	Explanation *Explanation `json:"explanation,omitempty"`
}

func finite(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return 0
	}
	return x
}

// MarshalAlert returns the JSON form of a (webhooks, the alerts table).
func MarshalAlert(a *Alert) json.RawMessage {
	j := alertJSON{
		ID: a.ID, Family: a.Family, Signals: a.Signals, Scope: a.Scope, Related: a.Related, State: a.State,
		Severity: a.Severity, OpenedAt: a.OpenedAt, UpdatedAt: a.UpdatedAt, WindowFrom: a.WindowFrom, WindowTo: a.WindowTo,
		Observed: finite(a.Observed), Expected: finite(a.Expected), Ratio: finite(a.Ratio), Score: finite(a.Score),
		Share: finite(a.Share), BaseShare: finite(a.BaseShare), Baseline: a.Baseline, MentionID: a.MentionID,
		Collector: a.Collector, GrafanaURL: a.GrafanaURL, Version: a.Version, Explanation: a.Explanation,
	}
	if !a.ResolvedAt.IsZero() {
		t := a.ResolvedAt
		j.ResolvedAt = &t
	}
	b, _ := json.Marshal(j)
	return b
}

// Render turns an event into the notification every channel sends.
func Render(ev *Event, deliveryID string) *notify.Message {
	a := &ev.Alert
	ls := body(ev)
	var txt, htm, md strings.Builder
	for i, l := range ls {
		if i > 0 {
			txt.WriteByte('\n')
			htm.WriteByte('\n')
			md.WriteByte('\n')
		}
		t := l.text
		if l.bold {
			htm.WriteString("<b>" + html.EscapeString(t) + "</b>")
			md.WriteString("*" + slackEscape(t) + "*")
		} else {
			htm.WriteString(html.EscapeString(t))
			md.WriteString(slackEscape(t))
		}
		txt.WriteString(t)
		if l.url != "" {
			txt.WriteString(" " + l.url)
			htm.WriteString(fmt.Sprintf(` <a href="%s">%s</a>`, html.EscapeString(l.url), html.EscapeString(l.urlLabel)))
			md.WriteString(fmt.Sprintf(" <%s|%s>", l.url, l.urlLabel))
		}
	}
	subject := Title(a)
	if ev.Type != EventOpened {
		subject = eventID[ev.Type] + ": " + subject
	}
	return &notify.Message{
		ID: deliveryID, AlertID: a.ID, Event: ev.Type, Severity: a.Severity, Subject: subject,
		Text: txt.String(), HTML: htm.String(), Markdown: md.String(), URL: a.GrafanaURL, Data: MarshalAlert(a),
	}
}

func slackEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// PrintAlerts writes one line per alert (time in WITA, severity, title,
// observed vs expected), for `dengar alert backfill` and `make run`.
func PrintAlerts(w io.Writer, as []Alert) {
	if len(as) == 0 {
		fmt.Fprintln(w, "Tidak ada peringatan.")
		return
	}
	fmt.Fprintf(w, "%d peringatan:\n", len(as))
	for i := range as {
		a := &as[i]
		detail := ""
		switch {
		case a.Family == FamilyBreach:
			if x := a.Explanation; x != nil && len(x.Examples) > 0 {
				detail = quote(x.Examples[0].Text)
			}
		case a.Family == FamilyStale:
			detail = fmt.Sprintf("tanpa keberhasilan %s menit (batas %s)", num(math.Round(a.Observed)), num(a.Expected))
		case a.Family == FamilyThreat:
			detail = fmt.Sprintf("%s unggahan berisi ancaman dalam %s menit", num(a.Observed), num(a.WindowTo.Sub(a.WindowFrom).Minutes()))
		case contains(a.Signals, SignalDrift):
			detail = fmt.Sprintf("pangsa %s, biasanya %s", pct(a.Share), pct(a.BaseShare))
		default:
			detail = fmt.Sprintf("%s teramati vs %s normal (%s×) dalam %s menit", num(a.Observed), num(math.Round(a.Expected*10)/10),
				num(math.Round(a.Ratio*10)/10), num(a.WindowTo.Sub(a.WindowFrom).Minutes()))
			if x := a.Explanation; x != nil && x.Mentions > 0 {
				detail += fmt.Sprintf("; buzzer %s", pct(x.Buzzer.Share))
			}
		}
		state := ""
		if a.State == StateResolved && a.Family != FamilyBreach {
			state = " (selesai " + a.ResolvedAt.In(clock.WITA).Format("15:04") + ")"
		}
		fmt.Fprintf(w, "  %s WITA  %s%s — %s\n", a.OpenedAt.In(clock.WITA).Format("2006-01-02 15:04"), Title(a), state, detail)
	}
}
