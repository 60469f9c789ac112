package store

// Human label corrections (migration 0004): adding them (with their
// deltas into the rollups) and exporting corrected mentions as training
// data. How a correction applies is defined once, in readmodel.go.

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

// Correctable fields of a mention.
const (
	FieldSentiment = "sentiment"
	FieldHostility = "hostility"
	FieldPartisan  = "partisan"
	FieldThreat    = "threat"
	FieldEmotion   = "emotion"
	FieldPrograms  = "programs"
	FieldPlaces    = "places"
)

// CorrectionFields lists the fields a correction may set.
var CorrectionFields = []string{FieldSentiment, FieldHostility, FieldPartisan, FieldThreat, FieldEmotion, FieldPrograms, FieldPlaces}

// Correction is one human correction of one tag of one mention.
type Correction struct {
	// MentionID is the id of the corrected mention.
	MentionID string `json:"id"`
	// Field is one of CorrectionFields.
	Field string `json:"field"`
	// Value is the corrected label: positive|neutral|negative for
	// sentiment, none|abusive|hate for hostility, 0|1 for partisan and
	// threat, anger|fear|happy|love|sadness for emotion, a comma-separated
	// list of catalog ids (possibly empty) for programs and places.
	Value string `json:"value"`
	// Previous is the effective value before this correction (filled by
	// AddCorrections).
	Previous string `json:"previous,omitempty"`
	// By names who corrected; Note says why.
	By   string `json:"by,omitempty"`
	Note string `json:"note,omitempty"`
	// At is when; AddCorrections fills it with the current time when zero.
	At time.Time `json:"at,omitempty"`
}

var catalogIDs = regexp.MustCompile(`^[a-z0-9_.:-]+$`)

// badCorrection is an invalid correction or import line. It reads as its
// own message (no "invalid query:" in front of what a reviewer wrote) and
// is still an ErrBadQuery for callers that test for one.
type badCorrection struct{ msg string }

func (e *badCorrection) Error() string        { return e.msg }
func (e *badCorrection) Is(target error) bool { return target == ErrBadQuery }

func badf(format string, args ...any) error { return &badCorrection{fmt.Sprintf(format, args...)} }

// fieldValues are the valid values of the labelled fields, in the order
// the errors list them; Bahasa Indonesia names (mention.LabelNames) are
// accepted for sentiment and hostility.
var fieldValues = map[string][]string{
	FieldSentiment: {mention.SentimentPositive, mention.SentimentNeutral, mention.SentimentNegative},
	FieldHostility: {mention.HostilityNone, mention.HostilityAbusive, mention.HostilityHate},
	FieldEmotion:   {"anger", "fear", "happy", "love", "sadness"},
}

// labelValue returns the canonical value of v for field, or "".
func labelValue(field, v string) string {
	for _, want := range fieldValues[field] {
		if v == want || v == mention.LabelNames[want] {
			return want
		}
	}
	return ""
}

// wantValues says which values field takes, for an error.
func wantValues(field string) string {
	var names, bahasa []string
	for _, v := range fieldValues[field] {
		names = append(names, v)
		if b := mention.LabelNames[v]; b != "" {
			bahasa = append(bahasa, strconv.Quote(b))
		}
	}
	switch field {
	case FieldPartisan, FieldThreat:
		return "0 or 1 (also true/false, ya/tidak)"
	case FieldPrograms, FieldPlaces:
		return "a comma-separated list of catalog ids (lower case, digits, _ . : -), possibly empty"
	}
	out := strings.Join(names, ", ")
	if len(bahasa) > 0 {
		out += "; or in Bahasa Indonesia " + strings.Join(bahasa, ", ")
	}
	return out
}

