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

// TB is the part of testing.TB that RequireDataDir uses (so that this
// serving-path package does not import testing).
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// RequireDataDir returns the public data folder joined with sub, for a test
// that measures against it. When it is missing the test is skipped — and
// fails when the CI variable is set: CI must run the model-quality tests,
// not pass by skipping them.
func RequireDataDir(t TB, sub ...string) string {
	t.Helper()
	d, err := FindDataDir()
	if err == nil {
		d = filepath.Join(append([]string{d}, sub...)...)
		_, err = os.Stat(d)
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("public data folder not found (%v); CI is set: the model-quality tests must run (put the data sets in ../shared/data or set DENGAR_DATA)", err)
		}
		t.Skipf("public data folder not found (%v): skipping", err)
	}
	return d
}
