package store

// Typed queries for the weekly leadership report (report/). Every query
// reads the effective mentions (readmodel.go: human corrections applied)
// with FINAL, so that duplicate versions of a mention (at-least-once
// delivery, re-collection) count once, and takes a half-open UTC time
// range [From, To).

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
)

// reportRows is the FROM source of the effective mentions of w with cols.
func reportRows(w Range, cols ...string) string {
	return Read{Cols: cols, Where: w.where(), Final: true}.SQL()
}

// termRegexp is how the report tokenises text in ClickHouse: lower-cased
// words of letters, digits and underscores, and #hashtags.
const termRegexp = `#?[a-z0-9_]+`

// termsExpr is the distinct terms of a mention's title and text.
const termsExpr = "arrayDistinct(extractAll(lowerUTF8(concat(title, ' ', text)), '" + termRegexp + "'))"

// ReportTotals are the headline counts of a window.
type ReportTotals struct {
	Mentions   int64 `json:"mentions"`
	Positive   int64 `json:"positive"`
	Neutral    int64 `json:"neutral"`
	Negative   int64 `json:"negative"`
	Hostile    int64 `json:"hostile"`
	Hate       int64 `json:"hate"`
	Threats    int64 `json:"threats"`
	Political  int64 `json:"political"`
	Partisan   int64 `json:"partisan"`
	Breaches   int64 `json:"breaches"`
	Engagement int64 `json:"engagement"`
}

// ReportTotals counts the mentions of w by tag.
func (db *DB) ReportTotals(ctx context.Context, w Range) (ReportTotals, error) {
	var t ReportTotals
	q := `SELECT
		count(),
		countIf(sentiment = 'positive'),
		countIf(sentiment = 'neutral'),
		countIf(sentiment = 'negative'),
		countIf(` + string(Hostile) + `),
		countIf(hostility = 'hate'),
		countIf(threat = 1),
		countIf(political = 1),
		countIf(partisan = 1),
		countIf(neutrality_breach = 1),
		sum(likes + replies + shares)
	FROM ` + reportRows(w, "sentiment", "hostility", "threat", "political", "partisan", "neutrality_breach", "likes", "replies", "shares")
	var mentions, pos, neu, neg, hos, hate, thr, pol, par, br uint64
	var eng int64
	if err := db.conn.QueryRow(ctx, q).Scan(&mentions, &pos, &neu, &neg, &hos, &hate, &thr, &pol, &par, &br, &eng); err != nil {
		return t, fmt.Errorf("report totals: %w", err)
	}
	t = ReportTotals{
		Mentions: int64(mentions), Positive: int64(pos), Neutral: int64(neu), Negative: int64(neg),
		Hostile: int64(hos), Hate: int64(hate), Threats: int64(thr), Political: int64(pol),
		Partisan: int64(par), Breaches: int64(br), Engagement: eng,
	}
	return t, nil
}

// ProgramDay is one program's counts on one local day.
type ProgramDay struct {
	Program string `json:"program"`
	// Day is local midnight of the day (in the offset given to the query).
	Day      time.Time `json:"day"`
	Mentions int64     `json:"mentions"`
	Positive int64     `json:"positive"`
	Negative int64     `json:"negative"`
	Hostile  int64     `json:"hostile"`
}

// ReportProgramDays counts w's mentions per program and local day. loc must
// have a fixed offset over w (WITA has no daylight saving time).
func (db *DB) ReportProgramDays(ctx context.Context, w Range, loc *time.Location) ([]ProgramDay, error) {
	_, off := w.From.In(loc).Zone()
	q := fmt.Sprintf(`SELECT program, toUInt64(intDiv(toUInt32(posted_at) + %d, 86400)) AS day,
		count(), countIf(sentiment = 'positive'), countIf(sentiment = 'negative'), countIf(`+string(Hostile)+`)
	FROM (SELECT posted_at, sentiment, hostility, arrayJoin(programs) AS program
	      FROM `+reportRows(w, "posted_at", "sentiment", "hostility", "programs")+`)
	GROUP BY program, day ORDER BY program, day`, off)
	rows, err := db.conn.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("report program days: %w", err)
	}
	defer rows.Close()
	var out []ProgramDay
	for rows.Next() {
		var p ProgramDay
		var day uint64
		var n, pos, neg, hos uint64
		if err := rows.Scan(&p.Program, &day, &n, &pos, &neg, &hos); err != nil {
			return nil, fmt.Errorf("report program days: %w", err)
		}
		d := time.Unix(int64(day)*86400, 0).UTC()
		p.Day = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
		p.Mentions, p.Positive, p.Negative, p.Hostile = int64(n), int64(pos), int64(neg), int64(hos)
		out = append(out, p)
	}
	return out, rows.Err()
}

