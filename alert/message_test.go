package alert

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func goldenAlert() Alert {
	now := time.Date(2026, 11, 19, 12, 18, 0, 0, time.UTC)
	return Alert{
		ID: "hostile|program:terowongan-samarinda|20261119T1203", Key: "hostile|program:terowongan-samarinda",
		Family: FamilyHostile, Signals: []string{SignalCount, SignalShare}, Scope: "program:terowongan-samarinda",
		Related: []string{"all", "negative@all", "place:kec-samarinda-ulu"}, State: StateFiring, Severity: SeverityCritical,
		ScopeName: "Terowongan Samarinda",
		OpenedAt:  now.Add(-15 * time.Minute), UpdatedAt: now, WindowFrom: now.Add(-15 * time.Minute), WindowTo: now,
		SpanFrom: now.Add(-19 * time.Minute), SpanTo: now.Add(-1 * time.Minute), SpanCount: 67,
		Observed: 61, Expected: 1.24, Ratio: 49.2, Score: 58.3, Share: 0.82, BaseShare: 0.09, Baseline: BaselineHourOfWeek,
		GrafanaURL: "http://localhost:3000/d/dengar-bermusuhan?from=1&to=2&var-program=terowongan-samarinda",
		Version:    3,
		Explanation: &Explanation{
			Mentions:    61,
			TopTerms:    []Count{{"terowongan", 40}, {"bocor", 22}, {"korupsi", 17}},
			TopHashtags: []Count{{"#saveSamarinda", 19}}, TopSources: []Count{{"x", 30}, {"facebook", 21}},
			TopAccounts: []Count{{"warga-1a2b3c4d5e6f", 4}, {"@infosamarinda", 2}},
			TopPlaces:   []Count{{"Samarinda Ulu", 12}},
			Kinds:       []Count{{"ujaran kebencian", 44}, {"kasar", 17}, {"ancaman", 6}},
			Examples: []Example{
				{ID: "x:1", Source: "x", Author: "warga-1a2b3c4d5e6f", Kind: "citizen", Text: "Terowongan bocor lagi <parah> & mahal!!", URL: "https://x.com/i/status/1", PostedAt: now.Add(-10 * time.Minute)},
				{ID: "facebook:2", Source: "facebook", Author: "@infosamarinda", Kind: "public_admin", Text: "Warga protes terowongan", URL: "https://www.facebook.com/infosamarinda/posts/2", PostedAt: now.Add(-8 * time.Minute)},
			},
			Buzzer: Buzzer{Share: 0.59, Mentions: 36, Accounts: 34, Clusters: 2, Script: "Terowongan proyek gagal"},
		},
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./alert -run Render -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestRenderGolden(t *testing.T) {
	a := goldenAlert()
	m := Render(&Event{Type: EventEscalated, Alert: a, Notify: true}, a.ID+"/v3/escalated/telegram")
	checkGolden(t, "spike.txt", m.Subject+"\n\n"+m.Text+"\n")
	checkGolden(t, "spike.telegram.html", m.HTML+"\n")
	checkGolden(t, "spike.slack.md", m.Markdown+"\n")
	if strings.Contains(m.HTML, "<parah>") || !strings.Contains(m.HTML, "&lt;parah&gt; &amp; mahal") {
		t.Error("post text is not escaped in the Telegram HTML")
	}

	breach := Alert{ID: "breach:facebook:9", Key: "breach:facebook:9", Family: FamilyBreach, Scope: store.ScopeAll, State: StateFiring,
		Severity: SeverityHigh, OpenedAt: time.Date(2026, 11, 4, 1, 15, 0, 0, time.UTC), WindowFrom: time.Date(2026, 11, 4, 1, 15, 0, 0, time.UTC),
		MentionID: "facebook:9", Version: 1, Explanation: explainMentions(&Config{BuzzerWindow: 10 * time.Minute, Names: map[string]string{"prabowo-gibran": "Prabowo Subianto - Gibran Rakabuming Raka"}}, nil, []store.AlertMention{{
			ID: "facebook:9", Source: "facebook", URL: "https://www.facebook.com/kec.samarindaulu/posts/9", AuthorHandle: "kec.samarindaulu",
			AuthorKind: "government", AuthorOrg: "Kecamatan Samarinda Ulu", AuthorLevel: "kecamatan", Breach: true,
			Cues: []string{`hand-sign: "coblos nomor 2" → prabowo-gibran`, `support-call: "Dukung Bang Rahmat" → unlisted:calon-rahmat`},
			Text: "Ayo coblos nomor 2!", PostedAt: time.Date(2026, 11, 4, 1, 15, 0, 0, time.UTC),
		}})}
	bm := Render(&Event{Type: EventOpened, Alert: breach, Notify: true}, "breach:facebook:9/v1/opened/email")
	checkGolden(t, "breach.txt", bm.Subject+"\n\n"+bm.Text+"\n")
}
