package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dengar-id/dengar/ingest/fetch"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		v    string
		want time.Time
	}{
		{"120", now.Add(2 * time.Minute)},
		{"0", now},
		{"Wed, 25 Nov 2026 01:00:00 GMT", now.Add(time.Hour)},
		{"soon", time.Time{}},
		{"-5", time.Time{}},
		{"", time.Time{}},
		{"99999999999", now.Add(7 * 24 * time.Hour)},
	} {
		h := http.Header{}
		h.Set("Retry-After", tc.v)
		if got := fetch.RetryAfter(h, now); !got.Equal(tc.want) {
			t.Errorf("RetryAfter(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestBackoffDelay(t *testing.T) {
	b := fetch.Backoff{Attempts: 10, Base: 100 * time.Millisecond, Max: time.Second}
	for n := 0; n < 10; n++ {
		full := b.Base << n
		if full > b.Max {
			full = b.Max
		}
		for i := 0; i < 50; i++ {
			d := b.Delay(n)
			if d < full/2 || d > full {
				t.Fatalf("Delay(%d) = %v, want within [%v, %v]", n, d, full/2, full)
			}
		}
	}
}

func fast(opts ...fetch.Option) *fetch.Client {
	return fetch.New(append([]fetch.Option{fetch.WithBackoff(fetch.Backoff{Attempts: 3, Base: time.Millisecond, Max: 100 * time.Millisecond})}, opts...)...)
}

func TestRetries(t *testing.T) {
	for _, tc := range []struct {
		name     string
		statuses []int
		header   map[string]string
		class    string
		calls    int32
	}{
		{"500 then ok", []int{500, 200}, nil, "", 2},
		{"429 Retry-After 0 then ok", []int{429, 200}, map[string]string{"Retry-After": "0"}, "", 2},
		{"429 Retry-After beyond the cap ends the pass", []int{429}, map[string]string{"Retry-After": "3600"}, fetch.ClassRateLimited, 1},
		{"503 three times", []int{503, 503, 503}, nil, fetch.ClassTransient, 3},
		{"401 not retried", []int{401}, nil, fetch.ClassAuth, 1},
		{"400 not retried", []int{400}, nil, fetch.ClassPermanent, 1},
		{"304 is success", []int{304}, nil, "", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				i := calls.Add(1) - 1
				for k, v := range tc.header {
					w.Header().Set(k, v)
				}
				st := tc.statuses[min(int(i), len(tc.statuses)-1)]
				w.WriteHeader(st)
			}))
			defer srv.Close()
			var errs atomic.Int32
			c := fast(fetch.WithHooks(nil, func(string) { errs.Add(1) }))
			_, err := c.Get(context.Background(), srv.URL+"/x?key=SECRET", nil)
			if fetch.ClassOf(err) != tc.class || calls.Load() != tc.calls {
				t.Fatalf("err %v after %d calls; want class %q after %d", err, calls.Load(), tc.class, tc.calls)
			}
			if err != nil && strings.Contains(err.Error(), "SECRET") {
				t.Errorf("query string leaked into %v", err)
			}
		})
	}
}

func TestTimeoutIsTransient(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	c := fast(fetch.WithTimeout(30 * time.Millisecond))
	start := time.Now()
	_, err := c.Get(context.Background(), srv.URL+"/?access_token=SECRET", nil)
	if fetch.ClassOf(err) != fetch.ClassTransient || strings.Contains(err.Error(), "SECRET") {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatal("timeout not applied")
	}
}

func TestBodyLimitAndSecrets(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2048)))
	}))
	defer srv.Close()
	c := fast(fetch.WithMaxBody(1024), fetch.WithSecrets("tok123"))
	_, err := c.Get(context.Background(), srv.URL+"/bottok123/getUpdates", nil)
	var fe *fetch.Error
	if !errors.As(err, &fe) || fe.Class != fetch.ClassTooLarge {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "tok123") {
		t.Fatalf("secret in error: %v", err)
	}
	resp, err := fast(fetch.WithMaxBody(4096)).Get(context.Background(), srv.URL, nil)
	if err != nil || len(resp.Body) != 2048 {
		t.Fatalf("under the limit: %v", err)
	}
}

func TestRateLimit(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls.Add(1) }))
	defer srv.Close()
	c := fast(fetch.WithRate(50, 1))
	start := time.Now()
	for i := 0; i < 6; i++ {
		if _, err := c.Get(context.Background(), srv.URL, nil); err != nil {
			t.Fatal(err)
		}
	}
	if el := time.Since(start); el < 90*time.Millisecond {
		t.Fatalf("6 requests at 50/s took %v, want ≥ 100ms", el)
	}
}

func TestContextCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := fast().Get(ctx, srv.URL, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}
