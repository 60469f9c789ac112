-- Rollups maintained by materialized views, so dashboards, reports and
-- alerts never scan raw mentions for trends.
--
-- Duplicates. Delivery is at-least-once and collectors re-collect, so the
-- same mention id reaches `mentions` more than once. The ReplacingMergeTree
-- absorbs that for raw rows, but a materialized view sees every insert.
-- The rollups therefore count a mention only on its FIRST insert:
-- rollup_seen, a Join table (seen_h = cityHash64(id) -> stamp of the first
-- insert), is the gate, joined by every rollup view with
-- ANY LEFT JOIN rollup_seen USING seen_h (seen_h is a MATERIALIZED column
-- of mentions, so the views see it). A row passes when its id is unseen
-- (first_insert = 0) or was first seen by this very insert (the stamp is
-- mentions.insert_id, random per InsertMentions call; rows written without
-- it fall back to their ingested_at second). The order in which ClickHouse
-- runs the views does not matter. A later redelivery or re-collection has
-- another stamp and is not counted again; rollup_seen persists across
-- restarts. Inside one insert block counts use uniqExact(id), so a batch
-- holding one id twice still counts it once (engagement sums would count
-- it twice; the sink never builds such batches from distinct Kafka records
-- except on producer retries).
-- Bounds: two concurrent inserts of one id may both count; tags and
-- engagement in the rollups are those of the first version (human
-- corrections are applied as -1/+1 rows, see label_corrections).
ALTER TABLE ${db}.mentions ADD COLUMN insert_id UInt64;

ALTER TABLE ${db}.mentions ADD COLUMN seen_h UInt64 MATERIALIZED cityHash64(id);

CREATE TABLE IF NOT EXISTS ${db}.rollup_seen
(
    seen_h UInt64,
    first_insert UInt64
)
ENGINE = Join(ANY, LEFT, seen_h);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.rollup_seen_mv TO ${db}.rollup_seen
AS SELECT seen_h, if(insert_id = 0, toUInt64(toUInt32(ingested_at)), insert_id) AS first_insert
FROM ${db}.mentions;

-- mentions_hourly: one row per hour x program x source x author_kind x
-- sentiment x hostility x partisan. A mention with several programs has a
-- row per program; one without program is under program ''. Exactly one of
-- a mention's rows has first_program = 1: filter on it to count mentions
-- across programs without double counting. Counts are Int64 because
-- corrections write -1 rows. authors is a uniq state (uniqMerge(authors)).
-- mentions_daily has the same columns with `day Date` instead of `hour`,
-- for ranges of weeks and months; days are local dates of Samarinda (WITA,
-- Asia/Makassar, UTC+8): toDateTime(day, 'Asia/Makassar') is the day's start.
CREATE TABLE IF NOT EXISTS ${db}.mentions_hourly
(
    hour DateTime,
    program LowCardinality(String),
    first_program UInt8,
    source LowCardinality(String),
    author_kind LowCardinality(String),
    sentiment LowCardinality(String),
    hostility LowCardinality(String),
    partisan UInt8,
    mentions Int64,
    political Int64,
    threats Int64,
    breaches Int64,
    engagement Int64,
    views Int64,
    authors AggregateFunction(uniq, String)
)
ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, program, first_program, source, author_kind, sentiment, hostility, partisan);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.mentions_hourly_mv TO ${db}.mentions_hourly
AS SELECT
    toStartOfHour(posted_at) AS hour,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    source, author_kind, sentiment, hostility, partisan,
    toInt64(uniqExact(id)) AS mentions,
    toInt64(uniqExactIf(id, political = 1)) AS political,
    toInt64(uniqExactIf(id, threat = 1)) AS threats,
    toInt64(uniqExactIf(id, neutrality_breach = 1)) AS breaches,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views,
    uniqState(author_id) AS authors
