package normalize

import (
	"strings"
)

// Option changes how TextWith normalises.
type Option func(*config)

type config struct {
	stems    bool // fill Token.Stem
	banjar   bool // apply the Banjar lexicon
	forceBjn bool // treat the text as Banjar whatever its cues
}

// WithStems turns stemming (Token.Stem) on (the default) or off.
func WithStems(on bool) Option { return func(c *config) { c.stems = on } }

// WithBanjar turns the Banjar → Indonesian lexicon on (the default) or off.
func WithBanjar(on bool) Option { return func(c *config) { c.banjar = on } }

// AssumeBanjar treats the text as Banjar (for example when the source is
// known to be a Banjar-speaking community), so that ambiguous Banjar words
// ("nyaman" → "enak", "halus" → "kecil") are mapped even without cues.
func AssumeBanjar() Option { return func(c *config) { c.forceBjn = true } }

// Text normalises s into a Doc. It never fails: invalid UTF-8 is replaced,
// and any input yields a (possibly empty) token list.
//
// The pipeline: HTML entities and escaped UTF-8 bytes ("\xf0\x9f\x98\xa1",
// as some datasets store emoji) decoded; NFKC and invisible-character
// clean-up; prose v2 tokenizer (tokenizer only); re-splitting of what
// prose leaves glued (emoji runs, emoticons, "bgt,mantap"); then
//
//   - URLs: Kind URL, Norm = the host without "www." ("samarindakota.go.id"),
//     so that watch queries can match a domain; "<email>" for e-mail
//     addresses and "<url>" for the datasets' "[URL]" placeholder;
//   - @mentions: Kind Mention, Norm "@handle" ("@user" for "[USERNAME]");
//   - #hashtags: Kind Hashtag, Norm "#lowercase", followed by their words
//     (CamelCase, "_" and word-list segmentation) as Word tokens with
//     FromHashtag;
//   - numbers: Kind Number, Norm = lower-cased digits, separators and unit
//     as written ("10.000", "10,5%", "50k"); "Rp10.000" → "rupiah" "10.000";
//   - emoji and emoticons: Kind Emoji, Norm "emo_…" ("😡" → "emo_marah",
//     ":)" → "emo_senyum"; unknown emoji "emo_u<hex>");
//   - words: lower-casing, laughter ("wkwk" → "tawa"), leetspeak
//     ("b4ngs4t"), elongations ("mantaaap"), slang and Banjar lexicons
//     (also multi-word entries, "wayah ini" → "sekarang"), Banjar spelling
//     ("haraga" → "harga", in Banjar texts only), reduplication ("anak2"
//     → "anak-anak", "berkali2" → "berkali-kali");
//
// and finally negation scope (Negated) and stems (Stem).
func Text(s string) *Doc { return TextWith(s) }

// TextWith is Text with options.
func TextWith(s string, opts ...Option) *Doc { return TextInto(new(Doc), s, opts...) }