// normalizeCorrection checks c and canonicalises its value.
func normalizeCorrection(c Correction) (Correction, error) {
	c.MentionID = strings.TrimSpace(c.MentionID)
	c.Field = strings.ToLower(strings.TrimSpace(c.Field))
	v := strings.ToLower(strings.TrimSpace(c.Value))
	if c.MentionID == "" {
		return c, badf("correction without mention id")
	}
	bad := func() (Correction, error) {
		return c, badf("correction of %s: %q is not a valid %s (want %s)", c.MentionID, c.Value, c.Field, wantValues(c.Field))
	}
	switch c.Field {
	case FieldSentiment, FieldHostility, FieldEmotion:
		if v = labelValue(c.Field, v); v == "" {
			return bad()
		}
	case FieldPartisan, FieldThreat:
		switch v {
		case "1", "true", "yes", "ya":
			v = "1"
		case "0", "false", "no", "tidak":
			v = "0"
		default:
			return bad()
		}
	case FieldPrograms, FieldPlaces:
		var ids []string
		seen := map[string]bool{}
		for _, p := range strings.Split(v, ",") {
			p = strings.TrimSpace(p)
			if p == "" || seen[p] {
				continue
			}
			if !catalogIDs.MatchString(p) {
				return bad()
			}
			seen[p] = true
			ids = append(ids, p)
		}
		v = strings.Join(ids, ",")
	default:
		return c, badf("correction of %s: unknown field %q (want one of %s)", c.MentionID, c.Field, strings.Join(CorrectionFields, ", "))
	}
	c.Value = v
	return c, nil
}

// effective is one mention with its effective labels (read through the
// read model), as the rollups and the exports see it.
type effective struct {
	id, source, authorKind, authorID string
	postedAt                         time.Time
	title, text                      string
	sentiment, hostility, emotion    string
	partisan, threat, political      bool
	breach                           bool
	programs, places                 []string
	engagement, views                int64
}

// get is the value of field in the string form of a correction.
func (e *effective) get(field string) string {
	switch field {
	case FieldSentiment:
		return e.sentiment
	case FieldHostility:
		return e.hostility
	case FieldEmotion:
		return e.emotion
	case FieldPartisan:
		return b01(e.partisan)
	case FieldThreat:
		return b01(e.threat)
	case FieldPrograms:
		return strings.Join(e.programs, ",")
	case FieldPlaces:
		return strings.Join(e.places, ",")
	}
	return ""
}

func andWhere(w string) string {
	if w == "" {
		return ""
	}
	return " AND (" + w + ")"
}

