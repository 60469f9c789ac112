package catalog

// Round 28's frames: the miss classes of the blind pairs CG+CH, CI+CJ,
// CK+CL and CM+CN, each read after its one scoring (README, round 28).

var (
	// A side's claim or slogan mocked with "katanya": "katanya banjir
	// beres", "katanya Kaltim berdaulat 😅", "Gratispol katanya 🤡".
	fr28ClaimMock = mustFre(`(?i)\bkatanya\s+(?:\S+\s+){0,3}?(?:beres|tuntas|selesai|teratasi|berdaulat|sejahtera|gratis\w*|bebas banjir|mulus)\b|\b\w{4,}\s+katanya\s*(?:🤡|😅|🤭|😂|🙄|😏)`)
	// ... and the reader told to judge the vote by it: "jgn mau dibodohi
	// dua kali", "semoga 27 November warga makin cerdas menilai".
	fr28JudgeVote = mustFre(`(?i)\b(?:jangan|jgn|jngn) mau (?:dibohongi|dibodohi|dikibulin|dikibuli|dibodoh-bodohi)(?: lagi| dua kali| 2 kali)?\b|\bcerdas (?:menilai|memilih)\b|\bjangan salah pilih\b|\bjgn salah pilih\b`)
	// A scam, a levy or a hoax mocked the same way is no side's: "katanya
	// sekolah gratis, kok masih ada pungutan? jangan mau dibodohi oknum".
	fr28ClaimNot = mustFre(`(?i)\b(?:oknum|pungli|pungutan|calo|penipu\w*|modus|hoaks|hoax|saber|lapor\w*|promo|diskon|olshop|toko|jualan)\b`)
	// A second term cheered beside a side's acronym in a hashtag: "Lanjut
	// jilid 2 makin ngebut 🚀 #AHZ" (contextFrames: a service post's
	// "petugas" or "loket" does not hide it).
	fr28AcroTag   = mustFre(`#([A-Z]{2,6})\b`)
	fr28TermCheer = mustFre(`(?i)\blanjut(?:kan)?\s+jilid\s*(?:2|dua|ii)\b|\bjilid\s*(?:2|dua|ii)\s+(?:makin|lebih|tambah|gas)\b`)
	// A count a service post spells out beside its fingers: "2 kali
	// sehari sikat gigi", "3 langkah cuci tangan", "3M Plus".
	fr28CountSpelled = mustFre(`(?i)\b(?:[1-5]|satu|dua|tiga|empat|lima)\s*(?:x|kali)\s+(?:sehari|seminggu|sebulan|setahun|dalam sehari|dalam seminggu|dalam setahun)\b|\b(?:[1-5]|dua|tiga|empat|lima)\s+(?:langkah|cara|tips|kiat|hal penting|prinsip|aturan|syarat)\b|\b3m(?: plus)?\b`)
	// A ballot number to remember with the vote day, in Indonesian or
	// Banjar: "ingati haja nomor dua tanggal 27 kaina lah 😁✌️".
	fr28RememberNum = mustFre(`(?i)\bingat(?:i|kan|lah)?\s+(?:(?:haja|aja|saja|ja|ya|lah|pang)\s+)?(?:nomor|nomer|no\.?|angka)\s+(satu|dua|tiga|empat|lima|0?[1-5])\b`)
	// Aid received from a side's volunteers: "menerima perahu karet & 500
	// nasi bungkus dari Relawan AH".
	fr28VolunteerAid = mustFre(`(?i)\b(?:sumbangan|bantuan|hibah|donasi|titipan|kiriman|paket|menerima|terima|mendapat|dapat)\s+(?:\S+\s+){0,6}?dari\s+(?:relawan|simpatisan|sahabat|laskar|tim pemenangan|tim sukses|timses|posko pemenangan)\s+([\pL\pN'’-]+)`)
	// A broken promise asked another term: "Yg dulu janji 'Samarinda bebas
	// banjir' masih pede aja ya minta 5 tahun lagi".
	fr28PromiseMoreYears = mustFre(`(?i)\b(?:(?:yg|yang|nang) dulu|dulu (?:ada )?(?:yg|yang|nang)) (?:janji|berjanji|bajanji)\b.{0,100}?\b(?:minta|mau|masih|handak|nambah|tambah) (?:\S+ ){0,3}?(?:(?:5|lima) (?:tahun|thn)|(?:satu|1) periode) lagi\b`)
	// A contractor's or a vendor's promise is a contract's, not a term's.
	fr28ContractWords = mustFre(`(?i)\b(?:kontraktor|vendor|rekanan|proyek|perusahaan|kontrak\w*|pt|cv)\b`)
	// A movement's hashtag against the dynasty, in the presidential race.
	fr28AntiDynastyTag = mustFre(`#(?i:tolakdinasti|tolakpolitikdinasti|lawandinasti|stopdinasti|tolakdinastipolitik)\b`)
	// The election body's own staff recruited ("DIBUTUHKAN anggota KPPS …
	// Berkas diantar ke sekretariat PPS"): its logistics mobilise no one.
	fr28StaffRecruit = mustFre(`(?i)\b(?:kpps|pps|ppk|pantarlih|panwas\w*|pengawas tps|linmas)\b.{0,120}?\b(?:dibutuhkan|rekrutmen|pendaftaran|syarat|berkas|lowongan|seleksi)\b|\b(?:dibutuhkan|rekrutmen|pendaftaran|lowongan|seleksi)\b.{0,60}?\b(?:kpps|pps|ppk|pantarlih|panwas\w*|pengawas tps)\b`)
	// The empty box's win supposed and asked about: "Baru tau kalau kolom
	// kosong menang, pilkada diulang. Ada yg bisa jelasin …?".
	fr28SupposedAsk = mustFre(`(?i)\b(?:kalau|kalo|klo|kl|amun|jika|bila|apabila|seandainya|andai)\s+(?:\S+\s+){0,2}?(?:kotak|kolom) kosong\s+(?:(?:yg|yang|nang)\s+)?menang\b.*\?`)
	// A side's slogan mocked with "katanya" and a "but": "Katanya
	// \"perubahan\", tp yg ngusung partai2 yg udah lama …".
	fr28SloganMock = mustFre(`(?i)\bkatanya\s+["'“‘]?(perubahan|keberlanjutan|lanjutkan|gemoy|sat set)["'”’]?\W+(?:tp|tapi|tetapi|padahal|eh|kok|lah)\b`)
	// The 2024 governor pair's campaign programme cheered (a hashtag, "!"
	// or a heart), read only while its race is open (from 2025 it is the
	// governor's programme): "November gratispol! 💛". Named in a debate's
	// report or a promise to be kept it is no cheer.
	fr28Gratispol = mustFre(`(?i)#gratispol\b|(?:^|[^\pL])gratis\s?pol\s*(?:!|💛|💪|🔥|✌)`)
	// A party colour made a region's ("#KuningkanKaltim"); "hijaukan" is
	// planting trees, not a party.
	fr28ColourTag = mustFre(`#(Kuning|Merah|Biru|Oranye|Orange)kan(?:Kaltim|Samarinda|Indonesia|Banua|Kota)\b`)
	// A colour's side the reader knows, with a wink, in Banjar too: "pian
	// tahu haja pang nang kuning 😉💛".
	fr28KnowColour = mustFre(`(?i)\b(?:tahu|tau|paham|ngerti|mangarti)\s+(?:(?:haja|aja|saja|lah|kan|pang|ja)\s+){0,2}(?:nang|yg|yang)\s+(kuning|merah|biru|oranye|orange)\b`)
	fr28Wink       = mustFre(`😉|😜|🤭|😏`)
	// A numbered side's win threatened: "kalau yg nomor 1 menang, jangan
	// harap ada pengangkatan lagi ya 🙃".
	fr28IfWinsThreat = mustFre(`(?i)\b(?:kalau|kalo|klo|jika|amun|kl)\s+(?:(?:yg|yang|nang)\s+)?(?:paslon\s+)?(?:nomor|no\.?|nmr)\s*(satu|dua|tiga|0?[1-5])\s+(?:(?:yg|yang|nang)\s+)?menang\b.{0,40}?\b(?:jangan harap|jgn harap|siap-siap|siap2|tamat|habis sudah|hancur)\b`)
	// A candidate's youth and father mocked in the presidential race:
	// "Anak kemarin sore disuruh mimpin negara, modal bapaknya doang?".
	fr28KidRuler = mustFre(`(?i)\banak kemarin sore\b.{0,60}?\b(?:negara|wapres|presiden|bapaknya|bapak)\b|\bmodal (?:bapak|bapaknya|bapaknye|ortu)(?: doang| aja| saja)?\b.{0,40}?\b(?:negara|wapres|presiden|cawapres)\b`)
)

