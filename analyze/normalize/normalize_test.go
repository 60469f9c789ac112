package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// render writes a Doc compactly for golden comparisons: tokens separated by
// spaces, "~" before a negated token, "^" before a word split out of a
// hashtag, "ʙ" before a Norm taken from the Banjar lexicon, and "/K" after
// non-Word tokens (N number, H hashtag, M mention, U URL, E emoji, P punct).
func render(d *Doc) string {
	var b strings.Builder
	for i, t := range d.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		if t.Negated {
			b.WriteByte('~')
		}
		if t.FromHashtag {
			b.WriteByte('^')
		}
		if t.Banjar {
			b.WriteString("ʙ")
		}
		b.WriteString(t.Norm)
		if t.Kind != Word {
			b.WriteByte('/')
			b.WriteByte("WNHMUEP"[t.Kind])
		}
	}
	return b.String()
}

type golden struct {
	name, in, want string
}

func runGolden(t *testing.T, cases []golden) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := render(Text(c.in)); got != c.want {
				t.Errorf("Text(%q)\n got: %s\nwant: %s", c.in, got, c.want)
			}
		})
	}
}

func TestUnicode(t *testing.T) {
	runGolden(t, []golden{
		{"math bold", "𝐛𝐚𝐠𝐮𝐬 𝐬𝐞𝐤𝐚𝐥𝐢", "bagus sekali"},
		{"math italic", "𝘮𝘢𝘯𝘵𝘢𝘱", "mantap"},
		{"fullwidth", "ＢＡＧＵＳ ＢＧＴ", "bagus banget"},
		{"upper case", "JALAN RUSAK", "jalan rusak"},
		{"invalid utf8", "bagus\xff\xfebgt", "bagus banget"},
		{"zero width space", "ba\u200bgus", "bagus"},
		{"curly quotes", "\u201cbagus\u201d", "\"/P bagus \"/P"},
		{"nbsp", "bagus\u00a0bgt", "bagus banget"},
		{"ellipsis char", "bgt\u2026", "banget ./P ./P ./P"},
		{"control chars", "bagus\x00bgt", "bagus banget"},
		{"prose panics on this", "Ⱥn't bagus", "ⱥn '/P t bagus"},
		{"prose cuts mid-rune here", "Ɱn't bagus", "ɱn't bagus"},
		{"empty", "", ""},
		{"only spaces", " \t\n ", ""},
	})
}

func TestTokenising(t *testing.T) {
	runGolden(t, []golden{
		{"emoji glued to word", "mantap😂😂", "mantap emo_tawa/E emo_tawa/E"},
		{"comma glued", "bgt,mantap", "banget ,/P mantap"},
		{"dot between words", "pak.wali", "bapak ./P wali"},
		{"punctuation capped at three", "bagus!!!!!!", "bagus !/P !/P !/P"},
		{"question", "kapan?!", "kapan ?/P !/P"},
		{"parentheses", "(tes)", "(/P tes )/P"},
		{"hyphen word", "e-ktp", "e-ktp"},
		{"apostrophe word", "jum'at", "jum'at"},
		{"url https", "cek https://www.samarindakota.go.id/x?y=1 ya", "cek samarindakota.go.id/U ya"},
		{"url www", "www.detik.com/berita", "detik.com/U"},
		{"url bare domain", "bit.ly/abc123", "bit.ly/U"},
		{"url in parens", "(https://t.co/xyz)", "(/P t.co/U )/P"},
		{"email", "lapor@samarindakota.go.id", "<email>/U"},
		{"mention", "@Pemkot_SMR tolong", "@pemkot_smr/M tolong"},
		{"mention trailing dot", "@diskominfo.", "@diskominfo/M ./P"},
		{"mention with colon", "@budi: mantap", "@budi/M :/P mantap"},
		{"lone at", "@ ya", "@/P ya"},
		{"dataset placeholders", "[USERNAME] cek [URL]", "@user/M cek <url>/U"},
		{"bare placeholders", "USER USER lihat URL", "@user/M @user/M lihat <url>/U"},
		{"html entities", "kamu &amp; aku &gt; dia", "kamu &/P aku >/P dia"},
		{"escaped utf8 bytes", `marah \xf0\x9f\x98\xa1 banget`, "marah emo_marah/E banget"},
		{"escaped ellipsis", `bagus\xe2\x80\xa6`, "bagus ./P ./P ./P"},
		{"invalid escaped bytes kept", `a\xff`, "a \\/P xff"},
		{"literal newline", `bagus\nbanget`, "bagus banget"},
		{"brackets kept otherwise", "[info]", "[/P informasi ]/P"},
		{"numbers", "2024 01 10.000 10,5%", "2024/N 01/N 10.000/N 10,5%/N"},
		{"rupiah", "Rp10.000", "rupiah 10.000/N"},
		{"number with unit", "10rb 2x 1990an", "10rb/N 2x/N 1990an/N"},
		{"time", "jam 10.30", "jam 10.30/N"},
	})
}

