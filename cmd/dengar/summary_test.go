package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/dengar-id/dengar/store"
)

// TestPrintSummary checks the end-of-run overview against its golden file:
// Indonesian headings and label names, counts and bars.
func TestPrintSummary(t *testing.T) {
	s := store.Summary{
		From: time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
		Total:        100,
		Programs:     []store.Count{{Label: "probebaya", N: 60}, {Label: "", N: 40}, {Label: "pengendalian-banjir", N: 25}},
		Sentiment:    []store.Count{{Label: "neutral", N: 50}, {Label: "negative", N: 30}, {Label: "positive", N: 20}},
		Hostility:    []store.Count{{Label: "none", N: 90}, {Label: "hate", N: 8}, {Label: "abusive", N: 2}},
		Sources:      []store.Count{{Label: "x", N: 70}, {Label: "rss", N: 30}},
		Partisan:     3,
		Threats:      1,
		Breaches:     1,
		NeedsReview:  12,
		ModelVersion: "id-test",
	}
	cfg := &appConfig{ClickHouse: store.Config{Addr: "127.0.0.1:19000", Database: "dengar"}}
	var out bytes.Buffer
	printSummary(&out, s, cfg)
	checkGolden(t, "summary.golden", out.Bytes())
}
