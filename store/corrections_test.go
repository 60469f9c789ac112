package store_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
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
	// Rollup-based queries see the corrected labels.
	tot, err := db.Totals(ctx, store.Filter{Range: days3})
	if err != nil {
		t.Fatal(err)
	}
	if tot.Mentions != 7 || tot.Abusive != 1 || tot.Negative != 4 || tot.Neutral != 1 || tot.Partisan != 1 || tot.Engagement != 96 {
		t.Errorf("Totals after corrections = %+v, want 7 mentions, 1 abusive, 4 negative, 1 neutral, 1 partisan, engagement 96", tot)
	}
	sov, err := db.ShareOfVoice(ctx, store.Filter{Range: days3}, store.ByProgram)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range sov {
		got = append(got, v.Key+":"+itoa(v.Mentions))
	}
	if want := []string{"banjir:4", "(lainnya):2", "probebaya:2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ShareOfVoice by program after corrections = %v, want %v", got, want)
	}
	sig, err := db.HourlySignals(ctx, "place:samarinda_ulu", store.Range{From: day0.Add(9 * time.Hour).UTC(), To: day0.Add(10 * time.Hour).UTC()})
	if err != nil {
		t.Fatal(err)
	}
	if len(sig) != 1 || sig[0].Total != 2 || sig[0].Hostile != 0 || sig[0].Negative != 1 {
		t.Errorf("signals after corrections = %+v, want total 2, hostile 0, negative 1", sig)
	}
	// Raw-based queries too.
	top, err := db.TopHostilePosts(ctx, store.Filter{Range: days3}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(top), []string{"x:7", "youtube:3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("TopHostilePosts after corrections = %v, want %v", got, want)
	}
	neg, err := db.Posts(ctx, store.Filter{Range: days3, Program: "banjir"}, store.PostQuery{Sentiment: "negative", Order: store.ByRecent})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(neg), []string{"x:7", "rss:5", "youtube:3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("negative banjir posts after corrections = %v, want %v", got, want)
	}
	ex, err := db.ExamplePosts(ctx, store.Filter{Range: days3, Program: "probebaya"}, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(ex), []string{"x:2", "youtube:3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("probebaya posts after moving x:1 to banjir = %v, want %v", got, want)
	}
	// A second correction of the same field wins and moves the rollups again.
	if _, err := db.AddCorrections(ctx, []store.Correction{{MentionID: "rss:5", Field: "sentiment", Value: "positive", By: "ana", At: at.Add(time.Hour)}}); err != nil {
		t.Fatal(err)
	}
	tot, _ = db.Totals(ctx, store.Filter{Range: days3})
	if tot.Negative != 3 || tot.Positive != 3 || tot.Neutral != 1 {
		t.Errorf("Totals after re-correction = %+v", tot)
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
	all, err := db.Corrections(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 {
		t.Errorf("%d corrections stored, want 5", len(all))
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
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := store.ReadCorrections(strings.NewReader(c.in), "ops")
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want one mentioning %q", err, c.err)
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

func TestMentionsEffectiveView(t *testing.T) {
	db, _ := seedQueries(t)
	ctx := context.Background()
	if _, err := db.AddCorrections(ctx, []store.Correction{{MentionID: "x:2", Field: "hostility", Value: "none"}, {MentionID: "facebook:4", Field: "partisan", Value: "0"}}); err != nil {
		t.Fatal(err)
	}
	var hostile, breaches, rows uint64
	q := "SELECT uniqExactIf(id, e_hostility != 'none'), uniqExactIf(id, e_breach = 1), uniqExact(id) FROM `" + db.Database() + "`.mentions_effective WHERE posted_at >= toDateTime(?) AND posted_at < toDateTime(?)"
	if err := db.Conn().QueryRow(ctx, q, days3.From.Unix(), days3.To.Unix()).Scan(&hostile, &breaches, &rows); err != nil {
		t.Fatal(err)
	}
	if hostile != 2 || breaches != 0 || rows != 7 {
		t.Errorf("mentions_effective: hostile %d, breaches %d, mentions %d; want 2, 0, 7", hostile, breaches, rows)
	}
}
