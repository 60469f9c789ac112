package catalog

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Quiet hints (issue 26, round 7): support or opposition that names no side
// the catalog or the generic frames can read — a wink at "the one in
// yellow", a party's symbol emoji beside a wish of victory, a family or a
// neighbourhood agreeing on a person ("bubuhan kami sudah sepakat lawan Pak
// X haja"), opposition by the incumbent's record ("cukup satu periode",
// "jangan kasih kesempatan lagi"), transport to a side's rally, an
// anniversary wish of victory in a coming election. They run after the
// generic frames found nothing, only in an election season, and never in a
// neutrality message, a quote or a hard-news report.

var (
	// A hint at a side without its name: "tahu maksud kami", "yang nomor
	// itu", "warna kita", "baju kuning", a party's ballot symbol.
	reHint = mustFre(`(?i)(\b(?:tahu|tau|paham|ngerti|mengerti)(?: \S+)? maksud|\bkompak (?:kuning|merah|biru|hijau|oranye|putih)\b|\b(?:kuning|merah|biru|hijau|oranye|putih)kan\b|\btahu sama tahu\b|\btau sama tau\b|\byang itu\b|\b(?:nomor|nomer|no) itu\b|\byang nomornya\b|\bwarna (?:kita|kami)\b|\b(?:itu lho|itu loh|yang kita bicarakan|yang dibicarakan|kode keras)\b|\b(?:baju|kaos|kaus|jaket|jas|kemeja|topi|jilbab|kerudung|pakaian|bendera|seragam|yang|berbaju|berkaos|berjas|berkemeja|berseragam|berjaket|bertopi)(?:nya)? (?:kuning|merah|biru|hijau|oranye|orange|putih)(?:-\S+)?\b|\b(?:kuning|merah|biru|hijau|oranye) (?:di hati|lagi|menang)\b|\bwarna (?:kuning|merah|biru|hijau|oranye)\b|\bgambar (?:banteng|beringin|pohon beringin|garuda|kepala garuda|mawar|matahari|ka'?bah|bintang|padi|bulan)\b|\bpohon beringin\b|\bmoncong putih\b|[🐂🐃🌳🦅🌾🌙⭐🌹🕋🌞🌏])`)
	// An electoral act beside the hint.
	reHintAct = mustFre(`(?i)(\b(?:semoga|doakan|mendoakan|doa|insyaallah|pasti|harus|yakin|sampai|siap|moga) menang\b|\bmenang (?:sekali|satu|1) putaran\b|\bpilih (?:yang|nomor|nomer|no)\b|\bpilihan (?:kita|kami|hati)\b|\bcoblos|\bnyoblos|\bmencoblos|\btps\b|\bbilik suara\b|\bhari h\b|\btanggal 27\b|\b27 november\b|\b14 februari\b|\bsalah pilih\b|\bmerapat\b|\b(?:surat|kertas) suara\b|\bkawal sampai menang\b)`)

	// A family or a community agreeing on a person ("bubuhan kami sudah
	// sepakat lawan Pak X haja", "ulun sakaluarga pilih abah X").
	reCommunity = mustFre(`(?i)\b(bubuhan|sabubuhan|sakaluarga|sekeluarga|sakampung|sekampung|satu kampung|urang banjar|urang banua|urang samarinda|keluarga besar|warga kami|kami sekeluarga|kami|ulun)\b`)
	reChoiceFor = mustFre(`(?i)\b(?:sepakat|kompak|bulat|satu suara|pilih|milih|memilih|pasti|tetap|tetep)\b[,:]?\s+(?:(?:lawan|wan|ke|gasan|untuk|buat|dengan|sama|haja|aja|saja)\s+){0,2}(?:(?:pak|bapak|abah|bang|abang|bu|ibu|acil|kak|mas|om|julak|umbuh|datu)\s+)([A-Z][a-z'’]+)`)
	reChoiceNum = mustFre(`(?i)\b(?:sepakat|kompak|bulat|satu suara|pasti|tetap|sudah)\s+(?:\S+\s+){0,2}?ke (?:nomor|nomer|no\.?) ?0?([1-9])\b`)
	// "Amun kada Pak X, siapa lagi": nobody else is fit.
	reWhoElse = mustFre(`(?i:amun kada|amun bukan|kalau bukan|kalo bukan|kalau tidak|kalau kada|kalau gak|kalau nggak)\s+(?:(?i:pak|bapak|abah|bang|abang|bu|ibu|acil|kak|mas)\s+)?([A-Z][a-z'’]+)(?:\s+[A-Z][a-z'’]+)?\s*,?\s*(?i:siapa lagi)`)

	// Opposition by the incumbent's record.
	reOneTerm   = mustFre(`(?i)(\bcukup (?:satu|1|se) ?periode|#cukup(?:satu|1|se)periode\w*|#cukup(?:sekali|sampaidisini|sampaisini|sudah)\w*|#(?:asalbukan|asaljangan|gantiwalikota|gantigubernur|gantipemimpin)\w*|\bganti (?:wali ?kota|gubernur|pemimpin|nahkoda|nakhoda)\b|\blima tahun (?:sudah )?cukup|\b(?:lima|5) tahun lagi\?*\s*(?:jangan|ogah|tidak|nggak|gak|kada|no)(?:\s*(?:deh|lah|dong|ah|ya))?\s*(?:[.!,]|$))`)
	reDontAgain = mustFre(`(?i)\b(?:jangan|jangan sampai|tidak usah|tak usah|gak usah|nggak usah|kada usah|ndak usah|tidak perlu|tak perlu|gak perlu|nggak perlu) (?:lagi )?(?:pilih|milih|dipilih|coblos|dicoblos|kasih|dikasih|beri|berikan|diberi|diulang|ulangi|ulang|tambah|tertipu|ketipu|terkecoh|kecolongan|terulang|biarkan)\b`)
	// "Jangan dikasih lagi": no more terms, the leader understood.
	reDontAgainLagi = mustFre(`(?i)\b(?:jangan|jangan sampai|tidak usah|tak usah|gak usah|nggak usah|kada usah|ndak usah) (?:pilih|dipilih|coblos|dicoblos|kasih|dikasih|beri|berikan|diberi|tertipu|ketipu|terkecoh|diulang|ulangi)(?: \S+)? (?:lagi|dua kali)\b`)
	// "Ingat warna kita": a reminder of our own side.
	reRemember      = mustFre(`(?i)\b(ingat|jangan lupa|pokoknya)\b`)
	reOurSide       = regexp.MustCompile(`(?i)\b(warna (?:kita|kami)|yang itu|(?:nomor|nomer|no) itu|yang nomornya|tahu sama tahu|tau sama tau)\b`)
	reSymbolEmoji   = regexp.MustCompile(`^[🐂🐃🌳🦅🌾🌙⭐🌹🕋🌞🌏]$`)
	reAnyone        = mustFre(`(?i)\b(siapa ?pun|apa ?pun|mana ?pun|calon mana|partai mana)\b`)
	reCommunityRole = mustFre(`(?i)\b(ketua rt|ketua rw|kepengurusan|pengurus|ketua panitia|ketua lpm|karang taruna|koperasi|kepanitiaan|takmir|osis)\b`)
	// "Salam dua periode", "lanjutkan dua periode": another term.
	reTwoTerms = mustFre(`(?i)\b(?:salam|lanjut|lanjutkan|jadikan|ayo|gas|menuju|dukung) (?:dua|2) periode\b`)
	// "Pilwali 2029 pokoknya Pak Ruslan": a coming race and a person.
	reRaceYearName = mustFre(`(?i:pilwali|pilkada|pilgub|pileg|pilpres|pemilu)(?:\s+\S+)?\s+(20[2-9]\d)\b[,:]?\s+(?:\S+\s+){0,3}?(?i:pokoknya|pilih|pilihan kita|pilihan kami|dukung|menangkan|harus|tetap|untuk|buat|gasan|bersama|haja|aja|saja|antar|antarkan|menangkan|kawal|usung)?\s*` + gHonor + `\s+([A-Z][a-z'’]+)`)
	// "sepakat dengan Pak X soal ...": agreeing on a matter, not a choice.
	reAgreeAbout = regexp.MustCompile(`(?i)^\s*(?:[A-Z][a-z'’]+\s+)?(?:bahwa|soal|terkait|mengenai|tentang|dalam hal|untuk (?:membangun|memperbaiki|menjaga|membersihkan))\b`)
	// A vote itself, not a wish or a choice of anything.
	reVoteAct = mustFre(`(?i)(\bcoblos|\bnyoblos|\bmencoblos|\btps\b|\bbilik suara\b|\bhari h\b|\btanggal 27\b|\b27 november\b|\b14 februari\b|\bsurat suara\b|\bputaran\b|\bpilkada\b|\bpemilu\b|\bpilgub\b|\bpilwali\b)`)
	// A ballot marked, not only a day named: what a weak hint needs.
	reChoiceAct   = mustFre(`(?i)(\bcoblos|\bnyoblos|\bmencoblos|\bbilik suara\b|\b(?:surat|kertas) suara\b|\bputaran\b|\bpilih (?:yang|nomor|nomer|no)\b)`)
	reTeam        = mustFre(`(?i)\b(timnas|tim|laga|skuad|atlet|kafilah|lomba|kontingen|olimpiade|mtq|porprov|pon|final|adik-adik|siswa|peserta)\b`)
	reCommonEmoji = regexp.MustCompile(`(?i)^(?:[⭐🌙]|itu lho|itu loh|kode keras|yang kita bicarakan|yang dibicarakan)$`)
	// Keeping or changing who governs, beside a vote ("Lanjutkan! ... 27
	// November", "Saatnya perubahan! ... bilik suara").
	reContinuity = mustFre(`(?i)(\blanjutkan!|\blanjutkan,? (?:pak|bu|bang|kepemimpinan)\b|\bjangan diganti\b|\b(?:saatnya|waktunya|sudah waktunya) (?:perubahan|ganti|berganti|berubah)\b)`)
	// Weaker words of continuity: they need a ballot or a leader named.
	reContinuityWeak = mustFre(`(?i)(\bteruskan yang sudah\b|\bjangan coba-coba\b|\b(?:perlu|harus|layak|wajib) dilanjutkan\b)`)
	reBallotOrLeader = mustFre(`(?i)(\bcoblos|\bnyoblos|\bbilik suara\b|\bsurat suara\b|\b(?:ke|di) tps(?:\s*(?:nanti|besok|ya)\b|\s*!)|\bpilkada\b|\bpemilu\b|\bpilgub\b|\bpilwali\b|\bpemimpin\b|\bwali ?kota\b|\bgubernur\b|\bperiode\b)`)
	reRecord         = mustFre(`(?i)\b(gagal|terbukti|janji|mana buktinya|lima tahun|5 tahun|periode (?:kemarin|lalu|kedua)|petahana|incumbent|kesempatan (?:lagi|kedua)|dipilih lagi|periode kedua)\b`)
	reLeaderWord     = mustFre(`(?i)\b(pemimpin|calon|paslon|kandidat|wali ?kota|gubernur|petahana|incumbent|periode|memimpin|nahkoda|nakhoda|urus|pejabat|bupati)\b`)
	// "Jangan ganti nahkoda": keep the incumbent.
	reKeepHelm = mustFre(`(?i)\bjangan ganti (?:nahkoda|nakhoda|pemimpin|kapten|sopir|pilot)\b`)

	// Transport or a gathering point for a person's rally, or attire in a
	// side's colour with transport.
	reRideTo    = mustFre(`(?i)\b(bus|mobil jemputan|jemputan|antar jemput|titik kumpul|rombongan|transportasi|transport|armada|konsumsi disediakan|angkot|(?:mobil|kendaraan|truk|pikap) (?:sudah )?(?:disiapkan|disediakan|tersedia|ada))\b`)
	reRally     = mustFre(`(?i)\b(acara akbar|kampanye|relawan|deklarasi|silaturahmi|konsolidasi|rapat akbar|orasi|temu akbar|panggung)\b`)
	reAttire    = mustFre(`(?i)\b(?:(?:pakai|memakai|gunakan|menggunakan|kenakan|mengenakan|berseragam|dresscode|dress code)\s+(?:kaos|kaus|baju|seragam|atribut|pakaian)?|seragam|kostum|dresscode|dress code)\s*(kuning|merah|biru|hijau|oranye|putih)\b`)
	reNeutralDo = mustFre(`(?i)\b(senam|pengajian|jalan sehat|kerja bakti|gotong royong|posyandu|lomba|sekolah|upacara|vaksin|olahraga|festival|pawai|karnaval|turnamen|pertandingan|wisata|ziarah|takziah|haul|maulid|pelatihan|sosialisasi|bimtek|rapat kerja|donor darah)\b`)

	// Seeing a side to victory ("siap mengawal sampai menang").
	reEscort = mustFre(`(?i)\b(?:kawal|mengawal|antar|mengantar|antarkan|dampingi|mendampingi)\b.{0,30}?\bsampai (?:menang|kemenangan|dilantik|terpilih)\b|\bmenuju kursi (?:wali ?kota|gubernur|bupati|dprd|dewan|presiden)\b|\bsemoga (?:jadi|menjadi|terpilih jadi|terpilih menjadi) (?:(?:wali ?kota|gubernur|bupati) (?:kita|berikutnya|selanjutnya)|pemimpin (?:kita )?(?:berikutnya|selanjutnya|lima tahun ke depan|periode berikut(?:nya)?))\b`)
	// An election named in the text, whatever its year.
	reElecWord = mustFre(`(?i)(\b(?:pilkada|pilgub|pilwali|pileg|pilpres|pemilu|kpu|tps|paslon|nomor urut|bilik suara|pendaftaran calon)\b|#pil\w*20\d\d|\bpenetapan\b.{0,40}\bcalon\b|\bpendaftaran\b.{0,40}\bkpu\b)`)

	// A party winning a coming election ("Perindo menang di Pemilu 2029",
	// "Partai Hijau siap menang 2029").
	rePartyWin = mustFre(`(?i)\b(?:siap |pasti |harus |akan )?menang(?: lagi)?(?: di)?(?: (?:pemilu|pileg|pilkada|pilpres|pilgub|pilwali))? (20[2-9]\d)\b|\bsiap menang\b|\bgabung sekarang\b`)
	// A ballot number for a region in a named race ("Nomor 3 untuk Kaltim
	// yang lebih baik! #Pilgub2029").
	reNumFor = mustFre(`(?i)\b(?:nomor|nomer|no\.?)\s*0?([1-9])\s+(?:untuk|buat|gasan|for)\s+(?:kaltim|samarinda|kalimantan timur|indonesia)\b`)
	// A person's year hashtag ("#Hendra2029") beside a word of leadership.
	reNameYearTag = mustFre(`#([A-Z][a-z]+(?:[A-Z][a-z]+)?)(20[2-9]\d)\b`)
	reLeadership  = mustFre(`(?i)\b(pemimpin|memimpin|wali ?kota|gubernur|kaltim 1|samarinda 1|lanjutkan|menang|pilih|coblos|dukung)\b`)
)

