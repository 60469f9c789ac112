package normalize

import (
	"bufio"
	"embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

//go:generate go run ./internal/genwords -out words.tsv

//go:embed lexicon/slang.tsv lexicon/banjar.tsv lexicon/emoji.tsv lexicon/places.txt words.tsv
var lexFS embed.FS

// banjarEntry is one Banjar → Indonesian mapping.
type banjarEntry struct {
	norm     []string // Indonesian words
	normEnts []*entry // their entries (nil where unknown)
	cue      bool     // strong sign of Banjar
	amb      bool     // also an Indonesian word: map only in Banjar texts
}

// phrase is a multi-word lexicon entry ("wayah ini" → "sekarang").
type phrase struct {
	words  []string
	norm   []string
	banjar bool
	cue    bool
	amb    bool
	// normEnts are the entries of norm (nil where unknown).
	normEnts []*entry
}

// entry is everything the lexicons say about one lower-case word, so that
// a word costs one map lookup.
type entry struct {
	count   uint32       // word-list frequency (0 when only in a lexicon)
	slang   []string     // slang → formal mapping, if any
	banjar  *banjarEntry // Banjar → Indonesian mapping, if any
	phrases []phrase     // multi-word entries starting with this word, longest first
	// slangEnts are the entries of slang's words (nil where unknown), so
	// that a mapped token has its entry without another lookup.
	slangEnts []*entry
	// negRole is the word's part in negation scopes (see negRoleOf).
	negRole uint8
	// unmapped memoises that mapEntry maps the word to nothing: bit 0
	// outside Banjar texts, bit 1 in them.
	unmapped atomic.Uint32
	// stem memoises Stem of the word: read next to the entry it costs no
	// lookup, where Stem's own cache is a concurrent map.
	stem atomic.Pointer[string]
}

// lexicon holds every embedded list, parsed once.
type lexicon struct {
	words       map[string]*entry // every known word
	slang       map[string][]string
	banjar      map[string]banjarEntry
	phrases     map[string][]phrase // by first word, longest first
	emoji       map[string]string   // emoji (variation selectors and skin tones removed) → norm
	emoticon    map[string]string   // ASCII emoticon → norm
	maxEmoticon int
	freq        map[string]uint32 // word list counts (words.tsv + places)
	extra       map[string]bool   // other known words (lexicon keys and values)
	logTotal    float64
}

var loadLexicon = sync.OnceValue(func() *lexicon {
	lx, err := parseLexicon()
	if err != nil {
		// The lists are embedded and checked by tests; a failure here is a
		// build defect, not bad input.
		panic(fmt.Sprintf("normalize: embedded lexicon: %v", err))
	}
	return lx
})

func parseLexicon() (*lexicon, error) {
	lx := &lexicon{
		slang:    map[string][]string{},
		banjar:   map[string]banjarEntry{},
		phrases:  map[string][]phrase{},
		emoji:    map[string]string{},
		emoticon: map[string]string{},
		freq:     map[string]uint32{},
		extra:    map[string]bool{},
	}
	var total float64
	err := eachLine("words.tsv", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want word<TAB>count, got %q", strings.Join(f, "\t"))
		}
		n, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil {
			return fmt.Errorf("count %q: %w", f[1], err)
		}
		lx.freq[f[0]] = uint32(n)
		total += float64(n)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("lexicon/places.txt", func(f []string) error {
		if lx.freq[f[0]] < 50 {
			total += float64(50 - lx.freq[f[0]])
			lx.freq[f[0]] = 50
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("lexicon/slang.tsv", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want slang<TAB>formal, got %q", strings.Join(f, "\t"))
		}
		norm := strings.Fields(f[1])
		if strings.Contains(f[0], " ") {
			p := phrase{words: strings.Fields(f[0]), norm: norm}
			lx.phrases[p.words[0]] = append(lx.phrases[p.words[0]], p)
		} else {
			lx.slang[f[0]] = norm
		}
		lx.addKnown(f[0], norm)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("lexicon/banjar.tsv", func(f []string) error {
		if len(f) < 2 || len(f) > 3 {
			return fmt.Errorf("want banjar<TAB>indonesian[<TAB>flags], got %q", strings.Join(f, "\t"))
		}
		e := banjarEntry{norm: strings.Fields(f[1])}
		if len(f) == 3 {
			for _, fl := range strings.Split(f[2], ",") {
				switch fl {
				case "cue":
					e.cue = true
				case "amb":
					e.amb = true
				default:
					return fmt.Errorf("unknown flag %q", fl)
				}
			}
		}
		if strings.Contains(f[0], " ") {
			p := phrase{words: strings.Fields(f[0]), norm: e.norm, banjar: true, cue: e.cue, amb: e.amb}
			lx.phrases[p.words[0]] = append(lx.phrases[p.words[0]], p)
		} else {
			lx.banjar[f[0]] = e
		}
		lx.addKnown(f[0], e.norm)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k, ps := range lx.phrases {
		// longest phrase first
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		lx.phrases[k] = ps
	}
	err = eachLine("lexicon/emoji.tsv", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want emoji<TAB>norm, got %q", strings.Join(f, "\t"))
		}
		if isEmojiRuneString(f[0]) {
			lx.emoji[emojiKey(f[0])] = f[1]
		} else {
			lx.emoticon[f[0]] = f[1]
			if len(f[0]) > lx.maxEmoticon {
				lx.maxEmoticon = len(f[0])
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if total < 1 {
		total = 1
	}
	lx.logTotal = math.Log(total)
	lx.words = make(map[string]*entry, len(lx.freq)+len(lx.extra))
	get := func(w string) *entry {
		e := lx.words[w]
		if e == nil {
			e = &entry{}
			lx.words[w] = e
		}
		return e
	}
	for w, n := range lx.freq {
		get(w).count = n
	}
	for w := range lx.extra {
		get(w)
	}
	for w, n := range lx.slang {
		get(w).slang = n
	}
	for w, b := range lx.banjar {
		b := b
		get(w).banjar = &b
	}
	for w, ps := range lx.phrases {
		get(w).phrases = ps
	}
	ents := func(ws []string) []*entry {
		out := make([]*entry, len(ws))
		for i, w := range ws {
			out[i] = lx.words[w]
		}
		return out
	}
	for w, e := range lx.words {
		e.negRole = negRoleOf(w)
		if e.slang != nil {
			e.slangEnts = ents(e.slang)
		}
		if e.banjar != nil {
			e.banjar.normEnts = ents(e.banjar.norm)
		}
		for k := range e.phrases {
			e.phrases[k].normEnts = ents(e.phrases[k].norm)
		}
	}
	return lx, nil
}

func (lx *lexicon) addKnown(key string, norm []string) {
	for _, w := range strings.Fields(key) {
		lx.extra[w] = true
	}
	for _, w := range norm {
		lx.extra[w] = true
	}
}

// unknownWord stands for the entry of a word known not to be in the
// lexicon, so that it is not looked up again.
var unknownWord = &entry{}

// stem is Stem(w); e is w's entry if the caller has it (nil: looked up;
// unknownWord: w has none).
func (lx *lexicon) stem(w string, e *entry) string {
	if len(w) <= 3 {
		return w
	}
	if e == unknownWord {
		return Stem(w)
	}
	if e == nil {
		if e = lx.words[w]; e == nil {
			return Stem(w)
		}
	}
	if p := e.stem.Load(); p != nil {
		return *p
	}
	s := Stem(w)
	e.stem.Store(&s)
	return s
}

// known reports whether w is a word the normaliser recognises.
func (lx *lexicon) known(w string) bool {
	return lx.words[w] != nil
}

// count is w's frequency (lexicon-only words count 1).
func (lx *lexicon) count(w string) uint32 {
	e := lx.words[w]
	switch {
	case e == nil:
		return 0
	case e.count == 0:
		return 1
	}
	return e.count
}

// eachLine calls fn with the TAB-separated fields of every non-empty,
// non-comment line of an embedded file.
func eachLine(name string, fn func([]string) error) error {
	f, err := lexFS.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r ")
		if t == "" || strings.HasPrefix(t, "# ") || t == "#" {
			continue
		}
		if err := fn(strings.Split(t, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}
