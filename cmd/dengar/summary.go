package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
)

// printSummary writes the end-of-run overview (user-facing: Indonesian).
func printSummary(out io.Writer, s store.Summary, cfg *appConfig) {
	fmt.Fprintf(out, "\n== Ringkasan Dengar: %s s.d. %s (UTC) ==\n", s.From.Format("2006-01-02"), s.To.Format("2006-01-02"))
	fmt.Fprintf(out, "Total sebutan: %d   (model: %s)\n\n", s.Total, s.ModelVersion)
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
	section("Sebutan per program", s.Programs, nil)
	section("Sentimen", s.Sentiment, mention.LabelNames)
	section("Konten bermusuhan", s.Hostility, mention.LabelNames)
	section("Sumber", s.Sources, nil)
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

func bar(n, total uint64) string {
	if total == 0 {
		return ""
	}
	w := int(40 * n / total)
	return strings.Repeat("█", w)
}
