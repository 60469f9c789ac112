package ingest

import (
	"encoding/json"
	"net/http"
)

// HealthHandler serves the runner's per-collector health as JSON: 200 when
// every collector is fresh, 503 when one is stale (for a probe or an
// alerting check). Mount it, e.g., on /healthz/collectors.
func (r *Runner) HealthHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hs := r.Health()
		status := http.StatusOK
		for _, h := range hs {
			if h.Stale {
				status = http.StatusServiceUnavailable
			}
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]any{"collectors": hs})
	})
}
