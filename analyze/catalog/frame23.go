package catalog

import "strings"

// Round 23's frames: the miss classes of two independent sets (AN, AO).

var (
	// A side's volunteers or team gathered: "konsolidasi relawan 01
	// Isran–Hadi", "pertemuan relawan GAMA … yg bisa hadir".
	fr23SideGathering = mustFre(`\b(?i:konsolidasi|rapat koordinasi|rakor|pertemuan|temu|kumpul|kumpul-kumpul|silaturahmi|briefing)\s+(?i:akbar\s+|besar\s+)?(?i:relawan|tim pemenangan|timses|tim sukses|simpatisan|pendukung|kader)\s+(?i:paslon\s+|pasangan\s+|nomor\s+|no\s+)?([A-Z]{3,8}\b|0?[1-5]\b|` + gPair + `|` + gName + `)`)
	// A party's symbol said to grow: "beringin makin rindang 🌳".
	fr23SymbolGrow = mustFre(`(?i)\b(beringin|banteng|mercy|ka'bah|kabah|mawar|garuda)\s+(?:makin|semakin|tambah|tetap|selalu)\s+(?:rindang|kokoh|jaya|berjaya|besar|menang|kuat|mekar|harum|terbang tinggi|menyala|perkasa)\b`)
	// A pose matched to "our" choice: "Pose ☝️ nomor satu dong, sama kaya
	// pilihan kita 😉".
	fr23PoseEmoji  = mustFre(`(?i)\b(?:pose|gaya|salam|kompak)\s*(☝|✌|🤟)`)
	fr23SameChoice = mustFre(`(?i)\b(?:sama|samaan|persis)\s+(?:kaya|kayak|kyk|kaya|dengan|dgn|sama|kek)\s+(?:pilihan|jagoan|nomor|angka)\s+(?:kita|kami|ulun)\b`)
	// A pose with the vote day wished the same: "kompak dua jari ✌️ semoga
	// 27 November juga kompak".
	fr23FingerTogether = mustFre(`(?i)\b(?:salam|gaya|pose|kompak|angkat|acungkan)\s+(satu|dua|tiga|[1-3])\s*jari`)
	fr23AlsoTogether   = mustFre(`(?i)\b(?:juga kompak|kompak juga|jg kompak|sama kompak|kompak lagi|kompak ya|juga juara|jg juara|juga menang|jg menang)\b`)
	// "nang dua haja, melanjutkan nang sudah bagus": a number by its word.
	fr23WhichNum  = mustFre(`(?i)\b(?:nang|yang|yg|nomor|no)\s+(satu|dua|tiga|empat|0?[1-5])\s+(?:haja|aja|ajalah|saja|ja)\b`)
	fr23NumReason = mustFre(`(?i)\b(melanjutkan|lanjutkan|kada usah bingung|gak usah bingung|ga usah bingung|jangan bingung|paling bujur|paling bagus|sudah bagus|sudah terbukti|udah terbukti)\b`)
	// A record recalled against someone who now runs: "yg dulu main gusur
	// PKL … sekarang mau nyalon wali kota 2029? jgn gampang lupa ya".
	fr23Runs       = mustFre(`(?i)\b(nyalon|mau nyalon|mencalonkan diri|nyaleg|maju lagi|mau maju)\b`)
	fr23DontForget = mustFre(`(?i)\b(?:jangan|jgn|kada|jan) (?:gampang|mudah|sampai|sampe|cepat) (?:lupa|kalupaan)\b|#IngatRekamJejak|\bingat rekam jejak(?:nya)?\b`)
	// A dynasty and the Constitutional Court's ruling, in the 2024 race.
	fr23Dynasty = mustFre(`(?i)\bdinasti(?: politik)?\b|\banak haram konstitusi\b`)
	fr23Court   = mustFre(`(?i)\b(?:putusan|aturan|keputusan|akal-akalan|akal2an) (?:di )?mk\b|\bpaman mk\b|\bmk\b.{0,30}\b(?:akal-akalan|akal2an|diakali|dibegal)\b`)
	// A pair's number before its names in a hashtag: "#02RudySeno".
	fr23NumNameTag = mustFre(`#0([1-9])[A-Z][a-z]{2,}[A-Z][a-z]{2,}\b`)
	// "Kolom kosong juga sah lho 😏": the empty box offered.
	fr23EmptyBoxOK = mustFre(`(?i)\b(?:kotak|kolom) kosong (?:juga|jg|pun) (?:pilihan )?sah\b|\b(?:kotak|kolom) kosong (?:itu )?bukan dosa\b`)
	// A choice of number agreed or insisted on: "sudah sepakat milih nomor
	// 3", "no 1 pokoknya".
	fr23AgreedNum = mustFre(`(?i)\b(?:sepakat|kompak|bulat|mantap|sudah pasti|udah pasti|fix)\s+(?:milih|memilih|pilih|nyoblos|coblos|mencoblos)\s+(?:nomor|no\.?)\s*0?([1-5])\b|(?:^|[\s.,!])(?:no\.?|nomor)\s*0?([1-5])\s+pokoknya\b`)
	// A gathering with a side's number and its logistics: "bus sdh
	// disiapkan ke GOR Segiri utk silaturahmi akbar 02".
	fr23GatherNum = mustFre(`(?i)\b(?:silaturahmi|silaturahim|temu|kumpul|apel|deklarasi|konsolidasi|kampanye|rapat)\s+(?:akbar\s+|besar\s+|umum\s+)?(?:paslon\s+|nomor\s+|no\.?\s*)?0([1-5])\b`)
	// A colour kept beside the party's animal: "tetap merah! 🔴⚪🐂".
	fr23StayColour  = mustFre(`(?i)\b(?:tetap|serba|kompak serba)\s+(merah|kuning|biru|hijau|oranye|orange|ungu)\b`)
	fr23PartyAnimal = mustFre(`🐂|🌳|🦅|🌹|🕋|🌏`)
	// The 2024 coalition's name carried on with two fingers.
	fr23GoOnMaju  = mustFre(`(?i)\blanjutkan indonesia maju\b`)
	fr23TwoFinger = mustFre(`✌`)
	// The incumbent wanted another term, or the old hand chosen: "kami
	// masih perlu bapak 5 tahun lagi", "pilih haja nang lawas".
	fr23MoreYears = mustFre(`(?i)\b(?:perlu|butuh|mau|ingin|masih perlu|masih butuh)\s+(?:bapak|ibu|pian|beliau|bpk|bu|pak)\s+(?:(?:5|lima)\s+(?:tahun|thn)\s+lagi|(?:2|dua)\s+periode)\b|\bpilih\s+(?:haja|aja|saja)\s+(?:nang|yang|yg)\s+(?:lawas|lama|sudah terbukti|berpengalaman)\b`)
	// A finger emoji with a knowing line: "gaya khas nomor tiga 🤟 paham
	// haja lah pian", "🤟😁 Yg tau nomor urut idola kita".
	fr23KnowWink = mustFre(`(?i)\b(?:paham|tau|tahu|ngerti)\s+(?:haja|aja|ja)\s+(?:lah|kan|ya)?\s*(?:pian|bubuhan|dangsanak|barataan|warga|bapak|ibu|wkwk)|\b(?:yg|yang) (?:tau|tahu|paham) nomor urut\b|\bsalfok\b.{0,15}\bjari`)
	// Another term in a hashtag: "#Lanjut2Periode".
	fr23TermTag = mustFre(`#(?i:lanjut2periode|lanjutduaperiode|duaperiode|2periode|lanjutkan2periode)\b`)
	// "Capres kok petugas partai": the 2024 jibe at PDI-P's candidate.
	fr23PartyOfficer = mustFre(`(?i)\bpetugas partai\b`)
	fr23PresWord     = mustFre(`(?i)\b(?:capres|presiden)\b`)
	// "AMIN 🤲😉": the prayer's word winked at.
	fr23AminWink = mustFre(`\b(AMIN)\s*(?:[🤲🙏]\s*)?(?:😉|😜|🤭|😁)`)
	// A colour worn to match a party's symbol: "baju kuning ya biar kompak
	// sama beringin 🌳".
	fr23ColourMatch = mustFre(`(?i)\b(?:baju|kaos|kaus|dress ?code|seragam|pakaian)\s+(?:kuning|merah|biru|hijau|oranye|ungu)\b.{0,40}?\b(?:sama|dengan|dgn|kayak|kaya|seperti)\s+(beringin|banteng|mercy|ka'bah|kabah|matahari|mawar)\b`)
	// A side's team as the guests of a gathering that backs it: "ada tamu
	// matan tim FAN … Kita dukung haja".
	fr23TeamAcro  = mustFre(`\b(?i:tim|timses|relawan|posko)\s+([A-Z]{3,8})\b`)
	fr23BackingUp = mustFre(`(?i)\b(?:kita dukung|kami dukung|dukung haja|dukung aja|kita menangkan|kita kawal)\b`)
	// "#BukanYangDulu": the past side refused in a hashtag.
	fr23NotThePast = mustFre(`#(?i:bukanyangdulu|bukanyanglama|asalbukanyangdulu|jangankembalikemasalalu)\b`)
	// A welcome prepared with logistics under a side's acronym: "rapat
	// persiapan penyambutan Abah Fahmi … tiap RT siapkan 20 org … #FAHDI".
	fr23Welcome = mustFre(`(?i)\b(?:penyambutan|kedatangan|menyambut|rapat persiapan)\b`)
	// Shared campaign content named by its ballot number: "video lengkap
	// kampanye 03 … share ke grup2 RT".
	fr23CampNum = mustFre(`(?i)\b(?:kampanye|orasi|pidato|visi misi|debat)\s+(?:paslon\s+|nomor\s+|no\.?\s*)?0([1-5])\b`)
	// A race's one word: "Satu kata untuk Pilgub: Isran-Hadi! 💪".
	fr23OneWord = mustFre(`(?i)\b(?:satu kata|jawabannya|pilihanku|pilihan kami|jagoan(?:ku| kami| kita)?)\s+(?:untuk|utk|buat|di)\s+(?:pilgub|pilwali|pilkada|pilpres|pemilu|pileg)\b[^:]{0,20}:`)
	// NasDem's watchword with its colours: "Restorasi! 💙💛".
	fr23Restorasi = mustFre(`(?i)\brestorasi\b`)
	fr23BlueGold  = mustFre(`💙💛|💛💙|🔵🟡|🟡🔵`)
	// "AMIN harga mati".
	fr23AminVow = mustFre(`\b(AMIN)\s+(?i:harga mati|pasti menang|menang|the best|juara|di hati|sampai akhir)\b`)
)

