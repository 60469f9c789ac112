package catalog

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// datelineRe is a newspaper's dateline: a day and month in brackets after
// the day's name ("Sabtu (9/8)", "Minggu (3/11/2024)").
var datelineRe = regexp.MustCompile(`\(\s*\d{1,2}\s*/\s*\d{1,2}(\s*/\s*\d{2,4})?\s*\)`)

// hardNewsWords are the reporting words an account seldom uses in its own
// voice: election bodies, surveys, counts and reports. The others
// ("digelar", "berlangsung", "jadwal") are as common in an account's own
// announcements, so its own thanks outweighs them.
var hardNewsWords = map[string]bool{"kpu": true, "kpud": true, "bawaslu": true, "panwaslu": true, "ketua kpu": true,
	"komisioner": true, "survei": true, "hasil survei": true, "elektabilitas": true, "quick count": true,
	"hitung cepat": true, "real count": true, "rekapitulasi": true, "dilaporkan": true, "laporan": true,
	"terpantau": true, "pantauan": true, "berita": true, "breaking news": true, "sementara itu": true}

// symbolLinks may stand between a ballot call or "partai" and a party's
// symbol ("pilih yang bergambar matahari", "partai berlambang banteng").
var symbolLinks = map[string]bool{"yang": true, "gambar": true, "bergambar": true, "lambang": true, "berlambang": true,
	"logo": true, "berlogo": true, "simbol": true, "bersimbol": true, "si": true, "itu": true}

// symbolPictures are the link words that make "partai ... <symbol>" a
// description of a party by its symbol.
var symbolPictures = map[string]bool{"gambar": true, "bergambar": true, "lambang": true, "berlambang": true,
	"logo": true, "berlogo": true, "simbol": true, "bersimbol": true}

// ballotVerbs are calls that only a ballot takes ("coblos", "contreng"):
// a symbol after them is the party without election words ("pilih mawar
// atau melati" is a garden's choice).
var ballotVerbs = map[string]bool{"coblos": true, "contreng": true, "centang": true, "tusuk": true, "nyoblos": true,
	"coblosin": true, "mencoblos": true, "ayo coblos": true, "mari coblos": true, "coblos ai": true, "coblos haja": true,
	"coblos saja": true}

// symbolTaken reports a party's symbol word taken by a ballot call or a
// reminder before it ("coblos banteng", "pilih yang bergambar matahari",
// "jangan lupa beringin") or described as a party's picture ("partai
// bergambar mawar"). Calls other than ballot verbs need election words
// (elec): "dukung Banteng Muda FC" cheers a team.
func symbolTaken(st *pstate, sp *pspan, elec bool) bool {
	ws := st.wordsOf()
	k, pictured := sp.start-1, false
	for n := 0; n < 3 && symbolLinks[wordAt(ws, k)]; n++ {
		pictured = pictured || symbolPictures[wordAt(ws, k)]
		k--
	}
	if w := wordAt(ws, k); w == "partai" || w == "parpol" {
		return pictured
	}
	// "#Banteng" beside "pilihan kita sudah jelas 😉": a symbol tagged
	// in a post that chooses.
	if sp.start < len(ws) && (ws[sp.start].Hashtag || ws[sp.start].InHashtag) &&
		slices.ContainsFunc(st.spans, func(o pspan) bool { return o.class == cSup }) {
		return true
	}
	for i := range st.spans {
		if o := &st.spans[i]; (o.class == cSup || o.class == cOpp || o.class == cAbsorb && o.name == "jangan lupa") && o.end == k {
			return elec || ballotVerbs[o.name]
		}
	}
	return false
}

// symbolCall is a party's symbol emoji after a ballot call.
type symbolCall struct {
	actor, raw string
	oppose     bool
}

// emojiCallWords are the ballot calls a symbol emoji may follow.
var emojiCallWords = map[string]bool{"coblos": true, "pilih": true, "contreng": true, "centang": true, "tusuk": true,
	"dukung": true, "menangkan": true, "nyoblos": true, "coblosin": true, "pilihlah": true, "mencoblos": true}

// symbolCalls finds the party symbol emoji right after a ballot call
// ("coblos 🐂", "pilih yang 🌳") or beside a general-election year ("🐂
// 2029"); after "jangan" the call is against it. Calls other than ballot
// verbs need election words (elec). Alone ("tim Banteng Muda 🐂⚽") a
// symbol emoji is decoration.
func (ix *Index) symbolCalls(st *pstate, elec bool) []symbolCall {
	if st.doc == nil || len(ix.symbolEmoji) == 0 {
		return nil
	}
	toks := st.doc.Tokens
	var out []symbolCall
	for i, t := range toks {
		if t.Kind != normalize.Emoji {
			continue
		}
		actor := ix.symbolOf(t.Raw)
		if actor == "" {
			continue
		}
		j := i - 1
		for n := 0; n < 3 && j >= 0 && toks[j].Kind == normalize.Word && symbolLinks[toks[j].Norm]; n++ {
			j--
		}
		if year := yearBeside(toks, i); year != "" {
			// "🐂 2029", "2029 🌳": a party's symbol beside a general-election year.
			out = append(out, symbolCall{actor: actor, raw: t.Raw})
			continue
		}
		if j < 0 || toks[j].Kind != normalize.Word || !emojiCallWords[toks[j].Norm] || !elec && !ballotVerbs[toks[j].Norm] {
			continue
		}
		neg := j > 0 && toks[j-1].Kind == normalize.Word && (toks[j-1].Norm == "jangan" || toks[j-1].Norm == "tidak" || toks[j-1].Norm == "gak")
		out = append(out, symbolCall{actor: actor, raw: toks[j].Raw + " " + t.Raw, oppose: neg})
	}
	return out
}

