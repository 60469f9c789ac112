package normalize

import (
	"html"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"golang.org/x/text/unicode/norm"
)

// piece is an intermediate token before lexicon mapping.
type piece struct {
	raw         string
	start, end  int // byte offsets into the prepared text; -1 if unknown
	kind        Kind
	norm        string // final Norm for non-Word kinds
	fromHashtag bool
}

// quoteFixer maps typographic quotes to ASCII before prose sees the text,
// so that prose's own sanitizer is a no-op and its tokens stay substrings.
var quoteFixer = strings.NewReplacer(
	"\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'",
)

// prepare makes s valid UTF-8, applies NFKC (fancy and full-width letters
// become ASCII) and removes invisible format characters.
func prepare(s string) string {
	// One table load per byte instead of a chain of comparisons.
	var cls byte
	for i := 0; i < len(s); i++ {
		cls |= prepClass[s[i]]
	}
	ascii, escapes := cls&prepNonASCII == 0, cls&prepEscape != 0
	if escapes {
		s = unescape(s)
		ascii = false
	}
	if ascii {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = norm.NFKC.String(s)
	needs := false
	for _, r := range s {
		if dropRune(r) || r == '\u201c' || r == '\u201d' || r == '\u2018' || r == '\u2019' {
			needs = true
			break
		}
	}
	if !needs {
		return s
	}
	s = quoteFixer.Replace(s)
	return strings.Map(func(r rune) rune {
		if dropRune(r) {
			if unicode.IsControl(r) {
				return ' '
			}
			return -1
		}
		return r
	}, s)
}

// Byte classes of prepare's scan.
const (
	prepNonASCII = 1 << iota // not printable ASCII (nor tab, newline, CR)
	prepEscape               // '\\' or '&': maybe an escape or entity
)

var prepClass = func() (t [256]byte) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= utf8.RuneSelf || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f:
			t[c] = prepNonASCII
		case c == '\\' || c == '&':
			t[c] = prepEscape
		}
	}
	return t
}()

