package catalog

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"gopkg.in/yaml.v3"
)

// Election is one contest of the election calendar: its kind, region and
// dates. Actors name it in their `race` (or `ballots`); the calendar decides
// when the contest's ballot numbers and finger poses are read as cues, and
// when its candidates are candidates rather than office holders.
type Election struct {
	// ID is the race id actors refer to (e.g. "pilpres-2024",
	// "pilwali-samarinda-2024").
	ID string `yaml:"id"`
	// Name is the human name.
	Name string `yaml:"name,omitempty"`
	// Kind is pilpres | pileg | pilgub | pilwali | pilbup | other. Race
	// words in a post ("pilgub", "cawali") name the contest of that kind
	// open on the post's date.
	Kind string `yaml:"kind"`
	// Region is where it is held ("nasional", "kaltim", "samarinda").
	Region string `yaml:"region,omitempty"`
	// Numbers is the day ballot numbers were drawn (pengundian nomor
	// urut); empty means the first day of the campaign.
	Numbers Date `yaml:"numbers,omitempty"`
	// Campaign is the campaign period (masa kampanye).
	Campaign Period `yaml:"campaign"`
	// Vote is polling day.
	Vote Date `yaml:"vote"`
	// Until is the last day the contest is live: results final (KPU
	// decision, disputes settled). Empty means 30 days after the vote.
	Until Date `yaml:"until,omitempty"`
}

// Period is a span of days, both ends included.
type Period struct {
	// From is the first day.
	From Date `yaml:"from"`
	// To is the last day.
	To Date `yaml:"to"`
}

// Date is a calendar day written YYYY-MM-DD. The zero Date is "not set".
type Date struct{ t time.Time }

// dateLayout is how dates are written in the catalog and on the command line.
const dateLayout = "2006-01-02"

// ParseDate reads a YYYY-MM-DD day.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
	}
	return Date{t}, nil
}

// DateOf is the calendar day of t in WITA (Asia/Makassar, UTC+8), where
// Samarinda's elections are held; the zero time gives the zero Date.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.In(wita).Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// wita is UTC+8 (Samarinda has no daylight saving), fixed so that no time
// zone database is needed.
var wita = time.FixedZone("WITA", 8*3600)

// IsZero reports an unset date.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String writes the day as YYYY-MM-DD ("" when unset).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// Before reports d < o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// Noon is midday of the day in WITA: a time that DateOf maps back to d.
func (d Date) Noon() time.Time {
	y, m, dd := d.t.Date()
	return time.Date(y, m, dd, 12, 0, 0, 0, wita)
}

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// UnmarshalYAML reads a YYYY-MM-DD scalar; anything else is an error with
// its line.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: want a date YYYY-MM-DD", n.Line)
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = v
	return nil
}

// MarshalYAML writes the day as YYYY-MM-DD.
func (d Date) MarshalYAML() (any, error) { return d.String(), nil }

// electionKinds are the contest kinds, with the race words that name them
// in a post (the words also mark an election context).
var electionKinds = map[string][]string{
	"pilpres": {"pilpres", "capres", "cawapres", "calon presiden", "calon wakil presiden", "pemilihan presiden"},
	"pileg":   {"pileg", "caleg", "dapil", "partai politik", "pemilihan legislatif"},
	"pilgub":  {"pilgub", "pilgub kaltim", "pilkada kaltim", "cagub", "cawagub", "calon gubernur", "pemilihan gubernur"},
	"pilwali": {"pilwali", "pilwalkot", "pilkada samarinda", "cawali", "cawawali", "calon wali kota", "calon walikota", "pemilihan wali kota"},
	"pilbup":  {"pilbup", "cabup", "cawabup", "calon bupati", "pemilihan bupati"},
	"other":   nil,
}

// Opens is the first day the contest's ballot numbers are read.
func (e *Election) Opens() Date {
	if !e.Numbers.IsZero() {
		return e.Numbers
	}
	return e.Campaign.From
}

// Closes is the last day the contest is live.
func (e *Election) Closes() Date {
	if !e.Until.IsZero() {
		return e.Until
	}
	return e.Vote.AddDays(30)
}

// Open reports whether the contest is live on day: its ballot numbers are
// drawn and its results not yet final. Then its numbers and finger poses
// are read as cues and its candidates are candidates, even those in office.
func (e *Election) Open(day Date) bool {
	return !day.IsZero() && !day.Before(e.Opens()) && !e.Closes().Before(day)
}

// Campaigning reports whether day lies between the first day of the
// campaign and polling day (the quiet days included).
func (e *Election) Campaigning(day Date) bool {
	return !day.IsZero() && !day.Before(e.Campaign.From) && !e.Vote.Before(day)
}

