package mention

// The wire's fast path. Every stage encodes or decodes each mention once
// per hop, and encoding/json (reflection, a validation pass before the
// decoding pass, one allocation per field) was the largest cost of the
// analyzer and the sink after tagging itself. appendMention writes exactly
// the bytes json.Marshal writes; decodeFast reads the form Encode writes
// (any key order, any whitespace) and gives up — the caller then runs
// encoding/json — on anything unusual: an unknown or repeated key, null,
// a surrogate escape, a number out of the plain forms. The wire stays the
// same JSON (readable with kcat); FuzzFastCodec holds both paths to
// encoding/json's results.

import (
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// appendMention appends the JSON of m as json.Marshal writes it. ok is
// false when a value cannot be written (a NaN score, a year past 9999):
// the caller lets json.Marshal report it.
func appendMention(b []byte, m *Mention) (_ []byte, ok bool) {
	b = append(b, `{"schema":`...)
	b = strconv.AppendInt(b, int64(m.Schema), 10)
	b = appendField(b, "id", m.ID)
	b = appendField(b, "source", m.Source)
	b = appendFieldOmit(b, "channel", m.Channel)
	b = appendFieldOmit(b, "url", m.URL)
	b = append(b, `,"author":{`...)
	a := &m.Author
	mark := len(b)
	b = appendFieldOmit(b, "id", a.ID)
	b = appendFieldOmit(b, "handle", a.Handle)
	b = appendFieldOmit(b, "name", a.Name)
	b = appendFieldOmit(b, "kind", a.Kind)
	b = appendFieldOmit(b, "org", a.Org)
	b = appendFieldOmit(b, "level", a.Level)
	b = appendFieldOmit(b, "description", a.Description)
	if a.Followers != 0 {
		b = append(b, `,"followers":`...)
		b = strconv.AppendInt(b, a.Followers, 10)
	}
	if a.Posts != 0 {
		b = append(b, `,"posts":`...)
		b = strconv.AppendInt(b, a.Posts, 10)
	}
	if a.Verified {
		b = append(b, `,"verified":true`...)
	}
	if a.CreatedAt != nil {
		b = append(b, `,"created_at":`...)
		if b, ok = appendTime(b, *a.CreatedAt); !ok {
			return b, false
		}
	}
	if len(b) > mark {
		b = append(b[:mark], b[mark+1:]...) // the first field's comma
	}
	b = append(b, '}')
	b = appendFieldOmit(b, "title", m.Title)
	b = appendField(b, "text", m.Text)
	b = appendFieldOmit(b, "lang", m.Lang)
	b = append(b, `,"posted_at":`...)
	if b, ok = appendTime(b, m.PostedAt); !ok {
		return b, false
	}
	b = append(b, `,"collected_at":`...)
	if b, ok = appendTime(b, m.CollectedAt); !ok {
		return b, false
	}
	b = appendFieldOmit(b, "parent_id", m.ParentID)
	b = appendFieldOmit(b, "story_id", m.StoryID)
	b = append(b, `,"metrics":{"likes":`...)
	b = strconv.AppendInt(b, m.Metrics.Likes, 10)
	b = append(b, `,"replies":`...)
	b = strconv.AppendInt(b, m.Metrics.Replies, 10)
	b = append(b, `,"shares":`...)
	b = strconv.AppendInt(b, m.Metrics.Shares, 10)
	b = append(b, `,"views":`...)
	b = strconv.AppendInt(b, m.Metrics.Views, 10)
	b = append(b, '}')
	b = appendFieldOmit(b, "query", m.Query)
	if s := m.Sentiment; s != nil {
		b = append(b, `,"sentiment":{"label":`...)
		b = appendString(b, s.Label)
		if b, ok = appendFloatField(b, "score", s.Score); !ok {
			return b, false
		}
		if b, ok = appendFloatField(b, "confidence", s.Confidence); !ok {
			return b, false
		}
		b = appendBoolOmit(b, "review", s.Review)
		b = append(b, '}')
	}
	if h := m.Hostility; h != nil {
		b = append(b, `,"hostility":{"label":`...)
		b = appendString(b, h.Label)
		if b, ok = appendFloatField(b, "score", h.Score); !ok {
			return b, false
		}
		if b, ok = appendFloatField(b, "confidence", h.Confidence); !ok {
			return b, false
		}
		b = appendFieldOmit(b, "target", h.Target)
		b = appendStringsOmit(b, "categories", h.Categories)
		b = appendFieldOmit(b, "strength", h.Strength)
		b = appendBoolOmit(b, "threat", h.Threat)
		b = appendBoolOmit(b, "abusive", h.Abusive)
		b = appendBoolOmit(b, "review", h.Review)
		b = append(b, '}')
	}
	if e := m.Emotion; e != nil {
		b = append(b, `,"emotion":{"label":`...)
		b = appendString(b, e.Label)
		if b, ok = appendFloatField(b, "confidence", e.Confidence); !ok {
			return b, false
		}
		b = appendBoolOmit(b, "review", e.Review)
		b = append(b, '}')
	}
	if p := m.Politics; p != nil {
		b = append(b, `,"politics":{"political":`...)
		b = strconv.AppendBool(b, p.Political)
		b = append(b, `,"partisan":`...)
		b = strconv.AppendBool(b, p.Partisan)
		b = appendStringsOmit(b, "actors", p.Actors)
		b = appendFieldOmit(b, "stance", p.Stance)
		b = appendStringsOmit(b, "cues", p.Cues)
		b = append(b, '}')
	}
	b = appendStringsOmit(b, "programs", m.Programs)
	b = appendStringsOmit(b, "institutions", m.Institutions)
	b = appendStringsOmit(b, "places", m.Places)
	b = append(b, `,"neutrality_breach":`...)
	b = strconv.AppendBool(b, m.NeutralityBreach)
	b = appendBoolOmit(b, "neutrality_breach_unverified", m.BreachUnverified)
	b = appendFieldOmit(b, "model", m.Model)
	return append(b, '}'), true
}

// appendField appends `,"key":"value"` (keys need no escaping).
func appendField(b []byte, key, v string) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	return appendString(b, v)
}

