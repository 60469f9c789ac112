package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run go test ./report -update)", path, err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test ./report -update after checking the change)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: got %d lines, want %d", path, len(gl), len(wl))
	}
}

// external matches anything that would make the HTML page not
// self-contained (scripts, style sheets, remote images or fonts).
var external = regexp.MustCompile(`(?i)<script|<link|src="https?:|url\(|@import`)

var pngData = regexp.MustCompile(`data:image/png;base64,[A-Za-z0-9+/=]+`)

// stableHTML replaces embedded chart bytes (which depend on the chart
// library's rasteriser) by a marker, so the golden file checks the text.
func stableHTML(h []byte) []byte {
	return pngData.ReplaceAll(h, []byte("data:image/png;base64,CHART"))
}

func TestWeeklyGolden(t *testing.T) {
	db, c := seed(t, seedSpec{silentThisWeek: map[string]bool{"youtube": true}})
	ctx := context.Background()
	for _, lang := range []string{LangID, LangEN} {
		t.Run(lang, func(t *testing.T) {
			names := map[string]string{"pengendalian-banjir": "Pengendalian banjir (drainase, polder)", "sungai-pinang": "Sungai Pinang", "paslon-2": "Paslon nomor 2"}
			out, err := Generate(ctx, db, testWeek, Options{Lang: lang, Names: names, Now: weekDone})
			if err != nil {
				t.Fatal(err)
			}
			r := out.Report
			// The numbers, recomputed from the seeded mentions themselves.
			if want := totals(c.inWeek(testWeek)); r.Summary.Current != want {
				t.Errorf("current totals = %+v, want %+v", r.Summary.Current, want)
			}
			if want := totals(c.inWeek(testWeek.Prev())); r.Summary.Previous != want {
				t.Errorf("previous totals = %+v, want %+v", r.Summary.Previous, want)
			}
			if n := len(r.Summary.Sentences); n < 3 || n > 5 {
				t.Errorf("%d summary sentences, want 3–5: %q", n, r.Summary.Sentences)
			}
			// The spike is the alert's: its span (first to last post) and
			// count, the same as the alert message and as the posts.
			var sp *Spike
			for i := range r.Spikes.Spikes {
				if r.Spikes.Spikes[i].Family == alert.FamilyHostile {
					if sp != nil {
						t.Fatalf("two hostile spikes: %+v", r.Spikes.Spikes)
					}
					sp = &r.Spikes.Spikes[i]
				}
			}
			if sp == nil {
				t.Fatalf("spikes = %+v, want the seeded one", r.Spikes.Spikes)
			}
			wed := testWeek.Start().AddDate(0, 0, 2).Add(20 * time.Hour)
			if !sp.From.Equal(wed.Add(time.Minute)) || !sp.To.Equal(wed.Add(59*time.Minute)) || sp.Total != 30 {
				t.Errorf("spike = %s–%s, %d posts; want 20:01–20:59 WITA, 30", sp.From, sp.To, sp.Total)
			}
			if n := hostileIn(c.all, sp.From, sp.To); int64(n) != sp.Total {
				t.Errorf("spike counts %d, the seeded hostile posts from %s to %s are %d", sp.Total, sp.From, sp.To, n)
			}
			if len(sp.Places) == 0 || sp.Places[0].Key != "Sungai Pinang" || len(sp.Programs) == 0 || sp.Programs[0].Key != "Pengendalian banjir" {
				t.Errorf("spike about %+v where %+v", sp.Programs, sp.Places)
			}
			if k := r.Spikes.Kinds; k.Abusive != 22 || k.Hate != 8 || k.Threats != 1 {
				t.Errorf("hostile kinds %+v, want 22 abusive, 8 hate, 1 threat", k)
			}
			if len(r.Breaches) != 2 || r.Breaches[0].Org != "Kecamatan Sungai Pinang" || r.Breaches[1].Org != "Dinas PUPR" {
				t.Errorf("breaches = %+v", r.Breaches)
			}
			if !hasTerm(r, "#banjirlagi") || !hasTerm(r, "tanggul jebol") {
				t.Errorf("rising issues %+v lack the seeded #banjirlagi and \"tanggul jebol\"", r.Issues.Terms)
			}
			for _, term := range r.Issues.Terms {
				if term.Kind == IssuePhrase && !strings.Contains(term.Key, " ") {
					t.Errorf("single word %q listed as a rising issue", term.Key)
				}
			}
			for _, a := range r.Sources.Accounts {
				if strings.Contains(a.Account, "akun") || strings.Contains(a.Account, "Nama Warga") {
					t.Errorf("citizen account not pseudonymised: %+v", a)
				}
			}
			if !gapMentions(r, "YouTube") {
				t.Errorf("silent youtube collector not reported: gaps %q", r.Method.Gaps)
			}
			js, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "weekly-"+lang+".golden.json", append(js, '\n'))
			golden(t, "weekly-"+lang+".golden.html", stableHTML(out.HTML))
			if m := external.Find(out.HTML); m != nil {
				t.Errorf("HTML is not self-contained: %s", m)
			}
			if n := bytes.Count(out.HTML, []byte("data:image/png;base64,")); n != 4 {
				t.Errorf("HTML embeds %d charts, want 4", n)
			}
			checkPDF(t, out.PDF, 4, 12)
			keep(t, FileBase(testWeek, lang), out)
			if lang == LangID { // a cut breach list says so
				cutOut, err := Generate(ctx, db, testWeek, Options{Lang: lang, MaxBreaches: 1, Now: weekDone})
				if err != nil {
					t.Fatal(err)
				}
				if len(cutOut.Report.Breaches) != 1 || !bytes.Contains(cutOut.HTML, []byte("Menampilkan 1 pelanggaran pertama dari 2")) {
					t.Errorf("cut breach list not announced (%d rows)", len(cutOut.Report.Breaches))
				}
			}
		})
	}
}

