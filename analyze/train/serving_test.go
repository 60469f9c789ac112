package train_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/dengar-id/dengar/"

// TestServingPathDoesNotImportTraining keeps the trainers and the data-set
// readers off the serving path: no stage, tagger or the model runtime
// depends (directly or not) on analyze/train or analyze/dataset; only
// `dengar` itself (for its train and eval commands) does, which the last
// rows check so that the test cannot pass by listing nothing.
func TestServingPathDoesNotImportTraining(t *testing.T) {
	training := []string{module + "analyze/train", module + "analyze/dataset"}
	tests := []struct {
		pkg       string
		forbidden []string // none of these may be among its dependencies
		required  []string // all of these must be
	}{
		{pkg: "analyze", forbidden: training},
		{pkg: "analyze/model", forbidden: append(slices.Clone(training), module+"analyze/metrics")},
		{pkg: "analyze/models", forbidden: training},
		{pkg: "analyze/normalize", forbidden: training},
		{pkg: "analyze/sentiment", forbidden: training},
		{pkg: "analyze/hostility", forbidden: training},
		{pkg: "analyze/emotion", forbidden: training},
		{pkg: "analyze/catalog", forbidden: training},
		{pkg: "analyze/watch", forbidden: training},
		{pkg: "ingest", forbidden: training},
		{pkg: "ingest/all", forbidden: training},
		{pkg: "store", forbidden: training},
		{pkg: "alert", forbidden: training},
		{pkg: "report", forbidden: training},
		{pkg: "dashboards", forbidden: training},
		{pkg: "config", forbidden: training},
		{pkg: "simulate", forbidden: training},
		{pkg: "analyze/dataset", forbidden: []string{module + "analyze/train", module + "analyze/model"}},
		{pkg: "analyze/train", required: []string{module + "analyze/dataset", module + "analyze/model", module + "analyze/sentiment", module + "analyze/hostility", module + "analyze/emotion"}},
		{pkg: "cmd/dengar", required: training},
	}
	var pkgs []string
	for _, tt := range tests {
		pkgs = append(pkgs, tt.pkg)
	}
	deps := listDeps(t, pkgs...)
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			d, ok := deps[module+tt.pkg]
			if !ok {
				t.Fatalf("go list did not list %s", tt.pkg)
			}
			for _, f := range tt.forbidden {
				if slices.Contains(d, f) {
					t.Errorf("%s depends on %s: training code is on the serving path", tt.pkg, f)
				}
			}
			for _, r := range tt.required {
				if !slices.Contains(d, r) {
					t.Errorf("%s does not depend on %s", tt.pkg, r)
				}
			}
		})
	}
}

// listDeps returns the transitive dependencies of each package (paths
// relative to the module), by import path, as `go list` computes them.
func listDeps(t *testing.T, pkgs ...string) map[string][]string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list dependencies: %v", err)
	}
	args := []string{"list", "-f", "{{.ImportPath}} {{join .Deps \" \"}}"}
	for _, p := range pkgs {
		args = append(args, module+p)
	}
	out, err := exec.Command(goTool, args...).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) > 0 {
			deps[f[0]] = f[1:]
		}
	}
	return deps
}
