package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func init() {
	rootCmd.AddCommand(&cobra.Command{
		Use:     "version",
		Short:   "Print the version of dengar and of its models",
		Example: "  dengar version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := version
			if bi, ok := debug.ReadBuildInfo(); ok && v == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
				v = bi.Main.Version
			}
			fmt.Fprintf(cmd.OutOrStdout(), "dengar %s\n", v)
			if p, err := newPipeline(cmd.Context()); err == nil {
				fmt.Fprintf(cmd.OutOrStdout(), "models %s (taggers: %v)\n", p.Version(), p.Taggers())
			}
			return nil
		},
	})
}
