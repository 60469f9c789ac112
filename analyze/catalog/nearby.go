package catalog

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Round 9's frames: a side named right beside a ballot number, a wish of
// victory, a vote day, a slogan or a support verb. Each needs two things
// at once (a side and a cue), inside an election season, outside reports,
// community elections and sports, so that a service post with a number,
// a colour or a name alone stays neutral. Every regexp is gated (mustFre)
// and read on the post's hay.

var (
	// A ballot number: "no 2", "nomor 3", "nmr.1", "02" (coded).
	reNearNum = mustFre(`(?i)(?:\b(?:no|nomor|nomer|nmr|nmor)\.?\s*0?([1-9])\b|(?:^|[\s,(!])0([1-9])\b)`)
	// What precedes a number that is not a ballot's: a queue, a counter,
	// an address (plain: read on the text before the number).
	reNumNotBallot = regexp.MustCompile(`(?i)\b(?:lapak|kios|stand|toko|warung|bus|angkot|trayek|halte|bis|rt|rw|loket|antrean|antrian|gang|gg|blok|kamar|meja|pos|jalur|lantai|ruang|gerai|kursi|rumah|jalan|jl|pintu|gate|tim|regu|kelompok|kelas|dapil|tps|hp|wa|telp|telepon|rekening|urut|dosis|tahap|gelombang|sesi|angkatan|babak|halaman|pasal|ayat|juara|peringkat|ranking|urutan|jam|pukul|tanggal|tgl|bulan|tahun|kavling|unit|armada|nomor hp|no hp|nomor wa|no wa)\.?\s*$`)
	// A cheer or a reminder said with a number: "gass", "pang!!", "ya 😉".
	reNumCheer  = mustFre(`(?i)(\bgas+\b|\bgaspol\w*|\bgas poll?\b|\bgasken\b|\bpang\b|\bjangan kendor\b|\bjangan lupa\b|\bingat\b|\bfix\b|\bpokoknya\b|\bmenang\b|😉|😁|🔥|💪)`)
	reAfterNum  = regexp.MustCompile(`(?i)^\s*(?:[:.]\d|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jam|pukul|wita|wib)`)
	reNumPang   = regexp.MustCompile(`(?i)^\s*(?:pang|gas+|gaspol\w*|gas poll?|gasken)\s*(?:!|$|[.,]|\p{So})`)
	reNumGas    = regexp.MustCompile(`(?i)\b(?:gas+|gaspol\w*|gas+ poll?|gasken)\s*$`)
	reNumRemind = mustFre(`(?i)(\bjangan lupa\b|\bingat\b|😉|\bya\b)`)
	// A wish of victory: "semoga X menang", "mudahan X menang".
	reNearWish = mustFre(`(?i)\b(?:semoga|moga2|semoga2|moga|mudahan|mudah-mudahan|muga|insyaallah|doakan)\b(.{0,40}?)\bmenang\b`)
	// A wish of trust or office, said with a greeting or a registration.
	reTrustWish    = mustFre(`(?i)\b(?:semoga|moga|mudahan|mudah-mudahan|insyaallah)\b.{0,60}?\b(dipercaya|diberi kepercayaan|mendapat kepercayaan|amanah (?:yang )?lebih besar|hari kemenangan|kemenangan|sampai pelantikan|sampai dilantik|menang)`)
	reRegistration = mustFre(`(?i)\b(terdaftarnya|pendaftaran|mendaftar|terdaftar|penetapan|ditetapkan)\b`)
	reKPUWord      = mustFre(`(?i)\b(kpu|kpud)\b|\bsebagai (?:calon|cagub|cawali|paslon)\b`)
	// A vote count's proceedings with witnesses: the notice calls every
	// side's saksi, so its "harap hadir" mobilises no one for a side.
	reCountNotice   = mustFre(`(?i)\b(rekapitulasi|rekap suara|penghitungan suara|perhitungan suara|pleno)\b.*\bsaksi\b|\bsaksi\b.*\b(rekapitulasi|rekap suara|penghitungan suara|perhitungan suara|pleno)\b`)
	reElectionStaff = mustFre(`(?i)\b(kpps|pps|ppk|pantarlih|petugas|anggota kpu|panitia pemilihan|komisioner|pengawas)\b`)
	rePilihWord     = mustFre(`(?i)\b(pilih|milih|memilih|bapilih|coblos|nyoblos|tps|calon|gubernur|wali kota|walikota|pilkada|pilwali|pilgub|menang)\b`)
	reGreetWord     = mustFre(`(?i)\b(selamat|barakallah|congrats|sukses selalu|ulang tahun|milad|hbd)\b`)
	// A day of the month said as a date: "tgl 28", "tanggal 28 November".
	reDayOfMonth = mustFre(`(?i)\b(?:tgl|tanggal|tg)\.?\s*(\d{1,2})\b(?:\s+(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember))?|\b(\d{1,2})\s+(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)\b`)
	// A capitals word that may be a pair's acronym.
	reNearCaps = mustFre(`\b[A-Z]{3,8}\b`)
	// "#HARUMMenang": a side's acronym with a win.
	reTagAcronymWin = mustFre(`#([A-Z]{3,8})(?:Menang|MenangLagi|Pasti|Juara|SatuPutaran|Hebat|Lanjut)\b`)
	reTagNameWin    = mustFre(`#(?:Menangkan([A-Z][A-Za-z]{2,})|([A-Z][a-z]{2,})(?:Menang|MenangLagi|SatuPutaran)\b)`)
	// "#SamarindaButuhPerubahan": a region's slogan hashtag.
	reTagRegionSlogan = mustFre(`#(?:Samarinda|Kaltim|BenuaEtam|Kaltimku)([A-Z][a-z]+(?:[A-Z][a-z]+)*)\b`)
	// A dig at the party in power, unnamed: "sudah cukup partai itu berkuasa".
	rePartyDig = mustFre(`(?i)\b(?:partai (?:itu|sebelah|penguasa|lama|(?:yang|yg) itu-itu|(?:yang|yg) sama)|partai \w+ (?:berkuasa|pegang))\b`)
	// A finger pose with the campaign's arithmetic or a wink.
	reFingerSlogan = mustFre(`(?i)(\bnomor (?:satu|dua|tiga|empat|lima|[1-5]) untuk (?:samarinda|kaltim|benua etam|banua|kota|kita|rakyat|perubahan)\b|\b(?:satu|dua|tiga|empat|lima) untuk (?:samarinda|kaltim|benua etam|banua|kota)\b|\barah pilihan\w*\b|\b(?:paham|ngerti|mengerti|tahu|tau) kan maksud\w*|\b(?:tau|tahu) sama (?:tau|tahu)\b|\bsatu (?:suara|pilihan)\b)`)
	// An event named after a person: "Gowes Bareng Kak Dewi", "Piala Bang Arman".
	reEventNamed = mustFre(`(?:(?i:piala|cup)\s+` + gHonor + `\s+(` + gName + `)|(?i:gowes|funbike|fun bike|sepeda santai|jalan sehat|jalan santai|lomba \w+|ceria|nobar|turnamen|festival|fun run|funwalk|fun walk|cerdas cermat|mewarnai|dongeng|mendongeng)\W{0,2}\s+(?i:bareng|bersama|with)\s+` + gHonor + `\s+(` + gName + `))`)
	reEventKit   = mustFre(`(?i)\b(doorprize|door prize|kaos|kaus)\b`)
	reEventPerks = mustFre(`(?i)\b(doorprize|door prize|kaos|kaus|hadiah|panitia|gratis|snack|konsumsi)\b`)
	// A person praised for always caring, beside a volunteer group.
	reCarePraise = mustFre(`(?i)\b(selalu peduli|memang peduli|selalu hadir|tak pernah lupa|tidak pernah lupa|gak pernah lupa|selalu ada|peduli sekali|memang selalu)\b`)
	// A support verb with the speaker: "kita dukung Pak X", "kami bela Abah X".
	reNearSupport = mustFre(`\b(?i:kita|kami|ulun|bubuhan)\s+(?:\w+\s+){0,2}(?i:dukung|sokong|support|bela|pilih|milih|coblos|menangkan|kawal|antar|usung)\s+(?:(?i:haja|aja|saja|pian|terus)\s+)?` + gHonor + `\s+(` + gName + `)`)
	// "Kami dukung haja pian … sampai ke balai kota": a person supported
	// to an office (an aspiration forwarded to city hall is no person).
	reSupportToOffice = mustFre(`(?i)\b(?:kita|kami|ulun|bubuhan)\s+(?:\w+\s+){0,2}(?:dukung|sokong|bela)\s+(?:(?:haja|terus|aja|saja)\s+)?(?:pian|beliau|abah|bapak|ibu|(?:pak|bu|bang|abah) \w+)\b.{0,60}?\bsampai (?:ke|ka|di) (?:balai kota|kantor (?:wali ?kota|gubernur)|kursi (?:wali ?kota|gubernur|nomor satu)|lamin etam)`)
	// "X haja nang paling bujur", "JITU pang!", "kada kawa milih nang lain".
	reSettledSide = mustFre(`\b([A-Z]{3,8}|(?:` + gHonor + `\s+)?[A-Z][a-z]{2,})\s+(?i:haja|aja|saja)\s+(?i:pang\b|nang paling|yang paling|yg paling)`)
	reCapsPang    = mustFre(`\b([A-Z]{3,8})\s+(?i:pang)\b`)
	reNoOther     = mustFre(`(?i)\b(?:kada|tidak|gak|ga|nggak|tak)\s+(?:bisa|kawa|mau|handak)\s+(?:milih|pilih|memilih|bapilih)\s+(?:nang|yang|yg)?\s*lain\b`)
	reAsliBanua   = mustFre(`(?i)\b(?:pilih|milih|coblos)\s+(?:nang|yang|yg)\s+(?:asli banua|urang banua|putra daerah|asli samarinda)\b`)
	// A party's past rule feared: "waktu partai banteng pegang kursi …
	// jangan sampai terulang".
	rePartyPast  = mustFre(`(?i)(?:\b(?:waktu|pas|saat|ketika|selama|zaman|jaman|lima tahun|sepuluh tahun|sapuluh tahun|10 tahun|10 thn)\s+(?:partai\s+\w+|\w+)\s+(?:pegang|berkuasa|bakuasa|pimpin|memimpin|kuasai|menguasai|duduk)\b|\b(?:dipimpin|dikuasai|di bawah|dipegang)\s+partai\s+\w+)`)
	rePartyAgain = mustFre(`(?i)(jangan (?:sampai )?(?:terulang|tarulang|taulang|baulang|diulang|diulangi|kembali)|masa (?:mau )?diulang|jangan kasih lagi|jangan kasih kesempatan lagi|cukup sudah)`)
	// A call to fill a side's rally: "Redaksi mengajak pembaca memadati …".
	reVoteWord = mustFre(`(?i)\b(tps|menang|coblos|nyoblos|balai kota|kantor gubernur|kursi|wali kota|gubernur|suara)\b`)
	// A rally reported by its crowd ("dihadiri ribuan orang").
	reCrowdReport = mustFre(`(?i)\b(dihadiri|memadati|diikuti|dipadati|dipenuhi|dibanjiri|disesaki)\b`)
	reRallyInvite = mustFre(`(?i)\b(mengajak|diajak|ajak|yuk|ayo|mari|padati|ramaikan|ramaian)\b`)
	reRallyWord   = mustFre(`(?i)\b(kampanye akbar|kampanye terbuka|kampanye (?:pasangan|paslon|calon|cagub|cawali|caleg)|rapat umum|konser rakyat)\b`)
	reRallyPerks  = mustFre(`(?i)\b(gratis|shuttle|bus|angkutan|jemputan|transport\w*|konsumsi|kaos|kaus)\b`)
)