// ReportPost is one mention as the report shows it.
type ReportPost struct {
	ID           string    `json:"id"`
	Source       string    `json:"source"`
	URL          string    `json:"url"`
	AuthorID     string    `json:"author_id"`
	AuthorHandle string    `json:"author_handle"`
	AuthorName   string    `json:"author_name"`
	AuthorKind   string    `json:"author_kind"`
	AuthorOrg    string    `json:"author_org"`
	AuthorLevel  string    `json:"author_level"`
	Title        string    `json:"title"`
	Text         string    `json:"text"`
	PostedAt     time.Time `json:"posted_at"`
	Engagement   int64     `json:"engagement"`
	Sentiment    string    `json:"sentiment"`
	Hostility    string    `json:"hostility"`
	Actors       []string  `json:"actors"`
	Stance       string    `json:"stance"`
	Programs     []string  `json:"programs"`
	Places       []string  `json:"places"`
	Unverified   bool      `json:"unverified"`
	// Cues are the politics cues that decided a partisan post
	// (mention.Cue strings).
	Cues []string `json:"cues"`
}

var reportPostCols = []string{"id", "source", "url", "author_id", "author_handle", "author_name", "author_kind", "author_org", "author_level",
	"title", "text", "posted_at", "likes", "replies", "shares", "sentiment", "hostility", "actors", "stance", "programs", "places", "breach_unverified",
	"cues", "institutions"}

// withURL is cols with their url column read for links l.
func withURL(cols []string, l Links) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		if c == "url" {
			c = l.urlCol()
		}
		out[i] = c
	}
	return out
}

// PostFilter selects the posts of ReportPosts.
type PostFilter struct {
	// HostileOnly keeps abusive and hateful mentions, ThreatOnly threats.
	HostileOnly bool
	ThreatOnly  bool
	// Scope keeps the mentions of an alert scope ("all", "program:<id>",
	// "place:<id>").
	Scope string
	// BreachOnly keeps neutrality breaches.
	BreachOnly bool
	// Term keeps mentions whose title or text uses the term (a lower-cased
	// word or #hashtag, termsExpr).
	Term string
	// Phrase keeps mentions whose title and text hold the words of the
	// phrase in a row (terms as ReportPhraseCounts reads them).
	Phrase string
	// Entity keeps mentions that name the catalog place, institution or
	// actor.
	Entity string
	// ByTime orders by posting time (oldest first) instead of engagement
	// (highest first).
	ByTime bool
	// Limit bounds the result (default 20).
	Limit int
	// Links: the public links (default) or, for authorised use, the
	// original ones where no public link exists (privacy.go).
	Links Links
}

// ReportPosts lists w's mentions that match f.
func (db *DB) ReportPosts(ctx context.Context, w Range, f PostFilter) ([]ReportPost, error) {
	var only []string
	if f.HostileOnly {
		only = append(only, string(Hostile))
	}
	if f.BreachOnly {
		only = append(only, string(Breach))
	}
	if f.ThreatOnly {
		only = append(only, string(Threat))
	}
	if f.Scope != "" && f.Scope != ScopeAll {
		cond, err := scopeFilter(f.Scope)
		if err != nil {
			return nil, err
		}
		only = append(only, cond)
	}
	where := w.where()
	var args []any
	if f.Term != "" {
		where += " AND has(" + termsExpr + ", @term)"
		args = append(args, clickhouse.Named("term", f.Term))
	}
	if f.Phrase != "" {
		where += " AND position(" + tokenLine + ", @phrase) > 0"
		args = append(args, clickhouse.Named("phrase", " "+f.Phrase+" "))
	}
	if f.Entity != "" {
		only = append(only, "has(arrayConcat(places, institutions, actors), "+sqlString(f.Entity)+")")
	}
	order := "likes + replies + shares DESC, posted_at, id"
	if f.ByTime {
		order = "posted_at, id"
	}
	if f.Limit <= 0 {
		f.Limit = 20
	}
	q := `SELECT id, source, url, author_id, author_handle, author_name, toString(author_kind), author_org, toString(author_level),
		title, text, posted_at, likes + replies + shares, toString(sentiment), toString(hostility), actors, toString(stance), programs, places, breach_unverified, cues
	FROM ` + Read{Cols: withURL(reportPostCols, f.Links), Where: where, Only: strings.Join(only, " AND "), Final: true}.SQL() +
		` ORDER BY ` + order + fmt.Sprintf(" LIMIT %d", f.Limit)
	rows, err := db.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("report posts: %w", err)
	}
	defer rows.Close()
	var out []ReportPost
	for rows.Next() {
		var p ReportPost
		var unv uint8
		if err := rows.Scan(&p.ID, &p.Source, &p.URL, &p.AuthorID, &p.AuthorHandle, &p.AuthorName, &p.AuthorKind, &p.AuthorOrg, &p.AuthorLevel,
			&p.Title, &p.Text, &p.PostedAt, &p.Engagement, &p.Sentiment, &p.Hostility, &p.Actors, &p.Stance, &p.Programs, &p.Places, &unv, &p.Cues); err != nil {
			return nil, fmt.Errorf("report posts: %w", err)
		}
		p.PostedAt = p.PostedAt.UTC()
		p.Unverified = unv == 1
		out = append(out, p)
	}
	return out, rows.Err()
}

