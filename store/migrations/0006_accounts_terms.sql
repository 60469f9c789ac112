-- accounts_daily and terms_daily: two more rollups, gated like those of
-- 0002 (a mention counts on its first insert only), so that "top
-- accounts" and "(rising) terms" never tokenise or group raw mentions.
-- accounts_daily: per local day (WITA) x source x author: mentions,
-- engagement, views and tag counts. Names and handles come from authors.
CREATE TABLE IF NOT EXISTS ${db}.accounts_daily
(
    day Date,
    source LowCardinality(String),
    author_id String,
    author_kind LowCardinality(String),
    mentions Int64,
    hostile Int64,
    negative Int64,
    partisan Int64,
    engagement Int64,
    views Int64
)
ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(day)
ORDER BY (day, source, author_id, author_kind);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.accounts_daily_mv TO ${db}.accounts_daily
AS SELECT
    toDate(posted_at, 'Asia/Makassar') AS day,
    source, author_id, author_kind,
    toInt64(uniqExact(id)) AS mentions,
    toInt64(uniqExactIf(id, hostility IN ('abusive', 'hate'))) AS hostile,
    toInt64(uniqExactIf(id, sentiment = 'negative')) AS negative,
    toInt64(uniqExactIf(id, partisan = 1)) AS partisan,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views
FROM ${db}.mentions
ANY LEFT JOIN ${db}.rollup_seen USING seen_h
WHERE author_id != '' AND (first_insert = 0 OR first_insert = if(insert_id = 0, toUInt64(toUInt32(ingested_at)), insert_id))
GROUP BY day, source, author_id, author_kind;

-- terms_daily: per local day x program x term, the mentions using the
-- term (lower-cased words of 3+ characters and #hashtags of title and
-- text, each counted once per mention). first_program = 1 on the rows of
-- a mention's first program (filter on it to count across programs).
-- Stopwords are removed at query time.
CREATE TABLE IF NOT EXISTS ${db}.terms_daily
(
    day Date,
    program LowCardinality(String),
    first_program UInt8,
    term String,
    mentions Int64
)
ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(day)
ORDER BY (day, program, first_program, term);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.terms_daily_mv TO ${db}.terms_daily
AS SELECT
    toDate(posted_at, 'Asia/Makassar') AS day,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    arrayJoin(arrayFilter(t -> lengthUTF8(t) >= 3 AND NOT match(t, '^[0-9_]+$'), arrayDistinct(extractAll(lowerUTF8(concat(title, ' ', text)), '#?[a-z0-9_]+')))) AS term,
    toInt64(uniqExact(id)) AS mentions
FROM ${db}.mentions
ANY LEFT JOIN ${db}.rollup_seen USING seen_h
WHERE (first_insert = 0 OR first_insert = if(insert_id = 0, toUInt64(toUInt32(ingested_at)), insert_id))
GROUP BY day, program, first_program, term;
