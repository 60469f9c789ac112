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
	cc, err := cfg.catalogConfig()
	if err != nil {
		return nil, err
	}
	return analyze.NewPipeline(analyze.Options{Catalog: cc})
}
