package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/analyze/catalog"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

func init() {
	var explain bool
	var top int
	var date string
	cmd := &cobra.Command{
		Use:   "tag [--explain]",
		Short: "Tag mentions read from stdin (JSON or plain text, one per line)",
		Long: `tag reads lines on stdin — a mention as JSON (partial mentions are fine,
e.g. {"text": "...", "author": {"kind": "government"}}) or plain text — and
writes one tagged mention per line as JSON (wire contract v1). Missing fields
are filled: id "stdin:<line>", source "stdin", collected_at now, posted_at =
collected_at, or midday WITA of --date (the day the election calendar reads:
which races are open, so whether "salam 2 jari" is a cue). --explain adds a
field "explain" with, per tagger, the features (and their weights) that drove
each decision; for the catalog, the rule that decided each cue, the cues that
did not count and why, the calendar's reading of the day, and why the post
is or is not a neutrality breach.

A line that is not a valid mention (bad JSON, empty text, unknown author
kind) is reported on stderr with its line number and skipped; the other
lines are still tagged, and the command exits non-zero at the end if any
line was rejected.`,
		Example: `  echo 'pelayanan disdukcapil cepat, mantap' | dengar tag
  echo '{"text":"kada nyaman banar jalan rusak","author":{"kind":"citizen"}}' | dengar tag --explain
  echo 'Salam 2 jari dari Kelurahan Karang Anyar' | dengar tag --explain --date 2024-02-05`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := newPipeline(cmd.Context())
			if err != nil {
				return err
			}
			o := tagOptions{explain: explain, top: top, now: clock.Now, rejects: cmd.ErrOrStderr()}
			if date != "" {
				day, err := catalog.ParseDate(date)
				if err != nil {
					return fmt.Errorf("--date: %w", err)
				}
				o.posted = day.Noon()
			}
			return runTag(cmd.Context(), p, cmd.InOrStdin(), cmd.OutOrStdout(), o)
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "posted_at of lines that have none, YYYY-MM-DD (default: now)")
	cmd.Flags().BoolVar(&explain, "explain", false, "add the features that drove each label")
	cmd.Flags().IntVar(&top, "top", 5, "features per decision with --explain")
	rootCmd.AddCommand(cmd)
}

type tagOptions struct {
	explain bool
	top     int
	now     func() time.Time
	// posted is the posted_at of lines without one; zero: the collection time.
	posted time.Time
	// rejects receives one line per rejected input line; nil discards.
	rejects io.Writer
}

// taggedLine is one output line: the tagged mention and, with --explain,
// the explanations.
type taggedLine struct {
	*mention.Mention
	Explain map[string][]model.Explanation `json:"explain,omitempty"`
}

// parseInputLine turns one stdin line into a mention: JSON when it starts
// with '{', plain text otherwise. A mention without posted_at gets posted,
// or now when posted is zero.
func parseInputLine(line []byte, n int, now, posted time.Time) (*mention.Mention, error) {
	line = bytes.TrimSpace(line)
	m := &mention.Mention{}
	if len(line) > 0 && line[0] == '{' {
		if err := json.Unmarshal(line, m); err != nil {
			return nil, fmt.Errorf("line %d: not a JSON mention: %w", n, err)
		}
	} else {
		m.Text = string(line)
	}
	if m.Source == "" {
		if src, _, ok := mention.SplitID(m.ID); ok {
			m.Source = src
		} else {
			m.Source = "stdin"
		}
	}
	if m.ID == "" {
		m.ID = mention.NewID(m.Source, strconv.Itoa(n))
	}
	if m.CollectedAt.IsZero() {
		m.CollectedAt = now
	}
	if m.PostedAt.IsZero() {
		m.PostedAt = m.CollectedAt
		if !posted.IsZero() {
			m.PostedAt = posted
		}
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n, err)
	}
	return m, nil
}

func runTag(ctx context.Context, p *analyze.Pipeline, r io.Reader, w io.Writer, o tagOptions) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), mention.MaxMessageBytes)
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n, rejected := 0, 0
	for sc.Scan() {
		n++
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		m, err := parseInputLine(sc.Bytes(), n, o.now().UTC(), o.posted)
		if err != nil {
			// One bad line must not cost the rest of the stream.
			rejected++
			if o.rejects != nil {
				fmt.Fprintf(o.rejects, "dengar tag: skipped %v\n", err)
			}
			continue
		}
		p.Tag(m)
		out := taggedLine{Mention: m}
		if o.explain {
			out.Explain = p.Explain(m, o.top)
		}
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	if rejected > 0 {
		return fmt.Errorf("%d of %d lines rejected (reasons above)", rejected, n)
	}
	return nil
}
