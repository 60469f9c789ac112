package sentiment

import (
	"testing"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/metrics"
	"github.com/dengar-id/dengar/analyze/normalize"
	"github.com/dengar-id/dengar/mention"
)

// TestSamarindaSets scores the shipped tagger on the Samarinda sentiment
// sets written for the project (testdata; no data-set text): the dev part
// that rules and recipe were tuned on, the blind part written after
// tuning was frozen, dev2 and dev3, the round-2 and round-3 tuning sets,
// blind3, written after round 3 froze, dev4, the round-4 tuning set, blind4, written after round 4 froze, blind5, written after its last rules, dev5, the round-5 tuning set, blind6, written after round 5 froze, dev6, the round-6 tuning set, blind7, written after round 6 froze, blind8, written after the tuning on blind7, blind9, written after the last round-6 rules, dev7, the round-7 tuning set, blind10, written after round 7 froze, blind11, written after the tuning on blind10, health, the round-8 tuning set of health posts, and health_blind, written after round 8 froze. Each has a floor on accuracy and macro-F1.
func TestSamarindaSets(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path         string
		minN         int
		accFloor, f1 float64
	}{
		{"testdata/samarinda_dev.jsonl", 300, 0.92, 0.92},
		// Written after the rules were frozen; first score 0.9394 / 0.9388.
		// The floor is the bar.
		{"testdata/samarinda_blind.jsonl", 95, 0.80, 0.78},
		// Round 2 (issue #21): posts written for the classes an
		// independent blind set still missed (92 posts); 0.5217 / 0.5204
		// before the round-2 rules, 0.9348 / 0.9247 after.
		{"testdata/samarinda_dev2.jsonl", 80, 0.92, 0.90},
		// Round 3 (issue #21): posts written for the miss classes of an
		// independent set, described by class (174 posts); 0.5517 / 0.5577
		// before the round-3 rules, 0.9713 / 0.9667 after.
		{"testdata/samarinda_dev3.jsonl", 170, 0.95, 0.94},
		// Written after round 3 froze (54 posts); first score 0.7778 /
		// 0.7838 (main: 0.4815 / 0.5015); then its misses were tuned on
		// (0.8889 / 0.8867), so it is blind no more. The floor sits below
		// the first score.
		{"testdata/samarinda_blind3.jsonl", 50, 0.75, 0.75},
		// Round 4 (issue #21): posts written for the miss classes of a
		// new independent set, described by class, with hard negatives
		// (101 posts); 0.6832 / 0.6904 before the round-4 rules, 0.9802 /
		// 0.9803 after.
		{"testdata/samarinda_dev4.jsonl", 80, 0.93, 0.93},
		// Written after round 4 froze (52 posts); first score 0.7692 /
		// 0.7880 (main: 0.6923 / 0.7148); then its misses were tuned on
		// (0.9423 / 0.9510), so it is blind no more. The floor sits below
		// the first score.
		{"testdata/samarinda_blind4.jsonl", 50, 0.75, 0.75},
		// Written after the round-4 tuning on blind4 froze (50 posts),
		// never tuned on; first score 0.8200 / 0.8275 (main: 0.7000 /
		// 0.7119). The floor sits below the first score.
		{"testdata/samarinda_blind5.jsonl", 50, 0.78, 0.78},
		// Round 5 (issue #21): posts written for the miss classes of the
		// independent 120-post set, described by class, with hard
		// negatives (103 posts); 0.6699 / 0.6910 before the round-5
		// rules, 0.9903 / 0.9891 after.
		{"testdata/samarinda_dev5.jsonl", 100, 0.95, 0.95},
		// Written after round 5 froze (55 posts), never tuned on; first
		// score 0.8000 / 0.7983 (main: 0.6727 / 0.6895). The floor sits
		// below the first score.
		{"testdata/samarinda_blind6.jsonl", 50, 0.76, 0.76},
		// Round 6 (issue #21): posts written for the miss classes of an
		// independent set seen after round 5, described by class, with
		// hard negatives, in three parts of new wordings (174 posts);
		// 0.6034 / 0.5909 before the round-6 rules, 0.9828 / 0.9799 after.
		{"testdata/samarinda_dev6.jsonl", 170, 0.95, 0.95},
		// Written after round 6 froze (56 posts); first score 0.9286 /
		// 0.9098 (main: 0.5714 / 0.5631); then its misses were tuned on
		// (0.9821 / 0.9754),
		// so it is blind no more. The floor sits below the first score.
		{"testdata/samarinda_blind7.jsonl", 50, 0.85, 0.85},
		// Written after the round-6 tuning on blind7 froze (55 posts);
		// first score 0.8000 / 0.7787 (main: 0.5636 / 0.5562); then four
		// of its misses were tuned on, so it is blind no more. The floor
		// sits below the first score.
		{"testdata/samarinda_blind8.jsonl", 50, 0.78, 0.76},
		// Written after the last round-6 rules froze (55 posts), never
		// tuned on; first score 0.9091 / 0.9052 (main: 0.6545 / 0.6456).
		// The floor sits below the first score.
		{"testdata/samarinda_blind9.jsonl", 50, 0.85, 0.85},
		// Round 7 (issue #21): posts written for the miss classes of an
		// independent set seen after round 6, described by class, with
		// hard negatives, in three parts of new wordings (177 posts);
		// 0.5706 / 0.5654 before the round-7 rules, 1.0000 / 1.0000 after.
		{"testdata/samarinda_dev7.jsonl", 170, 0.95, 0.95},
		// Written after round 7 froze (55 posts); first score 0.7091 /
		// 0.7252 (h21h: 0.5273 / 0.5291); then its misses were tuned on
		// (0.8182 / 0.8324), so it is blind no more. The floor sits below
		// the first score.
		{"testdata/samarinda_blind10.jsonl", 50, 0.68, 0.70},
		// Written after the round-7 tuning on blind10 froze (52 posts),
		// scored once, never tuned on: 0.8269 / 0.8222 (h21h: 0.4808 /
		// 0.4643). The floor sits below the first score.
		{"testdata/samarinda_blind11.jsonl", 50, 0.80, 0.80},
		// Round 8 (issue #21): health campaigns (vaccination, immunisation,
		// DBD, stunting, the puskesmas), hope, reassurance, topical news,
		// complaints, fear, side effects (60 posts, tuned on with the
		// vaccine-tweet folds 0–3); 0.7000 / 0.7000 before the health
		// frame (health.go), 0.9667 / 0.9666 after.
		{"testdata/samarinda_health.jsonl", 60, 0.92, 0.92},
		// Written after the health frame froze (42 posts, new wordings and
		// places, with hard negatives: hospital reviews, city complaints),
		// scored once: 0.8571 / 0.8556 (main: 0.7143 / 0.7061). The floor
		// sits below the first score.
		{"testdata/samarinda_health_blind.jsonl", 40, 0.80, 0.80},
	} {
		t.Run(c.path, func(t *testing.T) {
			ex, err := dataset.ReadFile(c.path, dataset.FormatSentimentJSONL)
			if err != nil {
				t.Fatal(err)
			}
			if len(ex) < c.minN {
				t.Fatalf("%d posts, want at least %d", len(ex), c.minN)
			}
			cm := metrics.NewConfusion(Labels...)
			var m mention.Mention
			for _, e := range ex {
				tg.Tag(&m, normalize.Text(e.Text))
				cm.Add(e.Label(), m.Sentiment.Label)
			}
			acc, f1 := cm.Accuracy(), cm.MacroF1()
			t.Logf("accuracy=%.4f macro_f1=%.4f n=%d", acc, f1, cm.N)
			if acc < c.accFloor || f1 < c.f1 {
				t.Errorf("accuracy %.4f / macro-F1 %.4f below the floor %.2f / %.2f", acc, f1, c.accFloor, c.f1)
			}
		})
	}
}