var round23Frames = []frame{
	{rule: "mobilisation", parts: []*fre{fr23SideGathering}, side: gatheringSide, mobilise: true},
	{rule: "attributes", parts: []*fre{fr23SymbolGrow}, side: symbolPartySide},
	{rule: "hand-sign", parts: []*fre{fr23PoseEmoji, fr23SameChoice}, side: fingerCount, sport: true},
	{rule: "hand-sign", parts: []*fre{fr23FingerTogether, fr11VoteSoon, fr23AlsoTogether}, side: fingerSide, sport: true},
	{rule: "support-call", parts: []*fre{fr23WhichNum, fr23NumReason}, side: numberSide, team: true, not: fr20NumNot},
	{rule: "oppose-call", parts: []*fre{frPersonAny, fr23Runs, fr23DontForget}, side: personAnySide, oppose: true},
	{rule: "oppose-attack", parts: []*fre{fr23Dynasty, fr23Court}, side: liveSide("prabowo-gibran"), oppose: true},
	{rule: "campaign-hashtag", parts: []*fre{fr23NumNameTag}, side: numberSide, queue: true, not: frPlayerNumber},
	{rule: "support-call", parts: []*fre{fr23EmptyBoxOK}, side: emptyBoxSide, civic: true},
	{rule: "support-call", parts: []*fre{fr23AgreedNum}, side: numberSide, team: true, not: fr20NumNot},
	{rule: "mobilisation", parts: []*fre{fr23GatherNum, reLogistics}, side: numberSide, mobilise: true},
	{rule: "attributes", parts: []*fre{fr23StayColour, fr23PartyAnimal}, side: colourSide},
	{rule: "slogan", parts: []*fre{fr23GoOnMaju, fr23TwoFinger}, side: liveSide("prabowo-gibran")},
	{rule: "support-call", parts: []*fre{fr23MoreYears}, side: fixedSide("unlisted:petahana"), team: true},
	{rule: "hand-sign", parts: []*fre{fr20Fingers, fr23KnowWink}, side: fingerCount, sport: true},
	{rule: "campaign-hashtag", parts: []*fre{fr23TermTag}, side: fixedSide("unlisted:petahana"), queue: true},
	{rule: "oppose-attack", parts: []*fre{fr23PartyOfficer, fr23PresWord}, side: liveSide("ganjar-mahfud"), oppose: true},
	{rule: "slogan", parts: []*fre{fr23AminWink}, side: aminSide},
	{rule: "attributes", parts: []*fre{fr23ColourMatch}, side: symbolPartySide, sport: true},
	{rule: "mobilisation", parts: []*fre{fr23TeamAcro, fr23BackingUp}, side: acroFrameSide, mobilise: true},
	{rule: "oppose-call", parts: []*fre{fr23NotThePast}, side: fixedSide("unlisted:lawan"), oppose: true, queue: true},
	{rule: "mobilisation", parts: []*fre{fr20BareTag, fr23Welcome, reLogistics}, side: acroFrameSide, mobilise: true},
	{rule: "support-call", parts: []*fre{fr23CampNum, fr11Share}, side: numberSide, mobilise: true},
	{rule: "support-call", parts: []*fre{fr23OneWord}, side: coopSide, news: true},
	{rule: "slogan", parts: []*fre{fr23AminVow}, side: aminSide},
	{rule: "slogan", parts: []*fre{fr23Restorasi, fr23BlueGold}, side: catalogSide("nasdem"), anyDay: true},
}