// TextInto is TextWith that writes the result into d, reusing the storage
// of d's tokens, and returns d. Whatever d held before is overwritten (its
// old tokens included), so a caller that reuses Docs must be done with the
// previous text first. The result is the same as TextWith's.
func TextInto(d *Doc, s string, opts ...Option) *Doc {
	cfg := config{banjar: true, stems: true}
	for _, o := range opts {
		o(&cfg)
	}
	lx := loadLexicon()
	*d = Doc{Raw: s, Tokens: d.Tokens[:0]}
	clean := prepare(s)
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	spans := sc.proseSpans(clean)
	pieces := lx.split(spans, sc.pieces[:0])
	sc.pieces = pieces

	// pass 1: repaired spellings and Banjar cues
	bases, ents, infos := sc.bases[:0], sc.ents[:0], sc.infos[:0]
	for range pieces {
		bases, ents, infos = append(bases, ""), append(ents, nil), append(infos, wordInfo{})
	}
	sc.bases, sc.ents, sc.infos = bases, ents, infos
	words := 0
	for i := range pieces {
		p := &pieces[i]
		if p.kind == Number && lx.leetKnown(p.raw) {
			p.kind = Word
		}
		if p.kind != Word {
			continue
		}
		bases[i], ents[i], infos[i] = sc.lowerBaseEntry(lx, p.raw)
		if p.fromHashtag {
			continue
		}
		words++
		if !cfg.banjar {
			continue
		}
		switch {
		case infos[i].flags&wiCue != 0:
			d.BanjarCues++
		case infos[i].flags&wiPhrases != 0: // else no phrase starts with the word
			if ph, _ := lx.matchPhrase(pieces, bases, ents, i, true); ph != nil && ph.cue {
				d.BanjarCues++
			}
		}
	}
	d.nwords = words
	bjn := cfg.forceBjn || isBanjar(d.BanjarCues, words)
	if cfg.forceBjn {
		d.forced = true
	}

	// pass 2: lexicon mapping
	toks := d.Tokens
	if cap(toks) < len(pieces)+4 {
		toks = make([]Token, 0, len(pieces)+4)
	}
	// metas[i] is what is known of toks[i].Norm: its negation roles, its
	// stem when known, else its lexicon entry when it is at hand (nil
	// otherwise), where the stem is memoised.
	metas := sc.metas[:0]
	puncRun := 0
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		if p.kind == Punct {
			if len(toks) > 0 && toks[len(toks)-1].Kind == Punct && toks[len(toks)-1].Raw == p.raw {
				puncRun++
				if puncRun >= 3 { // "!!!!!!!!" keeps three
					continue
				}
			} else {
				puncRun = 0
			}
		}
		if p.kind != Word {
			toks = append(toks, Token{Norm: p.norm, Raw: p.raw, Kind: p.kind, FromHashtag: p.fromHashtag})
			metas = append(metas, tokMeta{})
			continue
		}
		if infos[i].flags&wiPhrases != 0 {
			if ph, j := lx.matchPhrase(pieces, bases, ents, i, bjn); ph != nil && (!ph.banjar || cfg.banjar) {
				raw := joinRaw(clean, pieces[i:j+1])
				for k, n := range ph.norm {
					toks = append(toks, Token{Norm: n, Raw: raw, Kind: Word, FromHashtag: p.fromHashtag, Banjar: ph.banjar})
					metas = append(metas, metaOf(n, ph.normEnts[k]))
				}
				i = j
				continue
			}
		}
		// A unit after a number is the unit: "antri 2 km" is kilometres, not
		// the slang "km" = kamu (which made a queue complaint look aimed at
		// someone), "lahan 5 ha" is hectares, not the Banjar "ha" = saja.
		if i > 0 && pieces[i-1].kind == Number && measureUnits[bases[i]] {
			toks = append(toks, Token{Norm: bases[i], Raw: p.raw, Kind: Word, FromHashtag: p.fromHashtag})
			metas = append(metas, tokMeta{stem: bases[i], hasStem: true})
			continue
		}
		if bjn && cfg.banjar && ents[i] == nil {
			if id := lx.banjarSpelling(bases[i]); id != "" {
				toks = append(toks, Token{Norm: id, Raw: p.raw, Kind: Word, FromHashtag: p.fromHashtag, Banjar: true})
				metas = append(metas, metaOf(id, nil))
				continue
			}
		}
		var norms []string
		var nents []*entry
		var bj bool
		if !cfg.banjar {
			norms, bj = lx.mapWordNoBanjar(bases[i])
		} else if infos[i].flags&noMapBit(bjn) == 0 {
			norms, nents, bj = lx.mapEntry(bases[i], ents[i], bjn)
		}
		if norms == nil {
			toks = append(toks, Token{Norm: bases[i], Raw: p.raw, Kind: Word, FromHashtag: p.fromHashtag})
			metas = append(metas, tokMeta{role: infos[i].negRole, stem: infos[i].stem, hasStem: true})
			continue
		}
		for k, n := range norms {
			toks = append(toks, Token{Norm: n, Raw: p.raw, Kind: Word, FromHashtag: p.fromHashtag, Banjar: bj})
			var ne *entry
			if nents != nil {
				ne = nents[k]
			}
			metas = append(metas, metaOf(n, ne))
		}
	}
	sc.metas = metas
	markNegation(toks, metas)
	if cfg.stems {
		for i := range toks {
			if toks[i].Kind == Word {
				if m := &metas[i]; m.hasStem {
					toks[i].Stem = m.stem
				} else {
					toks[i].Stem = lx.stem(toks[i].Norm, m.e)
				}
			}
		}
	}
	d.Tokens = toks
	return d
}