func b01(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// loadEffective reads the stored mentions ids (their latest version) with
// their effective labels; a mention whose raw row retention dropped is
// absent.
func (db *DB) loadEffective(ctx context.Context, ids []string) (map[string]*effective, error) {
	return db.loadEffectiveFrom(ctx, "", "", ids)
}

// loadEffectiveFrom is loadEffective over table (mentions when empty) with
// the extra condition where on stored columns (none when empty); nil ids
// read every mention satisfying where.
func (db *DB) loadEffectiveFrom(ctx context.Context, table, where string, ids []string) (map[string]*effective, error) {
	out := map[string]*effective{}
	if ids != nil && len(ids) == 0 {
		return out, nil
	}
	// Every stored version carries the corrections; argMax keeps the
	// latest version (no FINAL: the ids are anywhere in the table).
	rows := Read{Cols: []string{"id", "source", "author_kind", "author_id", "posted_at", "title", "text", "sentiment", "hostility", "emotion",
		"partisan", "threat", "political", "neutrality_breach", "programs", "places", "likes", "replies", "shares", "views", "ingested_at"},
		Where: idsWhere(ids, where), Table: table}.SQL()
	q := `SELECT id, argMax(toString(source), ingested_at), argMax(toString(author_kind), ingested_at), argMax(author_id, ingested_at),
	argMax(posted_at, ingested_at), argMax(title, ingested_at), argMax(text, ingested_at),
	argMax(sentiment, ingested_at), argMax(hostility, ingested_at), argMax(emotion, ingested_at),
	argMax(partisan, ingested_at), argMax(threat, ingested_at), argMax(political, ingested_at), argMax(neutrality_breach, ingested_at),
	argMax(programs, ingested_at), argMax(places, ingested_at), argMax(likes + replies + shares, ingested_at), argMax(views, ingested_at)
	FROM ` + rows + ` GROUP BY id`
	err := db.queryRows(ctx, "load mentions", q, func(rows interface{ Scan(...any) error }) error {
		var e effective
		var partisan, threat, political, breach uint8
		if err := rows.Scan(&e.id, &e.source, &e.authorKind, &e.authorID, &e.postedAt, &e.title, &e.text, &e.sentiment, &e.hostility, &e.emotion,
			&partisan, &threat, &political, &breach, &e.programs, &e.places, &e.engagement, &e.views); err != nil {
			return err
		}
		e.partisan, e.threat, e.political, e.breach = partisan == 1, threat == 1, political == 1, breach == 1
		e.postedAt = e.postedAt.UTC()
		out[e.id] = &e
		return nil
	}, clickhouse.Named("ids", ids))
	if err != nil {
		return nil, err
	}
	return out, nil
}

// idsWhere is the condition of loadEffectiveFrom: the mentions ids (every
// one when ids is nil) that satisfy where.
func idsWhere(ids []string, where string) string {
	if ids == nil {
		if where == "" {
			return "1"
		}
		return where
	}
	return "has(@ids, id)" + andWhere(where)
}

// recordedCorrections returns the newest recorded value of every corrected
// (mention id, field) of ids.
func (db *DB) recordedCorrections(ctx context.Context, ids []string) (map[[2]string]string, error) {
	out := map[[2]string]string{}
	q := "SELECT mention_id, toString(field), argMax(value, corrected_at) FROM " + db.table("label_corrections") +
		" WHERE has(@ids, mention_id) GROUP BY mention_id, field"
	err := db.queryRows(ctx, "recorded corrections", q, func(rows interface{ Scan(...any) error }) error {
		var id, field, value string
		if err := rows.Scan(&id, &field, &value); err != nil {
			return err
		}
		out[[2]string{id, field}] = value
		return nil
	}, clickhouse.Named("ids", ids))
	return out, err
}

// AddCorrections validates and stores cs, and moves the corrected
// mentions in the rollups: for every mention whose effective labels
// changed, a -1 row with its old effective labels and a +1 row with the new
// ones go into the rollups, so dashboards reading them show the corrected
// labels too. The labels before and after are both read through the read
// model, which alone defines how a correction applies. Unknown mention ids
// are an error (nothing is written then). A correction already recorded
// with the same value is skipped — importing a file twice adds nothing
// and keeps each correction's Previous (the model's value) — so the
// corrections returned, as stored with Previous filled, may be fewer.
func (db *DB) AddCorrections(ctx context.Context, cs []Correction) ([]Correction, error) {
	if len(cs) == 0 {
		return nil, nil
	}
	now := clock.Now().UTC().Truncate(time.Second)
	norm := make([]Correction, 0, len(cs))
	idset := map[string]bool{}
	var ids []string
	for _, c := range cs {
		n, err := normalizeCorrection(c)
		if err != nil {
			return nil, err
		}
		if n.At.IsZero() {
			n.At = now
		}
		n.At = n.At.UTC().Truncate(time.Second)
		norm = append(norm, n)
		if !idset[n.MentionID] {
			idset[n.MentionID] = true
			ids = append(ids, n.MentionID)
		}
	}
	before, err := db.loadEffective(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("add corrections: %w", err)
	}
	var missing []string
	for _, id := range ids {
		if before[id] == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, badf("no stored mention has the id %s", strings.Join(missing, ", "))
	}
	recorded, err := db.recordedCorrections(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("add corrections: %w", err)
	}
	// Previous: the field's value before each correction, in time order
	// (the newest correction of a field wins). A correction repeating the
	// field's newest recorded one is already in effect: skipped.
	sort.SliceStable(norm, func(i, j int) bool { return norm[i].At.Before(norm[j].At) })
	cur := map[[2]string]string{}
	kept := norm[:0]
	for _, c := range norm {
		k := [2]string{c.MentionID, c.Field}
		if v, ok := recorded[k]; ok && v == c.Value {
			continue
		}
		v, ok := cur[k]
		if !ok {
			v = before[c.MentionID].get(c.Field)
		}
		c.Previous = v
		cur[k] = c.Value
		recorded[k] = c.Value
		kept = append(kept, c)
	}
	norm = kept
	if len(norm) == 0 {
		return nil, nil
	}
	batch, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table("label_corrections")+" (mention_id, field, value, previous, posted_at, corrected_by, corrected_at, note)")
	if err != nil {
		return nil, fmt.Errorf("add corrections: %w", err)
	}
	for _, c := range norm {
		if err := batch.Append(c.MentionID, c.Field, c.Value, c.Previous, before[c.MentionID].postedAt, c.By, c.At, c.Note); err != nil {
			_ = batch.Abort()
			return nil, fmt.Errorf("add corrections: %w", err)
		}
	}
	if err := batch.Send(); err != nil {
		return nil, fmt.Errorf("add corrections: %w", err)
	}
	after, err := db.loadEffective(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("add corrections: corrections stored but rollups not adjusted: %w", err)
	}
	var deltas []rollupDelta
	for _, id := range ids {
		old, cur := before[id], after[id]
		if cur == nil || rollupKey(old) == rollupKey(cur) {
			continue
		}
		deltas = append(deltas, rollupDelta{old, -1}, rollupDelta{cur, +1})
	}
	if err := db.insertRollupDeltas(ctx, deltas); err != nil {
		return nil, fmt.Errorf("add corrections: corrections stored but rollups not adjusted: %w", err)
	}
	return norm, nil
}

