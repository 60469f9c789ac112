package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

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
