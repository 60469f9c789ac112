package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// This file holds the typed queries of the alert stage: per-minute and
// per-hour signal counts per scope, the mentions behind a spike, mentions
// not yet alerted, collector health, and the alerts and alert_deliveries
// tables (migration 0020). The alert vocabulary (families, states,
// severities) is the alert package's: these queries take labels (the read
// model's Hostile, Breach…) and plain strings.

// AlertCounts are the counts of one scope over one bucket.
type AlertCounts struct {
	Total, Hostile, Negative, Partisan, Threat uint64
}

// ScopedCounts are AlertCounts of one scope for the bucket starting at At.
type ScopedCounts struct {
	At    time.Time
	Scope string
	AlertCounts
}

// scopeExpr expands each mention into its scopes.
const scopeExpr = `arrayConcat(['all'], arrayMap(p -> concat('program:', p), programs), arrayMap(p -> concat('place:', p), places))`

// AlertMinuteCounts returns per-minute counts per scope of the effective
// mentions posted in [from, to). Buckets without mentions are absent.
func (db *DB) AlertMinuteCounts(ctx context.Context, from, to time.Time) ([]ScopedCounts, error) {
	q := `SELECT toStartOfMinute(posted_at) AS b, scope,
	count() AS total,
	countIf(` + string(Hostile) + `) AS hostile,
	countIf(` + string(Negative) + `) AS negative,
	countIf(` + string(Partisan) + `) AS partisan,
	countIf(` + string(Threat) + `) AS threat
FROM ` + Read{Cols: []string{"posted_at", "sentiment", "hostility", "partisan", "threat", "programs", "places"}, Where: Range{from, to}.where(), Final: true}.SQL() + `
ARRAY JOIN ` + scopeExpr + ` AS scope
GROUP BY b, scope
ORDER BY b, scope`
	var out []ScopedCounts
	err := db.queryRows(ctx, "alert counts", q, func(rows interface{ Scan(...any) error }) error {
		var c ScopedCounts
		if err := rows.Scan(&c.At, &c.Scope, &c.Total, &c.Hostile, &c.Negative, &c.Partisan, &c.Threat); err != nil {
			return err
		}
		c.At = c.At.UTC()
		out = append(out, c)
		return nil
	})
	return out, err
}

// AlertHourlyCounts returns per-hour counts per scope of the mentions posted
// in [from, to) (the baseline of the detectors), from the signals_hourly
// rollup (migration 0008): each mention once per scope, like the minute
// counts; corrections reach it as ±1 rows. The rollup's scopes of the
// mentions without program or place are left out, as the minute counts
// have none.
func (db *DB) AlertHourlyCounts(ctx context.Context, from, to time.Time) ([]ScopedCounts, error) {
	q := `SELECT hour, toString(scope) AS s, sum(total), sum(hostile), sum(negative), sum(partisan), sum(threats)
FROM ` + db.table("signals_hourly") + `
WHERE hour >= toDateTime(?) AND hour < toDateTime(?) AND scope NOT IN (` + sqlString(ScopeProgramPrefix+NoProgram) + `, ` + sqlString(ScopePlacePrefix+NoPlace) + `)
GROUP BY hour, s
ORDER BY hour, s`
	var out []ScopedCounts
	err := db.queryRows(ctx, "alert hourly counts", q, func(rows interface{ Scan(...any) error }) error {
		var c ScopedCounts
		var v [5]int64
		if err := rows.Scan(&c.At, &c.Scope, &v[0], &v[1], &v[2], &v[3], &v[4]); err != nil {
			return err
		}
		if v[0] <= 0 {
			return nil
		}
		for i := range v { // corrections write -1 rows: never below zero
			v[i] = max(v[i], 0)
		}
		c.At = c.At.UTC()
		c.Total, c.Hostile, c.Negative, c.Partisan, c.Threat = uint64(v[0]), uint64(v[1]), uint64(v[2]), uint64(v[3]), uint64(v[4])
		out = append(out, c)
		return nil
	}, from.UTC().Unix(), to.UTC().Unix())
	return out, err
}

