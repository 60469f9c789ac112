package hostility

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

func readRules(t *testing.T, text string, media bool) *reading {
	t.Helper()
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return lx.read(normalize.Text(text), media, false)
}

// TestGroupAttacks checks the group-hate rules on posts written for this
// test: attacks on Kalimantan and Indonesian identities (and on one person
// as a member of a group), against counter-speech, news, neutral mentions
// of the same groups and a group that is the subject of a verb.
func TestGroupAttacks(t *testing.T) {
	tests := []struct {
		text       string
		hate       bool
		categories []string
		individual bool
	}{
		{"Pendatang dari Jawa itu kayak tikus, cuma bikin kumuh", true, []string{"race"}, false},
		{"Orang Dayak masih primitif, jangan dikasih jabatan", true, []string{"race"}, false},
		{"Jangan belanja di toko Cina, boikot!", true, []string{"race"}, false},
		{"Tolak pembangunan gereja di kampung kami", true, []string{"religion"}, false},
		{"Perempuan tempatnya di dapur, jangan jadi camat", true, []string{"gender"}, false},
		{"urang Kutai pamalas, kada handak bagawi", true, []string{"race"}, false},
		{"Rumah ibadah Hindu di sini harus dibongkar", true, []string{"religion"}, false},
		{"Orang tuli tidak usah ikut pemilu", true, []string{"physical"}, false},
		{"bencong-bencong itu penyakit masyarakat", true, []string{"gender"}, false},
		{"Dasar Madura, pantes kamu kasar", true, []string{"race"}, true},
		{"Camat perempuan tahu apa soal banjir", true, []string{"gender"}, true},
		{"Lurahnya kafir, pantas kampung kita sial", true, []string{"religion"}, true},
		// not hate
		{"Bukan berarti semua orang Bugis licik, itu stereotip", false, nil, false},
		{"Polisi selidiki akun yang sebut pendatang 'tikus'", false, nil, false},
		{"Selamat Imlek untuk warga Tionghoa Samarinda", false, nil, false},
		{"Warga Dayak tolak tambang di hutan adat mereka", false, nil, false},
		{"Festival budaya Dayak di Pampang ramai sekali", false, nil, false},
		{"Pembangunan gereja di Loa Bakung sudah dapat izin", false, nil, false},
		{"Nasehat ulama kepada pejabat yang sombong", false, nil, false},
		{"lo tahu arti kata kafir itu apa?", false, nil, false},
		{"trauma pernah dikejar bencong di pasar malam", false, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := readRules(t, tt.text, false)
			if got := len(r.hate) > 0; got != tt.hate {
				t.Fatalf("hate = %v, want %v (cues %v)", got, tt.hate, r.hate)
			}
			if !tt.hate {
				return
			}
			if got := r.hateCat.names(); !slices.Equal(got, tt.categories) {
				t.Errorf("categories = %v, want %v", got, tt.categories)
			}
			if r.hateIndividual != tt.individual {
				t.Errorf("individual = %v, want %v (cues %v)", r.hateIndividual, tt.individual, r.hate)
			}
		})
	}
}

// TestInsults checks aimed insults against exclamations, quotations and
// everyday senses of the same words.
func TestInsults(t *testing.T) {
	tests := []struct {
		text     string
		insult   bool
		mentions bool // some word is read as mentioned (masked for the models)
		target   string
	}{
		{"Pemkot tolol, tiap tahun banjir", true, false, TargetInstitution},
		{"bubuhan pejabat tu bungul kah", true, false, TargetInstitution},
		{"@rizal lu tuh idiot, baca dulu", true, false, TargetIndividual},
		{"Wali kota badut, kerjanya gunting pita", true, false, TargetIndividual},
		{"dasar buzzer bayaran", true, false, TargetIndividual},
		{"Kadis itu budek ya, warga teriak-teriak gak didengar", true, false, TargetIndividual},
		{"anggota dewan tikus kantor semua", true, false, TargetInstitution},
		{"anjir keren banget Teras Samarinda malam ini", false, true, ""},
		{"bangsat, dompet gue ketinggalan di ojol", false, true, ""},
		{"Spanduk bertuliskan 'Wali Kota Bodoh' dipasang massa", false, true, ""},
		{"Sampah di TPS belum diangkut seminggu, dinas tolong cek", false, false, ""},
		{"Pelayanan PDAM jelek sekali bulan ini", false, false, ""},
		{"warga tidak bodoh, kami tahu anggarannya", false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := readRules(t, tt.text, false)
			if got := len(r.insult) > 0; got != tt.insult {
				t.Fatalf("insult = %v, want %v (cues %v)", got, tt.insult, r.insult)
			}
			if got := len(r.mask) > 0; got != tt.mentions {
				t.Errorf("mentioned words = %v, want %v (%v)", got, tt.mentions, r.mentioned)
			}
			if tt.insult && r.target != tt.target {
				t.Errorf("target = %q, want %q", r.target, tt.target)
			}
		})
	}
}

