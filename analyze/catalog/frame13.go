package catalog

// Round 13's frames: the miss classes of the independent sets L and M,
// as shapes appended to the frame table: aid handed over as a candidate's
// gift ("sumbangan dari paslon X"); a side's acronym with its ballot
// number in a hashtag ("#XYZno3"); a padded ballot number preferred
// ("mending 01 lah"); a colour said to win ("kuning itu menang"); a named
// person set against "the other candidate" ("calon yang satunya … beda
// sama Pak X yang sudah kerja").

var (
	// Aid given as a candidate's gift: "sumbangan dari paslon WAFI",
	// "bantuan titipan caleg Pak X".
	fr13Donor = mustFre(`(?i:sumbangan|bantuan|hibah|donasi|titipan|kiriman|hadiah|paket)\s+(?:\w+\s+){0,2}?(?i:dari)\s+(?i:paslon|pasangan calon|calon wali ?kota|calon gubernur|calon legislatif|cawali|cawalkot|cagub|caleg|kandidat)\s+(?:(?i:nomor urut|nomor|no\.?)\s*\d+\s+)?(?:` + gHonorB + `\s+)?([A-Z]{3,8}\b|` + gPair + `|` + gName + `)`)
	// A side's acronym with its ballot number in a hashtag: "#WAFIno3",
	// "#BARANomor2".
	fr13AcroNumTag = mustFre(`#([A-Z]{3,8})(?i:no|nomor|nomer)0?[1-9]\b`)
	// A padded ballot number preferred: "mending 01 lah", "mendingan
	// nomor 02". The padding is the ballot's, not a price's or a rank's.
	fr13Prefer = mustFre(`(?i)\b(?:mending|mendingan|mending pilih|lebih baik pilih)\s+(?:nomor\s+|no\.?\s*)?0([1-9])\b`)
	// A colour said to win: "kuning itu menang", "pokoknya biru pasti menang".
	fr13ColourWin = mustFre(`(?i)\b(kuning|merah|biru|hijau|oranye|orange|ungu|putih|hitam|jingga)\s+(?:itu\s+|pasti\s+|tetap\s+|harus\s+|itu\s+pasti\s+)+(?:menang|juara|jaya)\b`)
	// A named person set against the other candidate: "calon yang satunya
	// cuma pinter janji, beda sama Pak X yang sudah kerja nyata".
	fr13Contrast  = mustFre(`(?i:beda|berbeda|lain)\s+(?i:sama|dengan|dari|ama|lawan)\s+` + gHonorB + `\s+(` + gName + `)\s+(?i:yang|yg)\b`)
	fr13OtherCand = mustFre(`(?i)\b(?:calon|paslon|kandidat|pasangan|caleg)\s+(?:yang|yg)\s+(?:satunya|satu lagi|lain|sebelah|sana)\b`)
	// A hoax or a claim denied: the call it quotes is not the account's.
	reDebunk = mustFre(`(?i)\b(hoaks|hoax|berita bohong|disinformasi|cek fakta|pesan berantai|tidak benar|tidak pernah mengeluarkan|tidak pernah menginstruksikan)\b`)
	// A complaint or a report about a side's aid is no thanks for it.
	fr13DonorNot = fr12AidNot
)

var round13Frames = []frame{
	{rule: "party-service", parts: []*fre{fr13Donor}, side: organSide, not: fr13DonorNot},
	{rule: "campaign-hashtag", parts: []*fre{fr13AcroNumTag}, side: organSide},
	{rule: "support-call", parts: []*fre{fr13Prefer}, side: numberSide},
	{rule: "support-call", parts: []*fre{fr13ColourWin}, side: colourSide},
	{rule: "support-call", parts: []*fre{fr13Contrast, fr13OtherCand}, side: personSide},
}

func init() {
	for i := range round13Frames {
		round13Frames[i].join = true
	}
	frames = append(frames, round13Frames...)
}
