package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/analyze/catalog"
	"github.com/dengar-id/dengar/clock"
)

// catalogNow is the clock of `dengar catalog active` without --date.
var catalogNow = clock.Now

func init() {
	parent := &cobra.Command{
		Use:   "catalog",
		Short: "Check the watch-list catalog and list the elections and actors active on a day",
		Example: `  dengar catalog check
  dengar catalog active --date 2024-11-20
  dengar --config dengar.yaml catalog active`,
		Args: cobra.NoArgs,
	}
	check := &cobra.Command{
		Use:   "check",
		Short: "Load and validate the catalog of the configuration; print what it holds",
		Long: `check loads the catalog section of the configuration (or the embedded
default) exactly as the analyzer does — strictly: an unknown key, a bad date,
a race that is not in the election calendar, a ballot number used twice or a
bad watch query is an error naming the entry — and prints a count of each
section.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ix, err := loadCatalogIndex()
			if err != nil {
				return err
			}
			printCatalogCounts(cmd.OutOrStdout(), ix)
			return nil
		},
	}
	var date string
	active := &cobra.Command{
		Use:   "active [--date YYYY-MM-DD]",
		Short: "List the elections open on a day, with their pairs, candidates and ballot numbers",
		Long: `active lists what the partisanship tagger reads as live on a day (default
today, WITA): the elections open then — ballot numbers drawn and results not
yet final — with their campaign period and their actors by ballot number. On
such a day a bare ballot number or a finger pose ("salam 2 jari") is read as
a cue for the actor with that number; on a day with no election open, a
finger pose without election words is not a cue. It also lists the
elections of the calendar still to come, so that a maintainer sees when the
calendar needs the next contests.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			day := catalog.DateOf(catalogNow())
			if date != "" {
				var err error
				if day, err = catalog.ParseDate(date); err != nil {
					return fmt.Errorf("--date: %w", err)
				}
			}
			ix, err := loadCatalogIndex()
			if err != nil {
				return err
			}
			printActive(cmd.OutOrStdout(), ix, day)
			return nil
		},
	}
	active.Flags().StringVar(&date, "date", "", "the day, YYYY-MM-DD (default today, WITA)")
	parent.AddCommand(check, active)
	rootCmd.AddCommand(parent)
}

// phases are the Indonesian names of Election.Phase.
var phases = map[string]string{"numbers": "nomor urut sudah ditetapkan, belum masa kampanye", "campaign": "masa kampanye",
	"quiet": "masa tenang", "results": "setelah pemungutan suara, hasil belum final"}

// actorKinds are the Indonesian names of actor kinds.
var actorKinds = map[string]string{"party": "partai", "pair": "pasangan", "candidate": "calon", "option": "pilihan"}

// printCatalogCounts writes what a catalog holds.
func printCatalogCounts(w io.Writer, ix *catalog.Index) {
	c := ix.Catalog()
	kinds := map[string]int{}
	for _, a := range c.Actors {
		kinds[a.Kind]++
	}
	fmt.Fprintf(w, "Katalog %s valid.\n", orDash(c.Version))
	fmt.Fprintf(w, "  program: %d, instansi: %d, tempat: %d\n", len(c.Programs), len(c.Institutions), len(c.Places))
	fmt.Fprintf(w, "  pemilihan: %d; aktor: %d partai, %d pasangan, %d calon, %d pilihan lain\n",
		len(c.Elections), kinds["party"], kinds["pair"], kinds["candidate"], kinds["option"])
	fmt.Fprintf(w, "  akun terdaftar: %d\n", ix.Registry.Len())
}

// printActive writes the elections open on day and those still to come.
func printActive(w io.Writer, ix *catalog.Index, day catalog.Date) {
	c := ix.Catalog()
	fmt.Fprintf(w, "Katalog %s pada %s\n\n", orDash(c.Version), day)
	open := ix.Active(day)
	if len(open) == 0 {
		fmt.Fprintf(w, "Tidak ada pemilihan yang berlangsung: nomor urut dan salam jari tanpa kata pemilu tidak dibaca sebagai isyarat.\n")
		fmt.Fprintf(w, "Dukungan yang tegas (ajakan memilih, tagar, slogan, mobilisasi, ucapan untuk partai) tetap terbaca kapan pun.\n")
	} else {
		fmt.Fprintf(w, "Pemilihan yang berlangsung (nomor urut dan salam jari dibaca sebagai isyarat):\n")
	}
	for _, ar := range open {
		e := ar.Election
		fmt.Fprintf(w, "\n  %s — %s (%s, %s)\n", e.ID, orDash(e.Name), e.Kind, orDash(e.Region))
		fmt.Fprintf(w, "    %s · nomor urut sejak %s · kampanye %s s.d. %s · pemungutan suara %s · berlaku sampai %s\n",
			phases[e.Phase(day)], e.Opens(), e.Campaign.From, e.Campaign.To, e.Vote, e.Closes())
		for _, a := range ar.Actors {
			n := a.BallotNumber(e.ID)
			if n == "" {
				n = "-"
			}
			fmt.Fprintf(w, "    %-3s %-18s %s (%s)\n", n, a.ID, orDash(a.Name), actorKinds[a.Kind])
		}
	}
	var next []string
	for _, e := range c.Elections {
		if day.Before(e.Opens()) {
			next = append(next, fmt.Sprintf("%s (pemungutan suara %s)", e.ID, e.Vote))
		}
	}
	fmt.Fprintln(w)
	if len(next) == 0 {
		fmt.Fprintf(w, "Pemilihan mendatang di kalender: belum ada. Tambahkan di `catalog: elections:` setelah KPU menetapkan jadwalnya.\n")
		return
	}
	fmt.Fprintf(w, "Pemilihan mendatang di kalender: %s\n", strings.Join(next, ", "))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
