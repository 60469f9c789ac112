package model

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Features configures how a normalised document becomes a hashed sparse
// vector. It is stored in every model so that prediction extracts exactly
// the features the model was trained on.
type Features struct {
	// Bits is log2 of the number of hash buckets (18–22).
	Bits uint8 `json:"bits"`
	// Bigrams adds word bigrams of consecutive terms.
	Bigrams bool `json:"bigrams"`
	// NegMark replaces a word in a negation scope by "neg:" + word.
	NegMark bool `json:"neg_mark"`
	// CharMin and CharMax bound the character n-grams taken inside each
	// word (with boundary marks); CharMax 0 disables them.
	CharMin int `json:"char_min"`
	CharMax int `json:"char_max"`
	// CharWeight scales the character group against the word group (each
	// group is L2-normalised on its own first).
	CharWeight float32 `json:"char_weight"`
	// CharAcross takes the character n-grams over the whole text (words
	// joined by one space) instead of inside each word.
	CharAcross bool `json:"char_across,omitempty"`
	// RawWords adds the lower-cased written form of words whose normalised
	// form differs ("lu" next to its normal form "kamu"): register and
	// slang carry tone.
	RawWords bool `json:"raw_words,omitempty"`
	// ButMark adds "but:" + word for the words after a contrast ("tapi",
	// "namun", "sayangnya"…) up to the end of the sentence: the clause
	// after it usually carries the verdict.
	ButMark bool `json:"but_mark,omitempty"`
	// Signed gives every feature a sign drawn from its hash, so that
	// colliding features cancel out in expectation instead of adding up
	// (Weinberger et al. 2009).
	Signed bool `json:"signed,omitempty"`
	// NoWords drops the word group (used to train character-only ensemble
	// members; never set in a shipped model).
	NoWords bool `json:"no_words,omitempty"`
	// Lexicon adds counts of positive and negative words from the built-in
	// polarity list (flipped under negation).
	Lexicon bool `json:"lexicon"`
	// RawCharMin and RawCharMax bound the character n-grams that a TF-IDF
	// model (see TFIDF) takes from the text as written.
	RawCharMin int `json:"raw_char_min,omitempty"`
	RawCharMax int `json:"raw_char_max,omitempty"`
	// Pairs adds a group of the unordered pairs of the first Pairs
	// distinct content words of the text (their stems; function words
	// left out), wherever in the text they occur: a linear model then sees
	// which words come together ("gubernur" with "tolol"), which n-grams
	// catch only when the words are adjacent. 0 disables the group.
	Pairs int `json:"pairs,omitempty"`
	// PairWeight scales the pair group (L2-normalised on its own first).
	PairWeight float32 `json:"pair_weight,omitempty"`
}

// Dim is the number of hash buckets.
func (f Features) Dim() int { return 1 << f.Bits }

// Vec is a sparse feature vector. Indexes may repeat (the dot product is
// the same); Extract reuses the slices.
type Vec struct {
	// Idx are the hash buckets of the features.
	Idx []uint32
	// Val are the feature values (same length as Idx).
	Val []float32
	// Terms are the terms the vector was built from (for explanations).
	terms []term
	cbuf  []byte
	raw   string // the text as written (TF-IDF models)
	// pairs is where the pair group starts in Idx (len(Idx) without one):
	// a Bundle applies it only to the models trained with it.
	pairs int
	// touched sums the weights that a Bundle reads ahead (see
	// table.touch).
	touched uint32
}

// Reset empties v keeping its storage.
func (v *Vec) Reset() {
	v.Idx = v.Idx[:0]
	v.Val = v.Val[:0]
	v.terms = v.terms[:0]
	v.pairs = 0
}

