package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/dengar-id/dengar/clock"
	"github.com/dengar-id/dengar/store"
)

// retainDaily applies the retention section once at start and then every
// 24 hours, for single-machine `dengar run` (clusters schedule `dengar
// store retain` as a CronJob instead).
func retainDaily(cfg *appConfig, db *store.DB) func(context.Context) error {
	return func(ctx context.Context) error {
		rc := cfg.Retention
		t := time.NewTimer(time.Minute) // let the other roles start first
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
			}
			dropped, err := db.Retain(ctx, clock.Now(), rc, false)
			if err != nil {
				slog.Warn("retention failed; will retry tomorrow", "err", err)
			} else if len(dropped) > 0 {
				slog.Info("retention dropped old partitions", "partitions", len(dropped))
			}
			t.Reset(24 * time.Hour)
		}
	}
}
