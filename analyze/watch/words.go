package watch

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// isApostrophe reports characters dropped inside words ("Mas'ud" → "masud").
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '`' || r == '\u2018' }

// foldEach lower-cases s and calls fn for each run of letters and digits;
// apostrophes are dropped without splitting, anything else splits. buf is
// scratch space; the slice passed to fn is only valid during the call.
func foldEach(s string, buf []byte, fn func(w []byte)) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				buf = append(buf, c)
			case c >= 'A' && c <= 'Z':
				buf = append(buf, c+('a'-'A'))
			case c == '\'' || c == '`':
			default:
				if len(buf) > 0 {
					fn(buf)
					buf = buf[:0]
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case isApostrophe(r):
		default:
			if len(buf) > 0 {
				fn(buf)
				buf = buf[:0]
			}
		}
	}
	if len(buf) > 0 {
		fn(buf)
	}
	return buf
}

// foldString concatenates the folded words of s ("Pro-Bebaya" → "probebaya").
func foldString(s string) string {
	var b strings.Builder
	foldEach(s, nil, func(w []byte) { b.Write(w) })
	return b.String()
}

// foldWords returns the folded words of s.
func foldWords(s string) []string {
	var out []string
	foldEach(s, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}

// rawWords folds s without normalisation: the query as written.
func rawWords(s string) []string { return foldWords(s) }

// splitWords normalises a query term or phrase the way documents are
// normalised, so both sides meet on the same words.
func splitWords(s string) []string {
	d := normalize.Text(s)
	var out []string
	for i, t := range d.Tokens {
		switch t.Kind {
		case normalize.Word, normalize.Number:
			norm := t.Norm
			if raw := strings.ToLower(t.Raw); norm != raw && squeezed(raw, norm) {
				// The normaliser shortened repeated letters ("ppp" → "pp"):
				// in a query that is an acronym, not an elongation.
				norm = raw
			}
			out = append(out, foldWords(norm)...)
		case normalize.Hashtag:
			if i+1 < len(d.Tokens) && d.Tokens[i+1].FromHashtag {
				continue
			}
			out = append(out, foldWords(strings.TrimPrefix(t.Norm, "#"))...)
		case normalize.Mention:
			if h := foldString(strings.TrimPrefix(t.Norm, "@")); h != "" {
				out = append(out, "@"+h)
			}
		}
	}
	if len(out) == 0 {
		// The normaliser may drop or classify odd input differently; fall
		// back to plain folding so a term never silently vanishes.
		out = foldWords(s)
	}
	return out
}

// squeezed reports whether short is long with runs of a repeated letter
// shortened.
func squeezed(long, short string) bool {
	return squeezedBytes(unsafe.Slice(unsafe.StringData(long), len(long)), unsafe.Slice(unsafe.StringData(short), len(short)))
}

// squeezedBytes is squeezed on byte slices.
func squeezedBytes(long, short []byte) bool {
	if len(short) >= len(long) || len(short) == 0 {
		return false
	}
	i, j := 0, 0
	for i < len(long) && j < len(short) {
		if long[i] == short[j] {
			i++
			j++
			continue
		}
		if i > 0 && long[i] == long[i-1] {
			i++
			continue
		}
		return false
	}
	for i < len(long) && i > 0 && long[i] == long[i-1] {
		i++
	}
	return i == len(long) && j == len(short)
}

// wordKind tells the automaton how a document word was written.
type wordKind uint8

const (
	wkWord wordKind = iota
	wkHashtag
	wkMention
)

// scratch holds reusable buffers for scanning one document.
type scratch struct{ a, b []byte }

// eachDocWord calls fn for every word of d, in order: words and numbers
// split on non-alphanumerics, hashtags as one folded word (their split words
// follow as ordinary words), mentions as "@handle". URLs, emoji and
// punctuation are skipped. The slice passed to fn is valid during the call.
//
// raw is the token as written when it is a single word whose normal form
// differs; the matcher falls back to it for words it does not know.
func eachDocWord(d *normalize.Doc, sc *scratch, fn func(w []byte, raw string, k wordKind, t *normalize.Token)) {
	if d == nil {
		return
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		s := t.Norm
		if s == "" {
			s = t.Raw
		}
		switch t.Kind {
		case normalize.Word, normalize.Number:
			if simpleWord(s) {
				raw := ""
				if t.Raw != s && t.Raw != "" {
					raw = t.Raw
				}
				fn(unsafe.Slice(unsafe.StringData(s), len(s)), raw, wkWord, t)
				continue
			}
			sc.a = foldEach(s, sc.a, func(w []byte) { fn(w, "", wkWord, t) })
		case normalize.Hashtag, normalize.Mention:
			k := wkHashtag
			if t.Kind == normalize.Mention {
				k = wkMention
			}
			s = strings.TrimLeft(s, "#@")
			sc.a = sc.a[:0]
			if k == wkMention {
				sc.a = append(sc.a, '@')
			}
			sc.b = foldEach(s, sc.b, func(w []byte) { sc.a = append(sc.a, w...) })
			if len(sc.a) > 0 && !(k == wkMention && len(sc.a) == 1) {
				fn(sc.a, "", k, t)
			}
		}
	}
}

// simpleWord reports whether s is already a folded word (a-z, 0-9).
func simpleWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !simpleByte[s[i]] {
			return false
		}
	}
	return true
}