type term struct {
	s       string
	neg     bool
	word    bool // a word: char n-grams are taken from it
	boundry bool // a bigram boundary precedes it
	raw     string
	but     bool
	stem    string // the root of a word (its pair-feature form)
	noPair  bool   // a function word, left out of word pairs
	pol     int8   // the word's polarity (see polarity)
	hu      uint64 // the unigram hash of s when set (0: not computed)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hash namespaces keep feature kinds apart.
const (
	nsUni  = 'u'
	nsNeg  = 'n'
	nsBi   = 'b'
	nsChar = 'c'
	nsLex  = 'l'
	nsPair = 'p'
	// nsDomain namespaces domain features (see DomainBucket).
	nsDomain = 'd'
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// sign is the feature sign of hash h: ±1 when Signed, else 1.
func (f Features) sign(h uint64) float32 { return signOf(h, f.Signed) }

func (f Features) bucket(h uint64) uint32 { return bucketOf(h, 64-uint(f.Bits)) }

// bucketOf is Features.bucket with the shift 64 − Bits.
func bucketOf(h uint64, shift uint) uint32 {
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return uint32(h >> shift)
}

// signOf is Features.sign with Signed given.
func signOf(h uint64, signed bool) float32 {
	if !signed {
		return 1
	}
	// Branch-free: the top bit of the mixed hash is the float's sign bit.
	return math.Float32frombits(0x3f800000 | uint32((h*0x94d049bb133111eb)>>63)<<31)
}

// DomainBucket is the hash bucket of the domain feature of a corpus. A
// domain feature is a bias that only that corpus's training rows carry
// (the "frustratingly easy" domain adaptation of Daumé 2007, reduced to
// the bias): the corpus's own label prior and conventions go into it
// instead of into the shared weights. Training zeroes its weights
// afterwards, so it plays no part in prediction (a text feature hashed to
// the same bucket, one in 2^Bits, loses its weight with it).
func (f Features) DomainBucket(name string) uint32 {
	return f.bucket(hashStr(hashStr(fnvOffset, string(rune(nsDomain))), name))
}

// FeatureName is a readable name of a feature, for explanations.
type FeatureName struct {
	// Bucket is the feature's hash bucket.
	Bucket uint32
	// Name is the readable feature ("word", "a b", "neg:word", "char:abc").
	Name string
}

// Extract fills v with the features of d.
func (f Features) Extract(d *normalize.Doc, v *Vec) {
	v.Reset()
	v.terms = appendTerms(v.terms, d)
	f.extract(v, nil)
}

// Explain returns the feature names of d by bucket (several names may
// share a bucket).
func (f Features) Explain(d *normalize.Doc) []FeatureName {
	var v Vec
	v.terms = appendTerms(v.terms, d)
	var names []FeatureName
	f.extract(&v, &names)
	return names
}

const (
	nsRaw = 'r'
	nsBut = 't'
)

// contrasts open a "but" clause.
var contrasts = map[string]bool{"tapi": true, "tetapi": true, "namun": true, "sayangnya": true, "cuma": true, "hanya": true, "sayang": true, "padahal": true, "walaupun": false}

func (f Features) extract(v *Vec, names *[]FeatureName) {
	explain := names != nil
	add := func(h uint64, name string) {
		b := f.bucket(h)
		v.Idx = append(v.Idx, b)
		v.Val = append(v.Val, f.sign(h))
		if explain {
			*names = append(*names, FeatureName{b, name})
		}
	}
	// Word group.
	var lexPos, lexNeg int
	prev := ""
	for i := range v.terms {
		t := &v.terms[i]
		if t.neg && f.NegMark && t.word {
			name := ""
			if explain {
				name = "neg:" + t.s
			}
			add(hashStr(seedNeg, t.s), name)
		} else {
			h := t.hu
			if h == 0 {
				h = hashStr(seedUni, t.s)
			}
			add(h, t.s)
		}
		// Names are built only to explain (a concatenation allocates).
		if f.ButMark && t.but && t.word {
			name := ""
			if explain {
				name = "but:" + t.s
			}
			add(hashStr(hashStr(fnvOffset, string(rune(nsBut))), t.s), name)
		}
		if f.RawWords && t.raw != "" {
			name := ""
			if explain {
				name = "raw:" + t.raw
			}
			add(hashStr(seedRaw, t.raw), name)
		}
		if f.Bigrams {
			if prev != "" && !t.boundry {
				h := hashStr(seedBi, prev)
				h = hashStr(h^0x20, t.s)
				name := ""
				if explain {
					name = prev + " " + t.s
				}
				add(h, name)
			}
			prev = t.s
		}
		if f.Lexicon && t.word {
			switch t.pol {
			case 1:
				if t.neg {
					lexNeg++
				} else {
					lexPos++
				}
			case -1:
				if t.neg {
					lexPos++
				} else {
					lexNeg++
				}
			}
		}
	}
	if f.Lexicon {
		for _, c := range [...]struct {
			n    int
			name string
		}{{lexPos, "lex:pos"}, {lexNeg, "lex:neg"}} {
			if c.n == 0 {
				continue
			}
			name := c.name
			if c.n > 2 {
				name += "3"
			} else if c.n > 1 {
				name += "2"
			}
			add(hashStr(hashStr(fnvOffset, string(rune(nsLex))), name), name)
		}
		if lexPos > 0 && lexNeg > 0 {
			add(hashStr(hashStr(fnvOffset, string(rune(nsLex))), "lex:mixed"), "lex:mixed")
		}
	}
	nWord := len(v.Idx)
	normalizeGroup(v.Val[:nWord], 1)
	if f.NoWords {
		v.Idx, v.Val = v.Idx[:0], v.Val[:0]
		nWord = 0
		if explain {
			*names = (*names)[:0]
		}
	}
	// Character group.
	if f.CharMax > 0 {
		if f.CharAcross {
			v.cbuf = append(v.cbuf[:0], ' ')
			for i := range v.terms {
				t := &v.terms[i]
				if !t.word {
					continue
				}
				v.cbuf = append(v.cbuf, t.s...)
				v.cbuf = append(v.cbuf, ' ')
			}
			if len(v.cbuf) > 1 {
				f.charGrams(v, v.cbuf, names)
			}
		} else {
			for i := range v.terms {
				t := &v.terms[i]
				if !t.word {
					continue
				}
				v.cbuf = append(v.cbuf[:0], '<')
				v.cbuf = append(v.cbuf, t.s...)
				v.cbuf = append(v.cbuf, '>')
				f.charGrams(v, v.cbuf, names)
			}
		}
		normalizeGroup(v.Val[nWord:], f.CharWeight)
	}
	v.pairs = len(v.Idx)
	if f.Pairs > 0 && !f.NoWords {
		f.extractPairs(v, names)
	}
}

// extractPairs appends the pair group (see Features.Pairs).
func (f Features) extractPairs(v *Vec, names *[]FeatureName) {
	// Distinct content words in order of appearance, as hashes; pairs are
	// hashed from the two word hashes in sorted order, so a pair is the
	// same feature whichever word comes first.
	var buf [64]uint64
	hs := buf[:0]
	var words []string // only to explain
	if names != nil {
		words = make([]string, 0, len(buf))
	}
	seed := seedPair
	for i := range v.terms {
		if len(hs) == f.Pairs || len(hs) == len(buf) {
			break
		}
		t := &v.terms[i]
		if !t.word || len(t.s) < 2 || t.noPair {
			continue
		}
		w := t.stem
		if w == "" {
			w = t.s
		}
		h := hashStr(seed, w)
		if slices.Contains(hs, h) {
			continue
		}
		hs = append(hs, h)
		if names != nil {
			words = append(words, w)
		}
	}
	start := len(v.Idx)
	// The pairs are counted first and written in place.
	np := len(hs) * (len(hs) - 1) / 2
	v.Idx = slices.Grow(v.Idx, np)[:start+np]
	v.Val = slices.Grow(v.Val, np)[:start+np]
	idx, val := v.Idx[start:start+np], v.Val[start:start+np]
	k := 0
	for i := 0; i < len(hs); i++ {
		for j := i + 1; j < len(hs); j++ {
			a, b := hs[i], hs[j]
			if a > b {
				a, b = b, a
			}
			h := a ^ (b * 0x9e3779b97f4a7c15)
			bk := f.bucket(h)
			idx[k], val[k] = bk, f.sign(h)
			k++
			if names != nil {
				x, y := words[i], words[j]
				if x > y {
					x, y = y, x
				}
				*names = append(*names, FeatureName{bk, "pair:" + x + "|" + y})
			}
		}
	}
	normalizeGroup(v.Val[start:], f.PairWeight)
}

// pairStop are function words left out of word pairs: they co-occur with
// everything and would only add noise.
var pairStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`yang dan di ke dari ini itu aku saya kamu anda dia ia kita kami mereka
		ada dengan untuk pada juga sudah akan saja lagi ya si rt atau tapi tetapi karena jadi kalau
		bisa dalam oleh sama pun lah kah deh sih dong kok kan nah tuh nih mau masih baru the
		adalah bahwa agar supaya seperti sebagai tersebut para bagi hingga sampai antara ketika saat
		begitu sangat lebih paling telah sedang pernah harus dapat nya lalu kemudian maka`) {
		m[w] = true
	}
	return m
}()

