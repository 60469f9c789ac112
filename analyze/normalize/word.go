package normalize

import (
	"hash/maphash"
	"strings"
	"unicode/utf8"
)

// leetMap maps digits and symbols used as letters ("b4ngs4t", "t0l0l").
// "2" is absent: it marks reduplication ("anak2").
var leetMap = [128]byte{'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g', '@': 'a', '$': 's'}

// isLaugh reports laughter spellings: wkwk, wkwkwk, kwkw, haha, hehe,
// hihi, xixi, awokwok, ahahah.
func isLaugh(w string) bool {
	if len(w) < 4 {
		return false
	}
	if strings.Trim(w, "wk") == "" {
		return strings.Contains(w, "wk") || strings.Contains(w, "kw")
	}
	if strings.HasPrefix(w, "awok") && strings.Trim(w[1:], "wok") == "" {
		return true
	}
	for _, v := range [...]string{"ha", "he", "hi", "xi", "ka"} {
		t := strings.TrimPrefix(w, v[1:]) // allow a leading vowel: "ahaha"
		if len(t) >= 4 && strings.Trim(t, v) == "" && strings.Count(t, v) >= 2 {
			return true
		}
	}
	return false
}

// repaired is the base form of an unknown word and its entry.
type repaired struct {
	base string
	e    *entry
}

// maxRepairMemo bounds a scratch's memo of repaired unknown words.
const maxRepairMemo = 8192

// baseEntry is baseForm plus the lexicon entry of the result, with the
// repairs of unknown words memoised (the same misspellings and laughter
// recur from post to post).
//
// It also returns what TextWith asks of the base form's entry (see
// wordInfo), memoised with it so that a frequent word's entry is not read.
func (sc *scratch) baseEntry(lx *lexicon, w string) (string, *entry, wordInfo) {
	if len(w) == 0 || len(w) > len(frontSlot{}.key) {
		base, e := sc.baseEntrySlow(lx, w)
		return base, e, lx.infoOf(base, e)
	}
	// The front memo: a direct-mapped table of recent words with their
	// keys and answers inline, one cache line per word, where the
	// lexicon's map (keys spread over the heap) and the entry cost
	// several cache misses per word.
	if sc.front == nil {
		sc.front = new([frontSize]frontSlot)
	}
	// Two ways per set: a new word goes first, the word it displaces
	// second (two words that share a set do not evict each other).
	set := maphash.String(frontSeed, w) & (frontSize - 1) &^ 1
	for _, sl := range [2]*frontSlot{&sc.front[set], &sc.front[set+1]} {
		if int(sl.n) == len(w) && string(sl.key[:sl.n]) == w {
			return sl.answer()
		}
	}
	sl := &sc.front[set]
	sc.front[set+1] = *sl
	base, e := sc.baseEntrySlow(lx, w)
	info := lx.infoOf(base, e)
	sl.n = uint8(copy(sl.key[:], w))
	// base (and its stem, a part of it) may be part of the post: the memo
	// must not keep the post alive, so it keeps copies instead. It keeps
	// the base form even when it is the word itself, so that a hit needs
	// no string of the word (see lowerBaseEntry).
	sl.base, sl.e = base, e
	if base == w {
		sl.base = strings.Clone(w)
	}
	sl.flags, sl.negRole = info.flags, info.negRole
	sl.stemSame = info.stem == base
	sl.stem = ""
	if !sl.stemSame {
		sl.stem = strings.Clone(info.stem)
	}
	return base, e, info
}

// wordInfo is what TextWith asks of a base form's entry.
type wordInfo struct {
	flags   uint8 // wi* bits
	negRole uint8 // see negRoleOf
	stem    string
}

// wordInfo flags.
const (
	wiCue      uint8 = 1 << iota // a Banjar cue word
	wiPhrases                    // multi-word entries start with the word
	wiNoMap                      // mapEntry maps it to nothing outside Banjar texts
	wiNoMapBjn                   // mapEntry maps it to nothing in Banjar texts
)

