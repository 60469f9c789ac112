package ingest_test

import (
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dengar-id/dengar/ingest"
	_ "github.com/dengar-id/dengar/ingest/all"
)

func TestConfigDecode(t *testing.T) {
	const y = `
story_window: 24h
collectors:
  - name: berita
    kind: rss
    enabled: true
    interval: 10m
    feeds:
      - url: https://kaltim.example/feed
  - name: yt
    kind: youtube
    queries: [probebaya]
    channels: [UC1]
`
	var c ingest.Config
	if err := yaml.Unmarshal([]byte(y), &c); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.StoryWindow != 24*time.Hour || len(c.Collectors) != 2 || c.Collectors[0].Interval != 10*time.Minute || c.Collectors[1].Enabled {
		t.Fatalf("decoded %+v", c)
	}
	var opts struct {
		Feeds []struct{ URL string } `yaml:"feeds"`
	}
	if err := c.Collectors[0].Decode(&opts); err != nil || len(opts.Feeds) != 1 || opts.Feeds[0].URL != "https://kaltim.example/feed" {
		t.Fatalf("kind options: %+v %v", opts, err)
	}
	sc := c.Collectors[1]
	sc.Defaults()
	if sc.StaleAfter != 15*time.Minute || !*sc.Filter || *sc.StoryIDs {
		t.Errorf("defaults: %+v", sc)
	}
	for _, bad := range []string{
		"collectors: [{name: a, kind: nope}]",
		"collectors: [{name: a, kind: rss}, {name: a, kind: rss}]",
		"collectors: [{kind: rss}]",
	} {
		var c ingest.Config
		if err := yaml.Unmarshal([]byte(bad), &c); err != nil {
			t.Fatal(err)
		}
		if c.Validate() == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}
