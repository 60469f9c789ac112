// Package models embeds Dengar's trained model files (rebuilt by
// `dengar train`); see NOTICE.md for the data sets and their licences.
package models

import "embed"

// Version is the version of the shipped models, written into every tagged
// mention.
const Version = "id-2026.12.13"

// FS holds the model files and the notice.
//
//go:embed NOTICE.md *.dgm *.json
var FS embed.FS