// nearFrames reads round 9's frames for a post whose sides nothing else
// found.
func (ix *Index) nearFrames(st *pstate, c *pctx, season bool) []genericHit {
	if st.doc == nil || c.quote || !season {
		return nil
	}
	hy := st.hay()
	raw := hy.raw
	if reCommunityRole.MatchString(hy) {
		return nil
	}
	sport := reSport.MatchString(hy)
	report := c.news || c.hardNews
	var out []genericHit
	hit := func(rule, actor, text string, oppose bool) {
		out = append(out, genericHit{rule: rule, actor: actor, text: text, oppose: oppose})
	}
	// "kita dukung Pak X … datang ke TPS": a support call beats the civic
	// phrase beside it.
	if m := reNearSupport.FindStringSubmatch(hy); m != nil && !report && (!c.neutral || !c.uncivic) {
		if n := strings.Fields(m[1]); nearNameOK(n[0]) && !sport && !reTeam.MatchString(hy) && !communityBallot(st) && (reLeadCtx.MatchString(hy) || reVoteWord.MatchString(hy) || ix.voteDayNamed(hy, st.day)) {
			hit("support-call", genericName(m[1]), m[0], false)
			return out
		}
	}
	if c.neutral {
		return nil
	}
	if m := reSupportToOffice.FindString(hy); m != "" && !report && !sport {
		hit("support-call", honorPerson(hy), m, false)
		return out
	}
	// A call to fill a side's rally, with its transport.
	if inv := reRallyInvite.FindString(hy); inv != "" && !c.hardNews {
		if r := reRallyWord.FindString(hy); r != "" {
			if p := reRallyPerks.FindString(hy); p != "" {
				if s := nearSide(hy); s != "" {
					hit("mobilisation", s, inv+" … "+r+" … "+p, false)
					return out
				}
			}
		}
	}
	// A ballot number beside a side, a cheer or the vote day. A notice
	// ("Jadwal posyandu …") may end with one: then it needs both the vote
	// day and a reminder.
	var nums [][]int
	if reNearNum.may(hy) && !sport && !c.hardNews && !(c.news && st.media) {
		nums = reNearNum.re.FindAllStringSubmatchIndex(raw, -1)
	}
	for _, ix2 := range nums {
		if reNumNotBallot.MatchString(raw[:ix2[0]]) || reAfterNum.MatchString(raw[ix2[1]:]) {
			continue // a queue, an address, a time, a date
		}
		n := ""
		if ix2[2] >= 0 {
			n = raw[ix2[2]:ix2[3]]
		} else {
			n = raw[ix2[4]:ix2[5]]
		}
		after := raw[ix2[1]:]
		if strings.HasPrefix(strings.TrimSpace(after), ",") || strings.HasPrefix(strings.TrimSpace(after), "dan ") {
			continue // "nomor urut 1, 2 dan 3": a list
		}
		lo, hi := max(0, ix2[0]-60), min(len(raw), ix2[1]+60)
		wh := newHay(raw[lo:hi])
		// The side sits right beside the number: a person on either side
		// ("Bang X nomor 2"), capitals only after it ("no 2 ANDY"; "Bus
		// DAMRI nomor 2", "KORPRI nomor 1" are the things numbered).
		near := newHay(raw[max(0, ix2[0]-25):min(len(raw), ix2[1]+25)])
		after25 := newHay(raw[ix2[1]:min(len(raw), ix2[1]+25)])
		side := honorPerson(&near)
		if side == "" {
			side = nearSide(&after25)
		}
		cheer := reNumCheer.FindString(&wh)
		vote := ix.voteDayNamed(hy, st.day)
		if c.news && !(vote && reNumRemind.MatchString(&wh)) {
			continue
		}
		// "jangan lupa 02 ya": a coded number reminded; "nomor 3 pang!!".
		coded := ix2[4] >= 0 && reNumRemind.MatchString(&wh)
		strong := reNumPang.MatchString(after) || reNumGas.MatchString(raw[:ix2[0]])
		if side != "" && (cheer != "" || vote) || cheer != "" && vote || coded && cheer != "" || strong {
			why := strings.TrimSpace(cheer)
			if why == "" || vote && side == "" {
				why = ix.voteDayText(hy, st.day)
			}
			hit("support-call", "ballot-"+n, strings.TrimSpace(raw[ix2[0]:ix2[1]])+" … "+why, false)
			return out
		}
	}
	// A registration or a birthday greeted with a wish of trust or a win;
	// a greeting is the account's voice even beside a KPU word.
	if w := reTrustWish.FindStringSubmatch(hy); w != nil && !st.media && (!report || reGreetWord.MatchString(hy)) {
		// A registration of a candidate, not of polling staff.
		reg := reRegistration.MatchString(hy) && reKPUWord.MatchString(hy) && !reElectionStaff.MatchString(hy)
		greet := reGreetWord.FindString(hy)
		if s := nearSide(hy); s != "" && (reg || greet != "" && !sport && (ix.voteDayNamed(hy, st.day) || w[1] != "dipercaya")) {
			hit("support-call", s, strings.Fields(w[0])[0]+" … "+w[1], false)
			return out
		}
	}
	// A region's slogan hashtag beside a greeted pair.
	if m := reTagRegionSlogan.FindStringSubmatch(hy); m != nil && !st.media && reGreetWord.MatchString(hy) {
		if p := rePairBare.FindStringSubmatch(hy); p != nil {
			hit("campaign-hashtag", genericName(p[1]), m[0], false)
			return out
		}
	}
	// An event named after a person, with prizes from its committee (an
	// announcement: read in a notice too).
	if m := reEventNamed.FindStringSubmatch(hy); m != nil && !c.hardNews && !st.media && nearNameOK(strings.Fields(m[1] + m[2])[0]) {
		// A tournament named after a person is the person's; an activity
		// "bersama Kak X" needs the side's kaos or a doorprize (a
		// storyteller's contest hands out prizes too).
		if p := reEventPerks.FindString(hy); p != "" && (strings.HasPrefix(strings.ToLower(m[0]), "piala") || strings.HasPrefix(strings.ToLower(m[0]), "cup") || reEventKit.MatchString(hy)) {
			hit("mobilisation", genericName(m[1]+m[2]), m[0]+" … "+p, false)
			return out
		}
	}
	if report {
		return out
	}
	// "Semoga HARUM menang", "semoga pak X menang", "mudahan menang Pak X".
	if ms := reNearWish.FindStringSubmatchIndex(hy); ms != nil && !sport && !reTeam.MatchString(hy) {
		mid := newHay(raw[ms[2]:min(len(raw), ms[1]+30)])
		if s := nearSide(&mid); s != "" {
			hit("support-call", s, raw[ms[0]:ms[1]], false)
			return out
		}
	}
	// "#HARUMMenang", "#MenangkanArman".
	for _, m := range reTagAcronymWin.FindAllStringSubmatch(hy, -1) {
		if !acronymStop[m[1]] {
			hit("campaign-hashtag", "unlisted:calon-"+strings.ToLower(m[1]), m[0], false)
			return out
		}
	}
	for _, m := range reTagNameWin.FindAllStringSubmatch(hy, -1) {
		n := m[1] + m[2]
		if l := strings.ToLower(n); !genericStop[l] && !hashtagCivic[l] && !tagWinCivic[l] && !acronymStop[n] {
			hit("campaign-hashtag", sideActor(n), m[0], false)
			return out
		}
	}
	// A region's slogan hashtag beside a dig at a party.
	if m := reTagRegionSlogan.FindStringSubmatch(hy); m != nil {
		if d := rePartyDig.FindString(hy); d != "" {
			hit("oppose-call", ix.partyNamed(st, hy), m[0]+" … "+d, true)
			return out
		}
	}
	// A finger pose with the campaign's arithmetic or a wink.
	if f := reFingerAny.FindString(hy); f != "" && !sport && !reTeam.MatchString(hy) {
		if s := reFingerSlogan.FindString(hy); s != "" {
			hit("hand-sign", "", f+" … "+s, false)
			return out
		}
	}
	// A volunteer group named by capitals beside a person praised.
	if m := reVolunteers.FindStringSubmatch(hy); m != nil && !st.media && !acronymStop[m[1]] && !civicAcronym.MatchString(m[1]) && !reCivicVolunteers.MatchString(hy) {
		if pr := reCarePraise.FindString(hy); pr != "" {
			if p := honorPerson(hy); p != "" {
				hit("party-service", "unlisted:relawan-"+strings.ToLower(m[1]), m[0]+" … "+pr, false)
				return out
			}
		}
	}
	// Banjar settled support: "X haja nang paling bujur", "JITU pang!".
	if m := reSettledSide.FindStringSubmatch(hy); m != nil {
		w := strings.Fields(m[1])
		// A bare capitalised word is a side only beside a vote ("Soto
		// Banjar haja nang paling nyaman" is a menu).
		named := len(w) > 1 || strings.ToUpper(w[0]) == w[0] || rePilihWord.MatchString(hy)
		// A shop or a dish named after its owner ("Sate Pak Badrun haja nang
		// paling nyaman") is a menu too.
		if n := w[len(w)-1]; named && nearNameOK(n) && !acronymStop[n] && !acronymNotSide[n] && !firstPersonWords[strings.ToLower(n)] && !frShopPerson.MatchString(hy) {
			hit("support-praise", sideActor(n), m[0], false)
			return out
		}
	}
	if m := reCapsPang.FindStringSubmatch(hy); m != nil && !acronymStop[m[1]] && !acronymNotSide[m[1]] && (reAsliBanua.MatchString(hy) || rePilihWord.MatchString(hy)) {
		hit("support-call", "unlisted:calon-"+strings.ToLower(m[1]), m[0], false)
		return out
	}
	if o := reNoOther.FindString(hy); o != "" {
		if s := nearSide(hy); s != "" {
			hit("support-praise", s, o, false)
			return out
		}
	}
	// A party's past rule feared.
	if r := rePartyPast.FindString(hy); r != "" {
		if a := rePartyAgain.FindString(hy); a != "" {
			p := ix.partyNamed(st, hy)
			if f := strings.Fields(strings.ToLower(r)); p == "" {
				// "partai matahari": a party by its symbol.
				for i := 0; i+1 < len(f); i++ {
					if f[i] == "partai" {
						p = "unlisted:partai-" + f[i+1]
					} else if s := ix.symbolParty(f[i+1]); s != "" && p == "" {
						p = s // "sapuluh tahun banteng bakuasa": a party by its animal
					}
				}
			}
			if p != "" {
				hit("oppose-call", p, r+" … "+a, true)
				return out
			}
		}
	}
	return out
}