// TestFailureClasses checks the embedded tagger on the failure classes of
// issue 20 (posts written for this test): insults at a person or an
// institution are abusive, not hate; group hate and colloquial threats
// are found; criticism, campaigning, exclamations and news quotes are not
// hostile.
func TestFailureClasses(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		media  bool
		kind   string
		target string
	}{
		{"Pejabat kota tolol dan badut semua, kerja gak becus", false, mention.HostilityAbusive, TargetInstitution},
		{"bubuhan pejabat tu bungul kah, banyu naik tiap tahun", false, mention.HostilityAbusive, TargetInstitution},
		{"@budi_smd lu goblok ya, baca dulu beritanya", false, mention.HostilityAbusive, TargetIndividual},
		{"Pendatang IKN itu kayak tikus, usir aja dari Samarinda", false, mention.HostilityHate, TargetGroup},
		{"Jangan belanja di toko orang Cina, boikot mereka", false, mention.HostilityHate, TargetGroup},
		{"Tolak pembangunan gereja di kampung kami, ini wilayah muslim", false, mention.HostilityHate, TargetGroup},
		{"Perempuan itu tempatnya di dapur, bukan jadi lurah", false, mention.HostilityHate, TargetGroup},
		{"kusobek mulutmu kalau ngomong sembarangan lagi", false, KindThreat, TargetIndividual},
		{"tunggu haja di rumah ikam, kami datang malam ini", false, KindThreat, TargetIndividual},
		{"uang rakyat habis untuk proyek terowongan, hasilnya tidak jelas", false, mention.HostilityNone, ""},
		{"kotak kosong menang! tolak calon tunggal", false, mention.HostilityNone, ""},
		{"Dukung terus Partai Gerindra, bersama kita menangkan pemilu berikutnya", false, mention.HostilityNone, ""},
		{"anjir keren banget terowongannya udah tembus", false, mention.HostilityNone, ""},
		{"Massa Aksi Bawa Poster 'Wali Kota Goblok' di Depan Balai Kota", true, mention.HostilityNone, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m := &mention.Mention{Text: tt.text}
			if tt.media {
				m.Author.Kind = mention.KindMedia
			}
			tg.Tag(m, normalize.Text(tt.text))
			h := m.Hostility
			if got := Kind(h.Label, h.Threat); got != tt.kind || h.Target != tt.target {
				t.Errorf("kind %s target %q, want %s %q (%+v; explain %v)", got, h.Target, tt.kind, tt.target, *h,
					tg.ExplainMention(m, normalize.Text(tt.text), 3)[0])
			}
		})
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for name, body := range map[string]string{
		"lexicon/identity.tsv": "dayak\tsuku\n",
		"lexicon/insult.tsv":   "bodoh\tloud\n",
		"lexicon/threat.tsv":   "bunuh\n",
		"lexicon/frame.tsv":    "sebut\tnoise\n",
		"lexicon/exclaim.tsv":  "anjir\textra\n",
	} {
		_, err := parseLexicon(fstest.MapFS{name: {Data: []byte("# comment\n" + body)}})
		if err == nil || !strings.Contains(err.Error(), name+":2") {
			t.Errorf("%s %q: err = %v, want an error at line 2", name, body, err)
		}
	}
	lx, err := parseLexicon(fstest.MapFS{"lexicon/attack.tsv": {Data: []byte("biang kerok\tattribute\nbiang\tattribute\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if ps := lx.first["biang"]; len(ps) != 2 || len(ps[0].words) != 2 {
		t.Errorf("phrases by first word: %v, want the longest first", ps)
	}
}