func TestEmoji(t *testing.T) {
	runGolden(t, []golden{
		{"marah", "😡", "emo_marah/E"},
		{"tawa", "😂🤣", "emo_tawa/E emo_tawa/E"},
		{"cinta with VS16", "❤️", "emo_cinta/E"},
		{"cinta without VS16", "❤", "emo_cinta/E"},
		{"jempol skin tone", "👍🏽", "emo_jempol/E"},
		{"doa", "🙏", "emo_doa/E"},
		{"sedih", "😭", "emo_sedih/E"},
		{"zwj sequence", "🤦‍♂️", "emo_tepuk_jidat/E"},
		{"flag id", "🇮🇩", "emo_bendera_id/E"},
		{"other flag", "🇯🇵", "emo_bendera/E"},
		{"unknown emoji", "🦖", "emo_u1f996/E"},
		{"smiley", "bagus :)", "bagus emo_senyum/E"},
		{"frown", "kecewa :(", "kecewa emo_sedih/E"},
		{"grin", ":D", "emo_tawa/E"},
		{"elongated smiley", ":)))", "emo_senyum/E"},
		{"elongated frown", ":((((", "emo_sedih/E"},
		{"meme v", "oke :v", "oke emo_tawa/E"},
		{"xD", "xD", "emo_tawa/E"},
		{"heart", "<3", "emo_cinta/E"},
		{"crying", "T_T", "emo_sedih/E"},
		{"flat", "-_-", "emo_datar/E"},
		{"glued emoticon", "ok:D", "oke emo_tawa/E"},
		{"wink", "iya ;)", "ya emo_kedip/E"},
		{"colon is not emoticon", "catatan: bagus", "catatan :/P bagus"},
		{"laugh wkwk", "wkwk", "tawa"},
		{"laugh long", "wkwkwkwkwk", "tawa"},
		{"laugh haha", "hahaha", "tawa"},
		{"laugh hehe", "hehehe", "tawa"},
		{"laugh awokwok", "awokwokwok", "tawa"},
		{"laugh xixi", "xixixi", "tawa"},
	})
}

func TestHashtags(t *testing.T) {
	runGolden(t, []golden{
		{"camel case", "#SamarindaKotaPeradaban", "#samarindakotaperadaban/H ^samarinda ^kota ^peradaban"},
		{"lower case segmentation", "#samarindakotaperadaban", "#samarindakotaperadaban/H ^samarinda ^kota ^peradaban"},
		{"program", "#probebayauntukwarga", "#probebayauntukwarga/H ^probebaya ^untuk ^warga"},
		{"acronym then word", "#HUTSamarinda", "#hutsamarinda/H ^hut ^samarinda"},
		{"digits", "#HUTSamarinda356", "#hutsamarinda356/H ^hut ^samarinda ^356/N"},
		{"underscore", "#save_mahakam", "#save_mahakam/H ^save ^mahakam"},
		{"slang inside hashtag", "#GakJelas", "#gakjelas/H ^tidak ^jelas"},
		{"segmented slang", "#gakjelas", "#gakjelas/H ^tidak ^jelas"},
		{"single known word", "#banjir", "#banjir/H ^banjir"},
		{"unknown word kept", "#qzxv", "#qzxv/H ^qzxv"},
		{"number is not a hashtag", "#1", "#/P 1/N"},
		{"hashtag then punctuation", "#banjir!", "#banjir/H ^banjir !/P"},
		{"not negated by preceding negator", "gak #banjir", "tidak #banjir/H ^banjir"},
	})
}