// noMapBit is the wordInfo flag of an unmapped word for bjn.
func noMapBit(bjn bool) uint8 {
	if bjn {
		return wiNoMapBjn
	}
	return wiNoMap
}

// infoOf is the wordInfo of base, whose entry is e (nil: none).
func (lx *lexicon) infoOf(base string, e *entry) wordInfo {
	var wi wordInfo
	se := e
	if e != nil {
		if e.banjar != nil && e.banjar.cue {
			wi.flags |= wiCue
		}
		if len(e.phrases) > 0 {
			wi.flags |= wiPhrases
		}
		wi.negRole = e.negRole
	} else {
		wi.negRole = negRoleOf(base)
		se = unknownWord
	}
	for _, bjn := range [...]bool{false, true} {
		if n, _, _ := lx.mapEntry(base, e, bjn); n == nil {
			wi.flags |= noMapBit(bjn)
		}
	}
	wi.stem = lx.stem(base, se)
	return wi
}

// frontSize is the number of slots of a scratch's front memo (64 bytes
// each, two ways per set): on the SmSA test texts, 2048 direct-mapped
// slots miss a quarter of the words, 8192 a thirteenth, and 8192 in
// two-way sets one word in 27.
const frontSize = 8192

// frontSlot is one word of the front memo (see baseEntry).
type frontSlot struct {
	n        uint8
	stemSame bool // the stem is the base form
	flags    uint8
	negRole  uint8
	key      [19]byte
	base     string
	e        *entry
	stem     string
}

var frontSeed = maphash.MakeSeed()

// answer is what baseEntry returns for the slot's word.
func (sl *frontSlot) answer() (string, *entry, wordInfo) {
	info := wordInfo{flags: sl.flags, negRole: sl.negRole, stem: sl.stem}
	if sl.stemSame {
		info.stem = sl.base
	}
	return sl.base, sl.e, info
}

// lowerBaseEntry is baseEntry(lx, strings.ToLower(raw)). A capitalised
// ASCII word ("Samarinda", a sentence's first word) is lower-cased on the
// stack and looked up in the front memo first: only when the memo misses
// is its lower-cased string allocated.
func (sc *scratch) lowerBaseEntry(lx *lexicon, raw string) (string, *entry, wordInfo) {
	var b [len(frontSlot{}.key)]byte
	if sc.front == nil || len(raw) == 0 || len(raw) > len(b) {
		return sc.baseEntry(lx, strings.ToLower(raw))
	}
	upper := false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c >= utf8.RuneSelf {
			return sc.baseEntry(lx, strings.ToLower(raw))
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
			c += 'a' - 'A'
		}
		b[i] = c
	}
	if !upper {
		return sc.baseEntry(lx, raw) // strings.ToLower(raw) is raw
	}
	w := b[:len(raw)]
	set := maphash.Bytes(frontSeed, w) & (frontSize - 1) &^ 1
	for _, sl := range [2]*frontSlot{&sc.front[set], &sc.front[set+1]} {
		if int(sl.n) == len(w) && string(sl.key[:sl.n]) == string(w) {
			return sl.answer()
		}
	}
	return sc.baseEntry(lx, string(w))
}

// baseEntrySlow is baseEntry without the front memo.
func (sc *scratch) baseEntrySlow(lx *lexicon, w string) (string, *entry) {
	if e := lx.words[w]; e != nil {
		return w, e
	}
	if r, ok := sc.repairs[w]; ok {
		return r.base, r.e
	}
	if sc.repairs == nil || len(sc.repairs) >= maxRepairMemo {
		sc.repairs = make(map[string]repaired)
	}
	w = strings.Clone(w) // the memo must not keep the post alive
	b := lx.repair(w)
	r := repaired{b, nil}
	if b != w {
		r.e = lx.words[b]
	}
	sc.repairs[w] = r
	return r.base, r.e
}

// baseForm repairs the spelling of a lower-cased word without using the
// slang or Banjar maps: laughter, leetspeak and elongations. Hyphenated
// words are repaired part by part.
func (lx *lexicon) baseForm(w string) string {
	if lx.known(w) {
		return w
	}
	return lx.repair(w)
}

