package watch

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep hostile or broken queries cheap.
const (
	// MaxQueryLen is the longest accepted query, in bytes.
	MaxQueryLen = 16 << 10
	// MaxDepth is the deepest accepted nesting of parentheses and NOTs.
	MaxDepth = 64
	// DefaultNear is the distance of a bare NEAR.
	DefaultNear = 5
	maxDistance = 1000
)

// ParseError is a query that does not parse. Pos is the 1-based character
// position where the parser stopped.
type ParseError struct {
	// Query is the whole query text.
	Query string
	// Pos is the 1-based character (rune) position of the problem.
	Pos int
	// Expected says what the parser expected there.
	Expected string
	// After is the query text before Pos.
	After string
}

// Error formats as: watch: at 17: expected ")" after "banjir OR (drainase".
func (e *ParseError) Error() string {
	if e.After == "" {
		return fmt.Sprintf("watch: at %d: expected %s", e.Pos, e.Expected)
	}
	return fmt.Sprintf("watch: at %d: expected %s after %q", e.Pos, e.Expected, e.After)
}

type tokKind uint8

const (
	tEOF tokKind = iota
	tWord
	tPhrase
	tLParen
	tRParen
	tAnd
	tOr
	tNot
	tMinus
	tNear
	tField
)

type token struct {
	kind  tokKind
	text  string // word or phrase text, field value
	field string // field name
	slop  int    // phrase ~n (-1 when absent); NEAR distance
	pos   int    // byte offset of the token start
	end   int    // byte offset after the token
}

type lexer struct {
	q   string
	i   int
	err *ParseError
}

func (l *lexer) fail(at int, expected string) {
	if l.err == nil {
		l.err = newErr(l.q, at, expected)
	}
}

