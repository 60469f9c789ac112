package simulate

import (
	"testing"
	"time"
)

// TestLiveGivesWhatIsAsked: the live stream has no seasonality (a quiet
// Sunday night gets the count asked, unlike Generate's profile), every
// mention is posted at the given time, valid, and ids never repeat
// across calls.
func TestLiveGivesWhatIsAsked(t *testing.T) {
	sundayNight := time.Date(2026, 12, 6, 20, 30, 0, 0, time.UTC) // 04:30 WITA
	l := NewLive(7, sundayNight)
	seen := map[string]bool{}
	for _, c := range []struct {
		n  int
		at time.Time
	}{{100, sundayNight}, {1, sundayNight.Add(100 * time.Millisecond)}, {0, sundayNight.Add(time.Second)}, {2500, sundayNight.Add(2 * time.Second)}} {
		ms := l.Next(nil, c.n, c.at)
		if len(ms) != c.n {
			t.Fatalf("Next(%d) gave %d mentions", c.n, len(ms))
		}
		for i := range ms {
			m := &ms[i]
			if !m.PostedAt.Equal(c.at) || !m.CollectedAt.Equal(c.at) {
				t.Errorf("%s posted %s, collected %s; want both %s", m.ID, m.PostedAt, m.CollectedAt, c.at)
			}
			if err := m.Validate(); err != nil {
				t.Errorf("%s: %v", m.ID, err)
			}
			if seen[m.ID] {
				t.Errorf("id %s twice", m.ID)
			}
			seen[m.ID] = true
		}
	}
}