// mockedClaim reports a claim mocked with "katanya" beside a word to the
// voter, in a post that mocks no scam or levy, or a side's slogan mocked
// with "katanya … tapi".
func mockedClaim(st *pstate) bool {
	if st.doc == nil {
		return false
	}
	hy := st.hay()
	return fr28ClaimMock.MatchString(hy) && fr28JudgeVote.MatchString(hy) && !fr28ClaimNot.MatchString(hy) || fr28SloganMock.MatchString(hy)
}

// twoSlogans reports another slogan of sp's side in the post, apart from
// sp: two of a side's catchwords are its campaign's voice.
func twoSlogans(st *pstate, sp *pspan) bool {
	for i := range st.spans {
		o := &st.spans[i]
		if o.class == cSlogan && o.name == sp.name && (o.end <= sp.start || o.start >= sp.end) {
			return true
		}
	}
	return false
}

// campaigningSide is the one catalog side the post names while that
// side campaigns on the post's day, or "": a volunteer group named only
// by a word of its own is a civic body as often as a side's.
func campaigningSide(ix *Index, st *pstate, _ []string) string {
	if tg := ix.onlySide(st); tg != nil && ix.campaigning(tg.actor, st.day) {
		return tg.actor
	}
	return ""
}

var round28Frames = []frame{
	{rule: "oppose-call", parts: []*fre{fr28ClaimMock, fr28JudgeVote}, side: fixedSide("unlisted:lawan"), oppose: true, not: fr28ClaimNot},
	{rule: "support-call", parts: []*fre{fr28RememberNum, fr25VoteDate}, side: onVoteDay(numberSide), mobilise: true, not: reCommunityPost},
	{rule: "party-service", parts: []*fre{fr28VolunteerAid}, side: campaigningSide, not: fr12AidNot, mobilise: true},
	{rule: "oppose-call", parts: []*fre{fr28AntiDynastyTag}, side: liveSide("prabowo-gibran"), oppose: true, civic: true, undecided: true},
	{rule: "oppose-attack", parts: []*fre{fr28SloganMock}, side: jibedSloganSide, oppose: true, mobilise: true},
	{rule: "slogan", parts: []*fre{fr28Gratispol}, side: liveSide("rudy-seno"), mobilise: true},
	{rule: "attributes", parts: []*fre{fr28ColourTag}, side: colourSide, mobilise: true},
	{rule: "attributes", parts: []*fre{fr28KnowColour, fr28Wink}, side: colourSide},
	{rule: "oppose-call", parts: []*fre{fr28IfWinsThreat}, side: numberSide, oppose: true},
	{rule: "oppose-attack", parts: []*fre{fr28KidRuler}, side: liveSide("prabowo-gibran"), oppose: true},
}

func init() {
	for i := range round28Frames {
		round28Frames[i].join = true
	}
	frames = append(frames, round28Frames...)
}
