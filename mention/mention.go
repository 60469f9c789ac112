// Package mention holds Dengar's domain types: a public mention of the city,
// the tags the analyzers add to it, and the v1 wire format (JSON, one mention
// per Kafka message, key = ID) that every stage speaks.
//
// The package imports nothing of the project, so every stage can depend on it
// without cycles.
package mention

import (
	"time"
)

// SchemaVersion is the wire-format version written into every mention.
const SchemaVersion = 1

// Author kinds (contract v1).
const (
	KindCitizen     = "citizen"
	KindGovernment  = "government"
	KindMedia       = "media"
	KindPublicAdmin = "public_admin"
	KindUnknown     = "unknown"
)

// Government account levels, used for neutrality reporting.
const (
	LevelOPD       = "opd"
	LevelKecamatan = "kecamatan"
	LevelKelurahan = "kelurahan"
	LevelBUMD      = "bumd"
	LevelRT        = "rt"
)

// Sentiment labels.
const (
	SentimentPositive = "positive"
	SentimentNeutral  = "neutral"
	SentimentNegative = "negative"
)

// Hostility labels (see Hostility for the taxonomy).
const (
	HostilityNone    = "none"
	HostilityAbusive = "abusive"
	HostilityHate    = "hate"
)

// LabelNames are the Bahasa Indonesia names users read for the sentiment
// and hostility labels (Grafana panels, the run summary).
var LabelNames = map[string]string{
	SentimentPositive: "positif",
	SentimentNeutral:  "netral",
	SentimentNegative: "negatif",
	HostilityNone:     "tidak ada",
	HostilityAbusive:  "kasar",
	HostilityHate:     "ujaran kebencian",
}

// Mention is one public post, comment, article or message about the city,
// as collected (raw topic) or with tags added (tagged topic).
type Mention struct {
	// Schema is the wire-format version; always SchemaVersion when written.
	Schema int `json:"schema"`
	// ID is stable across re-collection: "<source>:<native id>" (see NewID).
	ID string `json:"id"`
	// Source names the collector kind: file, rss, googlenews, youtube, x,
	// facebook, instagram, telegram, mastodon, webhook, simulate.
	Source string `json:"source"`
	// Channel is where inside the source it was seen (feed, page, channel, query).
	Channel string `json:"channel,omitempty"`
	// URL links to the original item where the source has one.
	URL string `json:"url,omitempty"`
	// Author is a snapshot of the author at collection time.
	Author Author `json:"author"`
	// Title is the headline of articles and videos; empty for comments.
	Title string `json:"title,omitempty"`
	// Text is the body; valid UTF-8, at most MaxTextBytes.
	Text string `json:"text"`
	// Lang is a BCP 47 tag when known ("id", "bjn", "en").
	Lang string `json:"lang,omitempty"`
	// PostedAt is when the author published it (UTC).
	PostedAt time.Time `json:"posted_at"`
	// CollectedAt is when Dengar fetched it (UTC).
	CollectedAt time.Time `json:"collected_at"`
	// ParentID is the ID of the post a reply or comment answers.
	ParentID string `json:"parent_id,omitempty"`
	// StoryID groups near-identical syndicated stories (SimHash of the text).
	StoryID string `json:"story_id,omitempty"`
	// Metrics are engagement counts at collection time.
	Metrics Metrics `json:"metrics"`
	// Query is the watch query that matched at collection.
	Query string `json:"query,omitempty"`

	Tags
}

// Author is who wrote a mention, as a snapshot at collection time. Citizen
// ids and handles are pseudonymised in storage (see store).
type Author struct {
	// ID is the source's stable account id (pseudonymised in storage for
	// citizens).
	ID string `json:"id,omitempty"`
	// Handle is the account's @name on the source, without the @.
	Handle string `json:"handle,omitempty"`
	// Name is the display name.
	Name string `json:"name,omitempty"`
	// Kind is citizen | government | media | public_admin | unknown.
	Kind string `json:"kind,omitempty"`
	// Org is the organisation behind a registered account (e.g. "Diskominfo").
	Org string `json:"org,omitempty"`
	// Level is the government level of a registered government account.
	Level string `json:"level,omitempty"`
	// Description is the profile bio where the source gives it; used to
	// recognise unregistered government accounts.
	Description string `json:"description,omitempty"`
	// Followers, Posts, Verified and CreatedAt feed bot and buzzer analysis.
	Followers int64      `json:"followers,omitempty"`
	Posts     int64      `json:"posts,omitempty"`
	Verified  bool       `json:"verified,omitempty"`
	CreatedAt *time.Time `json:"created_at,omitempty"`
}

// Metrics are engagement counts at collection time; a source that does not
// report one leaves it 0.
type Metrics struct {
	// Likes counts likes, reactions or favourites.
	Likes int64 `json:"likes"`
	// Replies counts replies or comments.
	Replies int64 `json:"replies"`
	// Shares counts shares, retweets or reposts.
	Shares int64 `json:"shares"`
	// Views counts views or impressions.
	Views int64 `json:"views"`
}

