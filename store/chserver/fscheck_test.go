package chserver

import "testing"

func TestWithin(t *testing.T) {
	tests := []struct {
		path, mp string
		want     bool
	}{
		{"/work/main/.dengar", "/", true},
		{"/mnt/chdisk/ch", "/mnt/chdisk", true},
		{"/mnt/chdisk", "/mnt/chdisk", true},
		{"/mnt/chdiskx/ch", "/mnt/chdisk", false},
		{"/dev/shm/x", "/dev", true},
	}
	for _, tc := range tests {
		if got := within(tc.path, tc.mp); got != tc.want {
			t.Errorf("within(%q, %q) = %v, want %v", tc.path, tc.mp, got, tc.want)
		}
	}
}

// TestMountOf: the temp dir lies on some mount with a known type (the
// longest matching mount point wins; "/" always matches).
func TestMountOf(t *testing.T) {
	dev, fstype := mountOf(t.TempDir())
	if fstype == "" || dev == "" {
		t.Fatalf("mountOf(temp dir) = %q, %q: no mount found", dev, fstype)
	}
	t.Logf("temp dir on %s (%s); warning: %q", dev, fstype, JournalWarning(t.TempDir()))
}
