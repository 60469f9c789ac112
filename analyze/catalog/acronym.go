package catalog

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dengar-id/dengar/analyze/watch"
)

// acronymHonorifics name a person right before an acronym ("Pak AH",
// "Bang AH"); titles such as "dr." do not: "dr. AH" is anyone.
var acronymHonorifics = map[string]bool{"pak": true, "bapak": true, "bang": true, "abang": true, "kak": true, "mas": true,
	"om": true, "sahabat": true, "paslon": true, "pasangan": true}

// dropStrayAcronyms removes the actor spans matched only through an exact
// alias ("=AH", "=AMIN") that the post does not bear out: the word as
// written is an interjection or a prayer as often as the pair. Such a span
// stays when an honorific stands right before it ("Pak AH"), a call or
// another cue within two words ("tetap AH", "pilih AH lagi"), or the post
// has election words, another actor of the same races, or the actor's
// hashtag, or is written inside a hashtag. A post written in capitals ("AH MANTAP SEMANGATNYA") or the
// word opening a sentence before a comma or an exclamation mark ("AH,
// capek") needs the election words, a strong call, another actor or the
// hashtag.
func (ix *Index) dropStrayAcronyms(st *pstate) {
	if len(st.spans) == 0 || st.doc == nil {
		return
	}
	var ws []watch.Word // read only for a one-word actor span (most posts have none)
	keep := st.spans[:0]
	for i := range st.spans {
		sp := st.spans[i]
		if sp.class == cActor && sp.start == sp.end && ws == nil {
			ws = st.wordsOf()
		}
		if sp.class == cActor && sp.start == sp.end && sp.start < len(ws) {
			if a := ix.actors[sp.name]; a != nil && slices.Contains(a.Aliases, "="+ws[sp.start].Raw) && !ix.acronymBorneOut(st, ws, i, a) {
				continue
			}
		}
		keep = append(keep, sp)
	}
	st.spans = keep
}

// acronymBorneOut decides whether the exact-alias span at spans[i] names
// actor a (see dropStrayAcronyms).
func (ix *Index) acronymBorneOut(st *pstate, ws []watch.Word, i int, a *Actor) bool {
	sp := &st.spans[i]
	strong, near := false, false
	for j := range st.spans {
		o := &st.spans[j]
		if j == i {
			continue
		}
		switch o.class {
		case cElec, cRace, cRaceY, cRole, cNumX, cHand, cAgainst:
			if o.class != cElec || o.name != "kampanye" {
				strong = true
			}
		case cTag, cSlogan:
			if o.name == a.ID {
				strong = true
			}
		case cActor:
			if o.name != a.ID && ix.sameRace(a, ix.actors[o.name]) {
				strong = true
			}
		case cSup, cOpp, cOppX:
			strong = true
			fallthrough
		case cSupW, cOppW, cAttr, cEvent:
			// "tetap AH", "kaos dan stiker AMIN", "posko AMIN".
			if o.start-sp.end-1 <= 2 && sp.start-o.end-1 <= 2 {
				near = true
			}
		}
	}
	// Inside a hashtag ("#AHGubernur2029") the letters are a name, never an
	// interjection or a prayer.
	if strong || ws[sp.start].Hashtag || ws[sp.start].InHashtag {
		return true
	}
	if shouting(ws, sp.start) || interjection(st, ws, sp.start) || prayerEnd(st, ws, sp.start) {
		return false
	}
	return near || acronymHonorifics[wordAt(ws, sp.start-1)]
}

// sameRace reports two actors running in one race, or b a member of a.
func (ix *Index) sameRace(a, b *Actor) bool {
	if b == nil {
		return false
	}
	if slices.Contains(a.Members, b.ID) || slices.Contains(b.Members, a.ID) {
		return true
	}
	for _, r := range a.races() {
		if slices.Contains(b.races(), r) {
			return true
		}
	}
	return false
}