type rollupDelta struct {
	e    *effective
	sign int64
}

// rollupKey is what the rollups know of a mention.
func rollupKey(e *effective) string {
	return fmt.Sprint(e.sentiment, e.hostility, e.partisan, e.threat, e.political, e.breach, e.programs, e.places)
}

func orEmpty(s []string) []string {
	if len(s) == 0 {
		return []string{""}
	}
	return s
}

// insertRollupDeltas writes ±1 rows into mentions_hourly, mentions_daily,
// signals_hourly, accounts_daily and places_hourly (terms_daily keeps the terms under the
// programs of the first version). The authors
// state is left empty (unique authors are not adjusted).
func (db *DB) insertRollupDeltas(ctx context.Context, ds []rollupDelta) error {
	if len(ds) == 0 {
		return nil
	}
	metrics := "mentions, political, threats, breaches, engagement, views"
	for _, t := range []struct{ table, tcol string }{{"mentions_hourly", "hour"}, {"mentions_daily", "day"}} {
		b, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table(t.table)+" ("+t.tcol+", program, first_program, source, author_kind, sentiment, hostility, partisan, "+metrics+")")
		if err != nil {
			return err
		}
		for _, d := range ds {
			e := d.e
			var tv any = e.postedAt.Truncate(time.Hour)
			if t.tcol == "day" {
				l := e.postedAt.In(clock.WITA)
				tv = time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
			}
			for i, p := range orEmpty(e.programs) {
				if err := b.Append(tv, p, b2u(i == 0), e.source, e.authorKind, e.sentiment, e.hostility, b2u(e.partisan),
					d.sign, d.sign*i64(e.political), d.sign*i64(e.threat), d.sign*i64(e.breach), d.sign*e.engagement, d.sign*e.views); err != nil {
					_ = b.Abort()
					return err
				}
			}
		}
		if err := b.Send(); err != nil {
			return err
		}
	}
	sb, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table("signals_hourly")+
		" (hour, scope, total, positive, neutral, negative, abusive, hate, hostile, political, partisan, threats, breaches, engagement, views)")
	if err != nil {
		return err
	}
	for _, d := range ds {
		e := d.e
		scopes := []string{ScopeAll}
		for _, p := range e.programs {
			scopes = append(scopes, ScopeProgramPrefix+p)
		}
		if len(e.programs) == 0 {
			scopes = append(scopes, ScopeProgramPrefix+NoProgram)
		}
		for _, p := range e.places {
			scopes = append(scopes, ScopePlacePrefix+p)
		}
		if len(e.places) == 0 {
			scopes = append(scopes, ScopePlacePrefix+NoPlace)
		}
		for _, sc := range scopes {
			if err := sb.Append(e.postedAt.Truncate(time.Hour), sc, d.sign, d.sign*i64(e.sentiment == "positive"), d.sign*i64(e.sentiment == "neutral"),
				d.sign*i64(e.sentiment == "negative"), d.sign*i64(e.hostility == "abusive"), d.sign*i64(e.hostility == "hate"),
				d.sign*i64(e.hostility == "abusive" || e.hostility == "hate"), d.sign*i64(e.political), d.sign*i64(e.partisan),
				d.sign*i64(e.threat), d.sign*i64(e.breach), d.sign*e.engagement, d.sign*e.views); err != nil {
				_ = sb.Abort()
				return err
			}
		}
	}
	if err := sb.Send(); err != nil {
		return err
	}
	ab, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table("accounts_daily")+" (day, source, author_id, author_kind, mentions, hostile, negative, partisan, engagement, views)")
	if err != nil {
		return err
	}
	for _, d := range ds {
		e := d.e
		if e.authorID == "" {
			continue
		}
		l := e.postedAt.In(clock.WITA)
		day := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
		if err := ab.Append(day, e.source, e.authorID, e.authorKind, d.sign, d.sign*i64(e.hostility == "abusive" || e.hostility == "hate"),
			d.sign*i64(e.sentiment == "negative"), d.sign*i64(e.partisan), d.sign*e.engagement, d.sign*e.views); err != nil {
			_ = ab.Abort()
			return err
		}
	}
	if err := ab.Send(); err != nil {
		return err
	}
	b, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table("places_hourly")+" (hour, place, first_place, program, first_program, sentiment, hostility, partisan, "+metrics+")")
	if err != nil {
		return err
	}
	for _, d := range ds {
		e := d.e
		for i, pl := range orEmpty(e.places) {
			for j, p := range orEmpty(e.programs) {
				if err := b.Append(e.postedAt.Truncate(time.Hour), pl, b2u(i == 0), p, b2u(j == 0), e.sentiment, e.hostility, b2u(e.partisan),
					d.sign, d.sign*i64(e.political), d.sign*i64(e.threat), d.sign*i64(e.breach), d.sign*e.engagement, d.sign*e.views); err != nil {
					_ = b.Abort()
					return err
				}
			}
		}
	}
	return b.Send()
}

