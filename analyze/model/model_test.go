package model

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

var toyFeatures = Features{Bits: 12, Bigrams: true, NegMark: true, CharMin: 2, CharMax: 4, CharWeight: 1, Lexicon: true}

// toyModel builds a model over f with the given head and labels and
// weights drawn from a seeded generator in every bucket (no training: that
// is package analyze/train's), quantised as its model file keeps them.
func toyModel(t *testing.T, f Features, head Head, labels []string, seed uint64) *Model {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	K := len(labels)
	m := &Model{Meta: Meta{Task: "toy", Version: "t1", Labels: labels, Head: head, Features: f, Scale: 1}, W: make([]float32, f.Dim()*K), B: make([]float32, K)}
	for i := range m.W {
		m.W[i] = float32(r.Float64()*2 - 1)
	}
	for k := range m.B {
		m.B[k] = float32(r.Float64() - 0.5)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// toySentiment is a two-class softmax toy model.
func toySentiment(t *testing.T, f Features, seed uint64) *Model {
	return toyModel(t, f, Softmax, []string{"negative", "positive"}, seed)
}

func TestDecodeRejectsBadInput(t *testing.T) {
	m := toySentiment(t, toyFeatures, 1)
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

func TestBundleMatchesModels(t *testing.T) {
	m1 := toySentiment(t, toyFeatures, 1)
	m2 := toySentiment(t, toyFeatures, 1)
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
	m3 := toySentiment(t, toyFeatures, 1)
	m3.Features.Bits = 13
	if _, err := NewBundle([]*Model{m1, m3}, nil); err == nil {
		t.Fatal("NewBundle merged models with different features")
	}
}

func TestBundleColdOutputs(t *testing.T) {
	m := toyModel(t, toyFeatures, Sigmoid, []string{"negative", "positive", "x"}, 2)
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
	// Few buckets, so that pair features land on buckets where the
	// unpaired models have weights (every bucket has, here).
	base := toyFeatures
	base.Bits = 8
	paired := base
	paired.Pairs, paired.PairWeight = 20, 1
	ml := toyModel(t, paired, Sigmoid, []string{"negative", "positive", "x"}, 3)
	plain1, plain2 := toySentiment(t, base, 4), toySentiment(t, base, 5)
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
