package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// pseudonymRef is Pseudonym as it was before the HMAC was pooled (a new
// keyed HMAC and strings.ToLower on every call): the pooled one must give
// exactly the same pseudonyms, or stored citizens would change names.
func pseudonymRef(key []byte, source, value string) string {
	if value == "" {
		return ""
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(source))
	mac.Write([]byte{0})
	mac.Write([]byte(strings.ToLower(value)))
	return "warga-" + hex.EncodeToString(mac.Sum(nil)[:6])
}

func TestPseudonymMatchesReference(t *testing.T) {
	const key = "k3y"
	p := NewPseudonymizer(key)
	q := p.WithPublicAccounts(func(string, string) bool { return false }) // shares the pool
	cases := [][2]string{
		{"x", "budi_smd"}, {"x", "Budi_SMD"}, {"facebook", "1234567890"}, {"", "a"},
		{"x", ""}, {"tiktok", "ÇAĞLAR"}, {"x", "İstanbul"}, {"x", "mixed_ASCII_then_Ünïcode"},
		{"youtube", "UCxyz-ABC_123"}, {"x", "\xff\xfeinvalid"}, {"x", "ẞig"},
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcXYZ_09.-@éÉİıßẞ 🙂")
	for range 2000 {
		n := r.IntN(24)
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, [2]string{[]string{"x", "facebook", "instagram"}[r.IntN(3)], b.String()})
	}
	for _, c := range cases {
		want := pseudonymRef([]byte(key), c[0], c[1])
		for _, pp := range []*Pseudonymizer{p, q} {
			if got := pp.Pseudonym(c[0], c[1]); got != want {
				t.Fatalf("Pseudonym(%q, %q) = %q, want %q", c[0], c[1], got, want)
			}
		}
	}
	// Concurrent callers each take their own HMAC from the pool.
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i, c := range cases {
				if i%4 != w {
					continue
				}
				if got, want := p.Pseudonym(c[0], c[1]), pseudonymRef([]byte(key), c[0], c[1]); got != want {
					t.Errorf("concurrent Pseudonym(%q, %q) = %q, want %q", c[0], c[1], got, want)
				}
			}
		})
	}
	wg.Wait()
}

func FuzzPseudonym(f *testing.F) {
	f.Add("x", "Budi_SMD")
	f.Add("facebook", "İstanbul")
	f.Add("", "\xff")
	p := NewPseudonymizer("fuzz-key")
	f.Fuzz(func(t *testing.T, source, value string) {
		if got, want := p.Pseudonym(source, value), pseudonymRef([]byte("fuzz-key"), source, value); got != want {
			t.Fatalf("Pseudonym(%q, %q) = %q, want %q", source, value, got, want)
		}
	})
}

// BenchmarkPseudonym measures one pseudonym of a typical handle, pooled
// against the reference (a new HMAC each call).
func BenchmarkPseudonym(b *testing.B) {
	p := NewPseudonymizer("bench")
	b.Run("pooled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p.Pseudonym("x", "Budi_Samarinda99")
		}
	})
	b.Run("reference", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pseudonymRef([]byte("bench"), "x", "Budi_Samarinda99")
		}
	})
}