// simpleByte marks a-z and 0-9: one load per byte in simpleWord, which
// runs on every word of every post.
var simpleByte = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

// Word is one word of a document as the matcher counts them: the start and
// end positions that Matcher.Scan and Lexicon.Find report index into the
// slice Words returns.
type Word struct {
	// Text is the folded, normalised word the matcher compares.
	Text string
	// Raw is the word as written; for a hashtag, the whole hashtag. It is
	// empty for the further words of a token whose normal form has more
	// words than it ("makasih" → "terima kasih": "Makasih", "").
	Raw string
	// Hashtag marks a whole hashtag (its split words follow as words).
	Hashtag bool
	// InHashtag marks a word split out of the hashtag before it.
	InHashtag bool
	// Stem is the root of the token the word comes from when the token is
	// this one word ("menghadiri" → "hadir"); empty otherwise.
	Stem string
}

// Words returns the words of d in the numbering of Scan and Find, with
// each word as written, for showing what matched ("Rudy Mas'ud") or
// reading its case. The matcher's scan does not need it.
func Words(d *normalize.Doc) []Word { return AppendWords(nil, d) }

// AppendWords appends the words of d to dst, as Words does, and returns
// the slice.
func AppendWords(dst []Word, d *normalize.Doc) []Word {
	var sc scratch
	var cur *normalize.Token
	start := 0 // where cur's words begin in dst
	eachDocWord(d, &sc, func(w []byte, _ string, k wordKind, t *normalize.Token) {
		if t != cur {
			if cur != nil {
				asWritten(dst[start:], cur)
			}
			cur, start = t, len(dst)
		}
		text := t.Norm
		if k != wkWord || !simpleWord(text) {
			text = string(w) // a piece of the token, or a folded hashtag
		}
		dst = append(dst, Word{Text: text, Raw: t.Raw, Hashtag: k == wkHashtag, InHashtag: t.FromHashtag})
	})
	if cur != nil {
		asWritten(dst[start:], cur)
	}
	return dst
}

// asWritten gives the words of one token their text as written: when the
// token folds into several words ("Prabowo-Gibran") and its pieces line up,
// one piece each; otherwise the first word holds the token and the others
// are empty ("makasih" → "terima kasih": "Makasih", "").
func asWritten(ws []Word, t *normalize.Token) {
	if len(ws) == 1 {
		if ws[0].Raw == "" {
			ws[0].Raw = ws[0].Text
		}
		if !ws[0].Hashtag {
			ws[0].Stem = t.Stem
		}
		return
	}
	raws := rawPieces(t.Raw)
	for i := range ws {
		switch {
		case len(raws) == len(ws):
			ws[i].Raw = raws[i]
		case i > 0:
			ws[i].Raw = ""
		}
	}
}

// rawPieces splits s as foldEach does, keeping the case.
func rawPieces(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || isApostrophe(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
