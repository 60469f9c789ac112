package catalog

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
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

// partisanCV runs the experiment of issue 26: does a linear TF-IDF model
// (word n-grams, character 2–5-grams), trained on the project's own
// partisan sets and allowed only to turn a post the rules leave without a
// side, in an election's season, into partisan, catch what the rules miss
// without false breaches? Leave one set out trains 40 models (~15 s):
//
//	go test ./analyze/catalog -run TestPartisanModelCV -partisan-cv -v
//
// Today's rules were tuned on every set, so that table is a ceiling (rules
// 0.9890 pooled); TestPartisanModelForward gives the honest figure: older
// rules on sets written after them, and a model of the older sets only.
// Measured on 2026-12-07 (see testdata/README.md): at the threshold with
// no false positive on the training sets' held-out margins the model adds
// +0.000 to +0.025 macro-F1 and no false breach; the forward test at a
// margin of 0.75 gave +0.03 to +0.10 with no added false breach, and the
// model was shipped at that threshold (partisan_model.go). The experiments
// read the rules alone (rulesOnlyIndex).
var partisanCV = flag.Bool("partisan-cv", false, "run the partisan model's leave-one-set-out experiment")

// cvRow is one labelled post with the rules' reading of it.
type cvRow struct {
	file   int
	text   string // the model's input: the post and the rules' partial cues
	gold   bool
	gov    bool // the author is a government account: a partisan call is a breach
	rule   bool // the rules call it partisan
	season bool // no side found, in an election's season: where the model may speak
	elec   bool // the post names an election itself (electoralAnchored)
	margin float64
}

// cvFeatures are the model's features: word uni- and bigrams and character
// 2–5-grams of the lower-cased text, hashed into 2^16 buckets.
var cvFeatures = model.TFIDFFeatures(16, 2, 5)

// cvSVM are the model's SVM options.
var cvSVM = train.SVMOptions{C: 0.5, Epochs: 30, Seed: 26}

// modelInput is the text the model reads: the post, then pseudo-words for
// the author's kind and the rules' partial reading (a political word, a
// neutrality reminder), so that a model can learn that news is not a call.
func modelInput(text, kind string, p *mention.Politics) string {
	var b strings.Builder
	b.WriteString(text)
	b.WriteString(" zzkind" + kind)
	if p != nil && p.Political {
		b.WriteString(" zzpolitical")
	}
	if p != nil && slices.ContainsFunc(p.Cues, func(c string) bool { return strings.HasPrefix(c, "neutral") }) {
		b.WriteString(" zzneutral")
	}
	return b.String()
}

// postDate is a labelled post's date, zero when it has none.
func postDate(t *testing.T, p LabelledPost) Date {
	t.Helper()
	if p.Date == "" {
		return Date{}
	}
	d, err := ParseDate(p.Date)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func cvRows(t *testing.T, ix *Index, files []string) []cvRow {
	var rows []cvRow
	for fi, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var oldRule []bool // the rules of an earlier commit (forward mode)
		for _, l := range strings.Split(string(raw), "\n") {
			var x struct {
				Rule *bool `json:"rule"`
			}
			if strings.TrimSpace(l) == "" {
				continue
			}
			if err := json.Unmarshal([]byte(l), &x); err != nil {
				t.Fatal(err)
			}
			if x.Rule != nil {
				oldRule = append(oldRule, *x.Rule)
			}
		}
		for pi, p := range readSet(t, path) {
			at := postDate(t, p)
			d := normalize.Text(p.Text)
			st := ix.scan(d, at.Noon())
			if at.IsZero() {
				st.day = Date{}
			}
			st.media = p.AuthorKind == mention.KindMedia
			st.seasonAlways = oldRule != nil
			pol := ix.decide(st)
			season := st.season
			st.release()
			rule := pol.Partisan
			if oldRule != nil {
				// The old rules' reading; the model sees none of today's.
				rule, pol = oldRule[pi], nil
			}
			rows = append(rows, cvRow{file: fi, text: modelInput(p.Text, p.AuthorKind, pol), gold: *p.Partisan,
				gov: p.AuthorKind == mention.KindGovernment, rule: rule, season: season})
		}
	}
	return rows
}

// cvScore is a set's figures under one decision rule.
type cvScore struct {
	macro               float64
	breachTP, breachN   int
	breachFP, partFP, n int
}

func scoreRows(rows []cvRow, thr float64) cvScore {
	var gold, pred []bool
	var s cvScore
	for _, r := range rows {
		y := r.rule || r.season && r.margin > thr
		gold, pred = append(gold, r.gold), append(pred, y)
		if r.gov && r.gold {
			s.breachN++
			if y {
				s.breachTP++
			}
		}
		if y && !r.gold {
			s.partFP++
			if r.gov {
				s.breachFP++
			}
		}
	}
	s.macro = score(gold, pred).MacroF1
	s.n = len(rows)
	return s
}