// charGrams appends the character CharMin–CharMax-grams of buf to v, and
// their names to names unless it is nil.
func (f *Features) charGrams(v *Vec, buf []byte, names *[]FeatureName) {
	lo, hi := f.CharMin, f.CharMax
	if names == nil && lo >= 1 {
		f.charGramsFast(v, buf)
		return
	}
	for s := 0; s < len(buf); s++ {
		h := uint64(fnvOffset ^ nsChar)
		h *= fnvPrime
		for n := 1; n <= hi && s+n <= len(buf); n++ {
			h ^= uint64(buf[s+n-1])
			h *= fnvPrime
			if n < lo {
				continue
			}
			b := f.bucket(h)
			v.Idx = append(v.Idx, b)
			v.Val = append(v.Val, f.sign(h))
			if names != nil {
				*names = append(*names, FeatureName{b, "char:" + string(buf[s:s+n])})
			}
		}
	}
}

// charGramsFast is charGrams without names (CharMin ≥ 1): the entries are
// counted first and written in place, which spares two appends per gram.
func (f *Features) charGramsFast(v *Vec, buf []byte) {
	lo, hi := f.CharMin, f.CharMax
	n := len(buf)
	cnt := 0
	for s := 0; s < n; s++ {
		if m := min(hi, n-s); m >= lo {
			cnt += m - lo + 1
		}
	}
	base := len(v.Idx)
	v.Idx = slices.Grow(v.Idx, cnt)[:base+cnt]
	v.Val = slices.Grow(v.Val, cnt)[:base+cnt]
	idx, val := v.Idx[base:base+cnt], v.Val[base:base+cnt]
	if lo == 3 && hi == 5 {
		// The shipped range, unrolled: one hash chain per start, the three
		// grams of a start written through fixed-size views (no bounds
		// check per gram), the hashing settings held in registers.
		shift, signed := 64-uint(f.Bits), f.Signed
		k := 0
		s := 0
		for ; s+5 <= n; s++ {
			b := (*[5]byte)(buf[s : s+5])
			o, x := (*[3]uint32)(idx[k:k+3]), (*[3]float32)(val[k:k+3])
			h := uint64(fnvOffset ^ nsChar)
			h *= fnvPrime
			h = (h ^ uint64(b[0])) * fnvPrime
			h = (h ^ uint64(b[1])) * fnvPrime
			h3 := (h ^ uint64(b[2])) * fnvPrime
			h4 := (h3 ^ uint64(b[3])) * fnvPrime
			h5 := (h4 ^ uint64(b[4])) * fnvPrime
			o[0], o[1], o[2] = bucketOf(h3, shift), bucketOf(h4, shift), bucketOf(h5, shift)
			x[0], x[1], x[2] = signOf(h3, signed), signOf(h4, signed), signOf(h5, signed)
			k += 3
		}
		// The last starts (at most two) have fewer than three grams.
		for ; s+3 <= n; s++ {
			h := uint64(fnvOffset ^ nsChar)
			h *= fnvPrime
			h = (h ^ uint64(buf[s])) * fnvPrime
			h = (h ^ uint64(buf[s+1])) * fnvPrime
			h = (h ^ uint64(buf[s+2])) * fnvPrime
			idx[k], val[k] = f.bucket(h), f.sign(h)
			k++
			if s+4 > n {
				continue
			}
			h = (h ^ uint64(buf[s+3])) * fnvPrime
			idx[k], val[k] = f.bucket(h), f.sign(h)
			k++
		}
		return
	}
	k := 0
	for s := 0; s+lo <= n; s++ {
		h := uint64(fnvOffset ^ nsChar)
		h *= fnvPrime
		m := min(hi, n-s)
		for j := 0; j < m; j++ {
			h ^= uint64(buf[s+j])
			h *= fnvPrime
			if j+1 < lo {
				continue
			}
			idx[k] = f.bucket(h)
			val[k] = f.sign(h)
			k++
		}
	}
}

