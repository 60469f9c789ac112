package store

// The read model: every reader of tagged mentions — the Grafana panels
// (dashboards/queries.go), the weekly report (report_queries.go), the run
// summary (summary.go), the alerts (alert_queries.go), the review queue
// (review.go) and the exports (corrections.go) — reads the *effective*
// labels, the model's tags with the human corrections of label_corrections
// applied, through the SQL of this file, and nothing else.
//
// Rollups (materialized views) cannot see a correction made after the
// mention was counted: DB.AddCorrections writes the correction's delta
// into them (a −1 row with the old effective labels, a +1 row with the
// new), so panels reading the rollups agree with the readers of raw rows.
// Not adjusted: unique authors (a uniq state cannot be decremented) and
// terms_daily (terms stay under the programs of the first version).
//
// Table names are unqualified: Grafana's SQL runs in the data source's
// database and DB's connection opens in cfg.Database.

import (
	"regexp"
	"strings"
)

// Label is a condition on the labels of a mention (which mentions count
// as hostile, negative, partisan…), written once over the label columns.
// It holds for the model's labels of raw rows and for the effective labels
// of Read's rows alike (Read keeps the column names).
type Label string

// The labels readers count by.
const (
	AnyLabel Label = ""
	Hostile  Label = "hostility IN ('abusive', 'hate')"
	Negative Label = "sentiment = 'negative'"
	Partisan Label = "partisan = 1"
	Threat   Label = "threat = 1"
	Breach   Label = "neutrality_breach = 1"
)

// Scopes of the signals_hourly rollup and of the alert counts: the whole
// city, one program or one place ("program:<catalog id>", "place:<id>").
const (
	ScopeAll           = "all"
	ScopeProgramPrefix = "program:"
	ScopePlacePrefix   = "place:"
)

// Corrected is the condition on raw mention rows that a human corrected at
// least one of the mention's labels.
const Corrected = "id IN (SELECT mention_id FROM label_corrections)"

// InReview selects, on raw mention rows (FINAL: the latest version), the
// review queue: a tagger was unsure (needs_review) and no human has
// corrected the mention yet. `dengar labels queue` writes these mentions,
// and the run summary counts them.
const InReview = "needs_review = 1 AND NOT " + Corrected

// correctedKeys are the primary keys of the corrected mentions: reading
// them by key touches only the granules that hold them.
const correctedKeys = "(toStartOfHour(posted_at), id) IN (SELECT toStartOfHour(posted_at), mention_id FROM label_corrections)"

// overrides is the newest correction of every corrected field, one row per
// mention: has_<field> = 1 where a human set <field>, c_<field> the value.
const overrides = `SELECT mention_id AS id,
    max(field = 'sentiment') AS has_sentiment, argMaxIf(value, corrected_at, field = 'sentiment') AS c_sentiment,
    max(field = 'hostility') AS has_hostility, argMaxIf(value, corrected_at, field = 'hostility') AS c_hostility,
    max(field = 'emotion') AS has_emotion, argMaxIf(value, corrected_at, field = 'emotion') AS c_emotion,
    max(field = 'partisan') AS has_partisan, toUInt8(argMaxIf(value, corrected_at, field = 'partisan') = '1') AS c_partisan,
    max(field = 'threat') AS has_threat, toUInt8(argMaxIf(value, corrected_at, field = 'threat') = '1') AS c_threat,
    max(field = 'programs') AS has_programs, arrayFilter(x -> x != '', splitByChar(',', argMaxIf(value, corrected_at, field = 'programs'))) AS c_programs,
    max(field = 'places') AS has_places, arrayFilter(x -> x != '', splitByChar(',', argMaxIf(value, corrected_at, field = 'places'))) AS c_places
  FROM label_corrections
  GROUP BY mention_id`

// labelCol is a column whose effective value may differ from the stored
// one: its stored form (cast so both branches of Read agree on the type,
// LowCardinality dropped) and its effective form over the overrides.
type labelCol struct {
	name, stored, effective string
}

// labelCols are the correctable labels and those derived from them: a
// partisan correction also sets political (a partisan post is political)
// and decides the neutrality breach (a partisan post by a government
// account).
var labelCols = []labelCol{
	{"sentiment", "CAST(sentiment AS String)", "if(has_sentiment = 1, c_sentiment, m_sentiment)"},
	{"hostility", "CAST(hostility AS String)", "if(has_hostility = 1, c_hostility, m_hostility)"},
	{"emotion", "CAST(emotion AS String)", "if(has_emotion = 1, c_emotion, m_emotion)"},
	{"partisan", "partisan", "if(has_partisan = 1, c_partisan, m_partisan)"},
	{"threat", "threat", "if(has_threat = 1, c_threat, m_threat)"},
	{"programs", "programs", "if(has_programs = 1, c_programs, m_programs)"},
	{"places", "places", "if(has_places = 1, c_places, m_places)"},
	{"political", "political", "if(has_partisan = 1 AND c_partisan = 1, toUInt8(1), m_political)"},
	{"neutrality_breach", "neutrality_breach", "if(has_partisan = 1, toUInt8(c_partisan = 1 AND m_author_kind = 'government'), m_neutrality_breach)"},
}