// yearTagStop are first words of a year hashtag that name no person.
var yearTagStop = map[string]bool{"pemilu": true, "pilkada": true, "pilgub": true, "pilwali": true, "pileg": true, "pilpres": true,
	"hut": true, "pon": true, "porprov": true, "piala": true, "festival": true, "expo": true, "ramadhan": true, "ramadan": true,
	"samarinda": true, "kaltim": true, "indonesia": true, "emas": true, "visi": true, "misi": true, "pemilih": true, "netral": true,
	"asn": true, "kpu": true, "bawaslu": true, "tahun": true, "idul": true, "mudik": true, "lebaran": true, "natal": true,
	"kota": true, "ikn": true, "nusantara": true, "adipura": true, "smart": true, "kaltimberdaulat": true, "stunting": true}

// honorNameOK reports a capitalised word after an honorific that could be
// a person's name, not an office or a place.
func honorNameOK(n string) bool {
	l := strings.ToLower(n)
	return !genericStop[l] && !firstPersonWords[l] && l != "rt" && l != "rw"
}

// quietHints reads the hint frames of a post whose sides nothing else found.
func (ix *Index) quietHints(st *pstate, c *pctx, season bool) []genericHit {
	if st.doc == nil || c.neutral || c.quote {
		return nil
	}
	hy := st.hay()
	raw := hy.raw
	// A KPU or Bawaslu word is a report unless the account speaks for
	// itself ("kami warga Sempaja siap mengawal ... ke KPU").
	if c.hardNews && !ix.firstPersonRaw(hy) {
		return nil
	}
	// Most posts hold none of the frames' words: cheap substring checks
	// keep the regular expressions for the few that do.
	low := raw
	if !hy.plain {
		low = strings.ToLower(raw)
	}
	// When low is the folded text (no rune outside ASCII folds), its byte
	// pairs are known: a word with a pair missing is not there.
	pairs := hy.plain || low == hy.fold
	has := func(words ...string) bool {
		for _, w := range words {
			if pairs && !hy.foldBi().hasPairsOf(w) {
				continue
			}
			if strings.Contains(low, w) {
				return true
			}
		}
		return false
	}
	var out []genericHit
	hit := func(rule, actor, text string, oppose bool) {
		out = append(out, genericHit{rule: rule, actor: actor, text: text, oppose: oppose})
	}
	elecText := func() bool { return c.elecText || reElecWord.MatchString(hy) }
	if season {
		// A hint is a side with an electoral act or an election word, with
		// a second hint ("paham maksud admin 😉 kuning lagi"), or as "ingat
		// warna kita".
		if hs := hintsOf(hy, has); len(hs) > 0 {
			// The distinct hints; a star or a moon is seldom a party's, and
			// "itu lho" or "kode keras" point at a side only beside another hint.
			var uniq []string
			common := true
			for _, h := range hs {
				// A party's symbol word and its emoji ("pohon beringin … 🌳")
				// are one hint: a tree post shows both.
				if !slices.ContainsFunc(uniq, func(u string) bool { return strings.EqualFold(u, h) || ix.sameSymbol(u, h) }) {
					uniq = append(uniq, h)
					common = common && reCommonEmoji.MatchString(h)
				}
			}
			a := reHintAct.FindString(hy)
			if a == "" {
				a = reElecWord.FindString(hy)
			}
			switch {
			case common:
				// "🌙⭐ ... jangan lupa pilih tidur cukup", "kode keras dari
				// BMKG ... 27 November": only a ballot marked.
				a = reChoiceAct.FindString(hy)
			case len(uniq) == 1 && reSymbolEmoji.MatchString(uniq[0]) && reTeam.MatchString(hy) && !reVoteAct.MatchString(hy):
				// "Semoga menang 🦅" is also a team's wish.
				a = ""
			}
			switch {
			case a != "":
				hit("support-call", "", uniq[0]+" … "+a, false)
			case len(uniq) > 1 && !common:
				hit("support-call", "", uniq[0]+" … "+uniq[len(uniq)-1], false)
			case reRemember.MatchString(hy) && reOurSide.MatchString(uniq[0]):
				hit("support-call", "", uniq[0], false)
			}
		}
		if has("bubuhan", "keluarga", "kampung", "urang ", "kami", "ulun") && reCommunity.MatchString(hy) {
			if m := reChoiceFor.FindStringSubmatchIndex(hy); m != nil && honorNameOK(raw[m[2]:m[3]]) && !reAgreeAbout.MatchString(raw[m[1]:]) {
				m := []string{raw[m[0]:m[1]], raw[m[2]:m[3]]}
				hit("support-call", genericName(m[1]), m[0], false)
			} else if m := reChoiceNum.FindStringSubmatch(hy); m != nil {
				hit("support-call", "unlisted:nomor-"+m[1], m[0], false)
			}
		}
		if !has("siapa lagi") {
		} else if m := reWhoElse.FindStringSubmatch(hy); m != nil && honorNameOK(m[1]) {
			hit("support-praise", genericName(m[1]), m[0], false)
		}
		if !has("periode", "#", "ganti", "tahun", "jangan", "usah", "perlu") || reAnyone.MatchString(hy) || reCommunityRole.MatchString(hy) {
			// "jangan dipilih lagi jadi apa pun": a principle, not a side;
			// "cukup satu periode kepengurusan": a community's office.
		} else if m := reOneTerm.FindString(hy); m != "" {
			hit("oppose-call", "", m, true)
		} else if m := reDontAgain.FindString(hy); m != "" && reRecord.MatchString(hy) && (reLeaderWord.MatchString(hy) || reDontAgainLagi.MatchString(hy) || reVoteAct.MatchString(hy)) {
			hit("oppose-call", "", m+" … "+reRecord.FindString(hy), true)
		}
		if !has("periode") || reCommunityRole.MatchString(hy) && reCommunityVote.MatchString(hy) {
			// "Bung Fajar yg kembali terpilih jadi ketua [karang taruna],
			// lanjut dua periode": a community's office.
		} else if m := reTwoTerms.FindString(hy); m != "" {
			hit("support-call", "", m, false)
		}
		if !has("lanjut", "ganti", "ubah", "terus", "coba") {
		} else if m := reContinuity.FindString(hy); m != "" && !reAnyone.MatchString(hy) {
			if a := reVoteAct.FindString(hy); a != "" {
				hit("support-call", "", m+" … "+a, false)
			}
		} else if m := reContinuityWeak.FindString(hy); m != "" && !reAnyone.MatchString(hy) {
			if a := reBallotOrLeader.FindString(hy); a != "" {
				hit("support-call", "", m+" … "+a, false)
			}
		}
		if !has("jangan ganti") {
		} else if m := reKeepHelm.FindString(hy); m != "" {
			hit("support-call", "", m, false)
		}
		if !has("bus", "jemput", "kumpul", "rombongan", "transport", "armada", "konsumsi", "angkot", "mobil", "kendaraan", "truk", "pikap") {
		} else if ride := reRideTo.FindString(hy); ride != "" && !reNeutralDo.MatchString(hy) {
			if reRally.MatchString(hy) {
				for _, m := range reHonorName.FindAllStringSubmatch(hy, -1) {
					if honorNameOK(strings.Fields(m[1])[0]) {
						n := trimDays(m[1])
						hit("mobilisation", genericName(n), ride+" … "+m[0][:len(m[0])-len(m[1])+len(n)], false)
						break
					}
				}
			}
			if m := reAttire.FindStringSubmatch(hy); m != nil && len(out) == 0 {
				hit("mobilisation", ix.colourParty(m[1]), ride+" … "+m[0], false)
			}
		}
		if !has("sampai", "kursi", "semoga") || has("dilantik", "pelantikan") {
		} else if m := reEscort.FindString(hy); m != "" {
			if lm := strings.ToLower(m); elecText() || strings.Contains(lm, "kursi") || strings.HasPrefix(lm, "semoga") {
				hit("support-call", "", m, false)
			}
		}
	}
	// Coming elections: read whatever the calendar says of today.
	year := 0
	if !st.day.IsZero() {
		year = st.day.t.Year()
	}
	if !has("menang", "gabung") {
	} else if m := rePartyWin.FindStringSubmatch(hy); m != nil {
		y, _ := strconv.Atoi(m[1])
		if m[1] == "" || y > year {
			if p := ix.partyNamed(st, hy); p != "" {
				hit("support-call", p, m[0], false)
			}
		}
	}
	if !has("pil", "pemilu") {
	} else if m := reRaceYearName.FindStringSubmatch(hy); m != nil {
		if y, _ := strconv.Atoi(m[1]); y > year && honorNameOK(m[2]) {
			hit("support-call", genericName(m[2]), m[0], false)
		}
	}
	if !has("no") || !elecText() {
	} else if m := reNumFor.FindStringSubmatch(hy); m != nil {
		hit("support-call", "unlisted:nomor-"+m[1], m[0], false)
	}
	for _, m := range tagMatches(low, hy) {
		y, _ := strconv.Atoi(m[2])
		first := strings.ToLower(splitFirst(m[1]))
		if y <= year || yearTagStop[first] || genericStop[first] || !reLeadership.MatchString(hy) {
			continue
		}
		if ix.placeName(first) {
			continue
		}
		hit("campaign-hashtag", genericName(m[1]), "#"+m[1]+m[2], false)
		break
	}
	// Sports ("tim kuning menang lagi") take no side either.
	if len(out) > 0 && (reSport.MatchString(hy) || reReported.MatchString(hy) || reCommunityPost.MatchString(hy) || st.media && !reOpinionLabel.MatchString(hy)) {
		return nil // a report, a community's own election, a news outlet's report
	}
	return out
}