// Phase names where an open contest is on day: "numbers" (numbers drawn,
// campaign not begun), "campaign", "quiet" (masa tenang, up to polling
// day), "results" (after the vote, results not final); "" when it is not
// open.
func (e *Election) Phase(day Date) string {
	switch {
	case !e.Open(day):
		return ""
	case day.Before(e.Campaign.From):
		return "numbers"
	case !e.Campaign.To.Before(day):
		return "campaign"
	case !e.Vote.Before(day):
		return "quiet"
	}
	return "results"
}

// seasonDays is how long before a polling day posts are read as in an
// election season by the generic frames: registration at the KPU,
// nomination and the greetings of "bakal calon" come months before the
// campaign (August for a November vote).
const seasonDays = 183

// beforeVote reports day on or before polling day (or no day at all).
func (e *Election) beforeVote(day Date) bool { return day.IsZero() || !e.Vote.Before(day) }

func (e *Election) validate() error {
	if _, ok := electionKinds[e.Kind]; !ok {
		return fmt.Errorf("kind %q (want pilpres, pileg, pilgub, pilwali, pilbup or other)", e.Kind)
	}
	switch {
	case e.Vote.IsZero():
		return fmt.Errorf("vote: the polling day is missing (YYYY-MM-DD)")
	case e.Campaign.From.IsZero() || e.Campaign.To.IsZero():
		return fmt.Errorf("campaign: needs from and to (YYYY-MM-DD)")
	case e.Campaign.To.Before(e.Campaign.From):
		return fmt.Errorf("campaign: to %s is before from %s", e.Campaign.To, e.Campaign.From)
	case e.Vote.Before(e.Campaign.To):
		return fmt.Errorf("campaign: ends %s, after polling day %s", e.Campaign.To, e.Vote)
	case !e.Numbers.IsZero() && e.Vote.Before(e.Numbers):
		return fmt.Errorf("numbers: drawn %s, after polling day %s", e.Numbers, e.Vote)
	case !e.Until.IsZero() && e.Until.Before(e.Vote):
		return fmt.Errorf("until: %s is before polling day %s", e.Until, e.Vote)
	}
	return nil
}

// ActiveRace is an election open on a day, with its actors.
type ActiveRace struct {
	// Election is the contest.
	Election *Election
	// Campaigning is true between the first day of the campaign and the vote.
	Campaigning bool
	// Actors are the contest's actors, by ballot number then id.
	Actors []*Actor
}

// Active lists the elections open on day (see Election.Open), in order of
// polling day, each with its actors.
func (ix *Index) Active(day Date) []ActiveRace {
	var out []ActiveRace
	for _, e := range ix.elections {
		if !e.Open(day) {
			continue
		}
		ar := ActiveRace{Election: e, Campaigning: e.Campaigning(day)}
		for _, id := range ix.raceActors[e.ID] {
			ar.Actors = append(ar.Actors, ix.actors[id])
		}
		out = append(out, ar)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Election.Vote != out[j].Election.Vote {
			return out[i].Election.Vote.Before(out[j].Election.Vote)
		}
		return out[i].Election.ID < out[j].Election.ID
	})
	return out
}

// BallotNumber is the actor's ballot number in race ("" if none).
func (a *Actor) BallotNumber(race string) string {
	if a.Race == race && a.Number != "" {
		return a.Number
	}
	for _, b := range a.Ballots {
		if b.Race == race {
			return b.Number
		}
	}
	return ""
}

// races lists the races the actor runs in.
func (a *Actor) races() []string {
	var out []string
	if a.Race != "" {
		out = append(out, a.Race)
	}
	for _, b := range a.Ballots {
		if !slices.Contains(out, b.Race) {
			out = append(out, b.Race)
		}
	}
	return out
}

// racesOfKind returns the races of kind that a post of day refers to: those
// open on day; for an undated post, the only race of that kind in the
// catalog (none when there are several).
func (ix *Index) racesOfKind(kind string, day Date) []string {
	all := ix.byKind[kind]
	if day.IsZero() {
		// A planned contest without ballot numbers yet is no race an
		// undated "nomor 2" can mean.
		var numbered []string
		for _, id := range all {
			if len(ix.byRace[id]) > 0 || len(all) == 1 {
				numbered = append(numbered, id)
			}
		}
		if len(numbered) == 1 {
			return numbered
		}
		return nil
	}
	var out []string
	for _, id := range all {
		if ix.elections[id].Open(day) {
			out = append(out, id)
		}
	}
	return out
}