// MentionTimeRange returns the posted_at of the oldest and newest stored
// mention; ok is false when the table is empty.
func (db *DB) MentionTimeRange(ctx context.Context) (first, last time.Time, ok bool, err error) {
	var n uint64
	if err := db.conn.QueryRow(ctx, `SELECT count(), min(posted_at), max(posted_at) FROM `+db.table("mentions")).Scan(&n, &first, &last); err != nil {
		return first, last, false, fmt.Errorf("mention time range: %w", err)
	}
	return first.UTC(), last.UTC(), n > 0, nil
}

// AlertMention is a stored mention as the alert explanation needs it.
// Citizen authors are already pseudonymised by the sink.
type AlertMention struct {
	ID, Source, Channel, URL string
	AuthorID, AuthorHandle   string
	AuthorName               string
	AuthorKind, AuthorOrg    string
	AuthorLevel              string
	AuthorFollowers          int64
	AuthorCreatedAt          time.Time
	Title, Text              string
	PostedAt, IngestedAt     time.Time
	Likes, Replies, Shares   int64
	Sentiment, Hostility     string
	// HostilityTarget is individual, institution or group; HostilityCategories
	// the grounds (religion, race, gender, physical, other).
	HostilityTarget          string
	HostilityCategories      []string
	Threat, Partisan, Breach bool
	// Unverified marks a breach by an account not in the registry.
	Unverified               bool
	Programs, Places, Actors []string
	Institutions             []string
	// Cues are the politics cues (mention.Cue strings) that decided it.
	Cues []string
}

var alertMentionCols = []string{"id", "source", "channel", "url", "author_id", "author_handle", "author_name", "author_kind", "author_org",
	"author_level", "author_followers", "author_created_at", "title", "text", "posted_at", "ingested_at", "likes", "replies", "shares",
	"sentiment", "hostility", "hostility_target", "hostility_categories", "threat", "partisan", "neutrality_breach", "breach_unverified",
	"programs", "places", "actors", "institutions", "cues"}

var alertMentionSelect = strings.Join(alertMentionCols, ", ")

func scanAlertMentions(rows driver.Rows) ([]AlertMention, error) {
	defer rows.Close()
	var out []AlertMention
	for rows.Next() {
		var m AlertMention
		var threat, partisan, breach, unverified uint8
		if err := rows.Scan(&m.ID, &m.Source, &m.Channel, &m.URL, &m.AuthorID, &m.AuthorHandle, &m.AuthorName, &m.AuthorKind, &m.AuthorOrg,
			&m.AuthorLevel, &m.AuthorFollowers, &m.AuthorCreatedAt, &m.Title, &m.Text, &m.PostedAt, &m.IngestedAt, &m.Likes, &m.Replies, &m.Shares,
			&m.Sentiment, &m.Hostility, &m.HostilityTarget, &m.HostilityCategories, &threat, &partisan, &breach, &unverified,
			&m.Programs, &m.Places, &m.Actors, &m.Institutions, &m.Cues); err != nil {
			return nil, err
		}
		m.Threat, m.Partisan, m.Breach, m.Unverified = threat == 1, partisan == 1, breach == 1, unverified == 1
		m.PostedAt, m.IngestedAt, m.AuthorCreatedAt = m.PostedAt.UTC(), m.IngestedAt.UTC(), m.AuthorCreatedAt.UTC()
		out = append(out, m)
	}
	return out, rows.Err()
}

