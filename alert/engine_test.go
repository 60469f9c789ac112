package alert

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

// synth is a synthetic tagged stream: Poisson counts per minute with a
// day/night cycle, a fixed hostile, negative and partisan share, spread
// over programs and kecamatan.
type synth struct {
	rng *rand.Rand
	seq int
	ms  []store.AlertMention
}

func newSynth(seed uint64) *synth { return &synth{rng: rand.New(rand.NewPCG(seed, 1))} }

func poissonDraw(r *rand.Rand, l float64) int {
	if l > 30 {
		return max(0, int(math.Round(r.NormFloat64()*math.Sqrt(l)+l)))
	}
	L, k, p := math.Exp(-l), 0, 1.0
	for {
		p *= r.Float64()
		if p <= L {
			return k
		}
		k++
	}
}

// dayCycle is the activity at t (mean ~1): quiet at night in WITA.
func dayCycle(t time.Time) float64 {
	h := t.In(clock.WITA).Hour()
	switch {
	case h < 6:
		return 0.2
	case h < 9 || h >= 22:
		return 0.8
	}
	return 1.5
}

var synthPrograms = []string{"probebaya", "banjir", "pasar-pagi", ""}
var synthPlaces = []string{"kec-samarinda-ulu", "kec-sungai-kunjang", "kel-air-hitam"}

func (s *synth) mention(at time.Time, hostile bool, program string) store.AlertMention {
	s.seq++
	r := s.rng
	m := store.AlertMention{
		ID: fmt.Sprintf("x:%d", s.seq), Source: []string{"x", "facebook", "instagram"}[r.IntN(3)],
		URL: fmt.Sprintf("https://x.com/i/status/%d", s.seq), AuthorKind: "citizen",
		AuthorHandle: fmt.Sprintf("warga-%06x", r.IntN(5000)), AuthorFollowers: int64(50 + r.IntN(2000)),
		AuthorCreatedAt: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC),
		Text:            fmt.Sprintf("kabar kota hari ini nomor %d soal jalan dan pasar", s.seq%97),
		PostedAt:        at.Truncate(time.Second), Sentiment: "neutral", Hostility: "none",
	}
	if program != "" {
		m.Programs = []string{program}
	}
	if p := synthPlaces[r.IntN(len(synthPlaces))]; r.Float64() < 0.5 {
		m.Places = []string{p}
	}
	x := r.Float64()
	switch {
	case hostile || x < 0.08:
		m.Hostility, m.Sentiment = "abusive", "negative"
		m.Text = fmt.Sprintf("dasar pejabat bodoh %d urus %s aja gak becus", s.seq%53, program)
	case x < 0.30:
		m.Sentiment = "negative"
	case x < 0.33:
		m.Partisan = true
	}
	return m
}

// base adds the ordinary stream over [from, to) at perMin mentions per
// minute on average.
func (s *synth) base(from, to time.Time, perMin float64) {
	for t := from; t.Before(to); t = t.Add(time.Minute) {
		n := poissonDraw(s.rng, perMin*dayCycle(t))
		for i := 0; i < n; i++ {
			p := synthPrograms[s.rng.IntN(len(synthPrograms))]
			s.ms = append(s.ms, s.mention(t.Add(time.Duration(s.rng.IntN(60))*time.Second), false, p))
		}
	}
}

// spike adds perMin hostile mentions per minute about program over
// [at, at+d).
func (s *synth) spike(at time.Time, d time.Duration, perMin int, program string) {
	for t := at; t.Before(at.Add(d)); t = t.Add(time.Minute) {
		for i := 0; i < perMin; i++ {
			s.ms = append(s.ms, s.mention(t.Add(time.Duration(s.rng.IntN(60))*time.Second), true, program))
		}
	}
}

type evRec struct {
	at time.Time
	ev Event
}

