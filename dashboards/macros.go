package dashboards

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
)

// AllValue is Grafana's value of a variable whose "All" option is selected.
const AllValue = "$__all"

// Variable is the state of one dashboard variable for Expand.
type Variable struct {
	// Selected are the selected values; []string{AllValue} for "All".
	Selected []string
	// Options are every value the variable offers (used when "All" is
	// selected and AllValueText is empty, as Grafana does).
	Options []string
	// AllValueText is the variable's custom all value, inserted unformatted.
	AllValueText string
}

// Env is what Grafana and the plugin know when they run a panel's query:
// the time range, the interval and the variables.
type Env struct {
	From, To time.Time
	// Interval is Grafana's $__interval for the panel.
	Interval time.Duration
	Vars     map[string]Variable
}

// Expand turns a panel's raw SQL into the SQL the ClickHouse plugin sends
// to ClickHouse, in the plugin's order: the frontend's $__conditionalAll,
// then Grafana's template variables, then the backend macros ($__timeFilter,
// $__fromTime, $__toTime, $__timeInterval, $__interval_s, ...). Unknown
// variables and macros are errors, so a typo fails a test instead of
// reaching ClickHouse.
func Expand(sql string, env Env) (string, error) {
	s, err := expandConditionalAll(sql, env)
	if err != nil {
		return "", err
	}
	if s, err = expandVariables(s, env); err != nil {
		return "", err
	}
	return expandMacros(s, env)
}

const conditionalAll = "$__conditionalAll("

// expandConditionalAll mimics the plugin frontend: scanning from the last
// occurrence, $__conditionalAll(cond, $var) becomes cond, or 1=1 when $var
// has "All" (or nothing) selected.
func expandConditionalAll(s string, env Env) (string, error) {
	for {
		i := strings.LastIndex(s, conditionalAll)
		if i < 0 {
			return s, nil
		}
		args, end, err := macroArgs(s, i+len(conditionalAll)-1)
		if err != nil {
			return "", fmt.Errorf("$__conditionalAll at %d: %w", i, err)
		}
		if len(args) != 2 {
			return "", fmt.Errorf("$__conditionalAll at %d: want 2 arguments, got %d", i, len(args))
		}
		name := strings.TrimSpace(args[1])
		name = strings.TrimPrefix(name, "$")
		name = strings.TrimSuffix(strings.TrimPrefix(name, "{"), "}")
		v, ok := env.Vars[name]
		if !ok {
			return "", fmt.Errorf("$__conditionalAll: unknown variable %q", args[1])
		}
		phrase := args[0]
		if len(v.Selected) == 0 || strings.Join(v.Selected, ",") == AllValue || (len(v.Selected) == 1 && v.Selected[0] == "") {
			phrase = "1=1"
		}
		s = s[:i] + phrase + s[end:]
	}
}

// macroArgs splits the parenthesised argument list starting at s[open]
// on top-level commas, honouring nested parentheses and quotes. It returns
// the arguments and the index just past the closing parenthesis.
func macroArgs(s string, open int) ([]string, int, error) {
	if open >= len(s) || s[open] != '(' {
		return nil, 0, fmt.Errorf("no argument list")
	}
	depth := 0
	var quote byte
	start := open + 1
	var args []string
	for i := open; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			if c == '\\' {
				i++
				continue
			}
			if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"', '`':
			quote = c
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				args = append(args, s[start:i])
				return args, i + 1, nil
			}
		case ',':
			if depth == 1 {
				args = append(args, s[start:i])
				start = i + 1
			}
		}
	}
	return nil, 0, fmt.Errorf("unbalanced parentheses")
}

// variableRef matches ${name}, ${name:format} and $name. Names starting with
// "__" are Grafana built-ins or plugin macros and are left alone.
var variableRef = regexp.MustCompile(`\$\{(\w+)(?::(\w+))?\}|\$(\w+)`)

