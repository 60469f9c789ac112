package hostility

import (
	"path/filepath"
	"testing"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/metrics"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestEvalTestSplit scores the embedded models on fold-0 test of the
// multi-label hate-speech data, in the data's own notions (HS and Abusive
// labels, see Tagger.DatasetLabels). It fails when macro-F1 falls below
// the floor: issue 20 keeps both within 0.01 of the figures before the
// product taxonomy (hate 0.8804, abusive 0.9211), so the floors are 0.8704
// and 0.9111 (the shipped models: hate 0.8767, abusive 0.9250; the
// earlier bars 0.88 and 0.915 are reported when missed).
func TestEvalTestSplit(t *testing.T) {
	data := model.RequireDataDir(t)
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := dataset.ReadFile(filepath.Join(data, "id-multilabel-hatespeech/indobertweet-hs1-folds/test0.csv"), dataset.FormatHS)
	if err != nil {
		t.Fatal(err)
	}
	yn := func(b bool) string {
		if b {
			return "1"
		}
		return "0"
	}
	hs, ab := metrics.NewConfusion("0", "1"), metrics.NewConfusion("0", "1")
	for _, e := range ex {
		h, a := tg.DatasetLabels(normalize.Text(e.Text))
		hs.Add(yn(e.Has("HS")), yn(h))
		ab.Add(yn(e.Has("Abusive")), yn(a))
	}
	for _, c := range []struct {
		name       string
		cm         *metrics.Confusion
		bar, floor float64
	}{{"hate", hs, 0.88, 0.8704}, {"abusive", ab, 0.915, 0.9111}} {
		f1 := c.cm.MacroF1()
		t.Logf("%s: macro_f1=%.4f n=%d", c.name, f1, c.cm.N)
		if f1 < c.floor {
			t.Errorf("%s: macro-F1 %.4f < %.4f (regressed)", c.name, f1, c.floor)
		} else if f1 < c.bar {
			t.Logf("%s: macro-F1 %.4f is still below the issue's bar %.3f", c.name, f1, c.bar)
		}
	}
}

// TestBanjarSanity reports the score on the Banjar Instagram hate-speech
// fold 4 (evaluation only: the data has no licence and is never trained
// on), in its own notion of hate speech (insults included, see
// Tagger.DatasetLabels). Out of domain, so it only guards against
// collapse.
func TestBanjarSanity(t *testing.T) {
	data := model.RequireDataDir(t)
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := dataset.ReadFile(filepath.Join(data, "banjar-hatespeech-instagram/banjar.csv"), dataset.FormatBanjarHS)
	if err != nil {
		t.Fatal(err)
	}
	cm := metrics.NewConfusion("0", "1")
	for _, e := range ex {
		if dataset.Fold(e) != dataset.TestFold {
			continue
		}
		hs, _ := tg.DatasetLabels(normalize.Text(e.Text))
		g, p := "0", "0"
		if e.Has("HS") {
			g = "1"
		}
		if hs {
			p = "1"
		}
		cm.Add(g, p)
	}
	f1 := cm.MacroF1()
	t.Logf("banjar fold 4: macro_f1=%.4f n=%d", f1, cm.N)
	if f1 < 0.55 {
		t.Errorf("macro-F1 %.4f < 0.55 on Banjar fold 4", f1)
	}
}

// TestMemberGateKeepsDecisions checks on fold-0 dev and test that the
// cascade (the second stage skipped when the model's hate probability is
// below memberGate) gives the same hate-speech decisions (and product
// labels) as always consulting it.
func TestMemberGateKeepsDecisions(t *testing.T) {
	data := model.RequireDataDir(t)
	gated, err := New()
	if err != nil {
		t.Fatal(err)
	}
	full, err := New()
	if err != nil {
		t.Fatal(err)
	}
	full.gate = 0
	var a, b mention.Mention
	skipped, n, maxBelow := 0, 0, 0.0
	main, st := make([]float64, len(Labels)), full.pool.Get().(*state)
	for _, split := range []string{"dev0.csv", "test0.csv"} {
		ex, err := dataset.ReadFile(filepath.Join(data, "id-multilabel-hatespeech/indobertweet-hs1-folds", split), dataset.FormatHS)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ex {
			d := normalize.Text(e.Text)
			gated.Tag(&a, d)
			full.Tag(&b, d)
			gh, _ := gated.DatasetLabels(d)
			fh, _ := full.DatasetLabels(d)
			if a.Hostility.Label != b.Hostility.Label || gh != fh {
				t.Errorf("%q: gated %s (hate speech %v), full %s (%v)", e.Text, a.Hostility.Label, gh, b.Hostility.Label, fh)
			}
			// How close does a post below the gate come to the threshold?
			gated.pred.Probs(d, main)
			if main[oHS] < memberGate {
				full.probs(d, st)
				maxBelow = max(maxBelow, st.p[oHS])
			}
			if a.Hostility.Score != b.Hostility.Score {
				skipped++
			}
			n++
		}
	}
	t.Logf("second stage skipped or changed the score on %d of %d texts, no label changed; largest second-stage hate probability below the gate %.3f (threshold %.3f)", skipped, n, maxBelow, full.th[oHS])
}

func TestNewFromModelsChecksStacker(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if tg.st == nil || tg.tf == nil || tg.th[oHS] != tg.st.Threshold {
		t.Fatal("the embedded tagger does not decide hate with its stacker")
	}
	if _, err := NewFromModels(tg.m, nil, tg.st); err == nil {
		t.Error("accepted a stacker without a member")
	}
	other := *tg.st
	other.Inputs = []string{"logit_hs", "tokens"}
	if _, err := NewFromModels(tg.m, tg.tf, &other); err == nil {
		t.Error("accepted a stacker with other inputs")
	}
}
