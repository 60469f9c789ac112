// Package analyze tags mentions: it normalises their text once and runs every
// tagger over it (sentiment, hostility, emotion, catalog attribution,
// partisanship). The consumer in this package reads raw mentions from Kafka
// and writes tagged mentions.
package analyze

import (
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// Tagger adds one kind of tag to a mention. Tag must be safe for concurrent
// use and must not keep d or m after it returns.
type Tagger interface {
	// Name identifies the tagger in metrics and explanations.
	Name() string
	// Tag fills its part of m.Tags from the normalised document d.
	Tag(m *mention.Mention, d *normalize.Doc)
}
