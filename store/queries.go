package store

// Typed queries of the dashboards, shared with reports and alerts. Trends
// and shares read the rollups (migration 0002); lists of posts, accounts
// and terms read raw mentions of a bounded range, with human corrections
// applied (label_overrides). Every function takes a Filter (time range
// plus optional program, place and source) and returns typed rows.

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
)

// SeriesPoint is the mention count of one bucket (and one breakdown key).
type SeriesPoint struct {
	// At is the bucket start (UTC).
	At time.Time `json:"at"`
	// Key is the breakdown value ("" without breakdown; NoProgram and
	// NoPlace for mentions without program or place).
	Key      string `json:"key"`
	Mentions int64  `json:"mentions"`
}

// Volume returns mention counts per interval bucket of f.Range, broken
// down by `by` (ByNone for one series). Without breakdown every bucket of
// the range is present (zero when empty); with a breakdown only non-empty
// (bucket, key) pairs are. Per program a mention with two programs counts
// in both; every other breakdown counts each mention once. Reads the
// rollups (places_hourly for ByPlace or a Place filter, which has no
// source dimension: Source must then be empty).
func (db *DB) Volume(ctx context.Context, f Filter, iv Interval, by Breakdown) ([]SeriesPoint, error) {
	key, err := by.keyExpr()
	if err != nil {
		return nil, err
	}
	if err := f.validate(); err != nil {
		return nil, err
	}
	bucket, err := iv.bucketExpr("t")
	if err != nil {
		return nil, err
	}
	var q string
	if src, ok := db.scopeRollup(f, by); ok {
		q = "SELECT " + bucket + " AS b, k, sum(total) AS n FROM (" + src + ") GROUP BY b, k HAVING n != 0 ORDER BY b, k"
	} else {
		src, err := db.rollupFor(f, iv, by, []string{"program", "source", "author_kind", "sentiment", "hostility", "partisan"}, []string{"mentions"})
		if err != nil {
			return nil, err
		}
		q = "SELECT " + bucket + " AS b, " + key + " AS k, sum(mentions) AS n FROM (" + src + ") GROUP BY b, k HAVING n != 0 ORDER BY b, k"
	}
	var out []SeriesPoint
	err = db.queryRows(ctx, "volume", q, func(rows interface{ Scan(...any) error }) error {
		var p SeriesPoint
		var b uint32
		if err := rows.Scan(&b, &p.Key, &p.Mentions); err != nil {
			return err
		}
		p.At = unix(b)
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if by == ByNone {
		filled := fillBuckets(f.Range, iv, func(t time.Time) SeriesPoint { return SeriesPoint{At: t} }, func(p SeriesPoint) time.Time { return p.At }, out)
		return filled, nil
	}
	return out, nil
}

// scopeRollup returns a subquery over signals_hourly (per hour and scope)
// when it can answer f broken down by `by`: no source filter, at most one
// of program and place, and no breakdown, or a breakdown by program or
// place without program or place filter. Its columns: t (hour, as
// DateTime in clock.WITAName), k (the breakdown key) and the counts of
// signals_hourly. It is the cheapest rollup: a few rows per hour.
func (db *DB) scopeRollup(f Filter, by Breakdown) (string, bool) {
	if f.Source != "" || (f.Program != "" && f.Place != "") {
		return "", false
	}
	var cond, key string
	switch by {
	case ByNone:
		key = "''"
		switch {
		case f.Program != "":
			cond = "scope = " + sqlString(ScopeProgramPrefix+f.Program)
		case f.Place != "":
			cond = "scope = " + sqlString(ScopePlacePrefix+f.Place)
		default:
			cond = "scope = " + sqlString(ScopeAll)
		}
	case ByProgram, ByPlace:
		if f.Program != "" || f.Place != "" {
			return "", false
		}
		prefix := ScopeProgramPrefix
		if by == ByPlace {
			prefix = ScopePlacePrefix
		}
		cond = "startsWith(scope, " + sqlString(prefix) + ")"
		key = fmt.Sprintf("substring(toString(scope), %d)", len(prefix)+1)
	default:
		return "", false
	}
	from := f.From.UTC().Truncate(time.Hour)
	to := f.To.UTC()
	if t := to.Truncate(time.Hour); t.Before(to) {
		to = t.Add(time.Hour)
	}
	return "SELECT toDateTime(hour, '" + clock.WITAName + "') AS t, " + key + ` AS k, total, positive, neutral, negative, abusive, hate, hostile,
	political, partisan, threats, breaches, engagement, views FROM ` + db.table("signals_hourly") +
		fmt.Sprintf(" WHERE hour >= toDateTime(%d) AND hour < toDateTime(%d) AND ", from.Unix(), to.Unix()) + cond, true
}

// rollupFor picks the rollup for f and by and returns its source subquery
// with the dims needed and metric cols.
// With iv == Hour only the hourly rollups are read.
func (db *DB) rollupFor(f Filter, iv Interval, by Breakdown, dims, cols []string) (string, error) {
	if err := f.validate(); err != nil {
		return "", err
	}
	placeTable := by == ByPlace || f.Place != ""
	if placeTable {
		if f.Source != "" || by == BySource || by == ByAuthorKind {
			return "", fmt.Errorf("%w: the per-place rollup has no source or author kind: drop the place filter or the source", ErrBadQuery)
		}
		var pd []string
		for _, d := range dims {
			if d != "source" && d != "author_kind" {
				pd = append(pd, d)
			}
		}
		dims = append(pd, "place")
	}
	conds := rollupConds(f, by == ByProgram, placeTable, by == ByPlace)
	return db.rollupSource(f.Range, placeTable || iv == Hour, dims, cols, conds), nil
}

// fillBuckets returns pts with a zero point for every missing bucket of r.
func fillBuckets[T any](r Range, iv Interval, zero func(time.Time) T, at func(T) time.Time, pts []T) []T {
	have := map[int64]T{}
	for _, p := range pts {
		have[at(p).Unix()] = p
	}
	var out []T
	for t := bucketStart(r.From, iv); t.Before(r.To); t = nextBucket(t, iv) {
		if p, ok := have[t.Unix()]; ok {
			out = append(out, p)
			delete(have, t.Unix())
		} else {
			out = append(out, zero(t))
		}
	}
	for _, p := range pts { // anything outside the computed grid stays
		if _, ok := have[at(p).Unix()]; ok {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return at(out[i]).Before(at(out[j])) })
	return out
}

// bucketStart is the start of the bucket holding t.
func bucketStart(t time.Time, iv Interval) time.Time {
	l := t.In(clock.WITA)
	switch iv {
	case Day:
		return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, clock.WITA).UTC()
	case Week:
		wd := (int(l.Weekday()) + 6) % 7 // Monday = 0
		return time.Date(l.Year(), l.Month(), l.Day()-wd, 0, 0, 0, 0, clock.WITA).UTC()
	case Month:
		return time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, clock.WITA).UTC()
	}
	return t.UTC().Truncate(time.Hour)
}

