package normalize

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// isEmojiBase reports code points that start an emoji (pictographs,
// dingbats, symbols, regional indicators).
func isEmojiBase(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF:
		return !isSkinTone(r)
	case r >= 0x2600 && r <= 0x27BF,
		r >= 0x2B00 && r <= 0x2BFF,
		r >= 0x2300 && r <= 0x23FF,
		r >= 0x25A0 && r <= 0x25FF:
		return true
	}
	switch r {
	case 0x203C, 0x2049, 0x2139, 0x24C2, 0x2934, 0x2935, 0x3030, 0x303D, 0x3297, 0x3299:
		return true
	}
	return false
}

func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// isEmojiModifier reports code points that only modify a preceding emoji.
func isEmojiModifier(r rune) bool {
	return r == 0xFE0F || r == 0xFE0E || r == 0x20E3 || isSkinTone(r) || (r >= 0xE0020 && r <= 0xE007F)
}

// isEmojiPart reports any code point that belongs to an emoji sequence.
func isEmojiPart(r rune) bool {
	return isEmojiBase(r) || isEmojiModifier(r) || r == 0x200D
}

// isEmojiRuneString reports whether s starts with an emoji base.
func isEmojiRuneString(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isEmojiBase(r)
}

// emojiCluster returns the byte length of the emoji sequence at the start of
// s (base, modifiers, ZWJ-joined parts, or a regional-indicator pair).
func emojiCluster(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if !isEmojiBase(r) {
		return 0
	}
	i := n
	if isRegional(r) {
		if r2, n2 := utf8.DecodeRuneInString(s[i:]); isRegional(r2) {
			return i + n2
		}
		return i
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isEmojiModifier(r):
			i += n
		case r == 0x200D:
			r2, n2 := utf8.DecodeRuneInString(s[i+n:])
			if !isEmojiBase(r2) {
				return i + n // keep the dangling joiner inside the cluster
			}
			i += n + n2
		default:
			return i
		}
	}
	return i
}

// emojiKey strips variation selectors and skin tones.
func emojiKey(s string) string {
	clean := true
	for _, r := range s {
		if r == 0xFE0F || r == 0xFE0E || isSkinTone(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == 0xFE0F || r == 0xFE0E || isSkinTone(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// emojiNorm maps an emoji cluster to its canonical token.
func (lx *lexicon) emojiNorm(cluster string) string {
	key := emojiKey(cluster)
	if n, ok := lx.emoji[key]; ok {
		return n
	}
	first, size := utf8.DecodeRuneInString(key)
	if isRegional(first) {
		return "emo_bendera"
	}
	if n, ok := lx.emoji[key[:size]]; ok {
		return n
	}
	return "emo_u" + strconv.FormatInt(int64(first), 16)
}

// emoticonNorm maps an ASCII emoticon (possibly elongated, ":)))") to its
// canonical token.
func (lx *lexicon) emoticonNorm(s string) (string, bool) {
	if len(s) < 2 || len(s) > 12 {
		return "", false
	}
	if n, ok := lx.emoticon[s]; ok {
		return n, true
	}
	// collapse repeated characters: ":)))" → ":)", ":DDD" → ":D"
	var b [16]byte
	k := 0
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		b[k] = s[i]
		k++
	}
	if k == len(s) {
		return "", false
	}
	n, ok := lx.emoticon[string(b[:k])]
	return n, ok
}
