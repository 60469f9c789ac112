package store

// Typed queries over raw mentions of a bounded range, with human
// corrections applied: lists of posts (top hostile, examples, neutrality
// breaches), top accounts and term counts.

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// effectiveMentions returns a subquery over the raw mentions of f's range
// (and source), one row per stored version, with the listed raw columns
// plus id, posted_at, author_kind and the effective tags e_sentiment,
// e_hostility, e_partisan, e_threat, e_emotion, e_programs, e_places,
// e_breach (the model's tags overridden by label_overrides). pre is a
// cheap condition on raw columns ("" for none); mentions with a correction
// always pass it, so a correction can bring a mention in as well as out.
func (db *DB) effectiveMentions(f Filter, cols []string, pre string) string {
	return db.effectiveMentionsWhere(f, cols, pre, false)
}

// effectiveMentionsWhere is effectiveMentions; with exact, pre alone
// selects the rows (no corrected mention is added), for reading known ids.
func (db *DB) effectiveMentionsWhere(f Filter, cols []string, pre string, exact bool) string {
	conds := []string{rangeCond(f.Range)}
	if f.Source != "" {
		conds = append(conds, "source = "+sqlString(f.Source))
	}
	corrected := "id IN (SELECT mention_id FROM " + db.table("label_corrections") + ")"
	var pres []string
	if pre != "" {
		pres = append(pres, "("+pre+")")
	}
	switch {
	case f.Program == NoProgram:
		pres = append(pres, "empty(programs)")
	case f.Program != "":
		pres = append(pres, "has(programs, "+sqlString(f.Program)+")")
	}
	switch {
	case f.Place == NoPlace:
		pres = append(pres, "empty(places)")
	case f.Place != "":
		pres = append(pres, "has(places, "+sqlString(f.Place)+")")
	}
	switch {
	case exact && len(pres) > 0:
		conds = append(conds, strings.Join(pres, " AND "))
	case len(pres) > 0:
		conds = append(conds, "("+strings.Join(pres, " AND ")+" OR "+corrected+")")
	}
	raw := map[string]bool{"id": true, "posted_at": true, "author_kind": true, "sentiment": true, "hostility": true, "partisan": true,
		"threat": true, "emotion": true, "programs": true, "places": true, "neutrality_breach": true}
	inner := []string{"id", "posted_at", "author_kind", "sentiment", "hostility", "partisan", "threat", "emotion", "programs", "places", "neutrality_breach"}
	for _, c := range cols {
		if !raw[c] {
			inner = append(inner, c)
			raw[c] = true
		}
	}
	outer := append([]string{}, inner...)
	outer = append(outer,
		"if(has_sentiment = 1, c_sentiment, toString(sentiment)) AS e_sentiment",
		"if(has_hostility = 1, c_hostility, toString(hostility)) AS e_hostility",
		"if(has_partisan = 1, c_partisan, partisan) AS e_partisan",
		"if(has_threat = 1, c_threat, threat) AS e_threat",
		"if(has_emotion = 1, c_emotion, toString(emotion)) AS e_emotion",
		"if(has_programs = 1, c_programs, programs) AS e_programs",
		"if(has_places = 1, c_places, places) AS e_places",
		"if(has_partisan = 1, toUInt8(c_partisan = 1 AND author_kind = 'government'), neutrality_breach) AS e_breach",
	)
	// PREWHERE: the wide columns (text) are read only for rows that pass.
	return "SELECT " + strings.Join(outer, ", ") + " FROM (SELECT " + strings.Join(inner, ", ") + " FROM " + db.table("mentions") +
		" PREWHERE " + strings.Join(conds, " AND ") + ") ANY LEFT JOIN (SELECT id, has_sentiment, sentiment AS c_sentiment, has_hostility, hostility AS c_hostility," +
		" has_partisan, partisan AS c_partisan, has_threat, threat AS c_threat, has_emotion, emotion AS c_emotion, has_programs, programs AS c_programs," +
		" has_places, places AS c_places FROM " + db.table("label_overrides") + ") USING id"
}

// effectiveScope is the condition of f's program and place on the
// effective tags of an effectiveMentions row.
func effectiveScope(f Filter) string {
	c := []string{"1"}
	switch {
	case f.Program == NoProgram:
		c = append(c, "empty(e_programs)")
	case f.Program != "":
		c = append(c, "has(e_programs, "+sqlString(f.Program)+")")
	}
	switch {
	case f.Place == NoPlace:
		c = append(c, "empty(e_places)")
	case f.Place != "":
		c = append(c, "has(e_places, "+sqlString(f.Place)+")")
	}
	return strings.Join(c, " AND ")
}