func replay(t *testing.T, d Data, from, to time.Time, cfg Config) []evRec {
	t.Helper()
	var out []evRec
	err := ReplayRange(context.Background(), d, from, to, cfg, func(now time.Time, ev Event) {
		out = append(out, evRec{now, ev})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func opened(evs []evRec, families ...string) []evRec {
	var out []evRec
	for _, e := range evs {
		if e.ev.Type != EventOpened && e.ev.Type != EventReopened {
			continue
		}
		for _, f := range families {
			if e.ev.Alert.Family == f {
				out = append(out, e)
			}
		}
	}
	return out
}

var t0 = time.Date(2026, 11, 2, 0, 0, 0, 0, clock.WITA) // a Monday

func TestSpikeIsOneAlertThatUpdatesAndResolves(t *testing.T) {
	s := newSynth(1)
	spikeAt := t0.AddDate(0, 0, 24).Add(20 * time.Hour) // Thursday of week 4, 20:00 WITA
	s.base(t0, spikeAt.Add(3*time.Hour), 2)
	// ramps up: 2, then 6, then 12 hostile posts a minute
	s.spike(spikeAt, 5*time.Minute, 2, "probebaya")
	s.spike(spikeAt.Add(5*time.Minute), 10*time.Minute, 6, "probebaya")
	s.spike(spikeAt.Add(15*time.Minute), 15*time.Minute, 12, "probebaya")
	d := NewMemData(s.ms)
	evs := replay(t, d, spikeAt.Add(-2*time.Hour), spikeAt.Add(3*time.Hour), Config{})
	ops := opened(evs, FamilyHostile, FamilyNegative, FamilyPartisan)
	if len(ops) != 1 {
		for _, e := range evs {
			t.Logf("%s %s %s %s", e.at.In(clock.WITA).Format("15:04"), e.ev.Type, e.ev.Alert.ID, e.ev.Alert.Related)
		}
		t.Fatalf("%d spike alerts opened, want exactly 1", len(ops))
	}
	a := ops[0].ev.Alert
	if lat := ops[0].at.Sub(spikeAt); lat < 0 || lat > 10*time.Minute {
		t.Errorf("alert after %s, want within 10 minutes", lat)
	}
	if a.Family != FamilyHostile || a.Baseline != BaselineHourOfWeek {
		t.Errorf("alert %s baseline %s, want hostile on the hour-of-week baseline", a.ID, a.Baseline)
	}
	if !strings.Contains(a.Scope+strings.Join(a.Related, ","), "program:probebaya") {
		t.Errorf("alert scope %s related %v does not name the program", a.Scope, a.Related)
	}
	var last Alert
	var escalated, resolved int
	var resolvedAt time.Time
	for _, e := range evs {
		if e.ev.Alert.ID != a.ID {
			continue
		}
		if e.ev.Alert.Observed < last.Observed {
			t.Errorf("observed fell from %v to %v within one alert", last.Observed, e.ev.Alert.Observed)
		}
		if severityRank[e.ev.Alert.Severity] < severityRank[last.Severity] {
			t.Errorf("severity fell from %s to %s", last.Severity, e.ev.Alert.Severity)
		}
		if e.ev.Alert.Version <= last.Version {
			t.Errorf("version did not grow: %d after %d", e.ev.Alert.Version, last.Version)
		}
		last = e.ev.Alert
		switch e.ev.Type {
		case EventEscalated:
			escalated++
		case EventResolved:
			resolved++
			resolvedAt = e.at
		}
	}
	if escalated == 0 || severityRank[last.Severity] < severityRank[SeverityHigh] {
		t.Errorf("ramping spike: %d escalations, final severity %s; want escalation to high or critical", escalated, last.Severity)
	}
	if resolved != 1 || last.State != StateResolved {
		t.Fatalf("resolved %d times, final state %s", resolved, last.State)
	}
	spikeEnd := spikeAt.Add(30 * time.Minute)
	if resolvedAt.Before(spikeEnd.Add(15*time.Minute)) || resolvedAt.After(spikeEnd.Add(90*time.Minute)) {
		t.Errorf("resolved at %s, want 15–90 minutes after the spike ended at %s", resolvedAt.In(clock.WITA).Format("15:04"), spikeEnd.In(clock.WITA).Format("15:04"))
	}
	x := last.Explanation
	if x == nil || len(x.Examples) < 3 || len(x.Examples) > 5 || len(x.TopTerms) == 0 || x.Mentions == 0 {
		t.Fatalf("explanation incomplete: %+v", x)
	}
	if x.TopTerms[0].Value != "pejabat" && x.TopTerms[0].Value != "bodoh" && x.TopTerms[0].Value != "becus" && x.TopTerms[0].Value != "urus" {
		t.Errorf("top term %v is not from the hostile posts", x.TopTerms)
	}
	if !strings.Contains(last.GrafanaURL, "/d/dengar-bermusuhan?") {
		t.Errorf("grafana url %q", last.GrafanaURL)
	}
}

func TestCooldownReopensTheSameAlert(t *testing.T) {
	s := newSynth(2)
	day := t0.AddDate(0, 0, 22)
	s1 := day.Add(19 * time.Hour)
	s2 := s1.Add(65 * time.Minute)  // resolves ~19:35, back 20:05: inside the 60 min cool-down
	s3 := s1.Add(240 * time.Minute) // long after
	s.base(t0, s3.Add(2*time.Hour), 2)
	for _, at := range []time.Time{s1, s2, s3} {
		s.spike(at, 15*time.Minute, 8, "banjir")
	}
	evs := replay(t, NewMemData(s.ms), s1.Add(-time.Hour), s3.Add(2*time.Hour), Config{})
	ops := opened(evs, FamilyHostile, FamilyNegative, FamilyPartisan)
	if len(ops) != 3 {
		for _, e := range evs {
			t.Logf("%s %s %s", e.at.In(clock.WITA).Format("15:04"), e.ev.Type, e.ev.Alert.ID)
		}
		t.Fatalf("%d openings, want 3 (open, reopen, open)", len(ops))
	}
	if ops[0].ev.Type != EventOpened || ops[1].ev.Type != EventReopened || ops[2].ev.Type != EventOpened {
		t.Errorf("events %s, %s, %s; want opened, reopened, opened", ops[0].ev.Type, ops[1].ev.Type, ops[2].ev.Type)
	}
	if ops[0].ev.Alert.ID != ops[1].ev.Alert.ID {
		t.Errorf("reopen made a new alert %s (first %s)", ops[1].ev.Alert.ID, ops[0].ev.Alert.ID)
	}
	if ops[2].ev.Alert.ID == ops[0].ev.Alert.ID {
		t.Errorf("a spike after the cool-down reused alert %s", ops[2].ev.Alert.ID)
	}
}

func TestBaselineFallbacks(t *testing.T) {
	for _, tc := range []struct {
		history time.Duration
		want    string // "" = no alert (still learning)
	}{
		{25 * 24 * time.Hour, BaselineHourOfWeek},
		{3 * 24 * time.Hour, BaselineHourOfDay},
		{10 * time.Hour, BaselineRecent},
		{3 * time.Hour, ""},
	} {
		t.Run(tc.history.String(), func(t *testing.T) {
			s := newSynth(3)
			at := t0.AddDate(0, 0, 26).Add(19 * time.Hour)
			s.base(at.Add(-tc.history), at.Add(time.Hour), 2)
			s.spike(at, 20*time.Minute, 10, "pasar-pagi")
			ops := opened(replay(t, NewMemData(s.ms), at.Add(-10*time.Minute), at.Add(time.Hour), Config{}), FamilyHostile)
			if tc.want == "" {
				if len(ops) != 0 {
					t.Fatalf("alert %s with only %s of history", ops[0].ev.Alert.ID, tc.history)
				}
				return
			}
			if len(ops) != 1 {
				t.Fatalf("%d hostile alerts, want 1", len(ops))
			}
			if ops[0].ev.Alert.Baseline != tc.want {
				t.Errorf("baseline %s, want %s", ops[0].ev.Alert.Baseline, tc.want)
			}
		})
	}
}

func TestQuietStreamRaisesNothing(t *testing.T) {
	s := newSynth(4)
	end := t0.AddDate(0, 0, 35)
	s.base(t0, end, 3)
	evs := replay(t, NewMemData(s.ms), end.AddDate(0, 0, -7), end, Config{Families: []string{FamilyHostile, FamilyNegative, FamilyPartisan}})
	for _, e := range opened(evs, FamilyHostile, FamilyNegative, FamilyPartisan) {
		a := e.ev.Alert
		t.Errorf("false alert on a quiet week: %s obs=%v exp=%v score=%v", a.ID, a.Observed, a.Expected, a.Score)
	}
}

func TestNeutralityBreachAlertsOncePerBreach(t *testing.T) {
	s := newSynth(5)
	at := t0.AddDate(0, 0, 3).Add(10 * time.Hour)
	s.base(t0, at.Add(2*time.Hour), 1)
	var ids []string
	for i, dt := range []time.Duration{0, 7 * time.Minute} {
		m := s.mention(at.Add(dt), false, "")
		m.ID = fmt.Sprintf("facebook:breach%d", i)
		m.AuthorKind, m.AuthorHandle, m.AuthorOrg = "government", "kec.samarindaulu", "Kecamatan Samarinda Ulu"
		m.Partisan, m.Breach = true, true
		m.Text = "Ayo dukung paslon nomor 2, pilihan warga Samarinda Ulu!"
		s.ms = append(s.ms, m)
		ids = append(ids, m.ID)
	}
	d := NewMemData(s.ms)
	e, err := NewEngine(Config{}, d)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Preload(context.Background(), at.Add(-time.Hour), at.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for now := at.Add(-10 * time.Minute); now.Before(at.Add(2 * time.Hour)); now = now.Add(time.Minute) {
		for range 2 { // evaluating the same minute twice must not repeat it
			evs, err := e.Step(context.Background(), now)
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range evs {
				if ev.Alert.Family == FamilyBreach && ev.Type == EventOpened {
					got[ev.Alert.ID]++
					if !ev.Notify || ev.Alert.Severity != SeverityHigh {
						t.Errorf("breach alert %s notify=%v severity=%s", ev.Alert.ID, ev.Notify, ev.Alert.Severity)
					}
					x := ev.Alert.Explanation
					if x == nil || len(x.Examples) != 1 || x.Examples[0].Author != "@kec.samarindaulu" || x.Examples[0].URL == "" {
						t.Errorf("breach explanation %+v", x)
					}
					if !strings.Contains(Title(&ev.Alert), "kec.samarindaulu") {
						t.Errorf("title %q does not name the account", Title(&ev.Alert))
					}
				}
			}
		}
	}
	if len(got) != 2 || got["breach:"+ids[0]] != 1 || got["breach:"+ids[1]] != 1 {
		t.Errorf("breach alerts %v, want one each for %v", got, ids)
	}
}

func TestStaleCollector(t *testing.T) {
	now := t0.AddDate(0, 0, 2).Add(12 * time.Hour)
	d := NewMemData(nil)
	for t := now.Add(-6 * time.Hour); t.Before(now); t = t.Add(5 * time.Minute) {
		ok := t.Before(now.Add(-90 * time.Minute)) // rss fails for the last 90 minutes
		d.Runs = append(d.Runs,
			CollectorRun{Collector: "rss", Source: "rss", StartedAt: t, FinishedAt: t.Add(time.Second), OK: ok, Errors: map[bool]int{true: 0, false: 1}[ok]},
			CollectorRun{Collector: "youtube", Source: "youtube", StartedAt: t, FinishedAt: t.Add(time.Second), OK: true})
	}
	e, err := NewEngine(Config{StaleAfterBy: map[string]time.Duration{"youtube": 2 * time.Hour}}, d)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	evs, err := e.Step(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Alert.Family != FamilyStale || evs[0].Alert.Collector != "rss" || evs[0].Type != EventOpened {
		t.Fatalf("events %+v, want one stale alert for rss", evs)
	}
	if c := evs[0].Alert.Explanation.Collector; c == nil || c.RecentErrors != 18 {
		t.Errorf("collector explanation %+v, want 18 errors", c)
	}
	if evs, _ := e.Step(ctx, now.Add(time.Minute)); len(evs) != 0 {
		t.Errorf("stale alert repeated: %+v", evs)
	}
	// still failing long after: escalates once
	evs, _ = e.Step(ctx, now.Add(31*time.Minute))
	if len(evs) != 1 || evs[0].Type != EventEscalated || evs[0].Alert.Severity != SeverityHigh {
		t.Errorf("after 2 h: %+v, want escalation to high", evs)
	}
	// rss recovers
	d.Runs = append(d.Runs, CollectorRun{Collector: "rss", Source: "rss", StartedAt: now.Add(32 * time.Minute), FinishedAt: now.Add(33 * time.Minute), OK: true})
	evs, err = e.Step(ctx, now.Add(34*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Type != EventResolved || evs[0].Alert.Collector != "rss" {
		t.Errorf("after recovery: %+v, want rss resolved", evs)
	}
}

// BenchmarkStep measures one evaluation of every rule (the live role does
// one a minute) over a month of history at ~4 mentions a minute.
func BenchmarkStep(b *testing.B) {
	s := newSynth(9)
	end := t0.AddDate(0, 0, 30)
	s.base(t0, end, 4)
	e, err := NewEngine(Config{}, NewMemData(s.ms), WithoutExplanations())
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	from := end.Add(-24 * time.Hour)
	if err := e.Preload(ctx, from, end); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	now := from
	for i := 0; i < b.N; i++ {
		if _, err := e.Step(ctx, now); err != nil {
			b.Fatal(err)
		}
		now = now.Add(time.Minute)
		if !now.Before(end) {
			now = from
		}
	}
}