FROM ${db}.mentions
ANY LEFT JOIN ${db}.rollup_seen USING seen_h
WHERE (first_insert = 0 OR first_insert = if(insert_id = 0, toUInt64(toUInt32(ingested_at)), insert_id))
GROUP BY hour, program, first_program, source, author_kind, sentiment, hostility, partisan;

CREATE TABLE IF NOT EXISTS ${db}.mentions_daily
(
    day Date,
    program LowCardinality(String),
    first_program UInt8,
    source LowCardinality(String),
    author_kind LowCardinality(String),
    sentiment LowCardinality(String),
    hostility LowCardinality(String),
    partisan UInt8,
    mentions Int64,
    political Int64,
    threats Int64,
    breaches Int64,
    engagement Int64,
    views Int64,
    authors AggregateFunction(uniq, String)
)
ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(day)
ORDER BY (day, program, first_program, source, author_kind, sentiment, hostility, partisan);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.mentions_daily_mv TO ${db}.mentions_daily
AS SELECT
    toDate(posted_at, 'Asia/Makassar') AS day,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    source, author_kind, sentiment, hostility, partisan,
    toInt64(uniqExact(id)) AS mentions,
    toInt64(uniqExactIf(id, political = 1)) AS political,
    toInt64(uniqExactIf(id, threat = 1)) AS threats,
    toInt64(uniqExactIf(id, neutrality_breach = 1)) AS breaches,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views,
    uniqState(author_id) AS authors
FROM ${db}.mentions
ANY LEFT JOIN ${db}.rollup_seen USING seen_h
WHERE (first_insert = 0 OR first_insert = if(insert_id = 0, toUInt64(toUInt32(ingested_at)), insert_id))
GROUP BY day, program, first_program, source, author_kind, sentiment, hostility, partisan;

-- places_hourly: one row per hour x place x program x sentiment x hostility
-- x partisan (the "per kecamatan" scope of alerts and dashboards). A
-- mention has a row per (place, program) pair; place '' = no place.
-- first_place = 1 on the rows of its first place, first_program = 1 on the
-- rows of its first program: per place over all programs filter
-- first_program = 1; per program over all places filter first_place = 1.
CREATE TABLE IF NOT EXISTS ${db}.places_hourly
(
    hour DateTime,
    place LowCardinality(String),
    first_place UInt8,
    program LowCardinality(String),
    first_program UInt8,
    sentiment LowCardinality(String),
    hostility LowCardinality(String),
    partisan UInt8,
    mentions Int64,
    political Int64,
    threats Int64,
    breaches Int64,
    engagement Int64,
    views Int64,
    authors AggregateFunction(uniq, String)
)
ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, place, first_place, program, first_program, sentiment, hostility, partisan);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.places_hourly_mv TO ${db}.places_hourly
AS SELECT
    toStartOfHour(posted_at) AS hour,
    -- two arrayJoin calls: the cartesian product of places and programs;
    -- each identical arrayJoin expression is evaluated once (ClickHouse's
    -- documented common-subexpression behaviour of arrayJoin).
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(places), [''], places), arrayEnumerate(if(empty(places), [''], places)))), 1) AS LowCardinality(String)) AS place,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(places), [''], places), arrayEnumerate(if(empty(places), [''], places)))), 2) = 1) AS first_place,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    sentiment, hostility, partisan,
    toInt64(uniqExact(id)) AS mentions,
    toInt64(uniqExactIf(id, political = 1)) AS political,
    toInt64(uniqExactIf(id, threat = 1)) AS threats,
    toInt64(uniqExactIf(id, neutrality_breach = 1)) AS breaches,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views,
    uniqState(author_id) AS authors
FROM ${db}.mentions
ANY LEFT JOIN ${db}.rollup_seen USING seen_h
WHERE (first_insert = 0 OR first_insert = if(insert_id = 0, toUInt64(toUInt32(ingested_at)), insert_id))
GROUP BY hour, place, first_place, program, first_program, sentiment, hostility, partisan;
