package train

import (
	"slices"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/analyze/dataset"
	"github.com/dengar-id/dengar/analyze/hostility"
)

func TestWithTopicCopies(t *testing.T) {
	var train []dataset.Example
	for i := range 1000 {
		e := dataset.Example{Text: "tweet nomor " + strings.Repeat("x", i%7) + " selesai"}
		if i%3 == 0 {
			e.Labels = []string{"HS", "Abusive"}
		}
		train = append(train, e)
	}
	got := withTopicCopies(train)
	if len(got) != len(train)+topicCopies {
		t.Fatalf("%d examples, want %d", len(got), len(train)+topicCopies)
	}
	if !slices.EqualFunc(got[:len(train)], train, func(a, b dataset.Example) bool { return a.Text == b.Text }) {
		t.Fatal("the original examples changed")
	}
	for _, e := range got[len(train):] {
		if len(e.Labels) != 0 || !slices.Contains(strings.Fields(e.Text), "banjir") {
			t.Fatalf("copy %q with labels %v: want a clean tweet with the topic word", e.Text, e.Labels)
		}
	}
	again := withTopicCopies(train)
	if !slices.EqualFunc(got, again, func(a, b dataset.Example) bool { return a.Text == b.Text }) {
		t.Error("copies differ between runs")
	}
}

// TestHostilityLabels checks that the hostility tagger's outputs are the
// hate-speech data set's columns, in order, and then SARA: the recipe
// trains output k on column k.
func TestHostilityLabels(t *testing.T) {
	n := len(dataset.HSColumns)
	if len(hostility.Labels) != n+1 || !slices.Equal(hostility.Labels[:n], dataset.HSColumns) || hostility.Labels[n] != hostility.LabelSARA {
		t.Fatalf("hostility.Labels = %v, want %v and %s", hostility.Labels, dataset.HSColumns, hostility.LabelSARA)
	}
	if hostHS < 0 || hostAbusive < 0 {
		t.Fatalf("HS at %d, Abusive at %d", hostHS, hostAbusive)
	}
}

// TestHostilityKnown checks which outputs each training corpus annotates:
// the hate-speech data all of them, an extra corpus only those its labels
// map to.
func TestHostilityKnown(t *testing.T) {
	want := map[string][]string{
		"":             hostility.Labels,
		"netifier":     {hostility.LabelSARA},
		"pilkada2017":  {"HS"},
		"newscomments": {"Abusive"},
		"elsewhere":    nil,
	}
	for domain, labels := range want {
		var got []string
		for k, l := range hostility.Labels {
			if hostilityKnown(dataset.Example{Domain: domain}, k) {
				got = append(got, l)
			}
		}
		if !slices.Equal(got, labels) {
			t.Errorf("domain %q: known outputs %v, want %v", domain, got, labels)
		}
	}
}
