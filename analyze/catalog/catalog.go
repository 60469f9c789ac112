// Package catalog holds Dengar's watch lists — the city's programs, agencies
// (OPD), places and the political actors of an election year — and the
// account registry of government, media and public-admin accounts. It
// provides the taggers that attribute a mention to programs, institutions
// and places, decide whether it is political and partisan, and flag
// neutrality breaches by government accounts.
//
// The embedded default (samarinda.yaml, accounts.csv) is dated and meant to
// be replaced or extended from the configuration.
package catalog

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dengar-id/dengar/analyze/watch"
)

//go:embed samarinda.yaml
var defaultYAML []byte

//go:embed accounts.csv
var defaultAccountsCSV []byte

// Catalog is the watch-list configuration. It is decoded from YAML.
type Catalog struct {
	// Version names this catalog (e.g. "samarinda-2024.2").
	Version string `yaml:"version,omitempty"`
	// ValidFrom is the date from which the entries are valid.
	ValidFrom string `yaml:"valid_from,omitempty"`
	// Notes are free text for the people who maintain the catalog.
	Notes string `yaml:"notes,omitempty"`
	// Programs are city programs (Probebaya, Teras Samarinda, ...).
	Programs []Entity `yaml:"programs,omitempty"`
	// Institutions are agencies (OPD), BUMD, the city government and council.
	Institutions []Entity `yaml:"institutions,omitempty"`
	// Places are kecamatan, kelurahan, areas and landmarks.
	Places []Entity `yaml:"places,omitempty"`
	// Actors are parties, candidates, pairs and ballot options.
	Actors []Actor `yaml:"actors,omitempty"`
	// Accounts extend the account registry.
	Accounts []Account `yaml:"accounts,omitempty"`
}

// Entity is a program, institution or place.
type Entity struct {
	// ID is the canonical id written into tags (e.g. "probebaya", "kel-sempaja-utara").
	ID string `yaml:"id"`
	// Name is the human name.
	Name string `yaml:"name,omitempty"`
	// Kind is kecamatan | kelurahan | area | landmark for places.
	Kind string `yaml:"kind,omitempty"`
	// Parent is the id of the enclosing place (a kelurahan's kecamatan).
	Parent string `yaml:"parent,omitempty"`
	// Aliases are phrases that name the entity.
	Aliases []string `yaml:"aliases,omitempty"`
	// Hashtags name the entity as hashtags ("#probebaya").
	Hashtags []string `yaml:"hashtags,omitempty"`
	// Query is a watch query that also attributes the entity.
	Query string `yaml:"query,omitempty"`
	// Strict places match only with their prefix ("kelurahan Jawa"),
	// because the bare name is a common word.
	Strict bool `yaml:"strict,omitempty"`
}

// Actor is a political party, candidate, candidate pair or ballot option.
type Actor struct {
	// ID is the canonical id (e.g. "prabowo-gibran", "pdip", "kotak-kosong").
	ID string `yaml:"id"`
	// Kind is party | pair | candidate | option.
	Kind string `yaml:"kind"`
	// Name is the human name.
	Name string `yaml:"name,omitempty"`
	// Race is the contest (pileg-2024, pilpres-2024, ...).
	Race string `yaml:"race,omitempty"`
	// Number is the ballot number in the race.
	Number string `yaml:"number,omitempty"`
	// Members are the candidate ids of a pair.
	Members []string `yaml:"members,omitempty"`
	// Office marks a candidate who holds public office after the election:
	// naming them is not political by itself.
	Office bool `yaml:"office,omitempty"`
	// Opposes lists actors that support for this option opposes (the
	// empty box opposes the single pair).
	Opposes []string `yaml:"opposes,omitempty"`
	// Aliases and Hashtags name the actor.
	Aliases  []string `yaml:"aliases,omitempty"`
	Hashtags []string `yaml:"hashtags,omitempty"`
}

// Account is one entry of the account registry.
type Account struct {
	// Platform is the source (instagram, x, facebook, youtube, ...; "*" = any).
	Platform string `yaml:"platform"`
	// Handle is the handle without "@"; ID is the platform id. One is needed.
	Handle string `yaml:"handle,omitempty"`
	ID     string `yaml:"id,omitempty"`
	// Kind is government | media | public_admin.
	Kind string `yaml:"kind"`
	// Level is opd | kecamatan | kelurahan | bumd | rt for government accounts.
	Level string `yaml:"level,omitempty"`
	// Org is the organisation behind the account.
	Org string `yaml:"org,omitempty"`
}

// Default returns the embedded Samarinda catalog with its example registry.
func Default() (*Catalog, error) {
	c, err := ParseYAML("embedded samarinda.yaml", defaultYAML)
	if err != nil {
		return nil, err
	}
	acc, err := ParseAccountsCSV("embedded accounts.csv", defaultAccountsCSV)
	if err != nil {
		return nil, err
	}
	c.Accounts = append(acc, c.Accounts...)
	return c, nil
}

