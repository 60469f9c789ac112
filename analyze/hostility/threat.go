package hostility

import (
	"strings"

	"github.com/dengar-id/dengar/analyze/normalize"
)

// Threat reports whether d contains a violent threat or incitement (see
// ThreatCues).
func Threat(d *normalize.Doc) bool { return len(ThreatCues(d)) > 0 }

// ThreatCues returns the phrases that make d a threat or an incitement to
// violence: a verb of harm in the first person or the imperative aimed at
// someone ("kusobek mulutmu", "bakar rumahnya", "bunuh haja sidin"), a
// call that someone be harmed ("harus digantung"), a collective visit to
// someone's home ("tunggu haja di rumah ikam, kami datang"), a weapon
// readied, or a fixed veiled threat ("pulang tinggal nama"). Negated
// words ("saya tidak akan bakar apa-apa"), reported speech and news
// ("polisi tangkap pria yang ancam bunuh …", quotations) and everyday
// uses ("ikan bakar", "bantai lawan di final") are not threats.
func ThreatCues(d *normalize.Doc) []string {
	lx, err := loadLexicon()
	if err != nil {
		return nil
	}
	r := lx.read(d, false, false)
	out := make([]string, len(r.threat))
	for i, c := range r.threat {
		out[i] = c.Words
	}
	return out
}

// violentForm is how a verb of harm is used.
type violentForm uint8

const (
	formBare        violentForm = iota // "bunuh", "bakarlah", "hajar": imperative or plain
	formActive                         // "membakar": the subject acts
	formFirstPerson                    // "kubunuh", "tak injek"
	formPassive                        // "dibunuh": only a threat with "harus", "pantas"…
)

// violentAt reports whether word i is a verb of harm and in which form.
func (r *reading) violentAt(i int) (violentForm, bool) {
	// Several rules ask of every word: the answer is kept in the word
	// (the lexicon's tags, which it reads, are final after lookup).
	w := &r.words[i]
	if w.violent == 0 {
		form, ok := r.readViolent(i)
		w.violent = 1
		if ok {
			w.violent = 2 + uint8(form)
		}
	}
	if w.violent == 1 {
		return 0, false
	}
	return violentForm(w.violent - 2), true
}

// readViolent is violentAt, not kept.
func (r *reading) readViolent(i int) (violentForm, bool) {
	w := &r.words[i]
	if strings.HasPrefix(w.norm, "ke") && strings.HasSuffix(w.norm, "an") && w.stem != w.norm && w.stem != "" {
		return 0, false // "kebakaran": a noun (a fire), no verb of harm
	}
	if w.tags&tViolent != 0 {
		switch {
		case strings.HasPrefix(w.norm, "di") && w.stem != w.norm:
			return formPassive, true
		case strings.HasPrefix(w.norm, "ku") && w.stem != w.norm && !r.lx.violentWord(w.norm):
			return formFirstPerson, true
		case i > 0 && r.words[i-1].raw == "tak":
			return formFirstPerson, true
		case strings.HasPrefix(w.norm, "me") && w.stem != w.norm:
			return formActive, true
		}
		return formBare, true
	}
	// "kusobek", "kupatahkan": the first-person prefix on a verb of harm
	// (the stemmer leaves it); "dihabisi", "dipukulin": a passive the
	// stemmer does not undo.
	if rest, ok := strings.CutPrefix(w.norm, "ku"); ok && len(rest) >= 3 && r.lx.violentRoot(rest) {
		return formFirstPerson, true
	}
	if rest, ok := strings.CutPrefix(w.norm, "di"); ok && len(rest) >= 3 && r.lx.violentRoot(rest) {
		return formPassive, true
	}
	if strings.HasSuffix(w.norm, "akan") && r.lx.violentRoot(w.norm) {
		return formBare, true // Banjar "hancurakan"
	}
	return 0, false
}

// violentRoot reports whether s, or s without a verb suffix ("patahkan",
// "hajarin"), is a verb of harm of the lexicon; the Banjar suffix "-akan"
// is "-kan" ("hancurakan", "bakarakan").
func (lx *lexicon) violentRoot(s string) bool {
	if len(s) >= 6 && s[:2] == s[2:4] && lx.violentRoot(s[2:]) {
		return true // Banjar reduplication: "(ku)tutujah", "(ku)tatikam"
	}
	// (constant suffixes, not a loop over them: compared inline)
	if lx.violentWord(s) {
		return true
	}
	if r, ok := strings.CutSuffix(s, "kan"); ok && lx.violentWord(r) {
		return true
	}
	if r, ok := strings.CutSuffix(s, "in"); ok && lx.violentWord(r) {
		return true
	}
	if r, ok := strings.CutSuffix(s, "i"); ok && lx.violentWord(r) {
		return true
	}
	if r, ok := strings.CutSuffix(s, "lah"); ok && lx.violentWord(r) {
		return true
	}
	if r, ok := strings.CutSuffix(s, "akan"); ok && len(r) >= 3 {
		return lx.violentWord(r) || lx.violentWord(r+"kan")
	}
	return false
}

// violentWord reports whether s is a verb of harm of the lexicon.
func (lx *lexicon) violentWord(s string) bool {
	return lx.mayOf(s).bits&mayViolent != 0 // (see buildMay)
}

// deontic words before a passive verb of harm make it a call for harm.
var deontic = map[string]bool{"harus": true, "pantas": true, "pantes": true, "layak": true, "wajib": true, "perlu": true, "sebaiknya": true, "bihalal": true, "mesti": true, "mending": true, "pantasnya": true, "harusnya": true, "seharusnya": true, "sepantasnya": true, "layaknya": true}

// firstPerson are the pronouns of the speaker (after the slang lexicon:
// "gue", "ulun" → "saya").
var firstPerson = map[string]bool{"saya": true, "aku": true, "kami": true, "kita": true}

// aimWords are what a verb of harm can be aimed at.
const aimWords = tObject | tSecond | tBody | tPerson | tInstitution | tIdentity | tGroup

func (r *reading) aimedAt(i int) bool {
	w := &r.words[i]
	if w.norm == "saja" || r.leading(i) {
		return false
	}
	if honorifics[w.norm] && (i+1 >= len(r.words) || r.words[i+1].clause != w.clause || r.words[i+1].tags&aimWords == 0 && !r.words[i+1].user) {
		return false // a vocative ("tembak langsung aja, bang"), not an object
	}
	return w.tags&aimWords != 0 || w.user || hasSecondSuffix(w)
}

// honorifics address someone; alone after a verb they are vocatives.
var honorifics = map[string]bool{"pak": true, "bu": true, "bang": true, "mas": true, "mbak": true, "kak": true, "bro": true, "sis": true, "om": true, "bos": true, "gan": true, "min": true, "bapak": true, "ibu": true}

