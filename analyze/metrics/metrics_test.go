package metrics

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestMetrics(t *testing.T) {
	c := NewConfusion("a", "b")
	for _, p := range [][2]string{{"a", "a"}, {"a", "a"}, {"a", "b"}, {"b", "b"}} {
		c.Add(p[0], p[1])
	}
	// a: P=1 R=2/3 F1=0.8; b: P=0.5 R=1 F1=2/3.
	if got, want := c.MacroF1(), (0.8+2.0/3)/2; math.Abs(got-want) > 1e-9 {
		t.Fatalf("macro-F1 = %v, want %v", got, want)
	}
	var buf bytes.Buffer
	if err := c.Report(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if last := lines[len(lines)-1]; last != "macro_f1=0.7333 n=4" {
		t.Fatalf("last line %q", last)
	}
	if ci := lines[len(lines)-2]; !strings.HasPrefix(ci, "macro_f1_ci95=") {
		t.Fatalf("interval line %q", ci)
	}
}

func TestMacroF1Interval(t *testing.T) {
	// n predictions, the first `wrong` of them mistaken.
	build := func(n, wrong int) *Confusion {
		c := NewConfusion("a", "b")
		for i := range n {
			gold := []string{"a", "b"}[i%2]
			pred := gold
			if i < wrong {
				pred = []string{"b", "a"}[i%2]
			}
			c.Add(gold, pred)
		}
		return c
	}
	cases := []struct {
		name     string
		n, wrong int
	}{
		{"small", 100, 15},
		{"large", 4000, 600},
		{"perfect", 200, 0},
	}
	width := map[string]float64{}
	for _, tc := range cases {
		c := build(tc.n, tc.wrong)
		lo, hi := c.MacroF1Interval(BootstrapReps, 1)
		f := c.MacroF1()
		if lo > f || hi < f || lo > hi {
			t.Errorf("%s: interval %.4f..%.4f does not hold macro-F1 %.4f", tc.name, lo, hi, f)
		}
		if lo2, hi2 := c.MacroF1Interval(BootstrapReps, 1); lo2 != lo || hi2 != hi {
			t.Errorf("%s: not deterministic for a seed", tc.name)
		}
		width[tc.name] = hi - lo
	}
	if width["perfect"] != 0 {
		t.Errorf("perfect predictions: interval width %v, want 0", width["perfect"])
	}
	// The width shrinks like 1/√n: 40× the rows, about a sixth of the width.
	if r := width["large"] / width["small"]; r < 0.08 || r > 0.3 {
		t.Errorf("width ratio large/small = %.3f (widths %v)", r, width)
	}
	if lo, hi := NewConfusion("a").MacroF1Interval(BootstrapReps, 1); lo != 0 || hi != 0 {
		t.Errorf("empty confusion: %v..%v", lo, hi)
	}
}
