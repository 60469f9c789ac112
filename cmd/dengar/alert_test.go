package main

import (
	"bytes"
	"context"
	"testing"
)

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
