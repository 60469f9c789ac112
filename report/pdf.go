package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/dengar-id/dengar/store"
)

// DejaVu Sans (Bitstream Vera licence, see fonts/LICENSE-DejaVu.txt) covers
// Indonesian text and the report's symbols (▲ ▼ – “ ” … −).
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

// Page geometry in millimetres (A4 portrait).
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 15.0
	marginR = 15.0
	marginT = 16.0
	marginB = 18.0
	textW   = pageW - marginL - marginR
)

type rgb struct{ r, g, b int }

var (
	colNavy   = rgb{18, 53, 91}
	colText   = rgb{31, 41, 55}
	colMuted  = rgb{107, 114, 128}
	colGood   = rgb{4, 120, 87}
	colBad    = rgb{185, 28, 28}
	colZebra  = rgb{243, 244, 246}
	colBorder = rgb{229, 231, 235}
	colBanner = rgb{254, 243, 199}
	colLink   = rgb{29, 78, 216}
)

type pdfDoc struct {
	f *fpdf.Fpdf
	l lang
	r *Report
}

func (d *pdfDoc) color(c rgb) { d.f.SetTextColor(c.r, c.g, c.b) }
func (d *pdfDoc) fill(c rgb)  { d.f.SetFillColor(c.r, c.g, c.b) }
func (d *pdfDoc) draw(c rgb)  { d.f.SetDrawColor(c.r, c.g, c.b) }
func (d *pdfDoc) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.f.SetFont("dejavu", style, size)
}

