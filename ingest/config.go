package ingest

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the `sources` section of the configuration.
type Config struct {
	// StoryWindow is how far back syndicated-story detection looks (default 48h).
	StoryWindow time.Duration `yaml:"story_window"`
	// Collectors are the configured source instances.
	Collectors []SourceConfig `yaml:"collectors"`
}

// SourceConfig configures one collector instance. The common fields below
// apply to every kind; kind-specific settings sit beside them in the same
// YAML mapping and are read by the kind's factory with Decode.
type SourceConfig struct {
	// Name identifies the instance (metrics, logs, checkpoint key). Unique.
	Name string `yaml:"name"`
	// Kind selects the collector: rss, googlenews, youtube, x, facebook,
	// instagram, telegram, mastodon, webhook, file.
	Kind string `yaml:"kind"`
	// Enabled must be true for the runner to start the collector.
	Enabled bool `yaml:"enabled"`
	// Interval between passes (default 5m).
	Interval time.Duration `yaml:"interval"`
	// StaleAfter marks the collector stale when it has had no successful
	// pass for this long (default 3×Interval; a negative value disables).
	StaleAfter time.Duration `yaml:"stale_after"`
	// Timeout bounds every HTTP request (default 20s).
	Timeout time.Duration `yaml:"timeout"`
	// RateLimit is the request rate towards the source, per second (0: none).
	RateLimit float64 `yaml:"rate_limit"`
	// Burst is the rate limiter's burst (default 1).
	Burst int `yaml:"burst"`
	// Retries is the number of attempts per request (default 4).
	Retries int `yaml:"retries"`
	// MaxBody bounds one HTTP response in bytes (default 8 MiB).
	MaxBody int64 `yaml:"max_body"`
	// Queries are watch queries: searched for on search APIs (googlenews,
	// youtube, x) and used to tag matches.
	Queries []string `yaml:"queries"`
	// Filter drops mentions no watch query matches (default true; false
	// for webhook and file, whose senders already chose, and for facebook
	// and instagram, which read the city's own accounts). Replies and
	// comments that a collector followed under a matched item (ParentID
	// and Query both set) are kept as that item's context.
	Filter *bool `yaml:"filter"`
	// StoryIDs assigns story_id to near-identical articles (default true
	// for rss and googlenews).
	StoryIDs *bool `yaml:"story_ids"`

	raw yaml.Node
}

// UnmarshalYAML keeps the raw mapping for Decode.
func (s *SourceConfig) UnmarshalYAML(n *yaml.Node) error {
	type plain SourceConfig
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*s = SourceConfig(p)
	s.raw = *n
	return nil
}

// KeySchema returns the types whose YAML fields a source's mapping n may
// hold: the common fields and the options of its kind. It is nil when the
// kind is missing or unknown (Validate reports that). The configuration
// loader uses it to reject unknown keys with their line.
func (SourceConfig) KeySchema(n *yaml.Node) []any {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "kind" {
			if k, ok := lookupKind(n.Content[i+1].Value); ok {
				return []any{SourceConfig{}, k.options}
			}
		}
	}
	return nil
}

// Decode reads the kind-specific settings of the same YAML mapping into v.
// A SourceConfig built in code (no YAML) leaves v unchanged.
func (s SourceConfig) Decode(v any) error {
	if s.raw.Kind == 0 {
		return nil
	}
	if err := s.raw.Decode(v); err != nil {
		return fmt.Errorf("source %s: %w", s.Name, err)
	}
	return nil
}

// WithOptions returns a copy of s whose kind-specific settings are read
// from the YAML text y (tests and programmatic configuration).
func (s SourceConfig) WithOptions(y string) (SourceConfig, error) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(y), &n); err != nil {
		return s, fmt.Errorf("source %s options: %w", s.Name, err)
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = *n.Content[0]
	}
	s.raw = n
	return s, nil
}

// Defaults fills unset common fields.
func (s *SourceConfig) Defaults() {
	if s.Interval <= 0 {
		s.Interval = 5 * time.Minute
	}
	if s.StaleAfter == 0 {
		s.StaleAfter = 3 * s.Interval
		if s.Kind == "webhook" || s.Kind == "file" {
			s.StaleAfter = -1 // push sources have no schedule to be late on
		}
	}
	if s.Timeout <= 0 {
		s.Timeout = 20 * time.Second
	}
	if s.Retries <= 0 {
		s.Retries = 4
	}
	if s.MaxBody <= 0 {
		s.MaxBody = 8 << 20
	}
	if s.Filter == nil {
		// Push sources were filtered by their senders; the city's own
		// Pages and IG accounts are relevant as a whole (every comment
		// on them is public reaction).
		v := s.Kind != "webhook" && s.Kind != "file" && s.Kind != "facebook" && s.Kind != "instagram"
		s.Filter = &v
	}
	if s.StoryIDs == nil {
		v := s.Kind == "rss" || s.Kind == "googlenews"
		s.StoryIDs = &v
	}
}

// Validate checks the common fields.
func (c *Config) Validate() error {
	seen := map[string]bool{}
	var problems []string
	for i, s := range c.Collectors {
		if s.Name == "" {
			problems = append(problems, fmt.Sprintf("collectors[%d]: name is required", i))
		} else if seen[s.Name] {
			problems = append(problems, fmt.Sprintf("collectors[%d]: duplicate name %q", i, s.Name))
		}
		seen[s.Name] = true
		if s.Kind == "" {
			problems = append(problems, fmt.Sprintf("collectors[%d] (%s): kind is required", i, s.Name))
		} else if _, ok := lookupKind(s.Kind); !ok {
			problems = append(problems, fmt.Sprintf("collectors[%d] (%s): unknown kind %q (known: %s)", i, s.Name, s.Kind, strings.Join(Kinds(), ", ")))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("sources: %s", strings.Join(problems, "; "))
	}
	return nil
}

// Find returns the collector configuration named name.
func (c *Config) Find(name string) (SourceConfig, bool) {
	for _, s := range c.Collectors {
		if s.Name == name {
			return s, true
		}
	}
	return SourceConfig{}, false
}