// Post is one mention as dashboards, reports and alerts show it. Citizen
// authors carry their pseudonym (warga-…) as AuthorID and AuthorHandle
// and no name; government, media and public-admin accounts are named.
// Tags are the effective ones (human corrections applied).
type Post struct {
	ID                  string    `json:"id"`
	Source              string    `json:"source"`
	URL                 string    `json:"url"`
	PostedAt            time.Time `json:"posted_at"`
	AuthorID            string    `json:"author_id"`
	AuthorHandle        string    `json:"author_handle"`
	AuthorName          string    `json:"author_name"`
	AuthorKind          string    `json:"author_kind"`
	AuthorOrg           string    `json:"author_org"`
	AuthorLevel         string    `json:"author_level"`
	Title               string    `json:"title"`
	Text                string    `json:"text"`
	Sentiment           string    `json:"sentiment"`
	Hostility           string    `json:"hostility"`
	HostilityTarget     string    `json:"hostility_target"`
	HostilityCategories []string  `json:"hostility_categories"`
	Threat              bool      `json:"threat"`
	Emotion             string    `json:"emotion"`
	Partisan            bool      `json:"partisan"`
	Stance              string    `json:"stance"`
	Actors              []string  `json:"actors"`
	Breach              bool      `json:"neutrality_breach"`
	BreachUnverified    bool      `json:"neutrality_breach_unverified"`
	Programs            []string  `json:"programs"`
	Places              []string  `json:"places"`
	Likes               int64     `json:"likes"`
	Replies             int64     `json:"replies"`
	Shares              int64     `json:"shares"`
	Views               int64     `json:"views"`
	// Engagement is Likes + Replies + Shares.
	Engagement int64 `json:"engagement"`
}

// PostOrder is the order of a post list.
type PostOrder string

// Post orders: most engagement (then views) first, or newest first.
const (
	ByEngagement PostOrder = "engagement"
	ByRecent     PostOrder = "recent"
)

// PostQuery selects posts within a Filter. Empty fields match everything.
type PostQuery struct {
	// Sentiment is positive, neutral or negative.
	Sentiment string
	// Hostile keeps abusive or hateful posts only; Threat threats only.
	Hostile, Threat bool
	// Partisan keeps partisan posts; Breach neutrality breaches.
	Partisan, Breach bool
	// AuthorKind keeps one kind of author (citizen, government…).
	AuthorKind string
	// Order defaults to ByEngagement; Limit to 10 (at most 1000).
	Order PostOrder
	Limit int
}

var postCols = []string{"source", "url", "author_id", "author_handle", "author_name", "author_org", "author_level", "title", "text",
	"hostility_target", "hostility_categories", "stance", "actors", "breach_unverified", "likes", "replies", "shares", "views"}

// Posts returns the posts of f matching q, one per mention, in q.Order.
// Two steps: the ids are ranked over narrow columns, then only the
// winners' texts are read.
func (db *DB) Posts(ctx context.Context, f Filter, q PostQuery) ([]Post, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	if q.Limit <= 0 {
		q.Limit = 10
	}
	if q.Limit > 1000 {
		q.Limit = 1000
	}
	var pre, cond []string
	cond = append(cond, effectiveScope(f))
	if q.Sentiment != "" {
		switch q.Sentiment {
		case "positive", "neutral", "negative":
		default:
			return nil, fmt.Errorf("%w: sentiment %q", ErrBadQuery, q.Sentiment)
		}
		pre = append(pre, "sentiment = "+sqlString(q.Sentiment))
		cond = append(cond, "e_sentiment = "+sqlString(q.Sentiment))
	}
	if q.Hostile {
		pre = append(pre, "hostility IN ('abusive', 'hate')")
		cond = append(cond, "e_hostility IN ('abusive', 'hate')")
	}
	if q.Threat {
		pre = append(pre, "threat = 1")
		cond = append(cond, "e_threat = 1")
	}
	if q.Partisan {
		pre = append(pre, "partisan = 1")
		cond = append(cond, "e_partisan = 1")
	}
	if q.Breach {
		pre = append(pre, "neutrality_breach = 1 OR author_kind = 'government'")
		cond = append(cond, "e_breach = 1")
	}
	if q.AuthorKind != "" {
		cond = append(cond, "author_kind = "+sqlString(q.AuthorKind))
	}
	order := "likes + replies + shares DESC, views DESC, posted_at DESC, id"
	switch q.Order {
	case "", ByEngagement:
	case ByRecent:
		order = "posted_at DESC, id"
	default:
		return nil, fmt.Errorf("%w: post order %q", ErrBadQuery, q.Order)
	}
	for i := range pre {
		pre[i] = "(" + pre[i] + ")"
	}
	src := db.effectiveMentions(f, []string{"likes", "replies", "shares", "views"}, strings.Join(pre, " AND "))
	rank := "SELECT id, toUInt32(posted_at) FROM (" + src + ") WHERE " + strings.Join(cond, " AND ") + " ORDER BY " + order + fmt.Sprintf(" LIMIT %d", 2*q.Limit+10)
	var ids []string
	seen := map[string]bool{}
	var span Range
	err := db.queryRows(ctx, "posts", rank, func(rows interface{ Scan(...any) error }) error {
		var id string
		var at uint32
		if err := rows.Scan(&id, &at); err != nil {
			return err
		}
		if !seen[id] && len(ids) < q.Limit {
			seen[id] = true
			ids = append(ids, id)
			t := unix(at)
			if span.From.IsZero() || t.Before(span.From) {
				span.From = t
			}
			if t.After(span.To) {
				span.To = t
			}
		}
		return nil
	})
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	// The texts are read only over the span of the winners.
	span.To = span.To.Add(time.Second)
	return db.postsByID(ctx, span, ids)
}

