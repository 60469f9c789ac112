package analyze

import (
	"fmt"
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// Pipeline runs every tagger over a mention. It is safe for concurrent use.
type Pipeline struct {
	taggers []Tagger
	version string
}

// Options configure the default pipeline.
type Options struct {
	// Catalog configures attribution and partisanship (watch lists, actors,
	// account registry). Nil means the embedded Samarinda default.
	Catalog *CatalogConfig
}

// NewPipeline builds the pipeline with every tagger Dengar ships.
func NewPipeline(opts Options) (*Pipeline, error) {
	var ts []Tagger
	mt, err := modelTaggers()
	if err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	ts = append(ts, mt...)
	ct, err := catalogTaggers(opts.Catalog)
	if err != nil {
		return nil, fmt.Errorf("load catalog: %w", err)
	}
	ts = append(ts, ct...)
	return NewPipelineOf(ts...), nil
}

// NewPipelineOf builds a pipeline of the given taggers, in order.
func NewPipelineOf(ts ...Tagger) *Pipeline {
	names := make([]string, 0, len(ts))
	for _, t := range ts {
		names = append(names, t.Name())
	}
	v := modelVersion()
	if v == "" {
		v = "none"
	}
	return &Pipeline{taggers: ts, version: v}
}

// Version is the model version written into every tagged mention.
func (p *Pipeline) Version() string { return p.version }

// Taggers lists the tagger names, in order.
func (p *Pipeline) Taggers() []string {
	out := make([]string, len(p.taggers))
	for i, t := range p.taggers {
		out[i] = t.Name()
	}
	return out
}

// Tag normalises m's title and text once and runs every tagger.
func (p *Pipeline) Tag(m *mention.Mention) {
	text := m.Text
	if m.Title != "" {
		text = strings.TrimSpace(m.Title + "\n" + m.Text)
	}
	d := normalize.Text(text)
	m.Tags = mention.Tags{}
	for _, t := range p.taggers {
		t.Tag(m, d)
	}
	m.Model = p.version
}