func appendFieldOmit(b []byte, key, v string) []byte {
	if v == "" {
		return b
	}
	return appendField(b, key, v)
}

func appendBoolOmit(b []byte, key string, v bool) []byte {
	if !v {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, key...)
	return append(b, `":true`...)
}

func appendStringsOmit(b []byte, key string, vs []string) []byte {
	if len(vs) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':', '[')
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, v)
	}
	return append(b, ']')
}

// appendFloatField writes a float64 as encoding/json does (ES6 number
// form: 'e' notation only below 1e-6 or from 1e21).
func appendFloatField(b []byte, key string, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

func appendTime(b []byte, t time.Time) ([]byte, bool) {
	b = append(b, '"')
	b, err := t.AppendText(b)
	if err != nil {
		return b, false
	}
	return append(b, '"'), true
}

// appendString writes s as a JSON string the way encoding/json does, with
// its HTML escaping (<, >, & as \u003c…), U+2028 and U+2029 escaped and
// invalid UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// decoder reads one mention's JSON. Its methods return false to give up:
// the input is not in the forms the fast path knows (the caller then
// decodes with encoding/json, which also reports every error).
type decoder struct {
	data []byte
	i    int
}

// decodeFast decodes data, which must be valid UTF-8, into m (a zero
// Mention). It returns false when it gave up; m is then garbage.
func decodeFast(data []byte, m *Mention) bool {
	d := decoder{data: data}
	if !d.object(func(key []byte) (uint, bool) { return d.mentionField(m, key) }) {
		return false
	}
	d.ws()
	return d.i == len(d.data)
}

func (d *decoder) ws() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// object reads {"key": value, ...}, calling field for every key; field
// reads the value. Repeated keys give up (encoding/json merges them).
func (d *decoder) object(field func(key []byte) (uint, bool)) bool {
	d.ws()
	if d.i >= len(d.data) || d.data[d.i] != '{' {
		return false
	}
	d.i++
	d.ws()
	if d.i < len(d.data) && d.data[d.i] == '}' {
		d.i++
		return true
	}
	var seen uint64 // by field number
	for {
		d.ws()
		key, ok := d.rawKey()
		if !ok {
			return false
		}
		d.ws()
		if d.i >= len(d.data) || d.data[d.i] != ':' {
			return false
		}
		d.i++
		d.ws()
		n, ok := field(key)
		if !ok || seen&(1<<n) != 0 {
			return false
		}
		seen |= 1 << n
		d.ws()
		if d.i >= len(d.data) {
			return false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return true
		default:
			return false
		}
	}
}

// rawKey reads a key without escapes.
func (d *decoder) rawKey() ([]byte, bool) {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return nil, false
	}
	start := d.i + 1
	for j := start; j < len(d.data); j++ {
		switch c := d.data[j]; {
		case c == '"':
			d.i = j + 1
			return d.data[start:j], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
	}
	return nil, false
}

func (d *decoder) mentionField(m *Mention, key []byte) (n uint, ok bool) {
	switch string(key) {
	case "schema":
		var v int64
		v, ok = d.int()
		m.Schema = int(v)
		return 0, ok
	case "id":
		m.ID, ok = d.str()
		return 1, ok
	case "source":
		m.Source, ok = d.str()
		return 2, ok
	case "channel":
		m.Channel, ok = d.str()
		return 3, ok
	case "url":
		m.URL, ok = d.str()
		return 4, ok
	case "author":
		return 5, d.object(func(k []byte) (uint, bool) { return d.authorField(&m.Author, k) })
	case "title":
		m.Title, ok = d.str()
		return 6, ok
	case "text":
		m.Text, ok = d.str()
		return 7, ok
	case "lang":
		m.Lang, ok = d.str()
		return 8, ok
	case "posted_at":
		return 9, d.time(&m.PostedAt)
	case "collected_at":
		return 10, d.time(&m.CollectedAt)
	case "parent_id":
		m.ParentID, ok = d.str()
		return 11, ok
	case "story_id":
		m.StoryID, ok = d.str()
		return 12, ok
	case "metrics":
		return 13, d.object(func(k []byte) (uint, bool) { return d.metricsField(&m.Metrics, k) })
	case "query":
		m.Query, ok = d.str()
		return 14, ok
	case "sentiment":
		s := &Sentiment{}
		m.Sentiment = s
		return 15, d.object(func(k []byte) (uint, bool) { return d.sentimentField(s, k) })
	case "hostility":
		h := &Hostility{}
		m.Hostility = h
		return 16, d.object(func(k []byte) (uint, bool) { return d.hostilityField(h, k) })
	case "emotion":
		e := &Emotion{}
		m.Emotion = e
		return 17, d.object(func(k []byte) (uint, bool) { return d.emotionField(e, k) })
	case "politics":
		p := &Politics{}
		m.Politics = p
		return 18, d.object(func(k []byte) (uint, bool) { return d.politicsField(p, k) })
	case "programs":
		return 19, d.strs(&m.Programs)
	case "institutions":
		return 20, d.strs(&m.Institutions)
	case "places":
		return 21, d.strs(&m.Places)
	case "neutrality_breach":
		return 22, d.bool(&m.NeutralityBreach)
	case "neutrality_breach_unverified":
		return 23, d.bool(&m.BreachUnverified)
	case "model":
		m.Model, ok = d.str()
		return 24, ok
	}
	return 0, false
}

func (d *decoder) authorField(a *Author, k []byte) (n uint, ok bool) {
	switch string(k) {
	case "id":
		a.ID, ok = d.str()
		return 0, ok
	case "handle":
		a.Handle, ok = d.str()
		return 1, ok
	case "name":
		a.Name, ok = d.str()
		return 2, ok
	case "kind":
		a.Kind, ok = d.str()
		return 3, ok
	case "org":
		a.Org, ok = d.str()
		return 4, ok
	case "level":
		a.Level, ok = d.str()
		return 5, ok
	case "description":
		a.Description, ok = d.str()
		return 6, ok
	case "followers":
		a.Followers, ok = d.int()
		return 7, ok
	case "posts":
		a.Posts, ok = d.int()
		return 8, ok
	case "verified":
		return 9, d.bool(&a.Verified)
	case "created_at":
		t := new(time.Time)
		a.CreatedAt = t
		return 10, d.time(t)
	}
	return 0, false
}

func (d *decoder) metricsField(mt *Metrics, k []byte) (n uint, ok bool) {
	switch string(k) {
	case "likes":
		mt.Likes, ok = d.int()
		return 0, ok
	case "replies":
		mt.Replies, ok = d.int()
		return 1, ok
	case "shares":
		mt.Shares, ok = d.int()
		return 2, ok
	case "views":
		mt.Views, ok = d.int()
		return 3, ok
	}
	return 0, false
}

func (d *decoder) sentimentField(s *Sentiment, k []byte) (n uint, ok bool) {
	switch string(k) {
	case "label":
		s.Label, ok = d.str()
		return 0, ok
	case "score":
		return 1, d.float(&s.Score)
	case "confidence":
		return 2, d.float(&s.Confidence)
	case "review":
		return 3, d.bool(&s.Review)
	}
	return 0, false
}

func (d *decoder) hostilityField(h *Hostility, k []byte) (n uint, ok bool) {
	switch string(k) {
	case "label":
		h.Label, ok = d.str()
		return 0, ok
	case "score":
		return 1, d.float(&h.Score)
	case "confidence":
		return 2, d.float(&h.Confidence)
	case "target":
		h.Target, ok = d.str()
		return 3, ok
	case "categories":
		return 4, d.strs(&h.Categories)
	case "strength":
		h.Strength, ok = d.str()
		return 5, ok
	case "threat":
		return 6, d.bool(&h.Threat)
	case "abusive":
		return 7, d.bool(&h.Abusive)
	case "review":
		return 8, d.bool(&h.Review)
	}
	return 0, false
}

func (d *decoder) emotionField(e *Emotion, k []byte) (n uint, ok bool) {
	switch string(k) {
	case "label":
		e.Label, ok = d.str()
		return 0, ok
	case "confidence":
		return 1, d.float(&e.Confidence)
	case "review":
		return 2, d.bool(&e.Review)
	}
	return 0, false
}

func (d *decoder) politicsField(p *Politics, k []byte) (n uint, ok bool) {
	switch string(k) {
	case "political":
		return 0, d.bool(&p.Political)
	case "partisan":
		return 1, d.bool(&p.Partisan)
	case "actors":
		return 2, d.strs(&p.Actors)
	case "stance":
		p.Stance, ok = d.str()
		return 3, ok
	case "cues":
		return 4, d.strs(&p.Cues)
	}
	return 0, false
}

// str reads a JSON string: the escapes encoding/json writes are
// unescaped; a surrogate escape gives up.
func (d *decoder) str() (string, bool) {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return "", false
	}
	start := d.i + 1
	j := start
	for ; j < len(d.data); j++ {
		c := d.data[j]
		if c == '"' {
			d.i = j + 1
			return internString(d.data[start:j]), true
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", false
		}
	}
	buf := make([]byte, j-start, j-start+32)
	copy(buf, d.data[start:j])
	for j < len(d.data) {
		c := d.data[j]
		switch {
		case c == '"':
			d.i = j + 1
			return string(buf), true
		case c < 0x20:
			return "", false
		case c != '\\':
			buf = append(buf, c)
			j++
			continue
		}
		if j+1 >= len(d.data) {
			return "", false
		}
		switch e := d.data[j+1]; e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			if j+6 > len(d.data) {
				return "", false
			}
			var r rune
			for _, h := range d.data[j+2 : j+6] {
				switch {
				case '0' <= h && h <= '9':
					h -= '0'
				case 'a' <= h && h <= 'f':
					h = h - 'a' + 10
				case 'A' <= h && h <= 'F':
					h = h - 'A' + 10
				default:
					return "", false
				}
				r = r<<4 | rune(h)
			}
			if 0xD800 <= r && r < 0xE000 {
				return "", false // surrogates: encoding/json pairs or replaces them
			}
			buf = utf8.AppendRune(buf, r)
			j += 6
			continue
		default:
			return "", false
		}
		j += 2
	}
	return "", false
}

