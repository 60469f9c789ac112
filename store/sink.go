package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/segmentio/kafka-go"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stream"
)

// Sink is the `sink` role: it consumes tagged mentions as consumer group
// "<group>-sink" and writes them to ClickHouse in batches bounded by
// Config.BatchSize and Config.FlushInterval. Offsets are committed only
// after ClickHouse acknowledged the insert, so a crash redelivers the batch
// and the ReplacingMergeTree absorbs the duplicates.
//
// A ClickHouse outage (down, overloaded, refusing every insert) holds the
// batch and retries it with backoff for as long as it lasts, with the
// role's readiness check sink/clickhouse failing meanwhile; a batch that
// ClickHouse rejects for its data while it answers pings is split until
// the rows at fault are found, and those go to the dead-letter topic with
// ClickHouse's reason (see stream.Consumer).
type Sink struct {
	db       *DB
	consumer *stream.Consumer
	dlq      *stream.DeadLetters
	pseudo   *Pseudonymizer
}

// NewSink builds a sink reading kcfg.Topics.Tagged into db.
func NewSink(db *DB, kcfg stream.Config, dlq *stream.Writer, pseudo *Pseudonymizer) *Sink {
	kcfg.Defaults()
	return &Sink{
		db: db,
		consumer: stream.NewConsumer(kcfg, "sink", kcfg.Topics.Tagged,
			stream.WithBatch(db.cfg.BatchSize, db.cfg.FlushInterval),
			stream.WithIdleFlush(db.cfg.BatchSize/10, db.cfg.FlushIdle),
			stream.WithOutput("clickhouse", func(ctx context.Context) error { return db.conn.Ping(ctx) })),
		dlq:    stream.NewDeadLetters(dlq, "sink"),
		pseudo: pseudo,
	}
}

// Run consumes until ctx is done.
func (s *Sink) Run(ctx context.Context) error {
	return s.consumer.Run(ctx, s.handle)
}

func (s *Sink) handle(ctx context.Context, msgs []kafka.Message) error {
	ms, err := stream.DecodeBatch(ctx, msgs, s.dlq)
	if err != nil {
		return fmt.Errorf("sink: %w", err)
	}
	return classifyInsert(s.db.InsertMentions(ctx, dedupByID(ms), s.pseudo))
}

// dataErrorCodes are ClickHouse exceptions about the inserted values
// themselves (a value a column or a view cannot take, a violated
// constraint): a batch that gets one is split to find its rows at fault.
var dataErrorCodes = map[int32]bool{
	6: true, 26: true, 27: true, 36: true, 38: true, 41: true, 53: true, 69: true, 70: true,
	72: true, 117: true, 131: true, 153: true,
	395: true, // FUNCTION_THROW_IF_VALUE_IS_NON_ZERO: throwIf in a view
	469: true, // VIOLATED_CONSTRAINT
}

// classifyInsert marks an insert error as a store outage unless it is
// about the batch's data: every other ClickHouse exception (too many
// parts, memory, read-only, unknown table…) would fail any batch, and
// splitting the batch would only make it worse. Network errors are
// outages for the consumer already; a client-side conversion error is
// the row's own.
func classifyInsert(err error) error {
	if err == nil {
		return nil
	}
	var ex *clickhouse.Exception
	if errors.As(err, &ex) {
		// Too many partitions for one INSERT block (a backfill spanning
		// years) is the batch's own: halves of it go in.
		if dataErrorCodes[ex.Code] || strings.Contains(ex.Message, "partitions for single INSERT block") {
			return err
		}
		return stream.Unavailable(err)
	}
	if errors.Is(err, clickhouse.ErrAcquireConnTimeout) {
		return stream.Unavailable(err)
	}
	return err
}

// dedupByID keeps the last version of each id in a batch (a producer retry
// or a re-collection can put one id twice in a batch; the rollups would
// otherwise sum its engagement twice).
func dedupByID(ms []mention.Mention) []mention.Mention {
	last := make(map[string]int, len(ms))
	for i := range ms {
		last[ms[i].ID] = i
	}
	if len(last) == len(ms) {
		return ms
	}
	out := ms[:0]
	for i := range ms {
		if last[ms[i].ID] == i {
			out = append(out, ms[i])
		}
	}
	return out
}