func TestElongation(t *testing.T) {
	runGolden(t, []golden{
		{"bagusss", "bagusss", "bagus"},
		{"mantaaap", "mantaaap", "mantap"},
		{"bangeeet", "bangeeet", "banget"},
		{"maaaaf keeps double", "maaaaf", "maaf"},
		{"kerenn double", "kerenn", "keren"},
		{"slang elongated", "gakkkk", "tidak"},
		{"bgttt", "bgttt", "banget"},
		{"tidakkk", "tidakkk", "tidak"},
		{"capitals", "MANTAAAP", "mantap"},
		{"known double untouched", "saat", "saat"},
	})
}

func TestLeetspeak(t *testing.T) {
	runGolden(t, []golden{
		{"b4ngs4t", "b4ngs4t", "bangsat"},
		{"4nj1ng", "4nj1ng", "anjing"},
		{"t0l0l", "t0l0l", "tolol"},
		{"g0bl0k", "g0bl0k", "goblok"},
		{"4ku", "4ku", "aku"},
		{"at sign", "b@ngsat", "bangsat"},
		{"year", "2024", "2024/N"},
		{"leading zero", "01", "01/N"},
		{"redup not leet", "anak2", "anak-anak"},
		{"trailing digits kept", "covid19", "covid19"},
		{"code kept", "k212", "k212"},
	})
}

func TestReduplication(t *testing.T) {
	runGolden(t, []golden{
		{"anak2", "anak2", "anak-anak"},
		{"hati2", "hati2", "hati-hati"},
		{"slang base", "temen2", "teman-teman"},
		{"suffix", "kata2nya", "kata-katanya"},
		{"hyphen stays", "kupu-kupu", "kupu-kupu"},
		{"hyphen slang", "temen-temen", "teman-teman"},
		{"elongated base", "anakkk2", "anak-anak"},
		{"prefix ber", "berkali2", "berkali-kali"},
		{"prefix ke", "kemana2", "kemana-mana"},
		{"ber word kept whole", "bersih2", "bersih-bersih"},
		{"noun kept whole", "berita2", "berita-berita"},
		{"ke noun kept whole", "kepala2", "kepala-kepala"},
		{"slang half", "malem2", "malam-malam"},
	})
}