// yearBeside returns the general-election year (2029, 2034, ...) in the
// token right before or after toks[i], or "".
func yearBeside(toks []normalize.Token, i int) string {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(toks) || toks[j].Kind != normalize.Number {
			continue
		}
		if y, err := strconv.Atoi(toks[j].Norm); err == nil && y > firstYear && y <= lastYear && (y-firstYear)%5 == 0 {
			return toks[j].Norm
		}
	}
	return ""
}

// symbolOf returns the party whose symbol emoji raw shows, or "".
func (ix *Index) symbolOf(raw string) string {
	raw = strings.ReplaceAll(raw, "\ufe0f", "")
	for sym, id := range ix.symbolEmoji {
		if strings.Contains(raw, sym) {
			return id
		}
	}
	return ""
}

// addHandleActors names the pair or party inside an account handle the
// post cites ("Repost @relawan.rudyseno: pengobatan gratis ..."): a
// relayed account of a side is that side. Handles are read only for names
// of six letters or more written as one word.
func (ix *Index) addHandleActors(st *pstate) {
	if len(ix.handleNames) == 0 || st.doc == nil || !strings.Contains(st.doc.Raw, "@") {
		return
	}
	n := len(st.spans)
	for pos, w := range st.wordsOf() {
		if !strings.HasPrefix(w.Text, "@") || slices.ContainsFunc(st.spans[:n], func(sp pspan) bool { return sp.start <= pos && pos <= sp.end }) {
			continue
		}
		for _, h := range ix.handleNames {
			if strings.Contains(w.Text, h.joined) {
				st.spans = append(st.spans, pspan{class: cActor, name: h.id, start: pos, end: pos})
				break
			}
		}
	}
	if len(st.spans) > n {
		slices.SortStableFunc(st.spans, func(a, b pspan) int { return a.start - b.start })
	}
}

// organWords in a handle make it a side's campaign organ ("@relawan.rudyseno").
var organWords = []string{"relawan", "posko", "pemenangan", "timses", "sahabat", "peduli", "berbagi"}

// brandWords after a side's name make it the side's own brand of aid
// ("Rudy-Seno Peduli", "Isran-Hadi Berbagi").
var brandWords = map[string]bool{"peduli": true, "berbagi": true}

// campaignOrgan reports a pair or party target named as a campaign organ
// or brand: right after a campaign organ ("Posko Perjuangan Rudy-Seno",
// "Tim Pemenangan Isran-Hadi"), before a brand word ("Rudy-Seno Peduli"),
// or inside a relawan or posko handle ("@relawan.rudyseno").
func campaignOrgan(st *pstate, tg *ptarget) bool {
	ws := st.wordsOf()
	if brandWords[wordAt(ws, tg.end+1)] {
		return true
	}
	if w := wordAt(ws, tg.start); tg.start == tg.end && strings.HasPrefix(w, "@") {
		return slices.ContainsFunc(organWords, func(o string) bool { return strings.Contains(w, o) })
	}
	return slices.ContainsFunc(st.spans, func(sp pspan) bool {
		return sp.class == cEvent && sp.end < tg.start && tg.start-sp.end-1 <= 1
	})
}

// sideObjects stand for the side on the ballot after a call ("coblos
// fotonya", "pilih beliau").
var sideObjects = map[string]bool{"fotonya": true, "gambarnya": true, "wajahnya": true, "mukanya": true,
	"beliau": true, "beliaunya": true, "orangnya": true, "nomornya": true, "pasangannya": true}

// onlySide is the one pair, candidate, party or option the post names (not
// a bare number, not an office holder), or nil.
func (ix *Index) onlySide(st *pstate) *ptarget {
	var only *ptarget
	for j := range st.targets {
		tg := &st.targets[j]
		if tg.num || tg.office || tg.generic && tg.honor {
			continue
		}
		if only != nil && only.actor != tg.actor {
			a, b := ix.actors[only.actor], ix.actors[tg.actor]
			switch {
			case a != nil && b != nil && slices.Contains(a.Members, b.ID):
				continue // "Rudy-Seno ... Pak Rudy": the pair
			case a != nil && b != nil && slices.Contains(b.Members, a.ID):
				only = tg
				continue
			}
			return nil
		}
		only = tg
	}
	return only
}

// choiceParticles follow a number said as the one to pick ("yang nomor 2
// aja ya").
var choiceParticles = map[string]bool{"aja": true, "saja": true, "ya": true, "yaa": true, "lah": true, "dong": true}

// elidedChoice reports "yang nomor 2 aja": a bare ballot number after
// "yang" and before a particle, the choice said without its verb.
func elidedChoice(st *pstate, tg *ptarget) bool {
	ws := st.wordsOf()
	return tg.num && wordAt(ws, tg.start-1) == "yang" && choiceParticles[wordAt(ws, tg.end+1)]
}

// numberAfter is the ballot number or party right after sp, or after
// "yang" ("jangan lupa nomor 2", "ingat yang nomor 1", "jangan lupa
// beringin").
func (ix *Index) numberAfter(st *pstate, sp *pspan) *ptarget {
	ws := st.wordsOf()
	next := sp.end + 1
	if wordAt(ws, next) == "yang" {
		next++
	}
	for i := range st.targets {
		if tg := &st.targets[i]; (tg.num || tg.party) && tg.start == next {
			return tg
		}
	}
	return nil
}
