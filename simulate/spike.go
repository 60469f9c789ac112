package simulate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/mention"
)

// Spike injection sized relative to the baseline: "a 3× spike of hostile
// posts about probebaya at 20:00 for 45 minutes, 60 % from buzzers". The
// size is the ratio of the program's hostile count during the spike to its
// expected count then, counting the mentions the truth tags attribute to
// the program (not every hostile post names the program).

// rates are measured once per program and buzzer share by drawing from the
// generator itself, so they follow the templates as they change.
type rateKey struct {
	program string
	buzzer  float64
	script  int // the buzzers' script depends on the spike's index
}

var (
	rateMu    sync.Mutex
	baseShare = map[string]float64{}  // hostile ∧ program share of the base stream
	spikeHit  = map[rateKey]float64{} // share of spike mentions tagged hostile ∧ program
)

const rateSamples = 40000

// ProgramIDs lists the program ids the simulator knows.
func ProgramIDs() []string {
	out := make([]string, len(programs))
	for i, p := range programs {
		out[i] = p.id
	}
	return out
}

func knownProgram(id string) bool {
	for _, p := range programs {
		if p.id == id {
			return true
		}
	}
	return false
}

// hostileFor says whether m is hostile and tagged with program ("" =
// any hostile mention).
func hostileFor(m *mention.Mention, program string) bool {
	if m.Hostility == nil || m.Hostility.Label == "none" {
		return false
	}
	if program == "" {
		return true
	}
	for _, p := range m.Programs {
		if p == program {
			return true
		}
	}
	return false
}

func sampleOpts() Options {
	t := time.Date(2026, 1, 5, 12, 0, 0, 0, clock.WITA)
	return Options{Start: t, End: t.Add(time.Hour), PerHour: 60, Seed: 7, Truth: true}
}

// HostileShare is the fraction of the base stream that is hostile and
// tagged with program ("" = every hostile mention).
func HostileShare(program string) float64 {
	rateMu.Lock()
	defer rateMu.Unlock()
	if v, ok := baseShare[program]; ok {
		return v
	}
	opts := sampleOpts()
	g := newGen(opts)
	n := 0
	for i := 0; i < rateSamples; i++ {
		if hostileFor(g.base(opts.Start), program) {
			n++
		}
	}
	v := float64(n) / rateSamples
	baseShare[program] = v
	return v
}

// spikeHitRate is the fraction of the mentions of a spike about program
// that are hostile and tagged with scope (program itself, or "" for any).
func spikeHitRate(program, scope string, buzzer float64, index int) float64 {
	k := rateKey{program + "|" + scope, math.Round(buzzer*100) / 100, (index * 7) % len(hateTemplates)}
	rateMu.Lock()
	defer rateMu.Unlock()
	if v, ok := spikeHit[k]; ok {
		return v
	}
	opts := sampleOpts()
	g := newGen(opts)
	s := Spike{Start: opts.Start, Duration: time.Hour, Program: program, Count: 1, BuzzerShare: k.buzzer}
	n := 0
	const samples = rateSamples / 4
	for i := 0; i < samples; i++ {
		if hostileFor(g.spike(index, s, opts.Start), scope) {
			n++
		}
	}
	v := float64(n) / samples
	spikeHit[k] = v
	return v
}

// HostileRate returns the expected number of hostile mentions tagged with
// program ("" = all hostile mentions) per minute at t in a base stream of perHour mentions per hour.
func HostileRate(perHour float64, program string, t time.Time) float64 {
	return Rate(perHour, t) * HostileShare(program)
}

// AddSpike appends to o.Spikes the spike that makes program's hostile
// count over [start, start+dur) factor times its expected count in o's
// stream (factor 3 adds twice the expected count). buzzerShare of the
// extra posts come from buzzer-like accounts.
func (o *Options) AddSpike(start time.Time, dur time.Duration, program string, factor, buzzerShare float64) (Spike, error) {
	s, err := spikeOfSize(o.PerHour, len(o.Spikes), start, dur, program, program, factor, buzzerShare)
	if err != nil {
		return s, err
	}
	o.Spikes = append(o.Spikes, s)
	return s, nil
}

// AddCitySpike is AddSpike sized against the city-wide hostile count: a
// factor 3 spike about program triples the hostile posts of the whole
// city over [start, start+dur).
func (o *Options) AddCitySpike(start time.Time, dur time.Duration, program string, factor, buzzerShare float64) (Spike, error) {
	s, err := spikeOfSize(o.PerHour, len(o.Spikes), start, dur, program, "", factor, buzzerShare)
	if err != nil {
		return s, err
	}
	o.Spikes = append(o.Spikes, s)
	return s, nil
}