// weekDone is a clock a day after the test week ended.
func weekDone() time.Time { return testWeek.End().AddDate(0, 0, 1) }

func TestUnfinishedWeek(t *testing.T) {
	db, _ := seed(t, seedSpec{})
	now := testWeek.Start().AddDate(0, 0, 3).Add(10 * time.Hour) // Thursday 10:00 WITA
	out, err := Generate(context.Background(), db, testWeek, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if !out.Report.Unfinished || out.Report.DataUntil != "Kam 19/11 10:00" {
		t.Errorf("unfinished %v, data until %q", out.Report.Unfinished, out.Report.DataUntil)
	}
	if !bytes.Contains(out.HTML, []byte("Minggu belum selesai: data sampai Kam 19/11 10:00 WITA")) || !strings.Contains(pdfText(t, out.PDF), "Minggu belum selesai") {
		t.Error("HTML or PDF lacks the unfinished-week note")
	}
}

// keep writes the report into $DENGAR_REPORT_KEEP, to look at the pages.
func keep(t *testing.T, base string, out *Output) {
	if dir := os.Getenv("DENGAR_REPORT_KEEP"); dir != "" {
		if _, _, err := writeFiles(dir, base, out); err != nil {
			t.Error(err)
		}
	}
}

func hasTerm(r *Report, term string) bool {
	for _, t := range r.Issues.Terms {
		if t.Key == term {
			return len(t.Examples) > 0 || t.SameAs != ""
		}
	}
	return false
}

// hostileIn counts the hostile mentions of ms posted in [from, to]
// (minutes inclusive).
func hostileIn(ms []mention.Mention, from, to time.Time) int {
	n := 0
	for _, m := range ms {
		if m.Hostility.Label != mention.HostilityNone && !m.PostedAt.Before(from) && m.PostedAt.Before(to.Add(time.Minute)) {
			n++
		}
	}
	return n
}

func gapMentions(r *Report, src string) bool {
	for _, g := range r.Method.Gaps {
		if strings.Contains(g, src) {
			return true
		}
	}
	return false
}

// checkPDF renders the PDF with pdftoppm and checks the page count.
func checkPDF(t *testing.T, pdf []byte, minPages, maxPages int) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftoppm is missing (install poppler-utils); CI must render the PDF")
		}
		t.Skip("pdftoppm is missing: install poppler-utils to render the PDF")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "r.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pdftoppm", "-png", "-r", "40", in, filepath.Join(dir, "page"))
	if out, err := cmd.CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	want := pdfPageCount(t, pdf)
	if len(pages) != want {
		t.Errorf("pdftoppm rendered %d pages, the PDF declares %d", len(pages), want)
	}
	if len(pages) < minPages || len(pages) > maxPages {
		t.Errorf("PDF has %d pages, want %d–%d", len(pages), minPages, maxPages)
	}
	t.Logf("PDF: %d bytes, %d pages", len(pdf), len(pages))
	return len(pages)
}

var pageCount = regexp.MustCompile(`/Type /Pages\s*/Kids \[[^\]]*\]\s*/Count (\d+)`)

