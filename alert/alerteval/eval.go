package alerteval

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dengar-id/dengar/alert"
	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/simulate"
	"github.com/dengar-id/dengar/stats"
	"github.com/dengar-id/dengar/store"
)

// Options configure an evaluation.
type Options struct {
	// PerHour is the mean city-wide volume of the simulated stream
	// (default 600 mentions per hour, ~14 k per day).
	PerHour float64
	// WarmupWeeks of history come before the evaluated weeks, so that the
	// hour-of-week baseline is in use (default 4); Weeks are evaluated
	// (default 4).
	WarmupWeeks, Weeks int
	// Sizes are the spike factors over the program's hostile baseline
	// (default 1.5, 2, 3, 5, 10); SpikesPerSize of each (default 8), at
	// random times between 07:00 and 23:00 WITA, at least 6 hours apart,
	// on random programs, lasting Duration (default 45m), BuzzerShare of
	// the extra posts from buzzer-like accounts (default 0.5).
	Sizes         []float64
	SpikesPerSize int
	Duration      time.Duration
	BuzzerShare   float64
	// RelativeTo is "city" (default: the size multiplies the city-wide
	// hostile count, all of the extra posts being about one program) or
	// "program" (the size multiplies the program's own hostile count; a
	// program whose spike would add fewer than MinExtra posts, default 10,
	// is passed over for another).
	RelativeTo string
	MinExtra   int
	// Burstiness makes the base stream overdispersed like real traffic:
	// each day keeps a random 1−Burstiness…100 % of its posts and each
	// 10-minute block a random 1−Burstiness/2…100 % of those (default
	// 0.3; negative: a pure Poisson stream).
	Burstiness float64
	Seed       uint64
	// Config is the alert configuration evaluated (defaults applied).
	Config alert.Config
	// Tag, when set, retags every simulated mention before the detector
	// sees it: the analyzer's pipeline (analyze.Pipeline.Tag), the models in
	// the loop, as a city sees its stream. Nil keeps the simulator's truth
	// tags. It must be safe for concurrent use.
	Tag func(*mention.Mention)
	// Stress lists the stress kinds evaluated (simulate.StressFlood,
	// simulate.StressCampaign): each evaluated week is replayed once more
	// with a whole week of that kind's heated, non-hostile traffic on top of
	// the quiet stream, StressPerHour extra mentions per hour (default
	// PerHour: the volume doubles).
	Stress        []string
	StressPerHour float64
	// TagName names the tags in the report ("" = "truth").
	TagName string
	// Log receives progress lines (nil: none).
	Log io.Writer
}

func (o *Options) defaults() {
	if o.PerHour <= 0 {
		o.PerHour = 600
	}
	if o.WarmupWeeks <= 0 {
		o.WarmupWeeks = 4
	}
	if o.Weeks <= 0 {
		o.Weeks = 4
	}
	if len(o.Sizes) == 0 {
		o.Sizes = []float64{1.5, 2, 3, 5, 10}
	}
	if o.SpikesPerSize <= 0 {
		o.SpikesPerSize = 8
	}
	if o.Duration <= 0 {
		o.Duration = 45 * time.Minute
	}
	if o.BuzzerShare <= 0 || o.BuzzerShare > 1 {
		o.BuzzerShare = 0.5
	}
	if o.RelativeTo == "" {
		o.RelativeTo = "city"
	}
	if o.MinExtra <= 0 {
		o.MinExtra = 10
	}
	if o.Burstiness == 0 {
		o.Burstiness = 0.3
	}
	if o.Burstiness < 0 {
		o.Burstiness = 0
	}
	if o.StressPerHour <= 0 {
		o.StressPerHour = o.PerHour
	}
	o.Config.Defaults()
	if o.Seed == 0 {
		o.Seed = 20261126
	}
}

// SpikeResult is the outcome of one injected spike.
type SpikeResult struct {
	Spike    simulate.Spike
	Factor   float64
	Caught   bool
	AlertID  string
	Latency  time.Duration // from spike start to the alert (and its notification)
	Severity string
}