// repair is baseForm of a word that is not known.
func (lx *lexicon) repair(w string) string {
	if isLaugh(w) {
		return "tawa"
	}
	if strings.IndexByte(w, '-') > 0 {
		parts := strings.Split(w, "-")
		changed := false
		for i, p := range parts {
			if p == "" {
				continue
			}
			if b := lx.baseForm(p); b != p {
				parts[i], changed = b, true
			}
		}
		if changed {
			return strings.Join(parts, "-")
		}
		return w
	}
	hasDigit, hasLetter := false, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			hasDigit = true
		case c >= 'a' && c <= 'z':
			hasLetter = true
		}
	}
	if hasDigit || strings.IndexByte(w, '@') > 0 {
		if !hasLetter {
			return w
		}
		if l, ok := lx.leet(w); ok {
			return l
		}
		return w
	}
	return lx.fixElongation(w)
}

// leet decodes leetspeak when the word mixes letters and digits: accepted
// when the decoded word is known, or when a digit sits between letters.
func (lx *lexicon) leet(w string) (string, bool) {
	if isRedup(w) || isNumberWithUnit(w) {
		return "", false
	}
	letters := 0
	for i := 0; i < len(w); i++ {
		if isLetterByte(w[i]) {
			letters++
		}
	}
	if 2*letters < len(w) { // "c48": mostly digits, a code
		return "", false
	}
	b := []byte(w)
	interior := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c >= 'a' && c <= 'z' {
			continue
		}
		if c >= 128 || leetMap[c] == 0 {
			return "", false
		}
		if i > 0 && i < len(b)-1 && isLetterByte(w[i-1]) && isLetterByte(w[i+1]) {
			interior = true
		}
		b[i] = leetMap[c]
	}
	dec := lx.fixElongation(string(b))
	if len(dec) >= 3 && (lx.known(dec) || interior) {
		return dec, true
	}
	return "", false
}

// leetKnown reports whether w decodes to a known word ("4ku" → "aku"), so
// that it is not mistaken for a number with a unit.
func (lx *lexicon) leetKnown(w string) bool {
	l, ok := lx.leet(strings.ToLower(w))
	return ok && lx.known(l)
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' }

// isRedup reports "anak2", "kata2nya", "hati2lah".
func isRedup(w string) bool {
	_, _, ok := redupParts(w)
	return ok
}

// redupParts splits "kata2nya" into ("kata", "nya").
func redupParts(w string) (base, suffix string, ok bool) {
	k := strings.IndexByte(w, '2')
	if k < 2 || strings.Count(w, "2") != 1 {
		return "", "", false
	}
	base, suffix = w[:k], w[k+1:]
	if k < 3 && base != "ap" && base != "sm" && base != "kl" { // "ke2", "tb2": ordinals and codes
		return "", "", false
	}
	switch suffix {
	case "", "nya", "an", "ku", "mu", "lah", "kah", "pun":
	default:
		return "", "", false
	}
	for i := 0; i < len(base); i++ {
		if !isLetterByte(base[i]) && base[i] != '-' {
			return "", "", false
		}
	}
	return base, suffix, true
}

// fixElongation repairs repeated letters: runs of 3+ are cut to 2 and then
// to 1 if that is not a known word ("mantaaap" → "mantap", "maaaf" →
// "maaf"); unknown words with doubled letters try single letters
// ("kerenn" → "keren").
func (lx *lexicon) fixElongation(w string) string {
	if lx.known(w) || len(w) < 3 || !isASCII(w) {
		return w // repeated non-ASCII letters are left alone (byte-wise logic)
	}
	for _, suf := range [...]string{"nya", "lah", "kah", "ku", "mu"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) >= 3 && lx.known(stem) {
			return w // "kerjaannya": a known word plus a clitic
		}
	}
	if maxRun(w) >= 3 {
		c2 := collapseRuns(w, 2)
		if lx.known(c2) {
			return c2
		}
		c1 := collapseRuns(w, 1)
		if lx.known(c1) {
			return c1
		}
		if best := lx.undouble(c2); best != "" {
			return best
		}
		return c1
	}
	if best := lx.undouble(w); best != "" {
		return best
	}
	return w
}

