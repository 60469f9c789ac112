package catalog

import (
	"slices"
	"strings"
	"sync"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/analyze/watch"
	"github.com/dengar-id/dengar/mention"
)

// Partisanship fills a mention's Politics: whether it is about elections
// (political), whether it takes a side (partisan), the stance, the actors
// and the cues that decided.
//
// It is a rule system over the catalog's actors and a cue lexicon: a side is
// taken when a support or opposition cue (coblos, menangkan, dukung,
// "jangan pilih", "salam 2 jari", a pair's campaign hashtag...) is bound to a
// target — a party, candidate, pair or ballot number — within a few words,
// not negated or prohibited ("ASN dilarang mendukung ..."), and not aimed at
// a program or policy in between. Weak cues (mendukung, hebat, menang,
// insults) count only in an election context that is not news reporting or
// a neutrality/civic-voting message. Naming an office holder (the president,
// the mayor) is not political by itself.
type Partisanship struct{ ix *Index }

// NewPartisanship returns the partisanship tagger of ix.
func NewPartisanship(ix *Index) *Partisanship { return &Partisanship{ix: ix} }

// Name implements analyze.Tagger.
func (*Partisanship) Name() string { return "partisanship" }

// Tag implements analyze.Tagger.
func (t *Partisanship) Tag(m *mention.Mention, d *normalize.Doc) {
	m.Politics = t.ix.Politics(d)
	countPolitics(m.Politics)
}

var (
	politicsPartisan  = politicsTotal.WithLabelValues("partisan")
	politicsPolitical = politicsTotal.WithLabelValues("political")
	politicsNone      = politicsTotal.WithLabelValues("none")
)

func countPolitics(p *mention.Politics) {
	switch {
	case p.Partisan:
		politicsPartisan.Inc()
	case p.Political:
		politicsPolitical.Inc()
	default:
		politicsNone.Inc()
	}
}

const (
	window     = 5 // words between a cue and its target
	negWindow  = 0 // words between a negator and the cue it negates
	handNegWin = 4
)

type pspan struct {
	class, name string
	start, end  int
}

type ptarget struct {
	actor    string // resolved actor id (or ballot-N)
	start    int
	end      int
	num      bool
	explicit bool // an explicit ballot number ("nomor urut 2")
	official bool // preceded by an office title (Presiden Prabowo)
	office   bool // the actor holds office
}

type pstate struct {
	spans   []pspan
	targets []ptarget
	log     []sideEvent // every support or opposition decision
}

type sideEvent struct {
	actor   string
	support bool
}

var pstatePool = sync.Pool{New: func() any { return &pstate{} }}

func (st *pstate) add(label string, s, e int) {
	i := strings.IndexByte(label, '|')
	st.spans = append(st.spans, pspan{class: label[:i], name: label[i+1:], start: s, end: e})
}

func (st *pstate) release() {
	st.spans, st.targets, st.log = st.spans[:0], st.targets[:0], st.log[:0]
	pstatePool.Put(st)
}

// Politics decides the politics tags of a normalised document.
func (ix *Index) Politics(d *normalize.Doc) *mention.Politics {
	st := pstatePool.Get().(*pstate)
	defer st.release()
	ix.m.Scan(d, watch.Fields{}, nil, func(lex int, label string, s, e int) {
		if lex == lexPolitics {
			st.add(label, s, e)
		}
	})
	return ix.decide(st)
}

