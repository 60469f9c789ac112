package stopwords

import (
	"sort"
	"testing"
)

func TestStopwords(t *testing.T) {
	for _, w := range []string{"yang", "kada", "the", "https", "samarinda", "warga", "tersebut"} {
		if !Is(w) {
			t.Errorf("%q is not a stop word", w)
		}
	}
	for _, w := range []string{"banjir", "probebaya", "drainase", "Yang", ""} {
		if Is(w) {
			t.Errorf("%q is a stop word", w)
		}
	}
	ws := Words()
	if !sort.StringsAreSorted(ws) || len(ws) < 200 {
		t.Errorf("Words: %d words, sorted %v", len(ws), sort.StringsAreSorted(ws))
	}
}