// internString returns the constant for the wire's frequent short values
// (sources, kinds, languages, labels) instead of a new string.
func internString(b []byte) string {
	switch string(b) {
	case "":
		return ""
	case "citizen":
		return KindCitizen
	case "government":
		return KindGovernment
	case "media":
		return KindMedia
	case "public_admin":
		return KindPublicAdmin
	case "unknown":
		return KindUnknown
	case "id":
		return "id"
	case "positive":
		return SentimentPositive
	case "neutral":
		return SentimentNeutral
	case "negative":
		return SentimentNegative
	case "none":
		return HostilityNone
	case "abusive":
		return HostilityAbusive
	case "hate":
		return HostilityHate
	}
	return string(b)
}

func (d *decoder) strs(dst *[]string) bool {
	if d.i >= len(d.data) || d.data[d.i] != '[' {
		return false
	}
	d.i++
	out := []string{}
	d.ws()
	if d.i < len(d.data) && d.data[d.i] == ']' {
		d.i++
		*dst = out
		return true
	}
	for {
		d.ws()
		s, ok := d.str()
		if !ok {
			return false
		}
		out = append(out, s)
		d.ws()
		if d.i >= len(d.data) {
			return false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			*dst = out
			return true
		default:
			return false
		}
	}
}

func (d *decoder) bool(dst *bool) bool {
	rest := d.data[d.i:]
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "true":
		*dst = true
		d.i += 4
	case len(rest) >= 5 && string(rest[:5]) == "false":
		*dst = false
		d.i += 5
	default:
		return false
	}
	return true
}

