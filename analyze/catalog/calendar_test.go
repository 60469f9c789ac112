package catalog

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

func day(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseDate(t *testing.T) {
	for _, bad := range []string{"", "2024-13-01", "2024-02-30", "14-02-2024", "2024/02/14", "2024-2-14"} {
		if _, err := ParseDate(bad); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
			t.Errorf("ParseDate(%q) = %v, want an error naming the format", bad, err)
		}
	}
	d := day(t, "2024-02-14")
	if d.String() != "2024-02-14" || DateOf(d.Noon()) != d {
		t.Errorf("round trip: %s, noon %v → %s", d, d.Noon(), DateOf(d.Noon()))
	}
	// Late evening UTC is already the next day in Samarinda (WITA, UTC+8).
	if got := DateOf(time.Date(2024, 2, 13, 17, 30, 0, 0, time.UTC)); got.String() != "2024-02-14" {
		t.Errorf("DateOf 2024-02-13T17:30Z = %s, want 2024-02-14 (WITA)", got)
	}
	if !DateOf(time.Time{}).IsZero() {
		t.Error("the zero time must give the zero date")
	}
}

func TestElectionYAMLErrors(t *testing.T) {
	tests := []struct{ doc, want string }{
		{"elections:\n  - {id: x, kind: pilwali, vote: 2029-11-31, campaign: {from: 2029-09-01, to: 2029-11-20}}\n", `line 2: "2029-11-31" is not a date`},
		{"elections:\n  - {id: x, kind: pilwali, vote: [2029], campaign: {from: 2029-09-01, to: 2029-11-20}}\n", "line 2: want a date"},
		{"elections:\n  - {id: x, kind: pilwali, vote: 2029-11-28, kampanye: {}}\n", "field kampanye not found"},
	}
	for _, tt := range tests {
		if _, err := ParseYAML("t.yaml", []byte(tt.doc)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.doc, err, tt.want)
		}
	}
}

func TestCalendarValidateErrors(t *testing.T) {
	e := func(mod func(*Election)) Election {
		x := Election{ID: "pilwali-contoh", Kind: "pilwali", Vote: day(t, "2029-11-28"),
			Campaign: Period{From: day(t, "2029-09-26"), To: day(t, "2029-11-24")}}
		if mod != nil {
			mod(&x)
		}
		return x
	}
	ok := e(nil)
	tests := []struct {
		c    Catalog
		want string
	}{
		{Catalog{Elections: []Election{e(func(x *Election) { x.ID = "Pilwali 2029" })}}, `elections: id "Pilwali 2029"`},
		{Catalog{Elections: []Election{ok, ok}}, `id "pilwali-contoh" used twice`},
		{Catalog{Elections: []Election{e(func(x *Election) { x.Kind = "pilkades" })}}, `kind "pilkades"`},
		{Catalog{Elections: []Election{e(func(x *Election) { x.Vote = Date{} })}}, "the polling day is missing"},
		{Catalog{Elections: []Election{e(func(x *Election) { x.Campaign.To = Date{} })}}, "campaign: needs from and to"},
		{Catalog{Elections: []Election{e(func(x *Election) { x.Campaign.To = day(t, "2029-09-01") })}}, "is before from"},
		{Catalog{Elections: []Election{e(func(x *Election) { x.Campaign.To = day(t, "2029-12-01") })}}, "after polling day"},
		{Catalog{Elections: []Election{e(func(x *Election) { x.Numbers = day(t, "2029-12-01") })}}, "numbers: drawn 2029-12-01, after polling day"},
		{Catalog{Elections: []Election{e(func(x *Election) { x.Until = day(t, "2029-11-01") })}}, "until: 2029-11-01 is before polling day"},
		{Catalog{Actors: []Actor{{ID: "a", Kind: "party", Race: "pileg-2029"}}}, `race "pileg-2029" is not an election of the calendar`},
		{Catalog{Actors: []Actor{{ID: "a", Kind: "party", Number: "3"}}}, `number "3" needs a race`},
		{Catalog{Elections: []Election{ok}, Actors: []Actor{{ID: "a", Kind: "pair", Race: ok.ID, Number: "tiga"}}}, `number "tiga" must be digits`},
		{Catalog{Elections: []Election{ok}, Actors: []Actor{{ID: "a", Kind: "party", Ballots: []Ballot{{Race: "x", Number: "1"}}}}}, `ballots: race "x"`},
		{Catalog{Elections: []Election{ok}, Actors: []Actor{{ID: "a", Kind: "party", Ballots: []Ballot{{Race: ok.ID, Number: ""}}}}}, "must be digits"},
		{Catalog{Elections: []Election{ok}, Actors: []Actor{{ID: "a", Kind: "pair", Race: ok.ID, Number: "1"}, {ID: "b", Kind: "pair", Race: ok.ID, Number: "01"}}}, `ballot number 1 in pilwali-contoh is already "a"'s`},
		{Catalog{Actors: []Actor{{ID: "a", Kind: "party", Slogans: []string{"merdeka"}}}}, "needs at least two words"},
		{Catalog{Actors: []Actor{{ID: "a", Kind: "party", Colours: []string{"magenta"}}}}, `colour "magenta"`},
		{Catalog{Actors: []Actor{{ID: "a", Kind: "candidate", Colours: []string{"merah"}}}}, "colours are for parties"},
		{Catalog{Actors: []Actor{{ID: "p", Kind: "party"}, {ID: "x", Kind: "pair", Members: []string{"p"}}}}, `member "p" is a party`},
	}
	for _, tt := range tests {
		if err := tt.c.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v:\n got %v\nwant %q", tt.c, err, tt.want)
		}
	}
	if err := (&Catalog{Elections: []Election{ok}}).Validate(); err != nil {
		t.Errorf("valid election rejected: %v", err)
	}
}