func init() {
	for i := range round23Frames {
		round23Frames[i].join = true
	}
	frames = append(frames, round23Frames...)
}

// gatheringSide is the side a gathering of its people names: an acronym,
// a ballot number, or a person or pair.
func gatheringSide(ix *Index, st *pstate, m []string) string {
	w := m[1]
	switch {
	case len(w) >= 3 && w == strings.ToUpper(w) && !strings.ContainsAny(w, "0123456789"):
		return acroSide(w)
	case len(w) <= 2:
		return numberSide(ix, st, []string{"", strings.TrimLeft(w, "0")})
	}
	return anyNamedSide(ix, st, m)
}

// emptyBoxSide is the empty box (or blank column) of a race open on the
// post's day, or "".
func emptyBoxSide(ix *Index, st *pstate, _ []string) string {
	if opts := ix.openOptions(st.day); len(opts) > 0 {
		return opts[0]
	}
	return ""
}

// fixedSide is a frame's side named by the frame itself ("unlisted:lawan"
// for the past side refused, "unlisted:petahana" for the incumbent).
func fixedSide(id string) func(*Index, *pstate, []string) string {
	return func(*Index, *pstate, []string) string { return id }
}

// liveSide is a frame's side that is always the catalog actor id, while
// its race is live on the post's day.
func liveSide(id string) func(*Index, *pstate, []string) string {
	return func(ix *Index, st *pstate, _ []string) string {
		if a := ix.actors[id]; a != nil && ix.live(a, st.day) {
			return id
		}
		return ""
	}
}

// catalogSide is a frame's side that is always the catalog actor id, on
// any day (a party outlives its races).
func catalogSide(id string) func(*Index, *pstate, []string) string {
	return func(ix *Index, _ *pstate, _ []string) string {
		if ix.actors[id] != nil {
			return id
		}
		return ""
	}
}