// undouble tries removing one letter of each doubled pair (up to 4 pairs)
// and returns the most frequent known result, or "".
func (lx *lexicon) undouble(w string) string {
	// doubled vowels anywhere ("kereen", "lezaat"), doubled consonants only
	// at the end ("kerenn", "sabarr"): "massa" or "pph" stay
	var pos []int
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] && (i < 2 || w[i-2] != w[i]) && (isVowel(w[i]) || i == len(w)-1) {
			pos = append(pos, i)
		}
	}
	if len(pos) == 0 || len(pos) > 4 {
		return ""
	}
	best, bestN := "", uint32(0)
	buf := make([]byte, 0, len(w))
	for mask := 1; mask < 1<<len(pos); mask++ {
		buf = buf[:0]
		p := 0
		for i := 0; i < len(w); i++ {
			if p < len(pos) && i == pos[p] {
				skip := mask&(1<<p) != 0
				p++
				if skip {
					continue
				}
			}
			buf = append(buf, w[i])
		}
		if n := lx.count(string(buf)); n > bestN {
			best, bestN = string(buf), n
		}
	}
	return best
}

func maxRun(w string) int {
	best, run := 1, 1
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			run++
			if run > best {
				best = run
			}
		} else {
			run = 1
		}
	}
	return best
}

// collapseRuns cuts runs of 3 or more equal bytes to k.
func collapseRuns(w string, k int) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && w[j] == w[i] {
			j++
		}
		n := j - i
		if n >= 3 {
			n = k
		}
		for ; n > 0; n-- {
			b = append(b, w[i])
		}
		i = j
	}
	return string(b)
}

// mapWord maps a repaired word through the slang and Banjar lexicons
// (ambiguous Banjar entries only when bjn), reduplication ("anak2" →
// "anak-anak") and clitics ("temennya" → "temannya"). A nil result means
// the word stays as it is.
func (lx *lexicon) mapWord(base string, bjn bool) (norms []string, banjar bool) {
	norms, _, banjar = lx.mapEntry(base, lx.words[base], bjn)
	return norms, banjar
}

// mapEntry is mapWord with base's lexicon entry already looked up; it
// also returns the entries of the norms when the lexicon has them at hand
// (nil otherwise).
func (lx *lexicon) mapEntry(base string, e *entry, bjn bool) (norms []string, ents []*entry, banjar bool) {
	if e != nil {
		// in a Banjar text the Banjar reading wins over Indonesian slang
		if bjn && e.banjar != nil {
			return e.banjar.norm, e.banjar.normEnts, true
		}
		if e.slang != nil {
			return e.slang, e.slangEnts, false
		}
		if e.banjar != nil && !e.banjar.amb {
			return e.banjar.norm, e.banjar.normEnts, true
		}
		// Most words map to nothing: that is memoised in the entry, as
		// the checks below (reduplication, clitics) cost more than the
		// lookup that found the entry.
		if e != unknownWord && e.unmapped.Load()&unmappedBit(bjn) != 0 {
			return nil, nil, false
		}
		norms, banjar := lx.mapDerived(base, bjn)
		if norms == nil && e != unknownWord {
			e.unmapped.Or(unmappedBit(bjn))
		}
		return norms, nil, banjar
	}
	norms, banjar = lx.mapDerived(base, bjn)
	return norms, nil, banjar
}

// unmappedBit is the bit of entry.unmapped for bjn.
func unmappedBit(bjn bool) uint32 {
	if bjn {
		return 2
	}
	return 1
}

