package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// parseAlertEval parses args as `dengar alert eval` does.
func parseAlertEval(args []string) (alertEvalFlags, error) {
	var f alertEvalFlags
	fs := pflag.NewFlagSet("eval", pflag.ContinueOnError)
	addAlertEvalFlags(fs, &f)
	return f, fs.Parse(args)
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
		{[]string{"--stress", "flood,riot"}, `--stress: "riot" is not a stress kind`},
		{[]string{"--nosuchflag"}, "unknown flag: --nosuchflag"},
		{[]string{"--weeks", "two"}, `invalid argument "two" for "--weeks"`},
	} {
		f, err := parseAlertEval(c.args)
		if err == nil {
			var b bytes.Buffer
			err = evalAlerts(context.Background(), &b, f)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("alert eval %v = %v, want an error with %q", c.args, err, c.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	good := []string{"--sizes", "1.5,3x", "--relative-to", "program", "--buzzer", "1", "--per-hour", "5", "--warmup-weeks", "1", "--weeks", "1", "--stress", "campaign", "--models"}
	f, err := parseAlertEval(good)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := evalAlerts(ctx, &b, f); !errors.Is(err, context.Canceled) {
		t.Errorf("alert eval %v with a cancelled context = %v, want context.Canceled (the flags are valid)", good, err)
	}
}

// TestAlertEvalHelp: `dengar alert eval --help` is the command line's own
// help (GNU-style --flags, an example) and exits 0.
func TestAlertEvalHelp(t *testing.T) {
	out, err := runDengar(t, "alert", "eval", "--help")
	if err != nil {
		t.Fatalf("alert eval --help: %v", err)
	}
	for _, want := range []string{"Usage:", "dengar alert eval [flags]", "--per-hour float", "--fire-score float", "--models", "--stress string", "Examples:"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\n  -per-hour") {
		t.Errorf("Go-style single-dash flags in the help:\n%s", out)
	}
}
