package catalog

import (
	"slices"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/analyze/watch"
	"github.com/dengar-id/dengar/mention"
)

// Attribution fills a mention's Programs, Institutions and Places with
// canonical catalog ids. A kelurahan or landmark also adds its enclosing
// places (a kelurahan adds its kecamatan).
type Attribution struct{ ix *Index }

// NewAttribution returns the attribution tagger of ix.
func NewAttribution(ix *Index) *Attribution { return &Attribution{ix: ix} }

// Name implements analyze.Tagger.
func (*Attribution) Name() string { return "attribution" }

// Tag implements analyze.Tagger.
func (t *Attribution) Tag(m *mention.Mention, d *normalize.Doc) {
	var r attrResult
	t.ix.m.Scan(d, watch.FieldsOf(m), r.addLabel(t.ix), func(lex int, label string, _, _ int) {
		if lex == lexEntities {
			r.add(t.ix, label)
		}
	})
	r.store(m)
}

// Lexicons of the index's matcher.
const (
	lexEntities = 0
	lexPolitics = 1
)

// attrResult collects attribution ids.
type attrResult struct{ progs, insts, places []string }

func (r *attrResult) addLabel(ix *Index) func(string) { return func(l string) { r.add(ix, l) } }

func (r *attrResult) add(ix *Index, label string) {
	if label == "" {
		return
	}
	id := label[1:]
	switch label[0] {
	case kProgram:
		if !slices.Contains(r.progs, id) {
			r.progs = append(r.progs, id)
		}
	case kInstitution:
		if !slices.Contains(r.insts, id) {
			r.insts = append(r.insts, id)
		}
	case kPlace:
		if !slices.Contains(r.places, id) {
			r.places = append(r.places, id)
		}
		for _, a := range ix.ancestor[id] {
			if !slices.Contains(r.places, a) {
				r.places = append(r.places, a)
			}
		}
	}
}

func (r *attrResult) store(m *mention.Mention) {
	slices.Sort(r.progs)
	slices.Sort(r.insts)
	slices.Sort(r.places)
	m.Programs, m.Institutions, m.Places = r.progs, r.insts, r.places
}

// Tagger does attribution, partisanship and the neutrality check in one
// scan of the text; it is what the analyzer pipeline runs.
type Tagger struct {
	ix *Index
	nt *Neutrality
}

// NewTagger returns the combined catalog tagger of ix.
func NewTagger(ix *Index) *Tagger { return &Tagger{ix: ix, nt: NewNeutrality(ix)} }

// Name implements analyze.Tagger.
func (*Tagger) Name() string { return "catalog" }

// Tag implements analyze.Tagger.
func (t *Tagger) Tag(m *mention.Mention, d *normalize.Doc) {
	var r attrResult
	st := pstatePool.Get().(*pstate)
	st.doc, st.day, st.media, st.kind = d, DateOf(m.PostedAt), m.Author.Kind == mention.KindMedia, m.Author.Kind
	t.ix.m.Scan(d, watch.FieldsOf(m), r.addLabel(t.ix), func(lex int, label string, s, e int) {
		if lex == lexEntities {
			r.add(t.ix, label)
		} else {
			st.add(label, s, e)
		}
	})
	r.store(m)
	m.Politics = t.ix.decide(st)
	st.release()
	countPolitics(m.Politics)
	t.nt.Tag(m, d)
}