// crossScore sets every row's margin from a model trained on the other
// groups (group g of row i is groupOf[i]).
func crossScore(rows []cvRow, groups int, groupOf func(cvRow) int) {
	for g := 0; g < groups; g++ {
		var tx []string
		var ty []bool
		for _, r := range rows {
			if groupOf(r) != g {
				tx, ty = append(tx, r.text), append(ty, r.gold)
			}
		}
		tf := train.TrainTFIDF(cvFeatures, tx, ty, cvSVM)
		var v model.TFIDFVec
		for i := range rows {
			if groupOf(rows[i]) == g {
				rows[i].margin = tf.Score(rows[i].text, &v)
			}
		}
	}
}

// zeroFPThreshold is the lowest margin above every negative the model may
// turn (rules say no, in season) among rows.
func zeroFPThreshold(rows []cvRow) float64 {
	thr := math.Inf(-1)
	for _, r := range rows {
		if !r.gold && !r.rule && r.season && r.margin > thr {
			thr = r.margin
		}
	}
	return thr + 1e-6
}

// TestPartisanModelConfigs compares model settings on leave-one-set-out
// margins alone (no rules): the share of partisan posts in season above the
// k-th highest margin of a non-partisan post in season, for k = 1 and 5.
// It chooses the settings from the training sets only, before the forward
// test is run with them.
func TestPartisanModelConfigs(t *testing.T) {
	if !*partisanCV {
		t.Skip("the experiment runs with -partisan-cv")
	}
	files := partisanSetFiles(t)
	rows := cvRows(t, rulesOnlyIndex(t), files)
	defer func(f model.Features, o train.SVMOptions) { cvFeatures, cvSVM = f, o }(cvFeatures, cvSVM)
	for _, c := range []struct {
		name string
		f    model.Features
		o    train.SVMOptions
	}{
		{"16 c2-5 C0.5", model.TFIDFFeatures(16, 2, 5), train.SVMOptions{C: 0.5, Epochs: 30, Seed: 26}},
		{"16 c3-5 C0.5", model.TFIDFFeatures(16, 3, 5), train.SVMOptions{C: 0.5, Epochs: 30, Seed: 26}},
		{"16 c2-5 C0.1", model.TFIDFFeatures(16, 2, 5), train.SVMOptions{C: 0.1, Epochs: 30, Seed: 26}},
		{"16 c2-5 C2", model.TFIDFFeatures(16, 2, 5), train.SVMOptions{C: 2, Epochs: 30, Seed: 26}},
		{"18 c2-5 C0.5", model.TFIDFFeatures(18, 2, 5), train.SVMOptions{C: 0.5, Epochs: 30, Seed: 26}},
		{"16 c2-4 C0.5", model.TFIDFFeatures(16, 2, 4), train.SVMOptions{C: 0.5, Epochs: 30, Seed: 26}},
		{"16 c2-5 C0.5 hinge", model.TFIDFFeatures(16, 2, 5), train.SVMOptions{C: 0.5, Epochs: 30, Seed: 26, Hinge: true}},
		{"16 c2-5 C0.5 pos2", model.TFIDFFeatures(16, 2, 5), train.SVMOptions{C: 0.5, Epochs: 30, Seed: 26, PosWeight: 2}},
	} {
		cvFeatures, cvSVM = c.f, c.o
		crossScore(rows, len(files), func(r cvRow) int { return r.file })
		var neg []float64
		var pos []float64
		for _, r := range rows {
			if !r.season {
				continue
			}
			if r.gold {
				pos = append(pos, r.margin)
			} else {
				neg = append(neg, r.margin)
			}
		}
		slices.Sort(neg)
		slices.Reverse(neg)
		rec := func(k int) float64 {
			n := 0
			for _, m := range pos {
				if m > neg[k-1] {
					n++
				}
			}
			return float64(n) / float64(len(pos))
		}
		t.Logf("%-20s pos %d neg %d: recall@1FP %.3f @5FP %.3f @20FP %.3f", c.name, len(pos), len(neg), rec(1), rec(5), rec(20))
	}
}

