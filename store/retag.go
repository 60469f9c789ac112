package store

// Re-tagging the history (`dengar retag`): the current models over stored
// mentions, new versions replacing the old, the rollups moved once through
// retag_log (migration 0024), human corrections kept on top by the read
// model (readmodel.go).

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

// RetagOptions configure DB.Retag.
type RetagOptions struct {
	// Range bounds posted_at of the mentions re-tagged.
	Range Range
	// Program and Source, when set, keep only the mentions the model
	// attributed to that program (catalog id) or from that source.
	Program, Source string
	// Version is the model version of Tag; mentions already tagged by it
	// are left alone.
	Version string
	// Tag re-tags a mention in place (every tag and Model). It is called
	// from Workers goroutines at once.
	Tag func(*mention.Mention)
	// Workers is how many goroutines tag (default GOMAXPROCS).
	Workers int
	// DryRun tags and counts what would change without writing.
	DryRun bool
	// Checkpoint is the file recording the run's plan and finished steps
	// (none when empty): a run stopped midway resumes from it.
	Checkpoint string
	// StepSize bounds the mentions of one step (whole hours; default 20000).
	StepSize int
	// Progress, when set, is called after every step with the mentions
	// done and the run's total.
	Progress func(done, total int)
}

// RetagResult is what a re-tag did (or, dry, would do).
type RetagResult struct {
	// Run identifies the run (range, filters, version): the same command
	// resumes the same run.
	Run string `json:"run"`
	// Mentions is how many stored mentions were re-tagged.
	Mentions int `json:"mentions"`
	// Changed counts, per label (sentiment, hostility, emotion, partisan,
	// threat, programs, places), the mentions whose model label changed.
	Changed map[string]int `json:"changed"`
	// Moved is how many mentions moved in the rollups (effective labels
	// changed); 0 in a dry run.
	Moved int `json:"moved"`
	// Steps and Resumed: steps of the run, and those a previous
	// invocation had finished.
	Steps   int `json:"steps"`
	Resumed int `json:"resumed"`
}

// retagStep is one step: the hours [From, To) of the range.
type retagStep struct {
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Mentions int       `json:"mentions"`
}

// retagCheckpoint is the checkpoint file.
type retagCheckpoint struct {
	Run   string      `json:"run"`
	Steps []retagStep `json:"steps"`
	Done  []bool      `json:"done"`
}

// RetagRunID names the run of o (its range, filters and version): the
// same command resumes the same run.
func RetagRunID(o RetagOptions) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%d|%d|%s|%s|%s", o.Range.From.Unix(), o.Range.To.Unix(), o.Program, o.Source, o.Version)))
	return hex.EncodeToString(h[:8])
}

// retagWhere is the condition on stored mentions of o over [from, to).
func retagWhere(o RetagOptions, from, to time.Time) string {
	w := fmt.Sprintf("posted_at >= toDateTime(%d) AND posted_at < toDateTime(%d) AND model != %s", from.Unix(), to.Unix(), sqlString(o.Version))
	if o.Source != "" {
		w += " AND source = " + sqlString(o.Source)
	}
	if o.Program != "" {
		w += " AND has(programs, " + sqlString(o.Program) + ")"
	}
	return w
}

