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
	"slices"
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
	// Elections are the contests with their dates: the election calendar.
	// Every race an actor names must be one of them.
	Elections []Election `yaml:"elections,omitempty"`
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
	// Race is the contest (pileg-2024, pilpres-2024, ...): an election id.
	Race string `yaml:"race,omitempty"`
	// Number is the ballot number in the race.
	Number string `yaml:"number,omitempty"`
	// Ballots are the actor's places in further races (a party in the
	// next general election, with its new number).
	Ballots []Ballot `yaml:"ballots,omitempty"`
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
	// Slogans are the actor's slogans and greetings ("salam restorasi",
	// "suara golkar suara rakyat"): said by an account, they campaign for
	// the actor.
	Slogans []string `yaml:"slogans,omitempty"`
	// Colours are a party's colours (Indonesian colour words), for the
	// people who read the evidence: a colour is not a cue by itself.
	Colours []string `yaml:"colours,omitempty"`
	// Symbols are a party's ballot symbols: words ("banteng", "pohon
	// beringin") and emoji ("🐂", "🌳"). A symbol names the party only
	// where a ballot call takes it ("coblos banteng", "coblos 🐂", "partai
	// bergambar mawar") or beside the party's name: a bull in a sports
	// team's name is not the party.
	Symbols []string `yaml:"symbols,omitempty"`
}

// Ballot is an actor's ballot number in one race.
type Ballot struct {
	// Race is an election id.
	Race string `yaml:"race"`
	// Number is the ballot number, digits only.
	Number string `yaml:"number"`
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
	c.Programs = mergeByID(c.Programs, o.Programs, func(e Entity) string { return e.ID })
	c.Institutions = mergeByID(c.Institutions, o.Institutions, func(e Entity) string { return e.ID })
	c.Places = mergeByID(c.Places, o.Places, func(e Entity) string { return e.ID })
	c.Elections = mergeByID(c.Elections, o.Elections, func(e Election) string { return e.ID })
	c.Actors = mergeByID(c.Actors, o.Actors, func(a Actor) string { return a.ID })
	c.Accounts = append(c.Accounts, o.Accounts...)
}

// mergeByID overlays over on base: an entry with an existing id replaces
// it, a new id is appended.
func mergeByID[T any](base, over []T, id func(T) string) []T {
	for _, e := range over {
		replaced := false
		for i := range base {
			if id(base[i]) == id(e) {
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
	elections := map[string]bool{}
	for i := range c.Elections {
		e := &c.Elections[i]
		if !idRE.MatchString(e.ID) {
			return fmt.Errorf("catalog: elections: id %q must be lower-case letters, digits and '-'", e.ID)
		}
		if elections[e.ID] {
			return fmt.Errorf("catalog: elections: id %q used twice", e.ID)
		}
		elections[e.ID] = true
		if err := e.validate(); err != nil {
			return fmt.Errorf("catalog: elections %q: %w", e.ID, err)
		}
	}
	actors := map[string]*Actor{}
	for i := range c.Actors {
		a := &c.Actors[i]
		if err := check("actors", a.ID); err != nil {
			return err
		}
		actors[a.ID] = a
		switch a.Kind {
		case "party", "pair", "candidate", "option":
		default:
			return fmt.Errorf("catalog: actors %q: kind %q (want party, pair, candidate or option)", a.ID, a.Kind)
		}
		if err := a.validate(elections); err != nil {
			return fmt.Errorf("catalog: actors %q: %w", a.ID, err)
		}
	}
	numbered := map[[2]string]string{} // race, number → actor
	for _, a := range c.Actors {
		for _, m := range append(append([]string{}, a.Members...), a.Opposes...) {
			if actors[m] == nil {
				return fmt.Errorf("catalog: actors %q: unknown actor %q", a.ID, m)
			}
		}
		for _, m := range a.Members {
			if actors[m].Kind != "candidate" {
				return fmt.Errorf("catalog: actors %q: member %q is a %s, not a candidate", a.ID, m, actors[m].Kind)
			}
		}
		for _, r := range a.races() {
			n := strings.TrimLeft(a.BallotNumber(r), "0")
			if n == "" {
				continue
			}
			if o, ok := numbered[[2]string{r, n}]; ok {
				return fmt.Errorf("catalog: actors %q: ballot number %s in %s is already %q's", a.ID, n, r, o)
			}
			numbered[[2]string{r, n}] = a.ID
		}
	}
	for i, a := range c.Accounts {
		if err := a.validate(); err != nil {
			return fmt.Errorf("catalog: accounts[%d]: %w", i, err)
		}
	}
	return nil
}

// colourWords are the colours a party may list.
var colourWords = []string{"merah", "putih", "kuning", "hijau", "biru", "biru tua", "biru muda", "oranye", "jingga",
	"hitam", "ungu", "cokelat", "emas", "perak", "abu-abu", "merah muda", "merah putih"}

// validate checks an actor's races, numbers, slogans and colours.
func (a *Actor) validate(elections map[string]bool) error {
	if a.Race != "" && !elections[a.Race] {
		return fmt.Errorf("race %q is not an election of the calendar (add it under elections)", a.Race)
	}
	if a.Number != "" && a.Race == "" {
		return fmt.Errorf("number %q needs a race", a.Number)
	}
	if a.Number != "" && !digits(a.Number) {
		return fmt.Errorf("number %q must be digits", a.Number)
	}
	for _, b := range a.Ballots {
		switch {
		case !elections[b.Race]:
			return fmt.Errorf("ballots: race %q is not an election of the calendar (add it under elections)", b.Race)
		case !digits(b.Number):
			return fmt.Errorf("ballots: number %q in %s must be digits", b.Number, b.Race)
		case b.Race == a.Race:
			return fmt.Errorf("ballots: race %q is already the actor's race", b.Race)
		}
	}
	for _, s := range a.Slogans {
		if len(strings.Fields(s)) < 2 {
			return fmt.Errorf("slogan %q: a slogan needs at least two words (a single word is an alias)", s)
		}
	}
	for _, col := range a.Colours {
		if !slices.Contains(colourWords, col) {
			return fmt.Errorf("colour %q (want one of %s)", col, strings.Join(colourWords, ", "))
		}
	}
	if len(a.Colours) > 0 && a.Kind != "party" {
		return fmt.Errorf("colours are for parties, not a %s", a.Kind)
	}
	if len(a.Symbols) > 0 && a.Kind != "party" {
		return fmt.Errorf("symbols are for parties, not a %s", a.Kind)
	}
	for _, sym := range a.Symbols {
		if strings.TrimSpace(sym) == "" {
			return fmt.Errorf("symbols: an empty symbol")
		}
	}
	return nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
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
