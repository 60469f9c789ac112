package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

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
}

// InsertMentions writes ms in one batch. The privacy policy applies first
// (Pseudonymizer.Protect: citizens pseudonymised, links without handles).
// Writing the same mention twice is harmless: the table keeps one row per id.
func (db *DB) InsertMentions(ctx context.Context, ms []mention.Mention, p *Pseudonymizer) error {
	if len(ms) == 0 {
		return nil
	}
	start := clock.Now()
	batch, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+quoteIdent(db.cfg.Database)+".mentions ("+strings.Join(mentionColumns, ", ")+")")
	if err != nil {
		metricInsertErrors.Inc()
		return fmt.Errorf("insert mentions: prepare: %w", err)
	}
	now := clock.Now().UTC().Truncate(time.Second)
	insertID := newInsertID()
	for i := range ms {
		m := ms[i] // copy: pseudonymisation must not leak into the caller's value
		restricted := ""
		if p != nil {
			restricted = p.Protect(&m)
		}
		if err := batch.Append(append(mentionRow(&m, now), insertID, restricted)...); err != nil {
			_ = batch.Abort()
			metricInsertErrors.Inc()
			return fmt.Errorf("insert mentions: row %s: %w", m.ID, err)
		}
	}
	if err := batch.Send(); err != nil {
		metricInsertErrors.Inc()
		return fmt.Errorf("insert mentions: send %d rows: %w", len(ms), err)
	}
	metricRowsWritten.Add(float64(len(ms)))
	metricInsertSeconds.Observe(clock.Since(start).Seconds())
	return nil
}

func mentionRow(m *mention.Mention, now time.Time) []any {
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
	return []any{
		m.ID, m.Source, m.Channel, m.URL,
		m.Author.ID, m.Author.Handle, m.Author.Name, m.Author.Kind, m.Author.Org, m.Author.Level,
		m.Author.Followers, m.Author.Posts, b2u(m.Author.Verified), created,
		m.Title, m.Text, m.Lang, clampTime(m.PostedAt), clampTime(m.CollectedAt), m.ParentID, m.StoryID, m.Query,
		m.Metrics.Likes, m.Metrics.Replies, m.Metrics.Shares, m.Metrics.Views,
		sent, sentScore, sentConf,
		h.Label, float32(h.Score), h.Target, nonNil(h.Categories), h.Strength, b2u(h.Threat),
		emotion,
		b2u(pol.Political), b2u(pol.Partisan), pol.Stance, nonNil(pol.Actors), nonNil(pol.Cues),
		nonNil(m.Programs), nonNil(m.Institutions), nonNil(m.Places),
		b2u(m.NeutralityBreach), b2u(m.BreachUnverified), b2u(review), m.Model, now,
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
