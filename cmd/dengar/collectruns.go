package main

import (
	"github.com/dengar-id/dengar/ingest"
	"github.com/dengar-id/dengar/store"
)

// recordPasses returns an ingest on-pass hook that records every collector
// pass in ClickHouse's collector_runs table, which feeds the Sumber
// dashboard, the report's collector-gap notes and stale-collector alerts.
// The recorder queues it: a ClickHouse outage neither holds collection
// up nor loses the pass (run rec.Run beside the collectors).
func recordPasses(rec *store.RunRecorder) func(ingest.PassReport) {
	return func(p ingest.PassReport) { rec.Record(collectorRun(p)) }
}

func collectorRun(p ingest.PassReport) store.CollectorRun {
	var dropped int64
	for _, n := range p.Dropped {
		dropped += int64(n)
	}
	run := store.CollectorRun{
		Collector: p.Collector, Source: p.Source, StartedAt: p.Start, FinishedAt: p.End,
		Items: int64(p.Emitted), Dropped: dropped, ErrorClass: p.ErrorClass, LastError: p.Error,
		QuotaRemaining: -1, OK: p.OK(),
	}
	if !p.OK() {
		run.Errors = 1
	}
	return run
}