// unescape decodes HTML entities ("&amp;", as social-media APIs deliver
// text) and the literal escapes some datasets store instead of characters:
// "\xf0\x9f\x98\xa1" (UTF-8 bytes written as text) becomes the emoji, and
// a literal "\n", "\t" or "\r" becomes a space.
func unescape(s string) string {
	if strings.Contains(s, `\x`) {
		var b strings.Builder
		b.Grow(len(s))
		for i := 0; i < len(s); {
			if !isHexEscape(s, i) {
				b.WriteByte(s[i])
				i++
				continue
			}
			var buf []byte
			j := i
			for isHexEscape(s, j) {
				buf = append(buf, hexVal(s[j+2])<<4|hexVal(s[j+3]))
				j += 4
			}
			if utf8.Valid(buf) {
				b.Write(buf)
			} else {
				b.WriteString(s[i:j])
			}
			i = j
		}
		s = b.String()
	}
	if strings.Contains(s, `\`) {
		s = literalEscapes.Replace(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
		// prose rewrites "&rsquo;" itself, which would shift its tokens
		s = strings.ReplaceAll(s, "&rsquo;", "'")
	}
	return s
}

var literalEscapes = strings.NewReplacer(`\n`, " ", `\t`, " ", `\r`, " ")

func isHexEscape(s string, i int) bool {
	return i+3 < len(s) && s[i] == '\\' && s[i+1] == 'x' && isHex(s[i+2]) && isHex(s[i+3])
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// dropRune reports control and invisible format characters (but keeps the
// zero-width joiner used inside emoji sequences).
func dropRune(r rune) bool {
	if r == '\t' || r == '\n' || r == '\r' || r == 0x200D {
		return false
	}
	if unicode.IsControl(r) {
		return true
	}
	switch r {
	case 0x200B, 0x200C, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD, 0xFFFD:
		return true
	}
	return false
}

// span is a prose token with its offsets in the prepared text.
type span struct {
	text       string
	start, end int
}

// proseOpts turns off prose's English tagger, NER and sentence segmenter:
// only its tokenizer runs.
var proseOpts = []prose.DocOpt{
	prose.WithTagging(false), prose.WithExtraction(false), prose.WithSegmentation(false),
}

// maxChunk is the longest whitespace-free chunk given to prose in one piece.
const maxChunk = 256

// proseSpans tokenizes text with prose and locates each token in text.
//
// prose's tokenizer splits at whitespace and then, chunk by chunk, peels
// prefix characters ($ ( " [), contractions ('ll 's 're 'm n't) and suffix
// characters (, ) " ] ! ; . ? : '); a chunk that has none of them comes out
// as itself. Such chunks (most words of a post, @mentions, hashtags, emoji
// runs, most URLs) are emitted directly, and only the other chunks, joined
// by spaces, go through prose in one call. The result is the same as
// running prose on the whole text (FuzzProseFastPath checks this) at a
// fraction of the cost.
func proseSpans(text string) []span {
	return new(scratch).proseSpans(text)
}

// scratch holds per-call buffers, reused through scratchPool.
type scratch struct {
	spans, fromProse, merged []span
	rest                     []byte
	chunkAt, chunkEnd        []int
	restAt, got              []int
	pieces                   []piece
	bases                    []string
	ents                     []*entry
	infos                    []wordInfo
	metas                    []tokMeta
	toks                     []prose.Token
	proseMemo                map[string][]prose.Token
	repairs                  map[string]repaired
	front                    *[frontSize]frontSlot // see baseEntry
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// proseSpans is proseSpans with reusable buffers; the result is valid until
// the next call.
func (sc *scratch) proseSpans(text string) []span {
	spans := sc.spans[:0]
	rest := sc.rest[:0]         // non-trivial chunks joined by spaces
	chunkAt := sc.chunkAt[:0]   // start of each such chunk in text
	restAt := sc.restAt[:0]     // start of each such chunk in rest
	chunkEnd := sc.chunkEnd[:0] // end of each such chunk in text
	defer func() {
		sc.spans, sc.rest, sc.chunkAt, sc.restAt, sc.chunkEnd = spans, rest, chunkAt, restAt, chunkEnd
	}()
	for i := 0; i < len(text); {
		if sz := spaceAt(text, i); sz > 0 {
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			if c := text[j]; c > ' ' && c < utf8.RuneSelf {
				j++ // printable ASCII: not a space
				continue
			}
			if spaceAt(text, j) != 0 {
				break
			}
			if text[j] < utf8.RuneSelf {
				j++
			} else {
				_, size := utf8.DecodeRuneInString(text[j:])
				j += size
			}
		}
		if proseKeepsWhole(text[i:j]) {
			spans = append(spans, span{text[i:j], i, j})
			i = j
			continue
		}
		// prose peels one character per step and recounts runes each time,
		// so a chunk costs O(n²): cut pathological chunks (far longer than
		// any real word or URL) into pieces of at most maxChunk bytes.
		for i < j {
			k := j
			if k-i > maxChunk {
				k = i + maxChunk
				for k > i && !utf8.RuneStart(text[k]) {
					k--
				}
				if k == i {
					k = i + maxChunk
				}
			}
			if len(rest) > 0 {
				rest = append(rest, ' ')
			}
			chunkAt = append(chunkAt, i)
			chunkEnd = append(chunkEnd, k)
			restAt = append(restAt, len(rest))
			rest = append(rest, text[i:k]...)
			i = k
		}
	}
	if len(chunkAt) == 0 {
		return spans
	}
	rs := string(rest)
	// prose splits at whitespace and then treats every chunk on its own,
	// so its tokens of rest are those of each chunk in turn: they are
	// memoised by chunk (posts repeat "banjir," and "lagi...").
	toks := sc.toks[:0]
	for c := range chunkAt {
		toks = append(toks, sc.proseChunk(text[chunkAt[c]:chunkEnd[c]])...)
	}
	sc.toks = toks
	// locate prose tokens in rest, then map them back to text
	fromProse := sc.fromProse[:0]
	got := sc.got[:0] // tokens per chunk
	for range chunkAt {
		got = append(got, 0)
	}
	sc.got = got
	defer func() { sc.fromProse = fromProse }()
	cur, c := 0, 0
	for _, t := range toks {
		idx := strings.Index(rs[cur:], t.Text)
		if idx < 0 {
			fromProse = append(fromProse, span{t.Text, -1, -1})
			continue
		}
		s := cur + idx
		cur = s + len(t.Text)
		for c+1 < len(restAt) && restAt[c+1] <= s {
			c++
		}
		off := chunkAt[c] + s - restAt[c]
		fromProse = append(fromProse, span{t.Text, off, off + len(t.Text)})
		got[c]++
	}
	// prose drops a chunk that starts with "n't" ("n't0"): keep it whole
	missing := false
	for c, n := range got {
		if n == 0 {
			fromProse = append(fromProse, span{text[chunkAt[c]:chunkEnd[c]], chunkAt[c], chunkEnd[c]})
			missing = true
		}
	}
	if missing {
		sort.SliceStable(fromProse, func(a, b int) bool { return fromProse[a].start < fromProse[b].start })
	}
	fromProse = repairInvalid(text, fromProse)
	// merge: simple spans and prose spans in text order
	out := sc.merged[:0]
	defer func() { sc.merged = out }()
	p := 0
	for _, sp := range spans {
		for p < len(fromProse) && (fromProse[p].start < 0 || fromProse[p].start < sp.start) {
			out = append(out, fromProse[p])
			p++
		}
		out = append(out, sp)
	}
	out = append(out, fromProse[p:]...)
	return out
}

// maxProseMemo bounds a scratch's memo of prose's tokens by chunk.
const maxProseMemo = 8192

// proseChunk returns prose's tokens of one whitespace-free chunk (the
// chunk whole where prose panics on it), memoised.
func (sc *scratch) proseChunk(chunk string) []prose.Token {
	if ct, ok := sc.proseMemo[chunk]; ok {
		return ct
	}
	if sc.proseMemo == nil || len(sc.proseMemo) >= maxProseMemo {
		sc.proseMemo = make(map[string][]prose.Token)
	}
	key := strings.Clone(chunk) // the memo must not keep the post alive
	ct, ok := safeProse(key)
	if !ok {
		ct = []prose.Token{{Text: key}}
	}
	sc.proseMemo[key] = ct
	return ct
}

// safeProse runs prose's tokenizer and recovers from its panics: prose
// slices a chunk with indexes found in its lower-cased copy, which panics
// when lower-casing lengthens a letter ("Ⱥn't").
func safeProse(text string) (toks []prose.Token, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			toks, ok = nil, false
		}
	}()
	doc, err := prose.NewDocument(text, proseOpts...)
	if err != nil {
		return nil, false
	}
	return doc.Tokens(), true
}

// spaceAt returns the byte length of the whitespace rune at text[i], or 0.
func spaceAt(text string, i int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		if c == ' ' || (c >= '\t' && c <= '\r') {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if unicode.IsSpace(r) {
		return size
	}
	return 0
}

// proseKeepsWhole reports whether prose's tokenizer returns chunk (no
// whitespace) as one token: no prefix or suffix character and no
// apostrophe. Chunks longer than maxChunk always go the slow way.
func proseKeepsWhole(chunk string) bool {
	if len(chunk) > maxChunk || strings.IndexByte(chunk, '\'') >= 0 {
		return false
	}
	switch chunk[0] {
	case '$', '(', '"', '[':
		return false
	}
	switch chunk[len(chunk)-1] {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':':
		return false
	}
	return true
}

// repairInvalid works around a prose bug: it finds "n't" and similar in
// the lower-cased chunk but cuts the original, so a letter whose lower case
// has another byte length ("Ɱn't") is cut mid-rune. Every chunk holding a
// token that is not valid UTF-8 (or that could not be located) becomes one
// span.
func repairInvalid(text string, spans []span) []span {
	bad := false
	for _, sp := range spans {
		if sp.start < 0 || !utf8.ValidString(sp.text) {
			bad = true
			break
		}
	}
	if !bad {
		return spans
	}
	out := spans[:0:0]
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		if sp.start >= 0 && utf8.ValidString(sp.text) {
			out = append(out, sp)
			continue
		}
		if sp.start < 0 {
			continue // cannot be placed; its text is covered by its chunk
		}
		// widen to the whitespace-delimited chunk
		a, b := sp.start, sp.end
		for a > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:a])
			if unicode.IsSpace(r) {
				break
			}
			a -= size
		}
		for b < len(text) {
			r, size := utf8.DecodeRuneInString(text[b:])
			if unicode.IsSpace(r) {
				break
			}
			b += size
		}
		for len(out) > 0 && out[len(out)-1].start >= a {
			out = out[:len(out)-1]
		}
		for i+1 < len(spans) && (spans[i+1].start < 0 || spans[i+1].start < b) {
			i++
		}
		out = append(out, span{text[a:b], a, b})
	}
	return out
}

// proseSpansFull runs prose on the whole text (reference for tests).
func proseSpansFull(text string) []span {
	toks, ok := safeProse(text)
	if !ok {
		return nil
	}
	spans := make([]span, 0, len(toks))
	cur := 0
	for _, t := range toks {
		idx := strings.Index(text[cur:], t.Text)
		if idx < 0 {
			spans = append(spans, span{t.Text, -1, -1})
			continue
		}
		s := cur + idx
		spans = append(spans, span{t.Text, s, s + len(t.Text)})
		cur = s + len(t.Text)
	}
	return repairInvalid(text, spans)
}

func adjacent(a, b span) bool { return a.end >= 0 && a.end == b.start }

// split turns prose spans into pieces: URLs, e-mails, mentions, hashtags
// (with their split words), emoji, emoticons, numbers, words, punctuation.
func (lx *lexicon) split(spans []span, out []piece) []piece {
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		// dataset placeholders "[USERNAME]" and "[URL]" (prose splits them)
		if sp.text == "[" && i+2 < len(spans) && spans[i+2].text == "]" && adjacent(sp, spans[i+1]) && adjacent(spans[i+1], spans[i+2]) {
			raw := sp.text + spans[i+1].text + "]"
			switch strings.ToUpper(spans[i+1].text) {
			case "USERNAME", "USER":
				out = append(out, piece{raw: raw, start: sp.start, end: spans[i+2].end, kind: Mention, norm: "@user"})
				i += 2
				continue
			case "URL", "LINK":
				out = append(out, piece{raw: raw, start: sp.start, end: spans[i+2].end, kind: URL, norm: "<url>"})
				i += 2
				continue
			}
		}
		// bare upper-case placeholders of some datasets
		switch sp.text {
		case "USER", "USERNAME":
			out = append(out, piece{raw: sp.text, start: sp.start, end: sp.end, kind: Mention, norm: "@user"})
			continue
		case "URL":
			out = append(out, piece{raw: sp.text, start: sp.start, end: sp.end, kind: URL, norm: "<url>"})
			continue
		}
		// emoticons spread over adjacent prose tokens (":" ")" → ":)")
		if j, n := lx.mergeEmoticon(spans, i); j > i {
			out = append(out, piece{raw: joinSpans(spans[i : j+1]), start: sp.start, end: spans[j].end, kind: Emoji, norm: n})
			i = j
			continue
		}
		out = lx.splitToken(sp.text, sp.start, out)
	}
	return out
}

// mergeEmoticon finds the longest run spans[i..j] (j > i, contiguous) that
// spells an emoticon.
func (lx *lexicon) mergeEmoticon(spans []span, i int) (int, string) {
	if !maybeEmoticon(spans[i].text) {
		return i, ""
	}
	last := i
	length := len(spans[i].text)
	for j := i + 1; j < len(spans) && j <= i+4 && adjacent(spans[j-1], spans[j]); j++ {
		length += len(spans[j].text)
		if length > 12 {
			break
		}
		last = j
	}
	for j := last; j > i; j-- {
		if n, ok := lx.emoticonNorm(joinSpans(spans[i : j+1])); ok {
			return j, n
		}
	}
	return i, ""
}

func joinSpans(ss []span) string {
	if len(ss) == 1 {
		return ss[0].text
	}
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.text)
	}
	return b.String()
}

// maybeEmoticon is a cheap filter: emoticons start with one of these.
func maybeEmoticon(s string) bool {
	return s != "" && strings.IndexByte(":;=()^-T<>xX", s[0]) >= 0
}

// splitToken splits one prose token.
func (lx *lexicon) splitToken(tok string, start int, out []piece) []piece {
	off := func(i int) int {
		if start < 0 {
			return -1
		}
		return start + i
	}
	if tok == "" {
		return out
	}
	// The cheap first-byte filter first: most tokens are not emoticons.
	if maybeEmoticon(tok) {
		if n, ok := lx.emoticonNorm(tok); ok {
			return append(out, piece{raw: tok, start: off(0), end: off(len(tok)), kind: Emoji, norm: n})
		}
	}
	// URLs
	if hasPrefixFold(tok, "http://") || hasPrefixFold(tok, "https://") || hasPrefixFold(tok, "www.") {
		return append(out, piece{raw: tok, start: off(0), end: off(len(tok)), kind: URL, norm: urlNorm(strings.ToLower(tok))})
	}
	if strings.IndexByte(tok, '.') > 0 {
		lower := strings.ToLower(tok)
		if host, ok := bareDomain(lower); ok {
			return append(out, piece{raw: tok, start: off(0), end: off(len(tok)), kind: URL, norm: host})
		}
		if isEmail(lower) {
			return append(out, piece{raw: tok, start: off(0), end: off(len(tok)), kind: URL, norm: "<email>"})
		}
	}
	// @mentions
	if tok[0] == '@' {
		n := handleLen(tok[1:])
		for n > 0 && tok[n] == '.' { // no trailing dots
			n--
		}
		if n > 0 {
			out = append(out, piece{raw: tok[:n+1], start: off(0), end: off(n + 1), kind: Mention, norm: "@" + strings.ToLower(tok[1:n+1])})
			return lx.splitToken(tok[n+1:], offOr(start, n+1), out)
		}
	}
	// #hashtags
	if tok[0] == '#' {
		n := hashtagLen(tok[1:])
		if n > 0 {
			body := tok[1 : n+1]
			out = append(out, piece{raw: tok[:n+1], start: off(0), end: off(n + 1), kind: Hashtag, norm: "#" + strings.ToLower(body)})
			out = lx.splitHashtag(body, offOr(start, 1), out)
			return lx.splitToken(tok[n+1:], offOr(start, n+1), out)
		}
	}
	return lx.splitRuns(tok, start, out)
}

// hasPrefixFold is an ASCII case-insensitive strings.HasPrefix.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if s[i]|0x20 != prefix[i]|0x20 {
			return false
		}
	}
	return true
}

func offOr(start, i int) int {
	if start < 0 {
		return -1
	}
	return start + i
}

// splitRuns splits a plain token into word/number runs, emoji clusters,
// emoticons and punctuation.
func (lx *lexicon) splitRuns(tok string, start int, out []piece) []piece {
	i := 0
	for i < len(tok) {
		r, size := utf8.DecodeRuneInString(tok[i:])
		switch {
		case isWordRune(r):
			j := wordRunEnd(tok, i)
			w := tok[i:j]
			if len(w) > 2 && (w[0]|0x20) == 'r' && (w[1]|0x20) == 'p' && isDigitByte(w[2]) && isNumberLike(w[2:]) {
				// "Rp10.000" → "rp" (rupiah) + "10.000"
				out = append(out, piece{raw: w[:2], start: offOr(start, i), end: offOr(start, i+2), kind: Word})
				i += 2
				continue
			}
			kind := Word
			if isNumberLike(w) {
				kind = Number
			}
			p := piece{raw: w, start: offOr(start, i), end: offOr(start, j), kind: kind}
			if kind == Number {
				p.norm = strings.ToLower(w)
			}
			out = append(out, p)
			i = j
		case isEmojiBase(r):
			n := emojiCluster(tok[i:])
			c := tok[i : i+n]
			out = append(out, piece{raw: c, start: offOr(start, i), end: offOr(start, i+n), kind: Emoji, norm: lx.emojiNorm(c)})
			i += n
		case isEmojiModifier(r) || r == 0x200D || unicode.IsMark(r):
			i += size // orphan modifier: drop
		default:
			if strings.IndexByte(":;=(^-T<>xX", tok[i]) >= 0 {
				if n, norm := lx.emoticonAt(tok[i:]); n > 0 {
					out = append(out, piece{raw: tok[i : i+n], start: offOr(start, i), end: offOr(start, i+n), kind: Emoji, norm: norm})
					i += n
					continue
				}
			}
			out = append(out, piece{raw: tok[i : i+size], start: offOr(start, i), end: offOr(start, i+size), kind: Punct, norm: tok[i : i+size]})
			i += size
		}
	}
	return out
}

// emoticonAt returns the longest emoticon at the start of s that is not
// followed by a letter or digit.
func (lx *lexicon) emoticonAt(s string) (int, string) {
	max := len(s)
	if max > 12 {
		max = 12
	}
	for n := max; n >= 2; n-- {
		if n < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[n:]); isWordRune(r) {
				continue
			}
		}
		if !utf8.ValidString(s[:n]) {
			continue
		}
		if norm, ok := lx.emoticonNorm(s[:n]); ok {
			return n, norm
		}
	}
	return 0, ""
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordRunEnd returns the end of the word starting at i: letters, digits,
// marks, and joiners between them ("kupu-kupu", "jum'at", "10.000",
// "10,5", "b@ngsat"), plus a trailing "%" after a digit.
func wordRunEnd(tok string, i int) int {
	prev := rune(-1)
	for i < len(tok) {
		// Fast path: ASCII letters and digits are word runes.
		if c := tok[i]; c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(tok[i:])
		switch {
		case isWordRune(r) || (unicode.IsMark(r) && prev >= 0):
			prev = r
			i += size
			continue
		case r == '%' && unicode.IsDigit(prev):
			return i + size
		case r == '-' || r == '\'' || r == '.' || r == ',' || r == '@' || r == '_':
			next, _ := utf8.DecodeRuneInString(tok[i+size:])
			if i+size >= len(tok) {
				return i
			}
			ok := false
			switch r {
			case '-', '\'', '_':
				ok = isWordRune(prev) && isWordRune(next)
			case '.', ',':
				ok = unicode.IsDigit(prev) && unicode.IsDigit(next)
			case '@':
				ok = unicode.IsLetter(prev) && unicode.IsLetter(next)
			}
			if !ok {
				return i
			}
			prev = r
			i += size
			continue
		}
		return i
	}
	return i
}

// isNumberLike reports digits with separators and an optional short unit
// suffix ("2024", "10.000", "10,5%", "10rb", "2x", "1990an").
func isNumberLike(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	i := 0
	for i < len(w) && (isDigitByte(w[i]) || w[i] == '.' || w[i] == ',') {
		i++
	}
	rest := w[i:]
	if rest == "" || rest == "%" {
		return true
	}
	if len(rest) > 5 {
		return false
	}
	for j := 0; j < len(rest); j++ {
		c := rest[j] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// handleLen is the length of an @handle body (letters, digits, _ and .).
func handleLen(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(isWordRune(r) || r == '_' || r == '.') {
			break
		}
		i += size
	}
	return i
}

// hashtagLen is the length of a hashtag body (letters, digits, _).
func hashtagLen(s string) int {
	i := 0
	letter := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(isWordRune(r) || r == '_') {
			break
		}
		if unicode.IsLetter(r) {
			letter = true
		}
		i += size
	}
	if !letter {
		return 0 // "#1" is not a hashtag
	}
	return i
}

// urlNorm returns the host of a URL without "www.", or "<url>".
func urlNorm(lower string) string {
	s := lower
	if k := strings.Index(s, "://"); k >= 0 {
		s = s[k+3:]
	}
	if k := strings.IndexAny(s, "/?#"); k >= 0 {
		s = s[:k]
	}
	if k := strings.LastIndexByte(s, '@'); k >= 0 {
		s = s[k+1:]
	}
	if k := strings.IndexByte(s, ':'); k >= 0 {
		s = s[:k]
	}
	s = strings.TrimPrefix(s, "www.")
	s = strings.Trim(s, ".")
	if s == "" {
		return "<url>"
	}
	return s
}

var tlds = map[string]bool{
	"com": true, "id": true, "net": true, "org": true, "co": true, "io": true, "info": true,
	"ly": true, "gl": true, "be": true, "tv": true, "me": true, "xyz": true, "app": true,
	"dev": true, "news": true, "link": true, "site": true, "online": true, "biz": true,
	"gov": true, "edu": true, "my": true, "sg": true,
}

// bareDomain recognises "samarindakota.go.id" or "bit.ly/abc" without a scheme.
func bareDomain(lower string) (string, bool) {
	if strings.IndexByte(lower, '.') < 0 || strings.IndexByte(lower, '@') >= 0 {
		return "", false
	}
	host := lower
	if k := strings.IndexAny(host, "/?#"); k >= 0 {
		host = host[:k]
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 || !tlds[labels[len(labels)-1]] {
		return "", false
	}
	for _, l := range labels {
		if l == "" {
			return "", false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return "", false
			}
		}
	}
	if len(labels[0]) < 2 {
		return "", false
	}
	return strings.TrimPrefix(host, "www."), true
}

// isEmail reports user@host.tld.
func isEmail(lower string) bool {
	at := strings.IndexByte(lower, '@')
	if at <= 0 {
		return false
	}
	_, ok := bareDomain(lower[at+1:])
	return ok
}
