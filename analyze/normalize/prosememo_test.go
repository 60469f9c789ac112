package normalize

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestProseMemo checks that prose's tokens memoised by chunk give the
// spans prose gives on the whole text, on a cold and on a warm memo, with
// chunks repeated inside a post and across posts.
func TestProseMemo(t *testing.T) {
	texts := append(append([]string{}, fuzzSeeds...), benchPosts...)
	texts = append(texts,
		"banjir, banjir, banjir lagi... (lagi) \"lagi\" [lagi] $100 $100",
		"they'll we'll Don't don't n't0 n't0 U.S. U.S. Mr. Mr.",
		strings.Repeat("Ⱥn't bagus! ", 3),
	)
	sc := new(scratch)
	for round := 0; round < 2; round++ {
		for _, s := range texts {
			text := prepare(s)
			if longestChunk(text) > maxChunk {
				continue
			}
			got := slices.Clone(sc.proseSpans(text))
			if fresh := proseSpans(text); !slices.Equal(got, fresh) {
				t.Fatalf("round %d, %q: memo %v, fresh %v", round, text, got, fresh)
			}
			full := proseSpansFull(text)
			if full == nil || !lossless(text, full) {
				continue
			}
			if !slices.Equal(got, full) {
				t.Fatalf("round %d, %q: memo %v, prose %v", round, text, got, full)
			}
		}
	}
}

// TestProseMemoBounded checks that the memo is emptied when full.
func TestProseMemoBounded(t *testing.T) {
	sc := new(scratch)
	for i := 0; i < maxProseMemo+10; i++ {
		sc.proseChunk("(x" + strconv.Itoa(i) + ",") // all distinct
	}
	if n := len(sc.proseMemo); n > maxProseMemo {
		t.Fatalf("memo holds %d chunks, want at most %d", n, maxProseMemo)
	}
}
