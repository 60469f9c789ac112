package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/mention"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkGolden compares got with testdata/name, rewriting the file first
// with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update if the change is on purpose)\ngot:\n%s", path, got)
	}
}

// tagInput mixes plain text, partial JSON mentions and a blank line
// (texts written for this test).
const tagInput = `pelayanan disdukcapil cepat dan ramah, mantap!
{"text":"dasar pejabat goblok, bunuh saja koruptor itu","author":{"kind":"citizen"}}

{"id":"x:42","source":"x","text":"kada nyaman banar jalan rusak parah","posted_at":"2026-03-01T08:00:00Z","author":{"kind":"government","org":"Diskominfo"}}
aku takut lewat jembatan itu malam-malam
`

var fixedNow = func() time.Time { return time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) }

func TestTagGolden(t *testing.T) {
	ts, err := analyze.ModelTaggers()
	if err != nil {
		t.Fatal(err)
	}
	p := analyze.NewPipelineOf(ts...)
	for _, c := range []struct {
		name    string
		explain bool
	}{{"tag.golden", false}, {"tag_explain.golden", true}} {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := runTag(context.Background(), p, strings.NewReader(tagInput), &out, tagOptions{explain: c.explain, top: 3, now: fixedNow}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, c.name, out.Bytes())
		})
	}
}

// TestTagPipeline runs the command's pipeline (every tagger) and checks the
// contract of each output line.
func TestTagPipeline(t *testing.T) {
	p, err := newPipeline(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runTag(context.Background(), p, strings.NewReader(tagInput), &out, tagOptions{now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d output lines, want 4:\n%s", len(lines), out.String())
	}
	wantIDs := []string{"stdin:1", "stdin:2", "x:42", "stdin:5"}
	for i, l := range lines {
		m, err := mention.Decode([]byte(l))
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if m.ID != wantIDs[i] {
			t.Errorf("line %d: id %q, want %q", i+1, m.ID, wantIDs[i])
		}
		if m.Sentiment == nil || m.Hostility == nil || m.Emotion == nil || m.Model == "" {
			t.Errorf("line %d: missing tags: %s", i+1, l)
		}
	}
}

// TestTagBadInput checks that a rejected line is reported with its line
// number and skipped while the lines around it are still tagged.
func TestTagBadInput(t *testing.T) {
	ts, err := analyze.ModelTaggers()
	if err != nil {
		t.Fatal(err)
	}
	p := analyze.NewPipelineOf(ts...)
	for _, c := range []struct{ in, reason string }{
		{`{"text": 12}`, "not a JSON mention"},
		{`{"text":"a","author":{"kind":"alien"}}`, "alien"},
		{`{"text":""}`, "text"},
	} {
		in := "jalan rusak lagi\n" + c.in + "\npelayanan cepat\n"
		var out, rejects bytes.Buffer
		err := runTag(context.Background(), p, strings.NewReader(in), &out, tagOptions{now: fixedNow, rejects: &rejects})
		if err == nil || !strings.Contains(err.Error(), "1 of 3 lines rejected") {
			t.Errorf("%s: error %v, want 1 of 3 lines rejected", c.in, err)
		}
		if r := rejects.String(); !strings.Contains(r, "line 2:") || !strings.Contains(r, c.reason) {
			t.Errorf("%s: rejection report %q lacks line 2 and %q", c.in, r, c.reason)
		}
		var ids []string
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			m, err := mention.Decode([]byte(l))
			if err != nil {
				t.Fatalf("%s: output %q: %v", c.in, l, err)
			}
			ids = append(ids, m.ID)
		}
		if strings.Join(ids, " ") != "stdin:1 stdin:3" {
			t.Errorf("%s: tagged %v, want stdin:1 stdin:3", c.in, ids)
		}
	}
}

func TestEvalCommandLastLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tiny.tsv")
	if err := os.WriteFile(path, []byte("pelayanan cepat dan ramah sekali\tpositive\njalan rusak parah dan banjir\tnegative\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runEval(context.Background(), &out, "sentiment", "smsa", path, -1); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "macro_f1=") || !strings.HasSuffix(last, " n=2") {
		t.Fatalf("last line %q", last)
	}
	if err := runEval(context.Background(), &out, "emotion", "smsa", path, -1); err == nil {
		t.Fatal("eval accepted a format without emotion labels")
	}
}

func TestBenchTag(t *testing.T) {
	ts, err := analyze.ModelTaggers()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runBenchTag(context.Background(), analyze.NewPipelineOf(ts...), benchPosts, "built-in", 50*time.Millisecond, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "docs_per_s_per_core=") {
		t.Fatalf("last line %q", lines[len(lines)-1])
	}
}

// TestEvalHostility runs `dengar eval --task hostility` on a small set
// written for this test: the report ends with macro_f1=… n=…, and bad
// input is refused with its line.
func TestEvalHostility(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "set.jsonl")
	set := `{"text": "Pemkot tolol, banjir tiap tahun", "label": "abusive", "threat": false, "target": "institution"}
{"text": "Pendatang itu kayak tikus, usir saja", "label": "hate", "threat": false, "target": "group", "categories": ["race"]}

{"text": "Uang rakyat habis untuk proyek, hasilnya tidak jelas", "label": "none", "threat": false, "hard": "spending"}
`
	if err := os.WriteFile(path, []byte(set), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := evalHostility(context.Background(), &out, "jsonl", path); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "macro_f1=") || !strings.HasSuffix(last, " n=3") {
		t.Fatalf("last line %q", last)
	}
	for _, want := range []string{"hostile_vs_not: f1=", "kind_accuracy_on_hostile=", "hard_negative spending"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	if err := evalHostility(context.Background(), &out, "smsa", path); err == nil {
		t.Error("eval accepted --format smsa for hostility")
	}
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"text": "x", "label": "none"}`+"\n"+`{"text": "y", "label": "kasar"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := evalHostility(context.Background(), &out, "jsonl", bad); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad label: err = %v, want an error at line 2", err)
	}
}
