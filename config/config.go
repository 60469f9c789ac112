// Package config is Dengar's one configuration: a typed root that composes
// each stage's own section type, loaded once from YAML. Load rejects every
// key no section knows, with its line (`unknown key "enabeld" at line 58`),
// applies the defaults and validates each section, and compiles the
// catalog, so that a mistake stops `dengar` at start rather than silently
// turning a collector off. Secrets are never read from the file: each
// section takes them from the environment.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"reflect"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/analyze/catalog"
	"github.com/dengar-id/dengar/dashboards"
	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/report"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/stream"
)

// Config is the whole configuration file.
type Config struct {
	// Kafka: brokers, topics, producer batching.
	Kafka stream.Config `yaml:"kafka"`
	// ClickHouse: address, database, user, sink batching.
	ClickHouse store.Config `yaml:"clickhouse"`
	// Sources: the collectors (`dengar collect`).
	Sources ingest.Config `yaml:"sources"`
	// Catalog: watch lists, political actors, the account registry. Nil
	// means the embedded Samarinda default.
	Catalog *analyze.CatalogConfig `yaml:"catalog"`
	// Retention of raw mentions and rollups (`dengar store retain`).
	Retention store.RetentionConfig `yaml:"retention"`
	// Alerts: rules, thresholds, notifiers.
	Alerts alert.Config `yaml:"alerts"`
	// Report: the weekly report and its e-mail schedule.
	Report report.Config `yaml:"report"`
	// Grafana: where `dengar dashboards push` provisions.
	Grafana Grafana `yaml:"grafana"`

	index *catalog.Index
}

// Grafana is the `grafana` section. The token comes from GRAFANA_TOKEN;
// the ClickHouse password Grafana uses from GRAFANA_CLICKHOUSE_PASSWORD,
// else CLICKHOUSE_PASSWORD.
type Grafana struct {
	URL            string `yaml:"url"`
	FolderUID      string `yaml:"folder_uid"`
	FolderTitle    string `yaml:"folder_title"`
	DatasourceUID  string `yaml:"datasource_uid"`
	DatasourceName string `yaml:"datasource_name"`
	// ClickHouse as Grafana reaches it (native protocol); defaults to
	// clickhouse.addr, clickhouse.user and clickhouse.database.
	ClickHouseHost     string `yaml:"clickhouse_host"`
	ClickHousePort     int    `yaml:"clickhouse_port"`
	ClickHouseUser     string `yaml:"clickhouse_user"`
	ClickHouseDatabase string `yaml:"clickhouse_database"`
}

// defaults fills unset fields, ClickHouse's from ch.
func (g *Grafana) defaults(ch store.Config) error {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&g.URL, "http://127.0.0.1:3000")
	def(&g.FolderUID, dashboards.DefaultFolderUID)
	def(&g.FolderTitle, dashboards.DefaultFolderTitle)
	def(&g.DatasourceUID, dashboards.DefaultDatasourceUID)
	def(&g.DatasourceName, dashboards.DefaultDatasourceName)
	if g.ClickHouseHost == "" || g.ClickHousePort == 0 {
		host, port, err := net.SplitHostPort(ch.Addr)
		if err != nil {
			return fmt.Errorf("grafana: clickhouse.addr %q: %w", ch.Addr, err)
		}
		def(&g.ClickHouseHost, host)
		if g.ClickHousePort == 0 {
			g.ClickHousePort, _ = strconv.Atoi(port)
		}
	}
	def(&g.ClickHouseUser, ch.User)
	def(&g.ClickHouseDatabase, ch.Database)
	return nil
}

// Load parses the configuration named name (for messages) from data:
// unknown keys are errors with their line, defaults are applied, every
// section is validated and the catalog compiled. Empty data is the
// all-defaults configuration.
func Load(name string, data []byte) (*Config, error) {
	c := &Config{}
	if len(bytes.TrimSpace(data)) > 0 {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("config %s: %w", name, err)
		}
		if errs := unknownKeys(&doc, reflect.TypeFor[Config](), ""); len(errs) > 0 {
			return nil, fmt.Errorf("config %s: %w", name, errors.Join(errs...))
		}
		if err := doc.Decode(c); err != nil {
			return nil, fmt.Errorf("config %s: %w", name, err)
		}
	}
	if err := c.complete(); err != nil {
		return nil, fmt.Errorf("config %s: %w", name, err)
	}
	return c, nil
}

// LoadFile reads and loads the configuration file at path.
func LoadFile(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Load(path, b)
}

// complete applies the defaults and validates every section.
func (c *Config) complete() error {
	if c.Alerts.Grafana.URL == "" {
		// Alert links go to the Grafana of `dengar dashboards push`, as
		// written (before that section's own default).
		c.Alerts.Grafana.URL = c.Grafana.URL
	}
	if c.Retention.RawMonths < 0 || c.Retention.RollupMonths < 0 {
		return errors.New("retention: months must be at least 1")
	}
	c.Kafka.Defaults()
	c.ClickHouse.Defaults()
	c.Retention.Defaults()
	c.Alerts.Defaults()
	c.Report.Defaults() // its e-mail settings are checked where it is sent
	if err := c.Grafana.defaults(c.ClickHouse); err != nil {
		return err
	}
	if err := c.Sources.Validate(); err != nil {
		return err
	}
	if err := c.Alerts.Validate(); err != nil {
		return err
	}
	ix, err := analyze.LoadCatalog(c.Catalog)
	if err != nil {
		return err
	}
	c.index = ix
	c.Alerts.Names = c.Names()
	return nil
}

// Names maps the catalog's ids (programs, institutions, places, political
// actors) to their display names, for reports and alerts.
func (c *Config) Names() map[string]string {
	names := map[string]string{}
	if c.index == nil {
		return names
	}
	cat := c.index.Catalog()
	for _, es := range [][]catalog.Entity{cat.Programs, cat.Institutions, cat.Places} {
		for _, e := range es {
			if e.Name != "" {
				names[e.ID] = e.Name
			}
		}
	}
	for _, a := range cat.Actors {
		if a.Name != "" {
			names[a.ID] = a.Name
		}
	}
	return names
}

// CatalogIndex is the compiled catalog (watch queries, registry, names).
func (c *Config) CatalogIndex() *catalog.Index { return c.index }