// KeyCount is a count per value of a dimension.
type KeyCount struct {
	Key   string `json:"key"`
	Count int64  `json:"count"`
}

// ReportDim is a dimension of ReportCounts.
type ReportDim string

// Report dimensions for ReportCounts.
const (
	ReportBySource     ReportDim = "source"
	ReportByModel      ReportDim = "model"
	ReportByProgram    ReportDim = "programs"
	ReportByPlace      ReportDim = "places"
	ReportByAuthorKind ReportDim = "author_kind"
)

var reportDimExpr = map[ReportDim]string{
	ReportBySource:     "toString(source)",
	ReportByModel:      "toString(model)",
	ReportByProgram:    "arrayJoin(programs)",
	ReportByPlace:      "arrayJoin(places)",
	ReportByAuthorKind: "toString(author_kind)",
}

// hostileIf is Hostile when on, else no condition.
func hostileIf(on bool) string {
	if on {
		return string(Hostile)
	}
	return ""
}

// ReportCounts counts w's mentions per value of dim (one of the Dim
// constants), most frequent first; hostileOnly counts abusive and hateful
// mentions only.
func (db *DB) ReportCounts(ctx context.Context, w Range, dim ReportDim, hostileOnly bool) ([]KeyCount, error) {
	expr, ok := reportDimExpr[dim]
	if !ok {
		return nil, fmt.Errorf("report counts: unknown dimension %q", dim)
	}
	q := `SELECT k, count() AS n FROM (SELECT ` + expr + ` AS k FROM ` + Read{Cols: []string{string(dim)}, Where: w.where(), Only: hostileIf(hostileOnly), Final: true}.SQL() + `) GROUP BY k ORDER BY n DESC, k`
	rows, err := db.conn.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("report counts by %s: %w", dim, err)
	}
	defer rows.Close()
	var out []KeyCount
	for rows.Next() {
		var k KeyCount
		var n uint64
		if err := rows.Scan(&k.Key, &n); err != nil {
			return nil, fmt.Errorf("report counts by %s: %w", dim, err)
		}
		k.Count = int64(n)
		out = append(out, k)
	}
	return out, rows.Err()
}

// SourceDay is one source's mention count on one local day.
type SourceDay struct {
	Source string    `json:"source"`
	Day    time.Time `json:"day"`
	Count  int64     `json:"count"`
}

// ReportSourceDays counts w's mentions per source and local day.
func (db *DB) ReportSourceDays(ctx context.Context, w Range, loc *time.Location) ([]SourceDay, error) {
	_, off := w.From.In(loc).Zone()
	q := fmt.Sprintf(`SELECT toString(source) AS s, toUInt64(intDiv(toUInt32(posted_at) + %d, 86400)) AS day, count()
	FROM `+reportRows(w, "source", "posted_at")+` GROUP BY s, day ORDER BY s, day`, off)
	rows, err := db.conn.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("report source days: %w", err)
	}
	defer rows.Close()
	var out []SourceDay
	for rows.Next() {
		var s SourceDay
		var day uint64
		var n uint64
		if err := rows.Scan(&s.Source, &day, &n); err != nil {
			return nil, fmt.Errorf("report source days: %w", err)
		}
		d := time.Unix(int64(day)*86400, 0).UTC()
		s.Day = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
		s.Count = int64(n)
		out = append(out, s)
	}
	return out, rows.Err()
}

