package main

import (
	"context"
	"errors"
	"io"
)

// evalPartisan runs `dengar eval --task partisan --format jsonl FILE` and
// writes the report to w, ending with the line `macro_f1=0.XXXX n=N`.
//
// TODO(catalog owner): implement.
func evalPartisan(ctx context.Context, w io.Writer, path string) error {
	return errors.New("partisan evaluation is not built yet")
}
