package catalog

import (
	"slices"
	"strings"
)

// Round 12's frames: the miss classes of the independent sets J and K,
// as shapes appended to the frame table (the frames read the post with
// its short and misspelled words spelled out, see spell.go): a person
// wished an electoral aim ("tahun kemenangan", "menuju Samarinda 1",
// "naik kelas ka kursi dewan"); a registration wished a win; a party's
// post reposted with approval; aid from a side's campaign organ; a side's
// volunteer or witness form to fill; a ballot number in a hashtag
// ("#Nomor2Pasti") or a "lucky number" to remember; a party chosen "aja
// lah"; "bismillah <Name> DPR RI 2029".

var (
	// A person's electoral aim wished ("semoga tahun ini jadi tahun
	// kemenangan Bapak", "dimudahkan jalannya menuju Samarinda 1",
	// "mudahan 2029 naik kelas ka kursi dewan").
	fr12AimWish = mustFre(`(?i)\b(?:semoga|moga|moga-moga|moga2|smg|mudahan|mudah-mudahan|mudah2an|insyaallah|doa\w*)\b.{0,90}?\b(tahun kemenangan|menuju (?:samarinda|kaltim|kalimantan timur|balai kota|kursi) ?(?:1|satu|dprd|dewan|wali ?kota|gubernur)?|naik kelas (?:ke|ka) (?:kursi|dprd|dewan|senayan|balai kota)|melenggang ke|ke senayan|dpr ri|kursi dewan)\b`)
	// A registration or nomination, then a wish of victory ("pendaftaran
	// pasangan X sudah diterima KPU. Semoga menang telak").
	fr12RegWin = mustFre(`(?i)\b(?:pendaftaran|mendaftar|daftar|penetapan|ditetapkan|pencalonan)\b.{0,140}?\b(?:semoga|moga|mudahan|mudah-mudahan|insyaallah)\b.{0,40}?\b(?:menang|terpilih|lolos)\b`)
	// A party's own account reposted ("RT @DPD_PAN_Samarinda: …").
	fr12PartyRT = mustFre(`(?:\bRT|(?i:repost|regram))\s+@(?i:DPD|DPW|DPC|DPP|PAC)[._]?([A-Za-z]{2,12})(?:[._]|\b)`)
	// Approval of what is reposted.
	fr12Approve = mustFre(`(?i)\b(ikut bangga|ikut mendoakan|mendoakan|bangga|sukses selalu|sukses terus|mantap|luar biasa|setuju|keren)\b`)
	// Aid from a side's campaign organ ("dari Tim Pemenangan MUWEL",
	// "Posko Pemenangan Wahyuni", "Relawan BERKAH").
	// A bare "Relawan" counts only before an acronym: "Relawan Rumah Zakat"
	// is a charity's.
	fr12Organ = mustFre(`(?i:tim pemenangan|posko pemenangan|posko perjuangan|tim sukses|timses|tim relawan)\s+([A-Z]{3,8}\b|` + gPair + `|` + gName + `)|(?i:relawan)\s+([A-Z]{3,8})\b`)
	// A complaint or a report about a side's aid is no thanks for it.
	fr12AidNot = mustFre(`(?i)\b(bawaslu|gakkumdu|lapor\w*|dilaporkan|politik uang|money politic|serangan fajar|pelanggaran|gigit jari|tidak adil|kecewa|relawan (?:tagana|pmi|sibat|rapi|orari|senkom))\b`)
	fr12Aid    = mustFre(`(?i)\b(bantuan|sembako|paket|fogging|pengobatan gratis|cek kesehatan gratis|air bersih|tandon|beras|santunan|tangki|disalurkan|dibagikan|dibagi)\b`)
	// A side's volunteer, witness or support form to fill ("formulir
	// dukungan relawan X … mohon diisi", "link pendaftaran saksi TPS untuk
	// pasangan X–Y").
	fr12Form = mustFre(`(?i:formulir|form|link|pendaftaran|pendataan|data|survei|survey|kuesioner|google form|gform)\s+(?:\w+\s+){0,2}?(?i:relawan|saksi(?: tps)?|pendukung|dukungan)\s+(?:(?i:untuk|bagi)\s+)?(?:(?i:pasangan|paslon|pak|bapak|bu|ibu|bang|paman)\s+)?([A-Z]{3,8}\b|` + gPair + `|` + gName + `)`)
	fr12Fill = mustFre(`(?i)\b(diisi|isi|mengisi|isikan|bersedia|daftar)\b`)
	// A ballot number in a hashtag: "#Nomor2Pasti", "#Pasti01".
	fr12NumTag = mustFre(`#(?:Nomor|No|Nomer|Paslon)?0?([1-9])(?:Pasti|Menang|Juara|Lanjut|Lanjutkan|Hebat|Jaya)\b|#(?:Pasti|Menang|Coblos|Pilih)(?:Nomor|No|Nomer)?0?([1-9])\b`)
	// A number to remember as "ours", said to the undecided: "yang masih
	// bingung, ingat angka keberuntungan kita aja: tiga 🤟".
	fr12OurNumber = mustFre(`(?i)\bingat\s+(?:angka|nomor|nomer)\s+(?:\w+\s+){0,2}?(?:kita|kami)\b\W+(?:(?:aja|saja|ya|yaa|deh)\W+)*(satu|dua|tiga|empat|lima|[1-9])\b`)
	// A party chosen in passing: "golkar aja lah", "PKS saja deh".
	fr12PartyOnly = mustFre(`(?i)\b([a-z]{2,12})\s+(?:aja|saja|ajah|haja)\s+(?:lah|dah|deh|udah|sudah)\b`)
	// A prayer for a person's seat: "bismillah Bonaventura DPR RI 2029".
	fr12Bismillah = mustFre(`(?i:bismillah|insyaallah)\s+(?:(?i:pak|bapak|bu|ibu|bang|kak)\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?i:DPR RI|DPRD|DPD RI|ke senayan|senayan|wali ?kota|gubernur|cawali|cagub|caleg)\b`)
	fr12Year      = mustFre(`\b20[2-9][0-9]\b`)
)

