package store

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"
)

// ReviewItem is a mention in the human review queue: a tagger was unsure
// of its sentiment or hostility (needs_review) and no human has corrected
// it yet.
type ReviewItem struct {
	LabeledMention
	// URL links to the original post.
	URL string
	// PostedAt is when the post was published.
	PostedAt time.Time
	// SentimentConfidence and HostilityScore are the model's figures
	// that made the tags unsure.
	SentimentConfidence float32
	HostilityScore      float32
}

// ReviewQueue returns up to limit mentions of the review queue posted in
// r (a zero Range: any time): hostile ones first, because they feed the
// hostility dashboard and the duty officer's alerts, then newest first.
// A mention leaves the queue with its first correction. Its URL is the
// public link (no citizen handle) unless links is OriginalLinks.
func (db *DB) ReviewQueue(ctx context.Context, r Range, limit int, links ...Links) ([]ReviewItem, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("%w: review queue limit %d (want at least 1)", ErrBadQuery, limit)
	}
	where := InReview
	if !r.From.IsZero() || !r.To.IsZero() {
		if err := r.validate(); err != nil {
			return nil, err
		}
		where = r.where() + " AND " + where
	}
	// The latest version of a mention (FINAL) decides whether it is in the
	// queue (InReview, as the run summary counts it).
	q := `SELECT id, url, posted_at, sentiment_confidence, hostility_score
	FROM ` + Read{Cols: []string{"id", linksOf(links).urlCol(), "posted_at", "sentiment_confidence", "hostility_score", "hostility"}, Where: where, Final: true}.SQL() + `
	ORDER BY ` + string(Hostile) + ` DESC, posted_at DESC, id LIMIT ` + fmt.Sprint(limit)
	var out []ReviewItem
	err := db.queryRows(ctx, "review queue", q, func(rows interface{ Scan(...any) error }) error {
		var it ReviewItem
		if err := rows.Scan(&it.ID, &it.URL, &it.PostedAt, &it.SentimentConfidence, &it.HostilityScore); err != nil {
			return err
		}
		it.PostedAt = it.PostedAt.UTC()
		out = append(out, it)
		return nil
	})
	if err != nil || len(out) == 0 {
		return nil, err
	}
	ids := make([]string, len(out))
	for i, it := range out {
		ids[i] = it.ID
	}
	lm, err := db.labeledMentions(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	for i := range out {
		out[i].LabeledMention = lm[out[i].ID]
	}
	return out, nil
}

// reviewRecord is one line of a review file.
type reviewRecord struct {
	ID       string       `json:"id"`
	Source   string       `json:"source"`
	URL      string       `json:"url"`
	PostedAt time.Time    `json:"posted_at"`
	Text     string       `json:"text"`
	Scores   reviewScores `json:"scores"`
	Labels   labelValues  `json:"labels"`
	// Corrected is written empty: the reviewer lists the fields checked
	// (edited or confirmed), and import takes only those.
	Corrected []string `json:"corrected"`
}

type reviewScores struct {
	SentimentConfidence float32 `json:"sentiment_confidence"`
	HostilityScore      float32 `json:"hostility_score"`
}

// WriteReviewQueue writes items as a review file: JSON Lines in the shape
// `dengar labels import` reads, each with the model's labels and an empty
// "corrected" list. Imported untouched, the file changes nothing; a
// reviewer fixes a label and names its field in "corrected" (or names a
// field to confirm the model's label). It returns the number of lines.
func WriteReviewQueue(w io.Writer, items []ReviewItem) (int, error) {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i, it := range items {
		rec := reviewRecord{
			ID: it.ID, Source: it.Source, URL: it.URL, PostedAt: it.PostedAt.UTC(), Text: trainingText(it.LabeledMention),
			Scores: reviewScores{SentimentConfidence: round3(it.SentimentConfidence), HostilityScore: round3(it.HostilityScore)},
			Labels: labelValues{
				Sentiment: it.Sentiment, Hostility: it.Hostility, Partisan: it.Partisan, Threat: it.Threat,
				Emotion: it.Emotion, Programs: nonNil(it.Programs), Places: nonNil(it.Places)},
			Corrected: []string{},
		}
		if err := enc.Encode(rec); err != nil {
			return i, fmt.Errorf("write review queue: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return len(items), fmt.Errorf("write review queue: %w", err)
	}
	return len(items), nil
}

// round3 keeps three decimals, as `dengar tag` prints them.
func round3(f float32) float32 {
	return float32(math.Round(float64(f)*1000) / 1000)
}
