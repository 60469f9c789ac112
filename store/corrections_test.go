package store_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/store"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestCorrectionsOverrideTagsEverywhere(t *testing.T) {
	db, _ := seedQueries(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 20, 1, 0, 0, 0, time.UTC)
	stored, err := db.AddCorrections(ctx, []store.Correction{
		{MentionID: "x:2", Field: "hostility", Value: "none", By: "ana", Note: "kritik, bukan hinaan", At: at},
		{MentionID: "rss:5", Field: "sentiment", Value: "Negative", By: "ana", At: at},
		{MentionID: "x:1", Field: "programs", Value: "banjir", By: "budi", At: at},
		{MentionID: "x:7", Field: "partisan", Value: "false", By: "budi", At: at},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 4 || stored[1].Value != "negative" || stored[1].Previous != "neutral" || stored[2].Previous != "probebaya" || stored[3].Value != "0" {
		t.Errorf("stored corrections = %+v", stored)
	}
	// The rollups received the corrections' deltas.
	sums := func(sql string) []int64 {
		t.Helper()
		var a, b, c, d, e, f int64
		if err := db.Conn().QueryRow(ctx, sql).Scan(&a, &b, &c, &d, &e, &f); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return []int64{a, b, c, d, e, f}
	}
	days := fmt.Sprintf("hour >= toDateTime(%d) AND hour < toDateTime(%d)", days3.From.Unix(), days3.To.Unix())
	if got, want := sums("SELECT sum(total), sum(abusive), sum(negative), sum(neutral), sum(partisan), sum(engagement) FROM signals_hourly WHERE scope = 'all' AND "+days),
		[]int64{7, 1, 4, 1, 1, 96}; !reflect.DeepEqual(got, want) {
		t.Errorf("signals_hourly after corrections: total, abusive, negative, neutral, partisan, engagement = %v, want %v", got, want)
	}
	if got, want := sums("SELECT sumIf(mentions, program = 'banjir'), sumIf(mentions, program = ''), sumIf(mentions, program = 'probebaya'), sumIf(mentions, first_program = 1), sumIf(mentions, first_program = 1 AND "+string(store.Hostile)+"), sumIf(breaches, first_program = 1) FROM mentions_hourly WHERE "+days),
		[]int64{4, 2, 2, 7, 2, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("mentions_hourly after corrections: banjir, no program, probebaya, all, hostile, breaches = %v, want %v", got, want)
	}
	hour9 := fmt.Sprintf("hour = toDateTime(%d)", day0.Add(9*time.Hour).Unix())
	if got, want := sums("SELECT sum(total), sum(hostile), sum(negative), sum(positive), sum(threats), sum(breaches) FROM signals_hourly WHERE scope = 'place:samarinda_ulu' AND "+hour9),
		[]int64{2, 0, 1, 1, 0, 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("signals of samarinda_ulu after corrections = %v, want %v", got, want)
	}
	// The readers of raw rows read the same effective labels.
	tot, err := db.ReportTotals(ctx, days3)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.ReportTotals{Mentions: 7, Positive: 2, Neutral: 1, Negative: 4, Hostile: 2, Hate: 1, Threats: 1, Political: 2, Partisan: 1, Breaches: 1, Engagement: 96}); tot != want {
		t.Errorf("ReportTotals after corrections = %+v\nwant %+v", tot, want)
	}
	top, err := db.ReportPosts(ctx, days3, store.PostFilter{HostileOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := reportIDs(top), []string{"x:7", "youtube:3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("hostile posts after corrections = %v, want %v", got, want)
	}
	neg, err := db.AlertMentions(ctx, "program:banjir", store.Negative, days3.From, days3.To, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := alertIDs(neg), []string{"x:7", "rss:5", "youtube:3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("negative banjir mentions after corrections = %v, want %v", got, want)
	}
	ex, err := db.AlertMentions(ctx, "program:probebaya", store.AnyLabel, days3.From, days3.To, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := alertIDs(ex), []string{"youtube:3", "x:2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("probebaya mentions after moving x:1 to banjir = %v, want %v", got, want)
	}
	// A second correction of the same field wins and moves the rollups again.
	if _, err := db.AddCorrections(ctx, []store.Correction{{MentionID: "rss:5", Field: "sentiment", Value: "positive", By: "ana", At: at.Add(time.Hour)}}); err != nil {
		t.Fatal(err)
	}
	tot, _ = db.ReportTotals(ctx, days3)
	if tot.Negative != 3 || tot.Positive != 3 || tot.Neutral != 1 {
		t.Errorf("ReportTotals after re-correction = %+v", tot)
	}
	if got, want := sums("SELECT sum(total), sum(negative), sum(positive), sum(neutral), toInt64(0), toInt64(0) FROM signals_hourly WHERE scope = 'all' AND "+days),
		[]int64{7, 3, 3, 1, 0, 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("signals_hourly after re-correction: total, negative, positive, neutral = %v, want %v", got, want)
	}
	// Unknown ids and bad values write nothing.
	for _, bad := range []store.Correction{
		{MentionID: "x:nope", Field: "sentiment", Value: "positive"},
		{MentionID: "x:1", Field: "sentiment", Value: "great"},
		{MentionID: "x:1", Field: "colour", Value: "red"},
		{MentionID: "x:1", Field: "programs", Value: "a b"},
	} {
		if _, err := db.AddCorrections(ctx, []store.Correction{bad}); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("AddCorrections(%+v) = %v, want ErrBadQuery", bad, err)
		}
	}
	var stored5 uint64
	if err := db.Conn().QueryRow(ctx, "SELECT count() FROM label_corrections").Scan(&stored5); err != nil {
		t.Fatal(err)
	}
	if stored5 != 5 {
		t.Errorf("%d corrections stored, want 5", stored5)
	}
	// Importing the same corrections again adds nothing and keeps what
	// each one replaced (the audit trail of the first import).
	again, err := db.AddCorrections(ctx, []store.Correction{
		{MentionID: "x:2", Field: "hostility", Value: "none", By: "ana", At: at.Add(2 * time.Hour)},
		{MentionID: "rss:5", Field: "sentiment", Value: "positive", By: "ana", At: at.Add(2 * time.Hour)},
	})
	if err != nil || len(again) != 0 {
		t.Errorf("re-import stored %+v, %v; want nothing", again, err)
	}
	var rows uint64
	var prev string
	if err := db.Conn().QueryRow(ctx, "SELECT count(), anyIf(previous, mention_id = 'x:2') FROM label_corrections").Scan(&rows, &prev); err != nil {
		t.Fatal(err)
	}
	if rows != 5 || prev != "abusive" {
		t.Errorf("after a re-import: %d rows, x:2's previous hostility %q; want 5 and the model's \"abusive\"", rows, prev)
	}

	// Export: golden files for JSONL (all, and sentiment only) and SmSA.
	lm, err := db.CorrectedMentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []struct {
		name   string
		format store.LabelFormat
		field  string
		n      int
	}{
		{"labels_all.jsonl", store.FormatJSONL, "", 4},
		{"labels_sentiment.jsonl", store.FormatJSONL, "sentiment", 1},
		{"labels_smsa.tsv", store.FormatSmSA, "", 1},
	} {
		var buf bytes.Buffer
		n, err := store.WriteLabels(&buf, lm, g.format, g.field)
		if err != nil {
			t.Fatal(err)
		}
		if n != g.n {
			t.Errorf("%s: %d records, want %d", g.name, n, g.n)
		}
		golden(t, g.name, buf.Bytes())
	}
	if _, err := store.WriteLabels(&bytes.Buffer{}, lm, store.FormatSmSA, "hostility"); err == nil {
		t.Error("smsa with hostility: want an error")
	}
	// Round trip: the export, imported back, gives the same corrections.
	var buf bytes.Buffer
	if _, err := store.WriteLabels(&buf, lm, store.FormatJSONL, ""); err != nil {
		t.Fatal(err)
	}
	back, err := store.ReadCorrections(&buf, "import")
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, c := range back {
		pairs = append(pairs, c.MentionID+"/"+c.Field+"="+c.Value)
	}
	if want := []string{"rss:5/sentiment=positive", "x:1/programs=banjir", "x:2/hostility=none", "x:7/partisan=0"}; !reflect.DeepEqual(pairs, want) {
		t.Errorf("round trip = %v, want %v", pairs, want)
	}
}

// golden compares got with testdata/name (rewritten with -update).
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
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file:\n got: %s\nwant: %s", name, got, want)
	}
}

func TestReadCorrections(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
		err      string
	}{
		{"single", `{"id":"x:1","field":"sentiment","value":"POSITIVE","by":"ana"}`, []string{"x:1/sentiment=positive/ana"}, ""},
		{"bool and list", "# comment\n\n" + `{"id":"x:1","field":"partisan","value":true}` + "\n" + `{"id":"x:2","field":"programs","value":["banjir","probebaya","banjir"]}`,
			[]string{"x:1/partisan=1/ops", "x:2/programs=banjir,probebaya/ops"}, ""},
		{"labels", `{"id":"x:3","labels":{"threat":false,"emotion":"anger"}}`, []string{"x:3/emotion=anger/ops", "x:3/threat=0/ops"}, ""},
		{"not json", `{"id":`, nil, "line 1"},
		{"no field", `{"id":"x:1"}`, nil, "line 1"},
		{"bad value", "\n" + `{"id":"x:1","field":"hostility","value":"mean"}`, nil, "line 2"},
		{"bad at", `{"id":"x:1","field":"hostility","value":"hate","at":"yesterday"}`, nil, "line 1"},
		{"corrected without label", `{"id":"x:1","labels":{},"corrected":["sentiment"]}`, nil, "line 1"},
		{"bahasa names", `{"id":"x:1","field":"sentiment","value":"Positif"}` + "\n" + `{"id":"x:2","labels":{"hostility":"ujaran kebencian"}}`,
			[]string{"x:1/sentiment=positive/ops", "x:2/hostility=hate/ops"}, ""},
		{"the valid values listed", `{"id":"x:1","field":"sentiment","value":"positiv"}`, nil,
			`line 1: correction of x:1: "positiv" is not a valid sentiment (want positive, neutral, negative; or in Bahasa Indonesia "positif", "netral", "negatif")`},
		{"no reader jargon", `{"id":"x:1","field":"partisan","value":"maybe"}`, nil, `line 1: correction of x:1: "maybe" is not a valid partisan (want 0 or 1`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := store.ReadCorrections(strings.NewReader(c.in), "ops")
			if c.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), c.err) || !errors.Is(err, store.ErrBadQuery) {
					t.Fatalf("err = %v, want one starting %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var s []string
			for _, c := range got {
				s = append(s, c.MentionID+"/"+c.Field+"="+c.Value+"/"+c.By)
			}
			if !reflect.DeepEqual(s, c.want) {
				t.Errorf("got %v, want %v", s, c.want)
			}
		})
	}
}

func FuzzReadCorrections(f *testing.F) {
	for _, s := range []string{
		`{"id":"x:1","field":"sentiment","value":"positive"}`,
		`{"id":"x:3","labels":{"threat":false,"programs":["a"]},"corrected":["threat"]}`,
		`{"id":"x:1","field":"partisan","value":1}`,
		"# c\n\n{}",
		`{"id":"x:1","field":"places","value":[1,2]}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := store.ReadCorrections(strings.NewReader(in), "fuzz")
		if err != nil {
			if !errors.Is(err, store.ErrBadQuery) && !strings.Contains(err.Error(), "read corrections") {
				t.Fatalf("error does not wrap ErrBadQuery: %v", err)
			}
			return
		}
		for _, c := range cs {
			if c.MentionID == "" || c.Field == "" {
				t.Fatalf("accepted an incomplete correction %+v", c)
			}
		}
	})
}

func reportIDs(ps []store.ReportPost) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func alertIDs(ms []store.AlertMention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}
