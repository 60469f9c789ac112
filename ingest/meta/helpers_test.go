package meta_test

import (
	"errors"
	"testing"

	"github.com/dengar-id/dengar/ingest/fetch"
	"github.com/dengar-id/dengar/mention"
)

func asFetch(err error, fe **fetch.Error) bool { return errors.As(err, fe) }

func valid(t *testing.T, id string, m mention.Mention) {
	t.Helper()
	m.Normalize()
	if err := m.Validate(); err != nil {
		t.Fatalf("%s: invalid mention: %v", id, err)
	}
}