// spikeOfSize sizes the spike about program that will sit at index in
// Options.Spikes, against the hostile count of scope (program or "").
func spikeOfSize(perHour float64, index int, start time.Time, dur time.Duration, program, scope string, factor, buzzerShare float64) (Spike, error) {
	switch {
	case !knownProgram(program):
		return Spike{}, fmt.Errorf("simulate: unknown program %q (known: %s)", program, strings.Join(ProgramIDs(), ", "))
	case factor <= 1 || math.IsNaN(factor) || math.IsInf(factor, 0):
		return Spike{}, fmt.Errorf("simulate: spike factor %v must be above 1", factor)
	case dur < time.Minute:
		return Spike{}, fmt.Errorf("simulate: spike duration %s is shorter than a minute", dur)
	case buzzerShare < 0 || buzzerShare > 1 || math.IsNaN(buzzerShare):
		return Spike{}, fmt.Errorf("simulate: buzzer share %v is not within 0…1", buzzerShare)
	}
	var expected float64
	for t := start.Truncate(time.Minute); t.Before(start.Add(dur)); t = t.Add(time.Minute) {
		expected += HostileRate(perHour, scope, t)
	}
	hit := spikeHitRate(program, scope, buzzerShare, index)
	if hit <= 0 {
		return Spike{}, fmt.Errorf("simulate: spikes about %q never carry its tag", program)
	}
	count := int(math.Round((factor - 1) * expected / hit))
	return Spike{Start: start, Duration: dur, Program: program, Count: max(count, 1), BuzzerShare: buzzerShare}, nil
}

// AddSpikeSpec parses a spike flag and appends the spike to o.Spikes:
// START,DURATION,PROGRAM,SIZE[,buzzer=SHARE] where START is RFC 3339 (or
// 2006-01-02T15:04 in WITA), SIZE is a factor over the program's hostile
// baseline ("3x"), over the city's ("3xcity"), or an absolute count of
// extra posts ("+90"), and SHARE the buzzer share
// (default 0.5). Set o.PerHour first: factors are relative to it.
//
//	2026-11-19T20:00,45m,probebaya,3x,buzzer=0.6
func (o *Options) AddSpikeSpec(spec string) (Spike, error) {
	s, err := parseSpike(o.PerHour, len(o.Spikes), spec)
	if err != nil {
		return s, err
	}
	o.Spikes = append(o.Spikes, s)
	return s, nil
}

func parseSpike(perHour float64, index int, s string) (Spike, error) {
	parts := strings.Split(strings.TrimSpace(s), ",")
	if len(parts) < 4 || len(parts) > 5 {
		return Spike{}, fmt.Errorf("simulate: spike %q: want START,DURATION,PROGRAM,SIZE[,buzzer=SHARE]", s)
	}
	start, err := time.Parse(time.RFC3339, parts[0])
	if err != nil {
		start, err = time.ParseInLocation("2006-01-02T15:04", parts[0], clock.WITA)
		if err != nil {
			return Spike{}, fmt.Errorf("simulate: spike start %q: want RFC 3339 or 2006-01-02T15:04 (WITA)", parts[0])
		}
	}
	dur, err := time.ParseDuration(parts[1])
	if err != nil {
		return Spike{}, fmt.Errorf("simulate: spike duration %q: %w", parts[1], err)
	}
	program := parts[2]
	buzzer := 0.5
	if len(parts) == 5 {
		v, ok := strings.CutPrefix(parts[4], "buzzer=")
		if !ok {
			return Spike{}, fmt.Errorf("simulate: spike option %q: want buzzer=SHARE", parts[4])
		}
		if buzzer, err = strconv.ParseFloat(v, 64); err != nil {
			return Spike{}, fmt.Errorf("simulate: buzzer share %q: %w", v, err)
		}
	}
	size := parts[3]
	if c, ok := strings.CutPrefix(size, "+"); ok {
		n, err := strconv.Atoi(c)
		if err != nil || n <= 0 {
			return Spike{}, fmt.Errorf("simulate: spike count %q: want a positive integer", size)
		}
		if !knownProgram(program) {
			return Spike{}, fmt.Errorf("simulate: unknown program %q (known: %s)", program, strings.Join(ProgramIDs(), ", "))
		}
		if buzzer < 0 || buzzer > 1 || dur < time.Minute {
			return Spike{}, fmt.Errorf("simulate: spike %q: buzzer share within 0…1 and duration ≥ 1m required", s)
		}
		return Spike{Start: start, Duration: dur, Program: program, Count: n, BuzzerShare: buzzer}, nil
	}
	scope := program
	if c, ok := strings.CutSuffix(size, "city"); ok {
		size, scope = c, ""
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(size, "x"), "×"), 64)
	if err != nil {
		return Spike{}, fmt.Errorf("simulate: spike size %q: want a factor like 3x (3xcity: against the city's hostile count) or a count like +90", size)
	}
	return spikeOfSize(perHour, index, start, dur, program, scope, f, buzzer)
}
