package catalog

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/analyze/train"
	"github.com/dengar-id/dengar/mention"
)

// partisanSetFiles lists the partisan sets, the model's training files,
// in sorted order (the order training reads them).
func partisanSetFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/partisan_*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

var updatePartisanModel = flag.Bool("update-partisan-model", false, "retrain partisan_model.bin from testdata/partisan_*.jsonl")

// partisanModelFeatures and partisanModelSVM are the shipped model's
// settings: the ones of the forward test (word 1–2-grams, character
// 2–5-grams, 2^16 buckets, C 0.5, fixed seed).
var (
	partisanModelFeatures = model.TFIDFFeatures(16, 2, 5)
	partisanModelSVM      = train.SVMOptions{C: 0.5, Epochs: 30, Seed: 26}
)

// trainPartisanModel trains the partisan model on every labelled post of
// testdata/partisan_*.jsonl, files in sorted order, posts in file order.
func trainPartisanModel(t *testing.T) []byte {
	t.Helper()
	files := partisanSetFiles(t)
	var texts []string
	var y []bool
	for _, f := range files {
		for _, p := range readSet(t, f) {
			texts = append(texts, partisanModelInput(p.Text, p.AuthorKind))
			y = append(y, *p.Partisan)
		}
	}
	var b bytes.Buffer
	if err := train.TrainTFIDF(partisanModelFeatures, texts, y, partisanModelSVM).Encode(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPartisanModelReproduces retrains the partisan model and compares it
// with the committed file byte for byte; -update-partisan-model rewrites
// the file (go generate ./analyze/catalog).
func TestPartisanModelReproduces(t *testing.T) {
	got := trainPartisanModel(t)
	if *updatePartisanModel {
		if err := os.WriteFile("partisan_model.bin", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, partisanModelFile) {
		t.Fatalf("retraining gives a different model (%d bytes, committed %d): run go generate ./analyze/catalog", len(got), len(partisanModelFile))
	}
}

// rulesOnlyIndex is the default catalog compiled without the partisan
// model.
func rulesOnlyIndex(t testing.TB) *Index {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	ix.pmodel = nil
	return ix
}

// tagSet tags posts with ix's catalog tagger.
func tagSet(ix *Index, posts []LabelledPost) []*mention.Mention {
	tg := NewTagger(ix)
	var out []*mention.Mention
	for _, p := range posts {
		m := &mention.Mention{Text: p.Text, Author: mention.Author{Kind: p.AuthorKind}}
		if p.Date != "" {
			d, _ := ParseDate(p.Date)
			m.PostedAt = d.Noon()
		}
		tg.Tag(m, normalize.Text(p.Text))
		out = append(out, m)
	}
	return out
}

// TestPartisanModelOnlyAdds: on every labelled post, a partisan call of
// the rules stays with its cues; a call the model adds carries only the
// model's cue, and is made in season only.
func TestPartisanModelOnlyAdds(t *testing.T) {
	files := partisanSetFiles(t)
	rules, both := rulesOnlyIndex(t), testIndex(t)
	added := 0
	for _, f := range files {
		posts := readSet(t, f)
		r, b := tagSet(rules, posts), tagSet(both, posts)
		for i := range posts {
			switch {
			case r[i].Politics.Partisan && !slices.Equal(r[i].Politics.Cues, b[i].Politics.Cues):
				t.Errorf("%s: the model changed a rule's call %q → %q: %s", f, r[i].Politics.Cues, b[i].Politics.Cues, posts[i].Text)
			case !r[i].Politics.Partisan && b[i].Politics.Partisan:
				added++
				if cues := b[i].Politics.Cues; len(cues) == 0 || !strings.HasPrefix(cues[len(cues)-1], `model: "`) {
					t.Errorf("%s: a model call without its cue %q: %s", f, cues, posts[i].Text)
				}
			}
		}
	}
	if added == 0 {
		t.Error("the model added no call on its own training sets: is it wired?")
	}
}

// TestPartisanModelGate pins the model's gate on posts written for it:
// implicit support the rules leave alone is called in an election season,
// never out of it, and neutral election talk stays non-partisan.
func TestPartisanModelGate(t *testing.T) {
	ix := testIndex(t)
	const wahidah = "Bu Wahidah handak datang ka Sungai Dama hari Sabtu, ayo bubuhan kita ramaikan, jangan sampai sepi!"
	// The gate, not the margin, must keep it out of season.
	var v model.TFIDFVec
	if mg := ix.pmodel.Score(partisanModelInput(wahidah, "government"), &v); mg < PartisanModelThreshold {
		t.Fatalf("margin %.2f under the threshold: pick another post", mg)
	}
	for _, tc := range []struct {
		name, text, kind, date string
		want                   bool
	}{
		// Hard negatives in season: news, the KPU's logistics, neutrality.
		{"news", "Hari ini KPU Kota Samarinda menggelar rapat pleno penetapan daftar pemilih tetap di aula kantor KPU, dihadiri Bawaslu dan perwakilan partai.", "government", "2029-01-20", false},
		{"kpu logistics", "Distribusi logistik pemilu ke 10 kecamatan dimulai besok pagi. Kotak suara dan surat suara dikawal aparat sampai gudang PPK.", "government", "2029-02-05", false},
		{"kpu tps", "Info TPS: cek lokasi TPS kamu lewat laman cekdptonline, bawa KTP el dan formulir C pemberitahuan ya warga Samarinda", "government", "2029-02-10", false},
		{"neutrality reminder", "Diskominfo mengingatkan seluruh ASN Pemkot Samarinda untuk menjaga netralitas selama tahapan pemilu, termasuk di media sosial: jangan like, share atau komentar konten kampanye.", "government", "2029-01-15", false},
		{"bawaslu", "Bawaslu Kaltim membuka posko pengaduan pelanggaran netralitas ASN selama masa kampanye. Laporkan dengan bukti tangkapan layar.", "government", "2029-01-25", false},
		// A call of a training post (the rules see no campaign event in
		// "ramaikan"): in the campaign of 2029 the model makes it; on days
		// with no race open and no vote within the season it may not.
		{"in season", wahidah, "government", "2029-10-08", true},
		{"out of season", wahidah, "government", "2026-06-01", false},
		{"out of season 2027", wahidah, "government", "2027-03-01", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDate(tc.date)
			if err != nil {
				t.Fatal(err)
			}
			if inSeason := len(ix.openRaces(d)) > 0 || ix.calendarOf(d).ahead; !inSeason && !strings.HasPrefix(tc.name, "out") {
				t.Fatalf("%s is not in an election season: the model would not be read", tc.date)
			}
			m := &mention.Mention{Text: tc.text, Author: mention.Author{Kind: tc.kind}, PostedAt: d.Noon()}
			NewTagger(ix).Tag(m, normalize.Text(tc.text))
			if m.Politics.Partisan != tc.want {
				t.Errorf("partisan = %v, want %v (cues %q)", m.Politics.Partisan, tc.want, m.Politics.Cues)
			}
			if m.NeutralityBreach != tc.want {
				t.Errorf("breach = %v, want %v (a government account)", m.NeutralityBreach, tc.want)
			}
		})
	}
}

// TestPartisanModelListAndExplain: a post naming three or more parties is
// a list the model may not call (the rules still read it), and explain
// says what the model did when it made no call.
func TestPartisanModelListAndExplain(t *testing.T) {
	ix := testIndex(t)
	for _, tc := range []struct {
		name, text, date, want string
	}{
		{"roster", "KPU menetapkan partai peserta Pemilu 2029, di antaranya PKB, Gerindra, PDI Perjuangan, Golkar, NasDem, PKS dan PAN. Selamat berkompetisi secara sehat.", "2028-12-14", "partisan model abstained: the post names"},
		{"below threshold", "Rapat koordinasi kesiapan keamanan menjelang hari pemungutan suara di aula kelurahan bersama Linmas dan RT.", "2029-01-20", "not counted: partisan model margin"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDate(tc.date)
			if err != nil {
				t.Fatal(err)
			}
			m := &mention.Mention{Text: tc.text, Author: mention.Author{Kind: "government"}, PostedAt: d.Noon()}
			doc := normalize.Text(tc.text)
			tg := NewTagger(ix)
			tg.Tag(m, doc)
			if m.Politics != nil && m.Politics.Partisan {
				t.Fatalf("partisan, cues %q", m.Politics.Cues)
			}
			var found []string
			for _, e := range tg.ExplainMention(m, doc, 0) {
				for _, f := range e.Features {
					found = append(found, f.Feature)
					if strings.HasPrefix(f.Feature, tc.want) && f.Weight == -1 {
						return
					}
				}
			}
			t.Errorf("no %q line in explain: %q", tc.want, found)
		})
	}
}

// TestPartisanModelNeedsAnchor: the model abstains on a post with no word
// of politics, even where its margin is over the threshold (threats and
// consumer gripes scored 0.77–0.80 once), and reads one that has any.
func TestPartisanModelNeedsAnchor(t *testing.T) {
	ix := testIndex(t)
	unanchoredPosts := []string{
		"Admin akun ini gue cari sampai dapat, gue hajar",
		"Tanah jangan dijual ke Cindo, nanti kampung kita jadi punya mereka",
		"Kalau ketemu di jalan jangan salahkan aku ya bro, udah kuperingatkan",
	}
	over := 0
	for _, text := range unanchoredPosts {
		var v model.TFIDFVec
		if ix.pmodel.Score(partisanModelInput(text, "government"), &v) < PartisanModelThreshold {
			continue
		}
		over++
		d, _ := ParseDate("2024-02-05")
		m := &mention.Mention{Text: text, Author: mention.Author{Kind: "government"}, PostedAt: d.Noon()}
		doc := normalize.Text(text)
		tg := NewTagger(ix)
		tg.Tag(m, doc)
		if m.Politics != nil && m.Politics.Partisan {
			t.Errorf("%q: partisan with no political anchor, cues %q", text, m.Politics.Cues)
		}
	}
	if over == 0 {
		t.Fatal("no post scores over the threshold any more: pick posts that show the abstention")
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Admin akun ini gue cari sampai dapat, gue hajar", false},
		{"proyek gorong-gorong Jalan Biawan mangkrak lagi 🙏", false},
		{"aku sudah dua kali beli hp merek itu, dua kali kecewa", false},
		{"Bubuhan kampung ulun sudah bulat, Rudy Seno haja", true},
		{"Jangan sampai tarulang lagi lima tahun ke depan, dangsanak", true},
		{"pian barataan tahu haja lah siapa nang mambangun jembatan tu 😁", true},
		{"bsk pagi merapat ke GOR ya, ada ramah tamah sm ibu Nurjannah", true},
		{"satu komando, satu tujuan! #SamarindaMaju", true},
		{"pakai baju biru besok ya bapak ibu 😉", true},
	} {
		st := &pstate{doc: normalize.Text(tc.text)}
		if got := anchored(st); got != tc.want {
			t.Errorf("anchored(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