func i64(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// labeledMentions returns the mentions of ids with their latest title and
// text and their effective labels (Corrected empty), by id; a mention
// whose raw row retention dropped is absent.
func (db *DB) labeledMentions(ctx context.Context, ids []string) (map[string]LabeledMention, error) {
	eff, err := db.loadEffective(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]LabeledMention, len(eff))
	for id, e := range eff {
		out[id] = LabeledMention{
			ID: id, Source: e.source, Title: e.title, Text: e.text,
			Sentiment: e.sentiment, Hostility: e.hostility, Partisan: e.partisan, Threat: e.threat, Emotion: e.emotion,
			Programs: nonNil(e.programs), Places: nonNil(e.places), Corrected: []string{},
		}
	}
	return out, nil
}

// LabeledMention is a corrected mention as training data: its text and
// every effective label, with the fields a human corrected.
type LabeledMention struct {
	ID        string   `json:"id"`
	Source    string   `json:"source"`
	Title     string   `json:"title,omitempty"`
	Text      string   `json:"text"`
	Sentiment string   `json:"sentiment"`
	Hostility string   `json:"hostility"`
	Partisan  bool     `json:"partisan"`
	Threat    bool     `json:"threat"`
	Emotion   string   `json:"emotion,omitempty"`
	Programs  []string `json:"programs"`
	Places    []string `json:"places"`
	// Corrected lists the fields set by a human, sorted.
	Corrected []string `json:"corrected"`
	// CorrectedAt is the time of the newest correction.
	CorrectedAt time.Time `json:"corrected_at"`
}

// CorrectedMentions returns every mention with at least one correction,
// with its effective labels, ordered by mention id. Mentions whose raw
// text was already dropped by retention are left out.
func (db *DB) CorrectedMentions(ctx context.Context) ([]LabeledMention, error) {
	type corr struct {
		fields []string
		at     time.Time
	}
	byID := map[string]*corr{}
	var ids []string
	err := db.queryRows(ctx, "corrected mentions", `SELECT mention_id, groupUniqArray(toString(field)), max(corrected_at) FROM `+db.table("label_corrections")+` GROUP BY mention_id ORDER BY mention_id`,
		func(rows interface{ Scan(...any) error }) error {
			var id string
			c := &corr{}
			if err := rows.Scan(&id, &c.fields, &c.at); err != nil {
				return err
			}
			sort.Strings(c.fields)
			byID[id] = c
			ids = append(ids, id)
			return nil
		})
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	lm, err := db.labeledMentions(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("corrected mentions: %w", err)
	}
	var out []LabeledMention
	for _, id := range ids {
		m, ok := lm[id]
		if !ok {
			continue
		}
		m.Corrected, m.CorrectedAt = byID[id].fields, byID[id].at.UTC()
		out = append(out, m)
	}
	return out, nil
}