var (
	metricRowsWritten = promauto.NewCounter(prometheus.CounterOpts{
		Name: "dengar_sink_rows_written_total",
		Help: "Mention rows written to ClickHouse.",
	})
	metricInsertSeconds = promauto.NewHistogram(prometheus.HistogramOpts{
		Name:    "dengar_sink_insert_seconds",
		Help:    "Time to insert one batch into ClickHouse.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
	})
	metricInsertErrors = promauto.NewCounter(prometheus.CounterOpts{
		Name: "dengar_sink_insert_errors_total",
		Help: "Failed batch inserts (the batch is retried, never dropped).",
	})
)

// mentionColumns is the explicit column list of every insert into mentions
// (ClickHouse 18.16 needs it for batches; it also keeps inserts working when
// later migrations add columns).
var mentionColumns = []string{
	"id", "source", "channel", "url",
	"author_id", "author_handle", "author_name", "author_kind", "author_org", "author_level",
	"author_followers", "author_posts", "author_verified", "author_created_at",
	"title", "text", "lang", "posted_at", "collected_at", "parent_id", "story_id", "query",
	"likes", "replies", "shares", "views",
	"sentiment", "sentiment_score", "sentiment_confidence",
	"hostility", "hostility_score", "hostility_target", "hostility_categories", "hostility_strength", "threat",
	"emotion",
	"political", "partisan", "stance", "actors", "cues",
	"programs", "institutions", "places",
	"neutrality_breach", "breach_unverified", "needs_review", "model", "ingested_at",
	// insert_id (migration 0002) is unique per InsertMentions call; the
	// rollup views use it to count a mention on its first insert only.
	"insert_id",
	// restricted_url (migration 0023) holds a link that names a citizen
	// (privacy.go).
	"restricted_url",
	// counted (migration 0025) is 1 on the rows the rollup views count
	// (gate.go).
	"counted",
}

// InsertMentions writes ms in one batch. The privacy policy applies first
// (Pseudonymizer.Protect: citizens pseudonymised, links without handles).
// Writing the same mention twice is harmless: the table keeps one row per id,
// and the rollups count an id once (gate.go).
func (db *DB) InsertMentions(ctx context.Context, ms []mention.Mention, p *Pseudonymizer) error {
	if len(ms) == 0 {
		return nil
	}
	start := clock.Now()
	counted, err := db.rollupGate(ctx, ms)
	if err != nil {
		metricInsertErrors.Inc()
		return fmt.Errorf("insert mentions: %w", err)
	}
	now := clock.Now().UTC().Truncate(time.Second)
	insertID := newInsertID()
	blk := newMentionBlock(len(ms))
	for i := range ms {
		m := ms[i] // copy: pseudonymisation must not leak into the caller's value
		distinctAttribution(&m)
		restricted := ""
		if p != nil {
			restricted = p.Protect(&m)
		}
		blk.add(&m, now, insertID, restricted, counted[i])
	}
	if err := db.sendBlock(ctx, "mentions", blk); err != nil {
		metricInsertErrors.Inc()
		return fmt.Errorf("insert mentions: %d rows: %w", len(ms), err)
	}
	metricRowsWritten.Add(float64(len(ms)))
	metricInsertSeconds.Observe(clock.Since(start).Seconds())
	return nil
}

// sendBlock inserts blk into table (mentions or a table of its columns)
// in one INSERT, column by column.
func (db *DB) sendBlock(ctx context.Context, table string, blk *mentionBlock) error {
	if !db.cfg.SerialViews {
		// The views gate on rollup_seen whatever order they run in
		// (migration 0002), so they may run at once.
		ctx = clickhouse.Context(ctx, clickhouse.WithSettings(clickhouse.Settings{"parallel_view_processing": 1}))
	}
	batch, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table(table)+" ("+strings.Join(mentionColumns, ", ")+")")
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	for i, col := range blk.columns() {
		if err := batch.Column(i).Append(col); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("column %s: %w", mentionColumns[i], err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("send: %w", err)
	}
	return nil
}

