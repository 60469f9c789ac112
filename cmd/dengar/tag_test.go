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
			path := filepath.Join("testdata", c.name)
			if *update {
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestTagGolden -update)", err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("output differs from %s (run with -update if the models changed on purpose)\ngot:\n%s", path, out.String())
			}
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

func TestTagBadInput(t *testing.T) {
	ts, err := analyze.ModelTaggers()
	if err != nil {
		t.Fatal(err)
	}
	p := analyze.NewPipelineOf(ts...)
	for _, in := range []string{`{"text": 12}`, `{"text":"a","author":{"kind":"alien"}}`, `{"text":""}`} {
		var out bytes.Buffer
		err := runTag(context.Background(), p, strings.NewReader(in+"\n"), &out, tagOptions{now: fixedNow})
		if err == nil {
			t.Errorf("%s: no error", in)
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
