package alert

// The alert vocabulary: what the engine reads (Data), the alert and its
// events, and the families, signals, severities and states every part of
// the stage (and the alerts table) speaks.

import (
	"context"
	"time"

	"github.com/dengar-id/dengar/store"
)

// Data is what the engine reads: *store.DB implements it over ClickHouse,
// and the evaluation implements it over an in-memory stream (MemData), so
// both run the same rules. Mentions carry their effective labels (human
// corrections applied).
type Data interface {
	AlertMinuteCounts(ctx context.Context, from, to time.Time) ([]store.ScopedCounts, error)
	AlertHourlyCounts(ctx context.Context, from, to time.Time) ([]store.ScopedCounts, error)
	AlertMentions(ctx context.Context, scope string, label store.Label, from, to time.Time, limit int) ([]store.AlertMention, error)
	UnalertedMentions(ctx context.Context, label store.Label, alertPrefix string, from, to time.Time, limit int) ([]store.AlertMention, error)
	CollectorHealthAt(ctx context.Context, since, until time.Time) ([]store.CollectorHealth, error)
	MentionTimeRange(ctx context.Context) (first, last time.Time, ok bool, err error)
}

// Alert states.
const (
	StateFiring   = "firing"
	StateResolved = "resolved"
)

// Alert is one alert: one spike (or breach, or stalled collector) from
// open to resolve. Its ID is stable; Version grows with every change.
type Alert struct {
	ID, Key, Family string
	// Signals that fired (count, share, drift, any).
	Signals []string
	// Scope is "all", "program:<id>" or "place:<id>"; Related are other
	// scopes folded into this alert (the same spike seen city-wide).
	Scope   string
	Related []string
	// ScopeName is the scope's display name (from Config.Names).
	ScopeName string
	State     string
	// Severity is the highest reached: low, medium, high, critical.
	Severity             string
	OpenedAt, UpdatedAt  time.Time
	ResolvedAt           time.Time
	WindowFrom, WindowTo time.Time
	// Observed and Expected are the family count (or share × 100 for share
	// signals) of the peak window; Ratio = Observed/Expected; Score is
	// −log10 of the Poisson tail probability.
	Observed, Expected, Ratio, Score float64
	Share, BaseShare                 float64
	Baseline                         string
	// SpanFrom and SpanTo are the first and the last post of the family
	// in the scope while the alert was active (SpanTo inclusive), and
	// SpanCount the number of those posts: the one size of a spike that the
	// message, the weekly report and the Lonjakan panel show (so far, while
	// it fires; final once resolved). Observed/Expected are its peak window.
	SpanFrom, SpanTo time.Time
	SpanCount        int
	// MentionID is the breaching mention of a neutrality-breach alert;
	// Collector the stalled collector.
	MentionID, Collector string
	Explanation          *Explanation
	GrafanaURL           string
	Version              uint32

	lastActive       time.Time
	notifiedSeverity string
	peakScore        float64
	// spanStart is where the span's posts are looked for: the start of
	// the window that first fired.
	spanStart time.Time
}

// Event types.
const (
	EventOpened    = "opened"
	EventEscalated = "escalated"
	EventUpdated   = "updated"
	EventReopened  = "reopened"
	EventResolved  = "resolved"
)

// Event is a change of an alert. Notify says whether it is sent out.
type Event struct {
	Type   string
	Alert  Alert
	Notify bool
}

// Families of alerts: what an alert is about (the family column of the
// alerts table).
const (
	FamilyHostile  = "hostile"  // hostility abusive or hate
	FamilyNegative = "negative" // negative sentiment
	FamilyPartisan = "partisan" // partisan political content
	FamilyThreat   = "threat"   // violent threats or incitement
	FamilyBreach   = "neutrality_breach"
	FamilyStale    = "stale_collector"
)

// familyLabel is the label of the mentions a family counts (the read
// model's definition of hostile, negative…).
func familyLabel(f string) store.Label {
	switch f {
	case FamilyHostile:
		return store.Hostile
	case FamilyNegative:
		return store.Negative
	case FamilyPartisan:
		return store.Partisan
	case FamilyThreat:
		return store.Threat
	case FamilyBreach:
		return store.Breach
	}
	return store.AnyLabel
}

// Signals: what a spike alert measured.
const (
	SignalCount = "count" // family count in a window vs expected
	SignalShare = "share" // family share of all mentions vs expected
	SignalDrift = "drift" // EWMA of the share vs the last days
	SignalAny   = "any"   // any occurrence (threats)
)

// Severities, lowest first.
const (
	SeverityLow      = "low"
	SeverityMedium   = "medium"
	SeverityHigh     = "high"
	SeverityCritical = "critical"
)

var severityRank = map[string]int{SeverityLow: 0, SeverityMedium: 1, SeverityHigh: 2, SeverityCritical: 3}

// severityFor maps how far above baseline a measurement is to a severity.
func severityFor(ratio, score float64) string {
	switch {
	case ratio >= 5 && score >= 10:
		return SeverityCritical
	case ratio >= 3:
		return SeverityHigh
	case ratio >= 2:
		return SeverityMedium
	}
	return SeverityLow
}

func keyOf(family, scope string) string { return family + "|" + scope }

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