// threats runs the threat rules.
func (r *reading) threats() {
	w := r.words
	sport := map[int]bool{}
	peace := false
	for _, h := range r.hits {
		if h.p.tags&tSport != 0 {
			sport[w[h.at].sent] = true
		}
		if h.p.tags&tPeace != 0 && !w[h.at].negated && !r.placeName(h.at) {
			peace = true
		}
	}
	for i := range w {
		form, ok := r.violentAt(i)
		if !ok || r.mentionedAt(i) || sport[w[i].sent] || r.harmlessNear(i) {
			continue
		}
		if w[i].negated && !(form == formFirstPerson && i > 0 && w[i-1].raw == "tak") {
			continue
		}
		inherent := w[i].tags&tInherent != 0
		var rule string
		switch {
		case form == formPassive:
			if w[i].tags&tMild != 0 || r.lx.mildRoot(w[i].norm) {
				break // "perlu dipacahakan teka-tekinya": Banjar "solved"
			}
			if r.before(i, 2, func(x *word) bool { return deontic[x.norm] }) || r.warningOf(i) || r.foretold(i) {
				rule = "threat_call"
			}
		case inherent:
			rule = "threat_inherent"
		case form == formFirstPerson && (r.aimNear(i) || r.possessedAfter(i) || r.secondThingBefore(i)):
			rule = "threat_first_person"
		case r.before(i, 3, func(x *word) bool { return firstPerson[x.norm] }) && (r.aimNear(i) || r.possessedAfter(i)):
			rule = "threat_first_person"
		case r.before(i, 3, func(x *word) bool { return x.tags&tIntent != 0 }) && r.aimAfter(i, 3):
			rule = "threat_incitement"
		case form == formBare && w[i].tags&tMild == 0 && r.aimAfter(i, 2) && !r.callReported(i):
			rule = "threat_imperative"
		case w[i].tags&tMild == 0 && (form == formFirstPerson || r.before(i, 2, func(x *word) bool { return firstPerson[x.norm] })) && w[i].stem != "bakar" && (r.clauseEndsAt(i) || i+1 < len(w) && ifWords[w[i+1].norm]) && r.ifClauseIn(w[i].sent):
			// "kami tabas lamun kada bapindah": the speaker's harm on a
			// condition, its object the one the condition is set to
			rule = "threat_first_person"
		case w[i].tags&tMild == 0 && r.before(i, 2, func(x *word) bool { return firstPerson[x.norm] }) && r.clauseEndsAt(i) && r.namesSomeone(w[i].sent):
			// "Admin akun ini gue cari sampai dapat, gue hajar": the
			// object named earlier in the sentence
			rule = "threat_first_person"
		}
		if rule != "" {
			r.addThreat(i, Cue{rule, r.text(i, min(len(w), i+2))})
		}
	}
	for _, h := range r.hits {
		i := h.at
		if r.mentionedAt(i) || w[i].negated {
			continue
		}
		switch {
		case h.p.tags&tVeiled != 0 && r.playful && banterCurse[h.p.words[0]] && !r.anyViolent():
			// "mampus kau wkwk kalah taruhan": a laughing curse at a friend
		case h.p.tags&tVeiled != 0 && (!blameDisclaimer(h.p) || r.bloodAfter(h.end) || r.deadline() || r.meetIn(w[i].sent)) && r.safetyOf(h):
			r.addThreat(i, Cue{"threat_veiled", r.text(h.at, h.end)})
		case h.p.tags&tWarn != 0 && r.warnedAt(h):
			r.addThreat(i, Cue{"threat_veiled", r.text(max(0, i-1), h.end)})
		case h.p.tags&tWeapon != 0 && r.weaponStereotype(i):
			// "orang Madura … mereka bawa celurit ke mana-mana": a
			// stereotype of a group, not a threat (the group hate rules
			// read the rest)
		case h.p.tags&tWeapon != 0 && (r.before(i, 2, func(x *word) bool { return weaponVerbs[x.stem] || weaponVerbs[x.norm] }) ||
			r.before(i, 6, func(x *word) bool { return firstPerson[x.norm] }) || r.readiedAfter(i)):
			r.addThreat(i, Cue{"threat_weapon", r.text(max(0, i-1), h.end)})
		case h.p.tags&tVisit != 0 && i+1 < len(w) && errandObjects[w[i+1].norm]:
			// "kami cari tempat lain", "kita cari solusi": an errand
		case h.p.tags&tVisit != 0 && (r.anyOf(anyGatherings) || r.kinHome()):
			// "kami datangi rumah nenek rame-rame pas lebaran": a visit of
			// kin or a feast (round 8)
		case h.p.tags&tVisit != 0 && !peace && !r.harmlessNear(i) && r.collectiveNear(i) && r.homeOrTarget():
			r.addThreat(i, Cue{"threat_visit", r.text(max(0, i-1), h.end)})
		case h.p.tags&tVisit != 0 && !peace && !r.harmlessNear(i) && r.selfVisit(i) && r.menace():
			r.addThreat(i, Cue{"threat_visit", r.text(max(0, i-1), min(len(w), h.end+1))})
		case h.p.tags&tMeet != 0 && r.before(i, 3, func(x *word) bool { return conditionals[x.norm] }) && (r.violentAfter(i) || r.firstPersonViolentBefore(i)):
			r.addThreat(i, Cue{"threat_conditional", r.text(max(0, i-1), h.end)})
		}
	}
	r.veiledShapes()
	r.extortion()
	r.noSafeReturn()
	r.harmOutcomes()
	r.bloodshed()
	r.corpseWarnings()
	r.familyWarnings()
	r.ultimatums()
	r.menaces()
	if !peace {
		r.doerThreats(sport)
		r.lessons(sport)
	}
}

// medical are the words of an illness or an injury told as such ("kamu
// tidak bisa jalan lagi kalau lututnya tidak dioperasi").
var medical = map[string]bool{"dokter": true, "operasi": true, "dioperasi": true, "sakit": true, "stroke": true, "lumpuh": true, "cedera": true, "terapi": true, "rumah sakit": true, "sembuh": true}

// banterCurse start the veiled threats that, in a laughing post with no
// verb of harm, are a friend's taunt ("mampus lu wkwk", "habis kau 🤣").
var banterCurse = map[string]bool{"mampus": true, "habis": true, "mati": true}

// anyViolent reports a verb of harm in the post.
func (r *reading) anyViolent() bool {
	for i := range r.words {
		if _, ok := r.violentAt(i); ok {
			return true
		}
	}
	return false
}

// harmOutcomes are the results of harm that make a first-person verb a
// threat without a named object ("kami pukuli sampai babak belur",
// "kubikin masuk rumah sakit") and, after "siap-siap", a warning of
// destruction ("siap-siap TPS rata dengan tanah"): word sequences after
// normalisation.
var harmOutcomes = [][]string{
	{"babak", "belur"}, {"rumah", "sakit"}, {"patah", "tulang"}, {"bonyok"}, {"mampus"},
	{"rata", "dengan", "tanah"}, {"menyesal"}, {"nyesal"}, {"nyesel"}, {"dengan", "tanah"}, {"ugd"}, {"icu"}, {"ambulans"}, {"ambulan"}, {"rontok"}, {"kursi", "roda"}, {"jadi", "abu"}, {"jadi", "arang"}, {"hangus"}, {"tinggal", "nama"},
}

// conditionalIn reports "kalau", "jika", "kalo" or "bila" in sentence s:
// "kalau gereja itu tetap dibangun, akan kami robohkan sendiri" threatens,
// "gedung lama itu akan kami robohkan sendiri, sudah lapuk" does not.
func (r *reading) conditionalIn(s int) bool {
	for j := range r.words {
		if r.words[j].sent == s && conditionals[r.words[j].norm] && r.words[j].norm != "sampai" && r.words[j].norm != "kapan" {
			return true
		}
	}
	return false
}

// outcomeMakers are the words with which harmOutcomes may find a threat
// that no lexicon word starts ("kubikin", "siap-siap").
var outcomeMakers = map[string]bool{"kubikin": true, "kubuat": true, "siap-siap": true}

// outcomeOnly are outcomes of harm that the rules must read even when no
// other word of the post can make it hostile ("gue bikin lu pulang pake
// ambulans", "kantor KPU kami ratakan dengan tanah").
var outcomeOnly = map[string]bool{"ambulans": true, "ambulan": true, "rontok": true, "ugd": true, "icu": true, "ratakan": true, "kuratakan": true}

