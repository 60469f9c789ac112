package simulate

import (
	"time"

	"github.com/dengar-id/dengar/mention"
)

// Live generates the ordinary stream for live load (`dengar simulate
// --rate`): the caller sets how many mentions and when, so there is no
// daily or weekly seasonality (Generate's quiet nights would cut a
// requested rate to a seventh), and the generator is built once, not per
// batch. Ids are unique within one Live (and across seeds).
type Live struct {
	g *gen
}

// NewLive returns a live generator for seed; start dates the accounts
// that buzzers would create (unused by the ordinary stream).
func NewLive(seed uint64, start time.Time) *Live {
	return &Live{g: newGen(Options{Seed: seed, Start: start, End: start.Add(time.Hour)})}
}

// Next appends n mentions posted and collected at `at` to dst.
func (l *Live) Next(dst []mention.Mention, n int, at time.Time) []mention.Mention {
	at = at.UTC()
	for i := 0; i < n; i++ {
		m := l.g.base(at)
		m.PostedAt, m.CollectedAt = at, at
		dst = append(dst, *m)
	}
	return dst
}
