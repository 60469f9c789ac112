package hostility

import "strings"

// insults finds insults aimed at a person or an institution: an insult
// word after "dasar", in a clause with the addressee, or in a sentence
// that names a person or an institution; a word with an everyday sense
// ("sampah", "jelek", "buta") only right next to its target. Insults in
// quotations or reports are mentioned: the models re-read the post
// without them.
func (r *reading) insults() {
	w := r.words
	r.banter = r.playful && (r.atAddresseeOnly() || r.friendTeased())
	for i := range w {
		if !inMouths(w[i].info) && !inMouths(w[i].stemInfo) || w[i].negated || r.mentionedAt(i) || i > 0 && w[i-1].norm == "bau" {
			// "bau mulut": halitosis, a medical matter
			continue
		}
		if i+1 < len(w) && firstPerson[w[i+1].norm] || strings.HasSuffix(w[i].norm, "ku") {
			continue // "mulut saya kayak …": one's own mouth
		}
		if k := r.mouthCompared(i); k >= 0 && !w[k].negated {
			// "Mulut kadis itu lebih kotor dari selokan": a mouth called
			// a sewer.
			r.insult = append(r.insult, Cue{"insult_mouth", r.text(i, k+1)})
		}
	}
	for i := range w {
		if r.faceCurse(i) {
			r.insult = append(r.insult, Cue{"insult_curse", r.text(i, i+2)})
		}
	}
	for _, h := range r.hits {
		if h.p.tags&tIdentity != 0 {
			continue
		}
		if h.p.tags&tInsult == 0 {
			// "Buhan dewan tu kaya tikus": a dehumanising comparison
			// said of a target.
			if h.p.tags&tDehuman == 0 || w[h.at].negated || r.mentionedAt(h.at) || !r.comparedAt(h.at) || !r.comparedTarget(h.at) && !r.faceCompared(h.at) || r.banter {
				continue
			}
			r.insult = append(r.insult, Cue{"insult_comparison", r.text(max(0, h.at-1), h.end)})
			continue
		}
		i := h.at
		if w[i].exclaimed || w[i].negated {
			continue
		}
		if w[i].quoted || r.report[w[i].sent] && !r.secondNear(i, 4) || r.counter[w[i].sent] && r.identityIn(w[i].sent) {
			// (round 9) or in counter-speech that repeats a group attack
			// to reject it ("tidak setuju dengan yang bilang transpuan
			// itu sampah")
			// Quoted, or in a report and not said to the addressee
			// ("tolol banget komen lu, … katanya" is used).
			r.mentioned = append(r.mentioned, Cue{"quoted_or_reported", r.text(h.at, h.end)})
			r.addMask(h.at, h.end)
			continue
		}
		if !r.insultAimed(h) {
			continue
		}
		if r.banter {
			// "Bro lu goblok bgt sih main kemarin, … wkwk": banter.
			r.mentioned = append(r.mentioned, Cue{"banter", r.text(h.at, h.end)})
			r.addMask(h.at, h.end)
			continue
		}
		r.insult = append(r.insult, Cue{"insult_aimed", r.text(h.at, h.end)})
		if h.p.cat != 0 {
			r.insultCat |= h.p.cat
			r.catWhy = append(r.catWhy, r.text(h.at, h.end)+"="+strings.Join(h.p.cat.names(), ","))
		}
	}
}

// atAddresseeOnly reports a post whose only target is the addressee (no
// person, institution or group named), with no hate or threat found.
func (r *reading) atAddresseeOnly() bool {
	if len(r.hate) > 0 || len(r.threat) > 0 || r.identity {
		return false
	}
	for j := range r.words {
		w := &r.words[j]
		if r.isTarget(j) && w.tags&tSecond == 0 && !w.user && !hasSecondSuffix(w) {
			return false
		}
	}
	return true
}

// demonstratives between a weak insult and a target point it at the
// target ("anjing tuh sopir bus").
var demonstratives = map[string]bool{"tuh": true, "itu": true, "nih": true, "ini": true}

// dasarOnly are words of slowness that insult only after "dasar"
// ("dasar dinas lelet"); elsewhere they complain about a service.
var dasarOnly = map[string]bool{"lelet": true, "lamban": true, "lambat": true}

// comparisons introduce an insulting comparison ("kayak comberan").
var comparisons = map[string]bool{"seperti": true, "kayak": true, "kaya": true, "macam": true, "bagai": true, "bagaikan": true, "mirip": true, "ibarat": true}

