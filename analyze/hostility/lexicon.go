package hostility

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// The lexicon files (lexicon/*.tsv) hold the knowledge the public data
// sets lack, written for Dengar: Kalimantan and Indonesian identity terms
// with their slurs, attack words, insults, exclamations, threat
// vocabulary, reporting and counter-speech frames, and target words. Each
// file documents its columns.
//
//go:embed lexicon/*.tsv
var lexiconFS embed.FS

// tag is a set of word classes of the lexicon.
type tag uint64

const (
	tIdentity    tag = 1 << iota // a group: ethnicity, religion, gender, disability
	tSlur                        // a degrading name of a group
	tAttribute                   // a negative trait ascribed to a group
	tDehuman                     // a dehumanising comparison
	tExclude                     // a call to expel, boycott or bar (the group its object)
	tBar                         // a call that bars the group (its subject)
	tStereotype                  // a phrase that puts a group in its "place"
	tInsult                      // an insult or degrading name
	tWeak                        // an insult word with an everyday sense: aimed only when close
	tExclaim                     // profanity used as an exclamation
	tViolent                     // a verb of harm
	tInherent                    // threatening on its own
	tBody                        // a body part
	tWeapon                      // a weapon
	tIntent                      // intent or incitement before a verb
	tObject                      // makes a violent verb aimed
	tVisit                       // going to someone
	tMeet                        // meeting someone
	tVeiled                      // a veiled threat
	tHarmless                    // everyday context of a violent verb
	tPeace                       // a peaceful visit or protest
	tSport                       // a sports context
	tReport                      // reported speech, police, court
	tNews                        // a news topic about hostility (weak frame)
	tCounter                     // counter-speech
	tLiteral                     // a literal sense of an insult word
	tSecond                      // the addressee
	tPerson                      // a person or an office holder
	tInstitution                 // a body or agency
	tCollective                  // turns a role into a collective
	tGroup                       // marks a group reference
	tBuild                       // a call against building what follows (a house of worship)
	tMild                        // a verb of harm only in the first person or after intent
	tNoun                        // an insult that names its target (said of institutions too)
	tWarn                        // a warning that threatens when said of the addressee
	tBlood                       // blood or bloodshed ("darah"): a threat with a condition (see bloodshed)
	tCorpse                      // a corpse or a death ("mayatnya", "mengapung"): a threat with a demand (see corpseWarnings)
	tSmallWorld                  // "dunia ini sempit": a threat with someone's family named (see familyWarnings)
	tVigilante                   // "dengan cara kami": a threat after a condition or an ultimatum (see ultimatums)
	tMassacre                    // a past ethnic massacre ("Sampit"): a threat when foretold again (see massacreRecalled)
	tOutcome                     // a bodily harm that befalls someone ("patah tulang"): a threat for whoever defies (see consequences)
	tRuinWarn                    // "jangan kaget/heran": a threat with a building's deliberate ruin after it (see ruinForetold)
)

// tAttack are the words that attack a group said of it.
const tAttack = tAttribute | tDehuman | tExclude | tBar | tStereotype | tBuild

// stemmed are the classes whose single-word entries also match a word's
// stem (affixed verb forms: "diusir", "membakar").
const stemmed = tViolent | tExclude

var kindTags = map[string]tag{
	"attribute": tAttribute, "dehuman": tDehuman, "build": tBuild, "mild": tMild, "warn": tWarn, "blood": tBlood, "corpse": tCorpse, "smallworld": tSmallWorld, "vigilante": tVigilante, "massacre": tMassacre, "outcome": tOutcome, "ruinwarn": tRuinWarn, "exclude": tExclude, "bar": tBar, "stereotype": tStereotype,
	"violent": tViolent, "inherent": tInherent, "body": tBody, "weapon": tWeapon, "intent": tIntent,
	"object": tObject, "visit": tVisit, "meet": tMeet, "veiled": tVeiled, "harmless": tHarmless,
	"peace": tPeace, "sport": tSport, "report": tReport, "news": tNews, "counter": tCounter, "literal": tLiteral, "second": tSecond,
	"person": tPerson, "institution": tInstitution, "collective": tCollective, "group": tGroup,
}

// category is a set of attack grounds: bit i is CategoryNames[i].
type category uint8

func categoryOf(name string) (category, bool) {
	i := slices.Index(CategoryNames[:], name)
	if i < 0 {
		return 0, false
	}
	return 1 << i, true
}

