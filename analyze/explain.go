package analyze

import (
	"strings"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// Explainer is implemented by taggers that can say which features drove
// their decisions on a document: for each decision (output), the label and
// the top n features with their weights.
type Explainer interface {
	Explain(d *normalize.Doc, n int) []model.Explanation
}

// MentionExplainer is implemented by taggers whose decisions depend on
// the mention itself (its date, its author), not only on its text: the
// catalog tagger, whose rules read the election calendar and the account
// registry, and the hostility tagger, whose rules read its author.
type MentionExplainer interface {
	ExplainMention(m *mention.Mention, d *normalize.Doc, n int) []model.Explanation
}

// Explain normalises m's title and text as Tag does and asks every tagger
// of p that is an Explainer (or a MentionExplainer) for its top n features.
// The result is keyed by tagger name. m should be tagged already.
func (p *Pipeline) Explain(m *mention.Mention, n int) map[string][]model.Explanation {
	text := m.Text
	if m.Title != "" {
		text = strings.TrimSpace(m.Title + "\n" + m.Text)
	}
	d := normalize.Text(text)
	out := map[string][]model.Explanation{}
	for _, t := range p.taggers {
		switch e := t.(type) {
		case MentionExplainer:
			out[t.Name()] = e.ExplainMention(m, d, n)
		case Explainer:
			out[t.Name()] = e.Explain(d, n)
		}
	}
	return out
}
