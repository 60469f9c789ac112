package catalog

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"sync"

	"github.com/dengar-id/dengar/analyze/model"
)

// Rebuild the partisan model from every testdata/partisan_*.jsonl (see
// partisan_model_NOTICE.md); TestPartisanModelReproduces checks that the
// committed file is what this produces.
//go:generate go test -run TestPartisanModelReproduces -update-partisan-model .

// PartisanModelThreshold is the SVM margin at or above which the partisan
// model calls a post partisan. It was fixed at 0.75 from the forward test
// (older rules, a model of the older sets only: no added false breach on
// any forward group) before the model was scored on unseen sets; do not
// tune it on the sets the model is trained on.
const PartisanModelThreshold = 0.75

// partisanModelFile is the linear TF-IDF SVM trained on Dengar's own
// written partisan sets (no third-party text).
//
//go:embed partisan_model.bin
var partisanModelFile []byte

// loadPartisanModel decodes the embedded model once; a bad file is a
// build error, so it panics.
var loadPartisanModel = sync.OnceValue(func() *model.TFIDF {
	t, err := model.DecodeTFIDF(bytes.NewReader(partisanModelFile))
	if err != nil {
		panic(fmt.Errorf("catalog: embedded partisan model: %w", err))
	}
	return t
})

// partisanModelInput is the text the model reads: the post as written and
// a pseudo-word for the author's kind (a government account's post reads
// differently from a citizen's). It must match the training input.
func partisanModelInput(text, kind string) string {
	return text + " zzkind" + kind
}

// modelMargin scores the post of st with the partisan model. Only decide
// calls it, after the rules found no side and only in an election season,
// so the rules' calls stay the rules' and most posts are never scored.
func (ix *Index) modelMargin(st *pstate) float64 {
	return ix.pmodel.Score(partisanModelInput(st.doc.Raw, st.kind), &st.mvec)
}

// modelCue is the evidence of a model call: its margin, two decimals.
func modelCue(margin float64) pcue {
	return pcue{rule: "model", tstart: -1, tend: -1, text: strconv.FormatFloat(margin, 'f', 2, 64)}
}
