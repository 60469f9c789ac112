package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dengar-id/dengar/alert/alerteval"
)

// evalAlerts runs `dengar eval --task alerts [flags]`: simulated weeks
// with daily seasonality and injected hostile spikes, the detector run
// minute by minute, and a report of recall per spike size, false alerts
// per week on the quiet stream and median detection latency. The last
// line is `recall_3x=… false_per_week=… median_latency_3x=…`.
func evalAlerts(ctx context.Context, w io.Writer, args []string) error {
	fs := flag.NewFlagSet("eval --task alerts", flag.ContinueOnError)
	fs.SetOutput(w)
	var o alerteval.Options
	var sizes, task string
	var buzzer float64
	fs.StringVar(&task, "task", "alerts", "alerts (accepted for `dengar eval --task alerts`)")
	fs.Float64Var(&o.PerHour, "per-hour", 600, "mean city-wide mentions per hour of the simulated stream")
	fs.IntVar(&o.WarmupWeeks, "warmup-weeks", 4, "weeks of history before the evaluated weeks")
	fs.IntVar(&o.Weeks, "weeks", 4, "evaluated weeks")
	fs.StringVar(&sizes, "sizes", "1.5,2,3,5,10", "spike sizes (factors over the baseline)")
	fs.IntVar(&o.SpikesPerSize, "spikes-per-size", 8, "spikes of each size")
	fs.DurationVar(&o.Duration, "duration", 45*time.Minute, "spike duration")
	fs.Float64Var(&buzzer, "buzzer", 0.5, "share of the extra posts from buzzer-like accounts (0…1]")
	fs.StringVar(&o.RelativeTo, "relative-to", "city", "size against the city's hostile count (city) or the program's (program)")
	fs.Uint64Var(&o.Seed, "seed", 20261126, "random seed")
	fs.Float64Var(&o.Burstiness, "burstiness", 0.3, "volume swings of the base stream per day and per 10 minutes (negative: pure Poisson)")
	fs.Float64Var(&o.Config.FireScore, "fire-score", 5, "alerts.fire_score to evaluate (-log10 p)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if task != "alerts" {
		return fmt.Errorf("evalAlerts: task %q is not alerts", task)
	}
	if o.RelativeTo != "city" && o.RelativeTo != "program" {
		return fmt.Errorf("--relative-to %q: want city or program", o.RelativeTo)
	}
	if buzzer <= 0 || buzzer > 1 {
		return fmt.Errorf("--buzzer %v: want a share in (0, 1]", buzzer)
	}
	o.BuzzerShare = buzzer
	for _, s := range strings.Split(sizes, ",") {
		f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "x"), 64)
		if err != nil || f <= 1 {
			return fmt.Errorf("--sizes: %q is not a factor above 1", s)
		}
		o.Sizes = append(o.Sizes, f)
	}
	o.Log = w
	r, err := alerteval.Run(ctx, o)
	if err != nil {
		return err
	}
	r.Write(w)
	return nil
}
