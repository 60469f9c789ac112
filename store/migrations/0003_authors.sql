-- authors: the latest snapshot of every author per source, kept by a
-- materialized view over mentions (ids and handles of citizens are already
-- pseudonymised by the sink). ReplacingMergeTree keeps the row with the
-- newest seen_at; read it with FINAL or argMax.
CREATE TABLE IF NOT EXISTS ${db}.authors
(
    source LowCardinality(String),
    author_id String,
    handle String,
    name String,
    kind LowCardinality(String),
    org String,
    level LowCardinality(String),
    followers Int64,
    posts Int64,
    verified UInt8,
    created_at DateTime,
    seen_at DateTime
)
ENGINE = ReplacingMergeTree(seen_at)
ORDER BY (source, author_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.authors_mv TO ${db}.authors
AS SELECT
    source, author_id,
    argMax(author_handle, collected_at) AS handle,
    argMax(author_name, collected_at) AS name,
    CAST(argMax(author_kind, collected_at) AS LowCardinality(String)) AS kind,
    argMax(author_org, collected_at) AS org,
    CAST(argMax(author_level, collected_at) AS LowCardinality(String)) AS level,
    argMax(author_followers, collected_at) AS followers,
    argMax(author_posts, collected_at) AS posts,
    argMax(author_verified, collected_at) AS verified,
    argMax(author_created_at, collected_at) AS created_at,
    max(collected_at) AS seen_at
FROM ${db}.mentions
WHERE author_id != ''
GROUP BY source, author_id;