// insultAimed reports whether insult hit h is aimed at someone.
func (r *reading) insultAimed(h hit) bool {
	w := r.words
	i := h.at
	if r.before(i, 2, func(x *word) bool { return x.norm == "dasar" }) {
		return true
	}
	if r.describedAfter(i) {
		return true // "sialan tuh driver yang cancel terus": a described person
	}
	if r.before(i, 1, func(x *word) bool { return calls[x.norm] }) {
		return true // "hei keledai, baca dulu aturannya": a name called out
	}
	if r.before(i, 2, isComparison) && r.faceCompared(i) {
		return true // "muka kayak babi aja sok ngatur warga"
	}
	// "Dasar dinas kesehatan lelet": "dasar", a target, the insult.
	for j := i - 2; j >= 0 && j >= i-4 && w[j].clause == w[i].clause; j-- {
		if w[j].norm == "dasar" && w[j+1].tags&(tPerson|tInstitution) != 0 {
			return true
		}
	}
	if dasarOnly[w[i].norm] || dasarOnly[w[i].raw] {
		return false // "petugasnya lamban": a complaint about service
	}
	weak := h.p.tags&tWeak != 0
	near := 20
	if weak {
		near = 2
	}
	for j := range w {
		if j >= h.at && j < h.end || abs(j-i) > near || !r.isTarget(j) {
			continue
		}
		if w[j].sent != w[i].sent && (weak || r.sentenceHasTarget(w[i].sent, -1)) {
			continue // a strong insult in a sentence of its own is aimed at the post's target ("… Pemalas tak tahu diri")
		}
		if weak && (j > h.end && !(j == h.end+1 && h.end < len(w) && demonstratives[w[h.end].norm]) || j < i-2 || r.words[j].tags&tInstitution != 0 && r.words[j].tags&tPerson == 0) {
			continue // a weak word insults a person next to it, not an agency's service
		}
		second := w[j].tags&tSecond != 0 || w[j].user || hasSecondSuffix(&w[j])
		if second && w[j].clause != w[i].clause && !weak {
			continue
		}
		return true
	}
	if weak && animalEmoji[w[i].norm] && r.before(i, 2, func(x *word) bool { return firstPerson[x.norm] }) && r.before(i, 4, func(x *word) bool { return x.tags&tPerson != 0 }) {
		return true // "kepala puskesmas kita 🐖": the role, then "kita"
	}
	if weak && h.p.tags&tNoun != 0 && r.collectiveAt(h) {
		return true // "BADUT SEMUA DI DPRD": a name for all the members of a body
	}
	if weak && r.comparedAt(i) && r.comparedTarget(i) {
		return true // "kayak comberan"
	}
	return h.p.tags&tNoun != 0 && r.predicateOf(i)
}

// comparedAt reports a comparison within two words before word i
// ("kayak kerbau", "kaya urang gila", "kayak tong sampah").
func (r *reading) comparedAt(i int) bool { return r.before(i, 2, isComparison) }

func isComparison(x *word) bool { return comparisons[x.norm] }

// comparedTarget reports the target a comparison at word i is said of: a
// target in its clause, or the sentence's subject before it ("Pegawai …
// judes banar, muha kaya kuyang").
func (r *reading) comparedTarget(i int) bool {
	w := r.words
	for j := range w {
		if j != i && r.isTarget(j) && (w[j].clause == w[i].clause || j < i && w[j].sent == w[i].sent || j > i && w[j].sent == w[i].sent && r.vocative(j)) {
			return true
		}
	}
	return false
}

// vocative reports a clause of word j that only addresses someone ("…,
// Pak Kadis"): every word of it a person, an honorific or the addressee,
// and the sentence ends with it.
func (r *reading) vocative(j int) bool {
	w := r.words
	c := w[j].clause
	for k := range w {
		if w[k].clause != c {
			continue
		}
		if w[k].tags&(tPerson|tSecond) == 0 && !honorifics[w[k].norm] && !w[k].user {
			return false
		}
	}
	for k := j + 1; k < len(w) && w[k].sent == w[j].sent; k++ {
		if w[k].clause != c {
			return false
		}
	}
	return true
}

// predicative link a subject to the name it is called ("Satpol PP itu
// isinya preman", "Pejabat Pemprov ternyata tukang tipu").
var predicative = map[string]bool{"itu": true, "ini": true, "tu": true, "ni": true, "memang": true, "ternyata": true, "cuma": true, "hanya": true, "adalah": true, "juga": true, "semua": true, "isinya": true, "kumpulan": true}

