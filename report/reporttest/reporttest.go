// Package reporttest holds test helpers for what a reader of the weekly
// report sees.
package reporttest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// PDFText is the text of a PDF as a reader sees it (pdftotext, from
// poppler-utils, which make test's dependencies install). Without
// pdftotext the test is skipped, and fails when the CI variable is set.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing (install poppler-utils)")
		}
		t.Skip("pdftotext is missing: install poppler-utils")
	}
	in := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