// mentionBlock holds rows of mentions column by column, in the order of
// mentionColumns: the client takes one slice per column (no per-row
// conversion of 51 values through interfaces).
type mentionBlock struct {
	id, source, channel, url                                               []string
	authorID, authorHandle, authorName, authorKind, authorOrg, authorLevel []string
	authorFollowers, authorPosts                                           []int64
	authorVerified                                                         []uint8
	authorCreated                                                          []time.Time
	title, text, lang                                                      []string
	postedAt, collectedAt                                                  []time.Time
	parentID, storyID, query                                               []string
	likes, replies, shares, views                                          []int64
	sentiment                                                              []string
	sentimentScore, sentimentConf                                          []float32
	hostility                                                              []string
	hostilityScore                                                         []float32
	hostilityTarget                                                        []string
	hostilityCategories                                                    [][]string
	hostilityStrength                                                      []string
	threat                                                                 []uint8
	emotion                                                                []string
	political, partisan                                                    []uint8
	stance                                                                 []string
	actors, cues, programs, institutions, places                           [][]string
	breach, breachUnverified, needsReview                                  []uint8
	model                                                                  []string
	ingestedAt                                                             []time.Time
	insertID                                                               []uint64
	restricted                                                             []string
	counted                                                                []uint8
}

func newMentionBlock(n int) *mentionBlock {
	s := func() []string { return make([]string, 0, n) }
	i64 := func() []int64 { return make([]int64, 0, n) }
	u8 := func() []uint8 { return make([]uint8, 0, n) }
	f32 := func() []float32 { return make([]float32, 0, n) }
	ts := func() []time.Time { return make([]time.Time, 0, n) }
	ss := func() [][]string { return make([][]string, 0, n) }
	return &mentionBlock{
		id: s(), source: s(), channel: s(), url: s(),
		authorID: s(), authorHandle: s(), authorName: s(), authorKind: s(), authorOrg: s(), authorLevel: s(),
		authorFollowers: i64(), authorPosts: i64(), authorVerified: u8(), authorCreated: ts(),
		title: s(), text: s(), lang: s(), postedAt: ts(), collectedAt: ts(), parentID: s(), storyID: s(), query: s(),
		likes: i64(), replies: i64(), shares: i64(), views: i64(),
		sentiment: s(), sentimentScore: f32(), sentimentConf: f32(),
		hostility: s(), hostilityScore: f32(), hostilityTarget: s(), hostilityCategories: ss(), hostilityStrength: s(), threat: u8(),
		emotion: s(), political: u8(), partisan: u8(), stance: s(), actors: ss(), cues: ss(),
		programs: ss(), institutions: ss(), places: ss(),
		breach: u8(), breachUnverified: u8(), needsReview: u8(), model: s(), ingestedAt: ts(), insertID: make([]uint64, 0, n), restricted: s(), counted: u8(),
	}
}

