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
	var progs, insts, places []string
	add := func(label string) {
		if label == "" {
			return
		}
		id := label[1:]
		switch label[0] {
		case kProgram:
			if !slices.Contains(progs, id) {
				progs = append(progs, id)
			}
		case kInstitution:
			if !slices.Contains(insts, id) {
				insts = append(insts, id)
			}
		case kPlace:
			if !slices.Contains(places, id) {
				places = append(places, id)
			}
			for _, a := range t.ix.ancestor[id] {
				if !slices.Contains(places, a) {
					places = append(places, a)
				}
			}
		}
	}
	t.ix.entLex.Find(d, func(label string, _, _ int) { add(label) })
	t.ix.entSet.Each(d, watch.FieldsOf(m), add)
	slices.Sort(progs)
	slices.Sort(insts)
	slices.Sort(places)
	m.Programs, m.Institutions, m.Places = progs, insts, places
}