// decide turns the political spans of a text into Politics tags.
func (ix *Index) decide(st *pstate) *mention.Politics {
	var elec, news, neutral, political bool
	var raceSeen [4]string
	nRace := 0
	addRace := func(r string) {
		for i := 0; i < nRace; i++ {
			if raceSeen[i] == r {
				return
			}
		}
		if nRace < len(raceSeen) {
			raceSeen[nRace] = r
			nRace++
		}
	}
	var actors []string
	addActor := func(id string) {
		if id != "" && !slices.Contains(actors, id) {
			actors = append(actors, id)
		}
	}
	for i := range st.spans {
		sp := &st.spans[i]
		switch sp.class {
		case cActor, cTag:
			a := ix.actors[sp.name]
			if a == nil {
				continue
			}
			if !a.Office || sp.class == cTag {
				political = true
			}
			if a.Kind == "pair" || a.Kind == "option" {
				elec = true // pairs and ballot options exist only in an election
			}
			if a.Race != "" && (!a.Office || sp.class == cTag) {
				addRace(a.Race)
			}
			official := i > 0 && st.spans[i-1].class == cOffice && st.spans[i-1].end >= sp.start-1
			st.targets = append(st.targets, ptarget{actor: a.ID, start: sp.start, end: sp.end, official: official, office: a.Office})
			addActor(a.ID)
		case cNum, cNumX:
			st.targets = append(st.targets, ptarget{actor: sp.name, start: sp.start, end: sp.end, num: true, explicit: sp.class == cNumX})
			if sp.class == cNumX {
				elec = true
			}
		case cElec, cHand, cAgainst, cOppX:
			elec = true
		case cRace:
			elec = true
			addRace(sp.name)
		case cNews:
			news = true
		case cNeutral:
			neutral = true
		}
	}
	// Resolve ballot numbers against the race in context.
	for i := range st.targets {
		tg := &st.targets[i]
		if !tg.num {
			continue
		}
		tg.actor = ix.resolveNumber(tg.actor, raceSeen[:nRace])
	}

	var support, oppose, cues []string
	addCue := func(kind, name string) {
		c := kind + ":" + name
		if !slices.Contains(cues, c) && len(cues) < 8 {
			cues = append(cues, c)
		}
	}
	side := func(to *[]string, id string) {
		st.log = append(st.log, sideEvent{actor: id, support: to == &support})
		if a := ix.actors[id]; a != nil && len(a.Opposes) > 0 && to == &support {
			// Support for the empty box opposes the single pair.
			for _, o := range a.Opposes {
				if !slices.Contains(oppose, o) {
					oppose = append(oppose, o)
				}
				addActor(o)
			}
			addActor(id)
			return
		}
		if !slices.Contains(*to, id) {
			*to = append(*to, id)
		}
		addActor(id)
	}
	for i := range st.spans {
		sp := &st.spans[i]
		switch sp.class {
		case cTag:
			if !ix.negated(st.spans, i, negWindow) {
				side(&support, sp.name)
				addCue("hashtag", sp.name)
			}
		case cHand:
			if !ix.negated(st.spans, i, handNegWin) && !neutral {
				side(&support, ix.resolveNumber(sp.name, raceSeen[:nRace]))
				addCue("hand", "salam "+sp.name+" jari")
			}
		case cAgainst:
			if !ix.negated(st.spans, i, handNegWin) && !neutral {
				side(&oppose, ix.resolveNumber("2", []string{"pilpres-2024"}))
				addCue("hand", sp.name)
			}
		case cOppX:
			if !ix.negated(st.spans, i, negWindow) {
				addCue("oppose", sp.name)
				oppose = append(oppose, "")
			}
		case cSup, cSupW, cOpp, cOppW:
			if ix.negated(st.spans, i, negWindow) {
				continue
			}
			tg := ix.target(st, sp)
			if tg == nil {
				continue
			}
			strong := sp.class == cSup || sp.class == cOpp
			first := ix.firstPerson(st.spans, i)
			ok := false
			switch {
			case tg.official:
				// Named with their title (Presiden Prabowo): only an
				// election context makes support or attacks partisan.
				ok = elec && !news && !neutral && (strong || first)
			case tg.office && !strong:
				ok = elec && !news && !neutral
			case strong:
				ok = true
			case sp.class == cSupW:
				ok = (elec && !news && !neutral) || (first && ix.electoral(tg))
			case sp.class == cOppW:
				ok = elec && !news && !neutral
			}
			if !ok {
				continue
			}
			if sp.class == cSup || sp.class == cSupW {
				side(&support, tg.actor)
				addCue("support", sp.name)
			} else {
				side(&oppose, tg.actor)
				addCue("oppose", sp.name)
			}
		}
	}
	if neutral {
		for i := range st.spans {
			if st.spans[i].class == cNeutral {
				addCue("neutral", st.spans[i].name)
				break
			}
		}
	}
	p := &mention.Politics{}
	p.Partisan = len(support) > 0 || len(oppose) > 0
	p.Political = p.Partisan || political || elec || neutral
	switch {
	case len(support) > 0 && len(oppose) > 0:
		p.Stance = "mixed"
	case len(support) > 0:
		p.Stance = "support"
	case len(oppose) > 0:
		p.Stance = "oppose"
	}
	if p.Political {
		slices.Sort(actors)
		p.Actors = actors
		p.Cues = cues
	}
	return p
}

