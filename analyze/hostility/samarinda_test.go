package hostility

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

// TestSamarindaSets scores the embedded tagger on the hand-written
// Samarinda sets (testdata/samarinda_dev.jsonl, tuned on;
// testdata/samarinda_blind.jsonl, written after the first round's tuning
// and tuned on in the second; testdata/samarinda_dev2.jsonl, the second
// round's own posts, tuned on; testdata/samarinda_dev3.jsonl, the third
// round's posts for its miss classes, tuned on;
// testdata/samarinda_blind3.jsonl, written after the third round froze:
// first score hostile F1 0.9750, precision 0.9750, kind accuracy 0.9750;
// testdata/samarinda_dev4.jsonl, the fourth round's posts for its miss
// classes, tuned on: main before it scored hostile F1 0.6849, precision
// 1.0000, kind accuracy 0.5000; testdata/samarinda_dev5.jsonl, the
// fifth round's posts for its miss classes, tuned on: main before it
// scored hostile F1 0.3273, precision 0.6000, kind accuracy 0.1750 on
// its first 70 posts; testdata/samarinda_blind5.jsonl, written after
// the fifth round froze (50 posts): first score hostile F1 0.8627,
// precision 1.0000, kind accuracy 0.7586, where main before the round
// scored 0.3243, 0.7500, 0.2069; tuned on afterwards;
// testdata/samarinda_blind5b.jsonl (44) and samarinda_blind5c.jsonl (46),
// each written after the rules froze again: first scores 0.8095 /
// 0.9444 / 0.6667 and 0.8163 / 0.9524 / 0.7143, below the bars, then
// tuned on; testdata/samarinda_dev6.jsonl, the sixth round's posts for
// its miss classes (149), tuned on: main before it scored hostile F1
// 0.6107, precision 0.8511, kind accuracy 0.4643;
// testdata/samarinda_blind6.jsonl (45), written after the sixth round
// froze: first score hostile F1 0.8511, precision 0.9524, kind accuracy
// 0.7692, where main before the round scored 0.7000, 1.0000, 0.4615;
// tuned on afterwards; testdata/samarinda_dev7.jsonl, the seventh
// round's posts for its miss classes (110), tuned on: main before it
// scored hostile F1 0.8182, precision 0.9643, kind accuracy 0.6711;
// testdata/samarinda_blind7.jsonl (52), samarinda_blind7b.jsonl (46) and
// samarinda_blind7c.jsonl (46), each written after the rules froze:
// first scores 0.8000 / 1.0000 / 0.6667, 0.7692 / 1.0000 / 0.6250 and
// 0.7059 / 0.9000 / 0.5806, where main scored 0.7586 / 1.0000 / 0.6111,
// 0.6939 / 1.0000 / 0.5312 and 0.6667 / 0.9412 / 0.5161; each tuned on
// afterwards; testdata/samarinda_dev8.jsonl, the eighth round's posts
// for its miss classes (117), tuned on: h20g before it scored hostile
// F1 0.6667, precision 0.9474, kind accuracy 0.4857;
// testdata/samarinda_blind8.jsonl (49), written after the eighth round
// froze: first score 0.9032 / 1.0000 / 0.8235, where h20g scored 0.4444
// / 0.9091 / 0.2353; testdata/samarinda_blind8b.jsonl (42), written
// after the rules froze again: first score 0.9286 / 0.9286 / 0.9286,
// where h20g scored 0.5581 / 0.8000 / 0.4286; each tuned on afterwards;
// testdata/samarinda_dev9.jsonl, the ninth round's posts (124), tuned
// on: h20h before it scored 0.7871 / 0.9839 / 0.6452;
// testdata/samarinda_blind9.jsonl (53), written after the ninth round
// froze: first score 0.9552 / 1.0000 / 0.9143, where h20h scored 0.8000
// / 0.9600 / 0.6571; testdata/samarinda_blind9b.jsonl (43), written
// after the rules froze again: first score 0.9231 / 1.0000 / 0.8571,
// where h20h scored 0.7273 / 1.0000 / 0.5714; each tuned on afterwards)
// and fails below issue 20's bars: hostile
// vs not F1 ≥ 0.85 with precision ≥ 0.80, the kind right on ≥ 0.75 of
// the truly hostile posts, and no complaint about spending, services or
// floods tagged hostile. The first blind set measured F1 0.9209,
// precision 0.9697, kind accuracy 0.8630 when it was written.
func TestSamarindaSets(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"testdata/samarinda_blind.jsonl", "testdata/samarinda_dev.jsonl", "testdata/samarinda_dev2.jsonl", "testdata/samarinda_dev3.jsonl", "testdata/samarinda_blind3.jsonl", "testdata/samarinda_dev4.jsonl", "testdata/samarinda_dev5.jsonl", "testdata/samarinda_blind5.jsonl", "testdata/samarinda_blind5b.jsonl", "testdata/samarinda_blind5c.jsonl", "testdata/samarinda_dev6.jsonl", "testdata/samarinda_blind6.jsonl", "testdata/samarinda_dev7.jsonl", "testdata/samarinda_blind7.jsonl", "testdata/samarinda_blind7b.jsonl", "testdata/samarinda_blind7c.jsonl", "testdata/samarinda_dev8.jsonl", "testdata/samarinda_blind8.jsonl", "testdata/samarinda_blind8b.jsonl", "testdata/samarinda_dev9.jsonl", "testdata/samarinda_blind9.jsonl", "testdata/samarinda_blind9b.jsonl"} {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			posts, err := ReadLabelled(f)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Evaluate(context.Background(), tg, posts, io.Discard, false)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("n=%d hostile f1=%.4f precision=%.4f kind accuracy=%.4f macro-F1=%.4f", s.N, s.HostileF1, s.HostilePrecision, s.KindAccuracy, s.MacroF1)
			if s.HostileF1 < 0.85 || s.HostilePrecision < 0.80 || s.KindAccuracy < 0.75 {
				t.Errorf("below the bars: hostile F1 %.4f (≥ 0.85), precision %.4f (≥ 0.80), kind accuracy %.4f (≥ 0.75)", s.HostileF1, s.HostilePrecision, s.KindAccuracy)
			}
			for _, hard := range []string{"spending", "service", "flood"} {
				if s.HardN[hard] == 0 {
					t.Errorf("no hard negatives of class %s in %s", hard, name)
				}
				if s.HardFP[hard] > 0 {
					t.Errorf("%d of %d %s complaints tagged hostile", s.HardFP[hard], s.HardN[hard], hard)
				}
			}
		})
	}
}

func TestReadLabelledErrors(t *testing.T) {
	for _, in := range []string{
		`{"text": "x", "label": "kasar"}`,
		`{"text": "", "label": "none"}`,
		`{"text": "x", "label": "abusive", "target": "orang"}`,
		`{"text": "x", "label": "hate", "categories": ["suku"]}`,
		`{"text": "x", "label": "none", "extra": 1}`,
		`{"text": "x", "label": `,
	} {
		if _, err := ReadLabelled(strings.NewReader("\n" + in + "\n")); err == nil {
			t.Errorf("%s: accepted", in)
		}
	}
	posts, err := ReadLabelled(strings.NewReader(`{"text": "pemkot tolol", "label": "abusive", "threat": false, "target": "institution"}` + "\n\n"))
	if err != nil || len(posts) != 1 || Kind(posts[0].Label, posts[0].Threat) != "abusive" {
		t.Errorf("got %v, %v", posts, err)
	}
}
