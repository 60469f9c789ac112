package report

// Rising issues: what people talk about this week much more than they
// usually do. An issue is a phrase (two or three content words in a row:
// "biang kerok", "tanggul jebol"), a hashtag, or a named entity of the
// catalog (a place, an office, a political actor) — never a single common
// word ("ikut", "memang", "bubuhan"). It rises against its own baseline:
// its weekly average over the weeks before that hold data, with enough
// volume (mentions and distinct authors).

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/dengar-id/dengar/stopwords"
	"github.com/dengar-id/dengar/store"
)

// Kinds of rising issues.
const (
	IssuePhrase  = "phrase"
	IssueHashtag = "hashtag"
	IssueEntity  = "entity"
)

// IssueTextLimit bounds the mentions of one week read for issues.
const IssueTextLimit = 200000

// termToken mirrors the store's tokeniser (termRegexp): lower-cased words
// of letters, digits and underscores, and #hashtags.
var termToken = regexp.MustCompile(`#?[a-z0-9_]+`)

// cityWords are stop words because they are in nearly every post, but
// they belong to names ("balai kota", "Terowongan Samarinda"): inside a
// phrase they count, a phrase of them alone does not.
var cityWords = map[string]bool{"samarinda": true, "kota": true, "pemkot": true, "kaltim": true, "kalimantan": true, "timur": true}

// contentWord says whether a lower-cased term can be part of a phrase.
func contentWord(w string) bool {
	if strings.HasPrefix(w, "#") || len([]rune(w)) < 3 || allDigits(w) {
		return false
	}
	return !stopwords.Is(w) || cityWords[w]
}

func allDigits(w string) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// candidate is a possible issue with its count this week.
type candidate struct {
	key     string // phrase (terms joined by one space), #hashtag, or entity id
	kind    string
	n       int64
	authors map[string]bool
	forms   map[string]int // how the phrase is written, for display
	posts   map[string]bool
}

// issueCandidates finds this week's phrases, hashtags and entities used by
// at least minCount mentions of minAuthors distinct authors.
func issueCandidates(texts []store.IssueText, names [][]string, minCount, minAuthors int) []*candidate {
	byKey := map[string]*candidate{}
	wordPosts := map[string]int64{} // mentions per word, for the phrases' cohesion
	add := func(key, kind, form, author, post string) {
		c := byKey[key]
		if c == nil {
			c = &candidate{key: key, kind: kind, authors: map[string]bool{}, forms: map[string]int{}, posts: map[string]bool{}}
			byKey[key] = c
		}
		c.n++
		c.authors[author] = true
		c.posts[post] = true
		if form != "" {
			c.forms[form]++
		}
	}
	for _, t := range texts {
		author := t.AuthorID
		if author == "" {
			author = t.ID
		}
		seen := map[string]bool{}
		once := func(key, kind, form string) {
			if !seen[key] {
				seen[key] = true
				add(key, kind, form, author, t.ID)
			}
		}
		seenWord := map[string]bool{}
		for _, part := range clauses(t.Title + "\n" + t.Text) {
			all := originalWords(part)
			for _, words := range apartFromNames(all, names) {
				lower := make([]string, len(words))
				for i, w := range words {
					lower[i] = strings.ToLower(w)
				}
				for i, w := range lower {
					if !seenWord[w] {
						seenWord[w] = true
						wordPosts[w]++
					}
					if strings.HasPrefix(w, "#") && len([]rune(w)) > 3 {
						once(w, IssueHashtag, words[i])
					}
					for n := 2; n <= 3 && i+n <= len(lower); n++ {
						ws := lower[i : i+n]
						ok, city := true, 0
						for _, x := range ws {
							if !contentWord(x) {
								ok = false
								break
							}
							if cityWords[x] {
								city++
							}
						}
						if ok && city < n {
							once(strings.Join(ws, " "), IssuePhrase, strings.Join(words[i:i+n], " "))
						}
					}
				}
			}
		}
		for _, e := range t.Entities {
			once(e, IssueEntity, "")
		}
	}
	var out []*candidate
	for _, c := range byKey {
		if c.n >= int64(minCount) && len(c.authors) >= minAuthors && cohesive(c, byKey, wordPosts) {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].key < out[j].key
	})
	return out
}

