package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dengar-id/dengar/mention"
)

// PseudonymKeyEnv names the environment variable holding the key for
// pseudonymising citizen authors.
const PseudonymKeyEnv = "DENGAR_PSEUDONYM_KEY"

// Pseudonymizer replaces citizen author ids and handles by a keyed hash, so
// that the same citizen keeps one pseudonym (for counting and buzzer
// analysis) while nobody without the key can recover who it is.
// Government, media and public-admin accounts stay named: they are public
// institutions and their accountability is the point.
type Pseudonymizer struct {
	key    []byte
	public PublicAccounts // registered accounts whose @handles stay named
	// macs holds *pseudoMAC keyed with key. A keyed HMAC that is Reset
	// restores its hashed key pads instead of hashing them again, and
	// hmac.New allocated and hashed them on every call (about half the
	// CPU of Pseudonym in the sink's profile). A pointer, so that
	// WithPublicAccounts's copies share it.
	macs *sync.Pool
}

// pseudoMAC is one reusable HMAC with its message and sum buffers.
type pseudoMAC struct {
	h   hash.Hash
	msg []byte
	sum []byte
}

// NewPseudonymizer uses key; an empty key falls back to a fixed development
// key, which the caller should warn about outside development.
func NewPseudonymizer(key string) *Pseudonymizer {
	if key == "" {
		key = "dengar-development-key-not-secret"
	}
	k := []byte(key)
	return &Pseudonymizer{key: k, macs: &sync.Pool{New: func() any {
		return &pseudoMAC{h: hmac.New(sha256.New, k)}
	}}}
}

// PseudonymizerFromEnv reads the key from DENGAR_PSEUDONYM_KEY. ok is false
// when the variable is unset (the development key is then used).
func PseudonymizerFromEnv() (p *Pseudonymizer, ok bool) {
	k := os.Getenv(PseudonymKeyEnv)
	return NewPseudonymizer(k), k != ""
}

// Pseudonym returns the stable pseudonym of value within source: "warga-"
// and the first 6 bytes, in hex, of HMAC-SHA256(key, source, 0, lower(value)).
func (p *Pseudonymizer) Pseudonym(source, value string) string {
	if value == "" {
		return ""
	}
	mm := p.macs.Get().(*pseudoMAC)
	defer p.macs.Put(mm)
	mm.h.Reset()
	mm.msg = append(mm.msg[:0], source...)
	mm.msg = append(mm.msg, 0)
	mm.msg = appendLower(mm.msg, value)
	mm.h.Write(mm.msg)
	mm.sum = mm.h.Sum(mm.sum[:0])
	var out [len(pseudonymPrefix) + 12]byte
	copy(out[:], pseudonymPrefix)
	hex.Encode(out[len(pseudonymPrefix):], mm.sum[:6])
	return string(out[:])
}

const pseudonymPrefix = "warga-"

// appendLower appends strings.ToLower(s) to b, without the intermediate
// string when s is ASCII (handles and ids nearly always are).
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// Apply pseudonymises a's identity in place when a is not a named
// institutional account. Names are dropped; the pseudonym stands for all.
func (p *Pseudonymizer) Apply(source string, a *mention.Author) {
	if !pseudonymised(a.Kind) {
		return
	}
	ps := p.Pseudonym(source, authorKey(*a))
	a.ID = ps
	a.Handle = ps
	a.Name = ""
	a.Description = ""
}

// authorKey is what an author's pseudonym is derived from: the platform id,
// else the handle.
func authorKey(a mention.Author) string {
	if a.ID != "" {
		return a.ID
	}
	return a.Handle
}