// names lists the categories of c in CategoryNames order.
func (c category) names() []string {
	var out []string
	for i, n := range CategoryNames {
		if c&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// phrase is one lexicon entry: a sequence of normalised words.
type phrase struct {
	words []string
	tags  tag
	cat   category
}

// lexicon indexes the phrases by their first word.
type lexicon struct {
	first map[string][]*phrase // longest first
	// trigger indexes the phrases that can make a post hostile (triggers)
	// by first word; a post with none needs no rule pass.
	trigger map[string][]*phrase
	n       int
	// masked are the one-word insults and exclamations by length, for
	// words written with asterisks ("k*ntol", "anj*ng").
	masked map[int][]string
	// info holds what the lexicon and the rules' sets know of a word
	// (its phrases, mayTrigger's sets, anyOf's sets): one lookup a word;
	// infoF filters its keys.
	info  map[string]*wordInfo
	infoF *wordFilter
	// soloF filters the words whose may entry says more than "first word
	// of longer trigger phrases", pairF the first two words of those
	// phrases (see mayAt).
	soloF, pairF *wordFilter
	// firstPairF filters the first two words of every longer phrase (see
	// lookup).
	firstPairF *wordFilter
}

// wordInfo is what the lexicon and the rules' sets know of one word.
type wordInfo struct {
	phrases []*phrase // the phrases it starts, longest first (lexicon.first)
	// seconds are the phrases' second words ("" for one word), side by
	// side: most phrases are passed over on them without reading the
	// phrase ("orang", "tidak" start dozens).
	seconds []string
	// single: one of the phrases is this word alone.
	single bool
	may    mayEntry // mayTrigger's sets (see buildMay)
	any    uint32   // the anySets that hold it (see anyOf)
}

// secondWords are the second words of ps ("" for one word).
func secondWords(ps []*phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if len(p.words) > 1 {
			out[i] = p.words[1]
		}
	}
	return out
}

// noInfo is the info of a word the lexicon and the sets do not know.
var noInfo = &wordInfo{}

// infoOf is what the lexicon knows of w (noInfo: nothing; not to be
// changed).
func (lx *lexicon) infoOf(w string) *wordInfo {
	if !lx.infoF.mayHave(w) {
		return noInfo
	}
	if in := lx.info[w]; in != nil {
		return in
	}
	return noInfo
}

// newInfo is w's info, added to lx.info when new (while loading).
func (lx *lexicon) newInfo(w string) *wordInfo {
	in := lx.info[w]
	if in == nil {
		in = &wordInfo{}
		lx.info[w] = in
	}
	return in
}

// wordFilter answers "not in the set" for most words with one bit read
// instead of a map lookup (hashing the whole word): a bit per hash of the
// length and four bytes of the set's words (first, second, middle,
// last). A set bit may be another word's; the map is then asked. It has
// about sixteen bits a word (a few hundred bytes for a rule's small
// sets: few cache lines).
type wordFilter struct {
	bits []uint64
	mask uint32
}

func filterHash(s string) uint32 {
	n := len(s)
	h := uint32(n)*0x9E3779B1 ^ uint32(s[0])*0x85EBCA77 ^ uint32(s[n-1])*0xC2B2AE3D ^ uint32(s[n/2])*0x27D4EB2F
	if n > 1 {
		h ^= uint32(s[1]) * 0x165667B1
	}
	return h ^ h>>16
}

// newFilter is the filter of words.
func newFilter(words []string) *wordFilter {
	n := uint32(512)
	for n < 1<<15 && int(n) < 16*len(words) {
		n <<= 1
	}
	f := &wordFilter{bits: make([]uint64, n/64), mask: n - 1}
	for _, w := range words {
		if w != "" {
			h := filterHash(w) & f.mask
			f.bits[h>>6] |= 1 << (h & 63)
		}
	}
	return f
}

func pairHash(a, b string) uint32 {
	h := filterHash(a)*0x2C1B3C6D ^ filterHash(b)
	return h ^ h>>15
}

// addPair adds the pair of words a, b (see mayHavePair).
func (f *wordFilter) addPair(a, b string) {
	h := pairHash(a, b) & f.mask
	f.bits[h>>6] |= 1 << (h & 63)
}

// mayHavePair reports whether the pair a, b may be in the set of pairs.
func (f *wordFilter) mayHavePair(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	h := pairHash(a, b) & f.mask
	return f.bits[h>>6]&(1<<(h&63)) != 0
}

// mayHave reports whether s may be in the set (false: it is not).
func (f *wordFilter) mayHave(s string) bool {
	if s == "" {
		return false
	}
	h := filterHash(s) & f.mask
	return f.bits[h>>6]&(1<<(h&63)) != 0
}

// filterOf is the filter of the words of sets (every key, whatever its
// value) and of words: a gate before a rule's per-word checks.
func filterOf(words []string, sets ...map[string]bool) *wordFilter {
	all := slices.Clone(words)
	for _, set := range sets {
		for w := range set {
			all = append(all, w)
		}
	}
	return newFilter(all)
}

// keysOf are the keys of m.
func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for w := range m {
		out = append(out, w)
	}
	return out
}