// tokMeta is what TextWith knows of a token's Norm (see metas).
type tokMeta struct {
	e       *entry
	role    uint8
	hasStem bool
	stem    string
}

// metaOf is the tokMeta of a word norm whose entry is e (nil: not at
// hand).
func metaOf(norm string, e *entry) tokMeta {
	if e == nil {
		return tokMeta{role: negRoleOf(norm)}
	}
	return tokMeta{e: e, role: e.negRole}
}

// mapWordNoBanjar is mapWord with the Banjar lexicon off.
func (lx *lexicon) mapWordNoBanjar(base string) ([]string, bool) {
	if _, ok := lx.banjar[base]; ok {
		if n, ok := lx.slang[base]; ok {
			return n, false
		}
		return nil, false
	}
	return lx.mapWord(base, false)
}

// matchPhrase finds the longest multi-word lexicon entry starting at word
// piece i; it returns the entry and the index of its last piece.
func (lx *lexicon) matchPhrase(pieces []piece, bases []string, ents []*entry, i int, bjn bool) (*phrase, int) {
	e := ents[i]
	if e == nil {
		return nil, i
	}
	ps := e.phrases
	for k := range ps {
		ph := &ps[k]
		if ph.amb && !bjn {
			continue
		}
		j := i
		ok := true
		for _, w := range ph.words[1:] {
			j++
			if j >= len(pieces) || pieces[j].kind != Word || pieces[j].fromHashtag != pieces[i].fromHashtag || bases[j] != w {
				ok = false
				break
			}
		}
		if ok {
			return ph, j
		}
	}
	return nil, i
}

// joinRaw returns the text covered by pieces (as written), or their raws
// joined by spaces when offsets are unknown.
func joinRaw(clean string, ps []piece) string {
	first, last := ps[0], ps[len(ps)-1]
	if first.start >= 0 && last.end >= first.start && last.end <= len(clean) {
		return clean[first.start:last.end]
	}
	raws := make([]string, len(ps))
	for i, p := range ps {
		raws[i] = p.raw
	}
	return strings.Join(raws, " ")
}

// isBanjar decides the language from Banjar cue density.
func isBanjar(cues, words int) bool {
	return cues >= 3 || (cues >= 1 && cues*8 >= words)
}

// Lang returns "bjn" when the text reads as Banjar and "id" otherwise: at
// least three Banjar cue words, or at least one cue word per eight words
// (hashtag words not counted). On the NusaX train splits this labels 453
// of 500 Banjar sentences "bjn" and 0 of 500 Indonesian ones.
func (d *Doc) Lang() string {
	words := d.nwords
	if words == 0 {
		for _, t := range d.Tokens {
			if t.Kind == Word && !t.FromHashtag {
				words++
			}
		}
	}
	if d.forced || isBanjar(d.BanjarCues, words) {
		return "bjn"
	}
	return "id"
}

// Words returns the Norms of the Word tokens, hashtag words included.
func (d *Doc) Words() []string {
	out := make([]string, 0, len(d.Tokens))
	for _, t := range d.Tokens {
		if t.Kind == Word {
			out = append(out, t.Norm)
		}
	}
	return out
}

// NormText returns the Norms of all tokens joined by single spaces (the
// text that watch queries are matched against).
func (d *Doc) NormText() string {
	n := 0
	for _, t := range d.Tokens {
		n += len(t.Norm) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range d.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}