// mapDerived is mapEntry's mappings derived from other words:
// reduplication and clitics.
func (lx *lexicon) mapDerived(base string, bjn bool) (norms []string, banjar bool) {
	if b, suf, ok := redupParts(base); ok {
		half, bj := lx.mapSingle(lx.baseForm(b), bjn)
		return []string{lx.reduplicate(half) + suf}, bj
	}
	if k := strings.IndexByte(base, '-'); k > 0 && base[:k] == base[k+1:] {
		half, bj := lx.mapSingle(base[:k], bjn)
		return []string{half + "-" + half}, bj
	}
	// clitics on a mapped stem: "temennya" → "temannya", "banarkah" → "benarkah"
	for _, suf := range [...]string{"nya", "lah", "kah", "ku", "mu"} {
		stem, ok := strings.CutSuffix(base, suf)
		if !ok || len(stem) < 3 || (len(suf) == 2 && len(stem) < 4) {
			continue
		}
		if n, ok := lx.slang[stem]; ok && len(n) == 1 && n[0] != stem {
			return []string{n[0] + suf}, false
		}
		if e, ok := lx.banjar[stem]; ok && len(e.norm) == 1 && (!e.amb || bjn) {
			return []string{e.norm[0] + suf}, true
		}
	}
	return nil, false
}

// mapSingle maps a word that must stay one word (the half of a
// reduplication); multi-word mappings keep the original.
func (lx *lexicon) mapSingle(w string, bjn bool) (string, bool) {
	n, bj := lx.mapWord(w, bjn)
	if n == nil {
		return w, false
	}
	if len(n) == 1 && !strings.Contains(n[0], "-") {
		return n[0], bj
	}
	return w, false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// redupPrefixes are prefixes left out of the repeated half
// ("berkali2" → "berkali-kali", "sekali2" → "sekali-kali").
var redupPrefixes = [...]string{"ber", "ter", "di", "se", "ke", "meng", "meny", "mem", "men", "me"}

// reduplicate writes the full form of "w2": "anak" → "anak-anak", and for
// affixed words the repeated stem when the word list supports it.
func (lx *lexicon) reduplicate(w string) string {
	whole := w + "-" + w
	best, bestN := whole, lx.count(whole)
	for k, pre := range redupPrefixes {
		stem, ok := strings.CutPrefix(w, pre)
		if !ok || len(stem) < 3 {
			continue
		}
		cand := w + "-" + stem
		if n := lx.count(cand); n > bestN {
			best, bestN = cand, n
			continue
		}
		// not in the word list: trust a frequent stem after a verbal prefix
		if bestN == 0 && k < 5 && len(stem) >= 4 && lx.count(stem) >= 3 && lx.count(stem) >= lx.count(w) {
			best = cand
			bestN = 1
		}
	}
	return best
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// numberUnits are suffixes that make "50k", "10rb", "1990an" numbers (and
// not leetspeak).
var numberUnits = map[string]bool{
	"k": true, "rb": true, "ribu": true, "jt": true, "juta": true, "m": true, "an": true, "x": true,
	"kg": true, "km": true, "gb": true, "mb": true, "th": true, "thn": true, "st": true, "nd": true,
	"rd": true, "jam": true, "am": true, "pm": true, "wib": true, "wita": true, "wit": true, "hari": true,
	"cm": true, "mm": true, "ml": true, "lt": true, "kwh": true, "p": true, "g": true, "gr": true, "ha": true,
}

// measureUnits are units of measure that, written apart after a number
// ("2 km", "5 ha", "10 cm"), stay units although the slang or Banjar
// lexicon reads the bare word otherwise (km = kamu, ha = saja, g = tidak).
// "cm" is left out on purpose: read as "hanya" it keeps flood-depth reports
// ("genangan 30 cm") with the emotion model's sadness reading, and as a
// bare unit the shipped emotion model calls them happy; revisit with the
// next emotion retraining.
var measureUnits = map[string]bool{
	"km": true, "mm": true, "m": true, "kg": true, "g": true, "gr": true,
	"ha": true, "ml": true, "lt": true, "kwh": true, "gb": true, "mb": true,
}

// isNumberWithUnit reports digits followed by a known unit ("50k", "9an").
func isNumberWithUnit(w string) bool {
	i := 0
	for i < len(w) && (isDigitByte(w[i]) || w[i] == '.' || w[i] == ',') {
		i++
	}
	return i > 0 && i < len(w) && numberUnits[w[i:]]
}
