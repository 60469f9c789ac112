package dashboards

import (
	"strings"
	"testing"
	"time"
)

func TestExpand(t *testing.T) {
	from := time.Date(2014, 11, 12, 11, 45, 26, 371e6, time.UTC)
	to := time.Date(2015, 11, 12, 11, 45, 26, 371e6, time.UTC)
	env := Env{From: from, To: to, Interval: 20 * time.Second, Vars: map[string]Variable{
		"program": {Selected: []string{AllValue}, Options: []string{"a", "b"}},
		"source":  {Selected: []string{"x", "rss"}},
		"one":     {Selected: []string{"o'brien"}},
		"custom":  {Selected: []string{AllValue}, AllValueText: ".*"},
		"empty":   {Selected: []string{""}},
	}}
	cases := []struct {
		name, in, want string
	}{
		// Backend macros, as the plugin's pkg/macros expands them.
		{"timeFilter", "WHERE $__timeFilter(t)", "WHERE t >= toDateTime(1415792726) AND t <= toDateTime(1447328726)"},
		{"timeFilter spaces", "$__timeFilter( posted_at )", "posted_at >= toDateTime(1415792726) AND posted_at <= toDateTime(1447328726)"},
		{"timeFilter_ms", "$__timeFilter_ms(t)", "t >= fromUnixTimestamp64Milli(1415792726371) AND t <= fromUnixTimestamp64Milli(1447328726371)"},
		{"fromTime toTime", "$__fromTime AND $__toTime", "toDateTime(1415792726) AND toDateTime(1447328726)"},
		{"dateFilter", "$__dateFilter(d)", "d >= toDate('2014-11-12') AND d <= toDate('2015-11-12')"},
		{"timeInterval", "$__timeInterval(t)", "toStartOfInterval(toDateTime(t), INTERVAL 20 second)"},
		{"interval_s", "INTERVAL $__interval_s second", "INTERVAL 20 second"},
		// Grafana template variables.
		{"singlequote multi", "IN (${source:singlequote})", "IN ('x','rss')"},
		{"singlequote escapes", "= ${one:singlequote}", `= 'o\'brien'`},
		{"sqlstring escapes", "= ${one:sqlstring}", "= 'o''brien'"},
		{"csv", "${source:csv}", "x,rss"},
		{"all expands to options", "IN (${program:singlequote})", "IN ('a','b')"},
		{"custom all value", "match(x, '$custom')", "match(x, '.*')"},
		{"plain single", "'$one'", "'o'brien'"},
		{"braced single", "'${one}'", "'o'brien'"},
		// The frontend's $__conditionalAll.
		{"conditionalAll all", "WHERE $__conditionalAll(p IN (${program:singlequote}), $program)", "WHERE 1=1"},
		{"conditionalAll braced var", "$__conditionalAll(p IN (${program:singlequote}), ${program})", "1=1"},
		{"conditionalAll selected", "$__conditionalAll(s IN (${source:singlequote}), $source)", "s IN ('x','rss')"},
		{"conditionalAll empty value", "$__conditionalAll(e = '$empty', $empty)", "1=1"},
		{"conditionalAll nested parens and commas", "$__conditionalAll(hasAny(a, [${source:singlequote}]), $source) AND $__conditionalAll(0, $program)", "hasAny(a, ['x','rss']) AND 1=1"},
		{"conditionalAll quoted comma", "$__conditionalAll(s = 'a,b)', $source)", "s = 'a,b)'"},
		{"untouched", "SELECT 1", "SELECT 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Expand(c.in, env)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("Expand(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestExpandIntervalFloor(t *testing.T) {
	got, err := Expand("$__interval_s $__timeInterval(c)", Env{Interval: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if got != "1 toStartOfInterval(toDateTime(c), INTERVAL 1 second)" {
		t.Errorf("sub-second interval: %q", got)
	}
}

func TestExpandErrors(t *testing.T) {
	env := Env{Vars: map[string]Variable{"multi": {Selected: []string{"a", "b"}}}}
	cases := []struct{ name, in, want string }{
		{"unknown variable", "x = $nope", "unknown variable $nope"},
		{"unknown macro", "$__bogus(x)", "unknown macro $__bogus"},
		{"timeFilter without column", "$__timeFilter()", "want 1 argument"},
		{"timeFilter two columns", "$__timeFilter(a, b)", "want 1 argument"},
		{"multi without format", "IN ($multi)", "need a format"},
		{"bad format", "${multi:regexx}", `unsupported format "regexx"`},
		{"conditionalAll arity", "$__conditionalAll(a)", "want 2 arguments"},
		{"conditionalAll unbalanced", "$__conditionalAll(a, $multi", "unbalanced"},
		{"conditionalAll unknown var", "$__conditionalAll(a, $zzz)", "unknown variable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Expand(c.in, env)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Expand(%q) error %v, want %q", c.in, err, c.want)
			}
		})
	}
}

// FuzzExpand: arbitrary SQL and variable values never panic, and a
// successful expansion leaves no $__conditionalAll behind.
func FuzzExpand(f *testing.F) {
	for _, s := range []string{
		"$__timeFilter(t) AND $__conditionalAll(p IN (${v:singlequote}), $v)",
		"$__conditionalAll(", "$__conditionalAll((((,", "${v", "$", "${v:}", "'$v'", "$__interval_s$__fromTime",
		"$__conditionalAll(a, $v) $__conditionalAll(b, ${v})",
	} {
		f.Add(s, "x'y")
	}
	f.Fuzz(func(t *testing.T, sql, value string) {
		env := Env{From: time.Unix(0, 0), To: time.Unix(3600, 0), Interval: time.Minute,
			Vars: map[string]Variable{"v": {Selected: []string{value}}}}
		out, err := Expand(sql, env)
		if err == nil && strings.Contains(out, conditionalAll) && !strings.Contains(value, conditionalAll) {
			t.Errorf("Expand(%q) left a conditionalAll: %q", sql, out)
		}
	})
}