// add appends the row of m (already protected by the privacy policy);
// counted is 1 on the row the rollup views count (gate.go).
func (b *mentionBlock) add(m *mention.Mention, ingested time.Time, insertID uint64, restricted string, counted uint8) {
	var created time.Time
	if m.Author.CreatedAt != nil {
		created = m.Author.CreatedAt.UTC()
	}
	if created.Before(time.Unix(0, 0)) {
		created = time.Unix(0, 0).UTC()
	}
	var sent, sentScore, sentConf = "", float32(0), float32(0)
	review := false
	if s := m.Sentiment; s != nil {
		sent, sentScore, sentConf = s.Label, float32(s.Score), float32(s.Confidence)
		review = review || s.Review
	}
	h := mention.Hostility{}
	if m.Hostility != nil {
		h = *m.Hostility
		review = review || h.Review
	}
	// needs_review is the human review queue: unsure sentiment or
	// hostility. An unsure emotion (five close classes, often unsure) stays
	// visible in the tagged JSON but does not fill the queue.
	emotion := ""
	if m.Emotion != nil {
		emotion = m.Emotion.Label
	}
	pol := mention.Politics{}
	if m.Politics != nil {
		pol = *m.Politics
	}
	b.id, b.source, b.channel, b.url = append(b.id, m.ID), append(b.source, m.Source), append(b.channel, m.Channel), append(b.url, m.URL)
	a := &m.Author
	b.authorID, b.authorHandle, b.authorName = append(b.authorID, a.ID), append(b.authorHandle, a.Handle), append(b.authorName, a.Name)
	b.authorKind, b.authorOrg, b.authorLevel = append(b.authorKind, a.Kind), append(b.authorOrg, a.Org), append(b.authorLevel, a.Level)
	b.authorFollowers, b.authorPosts = append(b.authorFollowers, a.Followers), append(b.authorPosts, a.Posts)
	b.authorVerified, b.authorCreated = append(b.authorVerified, b2u(a.Verified)), append(b.authorCreated, created)
	b.title, b.text, b.lang = append(b.title, m.Title), append(b.text, m.Text), append(b.lang, m.Lang)
	b.postedAt, b.collectedAt = append(b.postedAt, clampTime(m.PostedAt)), append(b.collectedAt, clampTime(m.CollectedAt))
	b.parentID, b.storyID, b.query = append(b.parentID, m.ParentID), append(b.storyID, m.StoryID), append(b.query, m.Query)
	b.likes, b.replies = append(b.likes, m.Metrics.Likes), append(b.replies, m.Metrics.Replies)
	b.shares, b.views = append(b.shares, m.Metrics.Shares), append(b.views, m.Metrics.Views)
	b.sentiment, b.sentimentScore, b.sentimentConf = append(b.sentiment, sent), append(b.sentimentScore, sentScore), append(b.sentimentConf, sentConf)
	b.hostility, b.hostilityScore, b.hostilityTarget = append(b.hostility, h.Label), append(b.hostilityScore, float32(h.Score)), append(b.hostilityTarget, h.Target)
	b.hostilityCategories, b.hostilityStrength = append(b.hostilityCategories, nonNil(h.Categories)), append(b.hostilityStrength, h.Strength)
	b.threat, b.emotion = append(b.threat, b2u(h.Threat)), append(b.emotion, emotion)
	b.political, b.partisan, b.stance = append(b.political, b2u(pol.Political)), append(b.partisan, b2u(pol.Partisan)), append(b.stance, pol.Stance)
	b.actors, b.cues = append(b.actors, nonNil(pol.Actors)), append(b.cues, nonNil(pol.Cues))
	b.programs, b.institutions, b.places = append(b.programs, nonNil(m.Programs)), append(b.institutions, nonNil(m.Institutions)), append(b.places, nonNil(m.Places))
	b.breach, b.breachUnverified, b.needsReview = append(b.breach, b2u(m.NeutralityBreach)), append(b.breachUnverified, b2u(m.BreachUnverified)), append(b.needsReview, b2u(review))
	b.model, b.ingestedAt = append(b.model, m.Model), append(b.ingestedAt, ingested)
	b.insertID, b.restricted = append(b.insertID, insertID), append(b.restricted, restricted)
	b.counted = append(b.counted, counted)
}

// columns are the block's columns in the order of mentionColumns.
func (b *mentionBlock) columns() []any {
	return []any{
		b.id, b.source, b.channel, b.url,
		b.authorID, b.authorHandle, b.authorName, b.authorKind, b.authorOrg, b.authorLevel,
		b.authorFollowers, b.authorPosts, b.authorVerified, b.authorCreated,
		b.title, b.text, b.lang, b.postedAt, b.collectedAt, b.parentID, b.storyID, b.query,
		b.likes, b.replies, b.shares, b.views,
		b.sentiment, b.sentimentScore, b.sentimentConf,
		b.hostility, b.hostilityScore, b.hostilityTarget, b.hostilityCategories, b.hostilityStrength, b.threat,
		b.emotion,
		b.political, b.partisan, b.stance, b.actors, b.cues,
		b.programs, b.institutions, b.places,
		b.breach, b.breachUnverified, b.needsReview, b.model, b.ingestedAt,
		b.insertID, b.restricted, b.counted,
	}
}

// clampTime keeps t inside ClickHouse's DateTime range (1970…2105).
func clampTime(t time.Time) time.Time {
	t = t.UTC()
	if t.Before(time.Unix(0, 0)) {
		return time.Unix(0, 0).UTC()
	}
	if t.After(time.Date(2105, 12, 31, 0, 0, 0, 0, time.UTC)) {
		return time.Date(2105, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
