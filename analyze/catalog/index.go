package catalog

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/watch"
)

// Index is a compiled catalog: the matchers and tables the taggers use. It
// is safe for concurrent use.
type Index struct {
	cat *Catalog
	// Registry holds the registered accounts.
	Registry *Registry

	// m scans a text once for entity queries (the set), entity aliases
	// (lexicon 0) and political actors and cues (lexicon 1).
	m        *watch.Matcher
	entKind  map[string]byte
	ancestor map[string][]string // place → enclosing places

	actors      map[string]*Actor
	byRace      map[string]map[string]string // race → ballot number → actor id
	elections   map[string]*Election
	byKind      map[string][]string // election kind → race ids
	raceActors  map[string][]string // race → actor ids, by ballot number then id
	watches     map[string]*watch.Query
	symbolEmoji map[string]string // a party's symbol emoji (no variation selector) → party id
	symbolWords map[string]string // a party's symbol words, lower case ("pohon beringin") → party id
	handleNames []handleName      // pairs' and parties' names as they appear inside handles

	cal atomic.Pointer[dayCal] // the calendar of the last day asked

	// pmodel is the partisan model, read only where the rules found no
	// side in an election season (nil: rules only).
	pmodel *model.TFIDF
}

// handleName is an actor's alias written as one word ("rudyseno"), found
// inside an account handle ("@relawan.rudyseno").
type handleName struct{ joined, id string }

// Entity kinds in entity labels.
const (
	kProgram     = 'p'
	kInstitution = 'i'
	kPlace       = 'l'
)

// Compile validates c and builds the matchers.
func Compile(c *Catalog) (*Index, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	ix := &Index{cat: c, entKind: map[string]byte{}, ancestor: map[string][]string{},
		actors: map[string]*Actor{}, byRace: map[string]map[string]string{}, watches: map[string]*watch.Query{},
		elections: map[string]*Election{}, byKind: map[string][]string{}, raceActors: map[string][]string{},
		symbolEmoji: map[string]string{}, symbolWords: map[string]string{}, pmodel: loadPartisanModel()}
	for i := range c.Elections {
		e := &c.Elections[i]
		ix.elections[e.ID] = e
		ix.byKind[e.Kind] = append(ix.byKind[e.Kind], e.ID)
	}
	ents := map[string][]string{}
	queries := map[string]*watch.Query{}
	addEnt := func(kind byte, es []Entity) error {
		for i := range es {
			e := &es[i]
			label := string(kind) + e.ID
			ix.entKind[e.ID] = kind
			ents[label] = entityPhrases(e)
			if e.Query != "" {
				q, err := watch.Parse(e.Query)
				if err != nil {
					return fmt.Errorf("catalog: %q: query %q: %w", e.ID, e.Query, err)
				}
				queries[label] = q
			}
			w, err := watchQuery(e)
			if err != nil {
				return fmt.Errorf("catalog: %q: %w", e.ID, err)
			}
			if w != nil {
				ix.watches[e.ID] = w
			}
		}
		return nil
	}
	if err := addEnt(kProgram, c.Programs); err != nil {
		return nil, err
	}
	if err := addEnt(kInstitution, c.Institutions); err != nil {
		return nil, err
	}
	if err := addEnt(kPlace, c.Places); err != nil {
		return nil, err
	}
	parent := map[string]string{}
	for _, p := range c.Places {
		parent[p.ID] = p.Parent
	}
	for _, p := range c.Places {
		seen := map[string]bool{p.ID: true}
		for q := parent[p.ID]; q != "" && !seen[q]; q = parent[q] {
			seen[q] = true
			ix.ancestor[p.ID] = append(ix.ancestor[p.ID], q)
		}
	}

	pol := cueEntries()
	for i := range c.Actors {
		a := &c.Actors[i]
		ix.actors[a.ID] = a
		ps := append([]string{}, a.Aliases...)
		ps = append(ps, a.Hashtags...)
		if a.Name != "" && len(a.Aliases) == 0 {
			ps = append(ps, a.Name)
		}
		pol[cActor+"|"+a.ID] = ps
		if w, err := watchQuery(&Entity{ID: a.ID, Aliases: a.Aliases, Hashtags: a.Hashtags}); err != nil {
			return nil, fmt.Errorf("catalog: actor %q: %w", a.ID, err)
		} else if w != nil {
			ix.watches[a.ID] = w
		}
		var tags []string
		if a.Kind == "pair" || a.Kind == "option" {
			// A pair's name written as a hashtag is a campaign hashtag.
			for _, al := range a.Aliases {
				if j := joinedAlias(al); j != "" {
					tags = append(tags, "#"+j)
				}
			}
			tags = append(tags, a.Hashtags...)
		}
		pol[cTag+"|"+a.ID] = append(tags, campaignHashtags(a)...)
		if len(a.Slogans) > 0 {
			pol[cSlogan+"|"+a.ID] = a.Slogans
		}
		for _, col := range a.Colours {
			pol[cColour+"|"+col] = []string{col}
		}
		if a.Kind == "pair" || a.Kind == "party" || a.Kind == "candidate" {
			for _, al := range append([]string{a.ID}, a.Aliases...) {
				if j := joinedAlias(al); len(j) >= 6 && !slices.ContainsFunc(ix.handleNames, func(h handleName) bool { return h.joined == j }) {
					ix.handleNames = append(ix.handleNames, handleName{joined: j, id: a.ID})
				}
			}
		}
		for _, sym := range a.Symbols {
			if strings.IndexFunc(sym, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
				ix.symbolEmoji[strings.ReplaceAll(sym, "\ufe0f", "")] = a.ID
				continue
			}
			pol[cSymbol+"|"+a.ID] = append(pol[cSymbol+"|"+a.ID], sym)
			ix.symbolWords[strings.ToLower(sym)] = a.ID
		}
		for _, r := range a.races() {
			ix.raceActors[r] = append(ix.raceActors[r], a.ID)
			n := strings.TrimLeft(a.BallotNumber(r), "0")
			if n == "" {
				continue
			}
			if ix.byRace[r] == nil {
				ix.byRace[r] = map[string]string{}
			}
			ix.byRace[r][n] = a.ID
		}
	}
	for r, ids := range ix.raceActors {
		num := func(id string) int {
			if n, err := strconv.Atoi(ix.actors[id].BallotNumber(r)); err == nil {
				return n
			}
			return 1 << 30 // actors without a number come last
		}
		sort.SliceStable(ids, func(i, j int) bool {
			if ni, nj := num(ids[i]), num(ids[j]); ni != nj {
				return ni < nj
			}
			return ids[i] < ids[j]
		})
	}
	var err error
	if ix.m, err = watch.NewMatcher(queries, ents, pol); err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	accs := c.Accounts
	if ix.Registry, err = NewRegistry(accs); err != nil {
		return nil, err
	}
	return ix, nil
}

