// Package report builds Dengar's weekly leadership report: the numbers
// (through store's typed queries), generated summary sentences, charts, a
// self-contained HTML page and an A4 PDF, and the weekly e-mail schedule.
package report

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

var (
	metricGenerated = promauto.NewCounter(prometheus.CounterOpts{
		Name: "dengar_report_generated_total",
		Help: "Weekly reports generated.",
	})
	metricGenerateErrors = promauto.NewCounter(prometheus.CounterOpts{
		Name: "dengar_report_generate_errors_total",
		Help: "Weekly reports that failed to generate.",
	})
	metricGenerateSeconds = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "dengar_report_generate_seconds",
		Help:    "Time to compute and render one weekly report.",
		Buckets: prometheus.ExponentialBuckets(0.05, 2, 10),
	})
)

// Output is one generated report.
type Output struct {
	Report *Report
	HTML   []byte
	PDF    []byte
}

// Generate computes and renders the report of week w.
func Generate(ctx context.Context, db *store.DB, w Week, opts Options) (*Output, error) {
	start := clock.Now()
	out, err := generate(ctx, db, w, opts)
	if err != nil {
		metricGenerateErrors.Inc()
		return nil, err
	}
	metricGenerated.Inc()
	metricGenerateSeconds.Observe(clock.Since(start).Seconds())
	return out, nil
}

func generate(ctx context.Context, db *store.DB, w Week, opts Options) (*Output, error) {
	r, err := Build(ctx, db, w, opts)
	if err != nil {
		return nil, fmt.Errorf("report %s: %w", w, err)
	}
	l, _ := newLang(r.Lang)
	chs, err := buildCharts(l, r)
	if err != nil {
		return nil, fmt.Errorf("report %s: %w", w, err)
	}
	h, err := RenderHTML(r, chs)
	if err != nil {
		return nil, fmt.Errorf("report %s: %w", w, err)
	}
	p, err := RenderPDF(r, chs)
	if err != nil {
		return nil, fmt.Errorf("report %s: %w", w, err)
	}
	return &Output{Report: r, HTML: h, PDF: p}, nil
}

// WriteOptions say which report WriteWeekly writes, and where.
type WriteOptions struct {
	// Week is the ISO week ("2026-W47"); empty means the last complete week
	// before Now.
	Week string
	// OutDir receives the files (default "reports").
	OutDir string
	// Lang is id (default) or en.
	Lang string
	// Now is the clock for the default week (default clock.Now).
	Now func() time.Time
	// LatestData, when Week is empty, picks the week of the newest stored
	// mention instead of the last complete week (for demo corpora whose
	// dates are not this week's; `make run` uses it).
	LatestData bool
	// Options tune the content.
	Options Options
}

// FileBase is the file name (without extension) of week w's report.
func FileBase(w Week, lang string) string {
	if lang == LangEN {
		return "dengar-weekly-report-" + w.String()
	}
	return "dengar-laporan-mingguan-" + w.String()
}

// WriteWeekly writes the HTML and PDF report of one week into
// opts.OutDir and returns their paths. `make run` and `dengar report
// weekly` call it.
func WriteWeekly(ctx context.Context, db *store.DB, opts WriteOptions) (htmlPath, pdfPath string, err error) {
	w, err := opts.week()
	if err != nil {
		return "", "", err
	}
	if opts.Week == "" && opts.LatestData {
		_, last, ok, err := db.MentionTimeRange(ctx)
		if err != nil {
			return "", "", err
		}
		if ok {
			w = WeekOf(last)
		}
	}
	o := opts.Options
	o.Lang = opts.Lang
	if o.Now == nil {
		o.Now = opts.Now
	}
	out, err := Generate(ctx, db, w, o)
	if err != nil {
		return "", "", err
	}
	return writeFiles(opts.dir(), FileBase(w, out.Report.Lang), out)
}

func (o WriteOptions) week() (Week, error) {
	if o.Week != "" {
		return ParseWeek(o.Week)
	}
	now := clock.Now
	if o.Now != nil {
		now = o.Now
	}
	return LastCompleteWeek(now()), nil
}

func (o WriteOptions) dir() string {
	if o.OutDir == "" {
		return "reports"
	}
	return o.OutDir
}

func writeFiles(dir, base string, out *Output) (string, string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("report output folder: %w", err)
	}
	hp := filepath.Join(dir, base+".html")
	pp := filepath.Join(dir, base+".pdf")
	if err := writeAtomic(hp, out.HTML); err != nil {
		return "", "", err
	}
	if err := writeAtomic(pp, out.PDF); err != nil {
		return "", "", err
	}
	slog.Info("weekly report written", "week", out.Report.Week, "html", hp, "pdf", pp, "mentions", out.Report.Summary.Current.Mentions)
	return hp, pp, nil
}

// writeAtomic writes through a temporary file so that a reader never sees
// half a report.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