// nameWords are the catalog's names (programs, places, agencies, actors)
// as lower-cased terms: "Terowongan Samarinda (Jl. Sultan Alimuddin -
// Jl. Kakap)" gives [terowongan samarinda], [sultan alimuddin] and [kakap].
func nameWords(names map[string]string) [][]string {
	var out [][]string
	seen := map[string]bool{}
	for _, n := range names {
		for _, piece := range strings.FieldsFunc(n, func(r rune) bool { return strings.ContainsRune("(),;/", r) || r == '–' }) {
			for _, part := range strings.Split(piece, " - ") {
				ws := termToken.FindAllString(strings.ToLower(part), -1)
				for len(ws) > 0 && (ws[0] == "jl" || ws[0] == "jalan") {
					ws = ws[1:]
				}
				if k := strings.Join(ws, " "); len(ws) > 0 && !seen[k] && len(k) >= 4 {
					seen[k] = true
					out = append(out, ws)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) }) // longest first
	return out
}

// apartFromNames splits words where a catalog name stands: a phrase never
// straddles a name ("Sultan Alimuddin bangsat" is the name and an insult,
// not a phrase; the names themselves are counted as entities).
func apartFromNames(words []string, names [][]string) [][]string {
	if len(names) == 0 {
		return [][]string{words}
	}
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	var out [][]string
	start := 0
	for i := 0; i < len(words); {
		n := nameAt(lower, i, names)
		if n == 0 {
			i++
			continue
		}
		if i > start {
			out = append(out, words[start:i])
		}
		i += n
		start = i
	}
	if start < len(words) {
		out = append(out, words[start:])
	}
	return out
}

// nameAt is the length of the catalog name starting at lower[i], 0 when
// none does.
func nameAt(lower []string, i int, names [][]string) int {
	for _, n := range names {
		if i+len(n) > len(lower) {
			continue
		}
		match := true
		for k, w := range n {
			if lower[i+k] != w {
				match = false
				break
			}
		}
		if match {
			return len(n)
		}
	}
	return 0
}

// cohesive says whether a phrase holds together: two words that occur
// together in at least a quarter of the mentions of the rarer one ("biang
// kerok", "Sultan Alimuddin", not "Alimuddin bangsat"), three words that
// make at least 80 % of the uses of each pair inside them (the third word
// belongs: "depan balai kota", not "kontraktor terowongan Sultan").
func cohesive(c *candidate, byKey map[string]*candidate, words map[string]int64) bool {
	if c.kind != IssuePhrase {
		return true
	}
	ws := strings.Fields(c.key)
	switch len(ws) {
	case 2:
		rarer := min(words[ws[0]], words[ws[1]])
		return rarer > 0 && 4*c.n >= rarer
	case 3:
		for _, pair := range []string{ws[0] + " " + ws[1], ws[1] + " " + ws[2]} {
			if p := byKey[pair]; p != nil && float64(c.n) < 0.8*float64(p.n) {
				return false
			}
		}
	}
	return true
}

// clauses splits s where punctuation ends a clause: a phrase never runs
// across a comma or a full stop ("tanggul jebol, usir" is two).
func clauses(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(".,;:!?()[]\"“”‘’\n|/", r) || r == '—' || r == '–'
	})
}

// originalWords splits s into terms as termToken does, keeping how they
// are written (case): "Terowongan Samarinda" for display.
func originalWords(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			w := b.String()
			if w != "#" {
				out = append(out, w)
			}
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'):
			b.WriteRune(r)
		case r == '#' && b.Len() == 0:
			b.WriteRune(r)
		default:
			flush()
			if r == '#' {
				b.WriteRune(r)
			}
		}
	}
	flush()
	return out
}

// display is how a candidate is shown: the phrase as most often written
// (a name keeps its capitals), an entity by its catalog name.
func (c *candidate) display(o *Options) string {
	if c.kind == IssueEntity {
		return o.name(c.key)
	}
	best, bn := c.key, 0
	for f, n := range c.forms {
		if n > bn || (n == bn && f < best) {
			best, bn = f, n
		}
	}
	if c.kind == IssueHashtag {
		return best
	}
	// Capitals only where they name something ("Sultan Alimuddin"): a
	// phrase with a word in lower case is shown in lower case ("jalan
	// rusak", even when most posts start a sentence with it).
	for _, w := range strings.Fields(best) {
		if r := []rune(w); !unicode.IsUpper(r[0]) {
			return c.key
		}
	}
	return best
}