// SizeResult aggregates the spikes of one size.
type SizeResult struct {
	Factor         float64
	Spikes, Caught int
	Within10       int
	Recall         float64
	MedianLatency  time.Duration
}

// Result is the outcome of an evaluation.
type Result struct {
	Options Options
	// Weeks evaluated.
	Weeks float64
	// QuietFalse are the spike-family alerts (hostile, negative, partisan,
	// drifts) raised on the quiet stream: all false by construction.
	QuietFalse        []alert.Alert
	QuietFalsePerWeek float64
	// QuietRule counts rule alerts on the quiet stream (threat: every
	// threat post alerts by design; breaches; stale collectors).
	QuietRule map[string]int
	// SpikeRunFalse are spike-family alerts in the spiky run not matching
	// any injected spike.
	SpikeRunFalse []alert.Alert
	Spikes        []SpikeResult
	Sizes         []SizeResult
	// MedianLatency3x is the median latency over caught spikes ≥ 3×.
	MedianLatency3x time.Duration
	// QuietHostile counts the hostile-family alerts among QuietFalse.
	QuietHostile int
	// StressWeeks are the stress runs, one per kind of Options.Stress.
	StressWeeks []StressResult
	Mentions    int
	Elapsed     time.Duration
}

// StressResult is the outcome of the stress weeks of one kind.
type StressResult struct {
	Kind  string
	Weeks int
	// HostileFalse are the hostile-family alerts raised in the stress
	// weeks: false by construction (the stress traffic carries no
	// hostility in truth).
	HostileFalse        []alert.Alert
	HostileFalsePerWeek float64
	// Other counts the other spike-family alerts (negative, partisan) by
	// family: a flood week's anger or a campaign's slogans are real
	// surges, so these are not counted false.
	Other map[string]int
	// Extra is the number of stress mentions added over all its weeks,
	// Hostile those of them tagged hostile (only with Options.Tag: truth
	// has none), HostileTexts their texts with their counts.
	Extra, Hostile int
	HostileTexts   map[string]int
}

// Stream generates the simulated stream as the alert stage reads it.
// Without keepText, texts and links are dropped (the evaluation does not
// build explanations) to save memory.
func Stream(opts simulate.Options, keepText bool) ([]store.AlertMention, error) {
	return StreamTagged(opts, keepText, nil)
}

// StreamTagged is Stream with every mention retagged by tag first (nil:
// the simulator's truth tags), in batches over GOMAXPROCS workers.
func StreamTagged(opts simulate.Options, keepText bool, tag func(*mention.Mention)) ([]store.AlertMention, error) {
	p := store.NewPseudonymizer("alerteval")
	var out []store.AlertMention
	var batch []*mention.Mention
	flush := func() {
		if tag != nil {
			parallel(batch, tag)
		}
		for _, m := range batch {
			am := ToAlertMention(*m, p)
			if !keepText {
				if tag == nil || am.Hostility == "" || am.Hostility == "none" {
					am.Text = "" // the models' hostile texts are kept for the report
				}
				am.Title, am.URL, am.AuthorHandle, am.AuthorID = "", "", "", ""
			}
			out = append(out, am)
		}
		batch = batch[:0]
	}
	err := simulate.Generate(opts, func(m *mention.Mention) error {
		batch = append(batch, m)
		if len(batch) == 8192 {
			flush()
		}
		return nil
	})
	flush()
	return out, err
}

// parallel runs tag over ms on GOMAXPROCS workers.
func parallel(ms []*mention.Mention, tag func(*mention.Mention)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(ms); i += workers {
				tag(ms[i])
			}
		}(w)
	}
	wg.Wait()
}

func spikeFamily(f string) bool {
	return f == alert.FamilyHostile || f == alert.FamilyNegative || f == alert.FamilyPartisan
}

