package main

import (
	_ "embed"

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
