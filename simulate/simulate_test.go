package simulate

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

var update = flag.Bool("update", false, "rewrite demo/corpus.jsonl")

func TestDemoCorpusInSync(t *testing.T) {
	got, err := RenderDemo()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("demo/corpus.jsonl", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, DemoCorpus()) {
		t.Fatal("demo/corpus.jsonl is out of date: run go test ./simulate -run TestDemoCorpusInSync -update")
	}
}

func TestDemoCorpusContents(t *testing.T) {
	var n, hostileInSpike, breaches, banjar int
	programs := map[string]int{}
	kinds := map[string]int{}
	spikeEnd := DemoSpike.Start.Add(DemoSpike.Duration)
	opts := DemoOptions()
	opts.Truth = true
	err := Generate(opts, func(m *mention.Mention) error {
		n++
		m.Normalize()
		if err := m.Validate(); err != nil {
			t.Errorf("invalid demo mention: %v", err)
		}
		if m.PostedAt.Before(opts.Start) || !m.PostedAt.Before(opts.End) {
			t.Errorf("posted_at %s outside the demo range", m.PostedAt)
		}
		for _, p := range m.Programs {
			programs[p]++
		}
		kinds[m.Author.Kind]++
		if m.Hostility.Label != "none" && !m.PostedAt.Before(DemoSpike.Start) && m.PostedAt.Before(spikeEnd) {
			hostileInSpike++
		}
		if m.NeutralityBreach {
			breaches++
		}
		if strings.Contains(m.Text, "ulun") || strings.Contains(m.Text, "kada") {
			banjar++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 3000 || n > 6000 {
		t.Errorf("demo corpus has %d mentions, want about four weeks at ~6/hour", n)
	}
	for _, p := range []string{"probebaya", "teras-samarinda", "terowongan-samarinda", "pasar-pagi", "banjir"} {
		if programs[p] < 100 {
			t.Errorf("program %s has %d mentions, want ≥ 100", p, programs[p])
		}
	}
	for _, k := range []string{mention.KindCitizen, mention.KindMedia, mention.KindGovernment} {
		if kinds[k] == 0 {
			t.Errorf("no %s authors", k)
		}
	}
	if hostileInSpike < DemoSpike.Count {
		t.Errorf("hostile mentions in the spike window = %d, want ≥ %d", hostileInSpike, DemoSpike.Count)
	}
	if breaches != len(DemoBreaches) {
		t.Errorf("neutrality breaches = %d, want %d", breaches, len(DemoBreaches))
	}
	if banjar < 100 {
		t.Errorf("Banjar posts = %d, want ≥ 100", banjar)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	opts := Options{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), PerHour: 50, Seed: 7}
	var a, b bytes.Buffer
	if _, err := WriteJSONL(&a, opts); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteJSONL(&b, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() == 0 {
		t.Fatal("same seed, different output")
	}
}

func TestRateFollowsDailySeasonality(t *testing.T) {
	night := Rate(60, time.Date(2026, 11, 18, 3, 0, 0, 0, clock.WITA))
	evening := Rate(60, time.Date(2026, 11, 18, 20, 0, 0, 0, clock.WITA))
	if !(evening > 5*night) {
		t.Fatalf("evening rate %.2f should be far above night rate %.2f", evening, night)
	}
}
