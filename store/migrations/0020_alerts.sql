-- Alerts raised by the alert stage. One row per version of an alert (opened,
-- updated, resolved); ReplacingMergeTree(version) keeps the latest. The id
-- is stable for the life of one spike; breach alerts use
-- "breach:<mention id>", so a breach is never alerted twice.
CREATE TABLE IF NOT EXISTS ${db}.alerts
(
    id String,
    key String,
    family LowCardinality(String),
    signals Array(String),
    scope_kind LowCardinality(String),
    scope_id String,
    related_scopes Array(String),
    state LowCardinality(String),
    severity LowCardinality(String),
    opened_at DateTime,
    updated_at DateTime,
    resolved_at DateTime,
    window_from DateTime,
    window_to DateTime,
    observed Float64,
    expected Float64,
    ratio Float64,
    score Float64,
    baseline LowCardinality(String),
    mention_id String,
    title String,
    summary String,
    explanation String,
    grafana_url String,
    version UInt32
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(opened_at)
ORDER BY id;

-- Delivery log of alert notifications: an append-only row per delivery
-- attempt. The outbox is the latest row per delivery_id (argMax by attempt):
-- state pending (to retry at next_attempt_at), sent or failed (permanent
-- error, kept for the operator). The payload is written with attempt 0.
CREATE TABLE IF NOT EXISTS ${db}.alert_deliveries
(
    delivery_id String,
    alert_id String,
    alert_version UInt32,
    channel LowCardinality(String),
    attempt UInt32,
    state LowCardinality(String),
    error String,
    payload String,
    created_at DateTime,
    attempted_at DateTime,
    next_attempt_at DateTime
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(created_at)
ORDER BY (delivery_id, attempt);
