package sentiment

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/metrics"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestEvalTestSplits scores the embedded model on the reported test splits
// (a path ending in #4 is the test fold 4 of a set without a split).
// It fails when macro-F1 falls below the floor: the bar where the
// shipped model reaches it, else the shipped figure less 0.005 (a
// regression guard). A bar not yet reached is logged, not hidden.
func TestEvalTestSplits(t *testing.T) {
	data := model.RequireDataDir(t)
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path       string
		format     dataset.Format
		bar, floor float64
	}{
		{"indonlu-smsa/test_preprocess.tsv", dataset.FormatSmSA, 0.80, 0.80},
		{"nusax/sentiment/banjarese/test.csv", dataset.FormatNusaX, 0.82, 0.82},
		// Issue #21 allows the Indonesian figure 0.01 below 0.8827.
		{"nusax/sentiment/indonesian/test.csv", dataset.FormatNusaX, 0.88, 0.8727},
		// Evaluation-only social-media sets (issue #21's bar: 0.05 over
		// the model before its rules, 0.4731 and 0.3866).
		{"indonglish-sentiment/test.csv", dataset.FormatIndonglish, 0.5231, 0.53},
		{"id-vaccine-tweets-sentiment/id_vaccines_tweets.csv#4", dataset.FormatVaccine, 0.4366, 0.38},
	} {
		t.Run(c.path, func(t *testing.T) {
			path, fold := c.path, -1
			if p, ok := strings.CutSuffix(path, "#4"); ok {
				path, fold = p, dataset.TestFold
			}
			ex, err := dataset.ReadFile(filepath.Join(data, path), c.format)
			if err != nil {
				t.Fatal(err)
			}
			cm := metrics.NewConfusion(Labels...)
			var m mention.Mention
			for _, e := range ex {
				if fold >= 0 && dataset.Fold(e) != fold {
					continue
				}
				tg.Tag(&m, normalize.Text(e.Text))
				cm.Add(e.Label(), m.Sentiment.Label)
			}
			f1 := cm.MacroF1()
			t.Logf("macro_f1=%.4f n=%d", f1, cm.N)
			switch {
			case f1 < c.floor:
				t.Errorf("macro-F1 %.4f < floor %.4f (regressed; the issue's bar %.4f)", f1, c.floor, c.bar)
			case f1 < c.bar:
				t.Logf("macro-F1 %.4f: still below the issue's bar %.4f", f1, c.bar)
			}
		})
	}
}