// tagWinCivic are names of a whole community that wins (a team, the
// city): "#IndonesiaMenang", "#KitaMenang".
var tagWinCivic = map[string]bool{"kita": true, "indonesia": true, "samarinda": true, "kaltim": true, "rakyat": true,
	"warga": true, "semua": true, "timnas": true, "garuda": true, "bersama": true, "kaltimku": true, "benuaetam": true,
	"pesut": true, "borneo": true, "persisam": true, "anak": true, "umkm": true, "desa": true, "kota": true}

// nearSide is a side named in h: a person with an honorific, a pair, or a
// capitals word that is no agency or cheer.
func nearSide(h *hay) string {
	if p := honorPerson(h); p != "" {
		return p
	}
	if m := rePairBare.FindStringSubmatch(h); m != nil {
		return genericName(m[1])
	}
	for _, w := range reNearCaps.FindAllString(h, -1) {
		if !acronymStop[w] && !acronymNotSide[w] && !civicAcronym.MatchString(w) {
			return "unlisted:calon-" + strings.ToLower(w)
		}
	}
	return ""
}

// civicAcronym are capitals of agencies and civic groups, read on one
// word (plain: a substring).
var civicAcronym = regexp.MustCompile(`(?i)^(pmi|bpbd|sar|tagana|damkar|kpps|pps|ppk|osis|kkn|bem|ukm|hmi|pmii|gmni|kammi|imm|kia|sktm|rapi|orari|senkom|fkub|linmas|basarnas|sibat|kompas|bumn|bumd|smk|sdn|smpn|sman|mi|mts|ma|rsud|uptd|ktp|kk)$`)

