package main

import (
	"context"

	"github.com/dengar-id/dengar/analyze"
)

// newPipeline builds the tagging pipeline from the configuration's catalog
// section (or the embedded default catalog).
func newPipeline(ctx context.Context) (*analyze.Pipeline, error) {
	cfg, err := loadConfig()
	if err != nil {
		return nil, err
	}
	return newPipelineFrom(cfg)
}

func newPipelineFrom(cfg *appConfig) (*analyze.Pipeline, error) {
	var opts analyze.Options
	if _, ok := cfg.sections["catalog"]; ok {
		opts.Catalog = &analyze.CatalogConfig{}
		if err := cfg.section("catalog", opts.Catalog); err != nil {
			return nil, err
		}
	}
	return analyze.NewPipeline(opts)
}
