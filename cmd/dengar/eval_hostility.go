package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dengar-id/dengar/analyze/hostility"
)

// evalHostility runs `dengar eval --task hostility --format jsonl FILE`:
// the hostility tagger on a set labelled in the product's taxonomy (see
// hostility.LabelledPost), reported per kind and ending with the line
// `macro_f1=0.XXXX n=N`. Set DENGAR_EVAL_VERBOSE=1 to list every error.
func evalHostility(ctx context.Context, w io.Writer, format, path string) error {
	if format != "jsonl" {
		return fmt.Errorf("--task hostility: --format %q, want jsonl", format)
	}
	t, err := hostility.New()
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval hostility: %w", err)
	}
	defer f.Close()
	posts, err := hostility.ReadLabelled(f)
	if err != nil {
		return fmt.Errorf("eval hostility %s: %w", path, err)
	}
	if len(posts) == 0 {
		return fmt.Errorf("eval hostility %s: no labelled posts", path)
	}
	_, err = hostility.Evaluate(ctx, t, posts, w, os.Getenv("DENGAR_EVAL_VERBOSE") == "1")
	return err
}
