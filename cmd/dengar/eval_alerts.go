package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/dengar-id/dengar/alert/alerteval"
	"github.com/dengar-id/dengar/analyze"
	"github.com/dengar-id/dengar/simulate"
)

// alertEvalFlags are the knobs of `dengar alert eval`.
type alertEvalFlags struct {
	o      alerteval.Options
	sizes  string
	buzzer float64
	models bool
	stress string
}

// addAlertEvalFlags registers the knobs of the alert evaluation on fs with
// their defaults.
func addAlertEvalFlags(fs *pflag.FlagSet, f *alertEvalFlags) {
	fs.Float64Var(&f.o.PerHour, "per-hour", 600, "mean city-wide mentions per hour of the simulated stream")
	fs.IntVar(&f.o.WarmupWeeks, "warmup-weeks", 4, "weeks of history before the evaluated weeks")
	fs.IntVar(&f.o.Weeks, "weeks", 4, "evaluated weeks")
	fs.StringVar(&f.sizes, "sizes", "1.5,2,3,5,10", "spike sizes (factors over the baseline)")
	fs.IntVar(&f.o.SpikesPerSize, "spikes-per-size", 8, "spikes of each size")
	fs.DurationVar(&f.o.Duration, "duration", 45*time.Minute, "spike duration")
	fs.Float64Var(&f.buzzer, "buzzer", 0.5, "share of the extra posts from buzzer-like accounts (0…1]")
	fs.StringVar(&f.o.RelativeTo, "relative-to", "city", "size against the city's hostile count (city) or the program's (program)")
	fs.Uint64Var(&f.o.Seed, "seed", 20261126, "random seed")
	fs.Float64Var(&f.o.Burstiness, "burstiness", 0.3, "volume swings of the base stream per day and per 10 minutes (negative: pure Poisson)")
	fs.Float64Var(&f.o.Config.FireScore, "fire-score", 5, "alerts.fire_score to evaluate (-log10 p)")
	fs.BoolVar(&f.models, "models", false, "tag the simulated texts with the embedded models and catalog (the analyzer's pipeline) instead of the simulator's truth tags")
	fs.StringVar(&f.stress, "stress", "flood,campaign", `stress weeks replayed over each evaluated week: flood, campaign ("none": no stress weeks)`)
	fs.Float64Var(&f.o.StressPerHour, "stress-per-hour", 0, "extra mentions per hour in a stress week (0: as many as --per-hour, the volume doubles)")
}

// defaultAlertEvalFlags returns the knobs at their defaults (for
// `dengar eval --task alerts`).
func defaultAlertEvalFlags() alertEvalFlags {
	var f alertEvalFlags
	addAlertEvalFlags(pflag.NewFlagSet("alerts", pflag.ContinueOnError), &f)
	return f
}

// evalAlerts runs the alert evaluation (`dengar alert eval`, `dengar eval
// --task alerts`): simulated weeks with daily seasonality and injected
// hostile spikes, the detector run minute by minute, and a report of
// recall per spike size, false alerts per week on the quiet stream and
// median detection latency, and the false hostile-spike alerts per week
// of each stress week (flood, campaign). With --models the embedded models
// tag the simulated texts instead of the simulator's truth. The last line
// is `recall_3x=… false_per_week=… median_latency_3x=…` followed by
// `KIND_hostile_false_per_week=…` for each stress kind.
func evalAlerts(ctx context.Context, w io.Writer, f alertEvalFlags) error {
	o := f.o
	if o.RelativeTo != "city" && o.RelativeTo != "program" {
		return fmt.Errorf("--relative-to %q: want city or program", o.RelativeTo)
	}
	if f.buzzer <= 0 || f.buzzer > 1 {
		return fmt.Errorf("--buzzer %v: want a share in (0, 1]", f.buzzer)
	}
	o.BuzzerShare = f.buzzer
	for _, s := range strings.Split(f.sizes, ",") {
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "x"), 64)
		if err != nil || v <= 1 {
			return fmt.Errorf("--sizes: %q is not a factor above 1", s)
		}
		o.Sizes = append(o.Sizes, v)
	}
	if f.stress != "none" && f.stress != "" {
		for _, k := range strings.Split(f.stress, ",") {
			k = strings.TrimSpace(k)
			if !slices.Contains(simulate.StressKinds(), k) {
				return fmt.Errorf("--stress: %q is not a stress kind (%s, or none)", k, strings.Join(simulate.StressKinds(), ", "))
			}
			o.Stress = append(o.Stress, k)
		}
	}
	if f.models {
		// The embedded models and catalog, as the analyzer stage runs
		// them with the default configuration.
		p, err := analyze.NewPipeline(analyze.Options{})
		if err != nil {
			return fmt.Errorf("models: %w", err)
		}
		o.Tag, o.TagName = p.Tag, "the embedded models' tags (analyzer pipeline, models "+p.Version()+")"
	}
	o.Log = w
	r, err := alerteval.Run(ctx, o)
	if err != nil {
		return err
	}
	r.Write(w)
	return nil
}