// TestElectionPhases checks the boundaries of the 2024 East Kalimantan
// governor race: numbers drawn 23 September, campaign 25 September to 23
// November, vote 27 November, live 30 days after the vote.
func TestElectionPhases(t *testing.T) {
	ix := testIndex(t)
	e := ix.elections["pilgub-kaltim-2024"]
	for _, tt := range []struct{ day, phase string }{
		{"2024-09-22", ""}, {"2024-09-23", "numbers"}, {"2024-09-25", "campaign"}, {"2024-11-23", "campaign"},
		{"2024-11-24", "quiet"}, {"2024-11-27", "quiet"}, {"2024-11-28", "results"}, {"2024-12-27", "results"},
		{"2024-12-28", ""},
	} {
		d := day(t, tt.day)
		if got := e.Phase(d); got != tt.phase {
			t.Errorf("%s: phase %q, want %q", tt.day, got, tt.phase)
		}
		if e.Open(d) != (tt.phase != "") {
			t.Errorf("%s: Open = %v", tt.day, e.Open(d))
		}
		if want := tt.phase == "campaign" || tt.phase == "quiet"; e.Campaigning(d) != want {
			t.Errorf("%s: Campaigning = %v, want %v", tt.day, e.Campaigning(d), want)
		}
	}
}

func TestActive(t *testing.T) {
	ix := testIndex(t)
	for _, tt := range []struct {
		day   string
		races []string
	}{
		{"2023-01-10", []string{"pileg-2024"}},
		{"2024-01-20", []string{"pileg-2024", "pilpres-2024"}},
		{"2024-04-01", []string{"pilpres-2024"}},
		{"2024-10-12", []string{"pilgub-kaltim-2024", "pilwali-samarinda-2024"}},
		{"2026-12-06", nil},
	} {
		var got []string
		for _, ar := range ix.Active(day(t, tt.day)) {
			got = append(got, ar.Election.ID)
		}
		if !slices.Equal(got, tt.races) {
			t.Errorf("%s: active %v, want %v", tt.day, got, tt.races)
		}
	}
	ar := ix.Active(day(t, "2024-10-12"))[0]
	var ids []string
	for _, a := range ar.Actors {
		ids = append(ids, a.ID)
	}
	// Numbered actors first, by number; then the rest by id.
	want := []string{"isran-hadi", "rudy-seno", "hadi-mulyadi", "isran-noor", "rudy-masud", "seno-aji"}
	if !slices.Equal(ids, want) || !ar.Campaigning {
		t.Errorf("pilgub actors %v (campaigning %v), want %v", ids, ar.Campaigning, want)
	}
}

// exampleFuture is a clearly fictional future contest: it shows the shape a
// maintainer adds once the KPU has set the dates. No name in it is real.
const exampleFuture = `
elections:
  - id: pilwali-contoh-2029
    name: CONTOH — pemilihan wali kota fiktif untuk pengujian
    kind: pilwali
    region: contoh
    numbers: "2029-09-23"
    campaign: {from: "2029-09-25", to: "2029-11-24"}
    vote: "2029-11-28"
actors:
  - id: contoh-a-b
    kind: pair
    name: Calon Contoh A - Calon Contoh B (fiktif)
    race: pilwali-contoh-2029
    number: "1"
    members: [contoh-a, contoh-b]
    aliases: [contoh ab, paslon contoh ab]
  - {id: contoh-a, kind: candidate, race: pilwali-contoh-2029, aliases: [calon contoh a]}
  - {id: contoh-b, kind: candidate, race: pilwali-contoh-2029, aliases: [calon contoh b]}
  - id: gerindra
    kind: party
    name: Partai Gerindra
    race: pileg-2024
    number: "2"
    aliases: [gerindra, partai gerindra]
    ballots: [{race: pilwali-contoh-2029, number: "7"}]
`

func TestFutureElectionFromConfig(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	o, err := ParseYAML("example", []byte(exampleFuture))
	if err != nil {
		t.Fatal(err)
	}
	c.Merge(o)
	ix, err := Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	tag := func(text, date string) *mention.Politics {
		return ix.PoliticsAt(normalize.Text(text), day(t, date).Noon())
	}
	if p := tag("Salam 1 jari dari warga RT kami ✌️", "2029-10-10"); !p.Partisan || !slices.Equal(p.Actors, []string{"contoh-a-b"}) {
		t.Errorf("in the example race's window: %+v, want support for contoh-a-b", *p)
	}
	if p := tag("Salam 1 jari dari warga RT kami", "2030-03-01"); p.Partisan {
		t.Errorf("after the example race: %+v, want no side", *p)
	}
	if p := tag("Pilwali nanti coblos nomor urut 7", "2029-10-10"); !slices.Equal(p.Actors, []string{"gerindra"}) {
		t.Errorf("a party's ballot in a further race: %+v, want gerindra", *p)
	}
	var names []string
	for _, ar := range ix.Active(day(t, "2029-10-10")) {
		names = append(names, ar.Election.ID)
	}
	// The default catalog's planned 2029 regional contests are open too.
	if !slices.Equal(names, []string{"pilgub-kaltim-2029", "pilwali-contoh-2029", "pilwali-samarinda-2029"}) {
		t.Errorf("active %v", names)
	}
}
