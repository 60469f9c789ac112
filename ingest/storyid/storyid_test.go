package storyid_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest/storyid"
)

const wire = `SAMARINDA - Pemerintah Kota Samarinda menyalurkan dana Program Pemberdayaan Berbasis Masyarakat (Probebaya) tahap kedua kepada 1.992 RT pada Senin. Wali Kota mengatakan dana sebesar Rp100 juta per RT itu digunakan untuk pembangunan infrastruktur lingkungan, pemberdayaan ekonomi dan kegiatan sosial warga. Penyaluran dilakukan secara bertahap melalui kelurahan dan diawasi inspektorat.`

func TestNearDuplicatesShareStory(t *testing.T) {
	t0 := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	ix := storyid.NewIndex(48 * time.Hour)
	a := ix.Assign(wire, t0)
	if a == "" {
		t.Fatal("no story id for a long text")
	}
	for _, tc := range []struct {
		name string
		text string
		same bool
	}{
		{"identical", wire, true},
		{"punctuation and case", strings.ToUpper(strings.ReplaceAll(wire, ",", " ")), true},
		{"outlet prefix changed", strings.Replace(wire, "SAMARINDA -", "KALTIMPOST.ID, SAMARINDA -", 1), true},
		{"different story", "Banjir kembali merendam kawasan Sempaja dan Air Hitam setelah hujan deras mengguyur Samarinda sejak dini hari, warga meminta drainase segera diperbaiki oleh dinas terkait.", false},
	} {
		got := ix.Assign(tc.text, t0.Add(time.Hour))
		if (got == a) != tc.same {
			fp1, _ := storyid.Fingerprint(wire)
			fp2, _ := storyid.Fingerprint(tc.text)
			t.Errorf("%s: story %s vs %s (distance %d), want same=%v", tc.name, got, a, storyid.Distance(fp1, fp2), tc.same)
		}
	}
	if ix.Assign("terlalu pendek", t0) != "" {
		t.Error("short text got a story id")
	}
	// after the window the wire story is forgotten: a re-run starts a new cluster with the same fingerprint id
	later := ix.Assign(wire, t0.Add(72*time.Hour))
	if later == "" || ix.Len() != 1 {
		t.Errorf("eviction: id %q, %d remembered", later, ix.Len())
	}
}

func TestDistance(t *testing.T) {
	if storyid.Distance(0, 0) != 0 || storyid.Distance(0, 7) != 3 || storyid.Distance(^uint64(0), 0) != 64 {
		t.Fatal("hamming distance wrong")
	}
}

// BenchmarkAssign measures a realistic stream: mostly distinct articles
// (random 60-word texts over a 3,000-word vocabulary), every tenth a
// republished copy of an earlier one, against an index of 50,000.
func BenchmarkAssign(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("kata%d", i)
	}
	texts := make([]string, 50_000)
	for i := range texts {
		ws := make([]string, 60)
		for j := range ws {
			ws[j] = vocab[r.Intn(len(vocab))]
		}
		texts[i] = strings.Join(ws, " ")
	}
	ix := storyid.NewIndex(time.Hour)
	t0 := time.Now()
	for _, s := range texts {
		ix.Assign(s, t0)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := texts[r.Intn(len(texts))]
		if i%10 != 0 {
			s = s + " " + vocab[i%len(vocab)] // a new article variant
		}
		ix.Assign(s, t0)
	}
}

func FuzzFingerprint(f *testing.F) {
	f.Add(wire)
	f.Add("")
	f.Add("a b c d e f g h i j k l m")
	f.Fuzz(func(t *testing.T, s string) {
		fp, ok := storyid.Fingerprint(s)
		fp2, ok2 := storyid.Fingerprint(s)
		if fp != fp2 || ok != ok2 {
			t.Fatal("fingerprint not deterministic")
		}
	})
}

func TestShortSummaries(t *testing.T) {
	w := "Pemerintah Kota Samarinda menyalurkan dana Probebaya tahap kedua kepada seluruh RT pada Senin pagi menurut keterangan resmi dinas terkait"
	for _, tc := range []struct {
		text string
		same bool
	}{
		{"KALTIMPOST - " + w, true},
		{w + " (ant)", true},
		{"Pemerintah Kota Balikpapan menyalurkan dana bantuan tahap kedua kepada seluruh RT pada Senin pagi menurut keterangan resmi dinas terkait", false},
		{"Warga Samarinda mengeluhkan dana Probebaya tahap kedua yang belum cair di beberapa RT menurut keterangan ketua RT setempat Senin", false},
	} {
		ix := storyid.NewIndex(time.Hour)
		a := ix.Assign(w, time.Now())
		if b := ix.Assign(tc.text, time.Now()); (a == b) != tc.same {
			t.Errorf("%.50q: same=%v, want %v", tc.text, a == b, tc.same)
		}
	}
}

func TestLongArticles(t *testing.T) {
	long := strings.Repeat(wire+" ", 3) // ~150 words: 3-word shingles
	ix := storyid.NewIndex(time.Hour)
	a := ix.Assign(long, time.Now())
	if b := ix.Assign("ANTARA - "+long, time.Now()); a != b {
		t.Errorf("long article with a dateline not matched")
	}
	other := strings.Repeat("Banjir kembali merendam kawasan Sempaja dan Air Hitam setelah hujan deras mengguyur kota sejak dini hari ", 8)
	if b := ix.Assign(other, time.Now()); a == b {
		t.Errorf("different long article matched")
	}
}

func BenchmarkFingerprint(b *testing.B) {
	for i := 0; i < b.N; i++ {
		storyid.Fingerprint(wire)
	}
}