var labelWord = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for _, l := range labelCols {
		m[l.name] = regexp.MustCompile(`\b` + l.name + `\b`)
	}
	return m
}()

// Read is one read of effective mentions. Its SQL is a FROM source whose
// rows have the columns of mentions under their own names, the labels
// effective.
type Read struct {
	// Cols are the columns the rows carry: any column of mentions (seen_h
	// too), or "<expression over stored columns> AS <name>". sentiment,
	// hostility, emotion, partisan, threat, programs, places, political
	// and neutrality_breach carry the effective value.
	Cols []string
	// Where are conditions on columns no correction changes (posted_at,
	// source, author_*, id…), applied to the stored rows first. A bound
	// parameter in it must be named (@name): the SQL holds Where twice.
	Where string
	// Only keeps the rows whose effective labels satisfy it (Hostile,
	// has(programs, 'x')…), read narrowly: the stored rows whose model
	// labels satisfy it, plus the corrected mentions. Columns other than
	// the labels that it names must be in Cols.
	Only string
	// Final reads the latest stored version of each mention (FINAL), for
	// bounded ranges; without it every stored version is a row (Grafana's
	// lists over long ranges: they count distinct ids or keep one row per
	// id).
	Final bool
	// Table is the table of stored rows read, mentions when empty
	// (retag_stage: a re-tag's new versions before they are stored).
	Table string
}

// SQL returns the read as a parenthesised subquery: the stored rows
// joined with the newest corrections of their mentions. With Only, two
// branches instead, so that the model's labels narrow the read: the
// mentions no human corrected whose labels satisfy Only, read as stored,
// and the corrected mentions, read by primary key and joined.
func (r Read) SQL() string {
	cols := append([]string(nil), r.Cols...)
	have := map[string]bool{}
	for _, c := range cols {
		have[c] = true
	}
	for _, l := range labelCols {
		if r.Only != "" && !have[l.name] && labelWord[l.name].MatchString(r.Only) {
			cols = append(cols, l.name)
			have[l.name] = true
		}
	}
	// Inner columns: labels as m_<name>, the rest by name; id (the join
	// key) and, for the breach, author_kind and partisan always.
	inner := []string{"id"}
	innerHave := map[string]bool{"id": true}
	addInner := func(expr, name string) {
		if !innerHave[name] {
			innerHave[name] = true
			if expr == name {
				inner = append(inner, name)
			} else {
				inner = append(inner, expr+" AS "+name)
			}
		}
	}
	var stored, effective []string
	for _, c := range cols {
		l, isLabel := findLabel(c)
		if !isLabel {
			expr, name := c, c
			if i := strings.LastIndex(c, " AS "); i > 0 {
				expr, name = c[:i], c[i+4:]
			}
			addInner(expr, name)
			stored = append(stored, name)
			effective = append(effective, name)
			continue
		}
		addInner(l.stored, "m_"+c)
		if c == "neutrality_breach" {
			addInner("author_kind", "m_author_kind")
		}
		stored = append(stored, "m_"+c+" AS "+c)
		effective = append(effective, l.effective+" AS "+c)
	}
	table := "mentions"
	if r.Table != "" {
		table = r.Table
	}
	final := ""
	if r.Final {
		final = " FINAL"
	}
	where := func(conds ...string) string {
		var w []string
		for _, c := range conds {
			if c != "" {
				w = append(w, "("+c+")")
			}
		}
		if len(w) == 0 {
			return "1"
		}
		return strings.Join(w, " AND ")
	}
	join := func(w string) string {
		return "SELECT " + strings.Join(effective, ", ") + `
  FROM (SELECT ` + strings.Join(inner, ", ") + " FROM " + table + final + " WHERE " + w + `)
  ANY LEFT JOIN (` + overrides + `) USING id`
	}
	if r.Only == "" {
		// Every row joined with the overrides (a small hash table): one
		// pass, Where evaluated once.
		return "(\n  " + join(where(r.Where)) + "\n)"
	}
	// Narrow: the uncorrected mentions whose model labels satisfy Only
	// (first, PREWHERE, when not FINAL: the model's labels are their
	// effective ones), and the corrected mentions, read by primary key and
	// joined with their corrections, that satisfy Only then.
	var a string
	if r.Final {
		a = "FROM " + table + final + " WHERE " + where(r.Only, r.Where, "NOT "+Corrected)
	} else {
		a = "FROM " + table + " PREWHERE " + r.Only + " WHERE " + where(r.Where, "NOT "+Corrected)
	}
	return `(
  SELECT ` + strings.Join(stored, ", ") + `
  FROM (SELECT ` + strings.Join(inner, ", ") + " " + a + `)
  UNION ALL
  SELECT * FROM (` + join(where(r.Where, correctedKeys)) + `) WHERE ` + r.Only + `
)`
}

func findLabel(name string) (labelCol, bool) {
	for _, l := range labelCols {
		if l.name == name {
			return l, true
		}
	}
	return labelCol{}, false
}