func TestPartisanModelCV(t *testing.T) {
	if !*partisanCV {
		t.Skip("the experiment runs with -partisan-cv")
	}
	files := partisanSetFiles(t)
	ix := rulesOnlyIndex(t)
	rows := cvRows(t, ix, files)
	crossScore(rows, len(files), func(r cvRow) int { return r.file })

	// Sweep: what the model adds over the rules at each threshold, pooled.
	var b strings.Builder
	fmt.Fprintf(&b, "sweep (pooled held-out): thr macro breach FB partFP\n")
	for _, thr := range []float64{-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5} {
		s := scoreRows(rows, thr)
		fmt.Fprintf(&b, "  %5.2f %.4f %d/%d %d %d\n", thr, s.macro, s.breachTP, s.breachN, s.breachFP, s.partFP)
	}
	pooled := zeroFPThreshold(rows)
	fmt.Fprintf(&b, "pooled zero-FP threshold %.4f\n", pooled)
	fmt.Fprintf(&b, "| file | n | rules macro | breach | FB | +model macro | breach | FB | nested thr | macro | breach | FB |\n")
	var nestedRows []cvRow
	for fi, path := range files {
		var in, out []cvRow
		for _, r := range rows {
			if r.file == fi {
				in = append(in, r)
			} else {
				out = append(out, r)
			}
		}
		// The nested threshold is chosen on the other files' held-out
		// margins only.
		nt := zeroFPThreshold(out)
		r0, r1, r2 := scoreRows(in, math.Inf(1)), scoreRows(in, pooled), scoreRows(in, nt)
		fmt.Fprintf(&b, "| %s | %d | %.4f | %d/%d | %d | %.4f | %d/%d | %d | %.3f | %.4f | %d/%d | %d |\n",
			strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "partisan_"), ".jsonl"), r0.n,
			r0.macro, r0.breachTP, r0.breachN, r0.breachFP, r1.macro, r1.breachTP, r1.breachN, r1.breachFP,
			nt, r2.macro, r2.breachTP, r2.breachN, r2.breachFP)
		for _, r := range in {
			r.rule = r.rule || r.season && r.margin > nt
			nestedRows = append(nestedRows, r)
		}
	}
	r0, r1, r2 := scoreRows(rows, math.Inf(1)), scoreRows(rows, pooled), scoreRows(nestedRows, math.Inf(1))
	fmt.Fprintf(&b, "| pooled | %d | %.4f | %d/%d | %d | %.4f | %d/%d | %d | | %.4f | %d/%d | %d |\n", r0.n,
		r0.macro, r0.breachTP, r0.breachN, r0.breachFP, r1.macro, r1.breachTP, r1.breachN, r1.breachFP,
		r2.macro, r2.breachTP, r2.breachN, r2.breachFP)
	// Model alone where it may speak: how many of the rules' misses it finds.
	var miss, found int
	for _, r := range rows {
		if r.gold && !r.rule {
			miss++
			if r.season && r.margin > pooled {
				found++
			}
		}
	}
	fmt.Fprintf(&b, "rules' misses %d, found by the model at the pooled threshold %d\n", miss, found)
	t.Log("\n" + b.String())
}

// TestPartisanModelForward scores sets written after an earlier commit
// with that commit's rules (their first, honest reading) plus a model
// trained only on the sets that existed then. PARTISAN_FWD names a folder
// with train/*.jsonl and target/*.jsonl, each line carrying the old rules'
// call as "rule" (made by the old binary's eval).
func TestPartisanModelForward(t *testing.T) {
	dir := os.Getenv("PARTISAN_FWD")
	if dir == "" {
		t.Skip("set PARTISAN_FWD")
	}
	tr, _ := filepath.Glob(filepath.Join(dir, "train", "*.jsonl"))
	tg, _ := filepath.Glob(filepath.Join(dir, "target", "*.jsonl"))
	slices.Sort(tr)
	slices.Sort(tg)
	ix := rulesOnlyIndex(t)
	rows := cvRows(t, ix, append(tr, tg...))
	// Held-out margins of the training sets (leave one set out) choose
	// the threshold; the targets are scored by a model of all of them.
	var trRows []cvRow
	for _, r := range rows {
		if r.file < len(tr) {
			trRows = append(trRows, r)
		}
	}
	crossScore(trRows, len(tr), func(r cvRow) int { return r.file })
	thr := zeroFPThreshold(trRows)
	crossScore(rows, 1, func(r cvRow) int {
		if r.file < len(tr) {
			return 1
		}
		return 0
	})
	var b strings.Builder
	fmt.Fprintf(&b, "threshold (zero FP on the training sets' held-out margins) %.4f\n", thr)
	fmt.Fprintf(&b, "| file | n | old rules macro | breach | FB | FP | +model macro | breach | FB | FP | model@0.5 macro | breach | FB |\n")
	var all []cvRow
	for fi := len(tr); fi < len(tr)+len(tg); fi++ {
		var in []cvRow
		for _, r := range rows {
			if r.file == fi {
				in = append(in, r)
			}
		}
		all = append(all, in...)
		r0, r1, r2 := scoreRows(in, math.Inf(1)), scoreRows(in, thr), scoreRows(in, 0.5)
		fmt.Fprintf(&b, "| %s | %d | %.4f | %d/%d | %d | %d | %.4f | %d/%d | %d | %d | %.4f | %d/%d | %d |\n", filepath.Base(tg[fi-len(tr)]), r0.n,
			r0.macro, r0.breachTP, r0.breachN, r0.breachFP, r0.partFP, r1.macro, r1.breachTP, r1.breachN, r1.breachFP, r1.partFP, r2.macro, r2.breachTP, r2.breachN, r2.breachFP)
	}
	r0, r1, r2 := scoreRows(all, math.Inf(1)), scoreRows(all, thr), scoreRows(all, 0.5)
	fmt.Fprintf(&b, "| pooled | %d | %.4f | %d/%d | %d | %d | %.4f | %d/%d | %d | %d | %.4f | %d/%d | %d |\n", r0.n,
		r0.macro, r0.breachTP, r0.breachN, r0.breachFP, r0.partFP, r1.macro, r1.breachTP, r1.breachN, r1.breachFP, r1.partFP, r2.macro, r2.breachTP, r2.breachN, r2.breachFP)
	var miss, inSeason, govMiss, govInSeason int
	for _, r := range all {
		if r.gold && !r.rule {
			miss++
			if r.season {
				inSeason++
			}
			if r.gov {
				govMiss++
				if r.season {
					govInSeason++
				}
			}
		}
	}
	fmt.Fprintf(&b, "the old rules' misses: %d (%d in season, where the model may speak); breaches %d (%d)\n", miss, inSeason, govMiss, govInSeason)
	fmt.Fprintf(&b, "sweep (pooled targets | training sets held out): thr macro breach FB FP | macro breach FB FP\n")
	for _, x := range []float64{0, 0.25, 0.4, 0.5, 0.6, 0.75, 1} {
		s, u := scoreRows(all, x), scoreRows(trRows, x)
		fmt.Fprintf(&b, "  %4.2f %.4f %d/%d %d %d | %.4f %d/%d %d %d\n", x, s.macro, s.breachTP, s.breachN, s.breachFP, s.partFP, u.macro, u.breachTP, u.breachN, u.breachFP, u.partFP)
	}
	t.Log("\n" + b.String())
}

