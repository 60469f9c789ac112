package main

import (
	_ "embed"

	"github.com/dengar-id/dengar/analyze/catalog"
	"github.com/dengar-id/dengar/config"
)

//go:embed dengar.yaml
var defaultConfigYAML []byte

// appConfig is the whole configuration (package config): every section
// decoded, defaulted and validated by one strict load.
type appConfig = config.Config

// loadConfig loads --config, or the embedded default when it is empty. A
// key no section knows stops the command here, with its line.
func loadConfig() (*appConfig, error) {
	if flagConfig != "" {
		return config.LoadFile(flagConfig)
	}
	return config.Load("embedded dengar.yaml", defaultConfigYAML)
}

// loadCatalogIndex loads the configuration (--config or the embedded
// default) and returns its compiled catalog.
func loadCatalogIndex() (*catalog.Index, error) {
	cfg, err := loadConfig()
	if err != nil {
		return nil, err
	}
	return cfg.CatalogIndex(), nil
}
