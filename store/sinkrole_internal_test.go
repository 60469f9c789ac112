package store

import (
	"testing"

	"github.com/dengar-id/dengar/mention"
)

func TestDedupByIDKeepsLastVersion(t *testing.T) {
	in := []mention.Mention{
		{ID: "x:1", Text: "v1"}, {ID: "x:2", Text: "a"}, {ID: "x:1", Text: "v2"}, {ID: "x:3", Text: "b"},
	}
	got := dedupByID(in)
	want := []string{"x:2/a", "x:1/v2", "x:3/b"}
	if len(got) != len(want) {
		t.Fatalf("got %d mentions, want %d", len(got), len(want))
	}
	for i, m := range got {
		if m.ID+"/"+m.Text != want[i] {
			t.Errorf("got[%d] = %s/%s, want %s", i, m.ID, m.Text, want[i])
		}
	}
}
