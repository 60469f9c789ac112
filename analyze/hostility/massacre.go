package hostility

// recurrence words foretell that a past event happens again.
var recurrence = map[string]bool{"terulang": true, "diulang": true, "diulangi": true, "ulangi": true, "kuulangi": true, "mengulang": true, "mengulangi": true, "kejadian": true, "terjadi": true, "caranya": true}

// menacing words make a recurrence a warning ("bisa terulang", "siap-siap",
// "masih ingat caranya"), not a wish that it never comes back.
var menacing = map[string]bool{"bisa": true, "bakal": true, "akan": true, "siap": true, "siap-siap": true, "siap2": true, "tunggu": true, "ingat": true, "lupa": true, "mau": true}

// remembrance words make a massacre named a memorial, a plea for peace
// or a news report ("peringatan tragedi Sampit", "jangan sampai
// terulang", "semoga tidak terulang").
var remembrance = map[string]bool{"damai": true, "perdamaian": true, "peringatan": true, "memperingati": true, "mengenang": true, "korban": true, "doa": true, "rekonsiliasi": true, "sampai": true, "semoga": true, "pelajaran": true, "hikmah": true, "sejarah": true, "sejarawan": true, "dokumenter": true, "penelitian": true, "buku": true}

// massacreRecalled finds a past ethnic massacre ("Sampit", "Mei 98")
// foretold again — a recurrence word with a menacing one — in a post that
// names a group or speaks to the addressee: "orang Madura siap-siap,
// Sampit bisa terulang" threatens the group (round 9). A memorial, a plea
// that it never return, a news report or a negated recurrence does not.
func (r *reading) massacreRecalled() {
	w := r.words
	for _, h := range r.hits {
		if h.p.tags&tMassacre == 0 || r.mentionedAt(h.at) || r.counter[w[h.at].sent] {
			continue
		}
		recur, menace, aimed := false, false, false
		for j := range w {
			switch {
			case remembrance[w[j].norm] || remembrance[w[j].stem]:
				return
			case recurrence[w[j].norm] && !w[j].negated:
				recur = true
			case menacing[w[j].norm]:
				menace = true
			}
			if w[j].tags&(tIdentity|tSecond) != 0 || hasSecondSuffix(&w[j]) {
				aimed = true
			}
		}
		if recur && menace && aimed {
			r.addThreat(h.at, Cue{"threat_massacre_recalled", r.text(h.at, h.end)})
			// the groups the post names are the ones threatened, in
			// whichever sentence ("Ingat Sampit? … kalian para pendatang")
			for _, g := range r.hits {
				if g.p.tags&tIdentity != 0 {
					r.threatSents = append(r.threatSents, w[g.at].sent)
				}
			}
			return
		}
	}
}