// Run evaluates the detector: a quiet run (no spikes) for false alerts and
// a spiky run for recall and latency, both minute by minute through
// alert.ReplayRange over the same in-memory data path as the live engine's
// (MemData, which the ClickHouse path is tested against).
func Run(ctx context.Context, opts Options) (*Result, error) {
	opts.defaults()
	began := clock.Now()
	res := &Result{Options: opts, QuietRule: map[string]int{}}
	// Start on a Monday 00:00 WITA.
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, clock.WITA)
	evalStart := start.AddDate(0, 0, 7*opts.WarmupWeeks)
	end := evalStart.AddDate(0, 0, 7*opts.Weeks)
	res.Weeks = float64(opts.Weeks)
	base := simulate.Options{Start: start, End: end, PerHour: opts.PerHour, Seed: opts.Seed, Truth: true, CollectDelay: time.Minute}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}

	// Quiet run.
	quiet, err := StreamTagged(base, false, opts.Tag)
	if err != nil {
		return nil, err
	}
	quiet = thin(quiet, opts.Burstiness, opts.Seed)
	res.Mentions = len(quiet)
	logf("quiet stream: %d mentions over %d weeks (%d evaluated)", len(quiet), opts.WarmupWeeks+opts.Weeks, opts.Weeks)
	err = alert.ReplayRange(ctx, alert.NewMemData(quiet), evalStart, end, opts.Config, func(now time.Time, ev alert.Event) {
		if ev.Type != alert.EventOpened && ev.Type != alert.EventReopened {
			return
		}
		if spikeFamily(ev.Alert.Family) {
			res.QuietFalse = append(res.QuietFalse, ev.Alert)
			if ev.Alert.Family == alert.FamilyHostile {
				res.QuietHostile++
			}
		} else {
			res.QuietRule[ev.Alert.Family]++
		}
	}, alert.WithoutExplanations())
	if err != nil {
		return nil, err
	}
	res.QuietFalsePerWeek = float64(len(res.QuietFalse)) / res.Weeks

	// Stress weeks: each evaluated week once more per kind, with a whole
	// week of stress traffic over the quiet stream (the weeks before it
	// quiet, so the baseline has not seen the stress).
	for ki, kind := range opts.Stress {
		sr := StressResult{Kind: kind, Other: map[string]int{}, HostileTexts: map[string]int{}}
		for k := 0; k < opts.Weeks; k++ {
			wStart := evalStart.AddDate(0, 0, 7*k)
			wEnd := wStart.AddDate(0, 0, 7)
			so := simulate.Options{Start: wStart, End: wEnd, Seed: opts.Seed + 1000 + uint64(100*ki+k), Truth: true, CollectDelay: time.Minute,
				Stress: []simulate.Stress{{Kind: kind, Start: wStart, Duration: wEnd.Sub(wStart), PerHour: opts.StressPerHour}}}
			extra, err := StreamTagged(so, false, opts.Tag)
			if err != nil {
				return nil, err
			}
			extra = thin(extra, opts.Burstiness, so.Seed)
			sr.Extra += len(extra)
			for i := range extra {
				if h := extra[i].Hostility; h != "" && h != "none" {
					sr.Hostile++
					sr.HostileTexts[extra[i].Text]++
					extra[i].Text = ""
				}
			}
			data := make([]store.AlertMention, 0, len(quiet)+len(extra))
			for _, m := range quiet {
				if m.PostedAt.Before(wEnd) {
					data = append(data, m)
				}
			}
			data = append(data, extra...)
			err = alert.ReplayRange(ctx, alert.NewMemData(data), wStart, wEnd, opts.Config, func(now time.Time, ev alert.Event) {
				if ev.Type != alert.EventOpened && ev.Type != alert.EventReopened || !spikeFamily(ev.Alert.Family) {
					return
				}
				if ev.Alert.Family == alert.FamilyHostile {
					sr.HostileFalse = append(sr.HostileFalse, ev.Alert)
				} else {
					sr.Other[ev.Alert.Family]++
				}
			}, alert.WithoutExplanations())
			if err != nil {
				return nil, err
			}
			sr.Weeks++
		}
		sr.HostileFalsePerWeek = float64(len(sr.HostileFalse)) / float64(sr.Weeks)
		logf("%s weeks: %d extra mentions, %d hostile alerts (false)", kind, sr.Extra, len(sr.HostileFalse))
		res.StressWeeks = append(res.StressWeeks, sr)
	}

	// Spiky run.
	rng := rand.New(rand.NewPCG(opts.Seed, 99))
	spiky := base
	programs := simulate.ProgramIDs()
	type planned struct {
		at     time.Time
		factor float64
	}
	total := len(opts.Sizes) * opts.SpikesPerSize
	// two slots a day: a start between 07:00 and 11:00 WITA, or between
	// 16:00 and 20:00; at most one spike per slot
	slots := opts.Weeks * 7 * 2
	if total > slots {
		return nil, fmt.Errorf("alerteval: %d spikes do not fit in %d weeks (2 a day at most)", total, opts.Weeks)
	}
	sizes := make([]float64, 0, total)
	for _, f := range opts.Sizes {
		for i := 0; i < opts.SpikesPerSize; i++ {
			sizes = append(sizes, f)
		}
	}
	rng.Shuffle(len(sizes), func(i, j int) { sizes[i], sizes[j] = sizes[j], sizes[i] })
	var kept []planned
	for i, slot := range rng.Perm(slots)[:total] {
		day := evalStart.AddDate(0, 0, slot/2)
		hour := 7
		if slot%2 == 1 {
			hour = 16
		}
		at := time.Date(day.Year(), day.Month(), day.Day(), hour, 0, 0, 0, clock.WITA).Add(time.Duration(rng.IntN(4*60)) * time.Minute)
		kept = append(kept, planned{at: at, factor: sizes[i]})
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].at.Before(kept[j].at) })
	for _, p := range kept {
		var s simulate.Spike
		var err error
		if opts.RelativeTo == "city" {
			s, err = spiky.AddCitySpike(p.at, opts.Duration, programs[rng.IntN(len(programs))], p.factor, opts.BuzzerShare)
		} else {
			// programs in random order until one makes a real spike
			order := rng.Perm(len(programs))
			for k, i := range order {
				trial := spiky
				trial.Spikes = append([]simulate.Spike(nil), spiky.Spikes...)
				s, err = trial.AddSpike(p.at, opts.Duration, programs[i], p.factor, opts.BuzzerShare)
				if err != nil || s.Count >= opts.MinExtra || k == len(order)-1 {
					spiky = trial
					break
				}
			}
		}
		if err != nil {
			return nil, err
		}
		res.Spikes = append(res.Spikes, SpikeResult{Spike: s, Factor: p.factor})
	}
	// The spikes alone (no base stream, another seed so ids differ) merged
	// with the quiet stream: the base stream is identical in both runs.
	spiky.PerHour, spiky.Seed = 0, opts.Seed+1
	extra, err := StreamTagged(spiky, false, opts.Tag)
	if err != nil {
		return nil, err
	}
	stream := append(quiet, extra...)
	quiet = nil
	logf("spiky stream: %d mentions, %d spikes", len(stream), len(res.Spikes))
	type opened struct {
		at time.Time
		a  alert.Alert
	}
	var opens []opened
	err = alert.ReplayRange(ctx, alert.NewMemData(stream), evalStart, end, opts.Config, func(now time.Time, ev alert.Event) {
		if (ev.Type == alert.EventOpened || ev.Type == alert.EventReopened) && spikeFamily(ev.Alert.Family) {
			opens = append(opens, opened{now, ev.Alert})
		}
	}, alert.WithoutExplanations())
	if err != nil {
		return nil, err
	}
	used := map[int]bool{}
	for i := range res.Spikes {
		sr := &res.Spikes[i]
		from, to := sr.Spike.Start, sr.Spike.Start.Add(sr.Spike.Duration+15*time.Minute)
		for j, o := range opens {
			if used[j] || o.at.Before(from) || o.at.After(to) {
				continue
			}
			if o.a.Family != alert.FamilyHostile && o.a.Family != alert.FamilyNegative {
				continue
			}
			if !sr.Caught {
				sr.Caught, sr.AlertID, sr.Latency, sr.Severity = true, o.a.ID, o.at.Sub(sr.Spike.Start), o.a.Severity
			}
			used[j] = true // further alerts of the same spike are not false
		}
	}
	for j, o := range opens {
		if !used[j] {
			res.SpikeRunFalse = append(res.SpikeRunFalse, o.a)
		}
	}
	var lat3 []time.Duration
	for _, f := range opts.Sizes {
		sz := SizeResult{Factor: f}
		var lats []time.Duration
		for _, s := range res.Spikes {
			if s.Factor != f {
				continue
			}
			sz.Spikes++
			if s.Caught {
				sz.Caught++
				lats = append(lats, s.Latency)
				if s.Latency <= 10*time.Minute {
					sz.Within10++
				}
				if f >= 3 {
					lat3 = append(lat3, s.Latency)
				}
			}
		}
		if sz.Spikes > 0 {
			sz.Recall = float64(sz.Caught) / float64(sz.Spikes)
		}
		sz.MedianLatency = medianDur(lats)
		res.Sizes = append(res.Sizes, sz)
	}
	res.MedianLatency3x = medianDur(lat3)
	res.Elapsed = clock.Since(began)
	return res, nil
}

