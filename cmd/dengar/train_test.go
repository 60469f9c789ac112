package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/models"
)

// TestTrainReproducesShippedModels retrains every model from the public
// data folder and checks that `dengar train` writes exactly the embedded
// files. It keeps the committed models honest: a change to features,
// normalisation or a recipe that is not followed by a retrain fails here,
// and so does any nondeterminism in training. About six minutes on two
// busy cores (272 s of CPU); skipped with -short or without the data folder.
func TestTrainReproducesShippedModels(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the full retrain")
	}
	data := model.RequireDataDir(t)
	out := t.TempDir()
	var log bytes.Buffer
	if err := runTrain(context.Background(), &log, "all", data, out); err != nil {
		t.Fatalf("train: %v\n%s", err, log.String())
	}
	t.Log(log.String())
	shipped, err := fs.Glob(models.FS, "*.*")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range shipped {
		if name == "NOTICE.md" {
			continue
		}
		want, err := fs.ReadFile(models.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Errorf("%s: embedded but not written by dengar train: %v", name, err)
			continue
		}
		checked++
		if !bytes.Equal(got, want) {
			t.Errorf("%s: retrained file (%d bytes) differs from the embedded one (%d bytes): run `dengar train --task all` and commit analyze/models", name, len(got), len(want))
		}
	}
	written, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != checked {
		t.Errorf("dengar train wrote %d files, %d are embedded", len(written), checked)
	}
	if checked == 0 {
		t.Fatal("no embedded model files found")
	}
}
