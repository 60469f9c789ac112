package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/dengar-id/dengar/health"
)

// defaultMetricsAddr is where roles serve /metrics, /healthz and /readyz
// unless told otherwise: loopback only (containers pass --metrics-addr
// :9464 explicitly).
const defaultMetricsAddr = "127.0.0.1:9464"

// metricsAddrUsage is the --metrics-addr flag's help.
const metricsAddrUsage = "serve /metrics, /healthz (liveness) and /readyz (readiness) here (empty: off)"

// serveMetrics serves /metrics (Prometheus), /healthz and /readyz
// (package health) on addr until ctx ends. An empty addr disables it.
// The check process/started is not ready until markStarted.
func serveMetrics(ctx context.Context, addr string) error {
	health.Default.Check("process", "started")
	if addr == "" {
		return nil
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.Handle("/", health.Default.Handler())
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	slog.Info("metrics listening", "addr", ln.Addr().String())
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			slog.Error("metrics server", "err", err)
		}
	}()
	return nil
}

// markStarted passes process/started: every role of the process runs.
func markStarted() { health.Default.Check("process", "started").OK() }