func TestLang(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ulun kada handak tulak ka pasar", "bjn"},
		{"pian sudah makan kah?", "bjn"},
		{"bubuhan kami kada dapat bantuan", "bjn"},
		{"saya tidak mau pergi ke pasar", "id"},
		{"pelayanan di kantor kelurahan sangat lambat dan petugasnya tidak ramah sama sekali jua", "id"},
		{"", "id"},
		{"#kadajelas", "id"},
	}
	for _, c := range cases {
		if got := Text(c.in).Lang(); got != c.want {
			t.Errorf("Lang(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	if got := TextWith("nyaman banar", AssumeBanjar()).Lang(); got != "bjn" {
		t.Errorf("AssumeBanjar: Lang = %s", got)
	}
}

func TestBanjar(t *testing.T) {
	runGolden(t, []golden{
		{"kada", "kada jelas", "ʙtidak ~jelas"},
		{"kadada", "kadada duit", "ʙtidak ~ʙada ~uang"},
		{"banar pian", "banar pian", "ʙbenar ʙanda"},
		{"ulun handak", "ulun handak tulak", "ʙsaya ʙmau ʙpergi"},
		{"bubuhan", "bubuhan pemkot", "ʙmereka pemerintah kota"},
		{"wayah ini phrase", "wayah ini hujan", "ʙsekarang hujan"},
		{"kawa", "kawa haja", "ʙbisa ʙsaja"},
		{"lawas hanyar", "lawas banar hanyar datang", "ʙlama ʙbenar ʙbaru datang"},
		{"nang", "jalan nang rusak", "jalan ʙyang rusak"},
		{"lawan in banjar text", "ulun bapandir lawan sidin", "ʙsaya ʙberbicara ʙdengan ʙbeliau"},
		{"lawan in indonesian text", "lawan politik walikota", "lawan politik wali kota"},
		{"ari amun", "ari hujan kada tulak", "ʙkalau hujan ʙtidak ~ʙpergi"},
		{"banyu", "banyu pdam mati haja", "ʙair pdam mati ʙsaja"},
		{"jua", "pian jua", "ʙanda ʙjuga"},
		{"urang abah uma", "urang abah lawan uma", "ʙorang ʙayah ʙdengan ʙibu"},
		{"mambari", "sidin mambari bantuan", "ʙbeliau ʙmemberi bantuan"},
		{"bungas", "bungas banar", "ʙcantik ʙbenar"},
		{"bakalahi", "bubuhan bakalahi", "ʙmereka ʙberkelahi"},
		{"pinanya", "pinanya hujan", "ʙsepertinya hujan"},
		{"bulik", "handak bulik", "ʙmau ʙpulang"},
		{"kaya apa", "kaya apa pian?", "ʙbagaimana ʙanda ?/P"},
		{"kaya in indonesian", "orang kaya baru", "orang kaya baru"},
		{"nyaman in banjar", "wadai ini nyaman banar", "ʙkue ini ʙenak ʙbenar"},
		{"nyaman in indonesian", "tempatnya nyaman dan bersih", "tempatnya nyaman dan bersih"},
		{"ganal halus", "iwak ganal, iwak halus", "ʙikan ʙbesar ,/P ʙikan ʙkecil"},
		{"pangkung", "ulun dipangkung", "ʙsaya ʙdipukul"},
		{"clitic", "banarkah?", "ʙbenarkah ?/P"},
		{"spelling haraga", "haraga di risturan ini murah banar", "ʙharga di ʙrestoran ini murah ʙbenar"},
		{"spelling vowels", "pamandangan di sana bungas banar, kaluarga ulun katuju", "ʙpemandangan di sana ʙcantik ʙbenar ,/P ʙkeluarga ʙsaya ʙsuka"},
		{"spelling prefixes", "palayanannya talalu lambat, ulun kaciwa haja", "ʙpelayanannya ʙterlalu lambat ,/P ʙsaya ʙkecewa ʙsaja"},
		{"spelling suffix akan", "sidin manyajiakan wadai", "ʙbeliau ʙmenyajikan ʙkue"},
		{"spelling only in banjar text", "haraga", "haraga"},
		{"names untouched", "ulun tulak ka samarinda", "ʙsaya ʙpergi ʙke samarinda"},
		// Banjar insults: the models learned hostility from Indonesian
		// tweets, so the Indonesian word is what they can recognise.
		{"insults", "hungang banar ikam, muha tambuk", "ʙbodoh ʙbenar ʙkamu ,/P ʙmuka ʙbodoh"},
		{"insult clitic", "bungulnya kada baakal", "ʙbodohnya ʙtidak ~ʙberakal"},
		{"supan", "kalakuan manyupani, supan banar", "ʙkelakuan ʙmemalukan ,/P ʙmalu ʙbenar"},
	})
}

func TestSlang(t *testing.T) {
	cases := map[string]string{
		"gak": "tidak", "ga": "tidak", "nggak": "tidak", "ngga": "tidak", "enggak": "tidak",
		"tdk": "tidak", "gk": "tidak", "bgt": "banget", "bngt": "banget", "udh": "sudah",
		"udah": "sudah", "sdh": "sudah", "yg": "yang", "dgn": "dengan", "krn": "karena",
		"blm": "belum", "bkn": "bukan", "aja": "saja", "tp": "tapi", "jd": "jadi", "sy": "saya",
		"gw": "saya", "gue": "saya", "lu": "kamu", "lo": "kamu", "bener": "benar",
		"cuma": "hanya", "cuman": "hanya", "emg": "memang", "knp": "kenapa", "gimana": "bagaimana",
		"gpp": "tidak apa-apa", "makasih": "terima kasih", "skrg": "sekarang", "pemkot": "pemerintah kota",
		"aamiin": "aamiin", "amiin": "aamiin", "aamiiin": "aamiin", "AMIN": "amin",
		"dapet": "dapat", "sholat": "salat",
		"anjg": "anjing", "bgst": "bangsat", "gblk": "goblok", "temennya": "temannya",
	}
	for in, want := range cases {
		// strip negation markers: negators followed by their scope
		got := Text(in).NormText()
		if got != want {
			t.Errorf("Text(%q).NormText() = %q, want %q", in, got, want)
		}
	}
}

func TestNegation(t *testing.T) {
	runGolden(t, []golden{
		{"tidak buruk", "tidak buruk", "tidak ~buruk"},
		{"kada jelas", "kada jelas", "ʙtidak ~jelas"},
		{"gak after mapping", "gak bagus", "tidak ~bagus"},
		{"bukan main", "bukan main bagusnya", "bukan main bagusnya"},
		{"tidak hanya", "tidak hanya murah tapi enak", "tidak hanya murah tapi enak"},
		{"bukan hanya", "bukan cuma murah", "bukan hanya murah"},
		{"function words do not count", "gak terlalu bagus sih", "tidak ~terlalu ~bagus ~sih"},
		{"three content words", "tidak suka makan nasi goreng pedas", "tidak ~suka ~makan ~nasi goreng pedas"},
		{"punctuation ends scope", "tidak bagus, murah", "tidak ~bagus ,/P murah"},
		{"contrast ends scope", "tidak enak tapi murah", "tidak ~enak tapi murah"},
		{"jangan", "jangan buang sampah", "jangan ~buang ~sampah"},
		{"belum", "belum diperbaiki juga", "belum ~diperbaiki ~juga"},
		{"tak", "tak berguna", "tak ~berguna"},
		{"emoji ends scope", "gak suka 😡 jalan", "tidak ~suka emo_marah/E jalan"},
		{"negator not negated", "tidak tidak", "tidak tidak"},
		{"gpp expansion", "gpp kok", "tidak ~apa-apa ~kok"},
	})
}

func TestDocHelpers(t *testing.T) {
	d := Text("Gak bagus!! #SamarindaBersih @pemkot 😡")
	wantWords := []string{"tidak", "bagus", "samarinda", "bersih"}
	if got := d.Words(); strings.Join(got, " ") != strings.Join(wantWords, " ") {
		t.Errorf("Words() = %q, want %q", got, wantWords)
	}
	if got, want := d.NormText(), "tidak bagus ! ! #samarindabersih samarinda bersih @pemkot emo_marah"; got != want {
		t.Errorf("NormText() = %q, want %q", got, want)
	}
	if d.Raw != "Gak bagus!! #SamarindaBersih @pemkot 😡" {
		t.Errorf("Raw changed: %q", d.Raw)
	}
	raws := []string{}
	for _, tk := range d.Tokens {
		raws = append(raws, tk.Raw)
	}
	if got, want := strings.Join(raws, "|"), "Gak|bagus|!|!|#SamarindaBersih|Samarinda|Bersih|@pemkot|😡"; got != want {
		t.Errorf("raws = %q, want %q", got, want)
	}
}

func TestWithBanjarOff(t *testing.T) {
	d := TextWith("ulun kada handak", WithBanjar(false))
	if got := d.NormText(); got != "ulun kada handak" {
		t.Errorf("WithBanjar(false): %q", got)
	}
	if d.Lang() != "id" {
		t.Errorf("WithBanjar(false): Lang = %s", d.Lang())
	}
}

// TestLexicons checks the embedded lists: they parse, every value is
// lower-case, every emoji key is an emoji, and no slang key maps twice.
func TestLexicons(t *testing.T) {
	lx, err := parseLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.slang) < 400 {
		t.Errorf("slang list has %d entries, want >= 400", len(lx.slang))
	}
	if len(lx.banjar) < 200 {
		t.Errorf("Banjar list has %d entries, want >= 200", len(lx.banjar))
	}
	if len(lx.emoji) < 60 {
		t.Errorf("emoji list has %d entries, want >= 60", len(lx.emoji))
	}
	for k, v := range lx.slang {
		for _, w := range v {
			if w != strings.ToLower(w) || k != strings.ToLower(k) {
				t.Errorf("slang %q → %q: not lower-case", k, v)
			}
		}
	}
	for k, e := range lx.banjar {
		if k != strings.ToLower(k) || len(e.norm) == 0 {
			t.Errorf("banjar %q → %q: bad entry", k, e.norm)
		}
	}
	for k, v := range lx.emoji {
		if !isEmojiRuneString(k) || !strings.HasPrefix(v, "emo_") {
			t.Errorf("emoji %q → %q: bad entry", k, v)
		}
	}
	seen := map[string]string{}
	err = eachLine("lexicon/slang.tsv", func(f []string) error {
		if prev, ok := seen[f[0]]; ok && prev != f[1] {
			t.Errorf("slang %q maps to both %q and %q", f[0], prev, f[1])
		}
		seen[f[0]] = f[1]
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNormInvariants runs the benchmark posts and checks the Token
// contract on each.
func TestNormInvariants(t *testing.T) {
	for _, p := range benchPosts {
		checkInvariants(t, p, Text(p))
	}
}

func checkInvariants(t *testing.T, in string, d *Doc) {
	t.Helper()
	for i, tk := range d.Tokens {
		if tk.Norm == "" {
			t.Errorf("%q: token %d (%q) has an empty Norm", in, i, tk.Raw)
		}
		if !utf8.ValidString(tk.Norm) || !utf8.ValidString(tk.Raw) {
			t.Errorf("%q: token %d has invalid UTF-8: %q / %q", in, i, tk.Norm, tk.Raw)
		}
		if tk.Kind != Punct && tk.Norm != strings.ToLower(tk.Norm) {
			t.Errorf("%q: token %d Norm %q is not lower-case", in, i, tk.Norm)
		}
		if strings.ContainsAny(tk.Norm, " \t\n") {
			t.Errorf("%q: token %d Norm %q contains whitespace", in, i, tk.Norm)
		}
	}
}

// TestConcurrent runs Text from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	want := make([]string, len(benchPosts))
	for i, p := range benchPosts {
		want[i] = render(Text(p))
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- true }()
			for k := 0; k < 50; k++ {
				for i, p := range benchPosts {
					if got := render(Text(p)); got != want[i] {
						t.Errorf("concurrent Text(%q) = %q, want %q", p, got, want[i])
						return
					}
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// TestUnitAfterNumber pins that a unit written apart after a number stays a
// unit while the bare word keeps its slang reading.
func TestUnitAfterNumber(t *testing.T) {
	cases := []struct{ in, want string }{
		{"antri 2 km", "antre 2 km"},
		{"km dmn", "kamu dimana"},
		{"lahan 5 ha", "lahan 5 ha"},
		{"cm 10 ribu", "hanya 10 ribu"},
		{"sudah 2 thn", "sudah 2 tahun"},
	}
	for _, c := range cases {
		if got := Text(c.in).NormText(); got != c.want {
			t.Errorf("Text(%q).NormText() = %q, want %q", c.in, got, c.want)
		}
	}
}
