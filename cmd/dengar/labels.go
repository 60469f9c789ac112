package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/store"
)

func init() {
	labels := &cobra.Command{
		Use:   "labels",
		Short: "Human label corrections: import them, export corrected mentions as training data",
		Example: `  dengar labels import corrections.jsonl --by analyst1
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
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			db, err := store.Open(cmd.Context(), cfg.ClickHouse)
			if err != nil {
				return err
			}
			defer db.Close()
			ms, err := db.CorrectedMentions(cmd.Context())
			if err != nil {
				return err
			}
			var w io.Writer = cmd.OutOrStdout()
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			n, err := store.WriteLabels(w, ms, store.LabelFormat(format), field)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "exported %d corrected mentions\n", n)
			return nil
		},
	}
	export.Flags().StringVar(&format, "format", "jsonl", "jsonl or smsa")
	export.Flags().StringVar(&field, "field", "", "only mentions with this field corrected (sentiment, hostility, partisan, threat, emotion, programs, places)")
	export.Flags().StringVar(&out, "out", "", "output file (default stdout)")

	var by string
	imp := &cobra.Command{
		Use:   "import FILE",
		Short: "Add human corrections from a JSONL file",
		Long: `import reads corrections, one JSON object per line: {"id","field","value",
"by"?,"note"?,"at"?} or {"id","labels":{field: value},"corrected"?:[fields]}
(an edited export). Fields: sentiment, hostility, partisan, threat, emotion,
programs, places. Every line is validated before anything is written; the
corrections then override the model's tags in every query and dashboard.`,
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
			cfg, err := roleConfig()
			if err != nil {
				return err
			}
			db, err := store.Open(cmd.Context(), cfg.ClickHouse)
			if err != nil {
				return err
			}
			defer db.Close()
			stored, err := db.AddCorrections(cmd.Context(), cs)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %d corrections\n", len(stored))
			return nil
		},
	}
	imp.Flags().StringVar(&by, "by", "", "who made the corrections, where a line names nobody (default $USER)")
	for _, c := range []*cobra.Command{export, imp} {
		c.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")
	}
	labels.AddCommand(export, imp)
	rootCmd.AddCommand(labels)
}
