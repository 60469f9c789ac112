package train

import (
	"bytes"
	"math"
	"testing"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
)

var toyFeatures = model.Features{Bits: 12, Bigrams: true, NegMark: true, CharMin: 2, CharMax: 4, CharWeight: 1, Lexicon: true}

// toyData is a tiny separable sentiment set written for these tests.
func toyData() ([]dataset.Example, []dataset.Example) {
	pos := []string{"pelayanan cepat dan ramah", "jalan bagus sekali", "mantap kerja petugas", "taman bersih dan indah", "senang dengan layanan", "bagus dan cepat"}
	neg := []string{"pelayanan lambat sekali", "jalan rusak parah", "petugas kasar dan lambat", "taman kotor dan bau", "kecewa dengan layanan", "tidak bagus dan lambat"}
	var train, valid []dataset.Example
	for i := range pos {
		dst := &train
		if i%3 == 2 {
			dst = &valid
		}
		*dst = append(*dst, dataset.Example{Text: pos[i], Labels: []string{"positive"}}, dataset.Example{Text: neg[i], Labels: []string{"negative"}})
	}
	return train, valid
}

func trainToy(t *testing.T) *model.Model { return trainToyWith(t, toyFeatures) }

// trainToyWith trains the toy sentiment model with features f.
func trainToyWith(t *testing.T, f model.Features) *model.Model {
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
	d, err := model.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if d.Task != "toy" || d.Version != "t1" || len(d.Labels) != 2 || d.Scale != m.Scale {
		t.Fatalf("meta did not round-trip: %+v", d.Meta)
	}
	p := make([]float64, 2)
	var v model.Vec
	for _, c := range []struct {
		text string
		want int
	}{
		{"petugas ramah dan cepat", 1},
		{"jalan kotor dan rusak", 0},
	} {
		d.Predict(normalize.Text(c.text), &v, p)
		if model.Argmax(p) != c.want {
			t.Errorf("%q: probs %v, want class %d", c.text, p, c.want)
		}
		if s := p[0] + p[1]; math.Abs(s-1) > 1e-9 {
			t.Errorf("%q: probabilities sum to %v", c.text, s)
		}
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
