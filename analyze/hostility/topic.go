package hostility

import (
	"strings"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
)

// topicWords are city topics that the hostility models do not see
// (model.Features.Masked; the TF-IDF member reads the text without them):
// words whose hostile weight came from what the training tweets were
// about, not from how they were written. "banjir" (flood) is the only one:
// in the hate-speech data it occurs in 20 tweets, 16 of them hate
// (Jakarta's floods as a political weapon); its letters hold those of
// "anjir", an abusive word, so its character n-grams score as abuse; and
// our polarity lexicon counts it negative. In Samarinda, where floods are
// the most talked-about problem, that tagged 26 of 331 plain flood
// complaints of the demo week abusive ("Banjir lagi di Palaran, motor
// mogok semua"). Of 29 city topics put into the same neutral sentence,
// "banjir" scored 0.275 against 0.07–0.15 for the others, so no other word
// is listed.
var topicWords = []string{"banjir"}

// maskedRaw cuts the words of d that model.MaskedToken matches out of
// d.Raw, walking the tokens in order so that each is looked for after the
// previous one ("#SamarindaBanjir" becomes "#Samarinda": a hashtag's words
// follow it as tokens of their own). A token whose form as written is not
// found (an unescaped character) is left alone. It returns d.Raw itself
// when nothing is masked.
func maskedRaw(d *normalize.Doc, masked []string) string {
	found := false
	for _, t := range d.Tokens {
		if t.Kind == normalize.Word && model.MaskedToken(t, masked) {
			found = true
			break
		}
	}
	if !found {
		return d.Raw
	}
	var b strings.Builder
	raw, pos := d.Raw, 0
	for _, t := range d.Tokens {
		if t.Raw == "" || t.Kind == normalize.Hashtag {
			continue
		}
		i := strings.Index(raw[pos:], t.Raw)
		if i < 0 {
			continue
		}
		start, end := pos+i, pos+i+len(t.Raw)
		if t.Kind == normalize.Word && model.MaskedToken(t, masked) {
			b.WriteString(raw[pos:start])
		} else {
			b.WriteString(raw[pos:end])
		}
		pos = end
	}
	b.WriteString(raw[pos:])
	return b.String()
}
