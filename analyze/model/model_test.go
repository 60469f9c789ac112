package model

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

var toyFeatures = Features{Bits: 12, Bigrams: true, NegMark: true, CharMin: 2, CharMax: 4, CharWeight: 1, Lexicon: true}

// toyData is a tiny separable sentiment set written for these tests.
func toyData() ([]Example, []Example) {
	pos := []string{"pelayanan cepat dan ramah", "jalan bagus sekali", "mantap kerja petugas", "taman bersih dan indah", "senang dengan layanan", "bagus dan cepat"}
	neg := []string{"pelayanan lambat sekali", "jalan rusak parah", "petugas kasar dan lambat", "taman kotor dan bau", "kecewa dengan layanan", "tidak bagus dan lambat"}
	var train, valid []Example
	for i := range pos {
		dst := &train
		if i%3 == 2 {
			dst = &valid
		}
		*dst = append(*dst, Example{Text: pos[i], Labels: []string{"positive"}}, Example{Text: neg[i], Labels: []string{"negative"}})
	}
	return train, valid
}

func trainToy(t *testing.T) *Model { return trainToyWith(t, toyFeatures) }

// trainToyWith trains the toy sentiment model with features f.
func trainToyWith(t *testing.T, f Features) *Model {
	t.Helper()
	train, valid := toyData()
	m, err := TrainMulticlass(MulticlassConfig{
		Task: "toy", Version: "t1", Labels: []string{"negative", "positive"}, Features: f,
		Train: train, Valid: valid, SVM: SVMOptions{C: 1, Epochs: 50, Seed: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainPredictRoundTrip(t *testing.T) {
	m := trainToy(t)
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	// Deterministic: training again writes the same bytes.
	var buf2 bytes.Buffer
	if err := trainToy(t).Encode(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Fatal("two trainings wrote different model bytes")
	}
	d, err := Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if d.Task != "toy" || d.Version != "t1" || len(d.Labels) != 2 || d.Scale != m.Scale {
		t.Fatalf("meta did not round-trip: %+v", d.Meta)
	}
	p := make([]float64, 2)
	var v Vec
	for _, c := range []struct {
		text string
		want int
	}{
		{"petugas ramah dan cepat", 1},
		{"jalan kotor dan rusak", 0},
	} {
		d.Predict(normalize.Text(c.text), &v, p)
		if Argmax(p) != c.want {
			t.Errorf("%q: probs %v, want class %d", c.text, p, c.want)
		}
		if s := p[0] + p[1]; math.Abs(s-1) > 1e-9 {
			t.Errorf("%q: probabilities sum to %v", c.text, s)
		}
	}
}

func TestDecodeRejectsBadInput(t *testing.T) {
	m := trainToy(t)
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good[:len(good)/2],
	} {
		if _, err := Decode(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: Decode accepted bad input", name)
		}
	}
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	m := &Model{Meta: Meta{Task: "f", Labels: []string{"a", "b"}, Head: Softmax, Features: Features{Bits: 8}}, W: make([]float32, 512), B: make([]float32, 2)}
	m.W[7] = 1
	if err := m.Encode(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		if len(d.W) != d.Features.Dim()*d.K() {
			t.Fatalf("decoded inconsistent model")
		}
	})
}

func TestNegationMarking(t *testing.T) {
	f := Features{Bits: 16, NegMark: true}
	names := func(s string) string {
		var out []string
		for _, n := range f.Explain(normalize.Text(s)) {
			out = append(out, n.Name)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct{ in, want string }{
		{"pelayanan tidak bagus", "neg:bagus"},
		{"kada nyaman banar", "neg:"},
		{"tidak bagus, tapi murah", "murah"},
	} {
		if got := names(c.in); !strings.Contains(got, c.want) {
			t.Errorf("%q: features %q lack %q", c.in, got, c.want)
		}
	}
	if got := names("tidak bagus, tapi murah"); strings.Contains(got, "neg:murah") {
		t.Errorf("negation scope crossed a comma: %q", got)
	}
}

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

func TestFitPlattAndScale(t *testing.T) {
	s := []float64{-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2}
	y := []bool{false, false, false, true, false, true, true, true}
	a, b := FitPlatt(s, y)
	if a <= 0 || math.Abs(b) > 1 {
		t.Fatalf("Platt a=%v b=%v", a, b)
	}
	sc := FitScale([][]float64{{1, -1}, {-1, 1}, {0.5, -0.5}, {-0.2, 0.2}}, []int{0, 1, 0, 1})
	if sc <= 0 {
		t.Fatalf("scale %v", sc)
	}
}

func TestBundleMatchesModels(t *testing.T) {
	m1 := trainToy(t)
	m2 := trainToy(t)
	m2.Task = "toy2"
	b, err := NewBundle([]*Model{m1, m2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p1, p2 := NewPredictor(m1), NewPredictor(m2)
	if err := p2.UseBundle(b, 1); err != nil {
		t.Fatal(err)
	}
	if err := p1.UseBundle(b, 1); err == nil {
		t.Fatal("UseBundle accepted the wrong member")
	}
	d := normalize.Text("petugas ramah tapi jalan rusak")
	a, c := make([]float64, 2), make([]float64, 2)
	p1.Probs(d, a)
	p2.Probs(d, c)
	for i := range a {
		if math.Abs(a[i]-c[i]) > 1e-5 {
			t.Fatalf("bundle %v != model %v", c, a)
		}
	}
	m3 := trainToy(t)
	m3.Features.Bits = 13
	if _, err := NewBundle([]*Model{m1, m3}, nil); err == nil {
		t.Fatal("NewBundle merged models with different features")
	}
}

func TestBundleColdOutputs(t *testing.T) {
	train, valid := toyData()
	for i := range train {
		train[i].Labels = append(train[i].Labels, "x")
	}
	m, err := TrainMultilabel(MultilabelConfig{
		Task: "ml", Labels: []string{"negative", "positive", "x"}, Features: toyFeatures,
		Train: train, Valid: valid, SVM: SVMOptions{C: 1, Epochs: 20, Seed: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBundle([]*Model{m}, []int{1})
	if err != nil {
		t.Fatal(err)
	}
	plain, bundled := NewPredictor(m), NewPredictor(m)
	if err := bundled.UseBundle(b, 0); err != nil {
		t.Fatal(err)
	}
	if bundled.Hot() != 1 || plain.Hot() != 3 {
		t.Fatalf("Hot() = %d, %d", bundled.Hot(), plain.Hot())
	}
	d := normalize.Text("jalan rusak dan kotor")
	want, got := make([]float64, 3), make([]float64, 3)
	plain.Probs(d, want)
	bundled.Probs(d, got)
	if !math.IsNaN(got[1]) || math.Abs(got[0]-want[0]) > 1e-5 {
		t.Fatalf("hot probs %v, want %v then NaN", got, want[:1])
	}
	bundled.Cold(d, got)
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-5 {
			t.Fatalf("after Cold: %v, want %v", got, want)
		}
	}
}

func TestWordPairs(t *testing.T) {
	pairNames := func(f Features, s string) []string {
		var out []string
		for _, n := range f.Explain(normalize.Text(s)) {
			if strings.HasPrefix(n.Name, "pair:") {
				out = append(out, n.Name)
			}
		}
		return out
	}
	on := Features{Bits: 16, Pairs: 20, PairWeight: 1}
	for _, c := range []struct {
		name    string
		f       Features
		in      string
		want    []string // pairs that must be present
		wantN   int      // number of pair features
		without string   // a word that must be in no pair
	}{
		{"far apart", on, "gubernur sekarang makin tolol", []string{"pair:gubernur|tolol"}, 6, ""},
		{"function words left out", on, "gubernur itu tolol", []string{"pair:gubernur|tolol"}, 1, "itu"},
		{"stems", on, "pembangunan jalan", []string{"pair:bangun|jalan"}, 1, ""},
		{"repeats count once", on, "tolol tolol gubernur tolol", []string{"pair:gubernur|tolol"}, 1, ""},
		{"cap on words", Features{Bits: 16, Pairs: 2, PairWeight: 1}, "satu dua tiga empat", nil, 1, ""},
		{"one word", on, "tolol", nil, 0, ""},
		{"off", Features{Bits: 16}, "pemkot tolol", nil, 0, ""},
		{"off without words", Features{Bits: 16, Pairs: 20, PairWeight: 1, NoWords: true, CharMin: 2, CharMax: 3, CharWeight: 1}, "pemkot tolol", nil, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := pairNames(c.f, c.in)
			if len(got) != c.wantN {
				t.Errorf("%q: %d pairs %v, want %d", c.in, len(got), got, c.wantN)
			}
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: pairs %v lack %q", c.in, got, w)
				}
			}
			for _, g := range got {
				if c.without != "" && (strings.Contains(g, ":"+c.without+"|") || strings.HasSuffix(g, "|"+c.without)) {
					t.Errorf("%q: pair %q has the function word %q", c.in, g, c.without)
				}
			}
		})
	}
	// A pair is the same feature whichever word comes first.
	var a, b Vec
	on.Extract(normalize.Text("gubernur tolol"), &a)
	on.Extract(normalize.Text("tolol gubernur"), &b)
	if a.pairs != len(a.Idx)-1 || b.Idx[b.pairs] != a.Idx[a.pairs] {
		t.Errorf("pair buckets differ with word order: %v (from %d) vs %v (from %d)", a.Idx, a.pairs, b.Idx, b.pairs)
	}
}

// TestBundleWithPairs checks that a bundle applies the pair group only to
// the models trained with it, hot and cold, so that every merged model
// scores as it does alone.
func TestBundleWithPairs(t *testing.T) {
	train, valid := toyData()
	for i := range train {
		train[i].Labels = append(train[i].Labels, "x")
	}
	// Few buckets, so that pair features land on buckets where the
	// unpaired models have weights.
	base := toyFeatures
	base.Bits = 8
	paired := base
	paired.Pairs, paired.PairWeight = 20, 1
	ml, err := TrainMultilabel(MultilabelConfig{
		Task: "ml", Labels: []string{"negative", "positive", "x"}, Features: paired,
		Train: train, Valid: valid, SVM: SVMOptions{C: 1, Epochs: 20, Seed: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	plain1, plain2 := trainToyWith(t, base), trainToyWith(t, base)
	b, err := NewBundle([]*Model{plain1, ml, plain2}, []int{0, 1, 0})
	if err != nil {
		t.Fatal(err)
	}
	// Raw scores, not probabilities: the toy models are sure of
	// themselves and their probabilities would hide a difference.
	for _, d := range []*normalize.Doc{normalize.Text("jalan rusak dan petugas kasar sekali"), normalize.Text("taman bersih, pelayanan cepat dan ramah")} {
		hot := b.Scores(d)
		cold := make([]float64, b.cold.k)
		b.ColdScores(d, cold)
		for i, m := range []*Model{plain1, ml, plain2} {
			var v Vec
			m.Features.Extract(d, &v)
			want := make([]float64, m.K())
			m.Scores(&v, want)
			got := append(append([]float64(nil), hot[b.hoff[i]:b.hoff[i]+b.hn[i]]...), cold[b.coff[i]:b.coff[i]+m.K()-b.hn[i]]...)
			for o := range got {
				if math.Abs(got[o]-want[o]) > 1e-3*(1+math.Abs(want[o])) {
					t.Errorf("%s member %d: bundle scores %v, alone %v", d.Raw, i, got, want)
					break
				}
			}
		}
	}
	other := paired
	other.Pairs = 10
	ml2 := *ml
	ml2.Features = other
	for name, ms := range map[string][]*Model{
		"pairs apart":        {ml, plain1, ml},
		"different settings": {ml, &ml2},
	} {
		if _, err := NewBundle(ms, nil); err == nil {
			t.Errorf("%s: NewBundle accepted it", name)
		}
	}
}