// AlertMentions returns up to limit effective mentions in scope ("all",
// "program:<id>", "place:<id>") whose labels satisfy label (AnyLabel: all)
// posted in [from, to), newest first.
func (db *DB) AlertMentions(ctx context.Context, scope string, label Label, from, to time.Time, limit int) ([]AlertMention, error) {
	scopeCond, err := scopeFilter(scope)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 1000
	}
	only := scopeCond
	if label != AnyLabel {
		only = string(label) + " AND " + scopeCond
	}
	q := `SELECT ` + alertMentionSelect + ` FROM ` + Read{Cols: alertMentionCols, Where: Range{from, to}.where(), Only: only, Final: true}.SQL() + `
ORDER BY posted_at DESC, id LIMIT ` + fmt.Sprint(limit)
	rows, err := db.conn.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("alert mentions: %w", err)
	}
	out, err := scanAlertMentions(rows)
	if err != nil {
		return nil, fmt.Errorf("alert mentions: %w", err)
	}
	return out, nil
}

func scopeFilter(scope string) (string, error) {
	switch {
	case scope == ScopeAll || scope == "":
		return "1", nil
	case strings.HasPrefix(scope, ScopeProgramPrefix):
		return "has(programs, " + sqlString(strings.TrimPrefix(scope, ScopeProgramPrefix)) + ")", nil
	case strings.HasPrefix(scope, ScopePlacePrefix):
		return "has(places, " + sqlString(strings.TrimPrefix(scope, ScopePlacePrefix)) + ")", nil
	}
	return "", fmt.Errorf("%w: unknown alert scope %q", ErrBadQuery, scope)
}

// UnalertedMentions returns the effective mentions whose labels satisfy
// label, posted in [from, to), for which no alert with id alertPrefix +
// mention id exists yet, oldest first (breach alerts: one per mention).
func (db *DB) UnalertedMentions(ctx context.Context, label Label, alertPrefix string, from, to time.Time, limit int) ([]AlertMention, error) {
	if limit <= 0 {
		limit = 500
	}
	q := `SELECT ` + alertMentionSelect + ` FROM ` + Read{Cols: alertMentionCols, Where: Range{from, to}.where(), Only: string(label), Final: true}.SQL() + `
WHERE concat(` + sqlString(alertPrefix) + `, id) NOT IN (SELECT id FROM ` + db.table("alerts") + ` WHERE startsWith(id, ` + sqlString(alertPrefix) + `))
ORDER BY posted_at, id LIMIT ` + fmt.Sprint(limit)
	rows, err := db.conn.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("unalerted mentions: %w", err)
	}
	out, err := scanAlertMentions(rows)
	if err != nil {
		return nil, fmt.Errorf("unalerted mentions: %w", err)
	}
	return out, nil
}

// CollectorHealth is the last known state of one collector, from
// collector_runs.
type CollectorHealth struct {
	Collector, Source string
	// LastRun is the start of the newest pass; LastSuccess the end of the
	// newest pass with ok = 1 (zero when it never succeeded).
	LastRun, LastSuccess time.Time
	// RecentErrors counts errors over the passes since LastSuccess.
	RecentErrors uint64
}

