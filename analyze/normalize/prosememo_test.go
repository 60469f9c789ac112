package normalize

import (
	"slices"
	"strconv"
	"strings"
	"sync"
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

// TestTextConcurrentMemos checks that the memos (prose chunks, repairs,
// stems) give every goroutine the tokens a cold normaliser gives.
func TestTextConcurrentMemos(t *testing.T) {
	texts := append(append([]string{}, fuzzSeeds...), benchPosts...)
	want := make([][]Token, len(texts))
	for i, s := range texts {
		want[i] = Text(s).Tokens
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 20; round++ {
				for i, s := range texts {
					if got := Text(s).Tokens; !slices.Equal(got, want[i]) {
						errs <- s
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("%q: tokens differ under concurrency", s)
	}
}