func newErr(q string, at int, expected string) *ParseError {
	if at > len(q) {
		at = len(q)
	}
	return &ParseError{
		Query:    q,
		Pos:      utf8.RuneCountInString(q[:at]) + 1,
		Expected: expected,
		After:    strings.TrimSpace(q[:at]),
	}
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func isDelim(c byte) bool { return c == '(' || c == ')' || c == '"' }

// next returns the next token.
func (l *lexer) next() token {
	for l.i < len(l.q) {
		r, n := utf8.DecodeRuneInString(l.q[l.i:])
		if !isSpace(r) {
			break
		}
		l.i += n
	}
	start := l.i
	if l.i >= len(l.q) {
		return token{kind: tEOF, pos: start, end: start}
	}
	switch c := l.q[l.i]; c {
	case '(':
		l.i++
		return token{kind: tLParen, pos: start, end: l.i}
	case ')':
		l.i++
		return token{kind: tRParen, pos: start, end: l.i}
	case '"':
		text, ok := l.quoted()
		if !ok {
			return token{kind: tEOF, pos: start}
		}
		t := token{kind: tPhrase, text: text, slop: -1, pos: start}
		if l.i < len(l.q) && l.q[l.i] == '~' {
			at := l.i
			l.i++
			n, ok := l.number()
			if !ok {
				l.fail(l.i, `a number after "~"`)
				return token{kind: tEOF, pos: at}
			}
			t.slop = n
		}
		t.end = l.i
		return t
	case '-':
		if l.i+1 < len(l.q) {
			r, _ := utf8.DecodeRuneInString(l.q[l.i+1:])
			if !isSpace(r) && l.q[l.i+1] != ')' {
				l.i++
				return token{kind: tMinus, pos: start, end: l.i}
			}
		}
	}
	// A bare word: up to whitespace or a delimiter.
	for l.i < len(l.q) {
		r, n := utf8.DecodeRuneInString(l.q[l.i:])
		if isSpace(r) || (n == 1 && isDelim(l.q[l.i])) {
			break
		}
		l.i += n
	}
	w := l.q[start:l.i]
	switch {
	case w == "AND" || w == "&&":
		return token{kind: tAnd, pos: start, end: l.i}
	case w == "OR" || w == "||":
		return token{kind: tOr, pos: start, end: l.i}
	case w == "NOT":
		return token{kind: tNot, pos: start, end: l.i}
	case w == "NEAR":
		return token{kind: tNear, slop: DefaultNear, pos: start, end: l.i}
	case strings.HasPrefix(w, "NEAR/"):
		n, err := strconv.Atoi(w[5:])
		if err != nil || n < 0 || n > maxDistance {
			l.fail(start+5, fmt.Sprintf("a distance 0…%d after \"NEAR/\"", maxDistance))
			return token{kind: tEOF, pos: start}
		}
		return token{kind: tNear, slop: n, pos: start, end: l.i}
	}
	if c := strings.IndexByte(w, ':'); c > 0 {
		name := strings.ToLower(w[:c])
		if name == "source" || name == "author" || name == "lang" {
			val := w[c+1:]
			if val == "" && l.i < len(l.q) && l.q[l.i] == '"' {
				text, ok := l.quoted()
				if !ok {
					return token{kind: tEOF, pos: start}
				}
				val = text
			}
			val = strings.TrimSpace(val)
			if val == "" {
				l.fail(start+c+1, fmt.Sprintf("a value after %q", w[:c+1]))
				return token{kind: tEOF, pos: start}
			}
			return token{kind: tField, field: name, text: val, pos: start, end: l.i}
		}
	}
	return token{kind: tWord, text: w, pos: start, end: l.i}
}

// quoted reads a "..." phrase starting at l.i.
func (l *lexer) quoted() (string, bool) {
	start := l.i
	j := strings.IndexByte(l.q[l.i+1:], '"')
	if j < 0 {
		l.fail(len(l.q), `a closing '"' for the phrase opened at `+strconv.Itoa(utf8.RuneCountInString(l.q[:start])+1))
		return "", false
	}
	text := l.q[l.i+1 : l.i+1+j]
	l.i += j + 2
	return text, true
}

func (l *lexer) number() (int, bool) {
	s := l.i
	for l.i < len(l.q) && l.q[l.i] >= '0' && l.q[l.i] <= '9' {
		l.i++
	}
	if s == l.i || l.i-s > 4 {
		return 0, false
	}
	n, _ := strconv.Atoi(l.q[s:l.i])
	return n, n <= maxDistance
}

// parser is a recursive-descent parser:
//
//	or    = and { "OR" and }
//	and   = near { ["AND"] near }
//	near  = unary { "NEAR/n" unary }
//	unary = ("NOT" | "-") unary | primary
//	primary = "(" or ")" | word | phrase | field
type parser struct {
	lx    lexer
	tok   token
	q     *Query
	depth int
}

// Parse parses and compiles a watch query.
func Parse(q string) (*Query, error) {
	if len(q) > MaxQueryLen {
		return nil, &ParseError{Query: q[:64] + "…", Pos: MaxQueryLen + 1, Expected: fmt.Sprintf("at most %d bytes", MaxQueryLen)}
	}
	if !utf8.ValidString(q) {
		return nil, &ParseError{Query: strings.ToValidUTF8(q, "\uFFFD"), Pos: 1, Expected: "valid UTF-8 text"}
	}
	p := &parser{lx: lexer{q: q}, q: &Query{text: q}}
	p.advance()
	if p.tok.kind == tEOF && p.lx.err == nil {
		return nil, newErr(q, 0, "a term, phrase or \"(\"")
	}
	root := p.parseOr()
	if p.lx.err == nil && p.tok.kind != tEOF {
		if p.tok.kind == tRParen {
			p.lx.fail(p.tok.pos, `end of query (unbalanced ")")`)
		} else {
			p.lx.fail(p.tok.pos, "an operator or end of query")
		}
	}
	if p.lx.err != nil {
		return nil, p.lx.err
	}
	p.q.root = root
	p.q.compile()
	return p.q, nil
}

// MustParse is Parse for queries known to be valid; it panics otherwise.
func MustParse(q string) *Query {
	x, err := Parse(q)
	if err != nil {
		panic(err)
	}
	return x
}

func (p *parser) advance() {
	if p.lx.err != nil {
		p.tok = token{kind: tEOF, pos: len(p.lx.q)}
		return
	}
	p.tok = p.lx.next()
}

func (p *parser) startsPrimary() bool {
	switch p.tok.kind {
	case tWord, tPhrase, tLParen, tField, tNot, tMinus:
		return true
	}
	return false
}

func (p *parser) parseOr() *node {
	left := p.parseAnd()
	for p.lx.err == nil && p.tok.kind == tOr {
		p.advance()
		if !p.startsPrimary() {
			p.expectOperand()
			return left
		}
		right := p.parseAnd()
		left = join(opOr, left, right)
	}
	return left
}

func (p *parser) parseAnd() *node {
	left := p.parseNear()
	for p.lx.err == nil {
		if p.tok.kind == tAnd {
			p.advance()
			if !p.startsPrimary() {
				p.expectOperand()
				return left
			}
		} else if !p.startsPrimary() {
			return left
		}
		right := p.parseNear()
		left = join(opAnd, left, right)
	}
	return left
}

func (p *parser) parseNear() *node {
	left := p.parseUnary()
	var prev *node = left
	for p.lx.err == nil && p.tok.kind == tNear {
		n := p.tok.slop
		if !nearOperand(prev, p.q) {
			p.lx.fail(p.tok.pos, "a term, phrase or (… OR …) of terms before NEAR")
			return left
		}
		p.advance()
		if p.tok.kind != tWord && p.tok.kind != tPhrase && p.tok.kind != tLParen {
			p.lx.fail(p.tok.pos, "a term, phrase or (… OR …) of terms after NEAR")
			return left
		}
		at := p.tok.pos
		right := p.parseUnary()
		if p.lx.err != nil {
			return left
		}
		if !nearOperand(right, p.q) {
			p.lx.fail(at, "a term, phrase or (… OR …) of terms after NEAR")
			return left
		}
		nn := &node{op: opNear, n: n, kids: []*node{prev, right}}
		if left == prev {
			left = nn
		} else {
			left = join(opAnd, left, nn)
		}
		prev = right
	}
	return left
}

// nearOperand: a text atom, or an OR of near operands.
func nearOperand(n *node, q *Query) bool {
	if n == nil {
		return false
	}
	switch n.op {
	case opAtom:
		return q.atoms[n.atom].kind != atomField
	case opOr:
		for _, k := range n.kids {
			if !nearOperand(k, q) {
				return false
			}
		}
		return true
	}
	return false
}

func (p *parser) parseUnary() *node {
	if p.tok.kind == tNot || p.tok.kind == tMinus {
		p.depth++
		if p.depth > MaxDepth {
			p.lx.fail(p.tok.pos, fmt.Sprintf("at most %d nested operators", MaxDepth))
			return nil
		}
		p.advance()
		if !p.startsPrimary() {
			p.expectOperand()
			return nil
		}
		k := p.parseUnary()
		p.depth--
		if k == nil {
			return nil
		}
		return &node{op: opNot, kids: []*node{k}}
	}
	return p.parsePrimary()
}

func (p *parser) expectOperand() {
	p.lx.fail(p.tok.pos, `a term, phrase or "("`)
}

func (p *parser) parsePrimary() *node {
	t := p.tok
	switch t.kind {
	case tLParen:
		p.depth++
		if p.depth > MaxDepth {
			p.lx.fail(t.pos, fmt.Sprintf("at most %d nested parentheses", MaxDepth))
			return nil
		}
		p.advance()
		if p.tok.kind == tRParen {
			p.lx.fail(p.tok.pos, `a term, phrase or "(" inside "()"`)
			return nil
		}
		inner := p.parseOr()
		if p.lx.err != nil {
			return inner
		}
		if p.tok.kind != tRParen {
			if p.tok.kind == tEOF {
				p.lx.fail(len(p.lx.q), `")"`)
			} else {
				p.lx.fail(p.tok.pos, `")" or an operator`)
			}
			return inner
		}
		p.depth--
		p.advance()
		return inner
	case tWord:
		a, exp := wordAtom(t.text)
		if exp != "" {
			p.lx.fail(t.pos, exp)
			return nil
		}
		p.advance()
		return p.q.atomNode(a)
	case tPhrase:
		words := splitWords(t.text)
		if len(words) == 0 {
			p.lx.fail(t.pos+1, "a word inside the quotes")
			return nil
		}
		p.advance()
		if t.slop >= 0 && len(words) > 1 {
			kids := make([]*node, len(words))
			for i, w := range words {
				kids[i] = p.q.atomNode(atom{kind: atomWords, words: []string{w}})
			}
			return &node{op: opSlop, n: t.slop, kids: kids}
		}
		return p.q.atomNode(atom{kind: atomWords, words: words, raw: rawWords(t.text)})
	case tField:
		p.advance()
		return p.q.atomNode(fieldAtom(t.field, t.text))
	case tRParen:
		p.lx.fail(t.pos, `a term, phrase or "(" before ")"`)
	case tAnd, tOr, tNear:
		p.lx.fail(t.pos, `a term, phrase or "(" before `+p.lx.q[t.pos:t.end])
	default:
		p.expectOperand()
	}
	return nil
}

// wordAtom turns a bare query word into an atom, or returns what was expected.
func wordAtom(w string) (atom, string) {
	switch {
	case strings.HasSuffix(w, "*"):
		base := strings.TrimSuffix(w, "*")
		if strings.ContainsRune(base, '*') {
			return atom{}, "a wildcard only at the end of a word"
		}
		// A prefix is a fragment: fold it, do not normalise it.
		words := foldWords(base)
		if len(words) > 1 {
			return atom{}, "one word before \"*\""
		}
		if len(words) == 0 || len(words[0]) < 2 {
			return atom{}, "at least 2 letters before \"*\""
		}
		return atom{kind: atomPrefix, words: words}, ""
	case strings.ContainsRune(w, '*'):
		return atom{}, "a wildcard only at the end of a word"
	case strings.HasPrefix(w, "=") && len(w) > 1:
		word := w[1:]
		for _, r := range word {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return atom{}, "letters or digits only in an exact word (=AMIN)"
			}
		}
		return atom{kind: atomWords, words: []string{word}, exact: true}, ""
	case strings.HasPrefix(w, "#"):
		tag := foldString(w[1:])
		if tag == "" {
			return atom{}, "a hashtag after \"#\""
		}
		return atom{kind: atomWords, words: []string{tag}, hashtag: true}, ""
	case strings.HasPrefix(w, "@"):
		h := foldString(w[1:])
		if h == "" {
			return atom{}, "a handle after \"@\""
		}
		return atom{kind: atomWords, words: []string{"@" + h}}, ""
	}
	words := splitWords(w)
	if len(words) == 0 {
		return atom{}, "a term with letters or digits"
	}
	return atom{kind: atomWords, words: words, raw: rawWords(w)}, ""
}

func join(op opKind, a, b *node) *node {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	if a.op == op {
		a.kids = append(a.kids, b)
		return a
	}
	return &node{op: op, kids: []*node{a, b}}
}