// Retag re-runs o.Tag over the stored mentions of o's range not yet tagged
// by o.Version, step by step (whole hours, at most StepSize mentions):
// each step stages the new versions, reads their effective labels and the
// stored ones through the read model, logs the mentions whose effective
// labels change into retag_log (one INSERT: its views move them in the
// rollups, -1 old, +1 new), then writes the new versions into mentions
// (newer ingested_at: they replace the old rows; the rollup views of the
// sink do not count them again). A mention already logged by the run is
// never logged again, so a run killed at any point and started again ends
// with the same rollups; the checkpoint file only saves the planning and
// the finished steps.
func (db *DB) Retag(ctx context.Context, o RetagOptions) (RetagResult, error) {
	if err := o.Range.validate(); err != nil {
		return RetagResult{}, err
	}
	if o.Tag == nil || o.Version == "" {
		return RetagResult{}, errors.New("retag: no models (Tag and Version are required)")
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.StepSize <= 0 {
		o.StepSize = 20000
	}
	res := RetagResult{Run: RetagRunID(o), Changed: map[string]int{}}
	cp, err := db.retagPlan(ctx, o, res.Run)
	if err != nil {
		return res, err
	}
	res.Steps = len(cp.Steps)
	total, done := 0, 0
	for i, s := range cp.Steps {
		total += s.Mentions
		if cp.Done[i] {
			done += s.Mentions
			res.Resumed++
		}
	}
	if o.Progress != nil {
		o.Progress(done, total)
	}
	// A step is written (its queries and INSERTs, mostly one goroutine's
	// and ClickHouse's work) while the next step is loaded and tagged on
	// every core. Writes stay one at a time and in step order, and a step
	// is marked done only once written.
	var w *retagWriting
	finishWrite := func() error {
		if w == nil {
			return nil
		}
		<-w.done
		cur := w
		w = nil
		if cur.err != nil {
			return cur.err
		}
		res.Moved += cur.moved
		done += cur.s.Mentions
		cp.Done[cur.i] = true
		if err := saveCheckpoint(o.Checkpoint, cp); err != nil {
			return err
		}
		if o.Progress != nil {
			o.Progress(done, total)
		}
		return nil
	}
	for i, s := range cp.Steps {
		if cp.Done[i] {
			continue
		}
		if err := ctx.Err(); err != nil {
			_ = finishWrite()
			return res, fmt.Errorf("retag: %w", err)
		}
		st, err := db.retagTag(ctx, o, s, &res)
		if werr := finishWrite(); werr != nil {
			return res, werr
		}
		if err != nil {
			return res, err
		}
		if o.DryRun || len(st.rows) == 0 {
			done += s.Mentions
			if !o.DryRun {
				cp.Done[i] = true
				if err := saveCheckpoint(o.Checkpoint, cp); err != nil {
					return res, err
				}
			}
			if o.Progress != nil {
				o.Progress(done, total)
			}
			continue
		}
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("retag: %w", err)
		}
		w = &retagWriting{i: i, s: s, done: make(chan struct{})}
		go func(w *retagWriting) {
			defer close(w.done)
			w.moved, w.err = db.retagWrite(ctx, res.Run, s, st)
		}(w)
	}
	if err := finishWrite(); err != nil {
		return res, err
	}
	return res, nil
}

// retagWriting is a step being written in the background.
type retagWriting struct {
	i     int
	s     retagStep
	done  chan struct{}
	moved int
	err   error
}

