package clock

import (
	"time"
	_ "time/tzdata" // WITA must load on machines without a tz database
)

// WITAName is the IANA name of Samarinda's time zone (WITA, UTC+8, no
// daylight saving time), as ClickHouse's date functions take it.
const WITAName = "Asia/Makassar"

// WITA is Samarinda's time zone. Local days, report weeks, dashboards'
// day buckets and the times in alerts and summaries follow its calendar.
var WITA = func() *time.Location {
	l, err := time.LoadLocation(WITAName)
	if err != nil {
		// Unreachable with time/tzdata embedded; keep a correct zone anyway.
		return time.FixedZone("WITA", 8*3600)
	}
	return l
}()
