package report

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	// Embedded zoneinfo, so Asia/Makassar resolves on hosts without tzdata.
	_ "time/tzdata"

	"github.com/dengar-id/dengar/clock"
)

// Week is an ISO 8601 week in WITA.
type Week struct {
	Year int
	Num  int
}

var weekPattern = regexp.MustCompile(`^(\d{4})-?W(\d{1,2})$`)

// ParseWeek parses "2026-W47" (also "2026W47").
func ParseWeek(s string) (Week, error) {
	m := weekPattern.FindStringSubmatch(s)
	if m == nil {
		return Week{}, fmt.Errorf("week %q: want ISO week like 2026-W47", s)
	}
	y, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	w := Week{Year: y, Num: n}
	if n < 1 || n > 53 || w.Start().AddDate(0, 0, 3).Year() != y {
		return Week{}, fmt.Errorf("week %q: %d has no ISO week %d", s, y, n)
	}
	return w, nil
}

// WeekOf returns the ISO week that contains t (in WITA).
func WeekOf(t time.Time) Week {
	y, n := t.In(clock.WITA).ISOWeek()
	return Week{Year: y, Num: n}
}

// LastCompleteWeek returns the latest week that ended at or before now.
func LastCompleteWeek(now time.Time) Week {
	return WeekOf(now).Prev()
}

// String is the ISO form, e.g. "2026-W47".
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Num) }

// Start is Monday 00:00 WITA of the week.
func (w Week) Start() time.Time {
	// 4 January is always in ISO week 1.
	jan4 := time.Date(w.Year, 1, 4, 0, 0, 0, 0, clock.WITA)
	wd := int(jan4.Weekday()+6) % 7 // Monday = 0
	return jan4.AddDate(0, 0, -wd+7*(w.Num-1))
}

// End is the Monday 00:00 WITA after the week (exclusive).
func (w Week) End() time.Time { return w.Start().AddDate(0, 0, 7) }

// Prev is the week before.
func (w Week) Prev() Week { return WeekOf(w.Start().AddDate(0, 0, -1)) }

// Next is the week after.
func (w Week) Next() Week { return WeekOf(w.End()) }
