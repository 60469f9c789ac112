package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"

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
	c := &appConfig{sections: map[string]yaml.Node{}}
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
