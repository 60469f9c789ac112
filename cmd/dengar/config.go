package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"

	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/analyze/catalog"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/stream"
)

//go:embed dengar.yaml
var defaultConfigYAML []byte

// appConfig is the whole configuration file. Kafka and ClickHouse are shared
// by several roles and decoded up front; every other top-level section
// belongs to one stage and is decoded by that stage's command via section.
type appConfig struct {
	Kafka      stream.Config `yaml:"kafka"`
	ClickHouse store.Config  `yaml:"clickhouse"`

	sections map[string]yaml.Node
	name     string // where the configuration came from, for errors
	data     []byte // the document, for strict decoding of a section
}

// loadConfig reads --config, or the embedded default when it is empty.
func loadConfig() (*appConfig, error) {
	data := defaultConfigYAML
	name := "embedded dengar.yaml"
	if flagConfig != "" {
		b, err := os.ReadFile(flagConfig)
		if err != nil {
			return nil, fmt.Errorf("read config: %w", err)
		}
		data, name = b, flagConfig
	}
	return parseConfig(name, data)
}

func parseConfig(name string, data []byte) (*appConfig, error) {
	c := &appConfig{sections: map[string]yaml.Node{}, name: name, data: data}
	if len(bytes.TrimSpace(data)) > 0 {
		if err := yaml.Unmarshal(data, &c.sections); err != nil {
			return nil, fmt.Errorf("config %s: %w", name, err)
		}
	}
	if err := c.section("kafka", &c.Kafka); err != nil {
		return nil, fmt.Errorf("config %s: %w", name, err)
	}
	if err := c.section("clickhouse", &c.ClickHouse); err != nil {
		return nil, fmt.Errorf("config %s: %w", name, err)
	}
	c.Kafka.Defaults()
	c.ClickHouse.Defaults()
	return c, nil
}

// section decodes the top-level section name into v. A missing section
// leaves v unchanged, so stage defaults apply.
func (c *appConfig) section(name string, v any) error {
	n, ok := c.sections[name]
	if !ok {
		return nil
	}
	if err := n.Decode(v); err != nil {
		return fmt.Errorf("section %s: %w", name, err)
	}
	return nil
}

// catalogConfig decodes the catalog section (nil when absent: the
// embedded default) strictly: an unknown key is an error naming its line,
// like a misspelt `elections:` or `slogan:`.
func (c *appConfig) catalogConfig() (*analyze.CatalogConfig, error) {
	if _, ok := c.sections["catalog"]; !ok {
		return nil, nil
	}
	var doc struct {
		Catalog *analyze.CatalogConfig `yaml:"catalog"`
		Others  map[string]any         `yaml:",inline"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(c.data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("config %s: section catalog: %w", c.name, err)
	}
	return doc.Catalog, nil
}

// loadCatalogIndex loads the configuration (--config or the embedded
// default) and compiles its catalog.
func loadCatalogIndex() (*catalog.Index, error) {
	cfg, err := loadConfig()
	if err != nil {
		return nil, err
	}
	return cfg.catalogIndex()
}

// catalogIndex compiles the catalog section (see catalogConfig).
func (c *appConfig) catalogIndex() (*catalog.Index, error) {
	cc, err := c.catalogConfig()
	if err != nil {
		return nil, err
	}
	return analyze.LoadCatalog(cc)
}