func normalizeGroup(vals []float32, w float32) {
	if len(vals) == 0 {
		return
	}
	x := w / float32(math.Sqrt(float64(len(vals))))
	for i := range vals {
		vals[i] *= x
	}
}

// negators open a negation scope (Indonesian, slang and Banjar).
var negators = map[string]bool{
	"tidak": true, "tak": true, "bukan": true, "belum": true, "jangan": true, "tanpa": true,
	"gak": true, "ga": true, "nggak": true, "ngga": true, "enggak": true, "engga": true, "gk": true, "tdk": true,
	"kada": true, "kadada": true, "ndak": true, "nda": true, "ora": true, "dak": true, "blm": true, "jgn": true, "bkn": true,
	"kdd": true, "kd": true, "bukannya": true, "tiada": true,
}

// scopeBreakers end a negation scope.
var scopeBreakers = map[string]bool{
	"tapi": true, "tetapi": true, "namun": true, "sedangkan": true, "padahal": true, "melainkan": true, "dan": true, "tapinya": true, "tp": true,
}

const negScope = 3

// Word roles for negation scope, contrast marking, word pairs and
// polarity (one map lookup per word instead of five).
const (
	roleNegator uint8 = 1 << iota
	roleBreaker
	roleContrast
	rolePairStop
	rolePos
	roleNeg
)

