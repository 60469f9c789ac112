package normalize

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestGoldenCorpus normalises testdata/corpus.txt and compares the result
// with testdata/corpus.golden (regenerate with `go test -run Golden -update`
// and review the diff).
func TestGoldenCorpus(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "corpus.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	sc := bufio.NewScanner(strings.NewReader(string(in)))
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		n++
		d := Text(line)
		checkInvariants(t, line, d)
		out.WriteString("> " + line + "\n")
		out.WriteString(d.Lang() + ": " + render(d) + "\n")
		var stems []string
		for _, tk := range d.Tokens {
			if tk.Kind == Word && tk.Stem != tk.Norm {
				stems = append(stems, tk.Norm+"→"+tk.Stem)
			}
		}
		if len(stems) > 0 {
			out.WriteString("stems: " + strings.Join(stems, " ") + "\n")
		}
	}
	if n < 40 {
		t.Fatalf("corpus has %d posts, want >= 40", n)
	}
	path := filepath.Join("testdata", "corpus.golden")
	if *update {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	if got := out.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Errorf("line %d differs:\n got: %s\nwant: %s", i+1, gl[i], wl[i])
			}
		}
		if len(gl) != len(wl) {
			t.Errorf("got %d lines, want %d", len(gl), len(wl))
		}
	}
}
