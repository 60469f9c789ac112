package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
)

// printSummary writes the end-of-run overview (user-facing: Indonesian,
// times in WITA, programs and sources by their names).
func printSummary(out io.Writer, s store.Summary, cfg *appConfig) {
	wita := func(t time.Time) string { return t.In(clock.WITA).Format("02/01/2006 15:04") }
	fmt.Fprintf(out, "\n== Ringkasan Dengar: %s s.d. %s WITA ==\n", wita(s.From), wita(s.To))
	fmt.Fprintf(out, "Total sebutan: %d   (model: %s)\n\n", s.Total, s.ModelVersion)
	programNames := cfg.Names()
	for id, n := range programNames { // "Probebaya (Program …)" → "Probebaya"
		if i := strings.Index(n, " ("); i > 0 {
			programNames[id] = n[:i]
		}
	}
	programNames[""] = "(tanpa program)"
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	section := func(title string, cs []store.Count, names map[string]string) {
		fmt.Fprintf(tw, "%s\t\t\n", title)
		for _, c := range cs {
			label := c.Label
			if name, ok := names[label]; ok {
				label = name
			}
			if label == "" {
				label = "(tanpa label)"
			}
			fmt.Fprintf(tw, "  %s\t%d\t%s\n", label, c.N, bar(c.N, s.Total))
		}
		fmt.Fprintln(tw, "\t\t")
	}
	section("Sebutan per program", s.Programs, programNames)
	tw.Flush()
	var perProgram uint64
	for _, c := range s.Programs {
		perProgram += c.N
	}
	if perProgram > s.Total {
		fmt.Fprintf(out, "  Jumlah per program (%d) melebihi total sebutan (%d): satu unggahan dapat menyebut beberapa program.\n\n", perProgram, s.Total)
	}
	section("Sentimen", s.Sentiment, mention.LabelNames)
	section("Konten bermusuhan", s.Hostility, mention.LabelNames)
	section("Sumber", s.Sources, sourceNames)
	tw.Flush()
	fmt.Fprintf(out, "Unggahan partisan: %d   Ancaman: %d   Pelanggaran netralitas: %d   Perlu ditinjau: %d\n\n", s.Partisan, s.Threats, s.Breaches, s.NeedsReview)
	host, port := cfg.ClickHouse.Addr, ""
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host, port = host[:i], host[i+1:]
	}
	fmt.Fprintf(out, "Selanjutnya:\n  clickhouse-client --host %s --port %s -q 'SELECT source, count() FROM %s.mentions FINAL GROUP BY source'\n", host, port, cfg.ClickHouse.Database)
	fmt.Fprintf(out, "  echo 'Banjir lagi di Sempaja 😡' | ./bin/dengar tag --explain\n")
	if s.NeedsReview > 0 {
		fmt.Fprintf(out, "  ./bin/dengar labels queue --clickhouse %s --days 0 --limit 50 --out tinjau.jsonl   # antrean \"Perlu ditinjau\" untuk dikoreksi\n", cfg.ClickHouse.Addr)
	}
	fmt.Fprintf(out, "  docker compose -f deploy/compose.yaml up -d --build   # dasbor Grafana, produksi (deploy/README.md)\n")
}

// sourceNames are the display names of the sources in the summary.
var sourceNames = map[string]string{
	"x": "X (Twitter)", "facebook": "Facebook", "instagram": "Instagram", "youtube": "YouTube", "telegram": "Telegram",
	"mastodon": "Mastodon", "rss": "RSS", "googlenews": "Google News", "tiktok": "TikTok", "webhook": "webhook", "file": "berkas",
}

func bar(n, total uint64) string {
	if total == 0 {
		return ""
	}
	w := int(40 * n / total)
	return strings.Repeat("█", w)
}