// buildIssues finds the week's rising issues: candidates of the week
// counted over the baseline weeks, kept when they at least doubled
// (smoothed by +1) against their own weekly average over the weeks with
// data, by at least 3 mentions; a phrase inside a longer rising phrase
// used by most of the same mentions is left to the longer one.
func buildIssues(ctx context.Context, db *store.DB, l lang, cur, base store.Range, baseWeeks int, opts Options, r *Report) error {
	bt, err := db.ReportTotals(ctx, base)
	if err != nil {
		return err
	}
	r.Issues.BaselineMentions, r.Issues.BaseWeeks = bt.Mentions, baseWeeks
	texts, err := db.ReportIssueTexts(ctx, cur, IssueTextLimit)
	if err != nil {
		return err
	}
	cands := issueCandidates(texts, nameWords(opts.Names), opts.MinTermCount, opts.MinTermAuthors)
	if len(cands) > 2000 {
		cands = cands[:2000]
	}
	var phrases, entities []string
	for _, c := range cands {
		if c.kind == IssueEntity {
			entities = append(entities, c.key)
		} else {
			phrases = append(phrases, c.key)
		}
	}
	pc, ec, err := db.ReportPhraseCounts(ctx, base, phrases, entities)
	if err != nil {
		return err
	}
	baseOf := map[string]int64{}
	for i, p := range phrases {
		baseOf[p] = pc[i]
	}
	for i, e := range entities {
		baseOf[e] = ec[i]
	}
	var rising []RisingTerm
	byKey := map[string]*candidate{}
	for _, c := range cands {
		byKey[c.key] = c
		b := baseOf[c.key]
		wb := 0.0
		if baseWeeks > 0 {
			wb = float64(b) / float64(baseWeeks)
		}
		lift := (float64(c.n) + 1) / (wb + 1)
		if lift < 2 || float64(c.n)-wb < 3 {
			continue
		}
		rising = append(rising, RisingTerm{
			Key: c.key, Term: c.display(&opts), Kind: c.kind, Current: c.n, Authors: int64(len(c.authors)), Baseline: b,
			WeeklyBase: round1(wb), Lift: round1(lift), New: b == 0, posts: c.posts,
		})
	}
	rising = dropContained(rising)
	sort.SliceStable(rising, func(i, j int) bool {
		if rising[i].Lift != rising[j].Lift {
			return rising[i].Lift > rising[j].Lift
		}
		if rising[i].Current != rising[j].Current {
			return rising[i].Current > rising[j].Current
		}
		return rising[i].Key < rising[j].Key
	})
	// Issues used by mostly the same posts are one issue: the first
	// (highest) leads, the others are listed with it. Scan until TopTerms
	// issues are found (bounded, each leader costs a query).
	var terms []RisingTerm
	var leaders []int // indexes in terms
	issues := 0
	for i := 0; i < len(rising) && issues < opts.TopTerms; i++ {
		t := rising[i]
		if j := sameIssue(terms, leaders, t); j >= 0 {
			terms[j].Related = append(terms[j].Related, t.Term)
			t.SameAs = terms[j].Term
			terms = append(terms, t)
			continue
		}
		f := store.PostFilter{Phrase: t.Key, Limit: 10, Links: opts.links()}
		switch t.Kind {
		case IssueEntity:
			f = store.PostFilter{Entity: t.Key, Limit: 10, Links: opts.links()}
		case IssueHashtag:
			f = store.PostFilter{Term: t.Key, Limit: 10, Links: opts.links()}
		}
		ex, err := db.ReportPosts(ctx, cur, f)
		if err != nil {
			return err
		}
		t.Examples = posts(l, distinctText(ex, 2), 200)
		leaders = append(leaders, len(terms))
		terms = append(terms, t)
		issues++
	}
	r.Issues.Terms = terms
	return nil
}

// sameIssue returns the index in terms of the leading issue whose posts t
// mostly shares (at least half of the smaller set of posts is in both), or
// −1.
func sameIssue(terms []RisingTerm, leaders []int, t RisingTerm) int {
	for _, j := range leaders {
		l := terms[j]
		both := 0
		for p := range t.posts {
			if l.posts[p] {
				both++
			}
		}
		if small := min(len(t.posts), len(l.posts)); small > 0 && 2*both >= small {
			return j
		}
	}
	return -1
}

// dropContained leaves out a phrase whose words lie inside a longer
// rising phrase used by at least 70 % as many mentions (the longer one
// says more).
func dropContained(ts []RisingTerm) []RisingTerm {
	var out []RisingTerm
	for i, t := range ts {
		inside := false
		for j, u := range ts {
			if i == j || t.Kind != IssuePhrase || u.Kind != IssuePhrase || len(u.Key) <= len(t.Key) {
				continue
			}
			if strings.Contains(" "+u.Key+" ", " "+t.Key+" ") && float64(u.Current) >= 0.7*float64(t.Current) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, t)
		}
	}
	return out
}
