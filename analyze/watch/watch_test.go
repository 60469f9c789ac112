package watch

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/normalize"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		q        string
		pos      int
		expected string
		after    string
	}{
		{`banjir OR (drainase`, 20, `")"`, "banjir OR (drainase"},
		{``, 1, `a term, phrase or "("`, ""},
		{`banjir OR`, 10, `a term, phrase or "("`, "banjir OR"},
		{`banjir AND`, 11, `a term, phrase or "("`, "banjir AND"},
		{`"drainase buruk`, 16, `a closing '"' for the phrase opened at 1`, `"drainase buruk`},
		{`banjir)`, 7, `end of query (unbalanced ")")`, "banjir"},
		{`()`, 2, `a term, phrase or "(" inside "()"`, "("},
		{`"a b"~x`, 7, `a number after "~"`, `"a b"~`},
		{`banjir NEAR/x drainase`, 13, `a distance 0…1000 after "NEAR/"`, "banjir NEAR/"},
		{`(a b) NEAR/2 c`, 7, `a term, phrase or (… OR …) of terms before NEAR`, "(a b)"},
		{`a NEAR/2 (b -c)`, 10, `a term, phrase or (… OR …) of terms after NEAR`, "a NEAR/2"},
		{`a NEAR/2 source:x`, 10, `a term, phrase or (… OR …) of terms after NEAR`, "a NEAR/2"},
		{`source:`, 8, `a value after "source:"`, "source:"},
		{`b*njir`, 1, `a wildcard only at the end of a word`, ""},
		{`b*`, 1, `at least 2 letters before "*"`, ""},
		{`pro-bebaya*`, 1, `one word before "*"`, ""},
		{`=A-B`, 1, `letters or digits only in an exact word (=AMIN)`, ""},
		{`banjir NOT`, 11, `a term, phrase or "("`, "banjir NOT"},
		{`OR banjir`, 1, `a term, phrase or "(" before OR`, ""},
		{`"  "`, 2, `a word inside the quotes`, `"`},
		{`banjir (drainase OR`, 20, `a term, phrase or "("`, "banjir (drainase OR"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			_, err := Parse(tt.q)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) = %v, want *ParseError", tt.q, err)
			}
			if pe.Pos != tt.pos || pe.Expected != tt.expected || pe.After != tt.after {
				t.Errorf("Parse(%q): got pos %d expected %q after %q; want %d %q %q (%v)",
					tt.q, pe.Pos, pe.Expected, pe.After, tt.pos, tt.expected, tt.after, err)
			}
			if pe.Query != tt.q {
				t.Errorf("Query = %q", pe.Query)
			}
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	_, err := Parse(`banjir OR (drainase`)
	want := `watch: at 20: expected ")" after "banjir OR (drainase"`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

// doc builds a document the way the normaliser does for hashtags: the
// hashtag token followed by its split words.
func doc(toks ...normalize.Token) *normalize.Doc { return &normalize.Doc{Tokens: toks} }
func w(s string) normalize.Token                 { return normalize.Token{Norm: s, Raw: s, Kind: normalize.Word} }
func ht(s string, parts ...string) []normalize.Token {
	out := []normalize.Token{{Norm: s, Raw: s, Kind: normalize.Hashtag}}
	for _, p := range parts {
		out = append(out, normalize.Token{Norm: p, Raw: p, Kind: normalize.Word, FromHashtag: true})
	}
	return out
}

