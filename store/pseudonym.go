package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"

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
}

// NewPseudonymizer uses key; an empty key falls back to a fixed development
// key, which the caller should warn about outside development.
func NewPseudonymizer(key string) *Pseudonymizer {
	if key == "" {
		key = "dengar-development-key-not-secret"
	}
	return &Pseudonymizer{key: []byte(key)}
}

// PseudonymizerFromEnv reads the key from DENGAR_PSEUDONYM_KEY. ok is false
// when the variable is unset (the development key is then used).
func PseudonymizerFromEnv() (p *Pseudonymizer, ok bool) {
	k := os.Getenv(PseudonymKeyEnv)
	return NewPseudonymizer(k), k != ""
}

// Pseudonym returns the stable pseudonym of value within source.
func (p *Pseudonymizer) Pseudonym(source, value string) string {
	if value == "" {
		return ""
	}
	mac := hmac.New(sha256.New, p.key)
	mac.Write([]byte(source))
	mac.Write([]byte{0})
	mac.Write([]byte(strings.ToLower(value)))
	return "warga-" + hex.EncodeToString(mac.Sum(nil)[:6])
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
