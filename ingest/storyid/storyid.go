// Package storyid groups near-identical syndicated stories (one wire story
// republished by many sites) under one story id, using a 64-bit SimHash over
// normalised word shingles: two texts whose fingerprints differ in at most
// MaxDistance bits within a recent window share the first one's story id.
package storyid

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/dengar-id/dengar/mention"
)

// MaxDistance is the Hamming distance up to which two fingerprints are the
// same story.
const MaxDistance = 3

// MinWords is the shortest text that gets a story id: short texts collide
// by accident.
const MinWords = 12

// shingleSize is the number of words per shingle: word order matters in
// long articles, but in short RSS summaries one changed word would move too
// many 3-word shingles (an outlet's dateline alone moved 8 bits on a
// 20-word summary), so short texts use single words.
func shingleSize(words int) int {
	if words < 100 {
		return 1
	}
	return 3
}

// Words returns the normalised words of text: lower case, letters and
// digits only, so punctuation, case and spacing changes between outlets do
// not matter.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Fingerprint returns the SimHash of text and false when it has fewer than
// MinWords words.
func Fingerprint(text string) (uint64, bool) {
	ws := Words(stripSyndication(text))
	if len(ws) < MinWords {
		return 0, false
	}
	shingle := shingleSize(len(ws))
	feats := make([]string, 0, len(ws))
	for i := 0; i+shingle <= len(ws); i++ {
		// the shingle's words, each followed by a 0 byte
		feats = append(feats, strings.Join(ws[i:i+shingle], "\x00")+"\x00")
	}
	return mention.SimHash(feats), true
}

// stripSyndication drops what outlets change when they republish a wire
// story: the dateline ("KALTIMPOST.ID, SAMARINDA – ") and a trailing
// credit ("(ant)", "(adv/rus)").
func stripSyndication(s string) string {
	s = strings.TrimSpace(s)
	head := s
	if len(head) > 80 {
		head = head[:80]
	}
	for _, sep := range []string{" - ", " – ", " — ", " -- "} {
		if i := strings.Index(head, sep); i > 0 && len(strings.Fields(head[:i])) <= 6 {
			s = s[i+len(sep):]
			break
		}
	}
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i >= 0 && len(s)-i <= 24 {
			s = strings.TrimSpace(s[:i])
		}
	}
	return s
}

// Distance is the Hamming distance between two fingerprints.
func Distance(a, b uint64) int { return mention.HammingDistance(a, b) }

type entry struct {
	fp    uint64
	story string
	at    time.Time
	dead  bool
}

// Index remembers recent fingerprints. With MaxDistance 3 and four 16-bit
// bands, two fingerprints within distance 3 share at least one band exactly
// (pigeonhole), so lookups only compare candidates from matching bands.
// It is safe for concurrent use.
type Index struct {
	mu     sync.Mutex
	window time.Duration
	max    int
	queue  []*entry
	bands  [4]map[uint16][]*entry
}

// NewIndex returns an index that forgets fingerprints older than window
// (default 48h) and keeps at most 200,000.
func NewIndex(window time.Duration) *Index {
	if window <= 0 {
		window = 48 * time.Hour
	}
	ix := &Index{window: window, max: 200_000}
	for i := range ix.bands {
		ix.bands[i] = map[uint16][]*entry{}
	}
	return ix
}

// Assign returns the story id of text seen at time at: the id of a recent
// near-identical story, or a new id. It returns "" for texts too short to
// fingerprint.
func (ix *Index) Assign(text string, at time.Time) string {
	fp, ok := Fingerprint(text)
	if !ok {
		return ""
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.evict(at)
	best, bestD := (*entry)(nil), MaxDistance+1
	for i := range ix.bands {
		for _, e := range ix.bands[i][band(fp, i)] {
			if e.dead {
				continue
			}
			if d := Distance(fp, e.fp); d < bestD {
				best, bestD = e, d
			}
		}
	}
	story := fmt.Sprintf("%016x", fp)
	if best != nil {
		story = best.story
		if bestD == 0 {
			// an exact copy adds nothing to the index; keeping it out
			// keeps a busy story's buckets short
			return story
		}
	}
	e := &entry{fp: fp, story: story, at: at}
	ix.queue = append(ix.queue, e)
	for i := range ix.bands {
		k := band(fp, i)
		ix.bands[i][k] = append(ix.bands[i][k], e)
	}
	return story
}

// Len returns the number of remembered fingerprints.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.queue)
}

func band(fp uint64, i int) uint16 { return uint16(fp >> (16 * i)) }

func (ix *Index) evict(now time.Time) {
	cut := now.Add(-ix.window)
	n := 0
	for n < len(ix.queue) && (ix.queue[n].at.Before(cut) || len(ix.queue)-n >= ix.max) {
		e := ix.queue[n]
		e.dead = true
		for i := range ix.bands {
			k := band(e.fp, i)
			list := ix.bands[i][k]
			out := list[:0]
			for _, x := range list {
				if !x.dead {
					out = append(out, x)
				}
			}
			if len(out) == 0 {
				delete(ix.bands[i], k)
			} else {
				ix.bands[i][k] = out
			}
		}
		n++
	}
	if n > 0 {
		ix.queue = append([]*entry(nil), ix.queue[n:]...)
	}
}