// destruction marks the outcomes that are harm to buildings (a warning
// with "siap-siap" needs one of them, not a hospital).
var destruction = map[string]bool{"rata": true, "abu": true, "arang": true, "hangus": true}

// outcomeAt reports a harm outcome starting at word k, and whether it is
// destruction.
func (r *reading) outcomeAt(k int) (n int, destroys bool) {
	w := r.words
	for _, o := range harmOutcomes {
		if k+len(o) > len(w) {
			continue
		}
		ok := true
		for j, s := range o {
			if w[k+j].norm != s {
				ok = false
				break
			}
		}
		if ok {
			return len(o), destroys || destruction[o[len(o)-1]] || destruction[o[0]]
		}
	}
	return 0, false
}

// harmOutcomes finds threats named by their outcome: a verb of harm or of
// making ("bikin", "buat") in the first person ("kubikin", "kami pukuli")
// followed within four words of its clause by an outcome of harm, and
// "siap-siap" with destruction later in the sentence. Reports, negation
// and quotation cancel them.
func (r *reading) harmOutcomes() {
	w := r.words
	for i := range w {
		if r.mentionedAt(i) || w[i].negated {
			continue
		}
		first := false
		if rest, ok := strings.CutPrefix(w[i].norm, "ku"); ok && (rest == "bikin" || rest == "buat" || rest == "ratakan") {
			first = true
		} else if w[i].norm == "ratakan" && r.before(i, 2, func(x *word) bool { return firstPerson[x.norm] }) {
			// "kantor KPU kami ratakan dengan tanah"
			first = true
		} else if form, ok := r.violentAt(i); ok && (form == formFirstPerson || r.before(i, 2, func(x *word) bool { return firstPerson[x.norm] })) {
			first = true
		} else if (w[i].norm == "bikin" || w[i].norm == "buat") && r.before(i, 1, func(x *word) bool { return firstPerson[x.norm] }) {
			first = true
		}
		if first && (w[i].norm == "ratakan" || w[i].norm == "kuratakan") && r.conditionalIn(w[i].sent) && r.before(i, 4, func(x *word) bool { return x.tags&(tInstitution|tObject) != 0 }) {
			r.addThreat(i, Cue{"threat_first_person", r.text(max(0, i-1), i+1)}) // "kantor DPRD kita ratakan kalau …"
			return
		}
		if first && i+1 < len(w) && w[i+1].norm == "sendiri" && w[i].tags&tViolent != 0 && r.conditionalIn(w[i].sent) {
			r.addThreat(i, Cue{"threat_first_person", r.text(i, i+2)}) // "akan kami robohkan sendiri"
			return
		}
		if first {
			for k := i + 1; k < len(w) && k <= i+5 && w[k].clause == w[i].clause; k++ {
				if n, _ := r.outcomeAt(k); n > 0 {
					r.addThreat(i, Cue{"threat_first_person", r.text(i, k+n)})
					return
				}
			}
		}
		if w[i].norm == "siap-siap" || w[i].norm == "siap" && i+1 < len(w) && w[i+1].norm == "siap" {
			doer := r.doerClauseBefore(i)
			for k := i + 1; k < len(w) && w[k].sent == w[i].sent; k++ {
				if n, d := r.outcomeAt(k); n > 0 && (d || doer) {
					r.addThreat(i, Cue{"threat_veiled", r.text(i, k+n)})
					return
				}
			}
		}
	}
}

// noSafeReturn finds "jangan harap (bisa) pulang selamat": "jangan harap"
// with "selamat" or "utuh" within four words, outside a report ("jangan
// harap bisa pulang cepat" is a traffic complaint).
func (r *reading) noSafeReturn() {
	w := r.words
	for k := 0; k+1 < len(w); k++ {
		// "gue jamin lu gak bisa jalan lagi kalo masih ganggu adek gue":
		// the addressee will not walk again, on the author's word or a
		// condition
		if w[k].stem != "jalan" || w[k+1].norm != "lagi" || !w[k].negated || r.mentionedAt(k) || r.anyOf(anyMedical) {
			continue
		}
		if r.before(k, 4, func(x *word) bool { return x.tags&tSecond != 0 }) && (r.conditionalIn(w[k].sent) || r.anyOf(anyFirstPerson)) {
			r.addThreat(k, Cue{"threat_veiled", r.text(max(0, k-3), k+2)})
			return
		}
	}
	for i := 0; i+1 < len(w); i++ {
		if w[i].norm != "jangan" || w[i+1].norm != "harap" && w[i+1].norm != "berharap" || r.mentionedAt(i) {
			continue
		}
		for k := i + 2; k < len(w) && k <= i+5 && w[k].clause == w[i].clause; k++ {
			if w[k].norm == "selamat" || w[k].norm == "utuh" || w[k].stem == "jalan" && k+1 < len(w) && w[k+1].norm == "lagi" {
				// "jangan harap kawa bajalan lagi": you will not walk again
				r.addThreat(i, Cue{"threat_veiled", r.text(i, k+1)})
				return
			}
		}
	}
}

// extortion finds a demand for money with harm to the addressee's
// property if it is not paid ("setor uang keamanan, kalau gak mau ruko
// bapak bisa kebakar"): a payment word, a negated condition and a harm
// to property, in sentences that do not report it.
// extortionGate filters the words and stems of extortion's sets (a verb
// of harm counts only after a condition).
var extortionGate = filterOf(nil, payWords, conditionals, propertyHarm)

func (r *reading) extortion() {
	w := r.words
	pay, cond, harm := -1, -1, -1
	for i := range w {
		if r.mentionedAt(i) {
			continue
		}
		n := w[i].norm
		if cond < 0 && !extortionGate.mayHave(n) && !extortionGate.mayHave(w[i].stem) {
			continue // gate: no case below can hold
		}
		switch {
		case payWords[n] || payWords[w[i].stem]:
			pay = i
		case conditionals[n] && i+1 < len(w) && (w[i+1].norm == "tidak" || w[i+1].norm == "enggak" || w[i+1].norm == "kada" || w[i+1].negated):
			cond = i
		case propertyHarm[n] || propertyHarm[w[i].stem] && w[i].stem != n || cond >= 0 && r.lx.violentWord(n):
			harm = i
		}
	}
	if pay >= 0 && cond >= 0 && harm > cond && r.propertyBefore(harm) {
		r.addThreat(harm, Cue{"threat_extortion", r.text(pay, pay+1) + " … " + r.text(cond, cond+2) + " … " + r.text(harm, harm+1)})
	}
}

// propertyBefore reports a shop, a house or a car named before the harm
// at word i ("ruko bapak bisa kebakar", "toko kamu aman kalau bayar …
// kebakaran"), not the rubbish of a fee reminder ("sampah dibakar").
func (r *reading) propertyBefore(i int) bool {
	for k := i - 1; k >= 0; k-- {
		if properties[r.words[k].norm] || properties[r.words[k].stem] {
			return true
		}
	}
	return false
}

// blameDisclaimer reports a "jangan salahkan … kalau" or "kami tidak
// (ber)tanggung jawab" phrase: a threat only with bloodshed or violence
// after it or after an ultimatum's deadline ("… kalau ada yang berdarah"),
// not "jangan salahkan kami kalau nilai turun".
func blameDisclaimer(p *phrase) bool {
	return len(p.words) > 1 && (p.words[0] == "jangan" && p.words[1] == "salahkan" || p.words[len(p.words)-1] == "jawab")
}