// TestPartisanModelBandCV is the experiment behind the electoral band
// (PartisanModelElectoralThreshold): the shipped model's settings and
// input, leave one set out, today's rules and abstentions, and the
// pooled breaches, false breaches and false partisan calls at each lower
// threshold with and without the electoral anchor. Measured on
// 2026-12-07 with 102 sets: the band at 0.50 added 33 breaches (3792 →
// 3825 of 3889) with one added false breach (8 → 9) and 7 more false
// partisan calls; without the anchor the same threshold added 7 false
// breaches. Its forward test (each blind pair since round 20 read by the
// binary of its day) is in testdata/README.md.
//
//	go test ./analyze/catalog -run TestPartisanModelBandCV -partisan-cv -v
func TestPartisanModelBandCV(t *testing.T) {
	if !*partisanCV {
		t.Skip("the experiment runs with -partisan-cv")
	}
	files := partisanSetFiles(t)
	ix := rulesOnlyIndex(t)
	var rows []cvRow
	for fi, path := range files {
		for _, p := range readSet(t, path) {
			at := postDate(t, p)
			st := ix.scan(normalize.Text(p.Text), at.Noon())
			if at.IsZero() {
				st.day = Date{}
			}
			st.media, st.kind = p.AuthorKind == mention.KindMedia, p.AuthorKind
			pol := ix.decide(st)
			rows = append(rows, cvRow{file: fi, text: partisanModelInput(p.Text, p.AuthorKind), gold: *p.Partisan,
				gov: p.AuthorKind == mention.KindGovernment, rule: pol.Partisan,
				// Where modelCall would score the post.
				season: !pol.Partisan && st.season && listedActors(st) < 3 && len(st.wordsOf()) >= modelMinWords && anchored(st),
				elec:   electoralAnchored(st)})
			st.release()
		}
	}
	// cvFeatures and cvSVM are the shipped model's settings.
	crossScore(rows, len(files), func(r cvRow) int { return r.file })
	var b strings.Builder
	for _, needElec := range []bool{false, true} {
		fmt.Fprintf(&b, "electoral anchor needed below %.2f: %v\n", PartisanModelThreshold, needElec)
		for _, thr := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, PartisanModelThreshold} {
			var btp, bn, bfp, fp int
			for _, r := range rows {
				y := r.rule || r.season && (r.margin >= PartisanModelThreshold || r.margin >= thr && (!needElec || r.elec))
				if r.gov && r.gold {
					bn++
					if y {
						btp++
					}
				}
				if y && !r.gold {
					fp++
					if r.gov {
						bfp++
					}
				}
			}
			fmt.Fprintf(&b, "  %.2f breaches %d/%d, false breaches %d, false partisan %d\n", thr, btp, bn, bfp, fp)
		}
	}
	t.Log("\n" + b.String())
}
