package chserver

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// JournalWarning says why dir's filesystem makes ClickHouse inserts slow,
// or "" when nothing is known against it. The case it knows: ext4 without
// a journal. There, each new inode is allocated only after the kernel has
// scanned the recently deleted ones (ext4's find_inode_bit calls
// recently_deleted only when the filesystem has no journal). ClickHouse
// 18.16 writes two files per column and view table for every insert part,
// and deletes them after merges. On such a root disk, perf put 40 % of
// ClickHouse's insert CPU in those kernel functions, and the sink with
// every rollup view inserted 26–52 k rows/s there against 42–67 k on a
// journaled ext4 on the same disk (README, "Throughput").
func JournalWarning(dir string) string {
	dev, fstype := mountOf(dir)
	if fstype != "ext4" || dev == "" {
		return ""
	}
	b, err := os.ReadFile(filepath.Join("/sys/fs/ext4", filepath.Base(dev), "journal_task"))
	if err != nil || strings.TrimSpace(string(b)) != "<none>" {
		return ""
	}
	return "the ClickHouse data directory is on ext4 without a journal (" + dev + "): inode allocation there scans recently deleted inodes, which measured ~40 % of ClickHouse's insert CPU; a journaled ext4 or XFS avoids it"
}

// mountOf returns the device and filesystem type of the mount holding
// path (the longest mount point that is a prefix of it), from
// /proc/self/mountinfo; "" when unknown.
func mountOf(path string) (dev, fstype string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", ""
	}
	if p, err := filepath.EvalSymlinks(abs); err == nil {
		abs = p
	}
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return "", ""
	}
	defer f.Close()
	best := -1
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// id parent major:minor root mountpoint options [optional...] - fstype source superoptions
		left, right, ok := strings.Cut(sc.Text(), " - ")
		if !ok {
			continue
		}
		lf, rf := strings.Fields(left), strings.Fields(right)
		if len(lf) < 5 || len(rf) < 2 {
			continue
		}
		mp := lf[4]
		if !within(abs, mp) || len(mp) < best {
			continue
		}
		best, fstype, dev = len(mp), rf[0], rf[1]
	}
	return dev, fstype
}

// within says whether path is mount point mp or below it.
func within(path, mp string) bool {
	if mp == "/" {
		return true
	}
	return path == mp || strings.HasPrefix(path, mp+"/")
}