// bloodAfter reports a word of bloodshed, violence or harm after word i.
func (r *reading) bloodAfter(i int) bool {
	for k := i; k < len(r.words); k++ {
		n := r.words[k]
		if bloodWords[n.norm] || bloodWords[n.stem] || r.lx.violentRoot(n.stem) || propertyHarm[n.norm] {
			return true
		}
		if _, destroys := r.outcomeAt(k); destroys {
			return true // "… kalau besok kantor dinas itu jadi abu"
		}
	}
	return false
}

var (
	properties = map[string]bool{"etalase": true, "pagar": true, "kendaraan": true, "gerobak": true, "toko": true, "ruko": true, "warung": true, "rumah": true, "mobil": true, "motor": true, "usaha": true, "lapak": true, "kios": true, "gudang": true, "tokomu": true, "warungmu": true, "rumahmu": true}
	bloodWords = map[string]bool{"berdarah": true, "darah": true, "celaka": true, "ricuh": true, "bentrok": true, "korban": true, "anarkis": true, "chaos": true, "mati": true, "luka": true, "apa-apa": true, "hancur": true, "roboh": true}
)

// payWords demand money; propertyHarm befalls a shop or a house.
var (
	payWords     = map[string]bool{"bayar": true, "setor": true, "setoran": true, "keamanan": true, "upeti": true, "jatah": true}
	propertyHarm = map[string]bool{"kebakaran": true, "kebakar": true, "terbakar": true, "dibakar": true, "hangus": true, "dirobohkan": true, "dihancurkan": true, "diobrak-abrik": true}
)

func (r *reading) addThreat(i int, c Cue) {
	r.threat = append(r.threat, c)
	r.threatSents = append(r.threatSents, r.words[i].sent)
}

// warningOf reports a warning of harm to someone's person or things
// before the passive verb of harm i ("bisa-bisa mobilnya dilempar batu",
// "awas kamu dipukul"), not of an accident ("bisa-bisa ditabrak truk").
func (r *reading) warningOf(i int) bool {
	if i < 2 || r.words[i-1].clause != r.words[i].clause {
		return false
	}
	x := &r.words[i-1]
	if !(x.tags&(tSecond|tPerson) != 0 || hasSecondSuffix(x) || strings.HasSuffix(x.norm, "nya") && x.stem != x.norm && x.tags&tHarmless == 0) {
		return false
	}
	return r.before(i-1, 2, func(y *word) bool { return y.norm == "bisa-bisa" || y.norm == "awas" })
}

// possessedAfter reports a thing of someone's right after the verb of
// harm i ("kita hancurkan kacanya", "kubakar motornya") in a sentence that
// names whose, not an everyday object ("kita bakar sampahnya",
// "tumpengnya").
func (r *reading) possessedAfter(i int) bool {
	if i+1 >= len(r.words) {
		return false
	}
	x := &r.words[i+1]
	return x.clause == r.words[i].clause && len(x.norm) > 5 && strings.HasSuffix(x.norm, "nya") && x.stem != x.norm && !r.lx.harmless(x.stem) && r.namesSomeone(x.sent)
}

// harmless reports an everyday object of a verb of harm ("tumpeng" of
// "tumpengnya").
func (lx *lexicon) harmless(w string) bool {
	for _, p := range lx.phrases(w) {
		if len(p.words) == 1 && p.tags&tHarmless != 0 {
			return true
		}
	}
	return false
}

// namesSomeone reports a person, an institution (a place of one too:
// "ke kantor camat"), the addressee or an identity named in sentence s.
func (r *reading) namesSomeone(s int) bool {
	for j := range r.words {
		w := &r.words[j]
		if w.sent == s && (w.tags&(tPerson|tInstitution|tSecond|tIdentity) != 0 || w.user) {
			return true
		}
	}
	return false
}

// warnedAt reports whether warning hit h ("tidak akan tenang") is said
// of the addressee or a thing of theirs ("keluargamu tidak akan tenang",
// "hidup kamu tidak bakal aman"), not of anyone ("warga tidak akan tenang
// kalau banjir terus").
func (r *reading) warnedAt(h hit) bool {
	w := r.words
	j := h.at - 1
	if j >= 1 && w[j].tags&tSecond != 0 && w[j].norm != "kalian" && w[j-1].clause == w[j].clause {
		j-- // "keluarga kamu"
	}
	if j < 0 || w[j].clause != w[h.at].clause || r.leading(j) {
		return false
	}
	return hasSecondSuffix(&w[j]) || w[j].tags&tSecond != 0 && w[j].norm != "kalian"
}

// weaponVerbs ready a weapon ("siapkan parang", "pakai parang").
var weaponVerbs = map[string]bool{"siapkan": true, "siap": true, "siapin": true, "bawa": true, "pakai": true, "dengan": true, "sambut": true, "asah": true, "hunus": true, "keluarkan": true, "acungkan": true}

// weaponStereotype reports a weapon said to be carried by a third party
// in a post that names an identity and no first person: "mereka" or the
// identity within three words before it ("mereka bawa celurit ke
// mana-mana").
func (r *reading) weaponStereotype(i int) bool {
	w := r.words
	third := r.before(i, 3, func(x *word) bool { return x.norm == "mereka" || x.tags&tIdentity != 0 })
	// "Suku itu bikin ribut terus, ke mana-mana bawa celurit, kampung
	// kami tidak mau mereka": the group named earlier in the sentence
	// carries it, and the first person comes only after (excluding them)
	early := false
	for j := i - 1; j >= 0 && w[j].sent == w[i].sent; j-- {
		if w[j].tags&tIdentity != 0 {
			early = true
		}
	}
	if !third && !early {
		return false
	}
	for j := range w {
		if firstPerson[w[j].norm] && (third || j < i) || w[j].tags&tSecond != 0 {
			return false
		}
	}
	for _, h := range r.hits {
		if h.p.tags&tIdentity != 0 {
			return true
		}
	}
	return false
}

// conditionals open a "kalau ketemu …" threat (Banjar "mun" → "kalau").
var conditionals = map[string]bool{"kalau": true, "jika": true, "kalo": true, "bila": true, "kapan": true, "sampai": true}

// before reports whether one of the n words before i in its clause
// satisfies f.
func (r *reading) before(i, n int, f func(*word) bool) bool {
	for j := i - 1; j >= 0 && j >= i-n; j-- {
		if r.words[j].clause != r.words[i].clause {
			return false
		}
		if f(&r.words[j]) {
			return true
		}
	}
	return false
}

// aimAfter reports whether one of the n words after i (skipping the
// particles "saja", "lah") is something a verb of harm can be aimed at;
// "saja" ending the clause ("bakar aja!") counts as aimed.
func (r *reading) aimAfter(i, n int) bool {
	for j, k := i+1, 0; j < len(r.words) && k < n; j++ {
		x := &r.words[j]
		if x.clause != r.words[i].clause {
			return false
		}
		if x.norm == "saja" || x.norm == "lah" {
			if j+1 == len(r.words) || r.words[j+1].clause != x.clause {
				return x.norm == "saja"
			}
			continue
		}
		if r.aimedAt(j) {
			return true
		}
		k++
	}
	return false
}

// aimNear reports an aim within four words of i in its clause, before
// ("ikam kutabak") or after ("kusobek mulutmu"); before the verb, an
// adverb that only completes an aim after it ("besok kita serbu …") does
// not count.
func (r *reading) aimNear(i int) bool {
	for j := max(0, i-4); j < len(r.words) && j <= i+4; j++ {
		if j != i && r.words[j].clause == r.words[i].clause && r.aimedAt(j) && (j > i || r.words[j].tags&(aimWords&^tObject) != 0 || r.words[j].user || hasSecondSuffix(&r.words[j])) {
			return true
		}
	}
	return false
}

