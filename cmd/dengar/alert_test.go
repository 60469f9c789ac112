package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

func TestAlertsSectionOfTheEmbeddedConfig(t *testing.T) {
	cfg, err := parseConfig("embedded", defaultConfigYAML)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := alertConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(ac.Windows) != 3 || ac.Windows[0] != 5*time.Minute || ac.Windows[2] != time.Hour {
		t.Errorf("windows %v", ac.Windows)
	}
	if ac.Interval != time.Minute || ac.Cooldown != time.Hour || ac.FireScore != 5 || *ac.PlacePrefix != "kec-" {
		t.Errorf("alerts config %+v", ac)
	}
	var g struct {
		URL string `yaml:"url"`
	}
	if err := cfg.section("grafana", &g); err != nil {
		t.Fatal(err)
	}
	if g.URL != "" && ac.Grafana.URL != g.URL {
		t.Errorf("alerts grafana url %q, want the top-level grafana.url %q", ac.Grafana.URL, g.URL)
	}
	if ac.Grafana.Dashboards["hostile"] != "dengar-bermusuhan" || ac.Notify.Email.TLS != "starttls" {
		t.Errorf("grafana %v email %+v", ac.Grafana.Dashboards, ac.Notify.Email)
	}
	bad, _ := parseConfig("bad", []byte("alerts:\n  families: [hostile, gossip]\n"))
	if _, err := alertConfig(bad); err == nil || !strings.Contains(err.Error(), "gossip") {
		t.Errorf("unknown family accepted: %v", err)
	}
}

func TestEvalAlertsFlags(t *testing.T) {
	var b bytes.Buffer
	for _, args := range [][]string{
		{"--sizes", "1,3"},
		{"--relative-to", "kecamatan"},
		{"--buzzer", "2"},
		{"--task", "hate"},
		{"--nosuchflag"},
	} {
		if err := evalAlerts(context.Background(), &b, args); err == nil {
			t.Errorf("evalAlerts(%v) accepted", args)
		}
	}
}
