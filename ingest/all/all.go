// Package all registers every collector kind with ingest; import it for
// its side effect where collectors are built from configuration.
package all

import (
	_ "github.com/dengar-id/dengar/ingest/file"       // kind file
	_ "github.com/dengar-id/dengar/ingest/googlenews" // kind googlenews
	_ "github.com/dengar-id/dengar/ingest/mastodon"   // kind mastodon
	_ "github.com/dengar-id/dengar/ingest/meta"       // kinds facebook, instagram
	_ "github.com/dengar-id/dengar/ingest/rss"        // kind rss
	_ "github.com/dengar-id/dengar/ingest/telegram"   // kind telegram
	_ "github.com/dengar-id/dengar/ingest/webhook"    // kind webhook
	_ "github.com/dengar-id/dengar/ingest/x"          // kind x
	_ "github.com/dengar-id/dengar/ingest/youtube"    // kind youtube
)
