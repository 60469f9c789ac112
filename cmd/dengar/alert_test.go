package main

import (
	"bytes"
	"context"
	"errors"
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

// TestEvalAlertsFlags checks that each bad flag is refused for its own
// reason, and that good flags pass validation: the evaluation then starts
// and stops on the cancelled context.
func TestEvalAlertsFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--sizes", "1,3"}, `--sizes: "1" is not a factor above 1`},
		{[]string{"--sizes", "2,big"}, `--sizes: "big" is not a factor above 1`},
		{[]string{"--relative-to", "kecamatan"}, `--relative-to "kecamatan": want city or program`},
		{[]string{"--buzzer", "2"}, "--buzzer 2: want a share in (0, 1]"},
		{[]string{"--buzzer", "0"}, "--buzzer 0: want a share in (0, 1]"},
		{[]string{"--task", "hate"}, `task "hate" is not alerts`},
		{[]string{"--nosuchflag"}, "flag provided but not defined: -nosuchflag"},
		{[]string{"--weeks", "two"}, `invalid value "two" for flag -weeks`},
	} {
		var b bytes.Buffer
		err := evalAlerts(context.Background(), &b, c.args)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("evalAlerts(%v) = %v, want an error with %q", c.args, err, c.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	good := []string{"--task", "alerts", "--sizes", "1.5,3x", "--relative-to", "program", "--buzzer", "1", "--per-hour", "5", "--warmup-weeks", "1", "--weeks", "1"}
	if err := evalAlerts(ctx, &b, good); !errors.Is(err, context.Canceled) {
		t.Errorf("evalAlerts(%v) with a cancelled context = %v, want context.Canceled (the flags are valid)", good, err)
	}
}