func pdfPageCount(t *testing.T, pdf []byte) int {
	m := pageCount.FindSubmatch(pdf)
	if m == nil {
		t.Fatal("PDF has no page tree")
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func TestNoDataWeek(t *testing.T) {
	db, _ := seed(t, seedSpec{emptyThisWeek: true, runs: true})
	ctx := context.Background()
	// The seeded corpus has data before the week: an empty week then reads
	// as collectors down. A week far from any data reads as no system.
	for _, tc := range []struct {
		name    string
		week    Week
		wantGap string
		wantSay string
	}{
		{"collectors down all week", testWeek, "Semua sumber yang biasanya aktif", "kolektor tidak berjalan"},
		{"nothing ever", Week{Year: 2025, Num: 10}, "Tidak ada sumber yang aktif", "sistem kemungkinan belum berjalan"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Generate(ctx, db, tc.week, Options{Now: weekDone})
			if err != nil {
				t.Fatal(err)
			}
			r := out.Report
			if !r.NoData || r.Summary.Current.Mentions != 0 {
				t.Fatalf("NoData = %v with %d mentions", r.NoData, r.Summary.Current.Mentions)
			}
			if !strings.Contains(strings.Join(r.Summary.Sentences, " "), tc.wantSay) {
				t.Errorf("summary %q does not say %q", r.Summary.Sentences, tc.wantSay)
			}
			if !strings.Contains(strings.Join(r.Method.Gaps, " "), tc.wantGap) {
				t.Errorf("gaps %q do not say %q", r.Method.Gaps, tc.wantGap)
			}
			for _, k := range r.Summary.KPIs {
				if k.Key == "index" && (k.Valid || k.Display != "n/a" || k.Change != "n/a") {
					t.Errorf("index of an empty week = %+v, want n/a", k)
				}
			}
			if !bytes.Contains(out.HTML, []byte("Tidak ada data untuk minggu ini")) {
				t.Error("HTML lacks the no-data banner")
			}
			checkPDF(t, out.PDF, 1, 5)
			keep(t, "nodata-"+tc.week.String(), out)
			if tc.week == testWeek {
				golden(t, "collectors-down.golden.html", stableHTML(out.HTML))
				for _, src := range seedSources {
					if !gapMentions(r, sourceNames[src]) {
						t.Errorf("source %s not reported silent: %q", src, r.Method.Gaps)
					}
				}
				// collector_runs: x failed all 28 passes; the others never ran.
				gaps := strings.Join(r.Method.Gaps, "\n")
				for _, want := range []string{"Kolektor x gagal pada semua 28 putarannya minggu ini (galat terakhir: auth)",
					"Kolektor youtube tidak tercatat berjalan sepanjang minggu (empat minggu sebelumnya: 112 putaran)"} {
					if !strings.Contains(gaps, want) {
						t.Errorf("gaps lack %q:\n%s", want, gaps)
					}
				}
			}
		})
	}
}

func TestWriteWeekly(t *testing.T) {
	db, _ := seed(t, seedSpec{})
	dir := t.TempDir()
	hp, pp, err := WriteWeekly(context.Background(), db, WriteOptions{
		OutDir: dir,
		// Monday of the week after: the last complete week is testWeek.
		Now: func() time.Time { return testWeek.End().Add(7 * time.Hour) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(hp) != "dengar-laporan-mingguan-2026-W47.html" || filepath.Base(pp) != "dengar-laporan-mingguan-2026-W47.pdf" {
		t.Errorf("paths %s %s", hp, pp)
	}
	for _, p := range []string{hp, pp} {
		if st, err := os.Stat(p); err != nil || st.Size() < 1000 {
			t.Errorf("%s: %v", p, err)
		}
	}
	// The demo path: the week of the newest mention, whatever the clock says.
	hp, _, err = WriteWeekly(context.Background(), db, WriteOptions{OutDir: dir, LatestData: true, Now: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil || filepath.Base(hp) != "dengar-laporan-mingguan-2026-W47.html" {
		t.Errorf("latest-data report %s: %v", hp, err)
	}
	// A week that has not begun is refused, with a message that says so.
	_, _, err = WriteWeekly(context.Background(), db, WriteOptions{OutDir: dir, Week: "2027-W10", Now: weekDone})
	if !errors.Is(err, ErrWeekNotBegun) || !strings.Contains(err.Error(), "2027-W10 starts on 2027-03-08") {
		t.Errorf("a future week: %v, want ErrWeekNotBegun naming its start", err)
	}
	if _, _, err := WriteWeekly(context.Background(), db, WriteOptions{OutDir: dir, Week: "2026-W99"}); err == nil {
		t.Error("bad week accepted")
	}
	if _, _, err := WriteWeekly(context.Background(), db, WriteOptions{OutDir: dir, Week: "2026-W47", Lang: "fr"}); err == nil {
		t.Error("unknown language accepted")
	}
}

// The seeded corpus uses only the contract's labels.
var _ = mention.KindCitizen

// pdfText is the text of a PDF, to check what a reader sees.
func pdfText(t *testing.T, pdf []byte) string { return reporttest.PDFText(t, pdf) }