// phrases are the phrases whose first word is w, longest first.
func (lx *lexicon) phrases(w string) []*phrase { return lx.infoOf(w).phrases }

// mayOf is what mayTrigger knows of w (see buildMay).
func (lx *lexicon) mayOf(w string) *mayEntry { return &lx.infoOf(w).may }

// triggers are the classes that can make a post hostile.
const triggers = tIdentity | tSlur | tInsult | tExclaim | tViolent | tVeiled | tMeet | tVisit | tWeapon | tStereotype | tWarn | tBlood | tCorpse | tSmallWorld | tVigilante | tMassacre | tOutcome | tRuinWarn

var (
	lexOnce sync.Once
	lexVal  *lexicon
	lexErr  error
)

// loadLexicon parses the embedded lexicon files once.
func loadLexicon() (*lexicon, error) {
	lexOnce.Do(func() { lexVal, lexErr = parseLexicon(lexiconFS) })
	return lexVal, lexErr
}

// parseLexicon reads every lexicon file of fsys. The file name says how
// its columns are read: identity.tsv gives a category and optionally
// "slur", insult.tsv optional flags (a category, "weak", "noun"), exclaim.tsv has
// one column, the others give a kind (kindTags).
func parseLexicon(fsys fs.FS) (*lexicon, error) {
	lx := &lexicon{first: map[string][]*phrase{}}
	byKey := map[string]*phrase{}
	files, err := fs.Glob(fsys, "lexicon/*.tsv")
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("hostility lexicon: %w", err)
		}
		sc := bufio.NewScanner(f)
		line := 0
		for sc.Scan() {
			line++
			s := strings.TrimSpace(sc.Text())
			if s == "" || s[0] == '#' {
				continue
			}
			cols := strings.Split(s, "\t")
			term := strings.Join(strings.Fields(strings.ToLower(cols[0])), " ")
			var tg tag
			var cat category
			bad := func(msg string) error {
				return fmt.Errorf("hostility lexicon %s:%d: %s (%q)", name, line, msg, s)
			}
			switch base := strings.TrimSuffix(strings.TrimPrefix(name, "lexicon/"), ".tsv"); base {
			case "identity":
				if len(cols) < 2 || len(cols) > 3 {
					f.Close()
					return nil, bad("want term, category[, slur]")
				}
				c, ok := categoryOf(cols[1])
				if !ok {
					f.Close()
					return nil, bad("unknown category")
				}
				tg, cat = tIdentity, c
				if len(cols) == 3 {
					if cols[2] != "slur" {
						f.Close()
						return nil, bad("third column must be slur")
					}
					tg |= tSlur
				}
			case "insult":
				tg = tInsult
				if len(cols) > 2 {
					f.Close()
					return nil, bad("want term[, flags]")
				}
				if len(cols) == 2 {
					for _, fl := range strings.Split(cols[1], ",") {
						switch fl {
						case "weak":
							tg |= tWeak
							continue
						case "noun":
							tg |= tNoun
							continue
						}
						c, ok := categoryOf(fl)
						if !ok {
							f.Close()
							return nil, bad("unknown flag")
						}
						cat |= c
					}
				}
			case "exclaim":
				if len(cols) != 1 {
					f.Close()
					return nil, bad("want one column")
				}
				tg = tExclaim
			default:
				if len(cols) != 2 {
					f.Close()
					return nil, bad("want term, kind")
				}
				t, ok := kindTags[cols[1]]
				if !ok {
					f.Close()
					return nil, bad("unknown kind")
				}
				tg = t
			}
			if term == "" {
				f.Close()
				return nil, bad("empty term")
			}
			p := byKey[term]
			if p == nil {
				p = &phrase{words: strings.Fields(term)}
				byKey[term] = p
				lx.first[p.words[0]] = append(lx.first[p.words[0]], p)
				lx.n++
			}
			p.tags |= tg
			p.cat |= cat
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("hostility lexicon %s: %w", name, err)
		}
	}
	lx.trigger = map[string][]*phrase{}
	lx.masked = map[int][]string{}
	for _, p := range byKey {
		if len(p.words) == 1 && p.tags&(tInsult|tExclaim) != 0 {
			lx.masked[len(p.words[0])] = append(lx.masked[len(p.words[0])], p.words[0])
		}
	}
	for _, ws := range lx.masked {
		slices.Sort(ws)
	}
	for w, ps := range lx.first {
		slices.SortStableFunc(ps, func(a, b *phrase) int { return len(b.words) - len(a.words) })
		for _, p := range ps {
			if p.tags&triggers != 0 {
				lx.trigger[w] = append(lx.trigger[w], p)
			}
		}
	}
	if lx.n == 0 {
		return nil, fmt.Errorf("hostility lexicon: no entries")
	}
	lx.info = map[string]*wordInfo{}
	pairs := 0
	for w, ps := range lx.first {
		in := lx.newInfo(w)
		in.phrases, in.seconds = ps, secondWords(ps)
		in.single = slices.Contains(in.seconds, "")
		pairs += len(ps)
	}
	lx.firstPairF = newFilter(make([]string, pairs)) // sized; the pairs are added below
	for w, ps := range lx.first {
		for _, p := range ps {
			if len(p.words) > 1 {
				lx.firstPairF.addPair(w, p.words[1])
			}
		}
	}
	lx.buildMay()
	lx.buildAny()
	delete(lx.info, "")
	lx.infoF = newFilter(keysOf(lx.info))
	var solo []string
	pairs = 0
	for w, in := range lx.info {
		if in.may.bits&^mayTrigger != 0 || slices.Contains(in.may.trigSeconds, "") {
			solo = append(solo, w)
		}
		pairs += len(in.may.trig)
	}
	lx.soloF = newFilter(solo)
	lx.pairF = newFilter(make([]string, pairs)) // sized; the pairs are added below
	for w, in := range lx.info {
		for _, second := range in.may.trigSeconds {
			if second != "" {
				lx.pairF.addPair(w, second)
			}
		}
	}
	return lx, nil
}

