package catalog

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
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

// modelReading is what the partisan model said about a post, kept for
// explain: a margin below the threshold is evidence too ("the model
// read it and did not call it").
type modelReading struct {
	scored  bool
	margin  float64
	listing int // distinct parties and candidates named: 3+ is a list and the model abstains
	short   int // words of a post too short to read (below modelMinWords): the model abstains
}

// modelMinWords is the fewest words the model reads a side from: "sarik
// aku 😡" (I'm angry) scored 0.80 once, a two-word post is all character
// n-grams and no context, and the rules read short slogans themselves.
const modelMinWords = 3

// modelCall reads the post with the partisan model and says whether the
// model calls it partisan; the call's cue goes to st.cues. A post naming
// three or more parties or candidates is a list (the KPU's roster, a
// debate line-up, a poll): the rules read such posts for a side, the
// model, which cannot tell a list from a pitch, abstains.
func (ix *Index) modelCall(st *pstate) bool {
	if n := listedActors(st); n >= 3 {
		st.modelRead = modelReading{listing: n}
		return false
	}
	if n := len(st.wordsOf()); n < modelMinWords {
		st.modelRead = modelReading{short: max(n, 1)}
		return false
	}
	mg := ix.modelMargin(st)
	st.modelRead = modelReading{scored: true, margin: mg}
	if mg < PartisanModelThreshold {
		return false
	}
	st.cues = append(st.cues, modelCue(mg))
	return true
}

// listedActors counts the distinct parties and candidates (catalogued or
// not, ballot numbers excluded) the post names.
func listedActors(st *pstate) int {
	var seen [8]string
	n := 0
	for _, t := range st.targets {
		if t.num || t.actor == "" || slices.Contains(seen[:n], t.actor) {
			continue
		}
		if n == len(seen) {
			break
		}
		seen[n] = t.actor
		n++
	}
	return n
}

// note is the explain line of a model that read the post and did not
// call it, or abstained.
func (r modelReading) note() string {
	switch {
	case r.listing >= 3:
		return "partisan model abstained: the post names " + strconv.Itoa(r.listing) + " parties or candidates (a list)"
	case r.short > 0:
		return "partisan model abstained: " + strconv.Itoa(r.short) + " word(s) are too few to read a side"
	case r.scored && r.margin < PartisanModelThreshold:
		return "not counted: partisan model margin " + strconv.FormatFloat(r.margin, 'f', 2, 64) +
			" (below " + strconv.FormatFloat(PartisanModelThreshold, 'f', 2, 64) + ")"
	}
	return ""
}

// modelCue is the evidence of a model call: its margin, two decimals.
func modelCue(margin float64) pcue {
	return pcue{rule: "model", tstart: -1, tend: -1, text: strconv.FormatFloat(margin, 'f', 2, 64)}
}
