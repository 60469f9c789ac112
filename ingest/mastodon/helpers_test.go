package mastodon_test

import (
	"errors"

	"github.com/dengar-id/dengar/ingest/fetch"
)

func asFetch(err error, fe **fetch.Error) bool { return errors.As(err, fe) }
