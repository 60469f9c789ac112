package normalize

import "strings"

// Text normalises s into a Doc.
//
// TODO(normaliser owner): this is the placeholder tokenizer; the real one
// uses prose v2's tokenizer plus slang, Banjar, elongation, leetspeak,
// reduplication, hashtag splitting and negation scope.
func Text(s string) *Doc {
	d := &Doc{Raw: s}
	for _, f := range strings.Fields(strings.ToLower(s)) {
		k := Word
		switch {
		case strings.HasPrefix(f, "#"):
			k = Hashtag
		case strings.HasPrefix(f, "@"):
			k = Mention
		case strings.HasPrefix(f, "http"):
			k = URL
		}
		d.Tokens = append(d.Tokens, Token{Norm: f, Raw: f, Kind: k})
	}
	return d
}