// honorPerson is a person named with an honorific ("Pak Darsono",
// "pak Darsono"), not an office.
func honorPerson(h *hay) string {
	for _, m := range reHonorName.FindAllStringSubmatch(h, -1) {
		if n := strings.Fields(m[1]); nearNameOK(n[0]) {
			return genericName(trimDays(m[1]))
		}
	}
	for _, m := range reHonorLower.FindAllStringSubmatch(h, -1) {
		if nearNameOK(m[1]) {
			return genericName(m[1])
		}
	}
	return ""
}

// nearOffice are offices said after an honorific ("Pak Kapolresta"),
// beside genericStop's.
var nearOffice = map[string]bool{"kapolresta": true, "kapolsek": true, "kapolres": true, "dandim": true, "danrem": true,
	"danramil": true, "danlanal": true, "kajari": true, "kajati": true, "kalapas": true, "kasatpol": true,
	"kadis": true, "kadisdik": true, "kadinkes": true, "kapuskesmas": true, "rektor": true, "dekan": true,
	"kepsek": true, "ketua": true, "sekretaris": true, "bendahara": true, "pembina": true, "kades": true, "pj": true}

// nearNameOK reports a word after an honorific that may be a person's
// name, not an office.
func nearNameOK(n string) bool { return honorNameOK(n) && !nearOffice[strings.ToLower(n)] }