// Tags are what the analyzers add to a mention. All are optional on the raw
// topic and filled on the tagged topic.
type Tags struct {
	// Sentiment is filled by the sentiment tagger.
	Sentiment *Sentiment `json:"sentiment,omitempty"`
	// Hostility is filled by the hostility tagger.
	Hostility *Hostility `json:"hostility,omitempty"`
	// Emotion is filled by the emotion tagger.
	Emotion *Emotion `json:"emotion,omitempty"`
	// Politics is filled by the partisanship tagger.
	Politics *Politics `json:"politics,omitempty"`
	// Programs, Institutions and Places are canonical catalog ids.
	Programs     []string `json:"programs,omitempty"`
	Institutions []string `json:"institutions,omitempty"`
	Places       []string `json:"places,omitempty"`
	// NeutralityBreach is set when a government account posts partisan content.
	NeutralityBreach bool `json:"neutrality_breach"`
	// BreachUnverified marks a breach by an account that is not in the
	// registry but whose profile marks a government body.
	BreachUnverified bool `json:"neutrality_breach_unverified,omitempty"`
	// Model is the version of the tagging models that produced the tags.
	Model string `json:"model,omitempty"`
}

// Sentiment is the polarity of a mention.
type Sentiment struct {
	// Label is positive | neutral | negative.
	Label string `json:"label"`
	// Score is in −1…1 (negative to positive).
	Score float64 `json:"score"`
	// Confidence is the probability of Label, 0…1.
	Confidence float64 `json:"confidence"`
	// Review asks for a human look: the model was unsure.
	Review bool `json:"review,omitempty"`
}

// Hostility covers abusive language, hate speech and threats, in the
// product's taxonomy (which differs from the public data sets': they count
// an insult at one person, and much campaigning, as hate speech):
//
//   - abusive (kasar): insults, profanity or degrading names aimed at a
//     person or an institution ("pemkot tolol", "bubuhan pejabat tu
//     bungul", "lu idiot");
//   - hate (ujaran kebencian): an attack on a group, or on a person as a
//     member of it, for ethnicity, religion, race, origin (SARA), gender
//     or disability, and dehumanisation ("pendatang kayak tikus", "tolak
//     gereja di kampung kami", "dasar Cina");
//   - threat: intent or incitement to violence or harm (Threat), hostile
//     whatever the label: a threat that is not hate is labelled abusive.
//
// Harsh criticism, complaints, campaigning, exclamations aimed at no one
// ("anjir keren") and hostile words quoted in news are not hostile (none).
type Hostility struct {
	// Label is none | abusive | hate.
	Label string `json:"label"`
	// Score is the probability that the text is hostile, 0…1.
	Score float64 `json:"score"`
	// Confidence is the probability of Label, 0…1.
	Confidence float64 `json:"confidence"`
	// Target is who is attacked, for hostile posts: individual (a person,
	// the addressee, one office holder) | institution (an agency, a body,
	// its officials as a whole) | group (a group of people, for hate).
	Target string `json:"target,omitempty"`
	// Categories are the grounds of the attack, when it has some: religion
	// (agama), race (suku/ras, with origin: pendatang), gender, physical
	// (fisik: disability, and body-shaming insults), other (lainnya). Hate
	// has at least one; an abusive post only when the insult is about the
	// body or gender.
	Categories []string `json:"categories,omitempty"`
	// Strength is weak | moderate | strong when hateful.
	Strength string `json:"strength,omitempty"`
	// Threat marks threats or incitement to violence or harm.
	Threat bool `json:"threat,omitempty"`
	// Abusive marks abusive language as the abusive-language data sets
	// define it (profanity and insults, even an exclamation aimed at no
	// one), whatever the label: Label says whether the post is hostile.
	Abusive bool `json:"abusive,omitempty"`
	// Review asks for a human look: the model was unsure.
	Review bool `json:"review,omitempty"`
}

// Emotion is the dominant emotion (EmoT label set).
type Emotion struct {
	// Label is anger | fear | happy | love | sadness.
	Label string `json:"label"`
	// Confidence is the probability of Label, 0…1.
	Confidence float64 `json:"confidence"`
	// Review asks for a human look: the model was unsure.
	Review bool `json:"review,omitempty"`
}

// Politics says whether a mention is about elections and whether it takes a side.
type Politics struct {
	// Political marks a mention about elections, parties or candidates.
	Political bool `json:"political"`
	// Partisan marks a mention that campaigns or takes a side.
	Partisan bool `json:"partisan"`
	// Actors are canonical ids of parties, candidates and pairs mentioned.
	Actors []string `json:"actors,omitempty"`
	// Stance is support | oppose | mixed when partisan.
	Stance string `json:"stance,omitempty"`
	// Cues are the evidence of the decision, one string per cue in the
	// form of Cue.String: `rule: "the post's words" → actor`. For a partisan
	// post they are the decisive cues (the rule that fired, the words as
	// written, the actor favoured or opposed); for a political post that
	// takes no side, what kept it neutral (e.g. `neutral: "ASN wajib netral"`).
	// ParseCue reads one back.
	Cues []string `json:"cues,omitempty"`
}