// watchQuery is the entity's full watch query: its aliases and hashtags as
// phrases, OR-ed with its own query.
func watchQuery(e *Entity) (*watch.Query, error) {
	var parts []string
	for _, p := range entityPhrases(e) {
		if strings.HasPrefix(p, "#") {
			parts = append(parts, p)
			continue
		}
		parts = append(parts, `"`+strings.ReplaceAll(p, `"`, ``)+`"`)
	}
	if e.Query != "" {
		parts = append(parts, "("+e.Query+")")
	}
	if len(parts) == 0 {
		return nil, nil
	}
	q, err := watch.Parse(strings.Join(parts, " OR "))
	if err != nil {
		return nil, fmt.Errorf("watch query: %w", err)
	}
	return q, nil
}

// Catalog returns the catalog the index was built from.
func (ix *Index) Catalog() *Catalog { return ix.cat }

// WatchQueries returns the full watch query of each program, institution,
// place (aliases, hashtags and query) and political actor (aliases and
// hashtags), keyed by id (ids are unique across sections): what collectors
// pass to watch.NewSet to keep only mentions of the city and of the
// election.
func (ix *Index) WatchQueries() map[string]*watch.Query {
	out := make(map[string]*watch.Query, len(ix.watches))
	for k, v := range ix.watches {
		out[k] = v
	}
	return out
}

// Actor returns the actor with the given id.
func (ix *Index) Actor(id string) (*Actor, bool) {
	a, ok := ix.actors[id]
	return a, ok
}

// ActorIDs lists the actor ids, sorted.
func (ix *Index) ActorIDs() []string {
	out := make([]string, 0, len(ix.actors))
	for id := range ix.actors {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