// sideActor names a side written as capitals or a name.
func sideActor(w string) string {
	if strings.ToUpper(w) == w {
		return "unlisted:calon-" + strings.ToLower(w)
	}
	return genericName(w)
}

var monthIndex = map[string]time.Month{"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
	"juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12}

// voteDayNamed reports a date in h that is the vote day of a race voting
// within 183 days after day ("tgl 28", "28 November nanti").
func (ix *Index) voteDayNamed(h *hay, day Date) bool { return ix.voteDayText(h, day) != "" }

// voteDayText is the words of the vote day named in h, or "".
func (ix *Index) voteDayText(h *hay, day Date) string {
	for _, m := range reDayOfMonth.FindAllStringSubmatch(h, -1) {
		d, mon := m[1], m[2]
		if d == "" {
			d, mon = m[3], m[4]
		}
		n, err := strconv.Atoi(d)
		if err != nil {
			continue
		}
		for _, e := range ix.elections {
			if !day.IsZero() && (e.Vote.Before(day) || !e.Vote.Before(day.AddDays(183))) {
				continue
			}
			if e.Vote.t.Day() == n && (mon == "" || monthIndex[strings.ToLower(mon)] == e.Vote.t.Month()) {
				return m[0]
			}
		}
	}
	return ""
}
