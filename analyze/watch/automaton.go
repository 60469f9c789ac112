package watch

import (
	"bytes"
	"slices"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// automaton finds word sequences (Aho–Corasick over word ids) and word
// prefixes (a byte trie) in one pass over a document's words.
type automaton struct {
	words    map[string]int32 // plain words and "@handles" → word id
	hashtags map[string]int32 // folded hashtags → word id
	exact    map[string]int32 // case-sensitive words as written (=AMIN) → word id
	nextID   int32

	// Aho–Corasick over word ids.
	next  map[uint64]int32 // state<<32 | word id → state
	fail  []int32
	out   [][]int32 // pattern ids ending in a state (with inherited outputs)
	plen  []int32   // pattern length in words
	patOf []int32   // pattern → owner (atom or lexicon entry)

	// Prefix trie over bytes.
	pnext map[uint64]int32 // node<<8 | byte → node
	pout  [][]int32        // owners whose prefix ends at a node
	pnode int32

	// The scan's tables, made by build from the maps above: a map lookup
	// per word and per step was most of the scan's time (issue 24).
	wordTab, tagTab, exactTab wordTable
	root                      []int32    // word id → state after the start state (0: none)
	proot                     [256]int32 // byte → prefix trie node after the root (0: none)
	tOff                      []int32    // state → its transitions in tID and tNext (state s: tOff[s]:tOff[s+1])
	tID, tNext                []int32    // transitions of each state, by word id
}

func newAutomaton() *automaton {
	return &automaton{
		words:    map[string]int32{},
		hashtags: map[string]int32{},
		exact:    map[string]int32{},
		next:     map[uint64]int32{},
		fail:     []int32{0},
		out:      [][]int32{nil},
		pnext:    map[uint64]int32{},
		pout:     [][]int32{nil},
		pnode:    1,
	}
}

func (a *automaton) wordID(m map[string]int32, w string) int32 {
	if id, ok := m[w]; ok {
		return id
	}
	a.nextID++
	m[w] = a.nextID
	return a.nextID
}

// addSeq adds a pattern of words (or a single hashtag) owned by owner.
func (a *automaton) addSeq(words []string, hashtag bool, owner int32) {
	if len(words) == 0 {
		return
	}
	state := int32(0)
	for _, w := range words {
		m := a.words
		if hashtag {
			m = a.hashtags
		}
		id := a.wordID(m, w)
		if !hashtag && len(w) > 1 && w[0] == '=' {
			a.exact[w[1:]] = id
		}
		k := uint64(state)<<32 | uint64(uint32(id))
		nx, ok := a.next[k]
		if !ok {
			nx = int32(len(a.fail))
			a.fail = append(a.fail, 0)
			a.out = append(a.out, nil)
			a.next[k] = nx
		}
		state = nx
	}
	p := int32(len(a.plen))
	a.plen = append(a.plen, int32(len(words)))
	a.patOf = append(a.patOf, owner)
	for _, q := range a.out[state] {
		if a.patOf[q] == owner && a.plen[q] == int32(len(words)) {
			return // duplicate variant
		}
	}
	a.out[state] = append(a.out[state], p)
}

// addPrefix adds a word prefix owned by owner.
func (a *automaton) addPrefix(prefix string, owner int32) {
	n := int32(0)
	for i := 0; i < len(prefix); i++ {
		k := uint64(n)<<8 | uint64(prefix[i])
		nx, ok := a.pnext[k]
		if !ok {
			nx = a.pnode
			a.pnode++
			a.pout = append(a.pout, nil)
			a.pnext[k] = nx
		}
		n = nx
	}
	for _, o := range a.pout[n] {
		if o == owner {
			return
		}
	}
	a.pout[n] = append(a.pout[n], owner)
}

// build computes failure links and merges outputs (breadth first).
func (a *automaton) build() {
	children := make([][][2]int32, len(a.fail)) // state → (word id, child)
	for k, c := range a.next {
		s := int32(k >> 32)
		children[s] = append(children[s], [2]int32{int32(uint32(k)), c})
	}
	queue := make([]int32, 0, len(a.fail))
	for _, ch := range children[0] {
		a.fail[ch[1]] = 0
		queue = append(queue, ch[1])
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, ch := range children[s] {
			id, c := ch[0], ch[1]
			f := a.fail[s]
			for {
				if nx, ok := a.next[uint64(f)<<32|uint64(uint32(id))]; ok && nx != c {
					a.fail[c] = nx
					break
				}
				if f == 0 {
					a.fail[c] = 0
					break
				}
				f = a.fail[f]
			}
			if fo := a.out[a.fail[c]]; len(fo) > 0 {
				a.out[c] = append(a.out[c], fo...)
			}
			queue = append(queue, c)
		}
	}
	a.compile()
}

// compile makes the scan's tables: the word tables, the start state's
// transitions as an array over word ids and every other state's as a
// short list sorted by word id.
func (a *automaton) compile() {
	a.wordTab = newWordTable(a.words)
	a.tagTab = newWordTable(a.hashtags)
	a.exactTab = newWordTable(a.exact)
	a.proot = [256]int32{}
	for k, nx := range a.pnext {
		if k>>8 == 0 {
			a.proot[byte(k)] = nx
		}
	}
	a.root = make([]int32, a.nextID+1)
	type tr struct{ id, next int32 }
	children := make([][]tr, len(a.fail))
	for k, c := range a.next {
		s, id := int32(k>>32), int32(uint32(k))
		if s == 0 {
			a.root[id] = c
			continue
		}
		children[s] = append(children[s], tr{id, c})
	}
	a.tOff = make([]int32, len(a.fail)+1)
	a.tID, a.tNext = a.tID[:0], a.tNext[:0]
	for s, ch := range children {
		slices.SortFunc(ch, func(x, y tr) int { return int(x.id - y.id) })
		a.tOff[s] = int32(len(a.tID))
		for _, t := range ch {
			a.tID = append(a.tID, t.id)
			a.tNext = append(a.tNext, t.next)
		}
	}
	a.tOff[len(a.fail)] = int32(len(a.tID))
}

// step moves from state on word id (0 = unknown word).
func (a *automaton) step(state, id int32) int32 {
	if id == 0 {
		return 0
	}
	for state != 0 {
		lo, hi := a.tOff[state], a.tOff[state+1]
		for i := lo; i < hi; i++ {
			if t := a.tID[i]; t >= id {
				if t == id {
					return a.tNext[i]
				}
				break
			}
		}
		state = a.fail[state]
	}
	return a.root[id]
}

// wordTable maps words to ids, as the automaton's word maps do, laid out
// for the cache: the scan looks up every word of every post, and nearly
// half of them are known. A bit set indexed by the word's hash (small
// enough to stay in the L1 cache) rejects most unknown words; a slot holds
// a word's first eight bytes, so a probe reads one slot for most words
// and the rest of a longer word from one arena.
type wordTable struct {
	mask  uint64
	bloom []uint64 // bit h&(bloomBits-1) set for every word's hash h
	slots []wordSlot
	arena []byte           // the bytes past the eighth of longer words
	huge  map[string]int32 // words of 256 bytes or more (none are expected)
}

type wordSlot struct {
	k    uint64 // the word's first 8 bytes, little-endian, zero-padded
	id   int32  // 0: empty slot
	meta uint32 // length<<24 | offset of the rest in arena
}

const bloomBits = 1 << 16

func newWordTable(m map[string]int32) wordTable {
	n := 16
	for n < len(m)*3/2 {
		n *= 2
	}
	t := wordTable{mask: uint64(n - 1), bloom: make([]uint64, bloomBits/64), slots: make([]wordSlot, n)}
	for w, id := range m {
		if len(w) >= 256 || len(t.arena) >= 1<<24 {
			if t.huge == nil {
				t.huge = map[string]int32{}
			}
			t.huge[w] = id
			continue
		}
		k, h := wordKey(w)
		b := h & (bloomBits - 1)
		t.bloom[b>>6] |= 1 << (b & 63)
		meta := uint32(len(w)) << 24
		if len(w) > 8 {
			meta |= uint32(len(t.arena))
			t.arena = append(t.arena, w[8:]...)
		}
		for i := h & t.mask; ; i = (i + 1) & t.mask {
			if t.slots[i].id == 0 {
				t.slots[i] = wordSlot{k: k, id: id, meta: meta}
				break
			}
		}
	}
	return t
}

// wordKey is w's first eight bytes as an integer, and w's hash. It reads
// eight bytes at a time: words are short, and a byte loop with a multiply
// per byte cost as much as the lookup it serves.
func wordKey[S string | []byte](w S) (k, h uint64) {
	n := len(w)
	if n < 8 {
		for i := n - 1; i >= 0; i-- {
			k = k<<8 | uint64(w[i])
		}
		h = k*0x9E3779B97F4A7C15 ^ uint64(n)
	} else {
		k = le64(w, 0)
		h = k*0x9E3779B97F4A7C15 ^ uint64(n)
		i := 8
		for ; i+8 <= n; i += 8 {
			h = (h ^ le64(w, i)) * 0x100000001B3
		}
		if i < n {
			var t uint64
			for j := n - 1; j >= i; j-- {
				t = t<<8 | uint64(w[j])
			}
			h = (h ^ t) * 0x100000001B3
		}
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return k, h
}

// le64 reads w[i:i+8] little-endian (one load once compiled).
func le64[S string | []byte](w S, i int) uint64 {
	_ = w[i+7]
	return uint64(w[i]) | uint64(w[i+1])<<8 | uint64(w[i+2])<<16 | uint64(w[i+3])<<24 |
		uint64(w[i+4])<<32 | uint64(w[i+5])<<40 | uint64(w[i+6])<<48 | uint64(w[i+7])<<56
}

// get returns the id of w, 0 when the table does not hold it.
func (t *wordTable) get(w []byte) int32 { return tableGet(t, w) }

// getString is get for a string.
func (t *wordTable) getString(w string) int32 { return tableGet(t, w) }

// tableGet is get for either form of a word: one body, so the byte and the
// string look-ups cannot drift apart; instantiated per type, it allocates
// for neither.
func tableGet[S string | []byte](t *wordTable, w S) int32 {
	if len(w) >= 256 || t.huge != nil {
		if id, ok := t.huge[string(w)]; ok || len(w) >= 256 {
			return id
		}
	}
	if len(t.slots) == 0 {
		return 0
	}
	k, h := wordKey(w)
	if b := h & (bloomBits - 1); t.bloom[b>>6]&(1<<(b&63)) == 0 {
		return 0
	}
	meta := uint32(len(w)) << 24
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.id == 0 {
			return 0
		}
		if s.k == k && s.meta&^(1<<24-1) == meta && (len(w) <= 8 || string(t.arena[s.meta&(1<<24-1):][:len(w)-8]) == string(w[8:])) {
			return s.id
		}
	}
}

// scan calls hit(owner, start, end) for every pattern or prefix occurrence in
// d; start and end are word positions (inclusive).
func (a *automaton) scan(d *normalize.Doc, sc *scratch, hit func(owner int32, start, end int)) {
	pos := -1
	state := int32(0)
	hasPrefix := a.pnode > 1
	eachDocWord(d, sc, func(w []byte, raw string, k wordKind, _ *normalize.Token) {
		pos++
		var id int32
		if k == wkHashtag {
			id = a.tagTab.get(w)
			// Hashtags never continue a phrase of plain words.
			state = a.step(0, id)
		} else {
			id = a.wordTab.get(w)
			if raw != "" && (id == 0 || len(raw) > len(w)) {
				// The word as written, when it is a known word and the
				// normal form is unknown or shorter ("PPP" → "pp"): the
				// catalog names it as written.
				var rid int32
				n := 0
				sq := id == 0
				sc.b = foldEach(raw, sc.b[:0], func(x []byte) {
					if n++; n == 1 {
						rid = a.wordTab.get(x)
						sq = sq || squeezedBytes(x, w)
					}
				})
				if rid != 0 && n == 1 && sq {
					id = rid
				}
			}
			if raw != "" && len(a.exact) > 0 {
				// A case-sensitive word (=AMIN) wins over its folded form.
				if eid := a.exactTab.getString(raw); eid != 0 {
					id = eid
				}
			}
			state = a.step(state, id)
		}
		for _, p := range a.out[state] {
			hit(a.patOf[p], pos-int(a.plen[p])+1, pos)
		}
		if k == wkHashtag {
			state = 0
		}
		if hasPrefix {
			n := int32(0)
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c == '@' && i == 0 {
					break // prefixes never match handles
				}
				var nx int32
				if n == 0 {
					// The first byte from an array: most words stop here.
					if nx = a.proot[c]; nx == 0 {
						break
					}
				} else {
					var ok bool
					if nx, ok = a.pnext[uint64(n)<<8|uint64(c)]; !ok {
						break
					}
				}
				n = nx
				for _, o := range a.pout[n] {
					hit(o, pos, pos)
				}
			}
		}
	})
}

// variants returns the word sequences that an atom's text matches: the
// normalised words, the words as written, and (for phrases) the words
// written together; plus hashtag forms.
func atomPatterns(at *atom, add func(words []string, hashtag bool)) {
	if at.exact {
		add([]string{"=" + at.words[0]}, false)
		return
	}
	if at.hashtag {
		add(at.words, true)
		return
	}
	seqs := [][]string{at.words}
	if len(at.raw) > 0 && !equalWords(at.raw, at.words) {
		seqs = append(seqs, at.raw)
	}
	for _, s := range seqs {
		add(s, false)
		if len(s) == 1 && bytes.HasPrefix([]byte(s[0]), []byte("@")) {
			continue
		}
		joined := joinWords(s)
		if len(s) > 1 {
			add([]string{joined}, false)
		}
		add([]string{joined}, true)
	}
}

func joinWords(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w)
	}
	b := make([]byte, 0, n)
	for _, w := range ws {
		b = append(b, w...)
	}
	return string(b)
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
