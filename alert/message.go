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
		if x := a.Explanation; x != nil && len(x.Targets) > 0 {
			return fmt.Sprintf("[%s] Ancaman terhadap %s (%s)", sev, x.Targets[0].Value, scopeLabel(a))
		}
		return fmt.Sprintf("[%s] Ancaman terdeteksi (%s)", sev, scopeLabel(a))
	}
	fam := familyID[a.Family]
	if a.Family == FamilyHostile {
		if k := dominantKind(a.Explanation); k != "" {
			fam = k
		}
	}
	what := "Lonjakan " + fam
	if contains(a.Signals, SignalDrift) {
		what = "Kenaikan bertahap " + fam
	}
	return fmt.Sprintf("[%s] %s — %s", sev, what, scopeLabel(a))
}

// dominantKind names the kind of hostility that makes up at least 60 % of
// a hostile spike's posts ("ujaran kebencian", "konten kasar",
// "ancaman"), or "" when the kinds are mixed.
func dominantKind(x *Explanation) string {
	if x == nil || len(x.Kinds) == 0 {
		return ""
	}
	total := 0
	for _, k := range x.Kinds {
		total += k.N
	}
	if top := x.Kinds[0]; total > 0 && float64(top.N) >= 0.6*float64(total) {
		if top.Value == kindAbusive {
			return "konten kasar"
		}
		return top.Value
	}
	return ""
}

// scopeLabel names a's scope with the catalog's display name when the
// engine knew it.
func scopeLabel(a *Alert) string {
	if a.ScopeName != "" {
		switch {
		case strings.HasPrefix(a.Scope, store.ScopeProgramPrefix):
			return "program " + a.ScopeName
		case strings.HasPrefix(a.Scope, store.ScopePlacePrefix):
			if strings.HasPrefix(strings.TrimPrefix(a.Scope, store.ScopePlacePrefix), "kec-") && !strings.HasPrefix(strings.ToLower(a.ScopeName), "kecamatan") {
				return "kecamatan " + a.ScopeName
			}
			return a.ScopeName
		}
	}
	return ScopeLabel(a.Scope)
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
		add("Akun pemerintah mengunggah konten partisan pada %s WITA.", wallTime(a.OpenedAt))
		if x := a.Explanation; x != nil && len(x.Examples) > 0 {
			ex := x.Examples[0]
			add("Akun: %s.", accountEntry(ex))
			if len(ex.Cues) > 0 {
				add("Isyarat yang menentukan:")
				for _, c := range ex.Cues {
					add("• %s", c)
				}
			}
		}
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
			add("%s %s unggahan berisi ancaman atau hasutan kekerasan di %s%s. Setiap ancaman dilaporkan.",
				spanRange(a), num(float64(spanCount(a))), scopeLabel(a), soFar(a, ev))
			if x := a.Explanation; x != nil && len(x.Targets) > 0 {
				add("Sasaran yang disebut: %s.", joinCounts(x.Targets))
			}
		case contains(a.Signals, SignalDrift):
			add("Pangsa %s (rata-rata bergerak): %s, biasanya %s (7 hari terakhir).", familyID[a.Family], pct(a.Share), pct(a.BaseShare))
		default:
			add("%s %s sebutan %s di %s%s.", spanRange(a), num(float64(spanCount(a))), familyID[a.Family], scopeLabel(a), soFar(a, ev))
			if x := a.Explanation; x != nil && a.Family == FamilyHostile && len(x.Kinds) > 0 {
				add("Jenis: %s.", joinCounts(x.Kinds))
			}
			add("Puncak: %s sebutan dalam %s menit (%s–%s WITA); perkiraan normal %s (%s× dari biasanya).",
				num(a.Observed), num(win.Minutes()), a.WindowFrom.In(clock.WITA).Format("15:04"), a.WindowTo.In(clock.WITA).Format("15:04"),
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
		if len(x.TopTerms) > 0 && a.Family != FamilyBreach {
			add("Kata teratas: %s", joinCounts(x.TopTerms))
		}
		if len(x.TopHashtags) > 0 && a.Family != FamilyBreach {
			add("Tagar: %s", joinCounts(x.TopHashtags))
		}
		if len(x.TopSources) > 0 && a.Family != FamilyBreach {
			srcs := make([]Count, len(x.TopSources))
			for i, c := range x.TopSources {
				srcs[i] = Count{sourceName(c.Value), c.N}
			}
			add("Sumber: %s", joinCounts(srcs))
		}
		if len(x.TopAccounts) > 0 && a.Family != FamilyBreach {
			add("Akun: %s", joinCounts(x.TopAccounts))
		}
		if len(x.TopPlaces) > 0 && a.Family != FamilyBreach {
			add("Wilayah: %s", joinCounts(x.TopPlaces))
		}
		if a.Family != FamilyBreach && x.Mentions > 0 {
			if x.Buzzer.Mentions > 0 {
				add("Sinyal buzzer: %s dari %d sebutan berasal dari akun baru/sedikit pengikut yang mengunggah teks nyaris sama dalam hitungan menit (%d klaster, %d akun).",
					pct(x.Buzzer.Share), x.Mentions, x.Buzzer.Clusters, x.Buzzer.Accounts)
			} else {
				add("Sinyal buzzer: tidak terlihat (0 dari %d sebutan).", x.Mentions)
			}
		}
		if len(x.Examples) > 0 {
			if a.Family == FamilyBreach {
				add("Unggahan:")
			} else {
				add("Contoh unggahan:")
			}
			for i, ex := range x.Examples {
				ls = append(ls, line{text: fmt.Sprintf("%d. %s — %s, %s, %s", i+1, quote(ex.Text), ex.Author, sourceName(ex.Source), wallTime(ex.PostedAt)), url: ex.URL, urlLabel: "tautan"})
			}
		}
	}
	if a.GrafanaURL != "" {
		ls = append(ls, line{text: "Dasbor Grafana:", url: a.GrafanaURL, urlLabel: "buka panel"})
	}
	ls = append(ls, line{text: "ID peringatan: " + a.ID})
	return ls
}