func expandVariables(s string, env Env) (string, error) {
	var firstErr error
	out := variableRef.ReplaceAllStringFunc(s, func(m string) string {
		sub := variableRef.FindStringSubmatch(m)
		name, format := sub[1], sub[2]
		if name == "" {
			name = sub[3]
		}
		if strings.HasPrefix(name, "__") {
			return m
		}
		v, ok := env.Vars[name]
		if !ok {
			if firstErr == nil {
				firstErr = fmt.Errorf("unknown variable $%s", name)
			}
			return m
		}
		values := v.Selected
		if len(values) == 1 && values[0] == AllValue {
			if v.AllValueText != "" {
				return v.AllValueText
			}
			values = v.Options
		}
		r, err := formatValues(values, format)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("variable $%s: %w", name, err)
		}
		return r
	})
	return out, firstErr
}

// formatValues applies a Grafana variable format.
func formatValues(values []string, format string) (string, error) {
	switch format {
	case "singlequote":
		q := make([]string, len(values))
		for i, v := range values {
			q[i] = "'" + strings.ReplaceAll(v, "'", `\'`) + "'"
		}
		return strings.Join(q, ","), nil
	case "sqlstring":
		q := make([]string, len(values))
		for i, v := range values {
			q[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
		}
		return strings.Join(q, ","), nil
	case "csv":
		return strings.Join(values, ","), nil
	case "raw", "":
		if len(values) != 1 && format == "" {
			return "", fmt.Errorf("%d values need a format such as :singlequote", len(values))
		}
		return strings.Join(values, ","), nil
	}
	return "", fmt.Errorf("unsupported format %q", format)
}

// backendMacro matches the plugin's backend macros, with an optional
// argument list (no nested parentheses, as in sqlds).
var backendMacro = regexp.MustCompile(`\$__(\w+)(?:\(([^()]*)\))?`)

func expandMacros(s string, env Env) (string, error) {
	var firstErr error
	fail := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	seconds := int64(math.Max(env.Interval.Seconds(), 1))
	out := backendMacro.ReplaceAllStringFunc(s, func(m string) string {
		sub := backendMacro.FindStringSubmatch(m)
		name, rawArgs := sub[1], sub[2]
		hasArgs := strings.Contains(m, "(")
		var args []string
		if hasArgs {
			for _, a := range strings.Split(rawArgs, ",") {
				args = append(args, strings.TrimSpace(a))
			}
		}
		one := func() (string, bool) {
			if len(args) != 1 || args[0] == "" {
				fail(fmt.Errorf("$__%s: want 1 argument, got %q", name, rawArgs))
				return "", false
			}
			return args[0], true
		}
		from, to := env.From.Unix(), env.To.Unix()
		switch name {
		case "fromTime":
			return fmt.Sprintf("toDateTime(%d)", from) + argsSuffix(hasArgs, rawArgs)
		case "toTime":
			return fmt.Sprintf("toDateTime(%d)", to) + argsSuffix(hasArgs, rawArgs)
		case "timeFilter":
			col, ok := one()
			if !ok {
				return m
			}
			return fmt.Sprintf("%s >= toDateTime(%d) AND %s <= toDateTime(%d)", col, from, col, to)
		case "timeFilter_ms":
			col, ok := one()
			if !ok {
				return m
			}
			return fmt.Sprintf("%s >= fromUnixTimestamp64Milli(%d) AND %s <= fromUnixTimestamp64Milli(%d)", col, env.From.UnixMilli(), col, env.To.UnixMilli())
		case "dateFilter":
			col, ok := one()
			if !ok {
				return m
			}
			return fmt.Sprintf("%s >= toDate('%s') AND %s <= toDate('%s')", col, env.From.UTC().Format("2006-01-02"), col, env.To.UTC().Format("2006-01-02"))
		case "timeInterval":
			col, ok := one()
			if !ok {
				return m
			}
			return fmt.Sprintf("toStartOfInterval(toDateTime(%s), INTERVAL %d second)", col, seconds)
		case "interval_s":
			return fmt.Sprintf("%d", seconds) + argsSuffix(hasArgs, rawArgs)
		}
		fail(fmt.Errorf("unknown macro $__%s", name))
		return m
	})
	return out, firstErr
}

// argsSuffix gives back a parenthesised group that followed an
// argument-less macro (e.g. "$__fromTime (…)" is not a call).
func argsSuffix(hasArgs bool, raw string) string {
	if !hasArgs {
		return ""
	}
	return "(" + raw + ")"
}