// roleTab is roles keyed by the words' unigram hashes (see
// roleTable): appendTerms computes that hash anyway, so the lookup costs
// no string hashing.
var roleTab = newRoleTable(roles)

// Hash states after the namespaces of the word group's features.
var (
	seedUni  = hashStr(fnvOffset, string(rune(nsUni)))
	seedNeg  = hashStr(fnvOffset, string(rune(nsNeg)))
	seedRaw  = hashStr(fnvOffset, string(rune(nsRaw)))
	seedBi   = hashStr(fnvOffset, string(rune(nsBi)))
	seedPair = hashStr(fnvOffset, string(rune(nsPair)))
)

// roleTable is an open-addressing set of words by their unigram hash
// (the words are compared too, so a hash collision cannot misread a word).
// The probed hashes are an array of their own, a few kilobytes that stay
// in the processor's cache: most words are not in the set, and that costs
// no other read; the words are kept inline next to their roles, so a word
// in the set costs one more read, not a string's.
type roleTable struct {
	// filter has the bit h>>(64-filterBits) of every word's hash h set: a
	// word whose bit is clear (most words) is not in the set, which costs
	// one read of these 256 bytes.
	filter [1 << filterBits / 64]uint64
	shift  uint
	hs     []uint64 // slot hashes (0: empty)
	keys   []roleKey
	m      map[string]uint8 // when a word is too long or hashes to 0 (never in practice)
}

// filterBits is log2 of the bits of roleTable's filter.
const filterBits = 11

// roleKey is a slot's word (inline) and its roles.
type roleKey struct {
	n    uint8
	role uint8
	w    [14]byte
}