// spanRange is "Lonjakan 19:59–20:44 WITA (46 menit):", the first and the
// last post of the spike (alert.README: one spike, one count).
func spanRange(a *Alert) string {
	from, to := a.SpanFrom, a.SpanTo
	if from.IsZero() {
		from, to = a.WindowFrom, a.WindowTo
	}
	word := "Lonjakan"
	if a.Family == FamilyThreat {
		word = "Ancaman"
	}
	return fmt.Sprintf("%s %s WITA (%s menit):", word, clockRange(from, to), num(spanMinutes(from, to)))
}

// clockRange is "19:59–20:44", with the dates when it crosses midnight.
func clockRange(from, to time.Time) string {
	f, t := from.In(clock.WITA), to.In(clock.WITA)
	if f.YearDay() != t.YearDay() || f.Year() != t.Year() {
		return f.Format("02/01 15:04") + "–" + t.Format("02/01 15:04")
	}
	return f.Format("02/01 15:04") + "–" + t.Format("15:04")
}

// spanMinutes is the length of a span from its first to its last post,
// both minutes counted.
func spanMinutes(from, to time.Time) float64 {
	return math.Floor(to.Sub(from).Minutes()) + 1
}

func spanCount(a *Alert) int {
	if a.SpanFrom.IsZero() {
		return int(math.Round(a.Observed))
	}
	return a.SpanCount
}

// soFar marks the count of a spike still going on.
func soFar(a *Alert, ev *Event) string {
	if a.State == StateResolved || ev.Type == EventResolved {
		return ""
	}
	return " (sejauh ini)"
}

// accountEntry is the registry entry of a breaching account: handle,
// organisation and level, or "belum terverifikasi" with the profile name.
func accountEntry(ex Example) string {
	s := ex.Author
	if ex.Unverified {
		s += " — belum terverifikasi: tidak ada di daftar akun pemerintah"
		if ex.Name != "" {
			s += ", dikenali dari profil “" + ex.Name + "”"
		}
		return s
	}
	if ex.Org != "" {
		s += " — " + ex.Org
	}
	if l := levelID[ex.Level]; l != "" {
		s += ", tingkat " + l
	}
	return s + " (terdaftar)"
}

var levelID = map[string]string{"opd": "OPD", "kecamatan": "kecamatan", "kelurahan": "kelurahan", "bumd": "BUMD", "rt": "RT"}

// sourceName is the display name of a source.
func sourceName(s string) string {
	if n, ok := sourceNames[s]; ok {
		return n
	}
	return s
}

var sourceNames = map[string]string{
	"x": "X", "facebook": "Facebook", "instagram": "Instagram", "youtube": "YouTube", "telegram": "Telegram",
	"mastodon": "Mastodon", "rss": "RSS", "googlenews": "Google News", "tiktok": "TikTok", "webhook": "webhook", "file": "berkas",
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
	SpanFrom    *time.Time   `json:"span_from,omitempty"`
	SpanTo      *time.Time   `json:"span_to,omitempty"`
	SpanCount   int          `json:"span_count,omitempty"`
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
	if !a.SpanFrom.IsZero() {
		f, t := a.SpanFrom, a.SpanTo
		j.SpanFrom, j.SpanTo, j.SpanCount = &f, &t, a.SpanCount
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

// spanBounds is a's span, its peak window when it has none.
func spanBounds(a *Alert) (time.Time, time.Time) {
	if a.SpanFrom.IsZero() {
		return a.WindowFrom, a.WindowTo
	}
	return a.SpanFrom, a.SpanTo
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
				if cs := x.Examples[0].Cues; len(cs) > 0 {
					detail += " [" + cs[0] + "]"
				}
			}
		case a.Family == FamilyStale:
			detail = fmt.Sprintf("tanpa keberhasilan %s menit (batas %s)", num(math.Round(a.Observed)), num(a.Expected))
		case a.Family == FamilyThreat:
			detail = fmt.Sprintf("%d unggahan berisi ancaman, %s WITA", spanCount(a), clockRange(spanBounds(a)))
		case contains(a.Signals, SignalDrift):
			detail = fmt.Sprintf("pangsa %s, biasanya %s", pct(a.Share), pct(a.BaseShare))
		default:
			detail = fmt.Sprintf("%d sebutan %s, %s WITA; puncak %s dalam %s menit vs %s normal (%s×)", spanCount(a), familyID[a.Family],
				clockRange(spanBounds(a)), num(a.Observed), num(a.WindowTo.Sub(a.WindowFrom).Minutes()), num(math.Round(a.Expected*10)/10),
				num(math.Round(a.Ratio*10)/10))
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