// postsByID reads the posts ids (posted within r) in the order of ids.
func (db *DB) postsByID(ctx context.Context, r Range, ids []string) ([]Post, error) {
	f := Filter{Range: r}
	src := db.effectiveMentionsWhere(f, postCols, "id IN ("+quoteList(ids)+")", true)
	q := `SELECT id, toString(source), url, toUInt32(posted_at), author_id, author_handle, author_name, toString(author_kind), author_org, toString(author_level),
	title, text, e_sentiment, e_hostility, toString(hostility_target), hostility_categories, e_threat, e_emotion, e_partisan, toString(stance), actors,
	e_breach, breach_unverified, e_programs, e_places, likes, replies, shares, views
	FROM (` + src + `) ORDER BY id, likes + replies + shares DESC`
	byID := map[string]Post{}
	err := db.queryRows(ctx, "posts", q, func(rows interface{ Scan(...any) error }) error {
		var p Post
		var at uint32
		var threat, partisan, breach, unverified uint8
		if err := rows.Scan(&p.ID, &p.Source, &p.URL, &at, &p.AuthorID, &p.AuthorHandle, &p.AuthorName, &p.AuthorKind, &p.AuthorOrg, &p.AuthorLevel,
			&p.Title, &p.Text, &p.Sentiment, &p.Hostility, &p.HostilityTarget, &p.HostilityCategories, &threat, &p.Emotion, &partisan, &p.Stance, &p.Actors,
			&breach, &unverified, &p.Programs, &p.Places, &p.Likes, &p.Replies, &p.Shares, &p.Views); err != nil {
			return err
		}
		if _, dup := byID[p.ID]; dup {
			return nil
		}
		p.PostedAt = unix(at)
		p.Threat, p.Partisan, p.Breach, p.BreachUnverified = threat == 1, partisan == 1, breach == 1, unverified == 1
		p.Engagement = p.Likes + p.Replies + p.Shares
		byID[p.ID] = p
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Post, 0, len(ids))
	for _, id := range ids {
		if p, ok := byID[id]; ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// quoteList is ids as a comma-separated list of string literals.
func quoteList(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = sqlString(id)
	}
	return strings.Join(q, ", ")
}

// TopHostilePosts returns the most engaging abusive or hateful posts of f
// (at most limit), with pseudonymised citizen authors.
func (db *DB) TopHostilePosts(ctx context.Context, f Filter, limit int) ([]Post, error) {
	return db.Posts(ctx, f, PostQuery{Hostile: true, Order: ByEngagement, Limit: limit})
}

// NeutralityBreaches returns the partisan posts of government accounts in
// f, newest first (at most limit): agency (AuthorOrg), level
// (AuthorLevel), link (URL), time, actors and stance.
func (db *DB) NeutralityBreaches(ctx context.Context, f Filter, limit int) ([]Post, error) {
	return db.Posts(ctx, f, PostQuery{Breach: true, Order: ByRecent, Limit: limit})
}

// ExamplePosts returns up to limit posts of f for a scope and window
// (alerts, program pages), most engaging first; sentiment optionally
// narrows them ("" for any).
func (db *DB) ExamplePosts(ctx context.Context, f Filter, sentiment string, limit int) ([]Post, error) {
	return db.Posts(ctx, f, PostQuery{Sentiment: sentiment, Order: ByEngagement, Limit: limit})
}

// Account is one author's activity over a range.
type Account struct {
	Source string `json:"source"`
	// AuthorID and Handle are pseudonyms (warga-…) for citizens.
	AuthorID   string `json:"author_id"`
	Handle     string `json:"handle"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Org        string `json:"org"`
	Mentions   int64  `json:"mentions"`
	Engagement int64  `json:"engagement"`
	Views      int64  `json:"views"`
	Hostile    int64  `json:"hostile"`
	Negative   int64  `json:"negative"`
	Partisan   int64  `json:"partisan"`
}

// TopAccounts returns the accounts of f with the most engagement (likes +
// replies + shares of their mentions), at most limit, ties by mentions
// then author id. Each mention counts once; tags are effective. Without a
// program or place filter it reads the accounts_daily rollup, over whole
// local days (the range is widened to midnight WITA at both ends), and
// names from authors; with one it reads the raw mentions of the range.
func (db *DB) TopAccounts(ctx context.Context, f Filter, limit int) ([]Account, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 10
	}
	if f.Program == "" && f.Place == "" {
		return db.topAccountsRollup(ctx, f, limit)
	}
	src := db.effectiveMentions(f, []string{"source", "author_id", "author_handle", "author_name", "author_org", "likes", "replies", "shares", "views"}, "author_id != ''")
	per := `SELECT id, any(source) AS s, any(author_id) AS a, any(author_handle) AS h, any(author_name) AS nm, any(author_kind) AS k, any(author_org) AS o,
	max(likes + replies + shares) AS eng, max(views) AS v, any(e_hostility) AS hos, any(e_sentiment) AS sen, any(e_partisan) AS par
	FROM (` + src + `) WHERE author_id != '' AND ` + effectiveScope(f) + ` GROUP BY id`
	q := `SELECT toString(s), a, any(h), any(nm), toString(any(k)), any(o), toInt64(count()), sum(eng), sum(v),
	toInt64(countIf(hos IN ('abusive', 'hate'))), toInt64(countIf(sen = 'negative')), toInt64(countIf(par = 1))
	FROM (` + per + `) GROUP BY s, a ORDER BY sum(eng) DESC, count() DESC, a LIMIT ` + fmt.Sprint(limit)
	var out []Account
	err := db.queryRows(ctx, "top accounts", q, func(rows interface{ Scan(...any) error }) error {
		var a Account
		if err := rows.Scan(&a.Source, &a.AuthorID, &a.Handle, &a.Name, &a.Kind, &a.Org, &a.Mentions, &a.Engagement, &a.Views, &a.Hostile, &a.Negative, &a.Partisan); err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

// dayRange is r widened to whole local days, as Date literals [d0, d1).
func dayRange(r Range) (d0, d1 string) {
	return tLit("day", floorLocalDay(r.From)), tLit("day", ceilLocalDay(r.To))
}

func (db *DB) topAccountsRollup(ctx context.Context, f Filter, limit int) ([]Account, error) {
	d0, d1 := dayRange(f.Range)
	cond := "day >= " + d0 + " AND day < " + d1
	if f.Source != "" {
		cond += " AND source = " + sqlString(f.Source)
	}
	// Two steps: rank the accounts by a 64-bit hash of (source, author)
	// reading three narrow columns, then read the winners' details. Ties
	// at the limit are broken by the hash; within the result by author id.
	rank := `SELECT cityHash64(source, author_id) AS k, sum(engagement) AS e, sum(mentions) AS n FROM ` + db.table("accounts_daily") +
		` WHERE ` + cond + ` GROUP BY k HAVING n > 0 ORDER BY e DESC, n DESC, k LIMIT ` + fmt.Sprint(limit)
	var keys []string
	err := db.queryRows(ctx, "top accounts", rank, func(rows interface{ Scan(...any) error }) error {
		var k uint64
		var e, n int64
		if err := rows.Scan(&k, &e, &n); err != nil {
			return err
		}
		keys = append(keys, fmt.Sprint(k))
		return nil
	})
	if err != nil || len(keys) == 0 {
		return nil, err
	}
	q := `SELECT toString(any(source)), any(author_id) AS a, toString(any(author_kind)), sum(mentions) AS n, sum(engagement) AS e, sum(views),
	sum(hostile), sum(negative), sum(partisan)
	FROM ` + db.table("accounts_daily") + ` WHERE ` + cond + ` AND cityHash64(source, author_id) IN (` + strings.Join(keys, ", ") + `)
	GROUP BY cityHash64(source, author_id) ORDER BY e DESC, n DESC, a`
	var out []Account
	err = db.queryRows(ctx, "top accounts", q, func(rows interface{ Scan(...any) error }) error {
		var a Account
		if err := rows.Scan(&a.Source, &a.AuthorID, &a.Kind, &a.Mentions, &a.Engagement, &a.Views, &a.Hostile, &a.Negative, &a.Partisan); err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	srcs, ids := map[string]bool{}, map[string]bool{}
	var srcList, idList []string
	for _, a := range out {
		if !srcs[a.Source] {
			srcs[a.Source] = true
			srcList = append(srcList, a.Source)
		}
		if !ids[a.AuthorID] {
			ids[a.AuthorID] = true
			idList = append(idList, a.AuthorID)
		}
	}
	type names struct{ handle, name, org string }
	byKey := map[[2]string]names{}
	nq := `SELECT toString(source), author_id, argMax(handle, seen_at), argMax(name, seen_at), argMax(org, seen_at) FROM ` + db.table("authors") +
		` WHERE source IN (` + quoteList(srcList) + `) AND author_id IN (` + quoteList(idList) + `) GROUP BY source, author_id`
	err = db.queryRows(ctx, "top accounts: names", nq, func(rows interface{ Scan(...any) error }) error {
		var src, id string
		var n names
		if err := rows.Scan(&src, &id, &n.handle, &n.name, &n.org); err != nil {
			return err
		}
		byKey[[2]string{src, id}] = n
		return nil
	})
	for i := range out {
		n := byKey[[2]string{out[i].Source, out[i].AuthorID}]
		out[i].Handle, out[i].Name, out[i].Org = n.handle, n.name, n.org
	}
	return out, err
}

// termsRollupSQL counts mentions per term from terms_daily over whole
// local days, curCond and baseCond being conditions on `day`.
func (db *DB) termsRollupSQL(f Filter, having, order string, limit int, curCond, baseCond string) string {
	d0, d1 := dayRange(f.Range)
	conds := []string{"day >= " + d0, "day < " + d1, "NOT has([" + quoteList(stopwords) + "], term)"}
	switch {
	case f.Program == NoProgram:
		conds = append(conds, "program = ''")
	case f.Program != "":
		conds = append(conds, "program = "+sqlString(f.Program))
	default:
		conds = append(conds, "first_program = 1")
	}
	return "SELECT term, sumIf(mentions, " + curCond + ") AS cur, sumIf(mentions, " + baseCond + ") AS base FROM " + db.table("terms_daily") +
		" WHERE " + strings.Join(conds, " AND ") + " GROUP BY term HAVING " + having + " ORDER BY " + order + fmt.Sprintf(" LIMIT %d", limit)
}

// dayCond is the condition of `day` within r widened to whole local days.
func dayCond(r Range) string {
	d0, d1 := dayRange(r)
	return "day >= " + d0 + " AND day < " + d1
}

// termPattern is how terms are cut from lower-cased text in ClickHouse:
// #hashtags and words of letters, digits and underscores (ASCII, as
// Indonesian and Banjar are written).
const termPattern = `#?[a-z0-9_]+`

// stopwords are frequent Indonesian and Banjar function words that are
// never "terms".
var stopwords = []string{
	"yang", "dan", "di", "ke", "dari", "ini", "itu", "untuk", "dengan", "pada", "ada", "tidak", "gak", "ga", "nggak", "enggak", "sudah", "udah",
	"akan", "juga", "atau", "karena", "saja", "aja", "kita", "kami", "saya", "aku", "kamu", "anda", "dia", "mereka", "lagi", "bisa", "jadi",
	"lebih", "masih", "oleh", "sebagai", "dalam", "para", "tapi", "tetapi", "kalau", "kalo", "biar", "agar", "buat", "sama", "pun", "lah",
	"kah", "nya", "si", "sang", "bagi", "hari", "ya", "yg", "dgn", "utk", "tdk", "sdh", "jg", "kok", "deh", "dong", "sih", "nih", "tuh",
	"banar", "kada", "ulun", "pian", "kam", "nang", "lawan", "jua", "haja", "wan", "tu", "ni", "https", "http", "www", "com", "the", "and",
	"of", "to", "in", "is", "a", "an", "rt", "amp", "co",
}

// Term is a word or #hashtag with the distinct mentions using it.
type Term struct {
	Term  string `json:"term"`
	Count int64  `json:"count"`
	// Baseline is the count in the baseline range (RisingTerms only).
	Baseline int64 `json:"baseline,omitempty"`
	// Rise is (Count+1)/(Baseline×scale+1), scale = current length over
	// baseline length (RisingTerms only).
	Rise float64 `json:"rise,omitempty"`
}

// termsSQL counts distinct mentions per term over the effective mentions
// of f, with cur as the condition counted in `cur` and base in `base`.
func (db *DB) termsSQL(f Filter, minLen int, having, order string, limit int, curCond, baseCond string) string {
	src := db.effectiveMentions(f, []string{"title", "text"}, "")
	inner := "SELECT id, posted_at, arrayJoin(arrayDistinct(extractAll(lowerUTF8(concat(title, ' ', text)), '" + termPattern + "'))) AS term FROM (" + src + ") WHERE " + effectiveScope(f)
	return "SELECT term, toInt64(uniqExactIf(id, " + curCond + ")) AS cur, toInt64(uniqExactIf(id, " + baseCond + ")) AS base FROM (" + inner + ")" +
		fmt.Sprintf(" WHERE lengthUTF8(term) >= %d AND NOT has([%s], term) AND NOT match(term, '^[0-9_]+$')", minLen, quoteList(stopwords)) +
		" GROUP BY term HAVING " + having + " ORDER BY " + order + fmt.Sprintf(" LIMIT %d", limit)
}

// TermCounts returns the most used terms (words of at least 3 letters and
// #hashtags, stopwords removed) of f's mentions, counted once per mention,
// at most limit, ties alphabetical. Without place or source filter it
// reads the terms_daily rollup over whole local days (the range widened
// to midnight WITA at both ends); otherwise it tokenises the raw mentions
// of the range in ClickHouse (extractAll over lowerUTF8(title + text)).
func (db *DB) TermCounts(ctx context.Context, f Filter, limit int) ([]Term, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	q := db.termsSQL(f, 3, "cur > 0", "cur DESC, term", limit, "1", "0")
	if f.Place == "" && f.Source == "" {
		q = db.termsRollupSQL(f, "cur > 0", "cur DESC, term", limit, "1", "0")
	}
	var out []Term
	err := db.queryRows(ctx, "term counts", q, func(rows interface{ Scan(...any) error }) error {
		var t Term
		if err := rows.Scan(&t.Term, &t.Count, &t.Baseline); err != nil {
			return err
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// RisingTerms compares the terms of f.Range with those of the baseline
// range (usually the same length just before): it returns terms used by at
// least minCount mentions of f.Range, ranked by Rise (ties by count,
// term), at most limit. Program, place and source of f apply to both.
// Like TermCounts it reads terms_daily (whole local days) when it can.
func (db *DB) RisingTerms(ctx context.Context, f Filter, baseline Range, minCount, limit int) ([]Term, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	if err := baseline.validate(); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	if minCount < 1 {
		minCount = 1
	}
	both := f
	both.From, both.To = minTime(f.From, baseline.From), maxTime(f.To, baseline.To)
	scale := float64(f.To.Sub(f.From)) / float64(baseline.To.Sub(baseline.From))
	q := db.termsSQL(both, 3, fmt.Sprintf("cur >= %d", minCount), "cur DESC, term", 5000,
		rangeCond(f.Range), rangeCond(baseline))
	if f.Place == "" && f.Source == "" {
		q = db.termsRollupSQL(both, fmt.Sprintf("cur >= %d", minCount), "cur DESC, term", 5000, dayCond(f.Range), dayCond(baseline))
	}
	var out []Term
	err := db.queryRows(ctx, "rising terms", q, func(rows interface{ Scan(...any) error }) error {
		var t Term
		if err := rows.Scan(&t.Term, &t.Count, &t.Baseline); err != nil {
			return err
		}
		t.Rise = float64(t.Count+1) / (float64(t.Baseline)*scale + 1)
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Rise != out[j].Rise {
			return out[i].Rise > out[j].Rise
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Term < out[j].Term
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Snippet shortens s to at most n runes at a word boundary, adding "…".
func Snippet(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
