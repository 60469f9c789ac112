package dataset

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"
)

// Dedup drops from ex every example whose NormKey is in exclude, and
// repeated examples (same key and labels), keeping the first. It returns
// the kept examples and how many were dropped.
func Dedup(ex []Example, exclude map[string]bool) ([]Example, int) {
	seen := map[string]bool{}
	out := ex[:0:0]
	for _, e := range ex {
		k := NormKey(e.Text)
		if k == "" || exclude[k] {
			continue
		}
		lk := k + "\x00" + fmt.Sprint(e.Labels)
		if seen[lk] {
			continue
		}
		seen[lk] = true
		out = append(out, e)
	}
	return out, len(ex) - len(out)
}

// TestSplits lists every test split Dengar reports on, relative to the data
// folder, with its format. Training data never contains their texts.
var TestSplits = []struct {
	Path   string
	Format Format
}{
	{"indonlu-smsa/test_preprocess.tsv", FormatSmSA},
	{"nusax/sentiment/indonesian/test.csv", FormatNusaX},
	{"nusax/sentiment/banjarese/test.csv", FormatNusaX},
	{"nusax/sentiment/javanese/test.csv", FormatNusaX},
	{"nusax/sentiment/buginese/test.csv", FormatNusaX},
	{"indonlu-emot/test_preprocess.csv", FormatEmoT},
	{"id-multilabel-hatespeech/indobertweet-hs1-folds/test0.csv", FormatHS},
	{"indolem-sentiment/test0.csv", FormatIndoLEM},
	{"netifier-toxic/test.csv", FormatNetifier},
	{"banjar-hatespeech-bhsd/dataset_eval.csv", FormatBanjarHS},
}

// TestFolds lists the data sets without an official split whose test
// fold (TestFold) Dengar reports on; like TestSplits, it is never trained
// on.
var TestFolds = []struct {
	Path   string
	Format Format
}{
	{"id-hatespeech-pilkada2017/IDHSD_RIO_unbalanced_713_2017.txt", FormatIDHSD},
	{"id-abusive-news-comments/comments.csv", FormatNewsAbusive},
}

// TestFold is the fold of the deterministic five-fold split (see Fold)
// that is the test split of a data set without an official split.
const TestFold = 4

// Fold is the fold (0–4) of e in the data sets' deterministic split:
// FNV-1a (32-bit) of its FoldKey, mod 5.
func Fold(e Example) int {
	h := fnv.New32a()
	h.Write([]byte(e.FoldKey()))
	return int(h.Sum32() % 5)
}

// TestKeys returns the NormKeys of every test split under dataDir
// (TestSplits, and the test fold of TestFolds).
func TestKeys(dataDir string) (map[string]bool, error) {
	keys := map[string]bool{}
	for i, t := range slices.Concat(TestSplits, TestFolds) {
		ex, err := ReadFile(filepath.Join(dataDir, t.Path), t.Format)
		if err != nil {
			return nil, err
		}
		for _, e := range ex {
			if i >= len(TestSplits) && Fold(e) != TestFold {
				continue
			}
			keys[NormKey(e.Text)] = true
		}
	}
	return keys, nil
}

// ReadSplits reads a train and a valid file under dataDir in format f and
// keeps the splits apart from every reported test split: valid loses rows
// whose normalised text occurs in a test split, train loses rows that occur
// in a test split or in valid.
func ReadSplits(dataDir, trainPath, validPath string, f Format) (train, valid []Example, err error) {
	testKeys, err := TestKeys(dataDir)
	if err != nil {
		return nil, nil, err
	}
	valid, err = ReadFile(filepath.Join(dataDir, validPath), f)
	if err != nil {
		return nil, nil, err
	}
	train, err = ReadFile(filepath.Join(dataDir, trainPath), f)
	if err != nil {
		return nil, nil, err
	}
	train, valid = keepApart(train, valid, testKeys)
	return train, valid, nil
}

// keepApart removes from valid the rows whose normalised text is in held,
// and from train those in held or in valid (and repeats, see Dedup).
func keepApart(train, valid []Example, held map[string]bool) ([]Example, []Example) {
	valid, _ = Dedup(valid, held)
	exclude := make(map[string]bool, len(held)+len(valid))
	for k := range held {
		exclude[k] = true
	}
	for _, e := range valid {
		exclude[NormKey(e.Text)] = true
	}
	train, _ = Dedup(train, exclude)
	return train, valid
}

// FoldSplits splits ex for fold j of k: held are the examples at index
// i ≡ j (mod k); of the rest, every validEvery-th is valid and the others
// train. As in ReadSplits, valid loses rows whose normalised text occurs
// in held, and train loses rows that occur in held or valid, so that
// repeated texts cannot leak across the split.
func FoldSplits(ex []Example, k, j, validEvery int) (train, valid, held []Example) {
	var rest []Example
	for i, e := range ex {
		if i%k == j {
			held = append(held, e)
		} else {
			rest = append(rest, e)
		}
	}
	heldKeys := make(map[string]bool, len(held))
	for _, e := range held {
		heldKeys[NormKey(e.Text)] = true
	}
	for i, e := range rest {
		if i%validEvery == 0 {
			valid = append(valid, e)
		} else {
			train = append(train, e)
		}
	}
	train, valid = keepApart(train, valid, heldKeys)
	return train, valid, held
}