// splitFirst is the first word of a CamelCase hashtag body.
func splitFirst(s string) string {
	for i, r := range s {
		if i > 0 && r >= 'A' && r <= 'Z' {
			return s[:i]
		}
	}
	return s
}

// partyNamed is the party a post names: a catalog party, or "Partai X".
func (ix *Index) partyNamed(st *pstate, hy *hay) string {
	for _, tg := range st.targets {
		if tg.party {
			return tg.actor
		}
	}
	for _, m := range reParty.FindAllStringSubmatch(hy, -1) {
		if !partyStop[strings.ToLower(strings.Fields(m[1])[0])] {
			// The hay has no full stops: "Partai Harapan Mahakam. Dresscode
			// hijau" reads on into the next sentence's first word.
			return "unlisted:partai-" + strings.ToLower(strings.Join(trimPartyTail(strings.Fields(m[1])), "-"))
		}
	}
	return ""
}

// partyNameTail are words that open a sentence after a party's name, not
// part of it.
var partyNameTail = map[string]bool{"partai": true, "dresscode": true, "absen": true, "kaos": true, "terima": true, "semoga": true, "salam": true}

// trimPartyTail drops the next sentence's first words from a party's name
// words: the words read have no full stops ("Partai Harapan Mahakam.
// Dresscode hijau" reads on into "Dresscode").
func trimPartyTail(f []string) []string {
	for len(f) > 1 && (genericStop[strings.ToLower(f[len(f)-1])] || partyNameTail[strings.ToLower(f[len(f)-1])]) {
		f = f[:len(f)-1]
	}
	return f
}

