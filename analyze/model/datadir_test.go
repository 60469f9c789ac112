package model

import (
	"fmt"
	"path/filepath"
	"testing"
)

// recTB records what RequireDataDir asks of its test; like testing.T,
// Skipf and Fatalf end the call (here by a panic that require recovers).
type recTB struct{ skipped, failed string }

type stopped struct{}

func (r *recTB) Helper() {}
func (r *recTB) Skipf(f string, args ...any) {
	r.skipped = fmt.Sprintf(f, args...)
	panic(stopped{})
}
func (r *recTB) Fatalf(f string, args ...any) {
	r.failed = fmt.Sprintf(f, args...)
	panic(stopped{})
}

// require calls RequireDataDir as a test would and returns its folder.
func (r *recTB) require(sub ...string) (dir string) {
	defer func() {
		if v := recover(); v != nil && v != (stopped{}) {
			panic(v)
		}
	}()
	return RequireDataDir(r, sub...)
}

// TestRequireDataDirFailsUnderCI: a missing data folder skips a
// model-quality test on a laptop but fails it when CI is set, and a folder
// that exists is returned joined with sub.
func TestRequireDataDirFailsUnderCI(t *testing.T) {
	present := t.TempDir()
	missing := filepath.Join(present, "absent")
	for _, c := range []struct {
		name, ci, data, sub string
		wantSkip, wantFail  bool
	}{
		{"missing, no CI", "", missing, "", true, false},
		{"missing, CI", "true", missing, "", false, true},
		{"sub missing, CI", "1", present, "nusax", false, true},
		{"present, CI", "1", present, "", false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("CI", c.ci)
			t.Setenv("DENGAR_DATA", c.data)
			var r recTB
			got := r.require(c.sub)
			if (r.skipped != "") != c.wantSkip || (r.failed != "") != c.wantFail {
				t.Fatalf("skipped %q, failed %q; want skip %v, fail %v", r.skipped, r.failed, c.wantSkip, c.wantFail)
			}
			if !c.wantSkip && !c.wantFail && got != filepath.Join(c.data, c.sub) {
				t.Errorf("got %q, want %q", got, filepath.Join(c.data, c.sub))
			}
		})
	}
}
