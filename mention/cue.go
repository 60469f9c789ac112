package mention

import (
	"fmt"
	"strings"
)

// Cue is one piece of evidence of a politics decision: the rule that fired,
// the words of the post that fired it (as written) and the actor it favours
// or opposes. It is written into Politics.Cues as a string (Cue.String), so
// that the ClickHouse column, the Netralitas dashboard and breach alerts can
// show it as it is, and read back with ParseCue where its parts are needed.
type Cue struct {
	// Rule is the rule's id, a key of CueRules.
	Rule string
	// Text is the post's words that fired the rule, as written ("…" joins
	// two parts of the post that are apart).
	Text string
	// Actor is the canonical id of the party, candidate, pair or option the
	// cue favours or opposes: a catalog id, "ballot-N" for a ballot number
	// of no known race, or "unlisted:…" for one missing from the catalog.
	// Empty when the cue names no side (a neutrality message).
	Actor string
}

// CueRules are the rules of the partisanship tagger, with the Indonesian
// label that reports, dashboards and alerts show for each.
var CueRules = map[string]string{
	"support-call":     "ajakan memilih atau mendukung",
	"support-praise":   "pujian atau dukungan dalam konteks pemilu",
	"oppose-call":      "ajakan menolak atau tidak memilih",
	"oppose-attack":    "serangan terhadap peserta pemilu",
	"oppose-slogan":    "slogan penolakan",
	"campaign-hashtag": "tagar kampanye",
	"slogan":           "slogan atau salam partai/paslon",
	"hand-sign":        "salam atau pose jari nomor urut",
	"mobilisation":     "pengerahan massa ke kegiatan politik",
	"attendance":       "kehadiran di kegiatan politik",
	"greeting":         "ucapan selamat dengan dukungan politik",
	"party-service":    "promosi partai lewat bantuan atau layanan",
	"attributes":       "atribut kampanye",
	"recruitment":      "ajakan bergabung dengan partai atau tim",
	"share":            "membagikan konten kampanye",
	"neutral":          "pesan netralitas atau ajakan memilih tanpa keberpihakan",
	// "model" is no rule: the partisan model's margin (Text) where the
	// rules found no side, in an election season.
	"model": "skor model teks (tanpa aturan yang cocok); angka = margin",
}

const cueArrow = " → "

// String renders the cue as `rule: "text" → actor` (without the arrow part
// when there is no actor). Double quotes in the text become single quotes.
func (c Cue) String() string {
	var b strings.Builder
	b.WriteString(c.Rule)
	b.WriteString(`: "`)
	b.WriteString(strings.ReplaceAll(c.Text, `"`, `'`))
	b.WriteByte('"')
	if c.Actor != "" {
		b.WriteString(cueArrow)
		b.WriteString(c.Actor)
	}
	return b.String()
}

// ParseCue reads a cue written by Cue.String.
func ParseCue(s string) (Cue, error) {
	rule, rest, ok := strings.Cut(s, `: "`)
	if !ok || rule == "" {
		return Cue{}, fmt.Errorf("cue %q: want `rule: \"text\"[ → actor]`", s)
	}
	text, tail, ok := strings.Cut(rest, `"`)
	if !ok {
		return Cue{}, fmt.Errorf("cue %q: unterminated text", s)
	}
	c := Cue{Rule: rule, Text: text}
	if tail != "" {
		actor, ok := strings.CutPrefix(tail, cueArrow)
		if !ok || actor == "" {
			return Cue{}, fmt.Errorf("cue %q: want %q and an actor after the text", s, strings.TrimSpace(cueArrow))
		}
		c.Actor = actor
	}
	return c, nil
}
