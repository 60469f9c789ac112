package store

// Typed queries of the weekly report added for issues 20, 23 and 26: the
// words of a week's mentions for rising issues (phrases, hashtags and named
// entities, counted against their own baseline), hostility by kind, target
// and category, breaches per agency, and the weeks of a range that hold
// data. Effective labels, FINAL, half-open UTC ranges, as report_queries.go.

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// IssueText is one mention's words, for finding the week's rising issues.
type IssueText struct {
	ID, AuthorID string
	Title, Text  string
	// Entities are the catalog places, institutions and political actors
	// the mention names (effective labels).
	Entities []string
}

// ReportIssueTexts returns the title, text and named entities of up to
// limit mentions posted in w.
func (db *DB) ReportIssueTexts(ctx context.Context, w Range, limit int) ([]IssueText, error) {
	q := `SELECT id, author_id, title, text, arrayConcat(places, institutions, actors)
FROM ` + reportRows(w, "id", "author_id", "posted_at", "title", "text", "places", "institutions", "actors") + `
ORDER BY posted_at, id LIMIT ` + fmt.Sprint(limit)
	var out []IssueText
	err := db.queryRows(ctx, "report issue texts", q, func(rows interface{ Scan(...any) error }) error {
		var t IssueText
		if err := rows.Scan(&t.ID, &t.AuthorID, &t.Title, &t.Text, &t.Entities); err != nil {
			return err
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// tokenLine is a mention's title and text as its terms (termRegexp), one
// space between them and one on each side, so that a phrase is found as
// " w1 w2 " (whole words only).
const tokenLine = "concat(' ', arrayStringConcat(extractAll(lowerUTF8(concat(title, ' ', text)), '" + termRegexp + "'), ' '), ' ')"

// ReportPhraseCounts counts, for each phrase (words as tokenised by
// termRegexp, joined by one space) and each entity (a catalog id of
// places, institutions or actors), the mentions of w that use it.
func (db *DB) ReportPhraseCounts(ctx context.Context, w Range, phrases, entities []string) (phraseCounts, entityCounts []int64, err error) {
	phraseCounts, entityCounts = make([]int64, len(phrases)), make([]int64, len(entities))
	if len(phrases)+len(entities) == 0 {
		return phraseCounts, entityCounts, nil
	}
	quote := func(ss []string, pad bool) string {
		q := make([]string, len(ss))
		for i, s := range ss {
			if pad {
				s = " " + s + " "
			}
			q[i] = sqlString(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	// sumForEach sums the 0/1 arrays element-wise: one scan for every
	// phrase.
	if len(phrases) > 0 {
		q := `SELECT sumForEach(arrayMap(p -> toUInt64(position(t, p) > 0), CAST(` + quote(phrases, true) + ` AS Array(String))))
FROM (SELECT ` + tokenLine + ` AS t FROM ` + reportRows(w, "posted_at", "title", "text") + `)`
		var pc []uint64
		if err := db.conn.QueryRow(ctx, q).Scan(&pc); err != nil {
			return nil, nil, fmt.Errorf("report phrase counts: %w", err)
		}
		for i := range phraseCounts {
			if i < len(pc) {
				phraseCounts[i] = int64(pc[i])
			}
		}
	}
	if len(entities) > 0 {
		idx := map[string]int{}
		for i, e := range entities {
			idx[e] = i
		}
		q := `SELECT e, count() FROM (SELECT arrayJoin(arrayDistinct(arrayConcat(places, institutions, actors))) AS e
      FROM ` + reportRows(w, "posted_at", "places", "institutions", "actors") + `)
WHERE e IN ` + strings.Replace(strings.Replace(quote(entities, false), "[", "(", 1), "]", ")", 1) + ` GROUP BY e`
		err := db.queryRows(ctx, "report entity counts", q, func(rows interface{ Scan(...any) error }) error {
			var e string
			var n uint64
			if err := rows.Scan(&e, &n); err != nil {
				return err
			}
			entityCounts[idx[e]] = int64(n)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return phraseCounts, entityCounts, nil
}

// ReportWeeksWithData counts the weeks of w (consecutive 7-day spans from
// w.From) that hold at least one mention, overall and per source.
func (db *DB) ReportWeeksWithData(ctx context.Context, w Range) (all int, bySource map[string]int, err error) {
	week := fmt.Sprintf("intDiv(toUInt32(posted_at) - %d, 604800)", w.From.Unix())
	var n uint64
	if err := db.conn.QueryRow(ctx, `SELECT uniqExact(`+week+`) FROM `+reportRows(w, "posted_at")).Scan(&n); err != nil {
		return 0, nil, fmt.Errorf("report weeks with data: %w", err)
	}
	bySource = map[string]int{}
	err = db.queryRows(ctx, "report weeks with data", `SELECT toString(source) AS s, uniqExact(`+week+`) FROM `+reportRows(w, "source", "posted_at")+` GROUP BY s`,
		func(rows interface{ Scan(...any) error }) error {
			var s string
			var k uint64
			if err := rows.Scan(&s, &k); err != nil {
				return err
			}
			bySource[s] = int(k)
			return nil
		})
	return int(n), bySource, err
}

// HostileBreakdown is the hostile content of a range by kind, target and
// category. A threat is hostile whatever its label: Threats counts them
// (also counted under their label when abusive or hate).
type HostileBreakdown struct {
	Abusive, Hate, Threats int64
	// Targets (individual, institution, group, "" unknown) and
	// Categories (religion, race, gender, physical, other) of the hostile
	// mentions.
	Targets, Categories []KeyCount
}

// ReportHostility breaks the hostile mentions of w down.
func (db *DB) ReportHostility(ctx context.Context, w Range) (HostileBreakdown, error) {
	var b HostileBreakdown
	rows := Read{Cols: []string{"id", "hostility", "threat", "hostility_target", "hostility_categories"}, Where: w.where(),
		Only: "(" + string(Hostile) + " OR " + string(Threat) + ")", Final: true}.SQL()
	var ab, ha, th uint64
	if err := db.conn.QueryRow(ctx, `SELECT countIf(hostility = 'abusive'), countIf(hostility = 'hate'), countIf(threat = 1) FROM `+rows).Scan(&ab, &ha, &th); err != nil {
		return b, fmt.Errorf("report hostility: %w", err)
	}
	b.Abusive, b.Hate, b.Threats = int64(ab), int64(ha), int64(th)
	for _, dim := range []struct {
		expr string
		into *[]KeyCount
	}{{"toString(hostility_target)", &b.Targets}, {"arrayJoin(hostility_categories)", &b.Categories}} {
		err := db.queryRows(ctx, "report hostility", `SELECT `+dim.expr+` AS k, count() AS n FROM `+rows+` GROUP BY k ORDER BY n DESC, k`,
			func(r interface{ Scan(...any) error }) error {
				var k KeyCount
				var n uint64
				if err := r.Scan(&k.Key, &n); err != nil {
					return err
				}
				k.Count = int64(n)
				*dim.into = append(*dim.into, k)
				return nil
			})
		if err != nil {
			return b, err
		}
	}
	return b, nil
}

// KindHour is the hostile mentions of one hour by kind (Hour is its UTC
// start; Threats also counted under their label).
type KindHour struct {
	Hour                   time.Time
	Abusive, Hate, Threats int64
}

// ReportHostileHours counts w's hostile mentions per hour and kind (only
// hours with some).
func (db *DB) ReportHostileHours(ctx context.Context, w Range) ([]KindHour, error) {
	q := `SELECT toUInt64(intDiv(toUInt32(posted_at), 3600)) AS h, countIf(hostility = 'abusive'), countIf(hostility = 'hate'), countIf(threat = 1)
FROM ` + Read{Cols: []string{"posted_at", "hostility", "threat"}, Where: w.where(), Only: "(" + string(Hostile) + " OR " + string(Threat) + ")", Final: true}.SQL() + `
GROUP BY h ORDER BY h`
	var out []KindHour
	err := db.queryRows(ctx, "report hostile hours", q, func(rows interface{ Scan(...any) error }) error {
		var h, ab, ha, th uint64
		if err := rows.Scan(&h, &ab, &ha, &th); err != nil {
			return err
		}
		out = append(out, KindHour{Hour: time.Unix(int64(h)*3600, 0).UTC(), Abusive: int64(ab), Hate: int64(ha), Threats: int64(th)})
		return nil
	})
	return out, err
}

// AgencyBreaches is one account's neutrality breaches in a range, with
// its registry entry.
type AgencyBreaches struct {
	Agency     string `json:"agency"` // the organisation, else the account's name or handle
	Handle     string `json:"handle"`
	Source     string `json:"source"`
	Level      string `json:"level"`
	Unverified bool   `json:"unverified"`
	Breaches   int64  `json:"breaches"`
}

// ReportBreachesByAgency counts w's neutrality breaches per account, most
// first.
func (db *DB) ReportBreachesByAgency(ctx context.Context, w Range) ([]AgencyBreaches, error) {
	q := `SELECT if(author_org != '', author_org, if(author_name != '', author_name, author_handle)) AS agency,
	author_handle, toString(source), any(toString(author_level)), max(breach_unverified), count() AS n
FROM ` + Read{Cols: []string{"author_org", "author_name", "author_handle", "source", "author_level", "breach_unverified"}, Where: w.where(), Only: string(Breach), Final: true}.SQL() + `
GROUP BY agency, author_handle, source ORDER BY n DESC, agency, author_handle`
	var out []AgencyBreaches
	err := db.queryRows(ctx, "report breaches by agency", q, func(rows interface{ Scan(...any) error }) error {
		var a AgencyBreaches
		var unv uint8
		var n uint64
		if err := rows.Scan(&a.Agency, &a.Handle, &a.Source, &a.Level, &unv, &n); err != nil {
			return err
		}
		a.Unverified, a.Breaches = unv == 1, int64(n)
		out = append(out, a)
		return nil
	})
	return out, err
}