func TestMatch(t *testing.T) {
	gov := Fields{Source: "instagram", Lang: "bjn", AuthorKind: "government", AuthorHandle: "@diskominfosmr", AuthorOrg: "Diskominfo"}
	tests := []struct {
		q    string
		text string
		f    Fields
		want bool
	}{
		{`banjir`, `banjir lagi di sempaja`, Fields{}, true},
		{`banjir`, `kebanjiran lagi`, Fields{}, false}, // word boundary
		{`banjir*`, `kebanjiran lagi`, Fields{}, false},
		{`banjir*`, `banjirnya parah`, Fields{}, true},
		{`istilah*`, `istilah2nya`, Fields{}, true},
		{`kata2*`, `kata2nya`, Fields{}, false}, // prefixes are not normalised; the text is ("kata-katanya")
		{`banjir drainase`, `banjir karena drainase`, Fields{}, true},
		{`banjir drainase`, `banjir karena hujan`, Fields{}, false},
		{`banjir AND drainase`, `drainase mampet, banjir`, Fields{}, true},
		{`banjir OR genangan`, `genangan di jalan`, Fields{}, true},
		{`banjir -hoaks`, `banjir hoaks`, Fields{}, false},
		{`banjir NOT hoaks`, `banjir beneran`, Fields{}, true},
		{`NOT hoaks`, `apa saja`, Fields{}, true},
		{`"pro bebaya"`, `dana pro-bebaya cair`, Fields{}, true},
		{`"pro bebaya"`, `dana probebaya cair`, Fields{}, true},
		{`"pro bebaya"`, `dana pro bebaya cair`, Fields{}, true},
		{`"pro bebaya"`, `#ProBebaya mantap`, Fields{}, true},
		{`"pro bebaya"`, `pro rakyat bebaya`, Fields{}, false},
		{`pro-bebaya`, `program probebaya`, Fields{}, true},
		{`#probebaya`, `program probebaya`, Fields{}, false},
		{`#probebaya`, `ayo #probebaya`, Fields{}, true},
		{`"drainase buruk"~3`, `drainase di sini sangat buruk`, Fields{}, true},
		{`"drainase buruk"~2`, `drainase di sini sangat buruk`, Fields{}, false},
		{`"drainase buruk"~3`, `buruk sekali drainase`, Fields{}, true},
		{`"drainase buruk"~1`, `drainase di sini sangat buruk`, Fields{}, false},
		{`banjir NEAR/2 drainase`, `banjir gara gara drainase`, Fields{}, true},
		{`banjir NEAR/1 drainase`, `banjir gara gara drainase`, Fields{}, false},
		{`banjir NEAR/1 drainase`, `drainase buntu banjir`, Fields{}, true},
		{`(banjir OR genangan) NEAR/1 (drainase OR got)`, `genangan gara got`, Fields{}, true},
		{`(banjir OR genangan) NEAR/1 (drainase OR got)`, `genangan gara gara got`, Fields{}, false},
		{`banjir source:instagram`, `banjir`, gov, true},
		{`banjir source:youtube`, `banjir`, gov, false},
		{`banjir lang:bjn`, `banjir`, gov, true},
		{`author:government`, `apa saja`, gov, true},
		{`author:@diskominfosmr banjir`, `banjir`, gov, true},
		{`author:diskominfo`, `x`, gov, true},
		{`author:citizen`, `x`, gov, false},
		{`(banjir OR genangan) (sempaja OR lempake) -hoaks`, `genangan di lempake`, Fields{}, true},
		{`"rudy mas'ud"`, `Rudy Masud menang`, Fields{}, true},
		{`@pemkotsamarinda`, `cc @PemkotSamarinda tolong`, Fields{}, true},
		{`samarinda`, `https://samarinda.go.id`, Fields{}, false},
		{`"jl gajah mada"`, `Jl. Gajah Mada macet`, Fields{}, true},
		{`banjir or genangan`, `banjir or genangan`, Fields{}, true}, // lower-case "or" is a word
		{`=AMIN`, `coblos AMIN`, Fields{}, true},
		{`=AMIN`, `semoga lancar, amin`, Fields{}, false},
		{`=AMIN`, `Amin ya rabb`, Fields{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.q+"|"+tt.text, func(t *testing.T) {
			q, err := Parse(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := q.Match(normalize.Text(tt.text), tt.f); got != tt.want {
				t.Errorf("%s on %q = %v, want %v", tt.q, tt.text, got, tt.want)
			}
		})
	}
}

func TestMatchSplitHashtag(t *testing.T) {
	d := doc(append([]normalize.Token{w("ayo")}, ht("#TerasSamarinda", "teras", "samarinda")...)...)
	for q, want := range map[string]bool{
		`"teras samarinda"`: true, `terassamarinda`: true, `#terassamarinda`: true,
		`teras`: true, `ayo NEAR/0 teras`: false, `"ayo teras"`: false,
	} {
		if got := MustParse(q).Match(d, Fields{}); got != want {
			t.Errorf("%s: got %v want %v", q, got, want)
		}
	}
}

func TestSet(t *testing.T) {
	qs := map[string]*Query{
		"flood":    MustParse(`banjir OR drainase OR polder OR "sungai karang mumus"`),
		"teras":    MustParse(`"teras samarinda" OR (tepian NEAR/2 mahakam)`),
		"yt":       MustParse(`source:youtube`),
		"notflood": MustParse(`-banjir`),
		"never":    MustParse(`banjir hoaks`),
	}
	s, err := NewSet(qs)
	if err != nil {
		t.Fatal(err)
	}
	got := s.Match(normalize.Text("Banjir di Tepian Mahakam, Teras Samarinda tergenang"), Fields{Source: "youtube"})
	want := "flood,teras,yt"
	if strings.Join(got, ",") != want {
		t.Errorf("got %v want %s", got, want)
	}
	got = s.Match(normalize.Text("jalan-jalan sore"), Fields{})
	if strings.Join(got, ",") != "notflood" {
		t.Errorf("got %v", got)
	}
	// Reuse of pooled state must not leak hits between calls.
	for i := 0; i < 3; i++ {
		if g := s.Match(normalize.Text("cuaca cerah"), Fields{}); strings.Join(g, ",") != "notflood" {
			t.Fatalf("call %d: %v", i, g)
		}
	}
}

func TestLexiconLongest(t *testing.T) {
	lx, err := NewLexicon(map[string][]string{
		"kec-sungai-pinang":       {"sungai pinang"},
		"kel-sungai-pinang-luar":  {"sungai pinang luar"},
		"kel-sungai-pinang-dalam": {"sungai pinang dalam"},
		"probebaya":               {"pro bebaya", "#probebaya"},
		"dukung":                  {"dukung*"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range lx.Spans(normalize.Text("Warga Sungai Pinang Luar dukungan pro-bebaya; sungai pinang macet")) {
		got = append(got, s.Label)
	}
	want := "kel-sungai-pinang-luar,dukung,probebaya,kec-sungai-pinang"
	if strings.Join(got, ",") != want {
		t.Errorf("got %v want %s", got, want)
	}
	if _, err := NewLexicon(map[string][]string{"x": {"a*b"}}); err == nil {
		t.Error("bad phrase accepted")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`banjir`, `banjir OR (drainase`, `"pro bebaya"~2 -hoaks`, `a NEAR/3 b NEAR c`,
		`source:youtube author:@x lang:bjn`, `((((a))))`, `NOT NOT a`, `"`, `-`, `a*`, `#x @y`,
		`author:"dinas pupr"`, "\xff", `a OR OR b`, `)(`, `NEAR/99999`,
	} {
		f.Add(s, "banjir di sempaja, pro-bebaya #TerasSamarinda @pemkot")
	}
	f.Fuzz(func(t *testing.T, q, text string) {
		x, err := Parse(q)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *ParseError: %v", err)
			}
			if pe.Pos < 1 || pe.Expected == "" {
				t.Fatalf("bad error %+v", pe)
			}
			return
		}
		_ = x.Match(normalize.Text(text), Fields{Source: "x", AuthorKind: "citizen"})
		_ = x.String()
	})
}

func TestMatcher(t *testing.T) {
	m, err := NewMatcher(map[string]*Query{
		"flood": MustParse(`banjir OR drainase`),
		"yt":    MustParse(`source:youtube -iklan`),
	}, map[string][]string{
		"kec": {"sungai pinang"}, "kel": {"sungai pinang luar"},
	}, map[string][]string{
		"sup": {"coblos", "pilih"}, "num": {"nomor 2", "02"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // twice: pooled state must be clean
		var qs, lx []string
		m.Scan(normalize.Text("Banjir di Sungai Pinang Luar, coblos 02"), Fields{Source: "youtube"},
			func(n string) { qs = append(qs, n) },
			func(l int, label string, s, e int) { lx = append(lx, fmt.Sprintf("%d:%s@%d-%d", l, label, s, e)) })
		sort.Strings(qs)
		if got := strings.Join(qs, ","); got != "flood,yt" {
			t.Errorf("queries %s", got)
		}
		if got := strings.Join(lx, " "); got != "0:kel@2-4 1:sup@5-5 1:num@6-6" {
			t.Errorf("lexicons %s", got)
		}
	}
}