// unmask is the one insult or exclamation that pattern spells, an
// asterisk standing for any one letter ("k*ntol" → "kontol"); "" when
// none or several do (or fewer than three letters are shown).
func (lx *lexicon) unmask(pattern string) string {
	shown := len(pattern) - strings.Count(pattern, "*")
	if shown < 3 || shown == len(pattern) {
		return ""
	}
	var found []string
	for _, w := range lx.masked[len(pattern)] {
		ok := true
		for k := 0; k < len(w) && ok; k++ {
			ok = pattern[k] == '*' || pattern[k] == w[k]
		}
		if ok {
			found = append(found, w)
		}
	}
	if len(found) > 1 {
		// "anj*ng": "anjing" (an insult) rather than "anjeng" (only an
		// exclamation)
		found = slices.DeleteFunc(found, func(w string) bool {
			for _, p := range lx.phrases(w) {
				if len(p.words) == 1 && p.tags&tInsult != 0 {
					return false
				}
			}
			return true
		})
	}
	if len(found) != 1 {
		return ""
	}
	return found[0]
}

// maskedAt reads a word written with asterisks from token i on (a word,
// then asterisks and words in turn: "k", "*", "ntol"): the insult it
// spells and the index of the token after it; ok false when the tokens
// spell none.
func (lx *lexicon) maskedAt(toks []normalize.Token, i int) (w string, next int, ok bool) {
	if toks[i].Kind != normalize.Word {
		return "", i, false
	}
	// Most words have no mask after them: say so before building anything.
	if i+1 >= len(toks) || toks[i+1].Kind != normalize.Punct || strings.Trim(toks[i+1].Raw, "*") != "" {
		return "", i, false
	}
	var b strings.Builder
	b.WriteString(strings.ToLower(toks[i].Raw))
	j := i + 1
	for j+1 < len(toks) && toks[j].Kind == normalize.Punct && strings.Trim(toks[j].Raw, "*") == "" && toks[j+1].Kind == normalize.Word {
		b.WriteString(toks[j].Raw)
		b.WriteString(strings.ToLower(toks[j+1].Raw))
		j += 2
	}
	if j < len(toks) && toks[j].Kind == normalize.Punct && strings.Trim(toks[j].Raw, "*") == "" && j-1 == i {
		b.WriteString(toks[j].Raw) // "anj*": a trailing mask
		j++
	}
	if j == i+1 {
		return "", i, false
	}
	u := lx.unmask(b.String())
	return u, j, u != ""
}