// ParseYAML decodes a catalog; unknown keys are errors.
func ParseYAML(name string, data []byte) (*Catalog, error) {
	c := &Catalog{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("catalog %s: %w", name, err)
	}
	return c, nil
}

// LoadFile reads a catalog from a YAML file.
func LoadFile(path string) (*Catalog, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	return ParseYAML(path, b)
}

// Merge overlays o on c: an entry with an existing id replaces it, a new id
// is appended; version fields are taken from o when set.
func (c *Catalog) Merge(o *Catalog) {
	if o == nil {
		return
	}
	if o.Version != "" {
		c.Version = o.Version
	}
	if o.ValidFrom != "" {
		c.ValidFrom = o.ValidFrom
	}
	c.Programs = mergeEntities(c.Programs, o.Programs)
	c.Institutions = mergeEntities(c.Institutions, o.Institutions)
	c.Places = mergeEntities(c.Places, o.Places)
	for _, a := range o.Actors {
		replaced := false
		for i := range c.Actors {
			if c.Actors[i].ID == a.ID {
				c.Actors[i], replaced = a, true
			}
		}
		if !replaced {
			c.Actors = append(c.Actors, a)
		}
	}
	c.Accounts = append(c.Accounts, o.Accounts...)
}

func mergeEntities(base, over []Entity) []Entity {
	for _, e := range over {
		replaced := false
		for i := range base {
			if base[i].ID == e.ID {
				base[i], replaced = e, true
			}
		}
		if !replaced {
			base = append(base, e)
		}
	}
	return base
}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Validate checks ids, references and every watch query; the first problem
// is returned, naming the entry and, for a query, the query, position and
// what was expected.
func (c *Catalog) Validate() error {
	seen := map[string]string{}
	check := func(section, id string) error {
		if !idRE.MatchString(id) {
			return fmt.Errorf("catalog: %s: id %q must be lower-case letters, digits and '-'", section, id)
		}
		if s, ok := seen[id]; ok {
			return fmt.Errorf("catalog: %s: id %q already used in %s", section, id, s)
		}
		seen[id] = section
		return nil
	}
	for sec, es := range map[string][]Entity{"programs": c.Programs, "institutions": c.Institutions, "places": c.Places} {
		for _, e := range es {
			if err := check(sec, e.ID); err != nil {
				return err
			}
			if len(e.Aliases) == 0 && len(e.Hashtags) == 0 && e.Query == "" && e.Name == "" {
				return fmt.Errorf("catalog: %s %q: needs a name, aliases, hashtags or a query", sec, e.ID)
			}
			if e.Query != "" {
				if _, err := watch.Parse(e.Query); err != nil {
					return fmt.Errorf("catalog: %s %q: query %q: %w", sec, e.ID, e.Query, err)
				}
			}
			for _, h := range e.Hashtags {
				if !strings.HasPrefix(h, "#") {
					return fmt.Errorf("catalog: %s %q: hashtag %q must start with #", sec, e.ID, h)
				}
			}
		}
	}
	places := map[string]bool{}
	for _, p := range c.Places {
		places[p.ID] = true
	}
	for _, p := range c.Places {
		if p.Parent != "" && !places[p.Parent] {
			return fmt.Errorf("catalog: places %q: parent %q is not a place", p.ID, p.Parent)
		}
		switch p.Kind {
		case "kecamatan", "kelurahan", "area", "landmark", "":
		default:
			return fmt.Errorf("catalog: places %q: kind %q (want kecamatan, kelurahan, area or landmark)", p.ID, p.Kind)
		}
	}
	actors := map[string]bool{}
	for _, a := range c.Actors {
		if err := check("actors", a.ID); err != nil {
			return err
		}
		actors[a.ID] = true
		switch a.Kind {
		case "party", "pair", "candidate", "option":
		default:
			return fmt.Errorf("catalog: actors %q: kind %q (want party, pair, candidate or option)", a.ID, a.Kind)
		}
	}
	for _, a := range c.Actors {
		for _, m := range append(append([]string{}, a.Members...), a.Opposes...) {
			if !actors[m] {
				return fmt.Errorf("catalog: actors %q: unknown actor %q", a.ID, m)
			}
		}
	}
	for i, a := range c.Accounts {
		if err := a.validate(); err != nil {
			return fmt.Errorf("catalog: accounts[%d]: %w", i, err)
		}
	}
	return nil
}

// entityPhrases returns the phrases that name e in text.
func entityPhrases(e *Entity) []string {
	var out []string
	if e.Strict {
		prefixes := []string{"kelurahan", "kel", "lurah", "kantor lurah"}
		if e.Kind == "kecamatan" {
			prefixes = []string{"kecamatan", "kec", "camat", "kantor camat"}
		}
		for _, p := range prefixes {
			out = append(out, p+" "+strings.ToLower(e.Name))
		}
	} else if e.Kind != "" && e.Name != "" {
		out = append(out, strings.ToLower(e.Name))
	}
	out = append(out, e.Aliases...)
	out = append(out, e.Hashtags...)
	return out
}
