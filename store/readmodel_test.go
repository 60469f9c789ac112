package store_test

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/dengar-id/dengar/store"
)

// TestReadModel checks Read against hand-counted effective labels: each
// correction moves a mention into or out of a narrow read, FINAL and
// per-version reads agree on the distinct mentions, and a partisan
// correction carries political and the neutrality breach with it.
func TestReadModel(t *testing.T) {
	db, _ := seedQueries(t)
	ctx := context.Background()
	if _, err := db.AddCorrections(ctx, []store.Correction{
		{MentionID: "x:2", Field: "hostility", Value: "none"},       // out of Hostile
		{MentionID: "x:6", Field: "hostility", Value: "hate"},       // into Hostile
		{MentionID: "facebook:4", Field: "partisan", Value: "0"},    // no longer a breach
		{MentionID: "x:1", Field: "partisan", Value: "1"},           // partisan, political, no breach (citizen)
		{MentionID: "rss:5", Field: "programs", Value: "probebaya"}, // into probebaya, out of banjir
	}); err != nil {
		t.Fatal(err)
	}
	where := fmt.Sprintf("posted_at >= toDateTime(%d) AND posted_at < toDateTime(%d)", days3.From.Unix(), days3.To.Unix())
	cols := []string{"id", "hostility", "partisan", "political", "neutrality_breach", "programs"}
	read := func(t *testing.T, r store.Read) []string {
		t.Helper()
		rows, err := db.Conn().Query(ctx, "SELECT id, hostility, partisan, political, neutrality_breach, arrayStringConcat(programs, '+') FROM "+r.SQL()+" ORDER BY id")
		if err != nil {
			t.Fatalf("%v\n%s", err, r.SQL())
		}
		defer rows.Close()
		seen := map[string]bool{}
		var out []string
		for rows.Next() {
			var id, h, progs string
			var p, pol, br uint8
			if err := rows.Scan(&id, &h, &p, &pol, &br, &progs); err != nil {
				t.Fatal(err)
			}
			row := fmt.Sprintf("%s %s p%d/%d/%d %s", id, h, p, pol, br, progs)
			if !seen[row] {
				seen[row] = true
				out = append(out, row)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		sort.Strings(out)
		return out
	}
	cases := []struct {
		name string
		only string
		want []string
	}{
		{"hostile", string(store.Hostile), []string{"x:6 hate p0/0/0 ", "x:7 abusive p1/1/0 banjir", "youtube:3 hate p0/0/0 probebaya+banjir"}},
		{"breach", string(store.Breach), nil},
		{"partisan", string(store.Partisan), []string{"x:1 none p1/1/0 probebaya", "x:7 abusive p1/1/0 banjir"}},
		{"program", "has(programs, 'probebaya')", []string{"rss:5 none p0/0/0 probebaya", "x:1 none p1/1/0 probebaya", "x:2 none p0/0/0 probebaya", "youtube:3 hate p0/0/0 probebaya+banjir"}},
		{"program and hostile", "has(programs, 'banjir') AND " + string(store.Hostile), []string{"x:7 abusive p1/1/0 banjir", "youtube:3 hate p0/0/0 probebaya+banjir"}},
		{"all", "", []string{"facebook:4 none p0/1/0 ", "rss:5 none p0/0/0 probebaya", "x:1 none p1/1/0 probebaya", "x:2 none p0/0/0 probebaya",
			"x:6 hate p0/0/0 ", "x:7 abusive p1/1/0 banjir", "youtube:3 hate p0/0/0 probebaya+banjir"}},
	}
	for _, c := range cases {
		for _, final := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/final=%v", c.name, final), func(t *testing.T) {
				got := read(t, store.Read{Cols: cols, Where: where, Only: c.only, Final: final})
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
				}
			})
		}
	}
	// FINAL reads one row per mention; without it every stored version is
	// a row (the fixture is stored twice, mention 2 three times).
	var n, distinct uint64
	if err := db.Conn().QueryRow(ctx, "SELECT count(), uniqExact(id) FROM "+store.Read{Cols: []string{"id"}, Where: where, Final: true}.SQL()).Scan(&n, &distinct); err != nil {
		t.Fatal(err)
	}
	if n != 7 || distinct != 7 {
		t.Errorf("FINAL read: %d rows, %d mentions; want 7, 7", n, distinct)
	}
	if err := db.Conn().QueryRow(ctx, "SELECT count(), uniqExact(id) FROM "+store.Read{Cols: []string{"id"}, Where: where}.SQL()).Scan(&n, &distinct); err != nil {
		t.Fatal(err)
	}
	if n != 15 || distinct != 7 {
		t.Errorf("per-version read: %d rows, %d mentions; want 15, 7", n, distinct)
	}
}
