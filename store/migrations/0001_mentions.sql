-- Raw and tagged mentions, one row per mention version. ReplacingMergeTree
-- keeps the latest ingested version of each id (at-least-once delivery and
-- re-collection both write duplicates). The sorting key holds only what is
-- stable for an id (posted_at, id), so duplicates always merge; program
-- filters go through the rollups and mention_programs.
CREATE TABLE IF NOT EXISTS ${db}.mentions
(
    id String,
    source LowCardinality(String),
    channel String,
    url String,
    author_id String,
    author_handle String,
    author_name String,
    author_kind LowCardinality(String),
    author_org String,
    author_level LowCardinality(String),
    author_followers Int64,
    author_posts Int64,
    author_verified UInt8,
    author_created_at DateTime,
    title String,
    text String,
    lang LowCardinality(String),
    posted_at DateTime,
    collected_at DateTime,
    parent_id String,
    story_id String,
    query String,
    likes Int64,
    replies Int64,
    shares Int64,
    views Int64,
    sentiment LowCardinality(String),
    sentiment_score Float32,
    sentiment_confidence Float32,
    hostility LowCardinality(String),
    hostility_score Float32,
    hostility_target LowCardinality(String),
    hostility_categories Array(String),
    hostility_strength LowCardinality(String),
    threat UInt8,
    emotion LowCardinality(String),
    political UInt8,
    partisan UInt8,
    stance LowCardinality(String),
    actors Array(String),
    cues Array(String),
    programs Array(String),
    institutions Array(String),
    places Array(String),
    neutrality_breach UInt8,
    breach_unverified UInt8,
    needs_review UInt8,
    model LowCardinality(String),
    ingested_at DateTime
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(posted_at)
ORDER BY (toStartOfHour(posted_at), id)
SETTINGS index_granularity = 8192;