// harmlessNear reports an everyday context within two words of i in its
// clause ("ikan bakar", "bakar sampah", "tembak langsung ke gawang").
func (r *reading) harmlessNear(i int) bool {
	for j := max(0, i-2); j < len(r.words) && j <= i+3; j++ {
		if r.words[j].norm == "tim" && j+1 < len(r.words) && campaignTeam[r.words[j+1].norm] {
			continue // "posko tim sukses": a campaign team, not a sports side
		}
		if j != i && r.words[j].clause == r.words[i].clause && r.words[j].norm != "dengan" && (r.words[j].tags&tHarmless != 0 || r.lx.harmless(r.words[j].stem)) {
			return true // not Banjar "lawan" (with), matched as written
		}
	}
	return false
}

// campaignTeam after "tim" make it a campaign's team.
var campaignTeam = map[string]bool{"sukses": true, "pemenangan": true, "kampanye": true}

// collectiveNear reports the speaker as a crowd near a verb of visiting
// ("kami datang", "kita geruduk", "rame-rame").
func (r *reading) collectiveNear(i int) bool {
	for j := max(0, i-4); j < len(r.words) && j <= i+1; j++ {
		n := r.words[j].norm
		if r.words[j].sent == r.words[i].sent && (n == "kami" || n == "kita" || n == "rame-rame" || n == "ramai-ramai" || n == "beramai-ramai" || n == "bareng-bareng") {
			return true
		}
	}
	return false
}

// selfVisit reports the speaker going to the addressee ("kudatangi
// rumahmu", "aku cari kamu").
func (r *reading) selfVisit(i int) bool {
	w := r.words
	if !strings.HasPrefix(w[i].norm, "ku") && !r.before(i, 3, func(x *word) bool { return firstPerson[x.norm] }) {
		return false
	}
	for j := i + 1; j < len(w) && j <= i+3 && w[j].clause == w[i].clause; j++ {
		if hasSecondSuffix(&w[j]) || w[j].tags&tSecond != 0 {
			return true
		}
	}
	return false
}

// menaces are the words that make a visit a threat ("siap-siap aja",
// "awas", "jangan macam-macam").
var menaces = map[string]bool{"siap-siap": true, "awas": true, "macam-macam": true, "tunggu": true}

func (r *reading) menace() bool {
	for j := range r.words {
		if menaces[r.words[j].norm] {
			return true
		}
	}
	return false
}

// homeOrTarget reports that a visit has someone's home or a target.
func (r *reading) homeOrTarget() bool {
	for j := range r.words {
		w := &r.words[j]
		if strings.HasPrefix(w.norm, "rumah") && !(j+1 < len(r.words) && (r.words[j+1].norm == "makan" || r.words[j+1].norm == "sakit")) || w.norm == "alamat" || (r.isTarget(j) && w.norm != "kita" && w.norm != "kami") {
			return true
		}
	}
	return false
}

// violentAfter reports a verb of harm (not negated) after word i.
func (r *reading) violentAfter(i int) bool {
	for j := i + 1; j < len(r.words); j++ {
		if _, ok := r.violentAt(j); ok && !r.words[j].negated && !r.harmlessNear(j) && (r.words[j].tags&tMild == 0 || r.aimAfter(j, 2)) {
			return true
		}
	}
	return false
}

// firstPersonViolentBefore reports a verb of harm in the first person
// earlier in the sentence of meeting word i ("saya tampol juga nih kalau
// ketemu").
func (r *reading) firstPersonViolentBefore(i int) bool {
	for j := i - 1; j >= 0 && r.words[j].sent == r.words[i].sent; j-- {
		form, ok := r.violentAt(j)
		if ok && !r.words[j].negated && !r.harmlessNear(j) && (form == formFirstPerson || r.before(j, 2, func(x *word) bool { return firstPerson[x.norm] })) {
			return true
		}
	}
	return false
}

// trimWord drops the punctuation a word may carry at either end.
func trimWord(s string) string {
	if len(s) == 0 || !trimBytes[s[0]] && !trimBytes[s[len(s)-1]] {
		return s // most words (inlined: the rules trim every word)
	}
	return trimEnds(s)
}

// trimBytes marks the bytes of isTrimByte.
var trimBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = isTrimByte(byte(c))
	}
	return t
}()