var round12Frames = []frame{
	{rule: "greeting", parts: []*fre{frGreet, fr12AimWish}, side: personAnySide, anyDay: true, team: true, not: fr11AfterVote},
	{rule: "greeting", parts: []*fre{fr12RegWin}, side: sharedSide, news: true, team: true, not: fr11AfterVote},
	{rule: "support-call", parts: []*fre{fr12PartyRT, fr12Approve}, side: rtPartySide, anyDay: true},
	{rule: "party-service", parts: []*fre{fr12Organ, fr12Aid}, side: organSide, not: fr12AidNot},
	{rule: "recruitment", parts: []*fre{fr12Form, fr12Fill}, side: organSide, not: fr11ShareNot, mobilise: true, anyDay: true, news: true}, // "survei" is the form's word here, not a report
	{rule: "campaign-hashtag", parts: []*fre{fr12NumTag}, side: numberSide, sport: true, not: frPlayerNumber},                              // "#Nomor2Pasti" is no contest's
	{rule: "support-call", parts: []*fre{fr12OurNumber}, side: numberSide, undecided: true},
	{rule: "support-call", parts: []*fre{fr12PartyOnly}, side: partySide, anyDay: true},
	{rule: "support-call", parts: []*fre{fr12Bismillah, fr12Year}, side: personSide, anyDay: true},
}

func init() {
	for i := range round12Frames {
		round12Frames[i].join = true
	}
	frames = append(frames, round12Frames...)
}

// outOfSeason12 reports a post round 12's any-day frames may read outside
// an election season without a party or election word: a person wished
// an electoral aim, a side's form to fill, a prayer for a seat in a year.
func outOfSeason12(st *pstate) bool {
	if st.doc == nil {
		return false
	}
	hy := st.hay()
	return fr12AimWish.MatchString(hy) && frGreet.MatchString(hy) || fr12Form.MatchString(hy) && fr12Fill.MatchString(hy) ||
		strings.Contains(st.doc.Raw, "20") && fr12Bismillah.MatchString(hy) && fr12Year.MatchString(hy)
}

// rtPartySide is the party whose account is reposted: the catalog's
// party of that abbreviation, or an unlisted one.
func rtPartySide(ix *Index, _ *pstate, m []string) string {
	if len(m) < 2 || m[1] == "" {
		return ""
	}
	id := strings.ToLower(m[1])
	if a := ix.actors[id]; a != nil && a.Kind == "party" {
		return a.ID
	}
	return "unlisted:partai-" + id
}

// civicBodyWords name the hazard or service a volunteer body answers.
var civicBodyWords = map[string]bool{"siaga": true, "tanggap": true, "banjir": true, "bencana": true, "kebakaran": true,
	"darurat": true, "kebersihan": true, "lingkungan": true, "kesehatan": true, "posyandu": true, "literasi": true,
	"linmas": true, "tagana": true, "pmi": true, "sar": true, "covid": true, "sungai": true, "kampung": true}

// organSide is the side a campaign organ or a form names: an acronym, a
// pair or a person.
func organSide(_ *Index, _ *pstate, m []string) string {
	n := ""
	for _, g := range m[1:] {
		if g != "" {
			n = g
			break
		}
	}
	if n == "" {
		return ""
	}
	if strings.ToUpper(n) == n {
		if civicAcronym.MatchString(n) {
			return ""
		}
		return acroSide(n)
	}
	f := strings.Fields(n)
	if len(f) == 0 || !nearNameOK(strings.Trim(f[0], "-–—")) || pairStop[strings.ToLower(f[0])] || genericStop[strings.ToLower(f[0])] {
		return ""
	}
	// "Relawan Siaga Banjir", "Relawan Tanggap Bencana": a body named by
	// the hazard or service it answers is a civic one, not a side.
	if slices.ContainsFunc(f, func(w string) bool { return civicBodyWords[strings.ToLower(w)] }) {
		return ""
	}
	return genericName(n)
}

// numberSide is the side a ballot number names: the open race's
// candidate of that number, or an unlisted number.
func numberSide(ix *Index, st *pstate, m []string) string {
	n := ""
	for _, g := range m[1:] {
		if g != "" {
			n = g
			break
		}
	}
	switch strings.ToLower(n) {
	case "":
		return ""
	case "satu":
		n = "1"
	case "dua":
		n = "2"
	case "tiga":
		n = "3"
	case "empat":
		n = "4"
	case "lima":
		n = "5"
	}
	if id := ix.resolveNumber(n, ix.openRaces(st.day), st.day, true); id != "" {
		return id
	}
	return "unlisted:nomor-" + n
}
