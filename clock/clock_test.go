package clock_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
)

// TestOneClock fails when code outside this package reads the wall clock
// itself (time.Now, time.Since, time.Until) or asks ClickHouse for its
// clock (now(), today() in SQL), so that every clock read goes through
// clock.Now, which tests inject and the dengar_clockshift guard shifts.
// Test files may read the real clock for their own timeouts.
func TestOneClock(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	sqlClock := regexp.MustCompile(`(?i)\b(now|today|yesterday)\(\)`)
	var found []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", "vendor", "node_modules", ".git", ".dengar", "bin":
				return filepath.SkipDir
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if path == filepath.Join(root, "clock") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if strings.HasSuffix(path, ".sql") {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(b), "\n") {
				if sqlClock.MatchString(line) {
					found = append(found, rel+":"+strconv.Itoa(i+1)+": SQL reads the server clock (pass the time from the injected clock)")
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		timeName := ""
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "time" {
				timeName = "time"
				if imp.Name != nil {
					timeName = imp.Name.Name
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if id, ok := n.X.(*ast.Ident); ok && timeName != "" && id.Name == timeName {
					switch n.Sel.Name {
					case "Now", "Since", "Until":
						found = append(found, rel+":"+strconv.Itoa(fset.Position(n.Pos()).Line)+": time."+n.Sel.Name+" (use clock.Now / clock.Since or the injected clock)")
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING && sqlClock.MatchString(n.Value) {
					found = append(found, rel+":"+strconv.Itoa(fset.Position(n.Pos()).Line)+": SQL reads the server clock (pass the time from the injected clock)")
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Error(f)
	}
}

func TestSince(t *testing.T) {
	start := clock.Now()
	if d := clock.Since(start); d < 0 || d > time.Minute {
		t.Fatalf("Since(Now()) = %v", d)
	}
	if got := clock.Now().Sub(time.Now()); got < clock.Shift()-time.Minute || got > clock.Shift()+time.Minute {
		t.Fatalf("Now runs %v ahead of the real clock, want %v", got, clock.Shift())
	}
}

func TestWITA(t *testing.T) {
	got := time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC).In(clock.WITA)
	if got.Hour() != 20 || got.Format("MST") != "WITA" {
		t.Fatalf("12:00 UTC in WITA = %s", got.Format("15:04 MST"))
	}
}