// CollectorHealthAt returns the health of every collector that ran in
// [since, until). It returns ErrNoCollectorRuns when the collector_runs
// table does not exist yet.
func (db *DB) CollectorHealthAt(ctx context.Context, since, until time.Time) ([]CollectorHealth, error) {
	q := `SELECT collector, any(source) AS src, max(started_at) AS last_run,
	maxIf(finished_at, ok = 1) AS last_ok,
	sumIf(errors, ok = 0) AS errs
FROM ` + db.table("collector_runs") + `
WHERE started_at >= toDateTime(?) AND started_at < toDateTime(?)
GROUP BY collector ORDER BY collector`
	rows, err := db.conn.Query(ctx, q, since.UTC().Unix(), until.UTC().Unix())
	if err != nil {
		if strings.Contains(err.Error(), "doesn't exist") || strings.Contains(err.Error(), "UNKNOWN_TABLE") || strings.Contains(err.Error(), "code: 60") {
			return nil, fmt.Errorf("collector health: %w", ErrNoCollectorRuns)
		}
		return nil, fmt.Errorf("collector health: %w", err)
	}
	defer rows.Close()
	var out []CollectorHealth
	for rows.Next() {
		var h CollectorHealth
		var errs int64
		if err := rows.Scan(&h.Collector, &h.Source, &h.LastRun, &h.LastSuccess, &errs); err != nil {
			return nil, fmt.Errorf("collector health: %w", err)
		}
		if errs > 0 {
			h.RecentErrors = uint64(errs)
		}
		h.LastRun, h.LastSuccess = h.LastRun.UTC(), h.LastSuccess.UTC()
		if h.LastSuccess.Unix() <= 0 {
			h.LastSuccess = time.Time{}
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("collector health: %w", err)
	}
	return out, nil
}

// ErrNoCollectorRuns means the collector_runs table is not there (yet).
var ErrNoCollectorRuns = errors.New("collector_runs table missing")

// AlertRecord is one version of an alert row.
type AlertRecord struct {
	ID, Key, Family      string
	Signals              []string
	ScopeKind, ScopeID   string
	RelatedScopes        []string
	State, Severity      string
	OpenedAt, UpdatedAt  time.Time
	ResolvedAt           time.Time
	WindowFrom, WindowTo time.Time
	Observed, Expected   float64
	Ratio, Score         float64
	Baseline             string
	MentionID            string
	Title, Summary       string
	Explanation          string // JSON
	GrafanaURL           string
	Version              uint32
	// SpanFrom and SpanTo are the first and the last post of the spike
	// (SpanTo inclusive), SpanCount the posts between them (migration 0023).
	SpanFrom, SpanTo time.Time
	SpanCount        int64
}

var alertColumns = `id, key, family, signals, scope_kind, scope_id, related_scopes, state, severity,
	opened_at, updated_at, resolved_at, window_from, window_to, observed, expected, ratio, score,
	baseline, mention_id, title, summary, explanation, grafana_url, version, span_from, span_to, span_count`

// InsertAlerts writes alert versions.
func (db *DB) InsertAlerts(ctx context.Context, as []AlertRecord) error {
	if len(as) == 0 {
		return nil
	}
	batch, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table("alerts")+" ("+alertColumns+")")
	if err != nil {
		return fmt.Errorf("insert alerts: %w", err)
	}
	for _, a := range as {
		if err := batch.Append(a.ID, a.Key, a.Family, nonNil(a.Signals), a.ScopeKind, a.ScopeID, nonNil(a.RelatedScopes), a.State, a.Severity,
			clampTime(a.OpenedAt), clampTime(a.UpdatedAt), clampTime(a.ResolvedAt), clampTime(a.WindowFrom), clampTime(a.WindowTo),
			a.Observed, a.Expected, a.Ratio, a.Score, a.Baseline, a.MentionID, a.Title, a.Summary, a.Explanation, a.GrafanaURL, a.Version,
			clampTime(a.SpanFrom), clampTime(a.SpanTo), a.SpanCount); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("insert alerts: %s: %w", a.ID, err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("insert alerts: %w", err)
	}
	return nil
}

// Alerts returns the latest version of the alerts opened in [from, to),
// oldest first; with state set, only those in that state.
func (db *DB) Alerts(ctx context.Context, from, to time.Time, state string) ([]AlertRecord, error) {
	cond := ""
	if state != "" {
		cond = " AND state = " + sqlString(state)
	}
	q := `SELECT ` + alertColumns + ` FROM ` + db.table("alerts") + ` FINAL
WHERE opened_at >= toDateTime(?) AND opened_at < toDateTime(?)` + cond + `
ORDER BY opened_at, id`
	rows, err := db.conn.Query(ctx, q, from.UTC().Unix(), to.UTC().Unix())
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	defer rows.Close()
	var out []AlertRecord
	for rows.Next() {
		var a AlertRecord
		if err := rows.Scan(&a.ID, &a.Key, &a.Family, &a.Signals, &a.ScopeKind, &a.ScopeID, &a.RelatedScopes, &a.State, &a.Severity,
			&a.OpenedAt, &a.UpdatedAt, &a.ResolvedAt, &a.WindowFrom, &a.WindowTo, &a.Observed, &a.Expected, &a.Ratio, &a.Score,
			&a.Baseline, &a.MentionID, &a.Title, &a.Summary, &a.Explanation, &a.GrafanaURL, &a.Version,
			&a.SpanFrom, &a.SpanTo, &a.SpanCount); err != nil {
			return nil, fmt.Errorf("alerts: %w", err)
		}
		for _, t := range []*time.Time{&a.OpenedAt, &a.UpdatedAt, &a.ResolvedAt, &a.WindowFrom, &a.WindowTo, &a.SpanFrom, &a.SpanTo} {
			*t = t.UTC()
			if t.Unix() <= 0 {
				*t = time.Time{}
			}
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	return out, nil
}

// DeliveryRecord is one row of the delivery log: one attempt (attempt 0
// is the creation of the delivery, with its payload).
type DeliveryRecord struct {
	DeliveryID, AlertID string
	AlertVersion        uint32
	Channel             string
	Attempt             uint32
	State, Error        string
	Payload             string
	CreatedAt           time.Time
	AttemptedAt         time.Time
	NextAttemptAt       time.Time
}

var deliveryColumns = `delivery_id, alert_id, alert_version, channel, attempt, state, error, payload, created_at, attempted_at, next_attempt_at`

// InsertDeliveries appends rows to the delivery log.
func (db *DB) InsertDeliveries(ctx context.Context, ds []DeliveryRecord) error {
	if len(ds) == 0 {
		return nil
	}
	batch, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table("alert_deliveries")+" ("+deliveryColumns+")")
	if err != nil {
		return fmt.Errorf("insert deliveries: %w", err)
	}
	for _, d := range ds {
		if err := batch.Append(d.DeliveryID, d.AlertID, d.AlertVersion, d.Channel, d.Attempt, d.State, d.Error, d.Payload,
			clampTime(d.CreatedAt), clampTime(d.AttemptedAt), clampTime(d.NextAttemptAt)); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("insert deliveries: %s: %w", d.DeliveryID, err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("insert deliveries: %w", err)
	}
	return nil
}

// DeliveriesIn returns the deliveries whose latest row is in state (the
// outbox: pending), with their payload and latest attempt number, oldest
// first.
func (db *DB) DeliveriesIn(ctx context.Context, state string, limit int) ([]DeliveryRecord, error) {
	if limit <= 0 {
		limit = 1000
	}
	q := `SELECT delivery_id, any(alert_id), any(alert_version), any(channel), max(attempt) AS a,
	argMax(state, attempt) AS st, argMax(error, attempt), argMin(payload, attempt),
	min(created_at), max(attempted_at), argMax(next_attempt_at, attempt)
FROM ` + db.table("alert_deliveries") + `
GROUP BY delivery_id
HAVING st = ?
ORDER BY min(created_at), delivery_id
LIMIT ` + fmt.Sprint(limit)
	return db.queryDeliveries(ctx, q, state)
}

func (db *DB) queryDeliveries(ctx context.Context, q string, args ...any) ([]DeliveryRecord, error) {
	rows, err := db.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("deliveries: %w", err)
	}
	defer rows.Close()
	var out []DeliveryRecord
	for rows.Next() {
		var d DeliveryRecord
		if err := rows.Scan(&d.DeliveryID, &d.AlertID, &d.AlertVersion, &d.Channel, &d.Attempt, &d.State, &d.Error, &d.Payload,
			&d.CreatedAt, &d.AttemptedAt, &d.NextAttemptAt); err != nil {
			return nil, fmt.Errorf("deliveries: %w", err)
		}
		d.CreatedAt, d.AttemptedAt, d.NextAttemptAt = d.CreatedAt.UTC(), d.AttemptedAt.UTC(), d.NextAttemptAt.UTC()
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("deliveries: %w", err)
	}
	return out, nil
}
