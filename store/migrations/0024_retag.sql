-- Re-tagging the history (`dengar retag`, store/retag.go).
--
-- A re-tag writes a new version of each mention (the current models'
-- labels, `model` naming them) into mentions; the rollup views of 0002,
-- 0006 and 0008 do not count it again (rollup_seen gates every id on its
-- first insert). The rollups move instead through retag_log: for every
-- mention whose effective labels (human corrections on top, readmodel.go)
-- change, a sign = -1 row with the old labels and a sign = +1 row with the
-- new ones. One INSERT into retag_log is one step of a re-tag run, and the
-- views below carry it into every rollup that corrections adjust
-- (mentions_hourly, mentions_daily, places_hourly, signals_hourly,
-- accounts_daily): a logged (run, id) is never logged again, so a resumed
-- run never moves a mention twice. Not adjusted, as for corrections:
-- unique authors and terms_daily (terms do not depend on the models).
CREATE TABLE IF NOT EXISTS ${db}.retag_log
(
    run String,
    id String,
    sign Int8,
    posted_at DateTime,
    source LowCardinality(String),
    author_kind LowCardinality(String),
    author_id String,
    sentiment LowCardinality(String),
    hostility LowCardinality(String),
    partisan UInt8,
    threat UInt8,
    political UInt8,
    neutrality_breach UInt8,
    programs Array(String),
    places Array(String),
    engagement Int64,
    views Int64,
    model LowCardinality(String),
    logged_at DateTime
)
ENGINE = MergeTree()
PARTITION BY toYYYYMM(posted_at)
ORDER BY (run, toStartOfHour(posted_at), id);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.mentions_hourly_retag_mv TO ${db}.mentions_hourly
AS SELECT
    toStartOfHour(posted_at) AS hour,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    source, author_kind, sentiment, hostility, partisan,
    toInt64(sum(sign)) AS mentions,
    toInt64(sum(sign * political)) AS political,
    toInt64(sum(sign * threat)) AS threats,
    toInt64(sum(sign * neutrality_breach)) AS breaches,
    toInt64(sum(sign * engagement)) AS engagement,
    toInt64(sum(sign * views)) AS views,
    -- unique authors are not adjusted: an empty state
    uniqStateIf(author_id, sign = 0) AS authors
FROM ${db}.retag_log
GROUP BY hour, program, first_program, source, author_kind, sentiment, hostility, partisan;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.mentions_daily_retag_mv TO ${db}.mentions_daily
AS SELECT
    toDate(posted_at, 'Asia/Makassar') AS day,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    source, author_kind, sentiment, hostility, partisan,
    toInt64(sum(sign)) AS mentions,
    toInt64(sum(sign * political)) AS political,
    toInt64(sum(sign * threat)) AS threats,
    toInt64(sum(sign * neutrality_breach)) AS breaches,
    toInt64(sum(sign * engagement)) AS engagement,
    toInt64(sum(sign * views)) AS views,
    -- unique authors are not adjusted: an empty state
    uniqStateIf(author_id, sign = 0) AS authors
FROM ${db}.retag_log
GROUP BY day, program, first_program, source, author_kind, sentiment, hostility, partisan;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.places_hourly_retag_mv TO ${db}.places_hourly
AS SELECT
    toStartOfHour(posted_at) AS hour,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(places), [''], places), arrayEnumerate(if(empty(places), [''], places)))), 1) AS LowCardinality(String)) AS place,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(places), [''], places), arrayEnumerate(if(empty(places), [''], places)))), 2) = 1) AS first_place,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    sentiment, hostility, partisan,
    toInt64(sum(sign)) AS mentions,
    toInt64(sum(sign * political)) AS political,
    toInt64(sum(sign * threat)) AS threats,
    toInt64(sum(sign * neutrality_breach)) AS breaches,
    toInt64(sum(sign * engagement)) AS engagement,
    toInt64(sum(sign * views)) AS views,
    -- unique authors are not adjusted: an empty state
    uniqStateIf(author_id, sign = 0) AS authors
FROM ${db}.retag_log
GROUP BY hour, place, first_place, program, first_program, sentiment, hostility, partisan;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.signals_hourly_retag_mv TO ${db}.signals_hourly
AS SELECT
    toStartOfHour(posted_at) AS hour,
    CAST(arrayJoin(arrayConcat(['all'],
        arrayMap(p -> concat('program:', p), if(empty(programs), ['(lainnya)'], programs)),
        arrayMap(p -> concat('place:', p), if(empty(places), ['(tanpa lokasi)'], places)))) AS LowCardinality(String)) AS scope,
    toInt64(sum(sign)) AS total,
    toInt64(sum(sign * (sentiment = 'positive'))) AS positive,
    toInt64(sum(sign * (sentiment = 'neutral'))) AS neutral,
    toInt64(sum(sign * (sentiment = 'negative'))) AS negative,
    toInt64(sum(sign * (hostility = 'abusive'))) AS abusive,
    toInt64(sum(sign * (hostility = 'hate'))) AS hate,
    toInt64(sum(sign * (hostility IN ('abusive', 'hate')))) AS hostile,
    toInt64(sum(sign * political)) AS political,
    toInt64(sum(sign * partisan)) AS partisan,
    toInt64(sum(sign * threat)) AS threats,
    toInt64(sum(sign * neutrality_breach)) AS breaches,
    toInt64(sum(sign * engagement)) AS engagement,
    toInt64(sum(sign * views)) AS views
FROM ${db}.retag_log
GROUP BY hour, scope;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.accounts_daily_retag_mv TO ${db}.accounts_daily
AS SELECT
    toDate(posted_at, 'Asia/Makassar') AS day,
    source, author_id, author_kind,
    toInt64(sum(sign)) AS mentions,
    toInt64(sum(sign * (hostility IN ('abusive', 'hate')))) AS hostile,
    toInt64(sum(sign * (sentiment = 'negative'))) AS negative,
    toInt64(sum(sign * partisan)) AS partisan,
    toInt64(sum(sign * engagement)) AS engagement,
    toInt64(sum(sign * views)) AS views
FROM ${db}.retag_log
WHERE author_id != ''
GROUP BY day, source, author_id, author_kind;

-- retag_stage holds a re-tag step's new versions before they replace the
-- stored ones, so that their effective labels are read through the one
-- read model (readmodel.go) like every other reader's. Rows of one step
-- share an insert_id, their partition, which the step drops when done.
CREATE TABLE IF NOT EXISTS ${db}.retag_stage AS ${db}.mentions
ENGINE = MergeTree()
PARTITION BY insert_id
ORDER BY (insert_id, id);