func newRoleTable(m map[string]uint8) *roleTable {
	bits := uint(4)
	for 1<<bits < 3*len(m) {
		bits++
	}
	n := 1 << bits
	t := &roleTable{shift: 64 - bits, hs: make([]uint64, n), keys: make([]roleKey, n)}
	for w, r := range m {
		h := hashStr(seedUni, w)
		if h == 0 || len(w) > len(roleKey{}.w) {
			return &roleTable{m: m}
		}
		i := t.slot(h)
		for t.hs[i] != 0 {
			i = (i + 1) & (n - 1)
		}
		t.hs[i] = h
		f := h >> (64 - filterBits)
		t.filter[f/64] |= 1 << (f % 64)
		t.keys[i] = roleKey{n: uint8(len(w)), role: r}
		copy(t.keys[i].w[:], w)
	}
	return t
}

func (t *roleTable) slot(h uint64) int { return int((h * 0x9e3779b97f4a7c15) >> t.shift) }

// lookup returns the roles of w, whose unigram hash is h.
func (t *roleTable) lookup(h uint64, w string) uint8 {
	if t.m != nil {
		return t.m[w]
	}
	if f := h >> (64 - filterBits); t.filter[f/64]&(1<<(f%64)) == 0 {
		return 0
	}
	mask := len(t.hs) - 1
	for i := t.slot(h); ; i = (i + 1) & mask {
		switch t.hs[i] {
		case 0:
			return 0
		case h:
			if k := &t.keys[i]; int(k.n) == len(w) && string(k.w[:k.n]) == w {
				return k.role
			}
		}
	}
}

var roles = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range negators {
		m[w] |= roleNegator
	}
	for w := range scopeBreakers {
		m[w] |= roleBreaker
	}
	for w, ok := range contrasts {
		if ok {
			m[w] |= roleContrast
		}
	}
	for w := range pairStop {
		m[w] |= rolePairStop
	}
	for w, p := range polarity {
		switch p {
		case 1:
			m[w] |= rolePos
		case -1:
			m[w] |= roleNeg
		}
	}
	return m
}()

// appendTerms turns the tokens of d into model terms: placeholders for
// mentions, links and numbers, words trimmed of punctuation, "!" and "?"
// kept, and a negation scope of up to negScope words after a negator.
func appendTerms(out []term, d *normalize.Doc) []term {
	scope := 0
	boundary := true
	first := true
	but := false
	emit := func(s string, word, neg bool) {
		out = append(out, term{s: s, word: word, neg: neg, boundry: boundary, but: but})
		boundary = false
	}
	for i := range d.Tokens {
		tk := &d.Tokens[i]
		switch tk.Kind {
		case normalize.Mention:
			emit("<user>", false, false)
			continue
		case normalize.URL:
			emit("<url>", false, false)
			continue
		case normalize.Number:
			emit("<num>", false, false)
			continue
		case normalize.Emoji:
			emit(tk.Norm, false, false)
			continue
		case normalize.Punct:
			punctTerms(tk.Norm, emit)
			boundary = true
			scope = 0
			if strings.ContainsAny(tk.Norm, ".!?") {
				but = false
			}
			continue
		}
		s := tk.Norm
		// Trim punctuation at the edges (a simple tokenizer leaves it attached).
		lead, core, trail := trimPunct(s)
		if lead != "" {
			punctTerms(lead, emit)
			boundary, scope = true, 0
		}
		if core != "" {
			switch core {
			case "user", "username", "[username]":
				emit("<user>", false, false)
			case "url", "[url]":
				emit("<url>", false, false)
			case "rt":
				if !first {
					emit(core, true, false)
					out[len(out)-1].noPair = true
				}
			default:
				if isNumber(core) {
					emit("<num>", false, false)
					break
				}
				neg := tk.Negated || scope > 0
				if scope > 0 {
					scope--
				}
				hu := hashStr(seedUni, core)
				role := roleTab.lookup(hu, core)
				if role&roleBreaker != 0 {
					scope, neg = 0, false
				}
				emit(core, tk.Kind == normalize.Word || tk.Kind == normalize.Hashtag, neg)
				out[len(out)-1].stem = tk.Stem
				out[len(out)-1].hu = hu
				out[len(out)-1].noPair = role&rolePairStop != 0
				switch {
				case role&rolePos != 0:
					out[len(out)-1].pol = 1
				case role&roleNeg != 0:
					out[len(out)-1].pol = -1
				}
				if role&roleContrast != 0 {
					but = true
				}
				if raw := rawFormOf(tk.Raw, s, core); raw != "" && raw != core {
					out[len(out)-1].raw = raw
				}
				if role&roleNegator != 0 {
					scope = negScope
				}
			}
		}
		if trail != "" {
			punctTerms(trail, emit)
			boundary, scope = true, 0
		}
		first = false
	}
	return out
}

