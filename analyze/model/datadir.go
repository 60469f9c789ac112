package model

import (
	"errors"
	"os"
	"path/filepath"
)

// FindDataDir returns the public data folder: $DENGAR_DATA when set, else
// ../shared/data beside the repository root (the folder holding go.mod,
// found by walking up from the working directory).
func FindDataDir() (string, error) {
	if d := os.Getenv("DENGAR_DATA"); d != "" {
		if _, err := os.Stat(d); err != nil {
			return "", err
		}
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "data")
			if _, err := os.Stat(d); err != nil {
				return "", err
			}
			return filepath.Clean(d), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
