package analyze

import (
	"github.com/dengar-id/dengar/analyze/emotion"
	"github.com/dengar-id/dengar/analyze/hostility"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/models"
	"github.com/dengar-id/dengar/analyze/sentiment"
)

// modelTaggers returns the sentiment, hostility and emotion taggers backed
// by the embedded models.
func modelTaggers() ([]Tagger, error) {
	s, err := sentiment.New()
	if err != nil {
		return nil, err
	}
	h, err := hostility.New()
	if err != nil {
		return nil, err
	}
	e, err := emotion.New()
	if err != nil {
		return nil, err
	}
	// The three models share one feature configuration: merge them so
	// that a document's features are extracted once for all three. The
	// hostility category and strength outputs stay cold (read only for
	// hateful texts); its target outputs are hot, as the hate decision's
	// stacker reads them.
	if b, err := bundle(s, h, e); err == nil {
		for i, t := range []interface {
			UseBundle(*model.Bundle, int) error
		}{s, h, e} {
			if err := t.UseBundle(b, i); err != nil {
				return nil, err
			}
		}
	}
	return []Tagger{s, h, e}, nil
}

// bundle merges the three models into one weight table (see model.Bundle).
func bundle(s *sentiment.Tagger, h *hostility.Tagger, e *emotion.Tagger) (*model.Bundle, error) {
	return model.NewBundle([]*model.Model{s.Model(), h.Model(), e.Model()}, []int{0, hostility.HotOutputs, 0})
}

// modelVersion is the version of the embedded models.
func modelVersion() string { return models.Version }

// ModelTaggers returns new sentiment, hostility and emotion taggers over
// the embedded models (for tools and tests that want only the models).
func ModelTaggers() ([]Tagger, error) { return modelTaggers() }
