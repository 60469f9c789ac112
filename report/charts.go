package report

import (
	"bytes"
	"fmt"
	pngpkg "image/png"
	"math"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/go-analyze/charts"
)

// Chart is one rendered chart (PNG), used by both the HTML (base64) and
// the PDF.
type Chart struct {
	Key   string
	Title string
	PNG   []byte
	// Width and Height in pixels.
	Width, Height int
}

// chart sizes in pixels; the PDF places them at the text width.
const (
	chartW = 1400
	chartH = 560
)

func fontStyle(size float64) charts.FontStyle {
	return charts.FontStyle{FontSize: size, FontColor: charts.ColorBlack}
}

func boolPtr(b bool) *bool        { return &b }
func floatPtr(f float64) *float64 { return &f }

// buildCharts renders the report's charts; a chart without data is left
// out (the sections say so in words).
func buildCharts(l lang, r *Report) ([]Chart, error) {
	var out []Chart
	add := func(key, title string, png []byte, err error) error {
		if err != nil {
			return fmt.Errorf("chart %s: %w", key, err)
		}
		if png != nil {
			cfg, err := pngpkg.DecodeConfig(bytes.NewReader(png))
			if err != nil {
				return fmt.Errorf("chart %s: %w", key, err)
			}
			out = append(out, Chart{Key: key, Title: title, PNG: png, Width: cfg.Width, Height: cfg.Height})
		}
		return nil
	}
	if len(r.Programs.Series) > 0 {
		png, err := programChart(l, r, false)
		if err := add("volume", l.T("chart.volume"), png, err); err != nil {
			return nil, err
		}
		png, err = programChart(l, r, true)
		if err := add("sentiment", l.T("chart.sentiment"), png, err); err != nil {
			return nil, err
		}
	}
	if !r.NoData {
		png, err := hostileChart(l, r)
		if err := add("hostile", l.T("chart.hostile"), png, err); err != nil {
			return nil, err
		}
	}
	if len(r.Sources.Shares) > 0 && !r.NoData {
		png, err := sourceChart(l, r)
		if err := add("sources", l.T("chart.sources"), png, err); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func render(w, h int, draw func(p *charts.Painter) error) ([]byte, error) {
	p := charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputPNG, Width: w, Height: h})
	if err := draw(p); err != nil {
		return nil, err
	}
	return p.Bytes()
}

func programChart(l lang, r *Report, sentiment bool) ([]byte, error) {
	var values [][]float64
	var names []string
	for _, s := range r.Programs.Series {
		v := make([]float64, len(s.Mentions))
		for i := range v {
			if sentiment {
				if s.IndexValid[i] {
					v[i] = s.Index[i]
				} else {
					v[i] = charts.GetNullValue()
				}
			} else {
				v[i] = float64(s.Mentions[i])
			}
		}
		values = append(values, v)
		names = append(names, cut(s.Name, 28))
	}
	opt := charts.NewLineChartOptionWithData(values)
	opt.XAxis.Labels = r.Programs.Days
	opt.XAxis.LabelFontStyle = fontStyle(17)
	opt.XAxis.BoundaryGap = boolPtr(true)
	opt.Legend.SeriesNames = names
	opt.Legend.FontStyle = fontStyle(17)
	opt.Legend.Offset = charts.OffsetStr{Top: "0"}
	opt.Padding = charts.NewBox(24, 24, 36, 16)
	opt.LineStrokeWidth = 3
	opt.Symbol = charts.Symbol{Shape: charts.SymbolCircle, Size: 4}
	y := charts.YAxisOption{LabelFontStyle: fontStyle(16)}
	if sentiment {
		y.Min, y.Max = floatPtr(-100), floatPtr(100)
		y.LabelCount = 5
		y.ValueFormatter = func(f float64) string { return signedInt(l, f) }
	} else {
		max := 0.0
		for _, v := range values {
			for _, x := range v {
				max = math.Max(max, x)
			}
		}
		y = countAxis(l, max)
	}
	y.LabelFontStyle = fontStyle(16)
	opt.YAxis = []charts.YAxisOption{y}
	return render(chartW, chartH, func(p *charts.Painter) error { return p.LineChart(opt) })
}