// thin keeps each mention with a probability that varies by day and by
// 10-minute block, deterministically from seed.
func thin(ms []store.AlertMention, b float64, seed uint64) []store.AlertMention {
	if b <= 0 {
		return ms
	}
	factor := func(key int64, salt uint64, span float64) float64 {
		r := rand.New(rand.NewPCG(seed^salt, uint64(key)))
		return 1 - span*r.Float64()
	}
	keep := rand.New(rand.NewPCG(seed, 77))
	out := ms[:0]
	for _, m := range ms {
		p := factor(m.PostedAt.Unix()/86400, 1, b) * factor(m.PostedAt.Unix()/600, 2, b/2)
		if keep.Float64() < p {
			out = append(out, m)
		}
	}
	return out
}

func medianDur(ds []time.Duration) time.Duration {
	f := make([]float64, len(ds))
	for i, d := range ds {
		f[i] = float64(d)
	}
	return time.Duration(stats.Median(f))
}

// Write prints the report; the last line is the summary
// `recall_3x=… false_per_week=… median_latency_3x=…`.
func (r *Result) Write(w io.Writer) {
	o := r.Options
	fmt.Fprintf(w, "alert detection on simulated streams: %.0f mentions/hour mean before thinning (daily + weekly seasonality, burstiness %.2f: per-day and per-10-minute volume swings), %d warm-up + %d evaluated weeks, seed %d, fire_score %g\n",
		o.PerHour, o.Burstiness, o.WarmupWeeks, o.Weeks, o.Seed, o.Config.FireScore)
	rel := "the city-wide hostile count ÷ its expected count (all extra posts about one program)"
	if o.RelativeTo == "program" {
		rel = fmt.Sprintf("the program's hostile count ÷ its expected count (programs whose spike adds < %d posts passed over)", o.MinExtra)
	}
	tags := "the simulator's truth tags"
	if o.TagName != "" {
		tags = o.TagName
	}
	fmt.Fprintf(w, "tags the detector sees: %s\n", tags)
	fmt.Fprintf(w, "spikes: hostile posts about one program, %s long, %.0f%% from buzzer-like accounts, starting 07–11 or 16–20 WITA; size = %s\n\n",
		o.Duration, 100*o.BuzzerShare, rel)
	fmt.Fprintf(w, "%-6s %6s %6s %7s %10s %15s\n", "size", "spikes", "caught", "recall", "≤10 min", "median latency")
	for _, s := range r.Sizes {
		lat := "-"
		if s.Caught > 0 {
			lat = s.MedianLatency.String()
		}
		var extra []string
		for _, sp := range r.Spikes {
			if sp.Factor == s.Factor {
				extra = append(extra, fmt.Sprint(sp.Spike.Count))
			}
		}
		fmt.Fprintf(w, "%-6s %6d %6d %6.0f%% %10d %15s   extra posts: %s\n", trimFloat(s.Factor)+"x", s.Spikes, s.Caught, 100*s.Recall, s.Within10, lat, strings.Join(extra, " "))
	}
	fmt.Fprintf(w, "\nquiet stream: %d false spike alerts in %.0f weeks = %.2f per week", len(r.QuietFalse), r.Weeks, r.QuietFalsePerWeek)
	if len(r.QuietRule) > 0 {
		var ks []string
		for k, v := range r.QuietRule {
			ks = append(ks, fmt.Sprintf("%s=%d", k, v))
		}
		sort.Strings(ks)
		fmt.Fprintf(w, " (rule alerts, by design: %s)", strings.Join(ks, " "))
	}
	fmt.Fprintln(w)
	for _, a := range r.QuietFalse {
		fmt.Fprintf(w, "  false: %s %s obs=%.0f exp=%.1f score=%.1f %s\n", a.OpenedAt.In(clock.WITA).Format("Mon 02/01 15:04"), a.Key, a.Observed, a.Expected, a.Score, strings.Join(a.Signals, ","))
	}
	fmt.Fprintf(w, "quiet stream: %d false hostile-spike alerts = %.2f per week\n", r.QuietHostile, float64(r.QuietHostile)/r.Weeks)
	for _, s := range r.StressWeeks {
		var other []string
		for k, v := range s.Other {
			other = append(other, fmt.Sprintf("%s=%d", k, v))
		}
		sort.Strings(other)
		fmt.Fprintf(w, "%s weeks: %d false hostile-spike alerts in %d weeks = %.2f per week (+%d stress mentions, %d of them tagged hostile; other alerts, real surges: %s)\n",
			s.Kind, len(s.HostileFalse), s.Weeks, s.HostileFalsePerWeek, s.Extra, s.Hostile, strings.Join(other, " "))
		for _, a := range s.HostileFalse {
			fmt.Fprintf(w, "  false: %s %s obs=%.0f exp=%.1f score=%.1f %s\n", a.OpenedAt.In(clock.WITA).Format("Mon 02/01 15:04"), a.Key, a.Observed, a.Expected, a.Score, strings.Join(a.Signals, ","))
		}
		type tc struct {
			text string
			n    int
		}
		var top []tc
		for t, n := range s.HostileTexts {
			top = append(top, tc{t, n})
		}
		sort.Slice(top, func(i, j int) bool { return top[i].n > top[j].n || top[i].n == top[j].n && top[i].text < top[j].text })
		for i, t := range top {
			if i == 8 {
				break
			}
			fmt.Fprintf(w, "  tagged hostile %4d×: %s\n", t.n, t.text)
		}
	}
	fmt.Fprintf(w, "spiky run: %d alerts not matching a spike\n", len(r.SpikeRunFalse))
	for _, a := range r.SpikeRunFalse {
		fmt.Fprintf(w, "  unmatched: %s %s obs=%.0f exp=%.1f score=%.1f\n", a.OpenedAt.In(clock.WITA).Format("Mon 02/01 15:04"), a.Key, a.Observed, a.Expected, a.Score)
	}
	fmt.Fprintln(w, "spikes:")
	for _, s := range r.Spikes {
		res := "missed"
		if s.Caught {
			res = fmt.Sprintf("after %s (%s)", s.Latency, s.Severity)
		}
		fmt.Fprintf(w, "  %s %-22s %5sx +%-4d %s\n", s.Spike.Start.In(clock.WITA).Format("Mon 02/01 15:04"), s.Spike.Program, trimFloat(s.Factor), s.Spike.Count, res)
	}
	var rec3, n3 float64
	for _, s := range r.Sizes {
		if s.Factor >= 3 {
			rec3 += float64(s.Caught)
			n3 += float64(s.Spikes)
		}
	}
	if n3 > 0 {
		rec3 /= n3
	}
	fmt.Fprintf(w, "(%d mentions in the quiet run, %s)\n", r.Mentions, r.Elapsed.Round(time.Second))
	var stress []string
	for _, s := range r.StressWeeks {
		stress = append(stress, fmt.Sprintf(" %s_hostile_false_per_week=%.2f", s.Kind, s.HostileFalsePerWeek))
	}
	fmt.Fprintf(w, "recall_3x=%.3f false_per_week=%.2f median_latency_3x=%s%s\n", rec3, r.QuietFalsePerWeek, r.MedianLatency3x, strings.Join(stress, ""))
}

func trimFloat(f float64) string {
	if f == math.Trunc(f) {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%g", f)
}
