package stream

import (
	"context"
	"errors"
	"io"
	"net"
	"syscall"

	"github.com/segmentio/kafka-go"
)

// unavailableError marks an error as an outage of a handler's output.
type unavailableError struct{ err error }

func (e *unavailableError) Error() string { return e.err.Error() }
func (e *unavailableError) Unwrap() error { return e.err }

// Unavailable marks err as an outage of the handler's output — a store or
// broker that is down, overloaded or refusing every write — rather than a
// failure of the batch's messages: the consumer keeps the batch and
// retries it with backoff for as long as the outage lasts, never
// dead-letters it, and reports the outage in readiness. Nil stays nil.
func Unavailable(err error) error {
	if err == nil {
		return nil
	}
	return &unavailableError{err}
}

// IsUnavailable reports whether err is an outage: marked with Unavailable,
// a network error (refused, reset, timed out, closed), or a Kafka error
// the protocol calls temporary.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	var u *unavailableError
	if errors.As(err, &u) {
		return true
	}
	var we kafka.WriteErrors
	if errors.As(err, &we) {
		for _, e := range we {
			if e != nil && IsUnavailable(e) {
				return true
			}
		}
		return false
	}
	var ke kafka.Error
	if errors.As(err, &ke) {
		return ke.Temporary()
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, context.DeadlineExceeded)
}