func trimEnds(s string) string {
	for len(s) > 0 && isTrimByte(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isTrimByte(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isTrimByte(c byte) bool {
	switch c {
	case '.', ',', '!', '?', ';', ':', '"', '\'', '(', ')', '[', ']', '*', '#':
		return true
	}
	return false
}

// bloodSpill are the words that spill blood with "darah" within two words
// ("darah akan tumpah", "lautan darah", "banjir darah").
var bloodSpill = map[string]bool{"tumpah": true, "tumpahkan": true, "menumpahkan": true, "ditumpahkan": true, "tertumpah": true, "lautan": true, "banjir": true, "mandi": true, "bersimbah": true, "sungai": true, "genangan": true}

// hazards are accidents and disasters: blood spilt in them threatens no
// one ("darah tumpah di Jalan Pahlawan, kecelakaan motor").
var hazards = map[string]bool{"kecelakaan": true, "tabrakan": true, "ditabrak": true, "menabrak": true, "tertabrak": true, "laka": true, "jatuh": true, "terjatuh": true, "longsor": true, "operasi": true, "melahirkan": true, "donor": true, "pendarahan": true, "luka": true, "neraka": true, "akhirat": true, "azab": true, "kiamat": true}

// bloodshed finds blood spilt on a condition: "kalau Satpol PP berani
// menggusur lagi, darah akan tumpah di Pasar Pagi", "kampung ini jadi
// lautan darah kalau …", "kami tidak segan menumpahkan darah". The
// sentence must hold a condition, a future or the speaker; reports, an
// accident, a wish that it not happen ("jangan sampai ada pertumpahan
// darah") and the homeland ("tanah tumpah darah") are not threats.
func (r *reading) bloodshed() {
	w := r.words
	for _, h := range r.hits {
		if h.p.tags&tBlood == 0 {
			continue
		}
		i := h.at
		if r.mentionedAt(i) || r.negatedAt(i) {
			continue
		}
		spilt := len(h.p.words) > 1 || w[i].norm == "berdarah-darah" || w[i].norm == "pertumpahan" || w[i].norm == "badarah"
		for j := max(0, i-2); j < len(w) && j <= i+2 && !spilt; j++ {
			if j != i && w[j].sent == w[i].sent && (bloodSpill[w[j].norm] || bloodSpill[w[j].stem] && w[j].stem != "") {
				spilt = true
			}
			if j < i && w[j].norm == "merah" && j+1 < len(w) && (w[j+1].norm == "oleh" || w[j+1].norm == "karena") {
				spilt = true // "air sungai bakal merah oleh darah"
			}
		}
		if !spilt || r.homeland(i) || r.hazardIn(w[i].sent) || r.before(i, 4, func(x *word) bool { return x.norm == "sampai" || x.norm == "semoga" }) {
			continue
		}
		if r.conditionalIn(w[i].sent) || r.onceMore(w[i].sent) || r.before(i, 3, func(x *word) bool {
			return firstPerson[x.norm] || x.norm == "akan" || x.norm == "bakal" || x.norm == "segan" || x.norm == "siap"
		}) {
			r.addThreat(i, Cue{"threat_bloodshed", r.text(max(0, i-2), min(len(w), i+2))})
			return
		}
	}
}

// homeland reports "tanah tumpah darah" around word i.
func (r *reading) homeland(i int) bool {
	return r.before(i, 3, func(x *word) bool { return x.norm == "tanah" || x.norm == "air" })
}

// hazardIn reports an accident or a medical matter in sentence s.
func (r *reading) hazardIn(s int) bool {
	for j := range r.words {
		if r.words[j].sent == s && (hazards[r.words[j].norm] || hazards[r.words[j].stem]) {
			return true
		}
	}
	return false
}

// onceMore reports "sekali lagi" or "berani" in sentence s: "sekali lagi
// kampung kami digusur, …", "kalau berani …".
func (r *reading) onceMore(s int) bool {
	w := r.words
	for j := range w {
		if w[j].sent != s {
			continue
		}
		if w[j].norm == "berani" || w[j].norm == "sekali" && j+1 < len(w) && w[j+1].norm == "lagi" {
			return true
		}
	}
	return false
}

// silencers demand that someone stop talking, writing or acting.
var silencers = map[string]bool{"diam": true, "tutup": true, "berhenti": true, "hapus": true, "stop": true, "mingkem": true}

// corpseWarnings find a corpse or a death foretold after a demand or a
// condition, in a post that names someone: "wartawan itu sebaiknya
// diam, kalau tidak besok ditemukan mengapung di Sungai Mahakam",
// "jangan banyak nulis, nanti mayatnya hanyut". A news report of a body
// found ("mayat pria ditemukan mengapung, polisi menyelidiki") has no
// demand and a reporting frame.
func (r *reading) corpseWarnings() {
	w := r.words
	at := make([]int, 0, 2)
	for _, h := range r.hits {
		if h.p.tags&tCorpse != 0 {
			at = append(at, h.at)
		}
	}
	for i := range w {
		if r.floatingAt(i) {
			at = append(at, i)
		}
	}
	for _, i := range at {
		if r.mentionedAt(i) || r.negatedAt(i) || r.anyReport() {
			continue
		}
		demand := false
		for j := range w {
			if w[j].sent > w[i].sent {
				break
			}
			n := w[j].norm
			if silencers[n] || n == "jangan" && j+1 < len(w) && w[j+1].norm == "banyak" || j < i && w[j].sent == w[i].sent && (conditionals[n] && n != "sampai" || n == "atau") {
				demand = true
			}
		}
		if demand && r.namesTarget() {
			r.addThreat(i, Cue{"threat_veiled", r.text(max(0, i-2), min(len(w), i+2))})
			return
		}
	}
}

// floating are the words of a body in the water; waters where it floats.
var (
	floating = map[string]bool{"mengapung": true, "terapung": true, "mengambang": true, "terambang": true}
	waters   = map[string]bool{"sungai": true, "mahakam": true, "karang": true, "parit": true, "laut": true, "waduk": true, "danau": true, "kali": true, "got": true, "rawa": true}
)

// floatingAt reports a body floating in a water at word i ("besok
// terapung di Mahakam"), not a floating market ("pasar terapung").
func (r *reading) floatingAt(i int) bool {
	w := r.words
	if !floating[w[i].norm] || i > 0 && w[i-1].norm == "pasar" {
		return false
	}
	for k := i + 1; k < len(w) && k <= i+3 && w[k].clause == w[i].clause; k++ {
		if waters[w[k].norm] {
			return true
		}
	}
	return false
}

// anyReport reports a sentence that reports or quotes.
func (r *reading) anyReport() bool {
	for _, b := range r.report {
		if b {
			return true
		}
	}
	return false
}

// namesTarget reports a person, an institution or the addressee named
// anywhere in the post.
func (r *reading) namesTarget() bool {
	for j := range r.words {
		if r.isTarget(j) || hasSecondSuffix(&r.words[j]) {
			return true
		}
	}
	return false
}

// family are the words for someone's family ("anak bapak", "anakmu").
var family = map[string]bool{"anak": true, "anakmu": true, "anaknya": true, "anak-anak": true, "istri": true, "istrimu": true, "istrinya": true, "keluarga": true, "keluargamu": true, "keluarganya": true, "cucu": true, "cucumu": true, "suami": true, "bini": true}

// familyWarnings find "the world is small" said to someone whose family
// the post names: "hati-hati jemput anak pulang sekolah, Pak Camat. Dunia
// ini sempit". Meeting a friend far away ("dunia ini sempit ya") names
// no family and no one to warn.
func (r *reading) familyWarnings() {
	for _, h := range r.hits {
		if h.p.tags&tSmallWorld == 0 || r.mentionedAt(h.at) || r.words[h.at].negated {
			continue
		}
		fam := false
		for j := range r.words {
			if family[r.words[j].norm] || family[r.words[j].raw] {
				fam = true
			}
		}
		if fam && r.namesTarget() && !r.anyOf(anyFriendly) && !r.anyOf(anyPraise) {
			r.addThreat(h.at, Cue{"threat_veiled", r.text(h.at, h.end)})
			return
		}
	}
}

// lawful are the words of a peaceful or lawful way of acting ("kami akan
// bertindak lewat jalur hukum", "aksi damai", "gotong royong").
var lawful = map[string]bool{"hukum": true, "damai": true, "lapor": true, "melapor": true, "somasi": true, "gugat": true, "menggugat": true, "gugatan": true, "prosedur": true, "aturan": true, "jalur": true, "gotong": true, "bakti": true, "bersihkan": true, "perbaiki": true, "musyawarah": true, "dialog": true}

// ultimatums find "our way" after a condition or an ultimatum: "kalau
// tidak kami usir dengan cara kami", "dalam seminggu orang Bugis
// tinggalkan Loa Bakung, atau kami yang bertindak". Lawful ways ("kami
// akan bertindak lewat jalur hukum") are not threats.
func (r *reading) ultimatums() {
	w := r.words
	for _, h := range r.hits {
		if h.p.tags&tVigilante == 0 || r.mentionedAt(h.at) || r.negatedAt(h.at) {
			continue
		}
		i := h.at
		cond, peaceful := false, false
		for j := range w {
			if w[j].sent != w[i].sent {
				continue
			}
			n := w[j].norm
			if j < i && (conditionals[n] && n != "sampai" || n == "atau" || n == "ultimatum") {
				cond = true
			}
			if (lawful[n] || lawful[w[j].stem]) && !r.placeName(j) && !(n == "bersihkan" && !r.harmlessNear(j) && !cleanable(w, j)) {
				peaceful = true // not "kami bersihkan dengan cara kami" (of people)
			}
		}
		if (cond || r.deadline()) && !peaceful {
			r.addThreat(i, Cue{"threat_veiled", r.text(max(0, i-2), h.end)})
			return
		}
	}
}

// doerOpeners start a clause that names whom a threat is for: "siapa
// yang nyoblos paslon 1, kami hajar", "nang bani mancoblos …, kami
// hajar", "ketahuan pilih nomor 2, …".
var doerOpeners = map[string]bool{"siapa": true, "yang": true, "barang": true, "ketahuan": true, "kedapatan": true}

// doerThreats find a verb of harm in the first person with no object of
// its own, whose object is the doer an earlier clause of its sentence
// names (a relative "siapa yang …", "warga yang ketahuan …") or the condition
// before it ("kalau masih berani lewat sini, kami hajar").
func (r *reading) doerThreats(sport map[int]bool) {
	if len(r.threat) > 0 {
		return
	}
	w := r.words
	for i := range w {
		form, ok := r.violentAt(i)
		if !ok || form == formPassive || r.negatedAt(i) || r.mentionedAt(i) || sport[w[i].sent] || r.harmlessNear(i) {
			continue
		}
		if form != formFirstPerson && !r.speakerDoes(i) || strings.HasPrefix(w[i].norm, "ter") {
			continue // "pulsa saya juga terpotong": it happened to the speaker
		}
		if r.harmlessIn(w[i].sent) {
			continue // "kalau tikus masuk dapur, langsung kubunuh"
		}
		for j := i - 1; j >= 0 && w[j].sent == w[i].sent; j-- {
			if w[j].clause != w[i].clause && doerOpeners[w[j].norm] && r.opensDoer(j) || conditionals[w[j].norm] && w[j].norm != "sampai" && w[j].norm != "kapan" {
				r.addThreat(i, Cue{"threat_conditional", r.text(j, j+2) + " … " + r.text(max(0, i-1), i+1)})
				return
			}
		}
	}
}

// negatedAt reports word i negated, unless the negation is the
// "otherwise" of "kalau tidak, …" ("kalau tidak kami usir dengan cara
// kami") or a condition stands between it and the word ("jangan kaget
// kalau ada darah tumpah").
func (r *reading) negatedAt(i int) bool {
	w := r.words
	if !w[i].negated {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-6 && w[j].sent == w[i].sent; j-- {
		n := w[j].norm
		if conditionals[n] && n != "sampai" {
			return false
		}
		if negators[n] {
			return !(j >= 1 && conditionals[w[j-1].norm] && w[j-1].norm != "sampai")
		}
	}
	return true
}

// negators negate what follows them.
var negators = map[string]bool{"tidak": true, "enggak": true, "tak": true, "jangan": true, "bukan": true, "belum": true}

// mildRoot reports a passive of a mild verb of harm the stemmer leaves
// ("dipacahakan").
func (lx *lexicon) mildRoot(n string) bool {
	rest, ok := strings.CutPrefix(n, "di")
	if !ok {
		return false
	}
	for _, suf := range [...]string{"akan", "kan", "i", "in", ""} {
		if r, ok := strings.CutSuffix(rest, suf); ok && len(r) >= 3 {
			for _, p := range lx.phrases(r) {
				if len(p.words) == 1 && p.tags&tMild != 0 {
					return true
				}
			}
		}
	}
	return false
}

// deadline reports an ultimatum's deadline in the post: "ultimatum",
// "tenggat", "beri/kasih waktu" ("kami kasih waktu 3 hari …, lewat dari
// itu jangan salahkan kami").
func (r *reading) deadline() bool {
	w := r.words
	for j := range w {
		n := w[j].norm
		if n == "ultimatum" || n == "tenggat" || n == "waktu" && j > 0 && (w[j-1].norm == "beri" || w[j-1].norm == "kasih" || w[j-1].norm == "berikan") {
			return !r.mentionedAt(j)
		}
	}
	return false
}

// doerClauseBefore reports an earlier clause of word i's sentence that
// names whom what follows is for: it starts with "siapa", "yang",
// "ketahuan" … ("yang coblos nomor 3 di TPS sini, siap-siap babak
// belur"), or holds a condition.
func (r *reading) doerClauseBefore(i int) bool {
	w := r.words
	for j := i - 1; j >= 0 && w[j].sent == w[i].sent; j-- {
		if w[j].clause == w[i].clause {
			continue
		}
		if doerOpeners[w[j].norm] && r.opensDoer(j) || conditionals[w[j].norm] && w[j].norm != "sampai" {
			return true
		}
	}
	return false
}

// opensDoer reports the opener at word j ("yang", "siapa", …) naming a
// doer: at the start of its clause, after a word for people ("warga
// yang …") or after a topic word ("pokoknya yang …", "buat yang …").
func (r *reading) opensDoer(j int) bool {
	w := r.words
	if j == 0 || w[j-1].clause != w[j].clause || w[j-1].sent != w[j].sent {
		return true
	}
	p := &w[j-1]
	return p.tags&(tPerson|tGroup|tCollective|tIdentity|tSecond) != 0 || doerTopics[p.norm]
}

// doerTopics may stand before the opener of a doer clause.
var doerTopics = map[string]bool{"orang": true, "pokoknya": true, "pokok": true, "buat": true, "untuk": true, "bagi": true, "nah": true}

// harmlessIn reports an everyday object of a verb of harm in sentence s.
func (r *reading) harmlessIn(s int) bool {
	for j := range r.words {
		if r.words[j].sent == s && (r.words[j].tags&tHarmless != 0 || r.lx.harmless(r.words[j].stem)) {
			return true
		}
	}
	return false
}

// friendly are the words of a happy coincidence ("dunia ini sempit,
// ternyata anak Pak Lurah teman sekelas anakku").
var friendly = map[string]bool{"ternyata": true, "teman": true, "kawan": true, "ketemu": true, "bertemu": true, "sekelas": true, "kenal": true, "saudara": true, "sepupu": true, "reuni": true, "kebetulan": true}

// anySet names a set the rules ask of a whole post (anyOf): bit i of
// reading.anyBits is anySets[i].
type anySet uint8

const (
	anyAccidents anySet = iota
	anyAsking
	anyCarefulWords
	anyCaring
	anyCompanionable
	anyCondolence
	anyFirstPerson
	anyFriendly
	anyGatherings
	anyHazards
	anyLawful
	anyLonely
	anyMedical
	anyMishaps
	anyOtherDangers
	anyPraise
	anyRoadHazards
	anyRoadSafety
	anyVulnerable
	numAnySets
)

// anySets are the sets of anyOf, by anySet.
var anySets = [numAnySets]map[string]bool{
	anyAccidents:     accidents,
	anyAsking:        asking,
	anyCarefulWords:  carefulWords,
	anyCaring:        caring,
	anyCompanionable: companionable,
	anyCondolence:    condolence,
	anyFirstPerson:   firstPerson,
	anyFriendly:      friendly,
	anyGatherings:    gatherings,
	anyHazards:       hazards,
	anyLawful:        lawful,
	anyLonely:        lonely,
	anyMedical:       medical,
	anyMishaps:       mishaps,
	anyOtherDangers:  otherDangers,
	anyPraise:        praise,
	anyRoadHazards:   roadHazards,
	anyRoadSafety:    roadSafety,
	anyVulnerable:    vulnerable,
}

// anyOf reports a word of the set s in the post. The post's words were
// looked up once (word.info), for every set at a time.
func (r *reading) anyOf(s anySet) bool {
	if !r.anyDone {
		r.anyDone = true
		for j := range r.words {
			r.anyBits |= r.words[j].info.any
		}
	}
	return r.anyBits&(1<<s) != 0
}

// buildAny gives each word of anySets the bits of the sets that hold it
// (true entries only).
func (lx *lexicon) buildAny() {
	for s, set := range anySets {
		for w, ok := range set {
			if ok {
				lx.newInfo(w).any |= 1 << s
			}
		}
	}
}

// safetyOf reports whether the veiled hit h, a denial of safety ("kami
// tidak menjamin keselamatan …") or knowing where a child goes to school,
// threatens: safety denied to a person named right after it ("…
// keselamatan petugas"), not to things ("… keselamatan barang yang
// ditinggal"); a school known with no praise in the post.
func (r *reading) safetyOf(h hit) bool {
	w := r.words
	last := h.p.words[len(h.p.words)-1]
	switch {
	case last == "keselamatan" || last == "dijamin":
		if last == "dijamin" {
			return r.namesTarget()
		}
		return h.end < len(w) && (r.isTarget(h.end) || hasSecondSuffix(&w[h.end]) || w[h.end].tags&(tPerson|tInstitution|tSecond|tObject) != 0 && w[h.end].norm != "itu")
	case h.p.words[0] == "tahu" || len(h.p.words) > 1 && h.p.words[1] == "tahu":
		return !r.anyOf(anyPraise) && !r.anyOf(anyFriendly)
	case h.p.words[0] == "hati-hati":
		// "hati-hati pulang malam ya guys, jalan licin habis hujan":
		// safety advice names the hazard (round 7)
		return !r.anyOf(anyRoadHazards) && !r.anyOf(anyCaring)
	}
	return true
}

// gatherings are the occasions of a family's or neighbours' visit ("kami
// datangi rumah nenek rame-rame pas lebaran").
var gatherings = map[string]bool{"lebaran": true, "silaturahmi": true, "silaturahim": true, "syukuran": true, "kondangan": true, "tahlilan": true, "natalan": true, "imlekan": true, "bihalal": true, "takziah": true, "melayat": true, "hajatan": true, "kenduri": true}

// kinHome reports a kin's home named in the post ("rumah nenek",
// "rumah mertua"): a family visit.
func (r *reading) kinHome() bool {
	w := r.words
	for j := 0; j+1 < len(w); j++ {
		if strings.HasPrefix(w[j].norm, "rumah") && (elders[w[j+1].norm] || family[w[j+1].norm]) {
			return true
		}
	}
	return false
}

// elders are kin whose home a family visits.
var elders = map[string]bool{"nenek": true, "kakek": true, "mertua": true, "paman": true, "bibi": true, "om": true, "tante": true, "saudara": true, "sepupu": true, "keluarga": true, "ortu": true, "julak": true, "acil": true, "datu": true}

// subjectLinks may stand between the speaker and the verb ("kami akan
// hajar", "kami langsung pukul"); "kami adalah dori" is no verb.
var subjectLinks = map[string]bool{"akan": true, "bakal": true, "langsung": true, "siap": true, "pasti": true, "mau": true, "juga": true, "tinggal": true, "bisa": true, "yang": true, "nanti": true}

// speakerDoes reports the speaker as the subject of word i: a first-person
// pronoun right before it, or with one link word between.
func (r *reading) speakerDoes(i int) bool {
	w := r.words
	if i >= 1 && firstPerson[w[i-1].norm] && w[i-1].clause == w[i].clause {
		return true
	}
	return i >= 2 && firstPerson[w[i-2].norm] && subjectLinks[w[i-1].norm] && w[i-2].clause == w[i].clause
}

// foretold reports a passive verb of harm foretold of a target named
// before it in its sentence: "pemilih nomor 1 di TPS kami bakal dipukuli
// di jalan pulang", "pendukung 02 akan dihajar" (not an accident or a
// report, which the caller rules out).
func (r *reading) foretold(i int) bool {
	if !r.before(i, 2, func(x *word) bool { return x.norm == "akan" || x.norm == "bakal" || x.norm == "siap-siap" }) || r.hazardIn(r.words[i].sent) {
		return false
	}
	for j := i - 1; j >= 0 && r.words[j].sent == r.words[i].sent; j-- {
		if r.isTarget(j) || r.words[j].tags&tIdentity != 0 {
			return true
		}
	}
	return false
}

// placeNouns name a street or a settlement whose name follows ("Gang
// Damai", "Perumahan Tertib Indah").
var placeNouns = map[string]bool{"gang": true, "gg": true, "jalan": true, "jl": true, "jln": true, "kampung": true, "perumahan": true, "perum": true, "komplek": true, "kompleks": true, "desa": true, "blok": true, "kelurahan": true, "kecamatan": true, "masjid": true, "pasar": true}

// placeName reports word i as part of a place's name (see placeNouns).
func (r *reading) placeName(i int) bool {
	return i > 0 && placeNouns[r.words[i-1].norm] && r.words[i-1].clause == r.words[i].clause
}

// cleanables are what a neighbourhood cleans ("bersihkan parit").
var cleanables = map[string]bool{"parit": true, "drainase": true, "got": true, "selokan": true, "sungai": true, "lingkungan": true, "kampung": true, "jalan": true, "saluran": true, "halaman": true}

// cleanable reports a thing to clean right after word j.
func cleanable(w []word, j int) bool {
	return j+1 < len(w) && cleanables[w[j+1].norm]
}

// schooling follow "kasih pelajaran" when it is teaching ("pelajaran
// tambahan", "pelajaran matematika").
var schooling = map[string]bool{"tambahan": true, "gratis": true, "matematika": true, "agama": true, "bahasa": true, "sekolah": true, "les": true, "menari": true, "mengaji": true, "berharga": true, "hidup": true}

// lessons find "we'll teach them a lesson" said of the doer an earlier
// clause names: "yang coblos nomor 1 di TPS 9, kami kasih pelajaran di
// jalan pulang". Teaching ("kami kasih pelajaran tambahan") is not.
func (r *reading) lessons(sport map[int]bool) {
	w := r.words
	for i := 1; i+1 < len(w); i++ {
		if w[i+1].norm != "pelajaran" || w[i].norm != "kasih" && w[i].norm != "beri" && w[i].norm != "berikan" {
			continue
		}
		if r.mentionedAt(i) || w[i].negated || sport[w[i].sent] || !r.speakerDoes(i) || i+2 < len(w) && schooling[w[i+2].norm] {
			continue
		}
		if r.doerClauseBefore(i) {
			r.addThreat(i, Cue{"threat_conditional", r.text(i-1, i+2)})
			return
		}
	}
}

// roadHazards are the dangers that safety advice names ("hati-hati
// pulang malam, jalan licin", "… banyak begal").
var roadHazards = map[string]bool{"licin": true, "hujan": true, "banjir": true, "begal": true, "rawan": true, "kecelakaan": true, "macet": true, "helm": true, "jambret": true, "maling": true, "longsor": true, "berlubang": true, "sungai": true, "arus": true, "arusnya": true, "deras": true, "kolam": true, "listrik": true, "nyamuk": true, "dbd": true, "truk": true, "petir": true, "demam": true, "penculik": true, "penculikan": true}

// callers are verbs of calling on others; after "yang" they name who
// made a call ("yang nyuruh bakar gedung dewan itu provokator").
var callers = map[string]bool{"suruh": true, "nyuruh": true, "menyuruh": true, "ajak": true, "ngajak": true, "mengajak": true, "hasut": true, "menghasut": true}

// callReported reports an imperative at word i that is the content of a
// call made by someone the post names ("yang nyuruh …", "orang yang
// mengajak …"): the author reports the call, not makes it (round 9).
func (r *reading) callReported(i int) bool {
	w := r.words
	for j := i - 1; j >= 1 && j >= i-2; j-- {
		if (callers[w[j].norm] || callers[w[j].stem]) && w[j-1].norm == "yang" {
			return true
		}
	}
	return false
}

// ifWords open a condition, in Indonesian and Banjar ("lamun", "amun").
var ifWords = map[string]bool{"kalau": true, "kalo": true, "jika": true, "bila": true, "lamun": true, "amun": true, "asal": true}

// ifClauseIn reports a condition in sentence s.
func (r *reading) ifClauseIn(s int) bool {
	for j := range r.words {
		if r.words[j].sent == s && (ifWords[r.words[j].norm] || ifWords[r.words[j].raw]) {
			return true
		}
	}
	return false
}
