package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dengar-id/dengar/analyze/catalog"
)

// evalPartisan runs `dengar eval --task partisan --format jsonl FILE` and
// writes the report to w, ending with the line `macro_f1=0.XXXX n=N`. The
// catalog comes from the configuration's catalog section (or the embedded
// default). Set DENGAR_EVAL_VERBOSE=1 to list every error.
func evalPartisan(ctx context.Context, w io.Writer, path string) error {
	ix, err := loadCatalogIndex()
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval partisan: %w", err)
	}
	defer f.Close()
	posts, err := catalog.ReadLabelled(f)
	if err != nil {
		return fmt.Errorf("eval partisan %s: %w", path, err)
	}
	if len(posts) == 0 {
		return fmt.Errorf("eval partisan %s: no labelled posts", path)
	}
	_, err = ix.Evaluate(ctx, posts, w, os.Getenv("DENGAR_EVAL_VERBOSE") == "1")
	return err
}
