package emotion

import (
	"path/filepath"
	"testing"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/metrics"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestEvalTestSplit scores the embedded model on EmoT test and fails when
// macro-F1 falls below the bar the project committed to.
func TestEvalTestSplit(t *testing.T) {
	data := model.RequireDataDir(t)
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := dataset.ReadFile(filepath.Join(data, "indonlu-emot/test_preprocess.csv"), dataset.FormatEmoT)
	if err != nil {
		t.Fatal(err)
	}
	cm := metrics.NewConfusion(Labels...)
	var m mention.Mention
	for _, e := range ex {
		tg.Tag(&m, normalize.Text(e.Text))
		cm.Add(e.Label(), m.Emotion.Label)
	}
	f1 := cm.MacroF1()
	t.Logf("macro_f1=%.4f n=%d", f1, cm.N)
	if f1 < 0.70 {
		t.Errorf("macro-F1 %.4f < 0.70", f1)
	}
}