// predicateOf reports whether the name at word i is said of a target: a
// target right before it, or, across predicative words, one earlier in
// its clause ("Influencer yg endorse terowongan itu penjilat").
func (r *reading) predicateOf(i int) bool {
	w := r.words
	j := i - 1
	for j >= 0 && j >= i-3 && w[j].clause == w[i].clause && predicative[w[j].norm] {
		j--
	}
	if j < 0 || w[j].clause != w[i].clause {
		return false
	}
	if r.isTarget(j) {
		return true
	}
	if j == i-1 {
		return false
	}
	for k := j; k >= 0 && w[k].clause == w[i].clause; k-- {
		if r.isTarget(k) {
			return true
		}
	}
	return false
}

// findTarget says whom the words point at: the nearest target of the
// first hate, threat or insult cue's sentence; a group for hate.
func (r *reading) findTarget() {
	switch {
	case r.hateGroup:
		r.target, r.targetWhy = TargetGroup, "hate at a group"
		return
	case r.hateIndividual:
		r.target, r.targetWhy = TargetIndividual, "hate at one person as a member of a group"
		return
	}
	// The first sentence with a target word, preferring the addressee and
	// persons over institutions, and a role made collective ("anggota
	// dewan … semua", "bubuhan pejabat") an institution.
	w := r.words
	for s := 0; s < len(r.report); s++ {
		person, inst, coll := false, false, false
		var names []string
		for j := range w {
			if w[j].sent != s {
				continue
			}
			if w[j].tags&tCollective != 0 {
				coll = true
			}
			if !r.isTarget(j) {
				continue
			}
			names = append(names, w[j].norm)
			switch {
			case w[j].tags&tInstitution != 0 && w[j].tags&tPerson == 0:
				inst = true
			case w[j].norm == "kalian":
				coll = true // "kerja apa kalian": the agency addressed
			default:
				person = true
			}
		}
		switch {
		case inst && !person, person && coll && !r.sentenceHasSecond(s):
			r.target, r.targetWhy = TargetInstitution, strings.Join(names, " ")
			return
		case person:
			r.target, r.targetWhy = TargetIndividual, strings.Join(names, " ")
			return
		}
	}
}

func (r *reading) sentenceHasSecond(s int) bool {
	for j := range r.words {
		w := &r.words[j]
		if w.sent == s && (w.tags&tSecond != 0 && w.norm != "kalian" || w.user) {
			return true
		}
	}
	return false
}

// mouths are the words for a mouth (normalised, Banjar "muntung" and the
// rude "congor", "bacot").
var mouths = map[string]bool{"mulut": true, "mulutnya": true, "mulutmu": true, "muntung": true, "muntungnya": true, "congor": true, "congornya": true, "bacot": true, "bacotnya": true, "bacotmu": true}

// sewers are what a mouth is compared to when it is insulted.
var sewers = map[string]bool{"comberan": true, "got": true, "selokan": true, "parit": true, "kakus": true, "jamban": true, "wc": true, "septictank": true, "tinja": true, "tai": true, "toilet": true, "sampah": true, "kloset": true}

// mouthCompared returns the index of a sewer word that mouth word i is
// compared to in its sentence ("mulutnya kayak comberan", "lebih kotor
// dari selokan"): within six words, after a comparison or "dari"; -1
// when none.
func (r *reading) mouthCompared(i int) int {
	w := r.words
	cmp := false
	for k := i + 1; k < len(w) && k <= i+6 && w[k].sent == w[i].sent; k++ {
		if comparisons[w[k].norm] || w[k].norm == "dari" || w[k].norm == "daripada" {
			cmp = true
			continue
		}
		if cmp && sewers[w[k].norm] {
			return k
		}
	}
	return -1
}

// inMouths is mouths[s] for the word s whose info is in (mayTrigger's
// sets hold mouths, see buildMay).
func inMouths(in *wordInfo) bool { return in.may.bits&mayMouth != 0 }

// calls hail the addressee before a name ("hei keledai", "woi monyet").
var calls = map[string]bool{"hei": true, "hey": true, "woi": true, "woy": true, "oi": true, "hoi": true, "heh": true, "wahai": true}