// retagPlan loads the run's checkpoint, or plans the steps: the hours of
// the range holding mentions to re-tag, grouped up to StepSize.
func (db *DB) retagPlan(ctx context.Context, o RetagOptions, run string) (*retagCheckpoint, error) {
	if o.Checkpoint != "" && !o.DryRun {
		b, err := os.ReadFile(o.Checkpoint)
		switch {
		case err == nil:
			var cp retagCheckpoint
			if err := json.Unmarshal(b, &cp); err != nil {
				return nil, fmt.Errorf("retag: checkpoint %s: %w", o.Checkpoint, err)
			}
			if cp.Run == run && len(cp.Done) == len(cp.Steps) {
				return &cp, nil
			}
		case !errors.Is(err, os.ErrNotExist):
			return nil, fmt.Errorf("retag: checkpoint: %w", err)
		}
	}
	cp := &retagCheckpoint{Run: run}
	q := "SELECT toStartOfHour(posted_at) AS h, count() FROM " + db.table("mentions") + " FINAL WHERE " +
		retagWhere(o, o.Range.From, o.Range.To) + " GROUP BY h ORDER BY h"
	var cur *retagStep
	err := db.queryRows(ctx, "retag: plan", q, func(rows interface{ Scan(...any) error }) error {
		var h time.Time
		var n uint64
		if err := rows.Scan(&h, &n); err != nil {
			return err
		}
		h = h.UTC()
		from, to := h, h.Add(time.Hour)
		if from.Before(o.Range.From) {
			from = o.Range.From
		}
		if to.After(o.Range.To) {
			to = o.Range.To
		}
		if cur != nil && cur.Mentions+int(n) <= o.StepSize {
			cur.To, cur.Mentions = to, cur.Mentions+int(n)
			return nil
		}
		cp.Steps = append(cp.Steps, retagStep{From: from, To: to, Mentions: int(n)})
		cur = &cp.Steps[len(cp.Steps)-1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	cp.Done = make([]bool, len(cp.Steps))
	if !o.DryRun {
		if err := saveCheckpoint(o.Checkpoint, cp); err != nil {
			return nil, err
		}
	}
	return cp, nil
}

func saveCheckpoint(path string, cp *retagCheckpoint) error {
	if path == "" {
		return nil
	}
	b, err := json.MarshalIndent(cp, "", " ")
	if err != nil {
		return fmt.Errorf("retag: checkpoint: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("retag: checkpoint: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("retag: checkpoint: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("retag: checkpoint: %w", err)
	}
	return nil
}

// storedMention is a stored row as a mention, with what a new version
// keeps of the row.
type storedMention struct {
	m          mention.Mention
	restricted string
	ingested   time.Time
}

// retagColumns are read back into a mention (Author.Description is not
// stored: taggers see it empty).
const retagColumns = `id, toString(source), channel, url, author_id, author_handle, author_name, toString(author_kind), author_org, toString(author_level),
	author_followers, author_posts, author_verified, author_created_at, title, text, toString(lang), posted_at, collected_at, parent_id, story_id, query,
	likes, replies, shares, views, restricted_url, ingested_at,
	toString(sentiment), toString(hostility), toString(emotion), partisan, threat, political, neutrality_breach, programs, places`

func (db *DB) loadRetag(ctx context.Context, o RetagOptions, s retagStep) ([]storedMention, error) {
	q := "SELECT " + retagColumns + " FROM " + db.table("mentions") + " FINAL WHERE " + retagWhere(o, s.From, s.To)
	var out []storedMention
	err := db.queryRows(ctx, "retag: load", q, func(rows interface{ Scan(...any) error }) error {
		var sm storedMention
		m := &sm.m
		var verified, partisan, threat, political, breach uint8
		var created time.Time
		var sent, host, emo string
		if err := rows.Scan(&m.ID, &m.Source, &m.Channel, &m.URL, &m.Author.ID, &m.Author.Handle, &m.Author.Name, &m.Author.Kind, &m.Author.Org, &m.Author.Level,
			&m.Author.Followers, &m.Author.Posts, &verified, &created, &m.Title, &m.Text, &m.Lang, &m.PostedAt, &m.CollectedAt, &m.ParentID, &m.StoryID, &m.Query,
			&m.Metrics.Likes, &m.Metrics.Replies, &m.Metrics.Shares, &m.Metrics.Views, &sm.restricted, &sm.ingested,
			&sent, &host, &emo, &partisan, &threat, &political, &breach, &m.Programs, &m.Places); err != nil {
			return err
		}
		m.Schema = 1
		m.Author.Verified = verified == 1
		if created.Unix() > 0 {
			c := created.UTC()
			m.Author.CreatedAt = &c
		}
		m.PostedAt, m.CollectedAt, sm.ingested = m.PostedAt.UTC(), m.CollectedAt.UTC(), sm.ingested.UTC()
		// The model's labels as stored, for the comparison of a dry run.
		m.Sentiment = &mention.Sentiment{Label: sent}
		m.Hostility = &mention.Hostility{Label: host, Threat: threat == 1}
		m.Emotion = &mention.Emotion{Label: emo}
		m.Politics = &mention.Politics{Partisan: partisan == 1, Political: political == 1}
		m.NeutralityBreach = breach == 1
		out = append(out, sm)
		return nil
	})
	return out, err
}

// modelEffective is what the rollups know of m by its model labels: the
// effective labels of a mention no human corrected (readmodel.go reads
// those rows as stored).
func modelEffective(m *mention.Mention) *effective {
	e := &effective{id: m.ID, source: m.Source, authorKind: m.Author.Kind, authorID: m.Author.ID, postedAt: m.PostedAt.UTC(),
		programs: nonNil(m.Programs), places: nonNil(m.Places), breach: m.NeutralityBreach,
		engagement: m.Metrics.Likes + m.Metrics.Replies + m.Metrics.Shares, views: m.Metrics.Views}
	if m.Sentiment != nil {
		e.sentiment = m.Sentiment.Label
	}
	if m.Hostility != nil {
		e.hostility, e.threat = m.Hostility.Label, m.Hostility.Threat
	}
	if m.Emotion != nil {
		e.emotion = m.Emotion.Label
	}
	if m.Politics != nil {
		e.partisan, e.political = m.Politics.Partisan, m.Politics.Political
	}
	return e
}

// modelLabels are the labels a re-tag compares, by name.
func modelLabels(m *mention.Mention) map[string]string {
	out := map[string]string{"programs": strings.Join(m.Programs, ","), "places": strings.Join(m.Places, ",")}
	if m.Sentiment != nil {
		out["sentiment"] = m.Sentiment.Label
	}
	out["hostility"], out["threat"] = "", "0"
	if m.Hostility != nil {
		out["hostility"], out["threat"] = m.Hostility.Label, b01(m.Hostility.Threat)
	}
	if m.Emotion != nil {
		out["emotion"] = m.Emotion.Label
	}
	out["partisan"] = "0"
	if m.Politics != nil {
		out["partisan"] = b01(m.Politics.Partisan)
	}
	return out
}

// taggedStep is a step's stored mentions re-tagged in memory, with the
// effective labels the rollups hold for them.
type taggedStep struct {
	rows   []storedMention
	oldEff map[string]*effective
	loaded time.Duration
	tagged time.Duration
}

// retagTag loads step s's stored mentions and re-tags them on o.Workers
// goroutines, counting the changed labels into res.
func (db *DB) retagTag(ctx context.Context, o RetagOptions, s retagStep, res *RetagResult) (taggedStep, error) {
	t0 := clock.Now()
	rows, err := db.loadRetag(ctx, o, s)
	if err != nil || len(rows) == 0 {
		return taggedStep{}, err
	}
	tTag := clock.Now()
	olds := make([]map[string]string, len(rows))
	oldEff := make(map[string]*effective, len(rows))
	for i := range rows {
		olds[i] = modelLabels(&rows[i].m)
		oldEff[rows[i].m.ID] = modelEffective(&rows[i].m)
	}
	// Workers take blocks from a shared counter, not one fixed share each:
	// on a shared box a worker whose thread is preempted would leave the
	// other core idle at the step's end.
	const block = 64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(o.Workers, (len(rows)+block-1)/block) {
		wg.Go(func() {
			for {
				lo := int(next.Add(block)) - block
				if lo >= len(rows) {
					return
				}
				for i := lo; i < min(lo+block, len(rows)); i++ {
					o.Tag(&rows[i].m)
				}
			}
		})
	}
	wg.Wait()
	res.Mentions += len(rows)
	for i := range rows {
		for k, v := range modelLabels(&rows[i].m) {
			if olds[i][k] != v {
				res.Changed[k]++
			}
		}
	}
	return taggedStep{rows: rows, oldEff: oldEff, loaded: tTag.Sub(t0), tagged: clock.Since(tTag)}, nil
}

// retagWrite logs step s's mentions whose effective labels change into
// retag_log, then writes the new versions into mentions. It returns how
// many mentions moved in the rollups.
func (db *DB) retagWrite(ctx context.Context, run string, s retagStep, st taggedStep) (int, error) {
	t0 := clock.Now()
	defer func() {
		slog.Debug("retag step", "from", s.From, "mentions", s.Mentions, "load", st.loaded, "tag", st.tagged, "log_and_write", clock.Since(t0))
	}()
	rows := st.rows
	now := clock.Now().UTC().Truncate(time.Second)
	window := fmt.Sprintf("posted_at >= toDateTime(%d) AND posted_at < toDateTime(%d)", s.From.Unix(), s.To.Unix())
	logged := map[string]bool{}
	err := db.queryRows(ctx, "retag: logged", "SELECT DISTINCT id FROM "+db.table("retag_log")+" WHERE run = @run AND "+window,
		func(r interface{ Scan(...any) error }) error {
			var id string
			if err := r.Scan(&id); err != nil {
				return err
			}
			logged[id] = true
			return nil
		}, clickhouse.Named("run", run))
	if err != nil {
		return 0, err
	}
	corrected := map[string]bool{}
	err = db.queryRows(ctx, "retag: corrected", "SELECT DISTINCT mention_id FROM "+db.table("label_corrections")+" WHERE "+window,
		func(r interface{ Scan(...any) error }) error {
			var id string
			if err := r.Scan(&id); err != nil {
				return err
			}
			corrected[id] = true
			return nil
		})
	if err != nil {
		return 0, err
	}
	var fresh []storedMention
	for _, r := range rows {
		if !logged[r.m.ID] {
			fresh = append(fresh, r)
		}
	}
	moved := 0
	if len(fresh) > 0 {
		if moved, err = db.logRetag(ctx, run, window, fresh, st.oldEff, corrected, now); err != nil {
			return 0, err
		}
	}
	if err := db.insertStored(ctx, "mentions", rows, newInsertID(), now); err != nil {
		return 0, fmt.Errorf("retag: write new versions: %w", err)
	}
	return moved, nil
}

// logRetag logs the mentions of rows whose effective labels the new
// versions change (one INSERT into retag_log). The effective labels of a
// mention no human corrected are its model labels (oldEff before, the new
// tags after); those of the corrected mentions are read through the read
// model, before from mentions and after from their new versions staged in
// retag_stage.
func (db *DB) logRetag(ctx context.Context, run, window string, rows []storedMention, oldEff map[string]*effective, corrected map[string]bool, now time.Time) (int, error) {
	before := make(map[string]*effective, len(rows))
	after := make(map[string]*effective, len(rows))
	var staged []storedMention
	var stagedIDs []string
	ids := make([]string, 0, len(rows))
	for i := range rows {
		id := rows[i].m.ID
		ids = append(ids, id)
		if corrected[id] {
			staged = append(staged, rows[i])
			stagedIDs = append(stagedIDs, id)
			continue
		}
		before[id], after[id] = oldEff[id], modelEffective(&rows[i].m)
	}
	if len(staged) > 0 {
		stamp := newInsertID()
		if err := db.insertStored(ctx, "retag_stage", staged, stamp, now); err != nil {
			return 0, fmt.Errorf("retag: stage: %w", err)
		}
		defer func() {
			// The step's partition; a failure only leaves rows nobody reads.
			_ = db.conn.Exec(context.WithoutCancel(ctx), fmt.Sprintf("ALTER TABLE %s DROP PARTITION %d", db.table("retag_stage"), stamp))
		}()
		b, err := db.loadEffectiveFrom(ctx, "", window, stagedIDs)
		if err != nil {
			return 0, fmt.Errorf("retag: %w", err)
		}
		a, err := db.loadEffectiveFrom(ctx, "retag_stage", fmt.Sprintf("insert_id = %d", stamp), stagedIDs)
		if err != nil {
			return 0, fmt.Errorf("retag: %w", err)
		}
		for _, id := range stagedIDs {
			before[id], after[id] = b[id], a[id]
		}
	}
	models := map[string]string{}
	for _, r := range rows {
		models[r.m.ID] = r.m.Model
	}
	b, err := db.conn.PrepareBatch(ctx, "INSERT INTO "+db.table("retag_log")+
		" (run, id, sign, posted_at, source, author_kind, author_id, sentiment, hostility, partisan, threat, political, neutrality_breach, programs, places, engagement, views, model, logged_at)")
	if err != nil {
		return 0, fmt.Errorf("retag: log: %w", err)
	}
	moved := 0
	for _, id := range ids {
		old, cur := before[id], after[id]
		if old == nil || cur == nil || rollupKey(old) == rollupKey(cur) {
			continue
		}
		moved++
		for _, d := range []rollupDelta{{old, -1}, {cur, +1}} {
			e := d.e
			if err := b.Append(run, id, int8(d.sign), e.postedAt, e.source, e.authorKind, e.authorID, e.sentiment, e.hostility,
				b2u(e.partisan), b2u(e.threat), b2u(e.political), b2u(e.breach), nonNil(e.programs), nonNil(e.places), e.engagement, e.views,
				models[id], now); err != nil {
				_ = b.Abort()
				return 0, fmt.Errorf("retag: log: %w", err)
			}
		}
	}
	if moved == 0 {
		_ = b.Abort()
		return 0, nil
	}
	if err := b.Send(); err != nil {
		return 0, fmt.Errorf("retag: log %d mentions: %w", moved, err)
	}
	return moved, nil
}

// insertStored writes rows (already protected: stored rows are
// pseudonymised) into table with insertID; each row's ingested_at is now,
// or a second after the stored version's, so the new version wins. The
// rollup views do not count them (counted = 0): retag_log moves the
// rollups.
func (db *DB) insertStored(ctx context.Context, table string, rows []storedMention, insertID uint64, now time.Time) error {
	blk := newMentionBlock(len(rows))
	for i := range rows {
		at := now
		if !at.After(rows[i].ingested) {
			at = rows[i].ingested.Add(time.Second)
		}
		blk.add(&rows[i].m, at, insertID, rows[i].restricted, 0)
	}
	return db.sendBlock(ctx, table, blk)
}
