package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/report"
	"github.com/dengar-id/dengar/report/reporttest"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/store/chtest"
)

// TestNoCitizenHandleLeaves stores, for each source, a week of citizens'
// posts whose links, channels and texts carry their handles, and checks
// that no handle reaches a reader without the authorised option: the
// weekly report's HTML and PDF text, the review queue and the corrections
// export. With the option (--original-links) the original links come back.
func TestNoCitizenHandleLeaves(t *testing.T) {
	week := report.Week{Year: 2026, Num: 47}
	for _, tc := range []struct {
		source string
		// url is the post's link for handle h and post number i.
		url func(h string, i int) string
		// restricted: the platform has no handle-free link, so the
		// original link is kept only in the restricted column.
		restricted bool
	}{
		{"x", func(h string, i int) string { return fmt.Sprintf("https://x.com/%s/status/19000000000%04d", h, i) }, false},
		{"youtube", func(h string, i int) string {
			return fmt.Sprintf("https://www.youtube.com/watch?v=abcdefghijk&lc=Ugx%04d&ab_channel=%s", i, h)
		}, false},
		{"instagram", func(h string, i int) string { return fmt.Sprintf("https://www.instagram.com/%s/reel/Cx%04d/", h, i) }, false},
		{"facebook", func(h string, i int) string { return fmt.Sprintf("https://www.facebook.com/%s/posts/%d", h, 9000+i) }, true},
		{"mastodon", func(h string, i int) string { return fmt.Sprintf("https://mastodon.social/@%s/%d", h, 110+i) }, true},
		{"telegram", func(h string, i int) string { return fmt.Sprintf("https://t.me/%s/%d", h, 12+i) }, true},
		{"webhook", func(h string, i int) string { return fmt.Sprintf("https://forum.example.id/u/%s/post/%d", h, i) }, true},
	} {
		t.Run(tc.source, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, chtest.Config(t))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			start := week.Start().UTC()
			var ms []mention.Mention
			var handles, urls []string
			for i := 0; i < 30; i++ {
				h := fmt.Sprintf("rahasia_%s_%02d", tc.source, i)
				handles = append(handles, h)
				urls = append(urls, tc.url(h, i))
				at := start.Add(time.Duration(10+i*3) * time.Hour)
				ms = append(ms, mention.Mention{
					Schema: mention.SchemaVersion, ID: fmt.Sprintf("%s:priv%02d", tc.source, i), Source: tc.source,
					URL: urls[i], Channel: h, PostedAt: at, CollectedAt: at,
					Author: mention.Author{ID: "id-" + h, Handle: h, Name: "Nama " + h, Kind: mention.KindCitizen},
					Text: fmt.Sprintf("Parit mampet di gang Rahasia lagi, bau busuk sampai rumah. cc @%s @%s", h,
						fmt.Sprintf("rahasia_%s_%02d", tc.source, (i+1)%30)),
					Tags: mention.Tags{
						Sentiment: &mention.Sentiment{Label: mention.SentimentNegative, Score: -0.4, Confidence: 0.4, Review: true},
						Hostility: &mention.Hostility{Label: mention.HostilityNone, Confidence: 0.9},
						Model:     "m1",
					},
				})
			}
			if err := db.InsertMentions(ctx, ms, store.NewPseudonymizer("privacy")); err != nil {
				t.Fatal(err)
			}
			leaks := func(where, s string) {
				t.Helper()
				for _, h := range handles {
					if strings.Contains(strings.ToLower(s), h) {
						t.Errorf("%s: citizen handle %q appears", where, h)
						return
					}
				}
			}

			r, err := report.Build(ctx, db, week, report.Options{})
			if err != nil {
				t.Fatal(err)
			}
			html, err := report.RenderHTML(r, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(html), "warga-") || !strings.Contains(string(html), "Parit mampet") {
				t.Fatalf("the report shows none of the posts (the check would prove nothing)")
			}
			leaks("report HTML", string(html))
			pdf, err := report.RenderPDF(r, nil)
			if err != nil {
				t.Fatal(err)
			}
			leaks("report PDF", reporttest.PDFText(t, pdf))

			q, err := db.ReviewQueue(ctx, store.Range{From: start, To: week.End().UTC()}, 100)
			if err != nil {
				t.Fatal(err)
			}
			if len(q) != len(ms) {
				t.Fatalf("review queue holds %d, want %d", len(q), len(ms))
			}
			b, _ := json.Marshal(q)
			leaks("review queue", string(b))

			if _, err := db.AddCorrections(ctx, []store.Correction{{MentionID: ms[0].ID, Field: "sentiment", Value: "neutral", By: "uji"}}); err != nil {
				t.Fatal(err)
			}
			ex, err := db.CorrectedMentions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(ex) != 1 {
				t.Fatalf("export holds %d corrected mentions, want 1", len(ex))
			}
			b, _ = json.Marshal(ex)
			leaks("corrections export", string(b))

			// The authorised option gives the original links back.
			ro, err := report.Build(ctx, db, week, report.Options{OriginalLinks: true})
			if err != nil {
				t.Fatal(err)
			}
			oh, err := report.RenderHTML(ro, nil)
			if err != nil {
				t.Fatal(err)
			}
			qo, err := db.ReviewQueue(ctx, store.Range{From: start, To: week.End().UTC()}, 100, store.OriginalLinks)
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, it := range qo {
				for _, u := range urls {
					if it.URL == u {
						found++
					}
				}
			}
			if tc.restricted && found != len(qo) {
				t.Errorf("review queue with original links: %d of %d items carry their original link", found, len(qo))
			}
			if tc.restricted && !strings.Contains(string(oh), "rahasia_"+tc.source) {
				t.Errorf("report with original links shows no original link")
			}
		})
	}
}