// placeName reports a word that is a catalog place's name.
func (ix *Index) placeName(w string) bool {
	for _, p := range ix.cat.Places {
		if strings.EqualFold(p.Name, w) {
			return true
		}
	}
	return false
}

// dayWords are days and months that follow a name ("Pak Sutrisno Sabtu
// pagi"): not part of it.
var dayWords = map[string]bool{"senin": true, "selasa": true, "rabu": true, "kamis": true, "jumat": true, "sabtu": true,
	"minggu": true, "ahad": true, "besok": true, "nanti": true, "januari": true, "februari": true, "maret": true, "april": true,
	"mei": true, "juni": true, "juli": true, "agustus": true, "september": true, "oktober": true, "november": true, "desember": true}

// trimDays drops day and month words from the end of a name.
func trimDays(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 && dayWords[strings.ToLower(f[len(f)-1])] {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// hintWords are the words and emoji one of reHint's alternatives needs.
var hintWords = []string{"maksud", "tahu sama", "tau sama", "yang itu", "nomor itu", "nomer itu", "no itu", "nomornya", "warna",
	"kuning", "merah", "biru", "hijau", "oranye", "orange", "putih", "gambar", "beringin", "moncong", "itu lho", "itu loh",
	"bicarakan", "kode keras", "🐂", "🐃", "🌳", "🦅", "🌾", "🌙", "⭐", "🌹", "🕋", "🌞", "🌏"}

// hintsOf is reHint's matches in raw, or none without a hint word.
func hintsOf(hy *hay, has func(...string) bool) []string {
	var hs []string
	if has(hintWords...) {
		hs = reHint.FindAllString(hy, -1)
	}
	// A wink beside a side's coloured heart ("27 November kita perbaiki
	// semuanya 😉💛"): a colour pointed at, not a heart sent.
	if strings.ContainsAny(hy.raw, "😉🤭🤫😜") {
		if m := reWinkHeart.FindString(hy); m != "" {
			hs = append(hs, m)
		}
	}
	return hs
}

// reWinkHeart is a wink next to a party colour's heart.
var reWinkHeart = mustFre(`(?:😉|🤭|🤫|😜)\s*(?:💛|💚|💙|🧡)|(?:💛|💚|💙|🧡)\s*(?:😉|🤭|🤫|😜)`)

// tagMatches is reNameYearTag's matches, or none without a hashtag.
func tagMatches(low string, hy *hay) [][]string {
	if !strings.Contains(low, "#") {
		return nil
	}
	return reNameYearTag.FindAllStringSubmatch(hy, -1)
}

// sameSymbol reports two hints that show the same party's symbol, as a word
// or as an emoji.
func (ix *Index) sameSymbol(a, b string) bool {
	pa, pb := ix.symbolParty(a), ix.symbolParty(b)
	return pa != "" && pa == pb
}

// symbolParty returns the party whose symbol (word or emoji) the hint shows.
func (ix *Index) symbolParty(h string) string {
	if id := ix.symbolOf(h); id != "" {
		return id
	}
	l := strings.ToLower(h)
	for w, id := range ix.symbolWords {
		if strings.Contains(l, w) {
			return id
		}
	}
	return ""
}
