package watch

import (
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

type atomKind uint8

const (
	atomWords  atomKind = iota // a word or phrase
	atomPrefix                 // a word prefix (banjir*)
	atomField                  // source:, author:, lang:
)

// atom is a leaf of a query: something found in the text (or in a field).
type atom struct {
	kind    atomKind
	words   []string // normalised words; the prefix for atomPrefix
	raw     []string // words as written, when they differ
	hashtag bool     // only as a hashtag (#probebaya)
	exact   bool     // one word, case-sensitive, as written (=AMIN)
	field   string
	value   string
}

func (a atom) key() string {
	var b strings.Builder
	b.WriteByte(byte('0' + a.kind))
	if a.hashtag {
		b.WriteByte('#')
	}
	if a.exact {
		b.WriteByte('=')
	}
	b.WriteString(strings.Join(a.words, " "))
	b.WriteByte('|')
	b.WriteString(strings.Join(a.raw, " "))
	b.WriteByte('|')
	b.WriteString(a.field)
	b.WriteByte('=')
	b.WriteString(a.value)
	return b.String()
}

func fieldAtom(name, value string) atom {
	v := strings.ToLower(strings.TrimSpace(value))
	return atom{kind: atomField, field: name, value: v}
}

type opKind uint8

const (
	opAtom opKind = iota
	opAnd
	opOr
	opNot
	opNear // kids[0] within n words of kids[1]
	opSlop // all kids (single words) within a window of len(kids)+n words
)

type node struct {
	op   opKind
	atom int // index into the owner's atoms
	n    int
	kids []*node
}

// Query is a parsed and compiled watch query. It is safe for concurrent use.
type Query struct {
	text  string
	atoms []atom
	root  *node
	set   *Set
	keys  map[string]int // atom dedupe while parsing
}

// String returns the query as written.
func (q *Query) String() string { return q.text }

func (q *Query) atomNode(a atom) *node {
	k := a.key()
	if i, ok := q.keys[k]; ok {
		return &node{op: opAtom, atom: i}
	}
	if q.keys == nil {
		q.keys = map[string]int{}
	}
	q.atoms = append(q.atoms, a)
	q.keys[k] = len(q.atoms) - 1
	return &node{op: opAtom, atom: len(q.atoms) - 1}
}

func (q *Query) compile() {
	q.keys = nil
	s, _ := NewSet(map[string]*Query{"": q})
	q.set = s
}

// Fields are the mention attributes that source:, author: and lang: test.
type Fields struct {
	// Source is the collector kind (youtube, x, rss, ...).
	Source string
	// Lang is the BCP 47 language tag ("id", "bjn").
	Lang string
	// AuthorKind is citizen | government | media | public_admin | unknown.
	AuthorKind string
	// AuthorHandle is the handle, with or without "@".
	AuthorHandle string
	// AuthorID is the platform's author id.
	AuthorID string
	// AuthorOrg is the organisation of a registered account.
	AuthorOrg string
}

// FieldsOf returns the fields of m.
func FieldsOf(m *mention.Mention) Fields {
	return Fields{
		Source:       m.Source,
		Lang:         m.Lang,
		AuthorKind:   m.Author.Kind,
		AuthorHandle: m.Author.Handle,
		AuthorID:     m.Author.ID,
		AuthorOrg:    m.Author.Org,
	}
}

var authorKinds = map[string]bool{
	mention.KindCitizen: true, mention.KindGovernment: true, mention.KindMedia: true,
	mention.KindPublicAdmin: true, mention.KindUnknown: true,
}

func (a *atom) matchField(f *Fields) bool {
	v := a.value
	switch a.field {
	case "source":
		return strings.EqualFold(f.Source, v)
	case "lang":
		l := strings.ToLower(f.Lang)
		return l == v || strings.HasPrefix(l, v+"-") || strings.HasPrefix(l, v+"_")
	case "author":
		if strings.HasPrefix(v, "@") {
			return strings.EqualFold(strings.TrimPrefix(f.AuthorHandle, "@"), v[1:])
		}
		if authorKinds[v] {
			return strings.EqualFold(f.AuthorKind, v)
		}
		return strings.EqualFold(strings.TrimPrefix(f.AuthorHandle, "@"), v) ||
			(f.AuthorID != "" && strings.EqualFold(f.AuthorID, v)) ||
			(f.AuthorOrg != "" && strings.EqualFold(f.AuthorOrg, v))
	}
	return false
}

// Match reports whether the normalised document and its mention fields
// satisfy the query.
func (q *Query) Match(doc *normalize.Doc, meta Fields) bool {
	if q == nil || q.set == nil {
		return false
	}
	matched := false
	q.set.Each(doc, meta, func(string) { matched = true })
	return matched
}

// MatchText normalises text and matches it; a convenience for tools and tests.
func (q *Query) MatchText(text string, meta Fields) bool {
	return q.Match(normalize.Text(text), meta)
}
