package store

import (
	"reflect"
	"testing"
	"time"

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

func TestMentionBlockColumnsFollowMentionColumns(t *testing.T) {
	created := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC) // before 1970: clamped
	at := time.Date(2026, 11, 20, 1, 2, 3, 0, time.UTC)
	tests := []struct {
		name string
		ms   []mention.Mention
	}{
		{"no rows", nil},
		{"untagged and tagged rows", []mention.Mention{
			{ID: "x:1", Source: "x", Text: "a", PostedAt: at, CollectedAt: at},
			{ID: "x:2", Source: "x", Text: "b", PostedAt: at, CollectedAt: at, Author: mention.Author{Kind: mention.KindCitizen, CreatedAt: &created},
				Tags: mention.Tags{Sentiment: &mention.Sentiment{Label: "negative", Review: true}, Hostility: &mention.Hostility{Label: "abusive", Threat: true},
					Politics: &mention.Politics{Partisan: true, Actors: []string{"pair-01"}}, Programs: []string{"probebaya"}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blk := newMentionBlock(len(tt.ms))
			for i := range tt.ms {
				blk.add(&tt.ms[i], at, 7, "", 1)
			}
			cols := blk.columns()
			if len(cols) != len(mentionColumns) {
				t.Fatalf("%d columns, mentionColumns names %d", len(cols), len(mentionColumns))
			}
			for i, c := range cols {
				if n := reflect.ValueOf(c).Len(); n != len(tt.ms) {
					t.Errorf("column %s holds %d rows, want %d", mentionColumns[i], n, len(tt.ms))
				}
			}
			if len(tt.ms) == 2 {
				if blk.needsReview[1] != 1 || blk.threat[1] != 1 || blk.partisan[1] != 1 || blk.authorCreated[1].Unix() != 0 || len(blk.programs[0]) != 0 || blk.programs[0] == nil {
					t.Errorf("row values: review %v threat %v partisan %v created %v programs %#v", blk.needsReview, blk.threat, blk.partisan, blk.authorCreated, blk.programs)
				}
			}
		})
	}
}
