package hostility

// hurtOutcomes are what befalls a body: broken bones, a beating, death.
var hurtOutcomes = map[string]bool{"remuk": true, "bonyok": true, "benjol": true, "patahkan": true, "patahin": true, "mampus": true, "modar": true, "koit": true, "babak": true}

// hurtPairs are two-word outcomes ("patah tulang", "babak belur",
// "tinggal nama", "masuk rs").
var hurtPairs = map[[2]string]bool{{"patah", "tulang"}: true, {"babak", "belur"}: true, {"tinggal", "nama"}: true, {"masuk", "rs"}: true, {"masuk", "ugd"}: true, {"pulang", "digotong"}: true}

// defiers name whoever still stays, resists or dares ("yang masih di
// lahan", "yang melawan", "siapa yang berani").
var defiers = map[string]bool{"melawan": true, "lawan": true, "berani": true, "bertahan": true, "nekat": true, "ketemu": true, "ketahuan": true, "kedapatan": true, "ngeyel": true, "bandel": true}

// stayAfter reports "masih" at k said of staying somewhere or defying:
// "di", "ada", "situ", "sini" or a defier within three words ("yang masih
// nongkrong di situ", "yang masih berani").
func (r *reading) stayAfter(k int) bool {
	w := r.words
	for j := k + 1; j < len(w) && j <= k+3 && w[j].clause == w[k].clause; j++ {
		if n := w[j].norm; n == "di" || n == "ada" || n == "situ" || n == "sini" || defiers[n] {
			return true
		}
	}
	return false
}

// mishaps make a bodily harm an accident or an illness ("jatuh dari
// sepeda, benjol", "masih dirawat").
var mishaps = map[string]bool{"jatuh": true, "terjatuh": true, "kecelakaan": true, "tabrakan": true, "ditabrak": true, "dirawat": true, "rawat": true, "jenguk": true, "doakan": true, "terpeleset": true, "kepeleset": true, "olahraga": true, "main": true, "pemain": true, "duel": true, "salut": true, "tanding": true, "pertandingan": true}

// consequences finds a harm foretold for whoever defies the speakers:
// "kami sisir satu-satu malam ini, yang masih di lahan kami patah
// tulang", "siapa yang masih bertahan remuk" (round 9). It needs the
// speakers ("kami", "kita"), a "yang" or "siapa" that names the ones who
// stay or resist, and a bodily outcome later in that sentence; an
// accident told in the first person ("kaki saya patah") has no "yang …
// masih/melawan" before it.
func (r *reading) consequences() {
	w := r.words
	we := false
	for j := range w {
		if (w[j].norm == "kami" || w[j].norm == "kita") && !r.mentionedAt(j) {
			we = true
		}
	}
	if !we || r.anyOf(anyMedical) || r.anyOf(anyMishaps) {
		return
	}
	for _, h := range r.hits {
		if h.p.tags&tSport != 0 && !(h.end < len(w) && w[h.end].norm == "belur") {
			return // "pemain kita yang berani duel sampai benjol"
		}
	}
	for j := range w {
		if w[j].norm != "yang" && w[j].norm != "siapa" || r.mentionedAt(j) || r.counter[w[j].sent] {
			continue
		}
		defied := false
		for k := j + 1; k < len(w) && k <= j+8 && w[k].sent == w[j].sent; k++ {
			if defiers[w[k].norm] || defiers[w[k].stem] || w[k].norm == "masih" && r.stayAfter(k) {
				defied = true
				continue
			}
			if !defied || w[k].negated {
				continue
			}
			if hurtOutcomes[w[k].norm] || k+1 < len(w) && hurtPairs[[2]string{w[k].norm, w[k+1].norm}] {
				r.addThreat(k, Cue{"threat_consequence", r.text(j, min(len(w), k+2))})
				return
			}
		}
	}
}

// deliberateRuin are what a crowd does to a building ("dibakar",
// "diratakan", "dijarah"), and "hangus" or "rata" said of it after a
// warning.
var deliberateRuin = map[string]bool{"dibakar": true, "dibakarin": true, "hangus": true, "diratakan": true, "dirusak": true, "diserbu": true, "digeruduk": true, "dijarah": true, "dihancurkan": true, "dirobohkan": true, "diamuk": true, "diduduki": true, "disegel": true, "dilempari": true}

// accidents burn a building with no one to blame ("korsleting", "petir").
var accidents = map[string]bool{"korsleting": true, "korslet": true, "petir": true, "kompor": true, "gempa": true, "banjir": true, "longsor": true, "kemarau": true, "lapuk": true, "renovasi": true, "dibangun": true}

// ruinForetold finds a warning not to be surprised or to blame "us"
// followed by a building's deliberate ruin: "jangan heran kantor
// perusahaan dibakar massa", "jangan kaget kalau balai kota hangus minggu
// depan" (round 9); a fire by accident ("korsleting") is news, not a
// threat.
func (r *reading) ruinForetold() {
	w := r.words
	if r.anyOf(anyAccidents) {
		return
	}
	for _, h := range r.hits {
		if h.p.tags&tRuinWarn == 0 || r.mentionedAt(h.at) || r.counter[w[h.at].sent] {
			continue
		}
		building := false
		for k := h.end; k < len(w) && k <= h.end+8 && w[k].sent == w[h.at].sent; k++ {
			if buildings[w[k].norm] || w[k].tags&tInstitution != 0 {
				building = true
				continue
			}
			if building && (deliberateRuin[w[k].norm] || deliberateRuin[w[k].raw]) && !w[k].negated {
				r.addThreat(k, Cue{"threat_ruin_foretold", r.text(h.at, h.end) + " … " + r.text(k, k+1)})
				return
			}
		}
	}
}
