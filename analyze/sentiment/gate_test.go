package sentiment

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// wordLiterals returns the string literals the func or method name
// compares its word w with (w == "…", switch w { case "…" }).
func wordLiterals(t *testing.T, name string) []string {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var fns []*ast.FuncDecl // every func and method of that name (round3 is also a rounding func)
	for _, p := range files {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if d, ok := d.(*ast.FuncDecl); ok && d.Name.Name == name {
				fns = append(fns, d)
			}
		}
	}
	if len(fns) == 0 {
		t.Fatalf("no func %s", name)
	}
	isW := func(e ast.Expr) bool { id, ok := e.(*ast.Ident); return ok && id.Name == "w" }
	lit := func(e ast.Expr) (string, bool) {
		b, ok := e.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(b.Value)
		return s, err == nil
	}
	seen := map[string]bool{}
	visit := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				break
			}
			for _, p := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
				if s, ok := lit(p[1]); ok && isW(p[0]) {
					seen[s] = true
				}
			}
		case *ast.SwitchStmt:
			if n.Tag == nil || !isW(n.Tag) {
				break
			}
			for _, c := range n.Body.List {
				for _, e := range c.(*ast.CaseClause).List {
					if s, ok := lit(e); ok {
						seen[s] = true
					}
				}
			}
		}
		return true
	}
	for _, fn := range fns {
		ast.Inspect(fn.Body, visit)
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// TestRoundGates checks that every word a gated round compares its word
// with is in the round's key words, so that the gate (a word with no key
// bit skips the round's word checks) never skips a check that could hold.
func TestRoundGates(t *testing.T) {
	lx := lexicon()
	for _, c := range []struct {
		round string
		bit   uint32
	}{
		{"round3", sKey3}, {"round4", sKey4}, {"round5Word", sKey5}, {"round6", sKey6},
		{"wordFlags", sKeyF}, {"adjust6", sKeyF}, {"spans", sKeySpan},
	} {
		words := wordLiterals(t, c.round)
		if len(words) == 0 {
			t.Fatalf("%s: only %d word literals found", c.round, len(words))
		}
		var missing []string
		for _, w := range words {
			if lx.get(w).set&c.bit == 0 {
				missing = append(missing, w)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s compares w with words that are not its key words: %s", c.round, strings.Join(missing, " "))
		}
	}
}
