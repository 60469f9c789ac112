-- collector_runs: one row per collector pass (DB.InsertCollectorRuns), for
-- freshness, items per hour, errors and API quota on the Sumber dashboard
-- and for the collector-health alerts. quota_remaining is -1 when the
-- source reports no quota.
CREATE TABLE IF NOT EXISTS ${db}.collector_runs
(
    collector LowCardinality(String),
    source LowCardinality(String),
    started_at DateTime,
    finished_at DateTime,
    items Int64,
    dropped Int64,
    errors Int64,
    error_class LowCardinality(String),
    last_error String,
    quota_remaining Int64,
    ok UInt8
)
ENGINE = MergeTree()
PARTITION BY toYYYYMM(started_at)
ORDER BY (collector, started_at);
