package mention

import (
	"hash/fnv"
	"testing"
)

func TestSimHash(t *testing.T) {
	// One feature: the fingerprint is its FNV-1a hash (every bit voted
	// once, for or against).
	h := fnv.New64a()
	h.Write([]byte("banjir sempaja"))
	if got, want := SimHash([]string{"banjir sempaja"}), h.Sum64(); got != want {
		t.Errorf("SimHash of one feature = %x, want its FNV-1a %x", got, want)
	}
	if SimHash(nil) != 0 {
		t.Error("SimHash of no features is not 0")
	}
	a := []string{"jalan", "rusak", "di", "sempaja", "sudah", "tiga", "bulan", "tidak", "diperbaiki", "pemkot"}
	b := append(append([]string(nil), a[:9]...), "dinas")
	c := []string{"pasar", "pagi", "ramai", "pembeli", "harga", "cabai", "naik", "lagi", "minggu", "ini"}
	near, far := HammingDistance(SimHash(a), SimHash(b)), HammingDistance(SimHash(a), SimHash(c))
	if near >= far || near > 16 {
		t.Errorf("one word changed: distance %d; another text: %d", near, far)
	}
	for _, tc := range []struct {
		a, b uint64
		d    int
	}{{0, 0, 0}, {0, 7, 3}, {^uint64(0), 0, 64}} {
		if got := HammingDistance(tc.a, tc.b); got != tc.d {
			t.Errorf("HammingDistance(%x, %x) = %d, want %d", tc.a, tc.b, got, tc.d)
		}
	}
}
