package store

// Training-data files of human corrections: `dengar labels export` writes
// corrected mentions, `dengar labels import` reads corrections.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// LabelFormat is a training-data file format.
type LabelFormat string

// Label formats. JSONL writes one object per corrected mention: id, text
// and every effective label, plus "label" (the value of the chosen field)
// when a field is chosen. SmSA writes "text<TAB>label" lines without
// header, the format of IndoNLU SmSA (sentiment only).
const (
	FormatJSONL LabelFormat = "jsonl"
	FormatSmSA  LabelFormat = "smsa"
)

// labelRecord is one JSONL line of an export.
type labelRecord struct {
	ID        string      `json:"id"`
	Text      string      `json:"text"`
	Label     string      `json:"label,omitempty"`
	Labels    labelValues `json:"labels"`
	Corrected []string    `json:"corrected"`
}

// labelValues are the effective labels of an exported mention.
type labelValues struct {
	Sentiment string   `json:"sentiment"`
	Hostility string   `json:"hostility"`
	Partisan  bool     `json:"partisan"`
	Threat    bool     `json:"threat"`
	Emotion   string   `json:"emotion,omitempty"`
	Programs  []string `json:"programs"`
	Places    []string `json:"places"`
}

// trainingText is the text a model learns from: title and body.
func trainingText(m LabeledMention) string {
	t := strings.TrimSpace(m.Text)
	if title := strings.TrimSpace(m.Title); title != "" && !strings.HasPrefix(t, title) {
		t = title + ". " + t
	}
	return t
}

func corrected(m LabeledMention, field string) bool {
	for _, f := range m.Corrected {
		if f == field {
			return true
		}
	}
	return false
}

// WriteLabels writes ms in format. With field set, only mentions whose
// field a human corrected are written, and JSONL lines carry that value as
// "label"; SmSA needs field "sentiment" (the default for SmSA). It
// returns the number of records written.
func WriteLabels(w io.Writer, ms []LabeledMention, format LabelFormat, field string) (int, error) {
	if field != "" {
		ok := false
		for _, f := range CorrectionFields {
			ok = ok || f == field
		}
		if !ok {
			return 0, fmt.Errorf("%w: label field %q (want one of %s)", ErrBadQuery, field, strings.Join(CorrectionFields, ", "))
		}
	}
	bw := bufio.NewWriter(w)
	n := 0
	switch format {
	case FormatJSONL, "":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for _, m := range ms {
			if field != "" && !corrected(m, field) {
				continue
			}
			e := effective{sentiment: m.Sentiment, hostility: m.Hostility, partisan: m.Partisan, threat: m.Threat, emotion: m.Emotion, programs: m.Programs, places: m.Places}
			rec := labelRecord{ID: m.ID, Text: trainingText(m), Corrected: nonNil(m.Corrected), Labels: labelValues{
				Sentiment: m.Sentiment, Hostility: m.Hostility, Partisan: m.Partisan, Threat: m.Threat,
				Emotion: m.Emotion, Programs: nonNil(m.Programs), Places: nonNil(m.Places)}}
			if field != "" {
				rec.Label = e.get(field)
			}
			if err := enc.Encode(rec); err != nil {
				return n, fmt.Errorf("write labels: %w", err)
			}
			n++
		}
	case FormatSmSA:
		if field == "" {
			field = FieldSentiment
		}
		if field != FieldSentiment {
			return 0, fmt.Errorf("%w: the smsa format holds sentiment labels only, not %s", ErrBadQuery, field)
		}
		for _, m := range ms {
			if !corrected(m, FieldSentiment) {
				continue
			}
			text := strings.Join(strings.Fields(trainingText(m)), " ") // no tabs or newlines inside a record
			if text == "" {
				continue
			}
			if _, err := fmt.Fprintf(bw, "%s\t%s\n", text, m.Sentiment); err != nil {
				return n, fmt.Errorf("write labels: %w", err)
			}
			n++
		}
	default:
		return 0, fmt.Errorf("%w: label format %q (want jsonl or smsa)", ErrBadQuery, format)
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("write labels: %w", err)
	}
	return n, nil
}

// importLine is one line of an import file: either one correction
// ({"id", "field", "value"}) or several ({"id", "labels": {field: value}}).
// Boolean and list values are accepted as JSON booleans and arrays.
type importLine struct {
	ID        string                     `json:"id"`
	Field     string                     `json:"field"`
	Value     json.RawMessage            `json:"value"`
	Labels    map[string]json.RawMessage `json:"labels"`
	By        string                     `json:"by"`
	Note      string                     `json:"note"`
	At        string                     `json:"at"`
	Corrected []string                   `json:"corrected"`
}

// rawValue turns a JSON string, boolean, number or array of strings into
// the string form of a correction value.
func rawValue(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", fmt.Errorf("missing value")
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var b bool
	if err := json.Unmarshal(raw, &b); err == nil {
		return b01(b), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		return strings.Join(list, ","), nil
	}
	return "", fmt.Errorf("value %s is not a string, boolean, number or list of strings", string(raw))
}

// ReadCorrections parses an import file: JSON Lines where each line is
// {"id", "field", "value", "by"?, "note"?, "at"?} or {"id", "labels":
// {field: value, …}} (so an export or review file, edited, can be imported
// back: then only the fields listed in "corrected", when present, are
// taken; an empty list takes none).
// Blank lines and lines starting with # are skipped. by is used where a
// line names nobody. Every correction is validated; the first bad line
// stops with an error naming its line number.
func ReadCorrections(r io.Reader, by string) ([]Correction, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var out []Correction
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 || b[0] == '#' {
			continue
		}
		var l importLine
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(&l); err != nil {
			return nil, badf("line %d: not a JSON object: %v", line, err)
		}
		who := l.By
		if who == "" {
			who = by
		}
		var at time.Time
		if l.At != "" {
			t, err := time.Parse(time.RFC3339, l.At)
			if err != nil {
				return nil, badf("line %d: at: %v", line, err)
			}
			at = t.UTC()
		}
		add := func(field string, raw json.RawMessage) error {
			v, err := rawValue(raw)
			if err != nil {
				return badf("line %d: %s: %v", line, field, err)
			}
			c, err := normalizeCorrection(Correction{MentionID: l.ID, Field: field, Value: v, By: who, Note: l.Note, At: at})
			if err != nil {
				return badf("line %d: %v", line, err)
			}
			out = append(out, c)
			return nil
		}
		switch {
		case l.Field != "":
			if err := add(l.Field, l.Value); err != nil {
				return nil, err
			}
		case len(l.Labels) > 0:
			// A "corrected" list, even an empty one (an untouched review
			// file), names the fields to take; without one, all are.
			fields := l.Corrected
			if fields == nil {
				for f := range l.Labels {
					fields = append(fields, f)
				}
			}
			sortStrings(fields)
			for _, f := range fields {
				raw, ok := l.Labels[f]
				if !ok {
					return nil, badf("line %d: corrected field %q has no label", line, f)
				}
				if err := add(f, raw); err != nil {
					return nil, err
				}
			}
		default:
			return nil, badf("line %d: needs \"field\" and \"value\", or \"labels\"", line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read corrections: line %d: %w", line+1, err)
	}
	return out, nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
