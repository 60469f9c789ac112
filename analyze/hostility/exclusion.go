package hostility

import "strings"

// Exclusion of a group from "our" place (issue 20, round 6): a post that
// names a group and says that our village, land or neighbourhood does not
// want, accept or let in them ("Suku itu bikin ribut terus, kampung kami
// tidak mau mereka", "jangan terima mereka di tanah kita", "kampung kami
// kada handak bubuhannya"). Exclusion is hate, not a threat, when no
// violence is said. Refusing a thing ("kami tidak mau tambang di kampung
// kami") names no group.

// ourPlaces are the places a community calls its own (before "kami" or
// "kita").
var ourPlaces = map[string]bool{"kampung": true, "desa": true, "tanah": true, "daerah": true, "wilayah": true, "kota": true, "rt": true, "rw": true, "lingkungan": true, "bumi": true, "banua": true, "gang": true, "kompleks": true, "perumahan": true, "kelurahan": true}

// refusalsOf are the verbs of not wanting or not accepting (after
// "tidak", "kada", "jangan": "tidak mau", "jangan terima"), and the
// verbs of refusing on their own (no negation needed).
var refusalsOf = map[string]bool{"mau": false, "sudi": false, "terima": false, "menerima": false, "diterima": false, "butuh": false, "handak": false, "ingin": false, "tolak": true, "menolak": true, "usir": true}

// exclusions runs the frame.
func (r *reading) exclusions() {
	if len(r.hate) > 0 {
		return
	}
	w := r.words
	var group *hit
	for k := range r.hits {
		h := &r.hits[k]
		if h.p.tags&tIdentity != 0 && !r.mentionedAt(h.at) && !r.counter[w[h.at].sent] && !w[h.at].negated {
			group = h
			break
		}
	}
	if group == nil {
		return
	}
	for i := 0; i+1 < len(w); i++ {
		if !ourPlaces[w[i].norm] || w[i+1].norm != "kami" && w[i+1].norm != "kita" || r.mentionedAt(i) {
			continue
		}
		for j := range w {
			if w[j].sent != w[i].sent || j > 0 && j-1 == i+1 {
				continue
			}
			alone, ok := refusalsOf[w[j].norm]
			if !ok {
				continue
			}
			negated := j > 0 && (w[j-1].norm == "tidak" || w[j-1].norm == "jangan" || w[j-1].norm == "tak" || w[j-1].norm == "kada")
			if !alone && !negated || alone && w[j].negated {
				continue
			}
			if !r.themAround(j) {
				continue
			}
			r.addHate(*group, "group_exclusion", r.text(group.at, group.end)+" + "+r.text(i, i+2)+" "+r.text(max(0, j-1), j+1), false)
			return
		}
	}
}

// themAround reports the group as the object of refusal j: "mereka",
// "-nya" on a group word ("bubuhannya"), or an identity, within three
// words after it, or "mereka" right before it.
func (r *reading) themAround(j int) bool {
	w := r.words
	for k := j + 1; k < len(w) && k <= j+3; k++ {
		if w[k].norm == "mereka" || w[k].tags&(tIdentity|tGroup|tCollective) != 0 || strings.HasPrefix(w[k].raw, "bubuhan") || w[k].raw == "orangnya" {
			return true
		}
	}
	return j > 0 && w[j-1].norm == "mereka" || j > 1 && w[j-2].norm == "mereka"
}