// faces are what a comparison likens when it opens the clause: someone's
// face or brain ("muka kayak babi", "otak macam udang").
var faces = map[string]bool{"muka": true, "muha": true, "tampang": true, "wajah": true, "otak": true, "kelakuan": true, "mukanya": true, "tampangnya": true, "otaknya": true, "kelakuannya": true, "mukamu": true, "otakmu": true}

// faceCompared reports a face or brain first in the clause of the
// comparison before word i (not one's own: "muka saya").
func (r *reading) faceCompared(i int) bool {
	w := r.words
	for j := i - 1; j >= 0 && j >= i-3 && w[j].clause == w[i].clause; j-- {
		if faces[w[j].norm] && (j == 0 || w[j-1].clause != w[j].clause) {
			return j+1 >= len(w) || !firstPerson[w[j+1].norm]
		}
	}
	return false
}

// friends are words for a friend that, with the speaker's possessive
// ("kawan ulun", "temanku"), name whom a laughing post teases.
var friends = map[string]bool{"teman": true, "kawan": true, "sahabat": true, "bestie": true, "bestai": true, "sohib": true, "konco": true}

// affection are words of fondness that end a tease ("sayang ai pang",
// "love u").
var affection = map[string]bool{"sayang": true, "love": true, "lope": true, "luv": true, "peluk": true}

// friendTeased reports a laughing post that teases the speaker's friend
// with fondness ("kawan ulun si Aldi ni bungul banar … 🤣 sayang ai
// pang"): banter, when no hate or threat was found. Both a friend of the
// speaker's and a word of fondness are needed: laughter alone at a named
// person can still mock him.
func (r *reading) friendTeased() bool {
	if len(r.hate) > 0 || len(r.threat) > 0 || r.identity {
		return false
	}
	w := r.words
	friend, fond := false, false
	for j := range w {
		if w[j].negated {
			continue
		}
		if friends[w[j].norm] && j+1 < len(w) && firstPerson[w[j+1].norm] || friends[w[j].stem] && strings.HasSuffix(w[j].norm, "ku") {
			friend = true
		}
		if affection[w[j].norm] {
			fond = true
		}
	}
	return friend && fond
}

// curseEnds may close the Banjar curse "muha ikam" ("muha ikam tu pang",
// "muha ikam lah").
var curseEnds = map[string]bool{"itu": true, "lah": true, "pang": true, "ini": true, "nih": true, "tuh": true, "jar": true}

// faceCurse reports the Banjar curse "muha ikam!" ("your face!") at word
// i: "muha" as written (normalised to "muka") before the addressee, the
// words standing alone or closed by a particle, not in banter, a quote
// or a report. "Muha ikam kaya jamban" is read by the comparison rules.
func (r *reading) faceCurse(i int) bool {
	w := r.words
	if w[i].raw != "muha" || i+1 >= len(w) || w[i+1].norm != "kamu" || w[i].clause != w[i+1].clause || w[i].negated || r.mentionedAt(i) || r.banter {
		return false
	}
	k := i + 2
	for k < len(w) && w[k].clause == w[i].clause && curseEnds[w[k].norm] {
		k++
	}
	return k >= len(w) || w[k].clause != w[i].clause
}

// collectives say that a name fits all of a body's members.
var collectives = map[string]bool{"semua": true, "semuanya": true, "sabarataan": true, "sebarataan": true, "seluruhnya": true}

// litter is rubbish before it is an insult ("sampah semua di kantor
// camat belum diangkut").
var litter = map[string]bool{"sampah": true, "tahi": true, "tai": true, "kotoran": true, "limbah": true, "emo_tahi": true}

// collectiveAt reports a name followed by "semua" and, within five words
// in its sentence, the body it is said of ("penipu semua orang di dinas
// perkim", "maling semua yang duduk di kantor kelurahan").
func (r *reading) collectiveAt(h hit) bool {
	w := r.words
	if h.end >= len(w) || !collectives[w[h.end].norm] || litter[w[h.at].norm] {
		return false
	}
	for j := h.end + 1; j < len(w) && j <= h.end+5 && w[j].sent == w[h.at].sent; j++ {
		if w[j].tags&tInstitution != 0 || buildings[w[j].norm] {
			return true
		}
	}
	return false
}

// identityIn reports a group named in sentence s.
func (r *reading) identityIn(s int) bool {
	for _, h := range r.hits {
		if h.p.tags&tIdentity != 0 && r.words[h.at].sent == s {
			return true
		}
	}
	return false
}
