package hostility

import "strings"

// groupAttacks finds hate in the product's sense: an identity (ethnicity,
// religion, origin, gender, disability) with an attack said of it in the
// same sentence — a negative attribution, a dehumanising comparison, a
// call to expel or bar it, a stereotype, an insult — or a slur of the
// group aimed at people. Counter-speech ("bukan berarti semua orang Bugis
// licik"), reported speech and quotations are not hate.
func (r *reading) groupAttacks() {
	w := r.words
	for _, h := range r.hits {
		if h.p.tags&tIdentity == 0 {
			continue
		}
		i := h.at
		s := w[i].sent
		if r.mentionedAt(i) {
			continue
		}
		if r.counter[s] {
			continue
		}
		r.identity = true
		r.identityCat |= h.p.cat
		r.identWhy = append(r.identWhy, r.text(h.at, h.end)+"="+strings.Join(h.p.cat.names(), ","))
		a, attacked := r.attackOf(h)
		if h.p.tags&tSlur != 0 {
			r.slur(h, a, attacked)
			continue
		}
		if r.before(i, 2, func(x *word) bool { return x.norm == "dasar" }) {
			// "Dasar Madura, … kamu": one person as a member; "dasar
			// (orang) Bugis licik, …": the group.
			r.addHate(h, "group_dasar", r.text(max(0, i-2), h.end), r.singularInPost())
			continue
		}
		if !attacked && r.officeBarred(h) {
			// "Jangan sampai lurah dari suku Madura, nanti …"
			r.addHate(h, "group_barred_from_office", r.text(max(0, h.at-5), h.end), false)
			continue
		}
		if attacked && a.p.tags&tInsult != 0 && a.at < h.at && r.describedAfter(a.at) {
			// "Kampret emang ibu-ibu yg nyalip tadi": profanity at one
			// person described by what she did, not at the group (an
			// insult, see insultAimed)
			continue
		}
		if attacked {
			r.addHate(h, "group_attack", r.text(h.at, h.end)+" + "+r.text(a.at, a.end), r.memberOfGroup(h))
			continue
		}
		if k, ok := r.refusedBefore(h); ok {
			// "Perumahan kami tidak menjual unit ke warga keturunan Tionghoa"
			r.addHate(h, "group_refused", r.text(k, k+2)+" … "+r.text(h.at, h.end), false)
			continue
		}
		if k, ok := r.moneyMinded(h); ok {
			// "Orang Padang itu taunya cuan doang"
			r.addHate(h, "group_attack", r.text(h.at, h.end)+" + "+r.text(max(h.end, k-1), k+1), r.memberOfGroup(h))
			continue
		}
		if at, end, ok := r.refusedFrame(h); ok {
			// "utamakan pribumi, Cina tidak usah melamar"
			r.addHate(h, "group_refused", r.text(h.at, h.end)+" + "+r.text(at, end), false)
		}
	}
}

// prohibitors open a refusal of a group ("… tidak usah melamar",
// "… dilarang beli", "… jangan tanya-tanya").
var prohibitors = map[string]bool{"jangan": true, "dilarang": true, "usah": true, "perlu": true, "boleh": true}

// refusals say after a group that it is not taken or served.
var refusals = map[string]bool{"diterima": true, "dilayani": true, "diizinkan": true}

// applying are what a refused group may not do: apply, ask, register,
// rent, buy, come in, work ("tanya-tanya" by its stem).
var applying = map[string]bool{"lamar": true, "melamar": true, "tanya": true, "bertanya": true, "tanya-tanya": true, "daftar": true, "mendaftar": true, "masuk": true, "beli": true, "membeli": true, "sewa": true, "menyewa": true, "kos": true, "ngekos": true, "kontrak": true, "mengontrak": true, "ngontrak": true, "ngelamar": true, "kerja": true, "bekerja": true, "datang": true, "mampir": true, "hubungi": true, "menghubungi": true, "chat": true, "coba": true, "mencoba": true, "apply": true, "tinggal": true, "jualan": true, "berjualan": true, "dagang": true, "berdagang": true}