func punctTerms(s string, emit func(string, bool, bool)) {
	if strings.Contains(s, "!") {
		emit("!", false, false)
	}
	if strings.Contains(s, "?") {
		emit("?", false, false)
	}
}

func isWordByte(c byte) bool {
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '#' || c == '@' || c == '_' || c == '-' || c == '<' || c == '>'
}

func trimPunct(s string) (lead, core, trail string) {
	// Fast path: an ASCII word without punctuation (most tokens) is its
	// own core, and ASCII is valid UTF-8.
	k := 0
	for k < len(s) && s[k] < utf8.RuneSelf && isWordByte(s[k]) {
		k++
	}
	if k == len(s) && (k == 0 || s[k-1] != '-') {
		return "", s, ""
	}
	i := 0
	for i < len(s) && !isWordByte(s[i]) {
		i++
	}
	j := len(s)
	for j > i && !isWordByte(s[j-1]) {
		j--
	}
	core = s[i:j]
	for strings.HasSuffix(core, "-") {
		core = core[:len(core)-1]
	}
	if !utf8.ValidString(core) {
		core = strings.ToValidUTF8(core, "")
	}
	return s[:i], core, s[j:]
}

func isNumber(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == ',' || c == '%' || c == '-':
		default:
			return false
		}
	}
	return digits > 0
}

// SharedFeatures is the feature configuration of every shipped model: word
// uni- and bigrams with negation marking, the written form of normalised
// words, character 3–5-grams inside words, polarity-lexicon counts, hashed
// with signs into 2^19 buckets. The shipped models share it so that they
// can be merged into one Bundle.
var SharedFeatures = Features{Bits: 19, Bigrams: true, NegMark: true, CharMin: 3, CharMax: 5, CharWeight: 1, Lexicon: true, RawWords: true, Signed: true}

// rawFormOf is rawForm(raw) for a token whose Norm norm has the core
// core, without trimming or lower-casing again when raw is norm or only
// differs from core by ASCII case (the lower-cased form is then core).
func rawFormOf(raw, norm, core string) string {
	if raw == norm {
		for i := 0; i < len(core); i++ {
			if c := core[i]; c >= 'A' && c <= 'Z' {
				return strings.ToLower(core)
			}
		}
		return core
	}
	if len(raw) == len(core) && equalLowerASCII(raw, core) {
		// raw is its own core (core is as long and has only word bytes),
		// and lower-cases to core.
		return core
	}
	return rawForm(raw)
}

// equalLowerASCII reports whether a, ASCII lower-cased, is b, both being
// ASCII word bytes only (so that trimPunct keeps a whole).
func equalLowerASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c >= utf8.RuneSelf || b[i] >= utf8.RuneSelf || !isWordByte(c) {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != b[i] {
			return false
		}
	}
	return len(a) == 0 || a[len(a)-1] != '-'
}

// rawForm is the written form of a word, lower-cased (ASCII only, without
// allocating when it is already lower case) and trimmed of punctuation.
func rawForm(s string) string {
	_, core, _ := trimPunct(s)
	for i := 0; i < len(core); i++ {
		if c := core[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(core)
		}
	}
	return core
}