func hostileChart(l lang, r *Report) ([]byte, error) {
	// One point per hour plus the closing midnight, so that the 8 labels
	// fall exactly on the midnights (every 24th point); a line per kind.
	n := len(r.Spikes.Hourly) + 1
	series := [][]int64{r.Spikes.HourlyAbusive, r.Spikes.HourlyHate, r.Spikes.HourlyThreats}
	vals := make([][]float64, len(series))
	labels := make([]string, n)
	start := weekStart(r)
	max := 1.0
	for k, s := range series {
		vals[k] = make([]float64, n)
		for i := 0; i < n; i++ {
			vals[k][i] = charts.GetNullValue()
			if i < len(s) {
				vals[k][i] = float64(s[i])
				max = math.Max(max, vals[k][i])
			}
		}
	}
	for i := 0; i < n-1; i++ { // the closing midnight stays unlabelled: it is next week
		labels[i] = l.Day(start.Add(timeHours(i)))
	}
	opt := charts.NewLineChartOptionWithData(vals)
	opt.XAxis.Labels = labels
	opt.XAxis.LabelFontStyle = fontStyle(17)
	opt.XAxis.BoundaryGap = boolPtr(false)
	opt.XAxis.LabelCount = (n-1)/24 + 1
	opt.Legend.SeriesNames = []string{l.T("kind.abusive"), l.T("kind.hate"), l.T("threats")}
	opt.Legend.FontStyle = fontStyle(17)
	opt.Padding = charts.NewBox(24, 24, 48, 16)
	opt.LineStrokeWidth = 2
	opt.Symbol = charts.Symbol{Shape: charts.SymbolNone}
	opt.FillArea = boolPtr(false)
	y := countAxis(l, max*1.1)
	y.LabelFontStyle = fontStyle(16)
	opt.YAxis = []charts.YAxisOption{y}
	return render(chartW, chartH, func(p *charts.Painter) error { return p.LineChart(opt) })
}

func sourceChart(l lang, r *Report) ([]byte, error) {
	var vals []float64
	var labels []string
	// Horizontal bars draw bottom-up: reverse, so the largest is on top.
	for i := len(r.Sources.Shares) - 1; i >= 0; i-- {
		s := r.Sources.Shares[i]
		if s.Count == 0 {
			continue
		}
		vals = append(vals, s.Share)
		labels = append(labels, s.Source)
	}
	if len(vals) == 0 {
		return nil, nil
	}
	opt := charts.NewBarChartOptionWithData([][]float64{vals})
	opt.Horizontal = true
	opt.CategoryAxis.Labels = labels
	opt.CategoryAxis.LabelFontStyle = fontStyle(17)
	opt.ValueAxis = []charts.ValueAxisOption{{Min: floatPtr(0), Max: floatPtr(100), LabelCount: 6, LabelFontStyle: fontStyle(16),
		ValueFormatter: func(f float64) string { return l.Int(int64(math.Round(f))) + nbsp + "%" }}}
	opt.SeriesLabelPosition = "right"
	opt.SeriesList[0].Label = charts.SeriesLabel{Show: boolPtr(true), FontStyle: fontStyle(16), ValueFormatter: func(f float64) string { return l.Pct(f) }}
	opt.Padding = charts.NewBox(24, 24, 60, 16)
	h := 120 + 56*len(vals)
	if h > chartH {
		h = chartH
	}
	return render(chartW, h, func(p *charts.Painter) error { return p.BarChart(opt) })
}

func weekStart(r *Report) time.Time {
	t, err := time.ParseInLocation("2006-01-02", r.Start, clock.WITA)
	if err != nil {
		return time.Time{}
	}
	return t
}

func timeHours(i int) time.Duration { return time.Duration(i) * time.Hour }

// countAxis is a value axis from 0 with a round step, so that tick labels
// are whole numbers.
func countAxis(l lang, max float64) charts.YAxisOption {
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000, 100000} {
		step = s
		if max/s <= 5 {
			break
		}
	}
	top := math.Max(step, math.Ceil(max/step)*step)
	return charts.YAxisOption{
		Min: floatPtr(0), Max: floatPtr(top), LabelCount: int(top/step) + 1,
		ValueFormatter: func(f float64) string { return l.Int(int64(math.Round(f))) },
	}
}

func signedInt(l lang, f float64) string {
	n := int64(math.Round(f))
	if n > 0 {
		return "+" + l.Int(n)
	}
	return l.Int(n)
}
