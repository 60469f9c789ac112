package normalize

// negators open a negation scope (after slang/Banjar mapping: "gak",
// "kada" → "tidak"; "kadada" → "tidak ada").
var negators = map[string]bool{
	"tidak": true, "tak": true, "bukan": true, "belum": true, "jangan": true, "tiada": true,
}

// notNegating words right after a negator cancel the scope: "bukan main"
// (intensifier), "tidak hanya"/"bukan hanya"/"tidak sekadar" (additive).
var notNegating = map[string]bool{
	"main": true, "hanya": true, "sekadar": true, "sekedar": true, "saja": true, "cuma": true,
}

// scopeBreakers end a negation scope: contrast conjunctions and clause
// starters.
var scopeBreakers = map[string]bool{
	"tapi": true, "tetapi": true, "namun": true, "melainkan": true, "sedangkan": true,
	"padahal": true, "walaupun": true, "meskipun": true, "sehingga": true, "karena": true,
	"tagal": true, "dan": true, "atau": true, "serta": true,
}

// functionWords are inside a scope but do not count toward its three
// content words ("tidak terlalu buruk": terlalu and buruk are negated).
var functionWords = map[string]bool{
	"yang": true, "itu": true, "ini": true, "ada": true, "akan": true, "sangat": true, "terlalu": true,
	"begitu": true, "lagi": true, "pernah": true, "juga": true, "sih": true, "kok": true, "deh": true,
	"dong": true, "kan": true, "ya": true, "lah": true, "pun": true, "banget": true, "sekali": true,
	"terlalu banyak": true, "mau": true, "bisa": true, "boleh": true, "perlu": true, "usah": true,
	"harus": true, "sudah": true, "masih": true, "lebih": true, "kurang": true, "agak": true,
	"cukup": true, "amat": true, "benar": true, "betul": true, "pang": true, "ai": true, "jua": true,
	"saya": true, "aku": true, "kamu": true, "anda": true, "dia": true, "kami": true, "kita": true,
	"mereka": true, "di": true, "ke": true, "dari": true, "pada": true, "untuk": true, "dengan": true,
	"se": true, "nya": true, "the": true,
}

// Negation roles of a word (one lookup, kept in its lexicon entry).
const (
	roleNegator uint8 = 1 << iota
	roleBreaker
	roleFunction
)

// negRoleOf is the negation roles of w from the role sets.
func negRoleOf(w string) uint8 {
	var r uint8
	if negators[w] {
		r |= roleNegator
	}
	if scopeBreakers[w] {
		r |= roleBreaker
	}
	if functionWords[w] {
		r |= roleFunction
	}
	return r
}

// scopeWords is the number of content words a negation covers.
const scopeWords = 3

// markNegation sets Negated on tokens in the scope of a negator: up to the
// next punctuation, emoji, URL, mention or hashtag, a contrast conjunction,
// another negator, or three content words.
// metas[i].role is the negation roles of toks[i].Norm.
func markNegation(toks []Token, metas []tokMeta) {
	role := func(i int) uint8 { return metas[i].role }
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != Word || role(i)&roleNegator == 0 {
			continue
		}
		// "tidak tidak" / "bukan main" / "tidak hanya"
		next := i + 1
		if next < len(toks) && toks[next].Kind == Word && notNegating[toks[next].Norm] {
			i = next
			continue
		}
		content := 0
		j := i + 1
		for ; j < len(toks) && content < scopeWords; j++ {
			u := &toks[j]
			if u.Kind != Word || u.FromHashtag {
				break
			}
			r := role(j)
			if r&(roleNegator|roleBreaker) != 0 {
				break
			}
			u.Negated = true
			if r&roleFunction == 0 {
				content++
			}
		}
		i = j - 1
	}
}
