package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/config"
	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/ingest/ingesttest"
	"github.com/dengar-id/dengar/mention"
)

const collectFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Uji</title>
<item><title>Probebaya tahap dua cair di Samarinda</title><link>https://uji.example/1</link><guid>1</guid><pubDate>Mon, 23 Nov 2026 08:00:00 +0800</pubDate><description>Dana Probebaya untuk RT.</description></item>
<item><title>Harga cabai naik di Balikpapan</title><link>https://uji.example/2</link><guid>2</guid><pubDate>Mon, 23 Nov 2026 09:00:00 +0800</pubDate><description>Tidak terkait kota.</description></item>
</channel></rss>`

// TestCollectOnceCommand runs `dengar collect --once --source NAME` with a
// config file against a local feed and the embedded broker: the watch
// filter from the embedded catalog keeps the Probebaya article only.
func TestCollectOnceCommand(t *testing.T) {
	kcfg := ingesttest.Broker(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(collectFeed)) }))
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "dengar.yaml")
	yml := fmt.Sprintf(`kafka:
  brokers: [%s]
sources:
  collectors:
    - name: uji
      kind: rss
      enabled: false
      feeds:
        - url: %s/feed
          outlet: Uji
`, kcfg.Brokers[0], srv.URL)
	if err := os.WriteFile(cfgPath, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	text, err := runDengar(t, "--config", cfgPath, "collect", "--once", "--source", "uji")
	if err != nil {
		t.Fatalf("collect: %v\n%s", err, text)
	}
	if !strings.Contains(text, "uji (rss): 2 received, 1 emitted to Kafka, 1 dropped (filtered)") || !strings.Contains(text, "Probebaya tahap dua cair") {
		t.Fatalf("output:\n%s", text)
	}
	got := ingesttest.ReadAll(t, kcfg, kcfg.Topics.Raw)
	if len(got) != 1 || got[0].Source != "rss" || got[0].Query == "" || got[0].Author.Kind != mention.KindMedia {
		t.Fatalf("raw topic: %+v", got)
	}
}

// TestCollectRole runs the role `dengar run` starts: the embedded config
// has every source disabled, so there is no role; with an enabled source
// it runs until cancelled; a source whose secret is missing fails when
// the role is prepared, before anything starts.
func TestCollectRole(t *testing.T) {
	cfg, err := config.Load("embedded", defaultConfigYAML)
	if err != nil {
		t.Fatal(err)
	}
	if role, err := collectRole(cfg, nil); err != nil || role != nil {
		t.Fatalf("no enabled sources: role %v, %v", role != nil, err)
	}
	hook, err := config.Load("hook", []byte("sources:\n  collectors:\n    - {name: hook, kind: webhook, enabled: true, secret_env: DENGAR_TEST_UNSET_SECRET}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := collectRole(hook, nil); err == nil || !strings.Contains(err.Error(), "DENGAR_TEST_UNSET_SECRET") {
		t.Fatalf("webhook without its secret: %v", err)
	}
	kcfg := ingesttest.Broker(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(collectFeed)) }))
	defer srv.Close()
	yml := fmt.Sprintf("kafka:\n  brokers: [%s]\nsources:\n  collectors:\n    - {name: uji, kind: rss, enabled: true, interval: 1h, feeds: [{url: %s/feed}]}\n", kcfg.Brokers[0], srv.URL)
	cfg, err = config.Load("test", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	passes := make(chan ingest.PassReport, 1)
	done := make(chan error, 1)
	role, err := collectRole(cfg, func(p ingest.PassReport) { passes <- p })
	if err != nil {
		t.Fatal(err)
	}
	go func() { done <- role(ctx) }()
	select {
	case p := <-passes:
		if !p.OK() || p.Emitted != 1 {
			t.Errorf("pass %+v", p)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no pass")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
