package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

func init() {
	labels := &cobra.Command{
		Use:   "labels",
		Short: "Human review: list unsure tags, import corrections, export corrected mentions as training data",
		Example: `  dengar labels queue --out tinjau.jsonl    # unsure tags to review
  dengar labels import tinjau.jsonl --by analyst1
  dengar labels export --format smsa --field sentiment --out koreksi.tsv`,
		Args: cobra.NoArgs,
	}
	var format, field, out string
	export := &cobra.Command{
		Use:   "export",
		Short: "Write corrected mentions as training data (JSONL or SmSA TSV)",
		Long: `export writes every mention a human corrected, with its effective labels.
--format jsonl (default) writes {"id","text","labels":{...},"corrected":[...]}
per line, plus "label" when --field is given (then only mentions whose
field was corrected are written); --format smsa writes "text<TAB>label"
lines (sentiment only), the IndoNLU SmSA format that dengar train reads.`,
		Example: `  dengar labels export --out corrections.jsonl
  dengar labels export --format smsa --out smsa_extra.tsv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := openLabelStore(cmd)
			if err != nil {
				return err
			}
			defer db.Close()
			ms, err := db.CorrectedMentions(cmd.Context())
			if err != nil {
				return err
			}
			w, closeOut, err := outputFile(cmd, out)
			if err != nil {
				return err
			}
			n, err := store.WriteLabels(w, ms, store.LabelFormat(format), field)
			if err := closeOut(err); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "exported %d corrected mentions\n", n)
			return nil
		},
	}
	export.Flags().StringVar(&format, "format", "jsonl", "jsonl or smsa")
	export.Flags().StringVar(&field, "field", "", "only mentions with this field corrected (sentiment, hostility, partisan, threat, emotion, programs, places)")
	export.Flags().StringVar(&out, "out", "", "output file (default stdout)")

	var days, limit int
	var originalLinks bool
	queue := &cobra.Command{
		Use:   "queue",
		Short: "Write the review queue: unsure tags nobody has corrected yet, as an editable JSONL file",
		Long: `queue writes the mentions the taggers marked for review ("Perlu ditinjau":
unsure sentiment or hostility) that no human has corrected yet: hostile ones
first, then newest first. Each line is {"id","source","url","posted_at",
"text","scores":{...},"labels":{...},"corrected":[]}. Review a line by
fixing its labels and naming the fields you checked in "corrected" (a field
named with its label unchanged confirms the model); then import the file.
Lines left untouched change nothing and stay in the queue. A post's "url" is
its link without the citizen's handle, empty where the platform has none
(README.md, Privasi); --original-links, for authorised reviewers only, puts
the original link there instead.`,
		Example: `  dengar labels queue --days 7 --limit 100 --out tinjau.jsonl
  # edit: "labels":{"hostility":"none",...},"corrected":["hostility"]
  dengar labels import tinjau.jsonl --by ana`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if days < 0 {
				return fmt.Errorf("--days %d: want 0 (any time) or more", days)
			}
			db, err := openLabelStore(cmd)
			if err != nil {
				return err
			}
			defer db.Close()
			var r store.Range
			if days > 0 {
				r = store.LastRange(clock.Now(), time.Duration(days)*24*time.Hour)
			}
			links := store.PublicLinks
			if originalLinks {
				links = store.OriginalLinks
			}
			items, err := db.ReviewQueue(cmd.Context(), r, limit, links)
			if err != nil {
				return err
			}
			w, closeOut, err := outputFile(cmd, out)
			if err != nil {
				return err
			}
			n, err := store.WriteReviewQueue(w, items)
			if err := closeOut(err); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d mentions to review\n", n)
			return nil
		},
	}
	queue.Flags().IntVar(&days, "days", 7, "mentions posted in the last N days (0: any time)")
	queue.Flags().IntVar(&limit, "limit", 200, "at most this many mentions")
	queue.Flags().StringVar(&out, "out", "", "output file (default stdout)")
	queue.Flags().BoolVar(&originalLinks, "original-links", false, "authorised use only: the original link of posts whose public link would name a citizen (restricted_url)")

	var by string
	imp := &cobra.Command{
		Use:   "import FILE",
		Short: "Add human corrections from a JSONL file",
		Long: `import reads corrections, one JSON object per line: {"id","field","value",
"by"?,"note"?,"at"?} or {"id","labels":{field: value},"corrected"?:[fields]}
(an edited export). Fields: sentiment (positive, neutral, negative — or
positif, netral, negatif), hostility (none, abusive, hate — or tidak ada,
kasar, ujaran kebencian), partisan and threat (0 or 1), emotion (anger,
fear, happy, love, sadness), programs and places (catalog ids). Every line
is validated before anything is written; the corrections then override the
model's tags in every query and dashboard. A correction already recorded
with the same value is skipped, so importing a file twice adds nothing.`,
		Example: `  dengar labels import koreksi.jsonl --by ana`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			if by == "" {
				by = os.Getenv("USER")
			}
			cs, err := store.ReadCorrections(f, by)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			if len(cs) == 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "imported 0 corrections: no line names a field in \"corrected\" (a review file is imported after editing)\n")
				return nil
			}
			db, err := openLabelStore(cmd)
			if err != nil {
				return err
			}
			defer db.Close()
			stored, err := db.AddCorrections(cmd.Context(), cs)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %d corrections", len(stored))
			if skipped := len(cs) - len(stored); skipped > 0 {
				fmt.Fprintf(cmd.OutOrStdout(), " (%d already recorded with the same value, skipped)", skipped)
			}
			fmt.Fprintln(cmd.OutOrStdout())
			return nil
		},
	}
	imp.Flags().StringVar(&by, "by", "", "who made the corrections, where a line names nobody (default $USER)")
	for _, c := range []*cobra.Command{export, queue, imp} {
		c.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")
	}
	labels.AddCommand(export, queue, imp)
	rootCmd.AddCommand(labels)
}

// outputFile returns where a command writes: path, or stdout for "" and
// "-". closeOut closes the file and returns the first of the write error
// it is given and the close error, so a failed flush to disk is reported.
func outputFile(cmd *cobra.Command, path string) (w io.Writer, closeOut func(error) error, err error) {
	if path == "" || path == "-" {
		return cmd.OutOrStdout(), func(err error) error { return err }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func(werr error) error {
		cerr := f.Close()
		if werr != nil {
			return werr
		}
		return cerr
	}, nil
}

// openLabelStore opens ClickHouse as configured (with --clickhouse).
func openLabelStore(cmd *cobra.Command) (*store.DB, error) {
	cfg, err := roleConfig()
	if err != nil {
		return nil, err
	}
	return store.Open(cmd.Context(), cfg.ClickHouse)
}