// StanceToward returns the stance of a text toward one actor (support,
// oppose, mixed or ""), counting support for a pair as support for its
// members and support for an option as opposition to what it opposes.
func (ix *Index) StanceToward(d *normalize.Doc, actor string) string {
	st := pstatePool.Get().(*pstate)
	defer st.release()
	ix.m.Scan(d, watch.Fields{}, nil, func(lex int, label string, s, e int) {
		if lex == lexPolitics {
			st.add(label, s, e)
		}
	})
	ix.decide(st)
	sup, opp := 0, 0
	for _, ev := range st.log {
		hit := ev.actor == actor
		if a := ix.actors[ev.actor]; a != nil && !hit {
			hit = slices.Contains(a.Members, actor)
			if !hit && ev.support && slices.Contains(a.Opposes, actor) {
				opp++
				continue
			}
		}
		if !hit {
			continue
		}
		if ev.support {
			sup++
		} else {
			opp++
		}
	}
	switch {
	case sup > opp:
		return "support"
	case opp > sup:
		return "oppose"
	case sup > 0:
		return "mixed"
	}
	return ""
}

// electoral reports a target that exists only as an electoral choice: a
// pair, an option, a ballot number or a candidate not in office.
func (ix *Index) electoral(tg *ptarget) bool {
	if tg.num {
		return true
	}
	a := ix.actors[tg.actor]
	return a != nil && !a.Office && a.Kind != "party"
}

// resolveNumber maps ballot number n to the actor with that number in the
// one race in context, or to "ballot-<n>".
func (ix *Index) resolveNumber(n string, races []string) string {
	n = strings.TrimLeft(n, "0")
	found := ""
	for _, r := range races {
		if id, ok := ix.byRace[r][n]; ok {
			if found != "" && found != id {
				found = ""
				break
			}
			found = id
		}
	}
	if found != "" {
		return found
	}
	return "ballot-" + n
}

// negated reports a negator or prohibition ending at most win words before
// the cue at spans[i].
func (ix *Index) negated(spans []pspan, i, win int) bool {
	start := spans[i].start
	for j := i - 1; j >= 0; j-- {
		if spans[j].end < start-win-1 {
			break
		}
		if spans[j].class == cNeg && spans[j].end < start {
			return true
		}
	}
	return false
}

// firstPerson reports a first-person word within 3 words before the cue.
func (ix *Index) firstPerson(spans []pspan, i int) bool {
	start := spans[i].start
	for j := i - 1; j >= 0; j-- {
		if spans[j].end < start-4 {
			break
		}
		if spans[j].class == cFirst {
			return true
		}
	}
	return false
}

// target finds the nearest actor or ballot number within the window of a
// cue, skipping targets with an object word ("program") in between.
func (ix *Index) target(st *pstate, sp *pspan) *ptarget {
	var best *ptarget
	bestCost := 1 << 30
	for i := range st.targets {
		tg := &st.targets[i]
		var gap, cost int
		switch {
		case tg.start > sp.end:
			gap = tg.start - sp.end - 1
			cost = 2 * gap // a call's object usually follows it
		case tg.end < sp.start:
			gap = sp.start - tg.end - 1
			cost = 2*gap + 1
		default:
			continue // overlapping
		}
		if gap > window || cost >= bestCost {
			continue
		}
		if tg.num && !tg.explicit && strings.HasPrefix(tg.actor, "ballot-") {
			// A bare "02" or "nomor 2" with no race is only a target right
			// next to the cue ("coblos 02", "02 menang telak").
			if gap > 0 {
				continue
			}
		}
		lo, hi := sp.end+1, tg.start-1
		if tg.end < sp.start {
			lo, hi = tg.end+1, sp.start-1
		}
		if hi >= lo && hasObject(st.spans, lo, hi) {
			continue
		}
		best, bestCost = tg, cost
	}
	return best
}

// hasObject reports an object word ("program") within word positions lo..hi.
func hasObject(spans []pspan, lo, hi int) bool {
	for i := range spans {
		if spans[i].class == cObj && spans[i].start >= lo && spans[i].end <= hi {
			return true
		}
	}
	return false
}