// refusedFrame finds the discrimination of an ad or a notice: identity h
// followed, with nothing but "yang", "dan", other identities or particles
// between, by a prohibition of applying, asking, buying or coming ("Cina
// tidak usah melamar", "yang Kristen tidak usah tanya", "Tionghoa
// dilarang beli"). "Perempuan hamil dilarang masuk ruang rontgen" has a
// condition between; a house of worship's entry rules are not refusals
// of a group.
func (r *reading) refusedFrame(h hit) (int, int, bool) {
	w := r.words
	for j := h.end; j < len(w) && j <= h.end+4 && w[j].clause == w[h.at].clause; j++ {
		n := w[j].norm
		if n == "tidak" && j+1 < len(w) && refusals[w[j+1].norm] && w[j+1].sent == w[j].sent {
			return j, j + 2, true // "etnis Tionghoa tidak diterima"
		}
		if prohibitors[n] || n == "tidak" && j+1 < len(w) && prohibitors[w[j+1].norm] {
			k := j + 1
			if n == "tidak" {
				k++
			}
			if k < len(w) && w[k].norm == "pernah" {
				k++
			}
			if k < len(w) && w[k].sent == w[j].sent && (applying[w[k].norm] || applying[w[k].stem]) {
				entry := w[k].stem == "masuk" || w[k].norm == "masuk"
				if entry && (r.worshipIn(w[h.at].sent) || h.p.cat == genderCat) || r.convenience(k) {
					// a house of worship's or a women's boarding house's
					// entry rule; "warga pendatang tidak usah daftar ulang,
					// cukup bawa KTP"
					return 0, 0, false
				}
				return j, k + 1, true
			}
			return 0, 0, false
		}
		if n == "yang" || n == "dan" || n == "atau" || n == "orang" || n == "suku" || n == "juga" || n == "itu" || n == "saja" || n == "tolong" || n == "mohon" || n == "maaf" || n == "harap" || w[j].tags&tIdentity != 0 {
			continue
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// worshipIn reports a house of worship named in sentence s.
func (r *reading) worshipIn(s int) bool {
	for j := range r.words {
		switch r.words[j].norm {
		case "masjid", "mesjid", "gereja", "pura", "vihara", "klenteng", "musala", "langgar":
			if r.words[j].sent == s {
				return true
			}
		}
	}
	return false
}

// addHate records a hate cue on identity hit h; individual: it attacks
// one person as a member of the group.
func (r *reading) addHate(h hit, rule, text string, individual bool) {
	r.hate = append(r.hate, Cue{rule, text})
	r.hateCat |= h.p.cat
	r.catWhy = append(r.catWhy, r.text(h.at, h.end)+"="+strings.Join(h.p.cat.names(), ","))
	if individual {
		r.hateIndividual = true
	} else {
		r.hateGroup = true
	}
}

// singularInPost reports the addressee or "dia" anywhere in the post.
func (r *reading) singularInPost() bool {
	for j := range r.words {
		w := &r.words[j]
		if (w.tags&tSecond != 0 && w.norm != "kalian" || w.norm == "dia" || w.user || hasSecondSuffix(w)) && !r.leading(j) {
			return true
		}
	}
	return false
}

// threatsOnGroups makes a threat or incitement against a group hate as
// well ("Ahmadiyah harus dibasmi", "kalau orang Dayak masuk kampung kami,
// kami sambut dengan parang"): an identity in the sentence of a threat.
func (r *reading) threatsOnGroups() {
	if len(r.threat) == 0 {
		return
	}
	for _, h := range r.hits {
		if h.p.tags&tIdentity == 0 || r.mentionedAt(h.at) || r.counter[r.words[h.at].sent] || r.hasHateAt(h) {
			continue
		}
		for _, s := range r.threatSents {
			if s == r.words[h.at].sent {
				r.addHate(h, "threat_on_group", r.text(h.at, h.end), r.memberOfGroup(h))
				break
			}
		}
	}
}

func (r *reading) hasHateAt(h hit) bool {
	t := r.text(h.at, h.end)
	for _, c := range r.hate {
		if strings.HasPrefix(c.Words, t) || strings.HasSuffix(c.Words, t) {
			return true
		}
	}
	return false
}

// slur handles a slur (attacked: attack a is said of it). A slur
// of a race or religion aimed at people — a group ("orang kafir",
// "aseng-aseng"), one person ("lurahnya kafir", "dasar cokin"), the
// addressee, or with an attack — is hate; one merely discussed ("apa itu
// kafir?") is not. A gender or disability slur is hate when it names a
// group ("bencong-bencong itu …") and an insult when one person is called
// it ("camat kayak bencong").
func (r *reading) slur(h, a hit, attacked bool) {
	const sara = 1<<0 | 1<<1 // religion, race (CategoryNames order)
	dasar := h.at > 0 && r.words[h.at-1].norm == "dasar"
	one := dasar || r.memberOfGroup(h) || r.secondNear(h.at, 3)
	switch {
	case h.p.cat&sara != 0 && (attacked || r.groupReference(h) || one):
		r.addHate(h, "slur", r.text(h.at, h.end), one)
	case h.p.cat&sara == 0 && r.groupReference(h):
		r.addHate(h, "slur_group", r.text(h.at, h.end), false)
	case h.p.cat&sara == 0 && attacked && (a.p.tags&(tBar|tExclude|tStereotype|tDehuman) != 0 || a.p.tags&tAttribute != 0 && r.opensClause(h.at)) && !one:
		// "Banci kada usah tampil di acara kelurahan": the class barred;
		// "Banci bikin rusak moral anak-anak": a trait said of the class
		// as the subject (round 7).
		r.addHate(h, "slur_group", r.text(h.at, h.end)+" + "+r.text(a.at, a.end), false)
	case h.p.cat&sara == 0 && (dasar || r.insultAimed(h)):
		r.insult = append(r.insult, Cue{"insult_slur", r.text(h.at, h.end)})
		r.insultCat |= h.p.cat
		r.catWhy = append(r.catWhy, r.text(h.at, h.end)+"="+strings.Join(h.p.cat.names(), ","))
	}
}

// secondNear reports the addressee within n words of i in its clause.
func (r *reading) secondNear(i, n int) bool {
	for j := max(0, i-n); j < len(r.words) && j <= i+n; j++ {
		w := &r.words[j]
		if j != i && w.clause == r.words[i].clause && (w.tags&tSecond != 0 || hasSecondSuffix(w)) && !r.leading(j) {
			return true
		}
	}
	return false
}

// groupReference reports whether identity hit h names people as a group:
// reduplicated ("cewek-cewek"), after "orang", "kaum", "para", or with
// "semua", "mereka" next to it.
func (r *reading) groupReference(h hit) bool {
	w := r.words
	if strings.Contains(w[h.at].norm, "-") {
		return true
	}
	for j := max(0, h.at-2); j < min(len(w), h.end+2); j++ {
		if (j < h.at || j >= h.end) && w[j].sent == w[h.at].sent && (w[j].tags&(tGroup|tCollective) != 0 || w[j].norm == "orang") {
			return true
		}
	}
	return false
}

// memberOfGroup reports whether the identity hit h describes one person
// ("gubernur keturunan Bugis", "camat perempuan", "lurahnya kafir"): a
// person or the addressee right before it.
func (r *reading) memberOfGroup(h hit) bool {
	w := r.words
	for j := h.at - 1; j >= 0 && j >= h.at-2; j-- {
		if w[j].clause != w[h.at].clause {
			break
		}
		if w[j].tags&(tPerson|tSecond) != 0 || w[j].user || strings.HasSuffix(w[j].norm, "nya") && w[j].tags&tPerson != 0 {
			return true
		}
	}
	return false
}

// attackOf finds an attack on identity hit h in its sentence, not
// negated, mentioned or part of the identity phrase:
//   - an attribution, stereotype or insult within six words (not one that
//     a relative clause ties to another noun: "ulama … elit politik yang
//     sombong");
//   - a dehumanising word in a comparison ("kayak tikus"), after a copula
//     ("itu parasit") or right next to the group ("Papua monyet");
//   - an exclusion within five words whose object the group is (after the
//     verb, or before a passive or imperative verb: "rumah ibadah Hindu
//     harus dibongkar", "orang Bugis mau jadi RT, tolak!");
//   - a bar on the group as its subject ("orang tuli tidak usah ikut").
func (r *reading) attackOf(h hit) (hit, bool) {
	w := r.words
	for _, a := range r.hits {
		if a.p.tags&(tAttack|tInsult) == 0 || a.p.tags&tIdentity != 0 {
			continue
		}
		if w[a.at].sent != w[h.at].sent {
			if r.appositive(a, h) {
				return a, true // "Urang Dayak masih …? Primitif banar"
			}
			continue
		}
		if a.at < h.end && a.end > h.at { // overlaps the identity phrase
			continue
		}
		if w[a.at].negated || w[a.at].exclaimed || r.mentionedAt(a.at) {
			continue
		}
		d := a.at - h.end
		if a.at < h.at {
			d = h.at - a.end
		}
		switch {
		case a.p.tags&tDehuman != 0 && a.p.tags&tAttribute == 0:
			if d <= 6 && a.at > h.at && !r.relativeBetween(h, a) && (d <= 1 || r.before(a.at, 2, func(x *word) bool { return comparisons[x.norm] || copulas[x.norm] })) {
				return a, true
			}
		case a.p.tags&tStereotype != 0:
			if a.at > 0 && (w[a.at-1].norm == "bukan" || w[a.at-1].norm == "tidak") {
				continue // "tempatnya bukan cuma di dapur"
			}
			if d <= 6 && !r.relativeBetween(h, a) {
				return a, true
			}
		case a.p.tags&(tAttribute|tInsult) != 0:
			if a.at < h.at && w[a.at].clause != w[h.at].clause {
				continue // said of what the clause before names ("… preman bangsat semua, lapak ibu-ibu …")
			}
			if a.p.tags&tWeak != 0 && a.p.tags&tAttribute == 0 && d > 3 {
				continue
			}
			if d <= 6 && !r.relativeBetween(h, a) && (d <= 2 || r.linked(a) || r.placeBetween(h, a)) || r.appositive(a, h) {
				return a, true
			}
			if d <= 10 && a.at > h.at && r.topic(h) && r.linked(a) && !r.relativeBetween(h, a) && !r.otherNounBetween(h, a) {
				return a, true // "Orang cacat kok diterima jadi PNS, bikin beban negara saja": the sentence's topic
			}
		case a.p.tags&(tExclude|tBar) != 0 && h.p.cat == genderCat && r.lodgingIn(w[h.at].sent):
			continue // "kos putri, tidak menerima tamu laki-laki menginap"
		case a.p.tags&tExclude != 0:
			if a.at < h.at {
				if d <= 5 {
					return a, true
				}
				continue
			}
			if d <= 3 && a.at > 0 && topicMarkers[w[a.at-1].norm] && r.objectless(a) {
				return a, true // "Aliran sesat itu bubarkan paksa saja"
			}
			if r.calledFor(a) && (d <= 5 || r.topic(h)) {
				return a, true // "harus dibongkar", "Pendatang IKN bikin kota kotor …, harus diusir"
			}
			if r.imperativeLater(a, h) && r.objectless(a) && (d <= 5 || r.topic(h)) {
				return a, true // "orang Bugis mau jadi RT, tolak!", "…, usir aja"
			}
		case a.p.tags&tBuild != 0:
			if a.at < h.at && d == 0 && h.p.cat&1 != 0 { // religion (CategoryNames order)
				return a, true
			}
		case a.p.tags&tBar != 0:
			if a.at > h.at && d <= 6 && !r.convenience(a.end-1) {
				return a, true
			}
		}
	}
	return hit{}, false
}

// placeBetween reports that only a place lies between identity h and
// the attack a after it ("Kampung Bugis di Samarinda Seberang sarang
// maling"): "di", "dari" or "asal" and at most three more words, none a
// target, an identity or "yang".
func (r *reading) placeBetween(h, a hit) bool {
	w := r.words
	if a.at <= h.end || a.at-h.end > 4 || w[a.at].clause != w[h.at].clause {
		return false
	}
	if n := w[h.end].norm; n != "di" && n != "dari" && n != "asal" {
		return false
	}
	for j := h.end + 1; j < a.at; j++ {
		if w[j].norm == "yang" || w[j].tags&(tIdentity|tPerson|tInstitution|tSecond) != 0 {
			return false
		}
	}
	return true
}

// intensifiers may follow an attack that stands alone ("primitif banar").
var intensifiers = map[string]bool{"benar": true, "banget": true, "sekali": true, "semua": true, "semuanya": true, "memang": true, "pang": true, "kah": true, "lah": true, "itu": true, "saja": true}

// appositive reports an attack that stands alone after the sentence or
// the clause that names identity h, said of it: a clause of its own in
// the same sentence ("Bugis sama Makassar itu sama saja, tukang tipu")
// or the whole next sentence ("… makan urang kah? 🤣 primitif banar").
func (r *reading) appositive(a, h hit) bool {
	w := r.words
	if a.at <= h.at || a.p.tags&(tAttribute|tDehuman|tInsult) == 0 || w[a.at].negated {
		return false
	}
	same := w[a.at].sent == w[h.at].sent
	if !same && w[a.at].sent != w[h.at].sent+1 {
		return false
	}
	unit := func(j int) bool {
		if same {
			return w[j].clause == w[a.at].clause
		}
		return w[j].sent == w[a.at].sent
	}
	if a.at > 0 && unit(a.at-1) || same && w[a.at].clause == w[h.at].clause {
		return false
	}
	for j := h.end; j < len(w) && w[j].clause == w[h.at].clause; j++ {
		if strings.HasPrefix(w[j].norm, "di") && w[j].stem != w[j].norm {
			return false // the group suffers ("Perempuan … dilecehkan atasannya, biadab!")
		}
	}
	if same && r.allAlike(h) {
		return true // "Orang Madura itu ke mana-mana sama saja, licik dan …"
	}
	for j := a.end; j < len(w) && unit(j); j++ {
		if !intensifiers[w[j].norm] {
			return false
		}
	}
	return true
}

// allAlike reports a clause that says the group named by identity h is
// the same everywhere ("… itu di mana-mana sama saja", "di mana pun
// sama"): it ends in "sama" (with "saja" or "aja"), the generalisation
// a stereotype in the next clause spells out.
func (r *reading) allAlike(h hit) bool {
	w := r.words
	last := -1
	for j := h.end; j < len(w) && w[j].clause == w[h.at].clause; j++ {
		last = j
	}
	if last < 0 {
		return false
	}
	if w[last].norm == "saja" && last > h.end {
		last--
	}
	return w[last].norm == "sama"
}

// topic reports an identity the sentence starts with (after "orang",
// "urang", "bubuhan", "para", "kaum"): what the sentence is about.
func (r *reading) topic(h hit) bool {
	w := r.words
	for j := h.at - 1; j >= 0; j-- {
		if w[j].sent != w[h.at].sent {
			return true
		}
		if w[j].norm != "orang" && w[j].tags&(tGroup|tCollective) == 0 {
			return false
		}
	}
	return true
}

// calledFor reports an exclusion called for in a passive ("harus
// diusir", "jangan dikasih"), of the group before it wherever it stands.
// A passive alone reports ("masjid ditutup untuk renovasi").
func (r *reading) calledFor(a hit) bool {
	w := r.words
	for j := a.at; j < a.end; j++ {
		if strings.HasPrefix(w[j].norm, "di") && w[j].stem != w[j].norm {
			return w[a.at].norm == "jangan" || w[a.at].norm == "tidak" || r.before(a.at, 2, func(x *word) bool { return deontic[x.norm] || x.norm == "jangan" })
		}
	}
	return false
}

// objectless reports an exclusion whose object is the group before it:
// a prohibition ("…, jangan kasih jabatan"), or a verb with no object of
// its own after it ("…, usir aja!") or only the group's thing ("…, tolak
// pencalonannya"); "tolak tambang" has its own.
func (r *reading) objectless(a hit) bool {
	w := r.words
	if n := w[a.at].norm; n == "jangan" || n == "tidak" || n == "berhenti" || n == "stop" {
		return true // "stop jual rumah ke mereka" (round 9)
	}
	if a.end >= len(w) || w[a.end].clause != w[a.at].clause {
		return true
	}
	x := &w[a.end]
	return intensifiers[x.norm] || x.tags&(tGroup|tCollective|tIdentity) != 0 || x.norm == "dari" || strings.HasSuffix(x.norm, "nya") && x.stem != x.norm
}

// linkers say a trait of a whole group ("pasti korupsi", "makin
// sombong", "memang licik"), or what it makes of a place ("perantau
// bikin Loa Janan jadi tempat judi").
var linkers = map[string]bool{"pasti": true, "suka": true, "selalu": true, "masih": true, "makin": true, "semakin": true, "dasar": true, "kebanyakan": true, "rata-rata": true, "biasanya": true, "terkenal": true, "emang": true, "sudah": true, "jadi": true, "menjadi": true, "bikin": true, "kerjanya": true, "kerjaannya": true, "bisanya": true, "taunya": true}

// otherNounBetween reports a target or another identity between identity
// h and attack a after it: the attack may be said of that one.
func (r *reading) otherNounBetween(h, a hit) bool {
	for j := h.end; j < a.at; j++ {
		if r.words[j].tags&(tIdentity|tPerson|tSecond) != 0 || r.words[j].user {
			return true
		}
	}
	return false
}

// linked reports whether attack a is said of a group it is not next to: a
// copula, comparison or linker right before it, or "semua" after it.
func (r *reading) linked(a hit) bool {
	if r.before(a.at, 2, func(x *word) bool { return copulas[x.norm] || comparisons[x.norm] || linkers[x.norm] }) {
		return true
	}
	return a.end < len(r.words) && r.words[a.end].clause == r.words[a.at].clause && (r.words[a.end].norm == "semua" || r.words[a.end].norm == "semuanya")
}

// copulas link a group to what it is said to be ("pendatang itu parasit").
var copulas = map[string]bool{"itu": true, "ini": true, "adalah": true, "memang": true, "semua": true, "semuanya": true, "mereka": true, "kalian": true, "tu": true, "ni": true, "cuma": true, "hanya": true, "seperti": true, "bubuhannya": true, "orangnya": true}

// relativeBetween reports a relative clause between identity h and attack
// a that belongs to another noun ("ulama kepada elit politik yang
// sombong"): "yang" not right after the identity.
func (r *reading) relativeBetween(h, a hit) bool {
	if a.at < h.at {
		return false
	}
	for j := h.end + 1; j < a.at; j++ {
		if r.words[j].norm == "yang" {
			return true
		}
	}
	return false
}

// imperativeLater reports an exclusion a, after identity h, that starts
// a later clause as an imperative ("orang Bugis mau jadi RT, tolak!").
// A passive alone reports ("masjid ditutup untuk renovasi"): see
// calledFor.
func (r *reading) imperativeLater(a, h hit) bool {
	w := r.words
	return w[a.at].clause != w[h.at].clause && (a.at == 0 || w[a.at-1].clause != w[a.at].clause)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// officeBarred reports identity hit h as the origin of an office holder a
// call rules out ("jangan sampai lurah dari suku Madura", "jangan pilih
// camat yang orang Batak"): "jangan sampai/pilih/angkat/jadikan", a person
// or office word, then "dari" or "yang", then the identity, in one clause.
func (r *reading) officeBarred(h hit) bool {
	w := r.words
	i := h.at
	k := i - 1
	if k >= 0 && (w[k].norm == "suku" || w[k].norm == "orang" || w[k].norm == "etnis" || w[k].norm == "warga") {
		k-- // "dari suku Madura" when "suku" is its own hit
	}
	if k >= 1 && (w[k].norm == "dari" || w[k].norm == "yang") {
		k-- // "lurah dari suku Madura"; without it: "jangan angkat lurah orang Bugis"
	}
	if k < 1 || w[k].clause != w[i].clause {
		return false
	}
	role := k
	for role > 0 && w[role].tags&tPerson != 0 && w[role-1].tags&tPerson != 0 {
		role-- // "kepala dinas"
	}
	if w[k].tags&(tPerson|tInstitution) == 0 {
		return false
	}
	for j := role - 1; j >= 1 && j >= role-2 && w[j].clause == w[i].clause; j-- {
		if w[j-1].norm == "jangan" && officeCalls[w[j].norm] {
			return true
		}
	}
	return false
}

// officeCalls follow "jangan" in a call that rules someone out of an
// office.
var officeCalls = map[string]bool{"sampai": true, "pilih": true, "angkat": true, "jadikan": true, "kasih": true, "biarkan": true}

// topicMarkers close a topic the verb after them is aimed at ("aliran
// itu bubarkan saja").
var topicMarkers = map[string]bool{"itu": true, "ini": true, "tu": true, "ni": true}

// genderCat is the gender category.
var genderCat, _ = categoryOf("gender")

// conveniences after a "no need to" say a service spares people a step
// ("tidak usah daftar ulang, cukup bawa KTP", "tidak perlu datang,
// petugas yang jemput").
var conveniences = map[string]bool{"ulang": true, "lagi": true, "cukup": true, "langsung": true, "otomatis": true, "online": true, "daring": true, "dijemput": true, "jemput": true, "diantar": true, "gratis": true, "petugas": true, "prioritas": true}

// convenience reports a convenience word after word k in its sentence.
func (r *reading) convenience(k int) bool {
	for j := k + 1; j < len(r.words) && r.words[j].sent == r.words[k].sent; j++ {
		if conveniences[r.words[j].norm] {
			return true
		}
	}
	return false
}

// money are the words of money and gain; onlyWords limit a group's mind
// to it ("taunya cuan doang", "pikirannya cuma uang").
var (
	money     = map[string]bool{"uang": true, "duit": true, "cuan": true, "harta": true, "untung": true, "fulus": true, "keuntungan": true}
	onlyWords = map[string]bool{"hanya": true, "cuma": true, "doang": true, "saja": true, "taunya": true, "tahunya": true, "maunya": true, "pikirannya": true, "otaknya": true, "berpikir": true, "mikir": true, "pikir": true, "isinya": true, "mata": true}
)

// chasing are the verbs of a mind set on money ("cuma mikir uang").
var chasing = map[string]bool{"berpikir": true, "mikir": true, "pikir": true, "mikirin": true, "memikirkan": true, "cari": true, "mencari": true, "kejar": true, "mengejar": true, "tahu": true, "taunya": true, "mau": true}

// moneyMinded finds a group said to think only of money: identity h,
// then in its clause within five words a money word with a limiting word
// next to it ("Orang Padang itu taunya cuan doang", "Etnis Tionghoa
// pikirannya cuma uang"). "Orang Bugis pintar dagang" names no money;
// a relative clause ("orang Jawa yang …") is about some of them.
func (r *reading) moneyMinded(h hit) (int, bool) {
	w := r.words
	for k := h.end; k < len(w) && k <= h.end+5 && w[k].clause == w[h.at].clause; k++ {
		if w[k].norm == "yang" || w[k].negated {
			return 0, false
		}
		if !money[w[k].norm] {
			continue
		}
		if k > h.end && onlyWords[w[k-1].norm] || k > h.end+1 && onlyWords[w[k-2].norm] && chasing[w[k-1].norm] || k+1 < len(w) && w[k+1].clause == w[k].clause && (w[k+1].norm == "doang" || w[k+1].norm == "saja") {
			return k, true
		}
	}
	return 0, false
}

// lodgings are the words of a boarding house's rules, where a gender is
// kept apart and no group is attacked.
var lodgings = map[string]bool{"kos": true, "kost": true, "tamu": true, "menginap": true, "asrama": true, "putri": true, "putra": true, "kamar": true}

// lodgingIn reports a lodging word in sentence s.
func (r *reading) lodgingIn(s int) bool {
	for j := range r.words {
		if r.words[j].sent == s && lodgings[r.words[j].norm] {
			return true
		}
	}
	return false
}

// refuseVerbs refuse a group something after "tidak" ("tidak menjual
// unit ke …", "tidak menyewakan ruko kepada …").
var refuseVerbs = map[string]bool{"menjual": true, "dijual": true, "jual": true, "menyewakan": true, "disewakan": true, "sewakan": true, "melayani": true, "layani": true, "menerima": true, "terima": true, "mempekerjakan": true}

// refusedBefore finds a refusal before identity h in its clause: "tidak"
// and a verb of selling, renting, serving or taking, then at most three
// words ending with "ke", "kepada" or "untuk" or a person word ("warga",
// "orang", "penyewa"), then the group. A gender at a boarding house is
// no refusal of a group.
func (r *reading) refusedBefore(h hit) (int, bool) {
	w := r.words
	if h.p.cat == genderCat && r.lodgingIn(w[h.at].sent) {
		return 0, false
	}
	for k := h.at - 2; k >= 0 && k >= h.at-6 && w[k].clause == w[h.at].clause; k-- {
		if w[k].norm != "tidak" || !refuseVerbs[w[k+1].norm] {
			continue
		}
		for j := k + 2; j < h.at; j++ {
			if n := w[j].norm; n == "ke" || n == "kepada" || n == "untuk" {
				return k, true
			}
		}
		return 0, false
	}
	return 0, false
}

// opensClause reports word i as the first of its clause.
func (r *reading) opensClause(i int) bool { return i == 0 || r.words[i-1].clause != r.words[i].clause }
