package sentiment

import (
	"path/filepath"
	"testing"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestEvalTestSplits scores the embedded model on the reported test splits.
// It fails when macro-F1 falls below the floor. The shipped model reaches
// the bar on every split, so each floor is that bar.
func TestEvalTestSplits(t *testing.T) {
	data := model.RequireDataDir(t)
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path       string
		format     model.Format
		bar, floor float64
	}{
		{"indonlu-smsa/test_preprocess.tsv", model.FormatSmSA, 0.80, 0.80},
		{"nusax/sentiment/banjarese/test.csv", model.FormatNusaX, 0.82, 0.82},
		{"nusax/sentiment/indonesian/test.csv", model.FormatNusaX, 0.88, 0.88},
	} {
		t.Run(c.path, func(t *testing.T) {
			ex, err := model.ReadFile(filepath.Join(data, c.path), c.format)
			if err != nil {
				t.Fatal(err)
			}
			cm := model.NewConfusion(Labels...)
			var m mention.Mention
			for _, e := range ex {
				tg.Tag(&m, normalize.Text(e.Text))
				cm.Add(e.Label(), m.Sentiment.Label)
			}
			f1 := cm.MacroF1()
			t.Logf("macro_f1=%.4f n=%d", f1, cm.N)
			if f1 < c.floor {
				t.Errorf("macro-F1 %.4f < floor %.4f (regressed; the issue's bar %.2f)", f1, c.floor, c.bar)
			}
		})
	}
}
