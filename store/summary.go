package store

import (
	"context"
	"fmt"
	"time"
)

// Count is a labelled number.
type Count struct {
	Label string
	N     uint64
}

// Summary is the pipeline overview printed by `dengar run`.
type Summary struct {
	From, To     time.Time
	Total        uint64
	Programs     []Count // mentions per program; "" = no program
	Sentiment    []Count
	Hostility    []Count
	Sources      []Count
	Partisan     uint64
	Threats      uint64
	Breaches     uint64
	NeedsReview  uint64
	ModelVersion string
}

// Summary counts the mentions posted in [from, to) by their effective
// labels (readmodel.go), each once (FINAL: a bounded range). NeedsReview
// is the review queue of the range (InReview), as `dengar labels queue`
// writes it.
func (db *DB) Summary(ctx context.Context, from, to time.Time) (Summary, error) {
	s := Summary{From: from, To: to}
	r := Range{From: from.UTC(), To: to.UTC()}
	rows := func(cols ...string) string { return Read{Cols: cols, Where: r.where(), Final: true}.SQL() }
	row := db.conn.QueryRow(ctx, "SELECT count(), sum(partisan), sum(threat), sum(neutrality_breach), sum(in_review), any(model) FROM "+
		rows("partisan", "threat", "neutrality_breach", "model", "toUInt8("+InReview+") AS in_review"))
	var partisan, threats, breaches, review uint64
	if err := row.Scan(&s.Total, &partisan, &threats, &breaches, &review, &s.ModelVersion); err != nil {
		return s, fmt.Errorf("summary: totals: %w", err)
	}
	s.Partisan, s.Threats, s.Breaches, s.NeedsReview = partisan, threats, breaches, review
	groups := []struct {
		col, expr string
		dst       *[]Count
	}{
		{"programs", "arrayJoin(if(empty(programs), [''], programs))", &s.Programs},
		{"sentiment", "toString(sentiment)", &s.Sentiment},
		{"hostility", "toString(hostility)", &s.Hostility},
		{"source", "toString(source)", &s.Sources},
	}
	for _, g := range groups {
		err := db.queryRows(ctx, "summary", "SELECT "+g.expr+" AS k, count() AS n FROM "+rows(g.col)+" GROUP BY k ORDER BY n DESC, k",
			func(rows interface{ Scan(...any) error }) error {
				var c Count
				if err := rows.Scan(&c.Label, &c.N); err != nil {
					return err
				}
				*g.dst = append(*g.dst, c)
				return nil
			})
		if err != nil {
			return s, err
		}
	}
	return s, nil
}

// CountIDs returns how many of ids are stored by an insert at or after
// since (zero: any time). `dengar run` uses since to wait for this run's
// tagged versions, not for rows an earlier run left.
func (db *DB) CountIDs(ctx context.Context, ids []string, since time.Time) (uint64, error) {
	var total uint64
	for lo := 0; lo < len(ids); lo += 5000 {
		hi := min(lo+5000, len(ids))
		var n uint64
		if err := db.conn.QueryRow(ctx, "SELECT uniqExact(id) FROM "+quoteIdent(db.cfg.Database)+".mentions WHERE has(?, id) AND ingested_at >= ?", ids[lo:hi], since.UTC().Truncate(time.Second)).Scan(&n); err != nil {
			return 0, fmt.Errorf("count ids: %w", err)
		}
		total += n
	}
	return total, nil
}