func nextBucket(t time.Time, iv Interval) time.Time {
	l := t.In(clock.WITA)
	switch iv {
	case Day:
		return time.Date(l.Year(), l.Month(), l.Day()+1, 0, 0, 0, 0, clock.WITA).UTC()
	case Week:
		return time.Date(l.Year(), l.Month(), l.Day()+7, 0, 0, 0, 0, clock.WITA).UTC()
	case Month:
		return time.Date(l.Year(), l.Month()+1, 1, 0, 0, 0, 0, clock.WITA).UTC()
	}
	return t.Add(time.Hour)
}

// SentimentPoint is the sentiment of one bucket.
type SentimentPoint struct {
	At                                 time.Time `json:"at"`
	Total, Positive, Neutral, Negative int64
	// Index is (Positive − Negative) / Total, in −1…1; 0 when Total is 0.
	Index float64 `json:"index"`
}

// SentimentIndex returns, per bucket of f.Range (every bucket present),
// the sentiment counts and the sentiment index (pos − neg) / total, from
// the rollups. Mentions without a sentiment tag count in Total only.
func (db *DB) SentimentIndex(ctx context.Context, f Filter, iv Interval) ([]SentimentPoint, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	bucket, err := iv.bucketExpr("t")
	if err != nil {
		return nil, err
	}
	var q string
	if src, ok := db.scopeRollup(f, ByNone); ok {
		q = "SELECT " + bucket + ` AS b, sum(total), sum(positive), sum(neutral), sum(negative) FROM (` + src + `) GROUP BY b ORDER BY b`
	} else {
		src, err := db.rollupFor(f, iv, ByNone, []string{"sentiment"}, []string{"mentions"})
		if err != nil {
			return nil, err
		}
		q = "SELECT " + bucket + ` AS b, sum(mentions), sumIf(mentions, sentiment = 'positive'), sumIf(mentions, sentiment = 'neutral'), sumIf(mentions, sentiment = 'negative')
	FROM (` + src + `) GROUP BY b ORDER BY b`
	}
	var out []SentimentPoint
	err = db.queryRows(ctx, "sentiment index", q, func(rows interface{ Scan(...any) error }) error {
		var p SentimentPoint
		var b uint32
		if err := rows.Scan(&b, &p.Total, &p.Positive, &p.Neutral, &p.Negative); err != nil {
			return err
		}
		p.At = unix(b)
		p.Index = ratio(p.Positive-p.Negative, p.Total)
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return fillBuckets(f.Range, iv, func(t time.Time) SentimentPoint { return SentimentPoint{At: t} }, func(p SentimentPoint) time.Time { return p.At }, out), nil
}

// HostilePoint is the hostility of one bucket.
type HostilePoint struct {
	At                            time.Time `json:"at"`
	Total, Abusive, Hate, Threats int64
	// Share is (Abusive + Hate) / Total; 0 when Total is 0.
	Share float64 `json:"share"`
}

// HostileShare returns, per bucket of f.Range (every bucket present),
// abusive, hateful and threatening mention counts and the hostile share,
// from the rollups.
func (db *DB) HostileShare(ctx context.Context, f Filter, iv Interval) ([]HostilePoint, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	bucket, err := iv.bucketExpr("t")
	if err != nil {
		return nil, err
	}
	var q string
	if src, ok := db.scopeRollup(f, ByNone); ok {
		q = "SELECT " + bucket + ` AS b, sum(total), sum(abusive), sum(hate), sum(threats) FROM (` + src + `) GROUP BY b ORDER BY b`
	} else {
		src, err := db.rollupFor(f, iv, ByNone, []string{"hostility"}, []string{"mentions", "threats"})
		if err != nil {
			return nil, err
		}
		q = "SELECT " + bucket + ` AS b, sum(mentions), sumIf(mentions, hostility = 'abusive'), sumIf(mentions, hostility = 'hate'), sum(threats)
	FROM (` + src + `) GROUP BY b ORDER BY b`
	}
	var out []HostilePoint
	err = db.queryRows(ctx, "hostile share", q, func(rows interface{ Scan(...any) error }) error {
		var p HostilePoint
		var b uint32
		if err := rows.Scan(&b, &p.Total, &p.Abusive, &p.Hate, &p.Threats); err != nil {
			return err
		}
		p.At = unix(b)
		p.Share = ratio(p.Abusive+p.Hate, p.Total)
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return fillBuckets(f.Range, iv, func(t time.Time) HostilePoint { return HostilePoint{At: t} }, func(p HostilePoint) time.Time { return p.At }, out), nil
}

// VoiceShare is one key's part of the conversation over a range.
type VoiceShare struct {
	Key      string `json:"key"`
	Mentions int64  `json:"mentions"`
	// Share is Mentions over the sum of Mentions of all keys (0…1).
	Share      float64 `json:"share"`
	Positive   int64   `json:"positive"`
	Negative   int64   `json:"negative"`
	Hostile    int64   `json:"hostile"`
	Partisan   int64   `json:"partisan"`
	Threats    int64   `json:"threats"`
	Engagement int64   `json:"engagement"`
	Views      int64   `json:"views"`
	// Index is the sentiment index (Positive − Negative) / Mentions.
	Index float64 `json:"index"`
}

// ShareOfVoice returns, per key of `by` over f.Range, mentions, their
// share of the total, sentiment, hostility and engagement, most mentioned
// first (ties by key). With ByProgram the shares are of the sum over
// programs (a mention with two programs counts in both). ByPlace reads
// places_hourly. Reads the rollups only. Distinct authors cost much more
// (uniq states): ask AuthorCounts for them.
func (db *DB) ShareOfVoice(ctx context.Context, f Filter, by Breakdown) ([]VoiceShare, error) {
	if by == ByNone {
		return nil, fmt.Errorf("%w: share of voice needs a breakdown", ErrBadQuery)
	}
	key, err := by.keyExpr()
	if err != nil {
		return nil, err
	}
	if err := f.validate(); err != nil {
		return nil, err
	}
	var q string
	if src, ok := db.scopeRollup(f, by); ok {
		q = `SELECT k, sum(total) AS n, sum(positive), sum(negative), sum(hostile), sum(partisan), sum(threats), sum(engagement), sum(views)
	FROM (` + src + `) GROUP BY k HAVING n != 0 ORDER BY n DESC, k`
	} else {
		src, err := db.rollupFor(f, Day, by, []string{"program", "source", "author_kind", "sentiment", "hostility", "partisan"},
			[]string{"mentions", "threats", "engagement", "views"})
		if err != nil {
			return nil, err
		}
		q = "SELECT " + key + ` AS k, sum(mentions) AS n, sumIf(mentions, sentiment = 'positive'), sumIf(mentions, sentiment = 'negative'),
	sumIf(mentions, hostility IN ('abusive', 'hate')), sumIf(mentions, partisan = 1), sum(threats), sum(engagement), sum(views)
	FROM (` + src + `) GROUP BY k HAVING n != 0 ORDER BY n DESC, k`
	}
	var out []VoiceShare
	var total int64
	err = db.queryRows(ctx, "share of voice", q, func(rows interface{ Scan(...any) error }) error {
		var v VoiceShare
		if err := rows.Scan(&v.Key, &v.Mentions, &v.Positive, &v.Negative, &v.Hostile, &v.Partisan, &v.Threats, &v.Engagement, &v.Views); err != nil {
			return err
		}
		v.Index = ratio(v.Positive-v.Negative, v.Mentions)
		total += v.Mentions
		out = append(out, v)
		return nil
	})
	for i := range out {
		out[i].Share = ratio(out[i].Mentions, total)
	}
	return out, err
}

// AuthorCounts returns the approximate number of distinct authors (uniq)
// per key of `by` over f, most first (ties by key). It merges uniq states
// of the rollups, which costs about ten times a plain count.
func (db *DB) AuthorCounts(ctx context.Context, f Filter, by Breakdown) ([]CountRow, error) {
	key, err := by.keyExpr()
	if err != nil {
		return nil, err
	}
	src, err := db.rollupFor(f, Day, by, []string{"program", "source", "author_kind", "sentiment", "hostility", "partisan"}, []string{"authors"})
	if err != nil {
		return nil, err
	}
	q := "SELECT " + key + " AS k, toInt64(uniqMerge(authors)) AS n FROM (" + src + ") GROUP BY k HAVING n > 0 ORDER BY n DESC, k"
	var out []CountRow
	err = db.queryRows(ctx, "author counts", q, func(rows interface{ Scan(...any) error }) error {
		var c CountRow
		if err := rows.Scan(&c.Key, &c.Count); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// Totals are the headline numbers of a filter's range.
type Totals struct {
	Mentions, Positive, Neutral, Negative int64
	Abusive, Hate, Threats                int64
	Political, Partisan, Breaches         int64
	Engagement, Views                     int64
}

// Totals returns the headline counts of f from the rollups, each mention
// counted once (distinct authors: AuthorCounts with ByNone).
func (db *DB) Totals(ctx context.Context, f Filter) (Totals, error) {
	var t Totals
	if err := f.validate(); err != nil {
		return t, err
	}
	var q string
	if src, ok := db.scopeRollup(f, ByNone); ok {
		q = `SELECT sum(total), sum(positive), sum(neutral), sum(negative), sum(abusive), sum(hate), sum(threats), sum(political), sum(partisan),
	sum(breaches), sum(engagement), sum(views) FROM (` + src + `)`
	} else {
		src, err := db.rollupFor(f, Day, ByNone, []string{"sentiment", "hostility", "partisan"},
			[]string{"mentions", "political", "threats", "breaches", "engagement", "views"})
		if err != nil {
			return t, err
		}
		q = `SELECT sum(mentions), sumIf(mentions, sentiment = 'positive'), sumIf(mentions, sentiment = 'neutral'), sumIf(mentions, sentiment = 'negative'),
	sumIf(mentions, hostility = 'abusive'), sumIf(mentions, hostility = 'hate'), sum(threats), sum(political), sumIf(mentions, partisan = 1), sum(breaches),
	sum(engagement), sum(views) FROM (` + src + `)`
	}
	err := db.queryRows(ctx, "totals", q, func(rows interface{ Scan(...any) error }) error {
		return rows.Scan(&t.Mentions, &t.Positive, &t.Neutral, &t.Negative, &t.Abusive, &t.Hate, &t.Threats, &t.Political, &t.Partisan, &t.Breaches, &t.Engagement, &t.Views)
	})
	return t, err
}

// SignalPoint holds the alert signals of one scope for one hour.
type SignalPoint struct {
	Hour     time.Time `json:"hour"`
	Total    int64     `json:"total"`
	Hostile  int64     `json:"hostile"`
	Negative int64     `json:"negative"`
	Partisan int64     `json:"partisan"`
	Threats  int64     `json:"threats"`
	Breaches int64     `json:"breaches"`
}

// HostileShare is Hostile / Total (0 when Total is 0).
func (p SignalPoint) HostileShare() float64 { return ratio(p.Hostile, p.Total) }

// NegativeShare is Negative / Total (0 when Total is 0).
func (p SignalPoint) NegativeShare() float64 { return ratio(p.Negative, p.Total) }

// ScopedSignals is the hourly signal series of one scope.
type ScopedSignals struct {
	// Scope is "all", "program:<id>" or "place:<id>" (see ScopeAll).
	Scope  string        `json:"scope"`
	Points []SignalPoint `json:"points"`
}

// parseScope splits "all", "program:<id>", "place:<id>".
func parseScope(s string) (kind, id string, err error) {
	switch {
	case s == ScopeAll || s == "":
		return "all", "", nil
	case strings.HasPrefix(s, ScopeProgramPrefix) && len(s) > len(ScopeProgramPrefix):
		return "program", strings.TrimPrefix(s, ScopeProgramPrefix), nil
	case strings.HasPrefix(s, ScopePlacePrefix) && len(s) > len(ScopePlacePrefix):
		return "place", strings.TrimPrefix(s, ScopePlacePrefix), nil
	}
	return "", "", fmt.Errorf("%w: scope %q is not all, program:<id> or place:<id>", ErrBadQuery, s)
}

// HourlySignals returns the hourly alert signals (total, hostile,
// negative, partisan, threats, breaches) of one scope ("all",
// "program:<id>", "place:<id>") for every hour of r, zero hours included:
// the baselines of the spike detectors. Reads signals_hourly.
func (db *DB) HourlySignals(ctx context.Context, scope string, r Range) ([]SignalPoint, error) {
	kind, id, err := parseScope(scope)
	if err != nil {
		return nil, err
	}
	ss, err := db.hourlySignals(ctx, kind, id, r)
	if err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return fillSignals(r, nil), nil
	}
	return ss[0].Points, nil
}

// HourlySignalsByScope returns HourlySignals for every scope of a kind
// ("program" or "place") that has mentions in r, ordered by scope; each
// series covers every hour of r. Mentions without program (place) are the
// scope "program:" + NoProgram ("place:" + NoPlace).
func (db *DB) HourlySignalsByScope(ctx context.Context, kind string, r Range) ([]ScopedSignals, error) {
	if kind != "program" && kind != "place" {
		return nil, fmt.Errorf("%w: scope kind %q is not program or place", ErrBadQuery, kind)
	}
	return db.hourlySignals(ctx, kind, "", r)
}

func (db *DB) hourlySignals(ctx context.Context, kind, id string, r Range) ([]ScopedSignals, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	from := r.From.UTC().Truncate(time.Hour)
	conds := []string{fmt.Sprintf("hour >= toDateTime(%d)", from.Unix()), fmt.Sprintf("hour < toDateTime(%d)", r.To.UTC().Unix())}
	switch {
	case kind == "all":
		conds = append(conds, "scope = 'all'")
	case id != "":
		conds = append(conds, "scope = "+sqlString(kind+":"+id))
	default:
		conds = append(conds, "startsWith(scope, "+sqlString(kind+":")+")")
	}
	q := `SELECT toString(scope) AS k, toUInt32(hour) AS h, sum(total), sum(hostile), sum(negative), sum(partisan), sum(threats), sum(breaches)
	FROM ` + db.table("signals_hourly") + ` WHERE ` + strings.Join(conds, " AND ") + ` GROUP BY k, h ORDER BY k, h`
	byScope := map[string][]SignalPoint{}
	var scopes []string
	err := db.queryRows(ctx, "hourly signals", q, func(rows interface{ Scan(...any) error }) error {
		var k string
		var h uint32
		var p SignalPoint
		if err := rows.Scan(&k, &h, &p.Total, &p.Hostile, &p.Negative, &p.Partisan, &p.Threats, &p.Breaches); err != nil {
			return err
		}
		if p == (SignalPoint{}) {
			return nil // a scope moved away by a correction
		}
		if _, ok := byScope[k]; !ok {
			scopes = append(scopes, k)
		}
		p.Hour = unix(h)
		byScope[k] = append(byScope[k], p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(scopes)
	out := make([]ScopedSignals, 0, len(scopes))
	for _, s := range scopes {
		out = append(out, ScopedSignals{Scope: s, Points: fillSignals(r, byScope[s])})
	}
	return out, nil
}

func fillSignals(r Range, pts []SignalPoint) []SignalPoint {
	return fillBuckets(r, Hour, func(t time.Time) SignalPoint { return SignalPoint{Hour: t} }, func(p SignalPoint) time.Time { return p.Hour }, pts)
}

// CountRow is a labelled count of distinct mentions.
type CountRow struct {
	Key   string `json:"key"`
	Count int64  `json:"count"`
}

// HostileBreakdown returns, over the hostile (abusive or hate) mentions of
// f, the distinct mentions per hostility category and per target, most
// frequent first. Reads raw mentions of the range with corrections
// applied (a mention corrected to "none" is not counted).
func (db *DB) HostileBreakdown(ctx context.Context, f Filter) (categories, targets []CountRow, err error) {
	if err := f.validate(); err != nil {
		return nil, nil, err
	}
	src := db.effectiveMentions(f, []string{"hostility_categories", "hostility_target"}, "hostility IN ('abusive', 'hate')")
	base := "SELECT id, hostility_categories, toString(hostility_target) AS target FROM (" + src + ") WHERE e_hostility IN ('abusive', 'hate') AND " + effectiveScope(f)
	for _, g := range []struct {
		expr string
		dst  *[]CountRow
	}{
		{"arrayJoin(if(empty(hostility_categories), ['other'], hostility_categories))", &categories},
		{"if(target = '', 'unknown', target)", &targets},
	} {
		q := "SELECT " + g.expr + " AS k, toInt64(uniqExact(id)) AS n FROM (" + base + ") GROUP BY k ORDER BY n DESC, k"
		err := db.queryRows(ctx, "hostile breakdown", q, func(rows interface{ Scan(...any) error }) error {
			var c CountRow
			if err := rows.Scan(&c.Key, &c.Count); err != nil {
				return err
			}
			*g.dst = append(*g.dst, c)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return categories, targets, nil
}

// FilterForScope turns an alert scope ("all", "program:<id>",
// "place:<id>") and a window into a Filter, e.g. to fetch ExamplePosts of
// a spike.
func FilterForScope(scope string, r Range) (Filter, error) {
	kind, id, err := parseScope(scope)
	if err != nil {
		return Filter{}, err
	}
	f := Filter{Range: r}
	switch kind {
	case "program":
		f.Program = id
	case "place":
		f.Place = id
	}
	return f, f.validate()
}