// number returns the JSON number at d.i (its strict grammar) and whether
// it is an integer (no fraction, no exponent).
func (d *decoder) number() (lit []byte, integer bool, ok bool) {
	start, j := d.i, d.i
	n := len(d.data)
	if j < n && d.data[j] == '-' {
		j++
	}
	switch {
	case j < n && d.data[j] == '0':
		j++
	case j < n && '1' <= d.data[j] && d.data[j] <= '9':
		for j < n && '0' <= d.data[j] && d.data[j] <= '9' {
			j++
		}
	default:
		return nil, false, false
	}
	integer = true
	if j < n && d.data[j] == '.' {
		integer = false
		j++
		k := j
		for j < n && '0' <= d.data[j] && d.data[j] <= '9' {
			j++
		}
		if j == k {
			return nil, false, false
		}
	}
	if j < n && (d.data[j] == 'e' || d.data[j] == 'E') {
		integer = false
		j++
		if j < n && (d.data[j] == '+' || d.data[j] == '-') {
			j++
		}
		k := j
		for j < n && '0' <= d.data[j] && d.data[j] <= '9' {
			j++
		}
		if j == k {
			return nil, false, false
		}
	}
	d.i = j
	return d.data[start:j], integer, true
}

func (d *decoder) int() (int64, bool) {
	lit, integer, ok := d.number()
	if !ok || !integer {
		return 0, false
	}
	v, err := strconv.ParseInt(string(lit), 10, 64)
	return v, err == nil
}

func (d *decoder) float(dst *float64) bool {
	lit, _, ok := d.number()
	if !ok {
		return false
	}
	v, err := strconv.ParseFloat(string(lit), 64)
	if err != nil {
		return false
	}
	*dst = v
	return true
}

// time reads a time as time.Time.UnmarshalJSON does (the raw string, RFC
// 3339); a string with escapes gives up.
func (d *decoder) time(dst *time.Time) bool {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return false
	}
	start := d.i + 1
	for j := start; j < len(d.data); j++ {
		switch c := d.data[j]; {
		case c == '"':
			if err := dst.UnmarshalText(d.data[start:j]); err != nil {
				return false
			}
			d.i = j + 1
			return true
		case c == '\\' || c < 0x20:
			return false
		}
	}
	return false
}
