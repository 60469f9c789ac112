package hostility

import (
	"slices"
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// The rules read a post through the lexicon (lexicon.go) and find what the
// models, trained on 2017–2019 Jakarta tweets, do not know: group attacks
// on Kalimantan and Indonesian identities, threats in Indonesian, slang
// and Banjar, insults aimed at someone, and words that are mentioned
// rather than used (an exclamation, a quote in a news report, a correction
// of someone else's hate).

// word is one word of a post as the rules read it.
type word struct {
	norm, stem, raw string
	tok             int // index of its token in the Doc
	sent, clause    int
	quoted, negated bool
	user            bool // an @mention
	exclaimed       bool // read as an exclamation (see exclamations)
	// violent keeps violentAt's answer: 0 not yet read, 1 no verb of
	// harm, else 2 + its form.
	violent uint8
	tags    tag // classes of the lexicon phrases that cover it
	cat     category
	// info, stemInfo, rawInfo are what the lexicon knows of norm, stem
	// and raw (looked up once, in build).
	info, stemInfo, rawInfo *wordInfo
}

// hit is a lexicon phrase found in a post: words [at, end).
type hit struct {
	at, end int
	p       *phrase
}

// Cue is one finding of the rules: which rule fired on which words.
type Cue struct {
	// Rule names the rule ("group_attack", "slur", "threat_first_person",
	// "insult_aimed", "exclamation", "quoted", …).
	Rule string
	// Words are the words that fired it.
	Words string
}

func (c Cue) String() string { return c.Rule + ": " + c.Words }

// reading is what the rules find in a post.
type reading struct {
	lx    *lexicon
	words []word
	hits  []hit
	// per sentence: reported speech or news about hostility, counter-speech
	report, counter []bool
	// quotedSent marks sentences with a quotation.
	quotedSent []bool

	hate, threat, insult, mentioned []Cue
	hateCat, insultCat              category
	// hateIndividual, hateGroup: the hate attacks one person as a member
	// of a group, the group itself.
	hateIndividual, hateGroup bool
	// threatSents are the sentences of the threat cues.
	threatSents []int
	// mask are the token indexes of mentioned words (exclamations, quoted
	// or reported insults), which the models re-read the post without.
	mask []int
	// target is the target the words point to ("" when none), named by
	// targetWhy; catWhy say which words gave the categories.
	target           string
	targetWhy        string
	catWhy, identWhy []string
	// addressed: the post starts with an @mention (a reply's addressee).
	addressed bool
	// playful: the post laughs or jokes ("wkwk", 😂, "canda"); banter:
	// its insults are at the addressee alone in such a post (see
	// insults).
	playful, banter bool
	// praising: an exclamation of awe in a post that praises ("gila
	// kamu kuat banget, salut!"): admiration, not an insult.
	praising bool
	// identity reports an identity term used outside a report or a
	// correction; identityCat are their categories.
	identity    bool
	identityCat category
	// anyBits are the anySets with a word of the post (see anyOf), once
	// anyDone.
	anyBits uint32
	anyDone bool
}

var quoteMarks = map[string]bool{"'": true, "\"": true, "“": true, "”": true, "‘": true, "’": true, "«": true, "»": true, "`": true}

// read runs the rules over d. media says the post is a media account's
// (news topics then frame a sentence as a report); force runs them even
// when no word can make the post hostile (for the target of a post the
// models find abusive).
func (lx *lexicon) read(d *normalize.Doc, media, force bool) *reading {
	return lx.readInto(new(reading), d, media, force)
}

// readInto is read into r, which it empties first; r's buffers are
// reused (a tagger's state keeps one: no allocation a post).
func (lx *lexicon) readInto(r *reading, d *normalize.Doc, media, force bool) *reading {
	r.reset(lx)
	if !force && !lx.mayTrigger(d) {
		return r // most posts: no word that can make them hostile
	}
	r.build(d)
	if !lx.lookup(r) && !force {
		return r
	}
	r.relativeTargets()
	r.frames(media)
	r.exclamations()
	r.threats()
	r.massacreRecalled()
	r.consequences()
	r.ruinForetold()
	r.groupAttacks()
	r.exclusions()
	r.threatsOnGroups()
	r.insults()
	r.findTarget()
	r.hate, r.threat, r.insult, r.mentioned = uniqueCues(r.hate), uniqueCues(r.threat), uniqueCues(r.insult), uniqueCues(r.mentioned)
	return r
}

// reset empties r for a post read by lx; its slices keep their arrays.
func (r *reading) reset(lx *lexicon) {
	*r = reading{
		lx: lx, words: r.words[:0], hits: r.hits[:0],
		report: r.report[:0], counter: r.counter[:0], quotedSent: r.quotedSent[:0],
		hate: r.hate[:0], threat: r.threat[:0], insult: r.insult[:0], mentioned: r.mentioned[:0],
		threatSents: r.threatSents[:0], mask: r.mask[:0], catWhy: r.catWhy[:0], identWhy: r.identWhy[:0],
	}
}

// uniqueCues drops repeated cues (a word found both as written and as
// normalised: "bungul" and "bodoh").
func uniqueCues(cs []Cue) []Cue {
	out := cs[:0]
	for _, c := range cs {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// build turns the tokens into words with sentence, clause and quotation
// positions.
func (r *reading) build(d *normalize.Doc) {
	quotes := 0
	for i := range d.Tokens {
		if d.Tokens[i].Kind == normalize.Punct && quoteMarks[d.Tokens[i].Raw] {
			quotes++
		}
	}
	useQuotes := quotes >= 2 && quotes%2 == 0
	sent, clause, quoted := 0, 0, false
	r.words = slices.Grow(r.words[:0], len(d.Tokens))
	for i := 0; i < len(d.Tokens); i++ {
		tk := &d.Tokens[i]
		if u, next, ok := r.lx.maskedAt(d.Tokens, i); ok {
			// "k*ntol": the insult the asterisks hide, one word
			r.words = append(r.words, word{norm: u, stem: u, raw: u, tok: i, sent: sent, clause: clause, quoted: quoted, negated: tk.Negated})
			i = next - 1
			continue
		}
		switch tk.Kind {
		case normalize.Word:
			n := trimWord(tk.Norm)
			if n == "" {
				continue
			}
			r.words = append(r.words, word{norm: n, stem: tk.Stem, raw: rawLower(tk, n), tok: i, sent: sent, clause: clause, quoted: quoted, negated: tk.Negated})
			if playfulGate.mayHave(n) && playful[n] || playfulGate.mayHave(r.words[len(r.words)-1].raw) && playful[r.words[len(r.words)-1].raw] {
				r.playful = true
			}
		case normalize.Mention:
			r.words = append(r.words, word{norm: "<user>", raw: "<user>", tok: i, sent: sent, clause: clause, quoted: quoted, user: true, tags: tSecond})
		case normalize.Punct:
			switch {
			case quoteMarks[tk.Raw]:
				if useQuotes {
					quoted = !quoted
					if quoted {
						r.markQuote(sent)
					}
				}
			case tk.Raw == "." && i > 0 && abbreviated(&d.Tokens[i-1]):
				// "Jl. Bhayangkara", "H. Andi": the name goes on.
			case tk.Raw == "." || tk.Raw == "!" || tk.Raw == "?" || tk.Raw == ";" || tk.Raw == "…":
				if !quoted {
					sent++
				}
				clause++
			default:
				clause++
			}
		case normalize.Emoji, normalize.URL:
			if tk.Kind == normalize.Emoji && (weaponEmoji[tk.Norm] || tk.Norm == fireEmoji) && (len(r.words) == 0 || r.words[len(r.words)-1].norm != tk.Norm) {
				// a weapon or fire emoji is a word of the post ("🔪🔪 udah
				// siap", "rumahmu 🔥"): once for a run of them; a weapon
				// does not end the sentence
				r.words = append(r.words, word{norm: tk.Norm, stem: tk.Norm, raw: tk.Norm, tok: i, sent: sent, clause: clause, quoted: quoted})
				if weaponEmoji[tk.Norm] {
					continue
				}
			}
			if tk.Kind == normalize.Emoji && weaponEmoji[tk.Norm] {
				continue // the rest of a run
			}
			if tk.Kind == normalize.Emoji && animalEmoji[tk.Norm] && i > 0 && d.Tokens[i-1].Kind == normalize.Word && !quoted {
				// "Pak Kades 🐷", "lurah kita 🐶 makan bansos": an animal
				// drawn right after a word names what it follows (a weak
				// insult, see insult.tsv); the rest of a run ends the
				// sentence as any emoji does
				r.words = append(r.words, word{norm: tk.Norm, stem: tk.Norm, raw: tk.Norm, tok: i, sent: sent, clause: clause, quoted: quoted})
				continue
			}
			if tk.Kind == normalize.Emoji && tk.Norm == "emo_jari_tengah" && !quoted {
				// "🖕 buat admin", "mod pengecut 🖕": the middle finger
				// is shown to whoever the sentence names (an insult, see
				// insult.tsv), wherever it stands; a run counts once
				if len(r.words) == 0 || r.words[len(r.words)-1].norm != tk.Norm {
					r.words = append(r.words, word{norm: tk.Norm, stem: tk.Norm, raw: tk.Norm, tok: i, sent: sent, clause: clause})
				}
				continue
			}
			if tk.Norm == "emo_tawa" {
				r.playful = true
			}
			if !quoted {
				sent++
			}
			clause++
		}
	}
	for j := range r.words {
		x := &r.words[j]
		x.info = r.lx.infoOf(x.norm)
		x.stemInfo, x.rawInfo = x.info, x.info
		if x.stem != x.norm {
			x.stemInfo = r.lx.infoOf(x.stem)
		}
		if x.raw != x.norm {
			x.rawInfo = r.lx.infoOf(x.raw)
		}
	}
	r.addressed = len(r.words) > 0 && r.words[0].user
	n := sent + 1
	r.report, r.counter = falses(r.report, n), falses(r.counter, n)
	if len(r.quotedSent) < n {
		r.quotedSent = append(r.quotedSent, make([]bool, n-len(r.quotedSent))...)
	}
}

// falses is s resized to n, every element false (its array reused).
func falses(s []bool, n int) []bool {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

// peopleNouns before "<group>nya" make it the group's members ("murid
// Kristennya", "warga Bugisnya").
var peopleNouns = map[string]bool{"murid": true, "siswa": true, "warga": true, "penduduk": true, "anak": true, "pegawai": true, "karyawan": true, "orang": true, "umat": true, "jemaat": true, "pemeluk": true, "penganut": true, "pedagang": true, "penghuni": true}

// playful are laughter and jokes ("wkwk" → "tawa"), and "ndro", the
// vocative of "gile lu ndro" (amazement). Other friendly vocatives
// ("bro") also open angry replies: they are not enough.
var playful = map[string]bool{"tawa": true, "canda": true, "bercanda": true, "becanda": true, "candaan": true, "ndro": true}

// playfulGate filters playful's words (build asks it of every word).
var playfulGate = filterOf(nil, playful)

// abbreviations end with a full stop that does not end the sentence
// (street, district and title abbreviations before a name).
var abbreviations = map[string]bool{"jl": true, "jln": true, "gg": true, "kec": true, "kel": true, "kab": true, "prov": true, "kp": true, "ds": true, "no": true, "dr": true, "drs": true, "ir": true, "hj": true, "sdr": true, "bpk": true, "pt": true, "cv": true, "st": true, "km": true}

// abbreviated reports whether tk is an abbreviation or an initial ("H")
// that a full stop follows inside a sentence.
func abbreviated(tk *normalize.Token) bool {
	if tk.Kind != normalize.Word {
		return false
	}
	if len(tk.Raw) == 1 && tk.Raw[0] >= 'A' && tk.Raw[0] <= 'Z' {
		return true
	}
	return len(tk.Raw) <= 4 && abbreviations[strings.ToLower(tk.Raw)]
}

// rawLower is the token as written, lower-cased (norm when they differ
// only in case, which saves the allocation).
func rawLower(tk *normalize.Token, norm string) string {
	raw := trimWord(tk.Raw)
	if raw == norm || strings.EqualFold(raw, norm) {
		return norm
	}
	return strings.ToLower(raw)
}

// mayWords are the single words (normalised) that let mayTrigger say yes
// on their own, in one set: one map lookup a word instead of ten.
var mayWords = func() map[string]bool {
	m := map[string]bool{"harap": true, "pelajaran": true}
	for _, set := range []map[string]bool{mouths, propertyHarm, outcomeMakers, floating, traces, heldOnly, misfortunes, outcomeOnly} {
		for w, ok := range set {
			if ok {
				m[w] = true
			}
		}
	}
	return m
}()

// mayBit is a set of the word classes mayTrigger asks about (see
// wordInfo.may): one map lookup a word (and one for its stem, one for its
// spelling as written) instead of one per set.
type mayBit uint16

const (
	mayTrigger    mayBit = 1 << iota // first word of a trigger phrase (lexicon.trigger)
	mayWord                          // in mayWords
	mayMouth                         // in mouths
	mayComparison                    // in comparisons
	mayRuined                        // in ruined (round8Trigger)
	mayRound7                        // round7Trigger may say yes for the word or its stem (r7Words, round7Literals)
	mayViolent                       // a single-word verb of harm of the lexicon (violentWord)
)

// mayEntry is what mayTrigger knows of a word: its sets, and the trigger
// phrases it starts (lexicon.trigger, not looked up again).
type mayEntry struct {
	bits mayBit
	trig []*phrase
	// trigSeconds are trig's second words (see wordInfo.seconds).
	trigSeconds []string
}

// round7Literals are the single words round7Trigger compares with as
// such, besides its sets (r7Words).
var round7Literals = []string{fireEmoji, "sweeping", "jaga-jaga", "hati-hati", "kenapa-kenapa", "rasanya", "kutunggu", "berdiri"}

// buildMay fills the infos' may from the trigger index and the rules'
// sets.
func (lx *lexicon) buildMay() {
	m := map[string]mayBit{}
	for w := range lx.trigger {
		m[w] |= mayTrigger
	}
	for w, ps := range lx.first {
		for _, p := range ps {
			if len(p.words) == 1 && p.tags&tViolent != 0 {
				m[w] |= mayViolent
			}
		}
	}
	for _, e := range []struct {
		set map[string]bool
		bit mayBit
	}{{mayWords, mayWord}, {mouths, mayMouth}, {comparisons, mayComparison}, {ruined, mayRuined}} {
		for w, ok := range e.set {
			if ok {
				m[w] |= e.bit
			}
		}
	}
	for w := range r7Words {
		m[w] |= mayRound7
	}
	for _, w := range round7Literals {
		m[w] |= mayRound7
	}
	delete(m, "") // a token without a stem is in no set
	for w, b := range m {
		lx.newInfo(w).may = mayEntry{bits: b, trig: lx.trigger[w], trigSeconds: secondWords(lx.trigger[w])}
	}
}

// mayTrigger reports whether d holds a lexicon phrase that can make a
// post hostile (or a "ku-" verb of harm): a cheap pass before the rules.
// Words are compared as normalised, as stems and as written. Each word is
// looked up once (lx.mayOf); the checks that need more (a phrase's later
// words, the words around) run only for the words of their sets.
func (lx *lexicon) mayTrigger(d *normalize.Doc) bool {
	toks := d.Tokens
	nf, sf := tokNorm(toks), tokStem(toks)
	for i := range toks {
		tk := &toks[i]
		if tk.Kind == normalize.Emoji && (weaponEmoji[tk.Norm] || tk.Norm == "emo_jari_tengah" || animalEmoji[tk.Norm] && i > 0 && toks[i-1].Kind == normalize.Word) {
			return true // "🔪🔪 udah siap" (see veiledShapes), "lurah 🐷"
		}
		if tk.Kind != normalize.Word {
			continue
		}
		if _, _, ok := lx.maskedAt(toks, i); ok {
			return true
		}
		n := trimWord(tk.Norm)
		ne, se := lx.mayAt(n, toks, i), (*mayEntry)(nil)
		if tk.Stem != n {
			se = lx.mayAt(tk.Stem, toks, i)
		} else {
			se = ne
		}
		nb, sb := ne.bits, se.bits
		if len(ne.trig) > 0 && startsTriggerOf(ne, toks, i) || tk.Stem != n && len(se.trig) > 0 && startsTriggerOf(se, toks, i) {
			return true
		}
		raw := trimWord(tk.Raw)
		if raw != n && !strings.EqualFold(raw, n) && lx.rawStartsTrigger(toks, i, raw) {
			return true
		}
		// round8Trigger's shapes: a ruin after "lihat saja", "muha ikam"
		if nb&mayRuined != 0 && i >= 3 && seenBefore(nf, i) || len(raw) == 4 && raw[0]|0x20 == 'm' && strings.EqualFold(raw, "muha") && i+1 < len(toks) && nf(i+1) == "kamu" {
			return true
		}
		if ((nb|sb)&mayRound7 != 0 || strings.HasPrefix(n, "akibat")) && round7Trigger(len(toks), nf, sf, i) {
			return true
		}
		if nb&mayWord != 0 || sb&mayMouth != 0 || n == "lagi" && i > 0 && toks[i-1].Stem == "jalan" || affixable(n) && (lx.affixedViolent(n) || lx.kuVisit(n)) || nb&mayComparison != 0 && lx.dehumanNext(toks, i) {
			return true
		}
	}
	return false
}

// mayAt is mayOf(w) for a word w at token i, as mayTrigger reads it. The
// index is asked only when w may be in a set or start a one-word trigger
// phrase, or start a longer one whose second word is the next word's
// (pair filter): common words ("orang", "tidak", "yang") start long
// phrases only, and the next word is rarely theirs.
func (lx *lexicon) mayAt(w string, toks []normalize.Token, i int) *mayEntry {
	if !lx.infoF.mayHave(w) {
		return &noInfo.may
	}
	if lx.soloF.mayHave(w) || lx.pairF.mayHavePair(w, nextWord(toks, i)) {
		return lx.mayOf(w)
	}
	return &noInfo.may
}

// nextWord is the normalised word of the first word token after token i
// ("" when none), as startsTriggerOf compares it.
func nextWord(toks []normalize.Token, i int) string {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].Kind == normalize.Word {
			return trimWord(toks[j].Norm)
		}
	}
	return ""
}

// rawStartsTrigger is startsTrigger for the word as written (raw, trimmed),
// lower-cased: ASCII in a stack buffer (no allocation a word).
func (lx *lexicon) rawStartsTrigger(toks []normalize.Token, i int, raw string) bool {
	var buf [64]byte
	if len(raw) > len(buf) {
		return lx.startsTrigger(toks, i, strings.ToLower(raw))
	}
	for k := 0; k < len(raw); k++ {
		c := raw[k]
		if c >= 0x80 {
			return lx.startsTrigger(toks, i, strings.ToLower(raw))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return startsTriggerOf(lx.mayOf(string(buf[:len(raw)])), toks, i)
}

// affixable reports a word with an affix affixedViolent or kuVisit read
// ("ku-", "di-" before three letters or more, "-akan"): a gate, most
// words have none.
func affixable(n string) bool {
	return len(n) >= 5 && (n[:2] == "ku" || n[:2] == "di") || strings.HasSuffix(n, "akan")
}

// dehumanNext reports a dehumanising word right after token i ("kaya
// tikus"): a comparison that may insult a target.
func (lx *lexicon) dehumanNext(toks []normalize.Token, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].Kind != normalize.Word {
			return false
		}
		for _, p := range lx.phrases(trimWord(toks[j].Norm)) {
			if p.tags&tDehuman != 0 {
				return true
			}
		}
		return false
	}
	return false
}

// kuVisit reports a visit or meeting verb with the first-person prefix
// ("kudatangi", "kucari"), which the stemmer leaves.
func (lx *lexicon) kuVisit(n string) bool {
	rest, ok := strings.CutPrefix(n, "ku")
	if !ok || len(rest) < 4 {
		return false
	}
	for _, p := range lx.phrases(rest) {
		if len(p.words) == 1 && p.tags&(tVisit|tMeet) != 0 {
			return true
		}
	}
	return false
}

// affixedViolent reports a verb of harm with an affix the stemmer leaves:
// the first person ("kusobek"), a passive ("dihabisi", "dipukulin"), the
// Banjar "-akan" ("hancurakan").
func (lx *lexicon) affixedViolent(n string) bool {
	// (constant prefixes, not a loop over them: compared inline)
	if rest, ok := strings.CutPrefix(n, "ku"); ok && len(rest) >= 3 && lx.violentRoot(rest) {
		return true
	}
	if rest, ok := strings.CutPrefix(n, "di"); ok && len(rest) >= 3 && lx.violentRoot(rest) {
		return true
	}
	return strings.HasSuffix(n, "akan") && lx.violentRoot(n) // Banjar "hancurakan"
}

// startsTrigger reports whether a trigger phrase whose first word is w
// starts at token i (later words compared with the next word tokens'
// normalised forms).
func (lx *lexicon) startsTrigger(toks []normalize.Token, i int, w string) bool {
	return startsTriggerOf(lx.mayOf(w), toks, i)
}

// startsTriggerOf reports whether one of the trigger phrases of e (of
// one first word) starts at token i.
func startsTriggerOf(e *mayEntry, toks []normalize.Token, i int) bool {
	if len(e.trig) == 0 {
		return false
	}
	// The next word, found once: most phrases differ from the post there
	// ("orang", "tidak" start dozens of them).
	j1 := i + 1
	for j1 < len(toks) && toks[j1].Kind != normalize.Word {
		j1++
	}
	next := ""
	if j1 < len(toks) {
		next = trimWord(toks[j1].Norm)
	}
	for k, second := range e.trigSeconds {
		if second == "" {
			return true // a one-word phrase
		}
		if j1 >= len(toks) || second != next {
			continue
		}
		j, ok := j1+1, true
		for _, pw := range e.trig[k].words[2:] {
			for j < len(toks) && toks[j].Kind != normalize.Word {
				j++
			}
			if j >= len(toks) || trimWord(toks[j].Norm) != pw {
				ok = false
				break
			}
			j++
		}
		if ok {
			return true
		}
	}
	return false
}

func (r *reading) markQuote(sent int) {
	for len(r.quotedSent) <= sent {
		r.quotedSent = append(r.quotedSent, false)
	}
	r.quotedSent[sent] = true
}

// lookup finds the lexicon phrases of the post and reports whether any of
// them can make it hostile.
func (lx *lexicon) lookup(r *reading) bool {
	w := r.words
	any := false
	wn, ws := func(k int) string { return w[k].norm }, func(k int) string { return w[k].stem }
	wr := func(k int) string { return w[k].raw }
	for i := range w {
		infos := [3]*wordInfo{w[i].info, w[i].rawInfo, w[i].stemInfo}
		for k, key := range [3]string{w[i].norm, w[i].raw, w[i].stem} {
			if key == "" || (k == 1 && key == w[i].norm) || (k == 2 && (key == w[i].norm || key == w[i].raw)) {
				continue
			}
			stemKey := k == 2
			in := infos[k] // lx.phrases(key)
			if !in.single && (i+1 >= len(w) || !lx.firstPairF.mayHavePair(key, w[i+1].norm) && (w[i+1].raw == w[i+1].norm || !lx.firstPairF.mayHavePair(key, w[i+1].raw))) {
				continue // gate: no phrase of key has the next word second (most of "orang", "tidak")
			}
			for pi, second := range in.seconds {
				if second != "" && (i+1 >= len(w) || second != w[i+1].norm && second != w[i+1].raw) {
					continue // match fails at the second word: most phrases of "orang", "tidak"
				}
				p := in.phrases[pi]
				if stemKey && (!stemMatches(p, &w[i]) || p.tags&tIdentity != 0 && w[i].norm == w[i].stem+"nya" && (i == 0 || !peopleNouns[w[i-1].norm])) {
					continue // "murid Kristennya" is the group, "biniannya" one woman
				}
				end, ok := r.match(p, i, stemKey)
				if !ok || r.hasHit(p, i) {
					continue
				}
				r.hits = append(r.hits, hit{at: i, end: end, p: p})
				for j := i; j < end; j++ {
					w[j].tags |= p.tags
					w[j].cat |= p.cat
				}
				if p.tags&triggers != 0 || p.tags&tDehuman != 0 && i > 0 && comparisons[w[i-1].norm] {
					any = true
				}
			}
		}
		if w[i].tags&(tPerson|tInstitution) == 0 {
			r.possessedTarget(i) // "presenternya": the stemmer kept the suffix
		}
		if rest, ok := strings.CutPrefix(w[i].norm, "ku"); ok && len(rest) >= 4 && w[i].stem == w[i].norm {
			for _, p := range lx.phrases(rest) { // "kudatangi", "kucari"
				if len(p.words) == 1 && p.tags&(tVisit|tMeet) != 0 {
					r.hits = append(r.hits, hit{at: i, end: i + 1, p: p})
					w[i].tags |= p.tags
					any = true
				}
			}
		}
		if any {
			continue
		}
		// The shapes no lexicon phrase starts: one lookup of the word and
		// one of its stem say which of their sets may hold (see buildMay).
		nb, sb := w[i].info.may.bits, w[i].stemInfo.may.bits
		if nb&mayWord != 0 || sb&mayMouth != 0 { // gate: the sets of these shapes are mayWords and mouths
			if !any && w[i].norm == "harap" && i > 0 && w[i-1].norm == "jangan" {
				any = true // "jangan harap pulang selamat" (see noSafeReturn)
			}
			if !any && outcomeMakers[w[i].norm] {
				any = true // "kubikin masuk rumah sakit", "siap-siap … rata dengan tanah" (see harmOutcomes)
			}
			if !any && w[i].norm == "pelajaran" && i > 0 && (w[i-1].norm == "kasih" || w[i-1].norm == "beri" || w[i-1].norm == "berikan") {
				any = true // "kami kasih pelajaran" (see lessons)
			}
			if !any && floating[w[i].norm] {
				any = true // "besok terapung di Mahakam" (see corpseWarnings)
			}
			if !any && propertyHarm[w[i].norm] {
				any = true // a threat of extortion (see extortion)
			}
			if !any && (mouths[w[i].norm] || mouths[w[i].stem]) && r.mouthCompared(i) >= 0 {
				any = true // "mulutnya kayak comberan"
			}
			if !any && (traces[w[i].norm] || heldOnly[w[i].norm] || misfortunes[w[i].norm] || outcomeOnly[w[i].norm]) {
				any = true // a whereabouts or a misfortune (see menaces), an outcome of harm (see harmOutcomes)
			}
		}
		if !any && w[i].norm == "lagi" && i > 0 && w[i-1].stem == "jalan" {
			any = true // a whereabouts (see menaces)
		}
		if !any && (nb&mayRuined != 0 || w[i].raw == "muha") && round8Trigger(len(w), wn, wr, i) {
			any = true // see waitAndSee, faceCurse
		}
		if !any && ((nb|sb)&mayRound7 != 0 || strings.HasPrefix(w[i].norm, "akibat")) && round7Trigger(len(w), wn, ws, i) {
			any = true // see veiledShapes
		}
		if !any && lx.affixedViolent(w[i].norm) {
			any = true // "kusobek", "dihabisi": not lexicon entries
		}
	}
	return any
}

// possessedTarget marks word i as a person or an institution when it is
// one with a possessive suffix the stemmer did not take off
// ("presenternya", "adminmu").
func (r *reading) possessedTarget(i int) {
	w := &r.words[i]
	for _, suf := range [...]string{"nya", "mu"} {
		base, ok := strings.CutSuffix(w.norm, suf)
		if !ok || len(base) < 3 || base == w.stem {
			continue
		}
		for _, p := range r.lx.phrases(base) {
			if len(p.words) == 1 && p.tags&(tPerson|tInstitution) != 0 {
				r.hits = append(r.hits, hit{at: i, end: i + 1, p: p})
				w.tags |= p.tags
			}
		}
	}
}

// relativeTargets marks "yang" with an active verb after it as a person
// when it stands for the doer ("otak udang semua yg ngerancang drainase",
// "orang yang nulis"): after a collective, a person word, an insult, or at
// the start of a clause.
func (r *reading) relativeTargets() {
	w := r.words
	for i := 0; i+1 < len(w); i++ {
		if w[i].norm != "yang" || w[i+1].clause != w[i].clause || !activeVerb(&w[i+1]) {
			continue
		}
		if i == 0 || w[i-1].clause != w[i].clause || doers[w[i-1].norm] || w[i-1].tags&tInsult != 0 {
			w[i].tags |= tPerson
		}
	}
}

// doers stand for the people who did something ("semua yang …").
var doers = map[string]bool{"semua": true, "semuanya": true, "orang": true, "mereka": true, "siapa": true, "para": true, "pihak": true, "oknum": true}

// activeVerb reports an active verb form: me-, ng-, ny- prefixed.
func activeVerb(x *word) bool {
	n := x.norm
	if len(n) < 5 {
		return false
	}
	return strings.HasPrefix(n, "me") && x.stem != n || strings.HasPrefix(n, "ng") || strings.HasPrefix(n, "ny")
}

// stemMatches reports whether single-word phrase p may match w on its
// stem: a verb in an affixed form ("diusir", "membakar"), a target with a
// possessive ("wasitnya", not "kelurahan"), a group or a trait in
// reduplication ("bencong-bencong", "bodoh-bodoh").
func stemMatches(p *phrase, w *word) bool {
	switch {
	case len(p.words) > 1:
		return false
	case p.tags&stemmed != 0:
		return true
	case p.tags&(tPerson|tInstitution) != 0:
		for _, suf := range [...]string{"nya", "mu", "ku"} {
			if strings.TrimSuffix(w.norm, suf) == w.stem && w.norm != w.stem {
				return true
			}
		}
	case p.tags&tIdentity != 0 && w.norm == w.stem+"nya":
		return true // "murid Kristennya"
	case p.tags&(tIdentity|tAttribute|tInsult) != 0:
		return strings.Contains(w.norm, "-") // "bencong-bencong", "bodoh-bodoh"
	}
	return false
}

// match reports whether p occurs at word i (in one sentence) and where it
// ends. byStem: the first word matched on its stem.
func (r *reading) match(p *phrase, i int, byStem bool) (int, bool) {
	w := r.words
	if i+len(p.words) > len(w) {
		return 0, false
	}
	for j, pw := range p.words {
		x := &w[i+j]
		if x.sent != w[i].sent {
			return 0, false
		}
		if x.norm == pw || x.raw == pw || (j == 0 && byStem && x.stem == pw) {
			continue
		}
		return 0, false
	}
	return i + len(p.words), true
}

func (r *reading) hasHit(p *phrase, i int) bool {
	for _, h := range r.hits {
		if h.p == p && h.at == i {
			return true
		}
	}
	return false
}

// frames marks the sentences that report hostility (a reporting word; a
// news topic with a quotation or in a media post) or counter it.
func (r *reading) frames(media bool) {
	for _, h := range r.hits {
		s := r.words[h.at].sent
		switch {
		case h.p.tags&tReport != 0 && h.p.words[0] == "akun" && h.at > 0 && addressing[r.words[h.at-1].norm]:
			// "buat akun yang komen di atas: …": the author speaks to the account
		case h.p.tags&tReport != 0 && h.p.words[0] == "pelaku" && r.crowdCalled(s):
			// "rumah pelaku itu sudah kami tahu, kita geruduk": a crowd
			// called on a suspect, not a police report (round 8)
		case h.p.tags&tReport != 0:
			r.report[s] = true
		case h.p.tags&tNews != 0 && (media || r.quoted(s)):
			r.report[s] = true
		}
		if h.p.tags&tCounter != 0 {
			r.counter[s] = true
		}
	}
}

// addressing words before "akun yang" make it the addressee ("buat akun
// yang komen di atas"), not a report of an account.
var addressing = map[string]bool{"buat": true, "untuk": true, "teruntuk": true, "kepada": true, "balas": true}

func (r *reading) quoted(s int) bool { return s < len(r.quotedSent) && r.quotedSent[s] }

// mentionedAt reports whether word i is mentioned rather than used:
// inside quotation marks or in a reporting sentence.
func (r *reading) mentionedAt(i int) bool {
	return r.words[i].quoted || r.report[r.words[i].sent]
}

func (r *reading) text(at, end int) string {
	var b strings.Builder
	for i := at; i < end && i < len(r.words); i++ {
		if i > at {
			b.WriteByte(' ')
		}
		b.WriteString(r.words[i].norm)
	}
	return b.String()
}

func (r *reading) addMask(at, end int) {
	for i := at; i < end; i++ {
		r.mask = append(r.mask, r.words[i].tok)
	}
}

// isTarget reports whether word i names someone a post can be aimed at:
// the addressee, a person or an institution (not a place: "di kelurahan").
func (r *reading) isTarget(i int) bool {
	w := &r.words[i]
	if r.leading(i) {
		return false
	}
	if w.tags&(tSecond|tPerson|tInstitution) == 0 && !w.user && !hasSecondSuffix(w) {
		return false
	}
	// A place, not a target: "di kelurahan", "ke balai kota", "depan
	// kantor camat" (an institution's place, with its holder after it).
	j := i
	for j > 0 && r.words[j-1].tags&(tInstitution|tPerson) != 0 && r.words[j-1].sent == w.sent {
		j--
	}
	for j < i && r.words[j].tags&tPerson != 0 && r.words[j].tags&tInstitution == 0 {
		j++ // the run must start with the institution ("dari camat" is a person)
	}
	first := &r.words[j]
	if first.tags&tInstitution != 0 && first.tags&tPerson == 0 && j > 0 && placeWords[r.words[j-1].norm] && !r.peopleAt(j-1) {
		return false
	}
	return true
}

// peopleAt reports "yang (duduk) di", "orang di", "semua di" before an
// institution whose place word is word j: the people there ("semua yang
// di DPRD", "nang di kantor lurah"), not the place.
func (r *reading) peopleAt(j int) bool {
	if r.words[j].norm != "di" {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-2 && r.words[k].clause == r.words[j].clause; k-- {
		if n := r.words[k].norm; n == "yang" || n == "nang" || n == "yg" || n == "orang" || doers[n] {
			return true
		}
	}
	return false
}

// placeWords before an institution make it a place ("di kelurahan",
// "depan kantor camat").
var placeWords = map[string]bool{"di": true, "ke": true, "dari": true, "depan": true, "belakang": true, "samping": true, "sebelah": true, "dekat": true, "sekitar": true, "seberang": true}

// leading reports whether word i is one of the @mentions a reply starts
// with (addressing, not the target of what follows).
func (r *reading) leading(i int) bool {
	for j := 0; j <= i; j++ {
		if !r.words[j].user {
			return false
		}
	}
	return true
}

// hasSecondSuffix reports a possessive "-mu" ("mulutmu", "otakmu").
func hasSecondSuffix(w *word) bool {
	return len(w.norm) > 4 && strings.HasSuffix(w.norm, "mu") && w.stem != "" && w.stem != w.norm && strings.HasPrefix(w.norm, w.stem)
}

// exclamations finds profanity used as an exclamation: at the start of a
// clause (or after another exclamation), and for a word that also
// insults, in a sentence that names no target; and literal senses of
// insult words ("babi hutan"). Such words are mentioned, not used at
// anyone.
func (r *reading) exclamations() {
	for _, h := range r.hits {
		if h.p.tags&tLiteral != 0 {
			r.mentioned = append(r.mentioned, Cue{"literal", r.text(h.at, h.end)})
			r.addMask(h.at, h.end)
			for j := h.at; j < h.end; j++ {
				r.words[j].exclaimed = true
			}
			continue
		}
		if h.p.tags&tExclaim == 0 {
			continue
		}
		i := h.at
		w := &r.words[i]
		initial := i == 0 || r.words[i-1].clause != w.clause || r.words[i-1].tags&tExclaim != 0
		// A pure exclamation ("anjir", "buset") is one wherever it starts
		// a clause; a word that also insults ("anjing", "bangsat") only
		// in a sentence that names no target.
		if !initial || h.p.tags&tInsult != 0 && r.sentenceHasTarget(w.sent, i) && !r.amazedAt(i) && !r.praised(i) {
			continue
		}
		if h.p.tags&tInsult != 0 && i > 0 && calls[r.words[i-1].norm] && r.words[i-1].clause == w.clause {
			continue // "woi kampret, jangan serobot": a name called out
		}
		if h.p.tags&tInsult != 0 && r.describedAfter(i) {
			continue // "kampret emang ibu-ibu yg nyalip tadi": at a described person
		}
		r.mentioned = append(r.mentioned, Cue{"exclamation", r.text(h.at, h.end)})
		r.addMask(h.at, h.end)
		for j := h.at; j < h.end; j++ {
			r.words[j].exclaimed = true
		}
		if r.praised(i) {
			r.praising = true
		}
	}
}

func (r *reading) sentenceHasTarget(s, except int) bool {
	for i := range r.words {
		if r.words[i].sent == s && i != except && r.isTarget(i) {
			return true
		}
	}
	return false
}

// amazement are exclamations of awe that also insult ("gila").
var amazement = map[string]bool{"gila": true, "gile": true, "edan": true, "gokil": true, "sinting": true}

// amazedAt reports an exclamation of awe at word i followed by the person
// it is about ("gila ini orang, lari maraton umur 70"): awe, not an
// insult, though "tolol ini orang" is one.
func (r *reading) amazedAt(i int) bool {
	w := r.words
	if !amazement[w[i].norm] {
		return false
	}
	j := i + 1
	for j < len(w) && j <= i+2 && particles[w[j].norm] {
		j++ // "gila sih ini orang", "gila bener itu orang"
	}
	return j+1 < len(w) && (w[j].norm == "ini" || w[j].norm == "itu" || w[j].norm == "nih") && w[j+1].norm == "orang"
}

// praise are words of admiration: "gila" in a post with one of them is
// awe ("gila makanmu bro, tiga piring habis, respect").
var praise = map[string]bool{"respect": true, "respek": true, "salut": true, "keren": true, "mantap": true, "mantul": true, "hebat": true, "juara": true, "jago": true, "bangga": true, "kagum": true, "idola": true, "panutan": true, "legend": true, "legenda": true, "sultan": true, "top": true, "luar": true, "kuat": true}

// praised reports an exclamation of awe at word i in a post that
// praises (see praise; "luar" only in "luar biasa").
func (r *reading) praised(i int) bool {
	w := r.words
	if !amazement[w[i].norm] {
		return false
	}
	for j := range w {
		if praise[w[j].norm] && !w[j].negated && (w[j].norm != "luar" || j+1 < len(w) && w[j+1].norm == "biasa") {
			return true
		}
	}
	return false
}

// particles may stand between an exclamation and what it is about.
var particles = map[string]bool{"sih": true, "sekali": true, "banget": true, "bener": true, "benar": true, "amat": true, "emang": true, "memang": true}

// animalEmoji are the emoji of animals that insult when drawn right after
// a role or a name (normalised names, see the normalize emoji lexicon).
var animalEmoji = map[string]bool{"emo_babi": true, "emo_anjing": true, "emo_monyet": true, "emo_badut": true, "emo_tahi": true,
	"emo_u1f40d": true, "emo_u1f400": true, "emo_u1f401": true, "emo_u1f98d": true, "emo_u1f402": true, "emo_u1f403": true, "emo_u1f404": true, "emo_u1f42e": true, "emo_u1f987": true}

// notPeople are heads of a relative clause that are not people: "sial
// banget hari yang panjang" is still an exclamation.
var notPeople = map[string]bool{"hari": true, "cuaca": true, "hujan": true, "macet": true, "jalan": true, "jalanan": true, "nasib": true, "harga": true, "hidup": true, "tahun": true, "minggu": true, "bulan": true, "malam": true, "pagi": true, "sinyal": true, "listrik": true, "air": true, "banjir": true, "motor": true, "mobil": true, "hp": true, "game": true, "lagu": true, "film": true, "tim": true, "skor": true, "antrean": true, "soal": true, "tugas": true}

// describedAfter reports profanity at word i followed, in its clause, by
// the person it is aimed at, described by a relative clause: "anjing
// emang tuh sopir yg nyerempet aku", "kampret ibu-ibu yang nyalip tadi".
// Profanity at a described person is abusive, not an exclamation.
func (r *reading) describedAfter(i int) bool {
	w := r.words
	if i > 0 && w[i-1].clause == w[i].clause && w[i-1].tags&tExclaim == 0 || w[i].tags&tExclaim == 0 {
		return false // profanity opening its clause ("LAIKA anjing pertama yang …" names a dog)
	}
	j := i + 1
	for j < len(w) && w[j].clause == w[i].clause && (particles[w[j].norm] || demonstratives[w[j].norm] || w[j].norm == "lah") {
		j++
	}
	if j >= len(w) || w[j].clause != w[i].clause || w[j].norm == "yang" || notPeople[w[j].norm] || firstPerson[w[j].norm] {
		return false
	}
	for k := j + 1; k < len(w) && k <= j+3 && w[k].clause == w[i].clause; k++ {
		if w[k].norm == "yang" {
			return k+1 < len(w) && w[k+1].clause == w[i].clause
		}
	}
	return false
}

// crowdCalled reports "kita" right before a verb of visiting or of harm
// in sentence s: the author calls a crowd ("kita geruduk", "kita hajar").
func (r *reading) crowdCalled(s int) bool {
	w := r.words
	for j := 0; j+1 < len(w); j++ {
		if w[j].sent != s || w[j].norm != "kita" {
			continue
		}
		for _, h := range r.hits {
			if h.at == j+1 && h.p.tags&tVisit != 0 {
				return true
			}
		}
		if _, ok := r.violentAt(j + 1); ok {
			return true
		}
	}
	return false
}

// seenBefore reports "lihat saja", "tunggu saja" or "awas saja" before
// token i.
func seenBefore(norm func(int) string, i int) bool {
	for j := 0; j+1 < i; j++ {
		if (norm(j) == "lihat" || norm(j) == "tunggu" || norm(j) == "awas") && norm(j+1) == "saja" {
			return true
		}
	}
	return false
}

// round8Trigger reports the words of the eighth round's shapes that no
// lexicon entry starts: a ruin after "lihat saja" (see waitAndSee) and
// the Banjar curse "muha ikam" (see faceCurse).
func round8Trigger(count int, norm, raw func(int) string, i int) bool {
	switch {
	case ruined[norm(i)] && i >= 3 && seenBefore(norm, i):
		return true
	case raw(i) == "muha" && i+1 < count && norm(i+1) == "kamu":
		return true
	}
	return false
}
