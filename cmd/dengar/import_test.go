package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stream"
)

// TestCollectFileCommand: `dengar collect --file` goes through the
// collector runner — the account registry fills the author, a line that is
// not a mention goes to the dead-letter topic with its reason and origin.
func TestCollectFileCommand(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	path := filepath.Join(t.TempDir(), "ekspor.jsonl")
	lines := `{"id":"instagram:1","text":"Probebaya tahap dua cair","posted_at":"2026-11-20T01:00:00Z","author":{"handle":"diskominfosmr"}}
{"id": rusak
{"id":"x:2","text":"Banjir lagi di Sempaja","posted_at":"2026-11-20T02:00:00Z"}
`
	if err := os.WriteFile(path, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runDengar(t, "collect", "--brokers", kcfg.Brokers[0], "--file", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out, "3 received, 2 emitted to Kafka, 1 dropped (malformed)") {
		t.Errorf("output:\n%s", out)
	}
	got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw)
	byID := map[string]mention.Mention{}
	for _, m := range got {
		byID[m.ID] = m
	}
	if len(got) != 2 || byID["instagram:1"].Author.Kind != mention.KindGovernment || byID["instagram:1"].Author.Org != "Diskominfo" {
		t.Fatalf("raw topic: %+v", got)
	}
	dead := ingesttest.ReadMessages(t, kcfg, kcfg.Topics.DLQ)
	if len(dead) != 1 || string(dead[0].Value) != `{"id": rusak` {
		t.Fatalf("dead letters: %+v", dead)
	}
	h := map[string]string{}
	for _, x := range dead[0].Headers {
		h[x.Key] = string(x.Value)
	}
	if h[stream.HeaderStage] != "ingest" || h[stream.HeaderTopic] != "file:"+path || !strings.Contains(h[stream.HeaderError], "line 2: not a JSON mention") {
		t.Errorf("dead letter headers %v", h)
	}
}

// TestSimulateCommand: `dengar simulate` into Kafka produces through the
// runner exactly the stream `--out` writes.
func TestSimulateCommand(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	file := filepath.Join(t.TempDir(), "sim.jsonl")
	args := []string{"simulate", "--from", "2026-11-01", "--to", "2026-11-02", "--per-hour", "30", "--seed", "7"}
	if out, err := runDengar(t, append(args, "--out", file)...); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]bool{}
	for sc := bufio.NewScanner(f); sc.Scan(); {
		m, err := mention.Decode(sc.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		want[m.ID] = true
	}
	out, err := runDengar(t, append(args, "--brokers", kcfg.Brokers[0])...)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw)
	if len(want) < 100 || len(got) != len(want) || !strings.Contains(out, "produced "+strconv.Itoa(len(want))+" mentions") {
		t.Fatalf("produced %d (%q), the file holds %d", len(got), out, len(want))
	}
	for _, m := range got {
		if !want[m.ID] {
			t.Fatalf("%s is not in the --out stream", m.ID)
		}
	}
}
