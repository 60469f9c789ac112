package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// The frames and context regexps read the post as written, so a greeting
// typed "Slamat ulang tahun … smoga mnang telak" or a notice with "utk",
// "yg", "jgn", "bpk" slipped past every lexical frame (issue 26, round 12:
// the independent sets J and K). The regexps now read a spelled-out copy:
// each word the normaliser rewrote from its slang lexicon (sdh → sudah,
// yg → yang), and each word written without its vowels that spellOut
// lists (mnang → menang), is replaced by its full form. Banjar words and
// words inside hashtags are left as written: the frames read Banjar
// forms themselves, and hashtags are matched whole.

// spellOut lists common vowel-dropped and regional spellings of the words
// the frames read, which the normaliser's slang lexicon does not know.
var spellOut = map[string]string{
	"smg": "semoga", "mg": "semoga",
	"mnang": "menang", "mnng": "menang", "menag": "menang",
	"slamat": "selamat", "salamat": "selamat", "slmt": "selamat", "selamt": "selamat",
	"baulang": "ulang",
	"sllu":    "selalu", "slalu": "selalu", "sllau": "selalu",
	"prnah": "pernah", "slama": "selama", "trus": "terus",
	"mnjadi": "menjadi", "mnjd": "menjadi", "jdi": "jadi",
	"dkung": "dukung", "dkg": "dukung", "pilh": "pilih", "plih": "pilih",
	"kmenangan": "kemenangan", "kemenagan": "kemenangan",
	"smpai": "sampai", "sampe": "sampai", "ampe": "sampai",
}

// spellFilter is a one-hash Bloom filter of spellOut's words (spellBit),
// so most words skip the map. A filter of first letters and lengths let
// every common word of five letters starting with s, m or p through: the
// map look-ups were most of spelled's time.
var spellFilter = func() (f [spellFilterBits / 64]uint64) {
	for w := range spellOut {
		b := spellBit(w)
		f[b>>6] |= 1 << (b & 63)
	}
	return f
}()

// spellFilterBits is the size of spellFilter: with some thirty words, one
// word in a hundred or so gets past it.
const spellFilterBits = 4096

// spellBit hashes w's length and its first, middle and last bytes to a
// bit of spellFilter; w is not empty.
func spellBit(w string) uint32 {
	n := len(w)
	h := uint32(n)*0x9e3779b1 ^ uint32(w[0])<<16 ^ uint32(w[n-1])<<8 ^ uint32(w[n/2])
	return (h * 0x85ebca6b) >> (32 - 12)
}

// maybeSpelled reports whether w can be a word of spellOut.
func maybeSpelled(w string) bool {
	if w == "" {
		return false
	}
	b := spellBit(w)
	return spellFilter[b>>6]&(1<<(b&63)) != 0
}

// spelling is one word spelled out: its full form and the form written.
type spelling struct{ full, raw string }

// spelled returns d.Raw with its short and misspelled words spelled out,
// or d.Raw itself when none is (most posts: no copy is made); each word
// spelled out is appended to *out, so that cues can show the words as
// written (asWritten).
func spelled(d *normalize.Doc, out *[]spelling) string {
	raw := d.Raw
	var b strings.Builder
	cur, done := 0, 0 // cur: where to look for the next token; done: raw copied up to here
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != normalize.Word || t.FromHashtag || t.Banjar || t.Raw == "" {
			continue
		}
		full := ""
		if maybeSpelled(t.Norm) {
			full = spellOut[t.Norm]
		}
		if full == "" {
			// Most words are written as the normaliser reads them: the
			// plain comparison spares EqualFold.
			if t.Norm == t.Raw || strings.EqualFold(t.Norm, t.Raw) || !slangForm(t) {
				continue
			}
			full = t.Norm
		}
		at := rawWordAt(raw, t.Raw, cur)
		if at < 0 {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(raw) + 16)
		}
		b.WriteString(raw[done:at])
		if r, _ := utf8.DecodeRuneInString(t.Raw); unicode.IsUpper(r) && full != "" && full[0] >= 'a' && full[0] <= 'z' {
			b.WriteByte(full[0] - 'a' + 'A')
			b.WriteString(full[1:])
		} else {
			b.WriteString(full)
		}
		done = at + len(t.Raw)
		cur = done
		*out = append(*out, spelling{full: b.String()[b.Len()-len(full):], raw: t.Raw})
	}
	if done == 0 {
		return raw
	}
	b.WriteString(raw[done:])
	return b.String()
}

// slangForm reports whether the normaliser's word for t is t written in
// full: t keeps the first letter and drops only letters ("yg" → "yang",
// "sdh" → "sudah", "smoga" → "semoga"). Other rewrites are left as
// written, for the frames read them already: forms of address ("pak" →
// "bapak"), colloquial verbs ("nonton" → "menonton"), negations ("gak" →
// "tidak"), reduplications ("anak2") and stressed letters ("bagusss").
func slangForm(t *normalize.Token) bool {
	raw, full := t.Raw, t.Norm
	if len(raw) >= len(full) || len(raw) == 0 || lowerASCII(raw[0]) != full[0] {
		return false
	}
	j := 0
	for i := 0; i < len(raw); i++ {
		c := lowerASCII(raw[i])
		if c < 'a' || c > 'z' {
			return false
		}
		for j < len(full) && full[j] != c {
			j++
		}
		if j == len(full) {
			return false
		}
		j++
	}
	return true
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// rawWordAt is the byte offset of w as a whole word in raw at or after from,
// or -1.
func rawWordAt(raw, w string, from int) int {
	for from <= len(raw) {
		i := strings.Index(raw[from:], w)
		if i < 0 {
			return -1
		}
		at := from + i
		end := at + len(w)
		before, _ := utf8.DecodeLastRuneInString(raw[:at])
		after, _ := utf8.DecodeRuneInString(raw[end:])
		if (at == 0 || !isWordRune(before)) && (end == len(raw) || !isWordRune(after)) {
			return at
		}
		from = at + 1
	}
	return -1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asWritten maps a cue's text, read on the spelled-out copy, back to the
// post's words as written ("Selamat … menang" → "Slamat … mnang"): the
// cue is evidence an auditor finds in the post.
func asWritten(text string, sp []spelling) string {
	for _, s := range sp {
		if at := rawWordAt(text, s.full, 0); at >= 0 {
			text = text[:at] + s.raw + text[at+len(s.full):]
		}
	}
	return text
}
