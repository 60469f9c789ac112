package dashboards

import (
	"sort"
	"strings"

	"github.com/dengar-id/dengar/store"
)

// SQL of the panels. Grafana and the ClickHouse plugin expand the macros
// ($__timeFilter, $__interval_s, $__conditionalAll, ${var:singlequote});
// table names are unqualified and resolve in the data source's default
// database. Trends read the hourly rollups; raw mentions are read only for
// lists of example posts, always with a LIMIT.

// bucket rounds a DateTime expression down to the panel interval, never
// finer than the rollups' hour. (The plugin's $__timeInterval expands to
// toStartOfInterval, which ClickHouse 18.16 lacks; this is the same
// epoch-aligned bucketing written with functions every version has.)
func bucket(col string) string {
	return "toDateTime(intDiv(toUInt32(" + col + "), greatest($__interval_s, 3600)) * greatest($__interval_s, 3600))"
}

// and joins conditions.
func and(conds ...string) string { return strings.Join(conds, "\n  AND ") }

// The read model's labels: abusive or hateful mentions, and neutrality
// breaches.
const (
	hostile = string(store.Hostile)
	breach  = string(store.Breach)
)

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