// AccountStat is one account's activity in a window.
type AccountStat struct {
	Source     string `json:"source"`
	AuthorID   string `json:"author_id"`
	Handle     string `json:"handle"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Org        string `json:"org"`
	Mentions   int64  `json:"mentions"`
	Engagement int64  `json:"engagement"`
}

// ReportTopAccounts lists the accounts whose mentions drew the most
// engagement (likes + replies + shares) in w. Citizens appear under their
// pseudonym, as stored.
func (db *DB) ReportTopAccounts(ctx context.Context, w Range, limit int) ([]AccountStat, error) {
	if limit <= 0 {
		limit = 10
	}
	q := `SELECT toString(source) AS s, author_id AS a, any(author_handle), any(author_name), any(toString(author_kind)), any(author_org),
		count(), sum(likes + replies + shares) AS e
	FROM ` + Read{Cols: []string{"source", "author_id", "author_handle", "author_name", "author_kind", "author_org", "likes", "replies", "shares"},
		Where: w.where() + " AND author_id != ''", Final: true}.SQL() + `
	GROUP BY s, a ORDER BY e DESC, s, a` + fmt.Sprintf(" LIMIT %d", limit)
	rows, err := db.conn.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("report top accounts: %w", err)
	}
	defer rows.Close()
	var out []AccountStat
	for rows.Next() {
		var a AccountStat
		var n uint64
		if err := rows.Scan(&a.Source, &a.AuthorID, &a.Handle, &a.Name, &a.Kind, &a.Org, &n, &a.Engagement); err != nil {
			return nil, fmt.Errorf("report top accounts: %w", err)
		}
		a.Mentions = int64(n)
		out = append(out, a)
	}
	return out, rows.Err()
}

// CollectorRunStat summarises the collector passes of one collector in a
// window, from the collector_runs table.
type CollectorRunStat struct {
	Collector string    `json:"collector"`
	Source    string    `json:"source"`
	Runs      int64     `json:"runs"`
	Failed    int64     `json:"failed"`
	Items     int64     `json:"items"`
	FirstRun  time.Time `json:"first_run"`
	LastRun   time.Time `json:"last_run"`
	// LastOK is the end of the newest successful pass (zero when none).
	LastOK time.Time `json:"last_ok"`
	// LastErrorClass classifies the newest failure (auth, quota, network…).
	LastErrorClass string `json:"last_error_class,omitempty"`
}

// ReportTableExists says whether the database has the table name (the
// report uses collector_runs only where its migration ran).
func (db *DB) ReportTableExists(ctx context.Context, name string) (bool, error) {
	var n uint64
	if err := db.conn.QueryRow(ctx, "SELECT count() FROM system.tables WHERE database = ? AND name = ?", db.cfg.Database, name).Scan(&n); err != nil {
		return false, fmt.Errorf("table %s exists: %w", name, err)
	}
	return n > 0, nil
}

// ReportCollectorRuns summarises collector_runs over w (by started_at), per
// collector. ok is false when the table does not exist.
func (db *DB) ReportCollectorRuns(ctx context.Context, w Range) (stats []CollectorRunStat, ok bool, err error) {
	exists, err := db.ReportTableExists(ctx, "collector_runs")
	if err != nil || !exists {
		return nil, false, err
	}
	q := fmt.Sprintf(`SELECT toString(collector) AS c, any(toString(source)), count(), countIf(ok = 0), sum(items),
		min(started_at), max(started_at), maxIf(finished_at, ok = 1), argMaxIf(toString(error_class), started_at, ok = 0)
	FROM %s WHERE started_at >= toDateTime(%d) AND started_at < toDateTime(%d) GROUP BY c ORDER BY c`,
		db.table("collector_runs"), w.From.Unix(), w.To.Unix())
	rows, err := db.conn.Query(ctx, q)
	if err != nil {
		return nil, true, fmt.Errorf("report collector runs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s CollectorRunStat
		var n, f uint64
		if err := rows.Scan(&s.Collector, &s.Source, &n, &f, &s.Items, &s.FirstRun, &s.LastRun, &s.LastOK, &s.LastErrorClass); err != nil {
			return nil, true, fmt.Errorf("report collector runs: %w", err)
		}
		s.Runs, s.Failed = int64(n), int64(f)
		s.FirstRun, s.LastRun, s.LastOK = s.FirstRun.UTC(), s.LastRun.UTC(), s.LastOK.UTC()
		stats = append(stats, s)
	}
	return stats, true, rows.Err()
}
