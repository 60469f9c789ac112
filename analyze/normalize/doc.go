// Package normalize turns Indonesian social-media text (slang, Banjar,
// elongations, leetspeak, emoji, hashtags, reduplication) into a Doc of
// normalised tokens that every tagger and the watch-query matcher share, so
// that a mention is normalised once.
package normalize

// Kind says what a token is.
type Kind uint8

// Token kinds.
const (
	Word Kind = iota
	Number
	Hashtag // the hashtag itself ("#probebaya"); its split words follow as Word tokens
	Mention // @handle
	URL
	Emoji
	Punct
)

// Token is one normalised unit of text.
type Token struct {
	// Norm is the normalised, lower-cased form used by models and matchers
	// ("gak" → "tidak", "bagusss" → "bagus", "anak2" → "anak-anak").
	Norm string
	// Raw is the text as written.
	Raw string
	// Kind says what the token is.
	Kind Kind
	// Negated is true when the token lies in the scope of a negation
	// ("tidak buruk": buruk is negated).
	Negated bool
	// FromHashtag is true for words split out of a hashtag.
	FromHashtag bool
	// Banjar is true when Norm came from the Banjar → Indonesian lexicon
	// ("kada" → "tidak").
	Banjar bool
	// Stem is the root of a Word token's Norm ("pembangunan" → "bangun",
	// "anak-anak" → "anak"; Norm itself when no root is found); empty for
	// other kinds and when stemming is off (WithStems(false)).
	Stem string
}

// Doc is a normalised text.
type Doc struct {
	// Raw is the original text.
	Raw string
	// Tokens in order of appearance.
	Tokens []Token
	// BanjarCues counts words that are strong signs of Banjar ("kada",
	// "ulun", "pian", "bubuhan", "wayah ini"); see Lang.
	BanjarCues int

	nwords int  // words outside hashtags, for Lang
	forced bool // AssumeBanjar was given
}