// upperWord reports a word with letters, all of them capitals.
func upperWord(raw string) bool {
	letters := false
	for _, r := range raw {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// shouting reports the two words before or the two words after position
// k written in capitals too: a post in capitals, where an acronym is any
// word ("AH MANTAP SEMANGATNYA").
func shouting(ws []watch.Word, k int) bool {
	caps := func(from, step int) bool {
		n := 0
		for j := from; n < 2; j += step {
			if j < 0 || j >= len(ws) || ws[j].Hashtag || ws[j].InHashtag {
				return false
			}
			raw := ws[j].Raw
			if r, _ := utf8.DecodeRuneInString(raw); !unicode.IsLetter(r) || !upperWord(raw) {
				return false
			}
			n++
		}
		return true
	}
	return caps(k+1, 1) || caps(k-1, -1)
}

// interjection reports word k opening a sentence and followed by a comma,
// an exclamation mark or an ellipsis ("AH, capek", "AMIN!").
func interjection(st *pstate, ws []watch.Word, k int) bool {
	raw := ws[k].Raw
	if raw == "" || st.doc == nil {
		return false
	}
	text := st.doc.Raw
	// The k-th word's occurrence: count the earlier words written the same.
	nth := 0
	for j := 0; j < k; j++ {
		if ws[j].Raw == raw {
			nth++
		}
	}
	at := -1
	for from := 0; nth >= 0; nth-- {
		x := wordIndex(text[from:], raw)
		if x < 0 {
			return false
		}
		at = from + x
		from = at + len(raw)
	}
	before := strings.TrimRight(text[:at], " \t")
	opens := before == "" || strings.ContainsAny(before[len(before)-1:], ".!?\n…")
	if !opens && strings.HasSuffix(before, "…") {
		opens = true
	}
	after := strings.TrimLeft(text[at+len(raw):], " \t")
	// "… lebih baik. AMIN 🙏": a prayer's last word, with only emoji after.
	end := !strings.ContainsFunc(after, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	return opens && (strings.HasPrefix(after, ",") || strings.HasPrefix(after, "!") || strings.HasPrefix(after, "…") ||
		strings.HasPrefix(after, "..") || end && before != "")
}

// rePrayer marks a post that prays or wishes: its last "AMIN" is the
// prayer's.
var rePrayer = mustFre(`(?i)\b(?:semoga|smoga|moga|mudahan|mudah-mudahan|mudah2an|doa|berdoa|insya ?allah|insyaallah|ya allah|ya rabb|aamiin|amiin)\b|🤲`)

// prayerEnd reports the k-th word as a prayer's sign-off: the post's last
// word, with only emoji or punctuation after it, in a post that prays
// ("semoga … lebih baik, AMIN 🤲"). A pair's pose after it (☝️, the one
// finger of ballot 01 whose acronym is AMIN) makes it the pair's again:
// "Semoga kita sehat semua, AMIN ☝️🤲".
func prayerEnd(st *pstate, ws []watch.Word, k int) bool {
	for j := k + 1; j < len(ws); j++ {
		if strings.ContainsRune(ws[j].Raw, '☝') {
			return false
		}
		if ws[j].Raw != "" && strings.ContainsFunc(ws[j].Raw, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) &&
			!strings.EqualFold(ws[j].Raw, "yra") {
			return false
		}
	}
	return st.doc != nil && rePrayer.MatchString(st.hay())
}

// wordIndex finds w in s as a whole word (not inside another word).
func wordIndex(s, w string) int {
	for from := 0; ; {
		x := strings.Index(s[from:], w)
		if x < 0 {
			return -1
		}
		at := from + x
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		next, _ := utf8.DecodeRuneInString(s[at+len(w):])
		if (at == 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev)) && (at+len(w) == len(s) || !unicode.IsLetter(next) && !unicode.IsDigit(next)) {
			return at
		}
		from = at + len(w)
	}
}
