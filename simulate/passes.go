package simulate

import (
	"sort"
	"time"

	"github.com/dengar-id/dengar/mention"
)

// DemoCollectorPrefix starts the name of every collector of the demo data
// ("demo:x"): the demo's passes are marked as demo data wherever they show
// (the Sumber dashboard, the report's collector health).
const DemoCollectorPrefix = "demo:"

// CollectorPass is one pass of a collector, in the shape of the
// collector_runs table.
type CollectorPass struct {
	Collector, Source string
	Start, End        time.Time
	Items             int
	Errors            int
	ErrorClass, Error string
	// Quota is the API quota left after the pass, −1 when the source has
	// none.
	Quota int64
	OK    bool
}

// passEvery is how often the demo's collectors poll.
const passEvery = 15 * time.Minute

// DemoPasses are the collector passes that would have gathered ms: one
// collector per source polling every 15 minutes from the first post until
// until, each pass collecting the posts published since the previous
// successful pass. YouTube reports its daily API quota (10,000 units,
// reset at midnight Pacific time) and X its 15-minute rate-limit window
// (450 requests); on the spike's evening one X pass is refused by the rate
// limit (HTTP 429), and the next pass collects what it missed.
func DemoPasses(ms []mention.Mention, until time.Time) []CollectorPass {
	if len(ms) == 0 {
		return nil
	}
	bySource := map[string][]time.Time{}
	first := ms[0].PostedAt
	for _, m := range ms {
		bySource[m.Source] = append(bySource[m.Source], m.PostedAt)
		if m.PostedAt.Before(first) {
			first = m.PostedAt
		}
	}
	var sources []string
	for s, ts := range bySource {
		sources = append(sources, s)
		sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	}
	sort.Strings(sources)
	refused := DemoSpike.Start.Add(30 * time.Minute) // the X pass the rate limit refuses
	pacific := time.FixedZone("PST", -8*3600)
	var out []CollectorPass
	for _, src := range sources {
		ts := bySource[src]
		next := 0 // first post not yet collected
		quotaDay, used := "", int64(0)
		for at := first.Truncate(passEvery).Add(passEvery); !at.After(until.Add(passEvery)); at = at.Add(passEvery) {
			p := CollectorPass{Collector: DemoCollectorPrefix + src, Source: src, Start: at, End: at.Add(40 * time.Second), Quota: -1, OK: true}
			if src == "x" && at.Equal(refused) {
				p.OK, p.Errors, p.ErrorClass = false, 1, "rate_limited"
				p.Error = "HTTP 429 Too Many Requests: rate limit of the recent-search window reached (data demo)"
				p.Quota = 0
				out = append(out, p)
				continue
			}
			n := 0
			for next < len(ts) && ts[next].Before(at) {
				next++
				n++
			}
			p.Items = n
			switch src {
			case "youtube":
				if d := at.In(pacific).Format("2006-01-02"); d != quotaDay {
					quotaDay, used = d, 0
				}
				used += 60 + int64(n) // searches of the watched queries, a comment page per item
				p.Quota = max(0, 10000-used)
			case "x":
				p.Quota = 450 - 1 - int64(n/100)
			}
			out = append(out, p)
		}
	}
	return out
}
