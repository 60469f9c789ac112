package config

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// keySchema is implemented by a configuration type whose allowed keys
// depend on the mapping itself (a source's keys depend on its kind): it
// returns the types whose YAML fields the mapping may hold, or nil to leave
// the mapping unchecked (its own validation reports what is wrong).
type keySchema interface {
	KeySchema(n *yaml.Node) []any
}

var (
	keySchemaType   = reflect.TypeFor[keySchema]()
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	nodeType        = reflect.TypeFor[yaml.Node]()
)

// unknownKeys walks node against the Go type t that it will be decoded
// into and returns one error per key that no field takes, with its line and
// where it is: `unknown key "enabeld" at line 58 (in sources.collectors[8];
// did you mean "enabled"?)`. yaml.v3's own KnownFields does not reach into
// types with a custom UnmarshalYAML and words its errors for Go types; this
// walk does both for Dengar's users.
func unknownKeys(n *yaml.Node, t reflect.Type, path string) []error {
	if n == nil {
		return nil
	}
	for n.Kind == yaml.DocumentNode || n.Kind == yaml.AliasNode {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		} else if len(n.Content) == 1 {
			n = n.Content[0]
		} else {
			return nil
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nodeType {
		return nil
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			return nil
		}
		var errs []error
		for i, c := range n.Content {
			errs = append(errs, unknownKeys(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i))...)
		}
		return errs
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		var errs []error
		for i := 0; i+1 < len(n.Content); i += 2 {
			errs = append(errs, unknownKeys(n.Content[i+1], t.Elem(), join(path, n.Content[i].Value))...)
		}
		return errs
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return nil // a scalar struct (time.Time) or a type error the decoder reports
		}
	default:
		return nil
	}
	types := []reflect.Type{t}
	switch {
	case reflect.PointerTo(t).Implements(keySchemaType):
		types = types[:0]
		for _, v := range reflect.New(t).Interface().(keySchema).KeySchema(n) {
			types = append(types, reflect.TypeOf(v))
		}
		if len(types) == 0 {
			return nil
		}
	case reflect.PointerTo(t).Implements(unmarshalerType):
		return nil // decodes itself, strictly or not: its own business
	}
	fields := map[string]reflect.Type{}
	for _, st := range types {
		collectFields(st, fields)
	}
	var errs []error
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value == "<<" { // a merge key: its keys are checked where they are defined
			continue
		}
		ft, ok := fields[k.Value]
		if !ok {
			errs = append(errs, unknownKeyError(k, path, fields))
			continue
		}
		errs = append(errs, unknownKeys(v, ft, join(path, k.Value))...)
	}
	return errs
}

// collectFields maps the YAML keys of struct t (inline structs included) to
// their types, the way yaml.v3 names them.
func collectFields(t reflect.Type, into map[string]reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(","+opts+",", ",inline,") {
			collectFields(f.Type, into)
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		into[name] = f.Type
	}
}

func unknownKeyError(k *yaml.Node, path string, fields map[string]reflect.Type) error {
	where := []string{}
	if path != "" {
		where = append(where, "in "+path)
	}
	if s := closest(k.Value, fields); s != "" {
		where = append(where, fmt.Sprintf("did you mean %q?", s))
	}
	msg := fmt.Sprintf("unknown key %q at line %d", k.Value, k.Line)
	if len(where) > 0 {
		msg += " (" + strings.Join(where, "; ") + ")"
	}
	return fmt.Errorf("%s", msg)
}

// closest returns the known key within two edits of key, if one is.
func closest(key string, fields map[string]reflect.Type) string {
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(key, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Damerau–Levenshtein distance (optimal string
// alignment): a swapped pair of letters, the commonest typo, counts one.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