// RenderPDF writes the report as an A4 PDF with the same content as the
// HTML page (charts as PNG images).
func RenderPDF(r *Report, chs []Chart) ([]byte, error) {
	l, err := newLang(r.Lang)
	if err != nil {
		return nil, err
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(marginL, marginT, marginR)
	f.SetAutoPageBreak(true, marginB)
	f.AddUTF8FontFromBytes("dejavu", "", fontRegular)
	f.AddUTF8FontFromBytes("dejavu", "B", fontBold)
	f.SetTitle(r.Title+" — "+r.WeekLabel, true)
	f.SetAuthor("Dengar", true)
	f.SetCreator("Dengar", true)
	f.SetCreationDate(weekStart(r)) // deterministic output for a given week
	f.SetModificationDate(weekStart(r))
	f.AliasNbPages("{nb}")
	d := &pdfDoc{f: f, l: l, r: r}
	f.SetFooterFunc(func() {
		f.SetY(-12)
		d.font(false, 7.5)
		d.color(colMuted)
		f.CellFormat(textW/2, 5, "Dengar · "+r.WeekLabel, "", 0, "L", false, 0, "")
		f.CellFormat(textW/2, 5, fmt.Sprintf("%s %d/{nb}", l.T("page"), f.PageNo()), "", 0, "R", false, 0, "")
	})
	charts := map[string]Chart{}
	for _, c := range chs {
		charts[c.Key] = c
		f.RegisterImageOptionsReader("chart-"+c.Key, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(c.PNG))
	}
	f.AddPage()
	d.cover()
	d.summary()
	d.programs(charts)
	d.issues()
	d.spikes(charts)
	d.breaches()
	d.sources(charts)
	d.method()
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	return b.Bytes(), nil
}

func (d *pdfDoc) cover() {
	f := d.f
	d.fill(colNavy)
	f.Rect(0, 0, pageW, 42, "F")
	f.SetXY(marginL, 10)
	d.color(rgb{203, 213, 225})
	d.font(false, 9)
	f.CellFormat(textW, 5, d.l.T("subtitle"), "", 1, "L", false, 0, "")
	f.SetX(marginL)
	d.color(rgb{255, 255, 255})
	d.font(true, 19)
	f.CellFormat(textW, 10, d.r.Title, "", 1, "L", false, 0, "")
	f.SetX(marginL)
	d.font(false, 12)
	f.CellFormat(textW, 7, d.r.WeekLabel+"  ·  "+d.r.Week+" (WITA)", "", 1, "L", false, 0, "")
	f.SetY(48)
	if d.r.NoData {
		d.banner(d.l.T("no.data.banner"))
	}
	if d.r.Unfinished {
		d.banner(fmt.Sprintf(d.l.T("unfinished"), d.r.DataUntil))
	}
}

func (d *pdfDoc) banner(text string) {
	f := d.f
	d.font(false, 9.5)
	lines := d.split(pdfSafe(text), textW-8)
	h := float64(len(lines))*4.8 + 5
	y := f.GetY()
	d.fill(colBanner)
	f.Rect(marginL, y, textW, h, "F")
	d.fill(rgb{217, 119, 6})
	f.Rect(marginL, y, 1.5, h, "F")
	d.color(colText)
	f.SetXY(marginL+5, y+2.5)
	for _, ln := range lines {
		f.SetX(marginL + 5)
		f.CellFormat(textW-8, 4.8, ln, "", 1, "L", false, 0, "")
	}
	f.SetY(y + h + 4)
}

// ensure starts a new page when less than h millimetres are left.
func (d *pdfDoc) ensure(h float64) {
	if d.f.GetY()+h > pageH-marginB {
		d.f.AddPage()
	}
}

// heading starts section n; need is the height of its first block, kept
// on the same page as the heading.
func (d *pdfDoc) heading(n int, key string, need float64) {
	f := d.f
	d.ensure(16 + need)
	if f.GetY() > marginT+1 {
		f.Ln(4)
	}
	d.font(true, 14)
	d.color(colNavy)
	f.CellFormat(textW, 8, fmt.Sprintf("%d. %s", n, d.l.T(key)), "", 1, "L", false, 0, "")
	d.draw(colNavy)
	f.SetLineWidth(0.6)
	y := f.GetY()
	f.Line(marginL, y, marginL+textW, y)
	f.SetLineWidth(0.2)
	f.Ln(3)
}

func (d *pdfDoc) sub(text string) {
	d.ensure(20)
	d.f.Ln(1)
	d.font(true, 10.5)
	d.color(colNavy)
	d.f.CellFormat(textW, 6, text, "", 1, "L", false, 0, "")
}

func (d *pdfDoc) para(text string, size float64, c rgb) {
	d.font(false, size)
	d.color(c)
	d.f.MultiCell(textW, size*0.5, text, "", "L", false)
	d.f.Ln(1)
}

// chartHeight is the height a chart takes on the page, or def without it.
func (d *pdfDoc) chartHeight(charts map[string]Chart, key string, def float64) float64 {
	c, ok := charts[key]
	if !ok {
		return def
	}
	return textW*float64(c.Height)/float64(c.Width) + 8
}

func (d *pdfDoc) chart(charts map[string]Chart, key string) {
	c, ok := charts[key]
	if !ok {
		return
	}
	f := d.f
	h := textW * float64(c.Height) / float64(c.Width)
	d.ensure(h + 8)
	y := f.GetY()
	f.ImageOptions("chart-"+c.Key, marginL, y, textW, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	d.draw(colBorder)
	f.Rect(marginL, y, textW, h, "D")
	f.SetY(y + h + 1)
	d.font(false, 8)
	d.color(colMuted)
	f.CellFormat(textW, 4, c.Title, "", 1, "C", false, 0, "")
	f.Ln(2)
}

func (d *pdfDoc) summary() {
	f := d.f
	d.heading(1, "s1", 40)
	gap := 2.5
	w := (textW - 4*gap) / 5
	y := f.GetY()
	h := 30.0
	for i, k := range d.r.Summary.KPIs {
		x := marginL + float64(i)*(w+gap)
		d.fill(rgb{249, 250, 251})
		d.draw(colBorder)
		f.Rect(x, y, w, h, "FD")
		d.font(false, 7.5)
		d.color(rgb{75, 85, 99})
		f.SetXY(x+2, y+2)
		f.MultiCell(w-4, 3.4, k.Label, "", "L", false)
		f.SetXY(x+2, y+10)
		d.font(true, 15)
		d.color(colText)
		f.CellFormat(w-4, 7, k.Display, "", 0, "L", false, 0, "")
		f.SetXY(x+2, y+18)
		d.font(true, 8.5)
		switch {
		case k.Good == nil:
			d.color(colText)
		case *k.Good:
			d.color(colGood)
		default:
			d.color(colBad)
		}
		f.CellFormat(w-4, 4.5, k.Change, "", 0, "L", false, 0, "")
		f.SetXY(x+2, y+23.5)
		d.font(false, 7)
		d.color(colMuted)
		f.CellFormat(w-4, 4, d.l.T("prev")+": "+k.PrevText, "", 0, "L", false, 0, "")
	}
	f.SetY(y + h + 5)
	for _, s := range d.r.Summary.Sentences {
		d.para(s, 10.5, colText)
	}
}

// cell is one table cell.
type cell struct {
	text  string
	link  string
	color *rgb
	bold  bool
}

type column struct {
	title string
	width float64 // fraction of textW
	right bool
}

// table draws a table whose cells wrap; rows never split across pages and
// the header repeats on a new page.
func (d *pdfDoc) table(cols []column, rows [][]cell) {
	f := d.f
	const size, lineH, pad = 8.5, 4.0, 1.6
	header := func() {
		d.font(true, size)
		d.fill(colNavy)
		d.color(rgb{255, 255, 255})
		lines := make([][]string, len(cols))
		n := 1
		for j, c := range cols {
			lines[j] = d.split(pdfSafe(c.title), c.width*textW-2*pad)
			n = max(n, len(lines[j]))
		}
		h := float64(n)*lineH + 2*pad
		y := f.GetY()
		f.Rect(marginL, y, textW, h, "F")
		x := marginL
		for j, c := range cols {
			w := c.width * textW
			align := "L"
			if c.right {
				align = "R"
			}
			for k, ln := range lines[j] {
				f.SetXY(x+pad, y+pad+float64(k)*lineH)
				f.CellFormat(w-2*pad, lineH, ln, "", 0, align, false, 0, "")
			}
			x += w
		}
		f.SetY(y + h)
	}
	d.ensure(3 * (lineH + 2*pad))
	header()
	for i, row := range rows {
		lines := make([][]string, len(cols))
		n := 1
		for j, c := range row {
			d.font(c.bold, size)
			lines[j] = nil
			for _, part := range strings.Split(c.text, "\n") {
				lines[j] = append(lines[j], d.split(pdfSafe(part), cols[j].width*textW-2*pad)...)
			}
			if len(lines[j]) > n {
				n = len(lines[j])
			}
		}
		h := float64(n)*lineH + 2*pad
		if f.GetY()+h > pageH-marginB {
			f.AddPage()
			header()
		}
		y := f.GetY()
		if i%2 == 1 {
			d.fill(colZebra)
			f.Rect(marginL, y, textW, h, "F")
		}
		x := marginL
		for j, c := range row {
			w := cols[j].width * textW
			d.font(c.bold, size)
			switch {
			case c.color != nil:
				d.color(*c.color)
			case c.link != "":
				d.color(colLink)
			default:
				d.color(colText)
			}
			align := "L"
			if cols[j].right {
				align = "R"
			}
			for k, ln := range lines[j] {
				f.SetXY(x+pad, y+pad+float64(k)*lineH)
				f.CellFormat(w-2*pad, lineH, ln, "", 0, align, false, 0, c.link)
			}
			x += w
		}
		d.draw(colBorder)
		f.Line(marginL, y+h, marginL+textW, y+h)
		f.SetY(y + h)
	}
	f.Ln(3)
}

func (d *pdfDoc) programs(charts map[string]Chart) {
	l := d.l
	d.heading(2, "s2", d.chartHeight(charts, "volume", 30))
	if len(d.r.Programs.Series) == 0 {
		d.para(l.T("no.programs"), 10, colMuted)
		return
	}
	// Volume chart, then the table (it fits under the chart on the first
	// page), then the sentiment chart.
	d.chart(charts, "volume")
	cols := []column{{l.T("program"), 0.36, false}, {l.T("mentions"), 0.14, true}, {l.T("index"), 0.14, true}, {l.T("prev.index"), 0.2, true}, {l.T("change"), 0.16, true}}
	var rows [][]cell
	for _, s := range d.r.Programs.Series {
		prev, delta := l.T("na"), l.T("na")
		if s.PrevValid {
			prev, delta = signed(l, s.PrevIndex), signed(l, s.Delta)
		}
		rows = append(rows, []cell{{text: s.Name, bold: true}, {text: l.Int(s.Total)}, {text: signed(l, s.WeekIndex)}, {text: prev}, {text: delta}})
	}
	d.table(cols, rows)
	d.chart(charts, "sentiment")
	if len(d.r.Programs.Movers) > 0 {
		d.sub(l.T("movers"))
		cols := []column{{l.T("program"), 0.4, false}, {l.T("prev.index"), 0.2, true}, {l.T("index"), 0.2, true}, {l.T("change"), 0.2, true}}
		rows = nil
		for _, m := range d.r.Programs.Movers {
			c, arrow := colBad, arrowDown
			if m.Delta > 0 {
				c, arrow = colGood, arrowUp
			}
			rows = append(rows, []cell{{text: m.Name, bold: true}, {text: signed(l, m.PrevIndex)}, {text: signed(l, m.WeekIndex)}, {text: arrow + " " + signed(l, m.Delta), color: &c, bold: true}})
		}
		d.table(cols, rows)
	}
}

func signed(l lang, f float64) string {
	if f > 0 {
		return "+" + l.Float(f)
	}
	return l.Float(f)
}

func (d *pdfDoc) post(p Post) {
	f := d.f
	d.font(false, 8.5)
	var lines []string
	bold := 0 // the headline's lines come first, in bold
	if p.Title != "" {
		d.font(true, 8.5)
		lines = d.split(pdfSafe(p.Title), textW-6)
		bold = len(lines)
		d.font(false, 8.5)
	}
	lines = append(lines, d.split("“"+pdfSafe(p.Text)+"”", textW-6)...)
	meta := pdfSafe("— " + postMeta(d.l, p))
	h := float64(len(lines)+1)*3.8 + 1.5
	d.ensure(h + 1)
	y := f.GetY()
	d.fill(rgb{203, 213, 225})
	f.Rect(marginL, y, 0.8, h, "F")
	d.color(colText)
	for i, ln := range lines {
		d.font(i < bold, 8.5)
		f.SetXY(marginL+3, y+0.5+float64(i)*3.8)
		f.CellFormat(textW-6, 3.8, ln, "", 0, "L", false, 0, "")
	}
	f.SetXY(marginL+3, y+0.5+float64(len(lines))*3.8)
	d.color(colMuted)
	d.font(false, 7.5)
	mw := f.GetStringWidth(meta)
	f.CellFormat(mw+1, 3.8, meta, "", 0, "L", false, 0, "")
	if p.URL != "" {
		d.color(colLink)
		f.CellFormat(30, 3.8, "· "+d.l.T("link"), "", 0, "L", false, 0, p.URL)
	}
	f.SetY(y + h + 1.5)
}

func (d *pdfDoc) issues() {
	l := d.l
	d.heading(3, "s3", 30)
	if len(d.r.Issues.Terms) == 0 {
		d.para(l.T("no.terms"), 10, colMuted)
		return
	}
	cols := []column{{l.T("term"), 0.4, false}, {l.T("this.week"), 0.16, true}, {l.T("authors"), 0.12, true}, {baseAvgTitle(l, d.r.Issues.BaseWeeks), 0.18, true}, {l.T("rise"), 0.14, true}}
	var rows [][]cell
	for _, t := range d.r.Issues.Terms {
		if t.SameAs != "" {
			continue // listed under its leading term
		}
		rise := "×" + l.Float(t.Lift)
		if t.New {
			rise = l.T("new")
		}
		term := cell{text: t.Term + "  (" + l.T("issue."+t.Kind) + ")", bold: true}
		if len(t.Related) > 0 {
			term.text += "\n+ " + strings.Join(t.Related, ", ")
		}
		rows = append(rows, []cell{term, {text: l.Int(t.Current)}, {text: l.Int(t.Authors)}, {text: l.Float(t.WeeklyBase)}, {text: rise}})
	}
	d.table(cols, rows)
	d.sub(l.T("examples"))
	for _, t := range d.r.Issues.Terms {
		if len(t.Examples) == 0 {
			continue
		}
		d.ensure(16)
		d.font(true, 9)
		d.color(colNavy)
		d.f.MultiCell(textW, 4.5, pdfSafe(strings.Join(append([]string{t.Term}, t.Related...), " · ")), "", "L", false)
		for _, p := range t.Examples {
			d.post(p)
		}
	}
}

func keyList(l lang, kc []store.KeyCount) string {
	var s []string
	for _, k := range kc {
		s = append(s, fmt.Sprintf("%s (%s)", k.Key, l.Int(k.Count)))
	}
	return strings.Join(s, ", ")
}

func (d *pdfDoc) spikes(charts map[string]Chart) {
	l := d.l
	sp := d.r.Spikes
	d.heading(4, "s4", d.chartHeight(charts, "hostile", 30))
	d.chart(charts, "hostile")
	if !d.r.NoData {
		d.sub(l.T("hostile.kinds"))
		k := sp.Kinds
		cols := []column{{l.T("kind"), 0.5, false}, {l.T("this.week"), 0.16, true}, {l.T("prev"), 0.16, true}, {l.T("change"), 0.18, true}}
		var rows [][]cell
		for _, r := range []struct {
			key       string
			cur, prev int64
		}{{"kind.abusive", k.Abusive, k.PrevAbusive}, {"kind.hate", k.Hate, k.PrevHate}, {"kind.threat", k.Threats, k.PrevThreats}} {
			rows = append(rows, []cell{{text: l.T(r.key), bold: true}, {text: l.Int(r.cur)}, {text: l.Int(r.prev)}, {text: countChange(l, float64(r.cur), float64(r.prev)).text}})
		}
		d.table(cols, rows)
		if len(sp.Targets)+len(sp.Categories) > 0 {
			d.para(l.T("hostile.targets")+": "+keyList(l, sp.Targets), 9.5, colText)
			cats := keyList(l, sp.Categories)
			if cats == "" {
				cats = l.T("none")
			}
			d.para(l.T("hostile.cats")+": "+cats, 9.5, colText)
		}
	}
	d.sub(l.T("spikes"))
	if len(sp.Spikes) == 0 {
		if !sp.AlertsRecorded && !d.r.NoData {
			d.para(l.T("no.alerts"), 10, colMuted)
		} else {
			d.para(l.T("no.spikes"), 10, colMuted)
		}
		return
	}
	cols := []column{{l.T("when"), 0.22, false}, {l.T("size"), 0.15, true}, {l.T("alert"), 0.25, false}, {l.T("about"), 0.22, false}, {l.T("where"), 0.16, false}}
	var rows [][]cell
	for _, s := range sp.Spikes {
		about := keyList(l, s.Programs)
		if len(s.Terms) > 0 {
			if about != "" {
				about += "\n"
			}
			about += strings.Join(s.Terms, ", ")
		}
		where := keyList(l, s.Places)
		if where == "" {
			where = l.T("none")
		}
		rows = append(rows, []cell{{text: s.When}, {text: spikeSize(l, s)}, {text: spikeWhat(l, s)}, {text: about}, {text: where}})
	}
	d.table(cols, rows)
	d.sub(l.T("examples"))
	for _, s := range sp.Spikes {
		for _, p := range s.Examples {
			d.post(p)
		}
	}
}

func (d *pdfDoc) breaches() {
	l := d.l
	d.heading(5, "s5", 30)
	if len(d.r.Breaches) == 0 {
		d.para(l.T("no.breaches"), 10, colMuted)
		return
	}
	if len(d.r.BreachesByAgency) > 0 {
		d.sub(l.T("by.agency"))
		cols := []column{{l.T("agency"), 0.5, false}, {l.T("level"), 0.3, false}, {l.T("breaches.n"), 0.2, true}}
		var rows [][]cell
		for _, a := range d.r.BreachesByAgency {
			agency := a.Agency + "\n" + a.Account
			if a.Unverified {
				agency += "\n(" + l.T("unverified") + ")"
			}
			rows = append(rows, []cell{{text: agency}, {text: a.Level}, {text: l.Int(a.Breaches), bold: true}})
		}
		d.table(cols, rows)
	}
	cols := []column{{l.T("time"), 0.13, false}, {l.T("agency"), 0.26, false}, {l.T("level"), 0.13, false}, {l.T("content"), 0.38, false}, {l.T("link"), 0.1, false}}
	var rows [][]cell
	for _, b := range d.r.Breaches {
		agency := breachAccount(l, b)
		content := b.Text
		if len(b.Cues) > 0 {
			content += "\n" + l.T("cues") + ":\n• " + strings.Join(b.Cues, "\n• ")
		} else if len(b.Actors) > 0 {
			content += "\n[" + strings.Join(b.Actors, ", ")
			if b.Stance != "" {
				content += ": " + b.Stance
			}
			content += "]"
		}
		link := cell{text: l.T("none")}
		if b.URL != "" {
			link = cell{text: l.T("link"), link: b.URL}
		}
		rows = append(rows, []cell{{text: b.Time}, {text: agency}, {text: b.Level}, {text: content}, link})
	}
	d.table(cols, rows)
	if n := int64(len(d.r.Breaches)); n < d.r.Summary.Current.Breaches {
		d.para(fmt.Sprintf(l.T("breaches.cut"), l.Int(n), l.Int(d.r.Summary.Current.Breaches)), 9, colMuted)
	}
}

func (d *pdfDoc) sources(charts map[string]Chart) {
	l := d.l
	d.heading(6, "s6", d.chartHeight(charts, "sources", 30))
	d.chart(charts, "sources")
	if len(d.r.Sources.Shares) > 0 {
		cols := []column{{l.T("source"), 0.3, false}, {l.T("mentions"), 0.17, true}, {l.T("share"), 0.17, true}, {l.T("prev"), 0.17, true}, {l.T("change"), 0.19, true}}
		var rows [][]cell
		for _, s := range d.r.Sources.Shares {
			rows = append(rows, []cell{{text: s.Source, bold: true}, {text: l.Int(s.Count)}, {text: l.Pct(s.Share)}, {text: l.Int(s.PrevCount)}, {text: s.Change}})
		}
		d.table(cols, rows)
	}
	if len(d.r.Sources.Accounts) == 0 {
		d.para(l.T("no.accounts"), 10, colMuted)
		return
	}
	cols := []column{{l.T("account"), 0.4, false}, {l.T("kind"), 0.16, false}, {l.T("source"), 0.14, false}, {l.T("mentions"), 0.14, true}, {l.T("engagement"), 0.16, true}}
	var rows [][]cell
	for _, a := range d.r.Sources.Accounts {
		name := a.Account
		if a.Org != "" && !strings.Contains(name, a.Org) {
			name += "\n" + a.Org
		}
		rows = append(rows, []cell{{text: name}, {text: a.Kind}, {text: a.Source}, {text: l.Int(a.Mentions)}, {text: l.Int(a.Engagement)}})
	}
	d.table(cols, rows)
}

func (d *pdfDoc) method() {
	l := d.l
	m := d.r.Method
	d.heading(7, "s7", 30)
	d.sub(l.T("gaps"))
	if len(m.Gaps) == 0 {
		d.para(l.T("no.gaps"), 9.5, colText)
	}
	for _, g := range m.Gaps {
		d.para("• "+g, 9.5, colBad)
	}
	if len(m.Coverage) > 0 {
		d.sub(l.T("coverage"))
		cols := []column{{l.T("source"), 0.2, false}, {l.T("mentions"), 0.12, true}, {l.T("days.data"), 0.15, true}, {baseAvgTitle(l, 4), 0.2, true}, {l.T("status"), 0.33, false}}
		var rows [][]cell
		for _, c := range m.Coverage {
			st := cell{text: c.Status}
			if c.Alarm {
				st.color, st.bold = &colBad, true
			}
			rows = append(rows, []cell{{text: c.Source, bold: true}, {text: l.Int(c.Count)}, {text: fmt.Sprintf("%d/7", c.DaysData)}, {text: coverageBase(l, c)}, st})
		}
		d.table(cols, rows)
	}
	if len(m.Runs) > 0 {
		d.sub(l.T("collector.runs"))
		cols := []column{{l.T("collector"), 0.28, false}, {l.T("runs"), 0.13, true}, {l.T("failed"), 0.13, true}, {l.T("last.error"), 0.2, false}, {l.T("last.ok"), 0.26, true}}
		var rows [][]cell
		for _, r := range m.Runs {
			last := l.T("none")
			if r.LastOK.Unix() > 0 {
				last = l.Time(r.LastOK)
			}
			failed := cell{text: l.Int(r.Failed)}
			if r.Failed > 0 {
				failed.color, failed.bold = &colBad, true
			}
			class := r.LastErrorClass
			if class == "" {
				class = l.T("none")
			}
			rows = append(rows, []cell{{text: r.Collector, bold: true}, {text: l.Int(r.Runs)}, failed, {text: class}, {text: last}})
		}
		d.table(cols, rows)
	}
	if len(m.Models) > 0 {
		d.sub(l.T("models"))
		cols := []column{{"Model", 0.7, false}, {l.T("mentions"), 0.3, true}}
		var rows [][]cell
		for _, k := range m.Models {
			rows = append(rows, []cell{{text: k.Key}, {text: l.Int(k.Count)}})
		}
		d.table(cols, rows)
	}
	d.sub(l.T("reading"))
	for _, n := range m.Notes {
		d.para("• "+n, 9, colText)
	}
}

// split wraps text into lines of at most w millimetres in the current
// font, at spaces; a word longer than a line (a handle, a link) breaks
// after a dot, underscore, hyphen or slash where it can, and only then
// inside a word — so that "Kecamatan" never breaks as "Kecamata|n" in a
// column wide enough for it.
func (d *pdfDoc) split(text string, w float64) []string {
	f := d.f
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if f.GetStringWidth(try) <= w {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for f.GetStringWidth(word) > w {
			head, tail := breakWord(f.GetStringWidth, word, w)
			lines = append(lines, head)
			word = tail
		}
		line = word
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// breakWord cuts the longest head of word that fits in w, after a
// separator (. _ - / @) when one fits, else between two runes.
func breakWord(width func(string) float64, word string, w float64) (head, tail string) {
	rs := []rune(word)
	fit := 1
	for fit < len(rs) && width(string(rs[:fit+1])) <= w {
		fit++
	}
	for i := fit; i > fit/2; i-- {
		if strings.ContainsRune("._-/@", rs[i-1]) {
			return string(rs[:i]), string(rs[i:])
		}
	}
	return string(rs[:fit]), string(rs[fit:])
}

// pdfSafe replaces what the embedded font cannot draw and fpdf cannot
// measure — runes outside the Basic Multilingual Plane (emoji: fpdf's
// width tables stop at U+FFFF) — by a readable placeholder, the emoji's
// meaning in brackets ("Samarinda [marah]!!!"), and drops the joiners,
// variation selectors and skin tones that go with them. The HTML report
// keeps the emoji.
func pdfSafe(s string) string {
	clean := true
	for _, r := range s {
		if r > 0xFFFF || r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) || r == 0xFFFD {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	last := ""
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) || r == 0xFFFD || (r >= 0x1F3FB && r <= 0x1F3FF):
			continue // joiners, variation selectors, skin tones
		case r >= 0x1F1E6 && r <= 0x1F1FF: // a flag: two regional indicators
			if i+1 < len(rs) && rs[i+1] >= 0x1F1E6 && rs[i+1] <= 0x1F1FF {
				i++
			}
			last = writePlaceholder(&b, "bendera", last)
		case r > 0xFFFF:
			if i > 0 && rs[i-1] == 0x200D {
				continue // the rest of a joined sequence
			}
			name := emojiNames[r]
			if name == "" {
				name = "emoji"
			}
			last = writePlaceholder(&b, name, last)
		default:
			b.WriteRune(r)
			last = ""
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// writePlaceholder writes "[name]" unless the same placeholder was just
// written (a row of the same emoji reads as one).
func writePlaceholder(b *strings.Builder, name, last string) string {
	if name != last {
		b.WriteString("[" + name + "]")
	}
	return name
}

// emojiNames are the meanings of the emoji common in Samarinda's posts, in
// Indonesian (the placeholder of the PDF).
var emojiNames = map[rune]string{
	0x1F621: "marah", 0x1F620: "marah", 0x1F92C: "memaki", 0x1F624: "kesal", 0x1F612: "kesal", 0x1F644: "memutar mata",
	0x1F62D: "menangis", 0x1F622: "sedih", 0x1F629: "lelah", 0x1F62B: "lelah", 0x1F61E: "kecewa", 0x1F614: "kecewa",
	0x1F602: "tertawa", 0x1F923: "tertawa", 0x1F606: "tertawa", 0x1F601: "senyum lebar", 0x1F600: "senyum", 0x1F60A: "senyum",
	0x1F642: "senyum", 0x1F643: "senyum terbalik", 0x1F60D: "suka", 0x1F970: "suka", 0x1F618: "cium", 0x1F60E: "keren",
	0x1F914: "berpikir", 0x1F631: "kaget", 0x1F632: "kaget", 0x1F633: "malu", 0x1F605: "canggung", 0x1F625: "cemas",
	0x1F64F: "mohon", 0x1F44D: "jempol", 0x1F44E: "jempol ke bawah", 0x1F44F: "tepuk tangan", 0x1F4AA: "semangat",
	0x1F91D: "jabat tangan", 0x1F64C: "hore", 0x1F44C: "oke", 0x1F449: "tunjuk", 0x1F446: "tunjuk ke atas", 0x1F447: "tunjuk ke bawah",
	0x1F525: "api", 0x1F4AF: "seratus", 0x1F389: "perayaan", 0x1F4E2: "pengumuman", 0x1F4E3: "pengumuman", 0x1F6A8: "sirene",
	0x1F30A: "ombak", 0x1F327: "hujan", 0x1F4A7: "air", 0x1F6A7: "perbaikan jalan", 0x1F697: "mobil", 0x1F3E0: "rumah",
	0x1F494: "patah hati", 0x1F49A: "hati hijau", 0x1F499: "hati biru", 0x1F49B: "hati kuning", 0x1F5A4: "hati hitam",
	0x1F480: "tengkorak", 0x1F4A9: "kotoran", 0x1F921: "badut", 0x1F410: "kambing", 0x1F437: "babi", 0x1F400: "tikus", 0x1F42D: "tikus",
	0x1F52A: "pisau", 0x1F52B: "pistol", 0x1F4A3: "bom", 0x1F4B0: "uang", 0x1F4B8: "uang",
}
