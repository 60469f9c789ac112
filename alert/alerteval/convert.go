// Package alerteval measures the alert detector on simulated streams: weeks
// of a quiet stream with daily and weekly seasonality, with hostile spikes
// of several sizes injected (package simulate), run minute by minute
// through the same engine the live role uses. It reports recall per spike
// size, false alerts per week and the time from spike start to alert.
package alerteval

import (
	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
)

// ToAlertMention converts a tagged mention as the sink stores it
// (the privacy policy applied with p when not nil) into the alert stage's
// row.
func ToAlertMention(m mention.Mention, p *store.Pseudonymizer) store.AlertMention {
	if p != nil {
		p.Protect(&m)
	}
	am := store.AlertMention{
		ID: m.ID, Source: m.Source, Channel: m.Channel, URL: m.URL,
		AuthorID: m.Author.ID, AuthorHandle: m.Author.Handle, AuthorName: m.Author.Name, AuthorKind: m.Author.Kind, AuthorOrg: m.Author.Org,
		AuthorLevel: m.Author.Level, AuthorFollowers: m.Author.Followers, Title: m.Title, Text: m.Text,
		PostedAt: m.PostedAt.UTC().Truncate(1e9), IngestedAt: m.CollectedAt.UTC().Truncate(1e9),
		Likes: m.Metrics.Likes, Replies: m.Metrics.Replies, Shares: m.Metrics.Shares,
		Programs: m.Programs, Places: m.Places, Institutions: m.Institutions,
		Breach: m.NeutralityBreach, Unverified: m.BreachUnverified,
	}
	if m.Author.CreatedAt != nil {
		am.AuthorCreatedAt = m.Author.CreatedAt.UTC().Truncate(1e9)
	}
	if m.Sentiment != nil {
		am.Sentiment = m.Sentiment.Label
	}
	if m.Hostility != nil {
		am.Hostility = m.Hostility.Label
		am.HostilityTarget, am.HostilityCategories = m.Hostility.Target, m.Hostility.Categories
		am.Threat = m.Hostility.Threat
	}
	if m.Politics != nil {
		am.Partisan = m.Politics.Partisan
		am.Actors, am.Cues = m.Politics.Actors, m.Politics.Cues
	}
	return am
}
