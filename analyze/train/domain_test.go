package train

import (
	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/model"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

func TestWithDomains(t *testing.T) {
	f := toyFeatures
	ex := []dataset.Example{{Text: "jalan bagus"}, {Text: "jalan rusak", Domain: "smsa"}}
	xs := Vectorize(f, texts(ex))
	before := slices.Clone(xs[1].Idx)
	got := withDomains(f, xs, ex)
	if !slices.Equal(xs[1].Idx, before) {
		t.Fatal("withDomains changed its input")
	}
	if !slices.Equal(got[0].Idx, xs[0].Idx) {
		t.Error("an example without a domain changed")
	}
	b := f.DomainBucket("smsa")
	i, found := slices.BinarySearch(got[1].Idx, b)
	if !found || got[1].Val[i] < 1 {
		t.Fatalf("domain bucket %d missing from %v", b, got[1].Idx)
	}
	if !slices.IsSorted(got[1].Idx) || len(got[1].Idx) != len(got[1].Val) {
		t.Error("sample not sorted or lengths differ")
	}
}

// TestDomainBias trains the toy model plus a skewed corpus of extra
// positive rows, with and without a domain bias for that corpus: with it,
// the corpus's prior stays out of what prediction uses.
func TestDomainBias(t *testing.T) {
	for _, c := range []struct {
		name     string
		refit    bool
		variants []Variant
	}{
		{"single", false, nil},
		{"refit", true, nil},
		{"refit ensemble", true, []Variant{{C: 1}, {C: 0.5, NB: true}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			// The positive-minus-negative score of a text with no known
			// word, relative to the spread between a positive and a
			// negative text (calibration on the tiny validation set scales
			// an ensemble's scores a lot).
			margin := map[bool]float64{}
			for _, withDomain := range []bool{false, true} {
				train, valid := toyData()
				// Rows of made-up words: only a bias can carry their label.
				rng := rand.New(rand.NewPCG(1, 2))
				for i := 0; i < 30; i++ {
					w := make([]byte, 8)
					for j := range w {
						w[j] = byte('a' + rng.IntN(26))
					}
					e := dataset.Example{Text: string(w), Labels: []string{"positive"}}
					if withDomain {
						e.Domain = "skew"
					}
					train = append(train, e)
				}
				m, err := TrainMulticlass(MulticlassConfig{
					Task: "toy", Version: "t1", Labels: []string{"negative", "positive"}, Features: toyFeatures,
					Train: train, Valid: valid, SVM: SVMOptions{C: 1, Epochs: 50, Seed: 3}, Refit: c.refit, Variants: c.variants,
				})
				if err != nil {
					t.Fatal(err)
				}
				b := int(toyFeatures.DomainBucket("skew"))
				if withDomain && slices.ContainsFunc(m.W[b*2:b*2+2], func(w float32) bool { return w != 0 }) {
					t.Errorf("domain weights not dropped: %v", m.W[b*2:b*2+2])
				}
				if got := strings.Contains(m.Params, "domain-bias=skew"); got != withDomain {
					t.Errorf("params %q: domain-bias listed %v, want %v", m.Params, got, withDomain)
				}
				score := func(text string) float64 {
					s := make([]float64, 2)
					var v model.Vec
					m.Features.Extract(normalize.Text(text), &v)
					m.Scores(&v, s)
					return s[1] - s[0]
				}
				spread := score("pelayanan cepat dan ramah") - score("jalan kotor dan rusak")
				if spread <= 0 {
					t.Fatalf("toy model lost its polarity: spread %.3f", spread)
				}
				margin[withDomain] = score("kota samarinda hari ini") / spread
			}
			if margin[true] > margin[false]-0.1 {
				t.Errorf("score margin (positive − negative) of a neutral text: %.3f with the domain bias, %.3f without; want the skew gone", margin[true], margin[false])
			}
			t.Logf("score margin of a neutral text: %.3f without, %.3f with the domain bias", margin[false], margin[true])
		})
	}
}
