-- A bounded duplicate gate for the rollups (issue #25).
--
-- Until now the rollup views counted a mention on its first insert only
-- through rollup_seen (0002), a Join table of every id ever inserted: it
-- lived in RAM and grew with all history, and retention never pruned it.
--
-- The gate is now the mentions table itself, which retention prunes. The
-- writer (store/gate.go, called by every insert of new mentions) looks up
-- the batch's (hour, id) pairs in mentions, through its sorting key
-- (toStartOfHour(posted_at), id), before it inserts, and writes
-- counted = 1 on the rows the rollups count: an id not stored yet, once
-- per batch, posted in a month the gate still covers. The views below
-- count only those rows (WHERE counted = 1, no join). A redelivery or a
-- re-collection finds its id stored and is written with counted = 0; a
-- mention arriving late for an old day is counted on that day when it
-- first arrives. `dengar retag` writes its new versions with counted = 0
-- and moves the rollups through retag_log (0024), as before.
-- counted says what one insert counted: once the ReplacingMergeTree merges
-- the versions of an id, the one kept may be a later, uncounted one.
--
-- Bounds. What the gate remembers is exactly what retention keeps: the
-- monthly partitions of mentions (`dengar store retain`, raw_months). So
-- that an id whose month was dropped cannot be counted a second time,
-- retention first raises gate_horizon to the first month it keeps, then
-- drops the older partitions; the writer reads the horizon after its
-- look-up and counts no mention posted before it (such a mention is
-- outside raw retention; it is stored until the next retention run, and
-- no rollup counts it). Until the first retention run after this
-- migration there is no horizon: a redelivered mention of a month dropped
-- earlier would be counted again. Two concurrent inserts of one id (two
-- sinks during a rebalance) may both count, as with rollup_seen. An id
-- whose posted hour changes between two deliveries is a new row for the
-- gate, as it is for the ReplacingMergeTree.
--
-- Upgrading: run `dengar migrate` with the sinks stopped (deploy/ runs it
-- before the roles): rows inserted by an older sink (counted = 0) or
-- while a view below is being replaced are not counted.
ALTER TABLE ${db}.mentions ADD COLUMN counted UInt8;

-- retag_stage was created AS mentions (0024): the same columns.
ALTER TABLE ${db}.retag_stage ADD COLUMN counted UInt8;

-- gate_horizon: month (YYYYMM) is the first month whose mentions the gate
-- covers; the largest row holds. Written by retention only.
CREATE TABLE IF NOT EXISTS ${db}.gate_horizon
(
    month UInt32,
    set_at DateTime
)
ENGINE = ReplacingMergeTree(set_at)
ORDER BY month;

-- The gated views of 0002, 0006 and 0008, without the join, and with
-- count()/countIf() where they had uniqExact(id): the writer marks at most
-- one row per id of an insert counted, and a mention's programs and
-- places are distinct ids (the analyzer's attribution; the writer drops
-- repeats), so each group sees a counted mention once. A hash set of ids
-- per group and metric was a third of these views' cost per row.
DROP TABLE IF EXISTS ${db}.mentions_hourly_mv;
CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.mentions_hourly_mv TO ${db}.mentions_hourly
AS SELECT
    toStartOfHour(posted_at) AS hour,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    source, author_kind, sentiment, hostility, partisan,
    toInt64(count()) AS mentions,
    toInt64(countIf(political = 1)) AS political,
    toInt64(countIf(threat = 1)) AS threats,
    toInt64(countIf(neutrality_breach = 1)) AS breaches,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views,
    uniqState(author_id) AS authors
FROM ${db}.mentions
WHERE counted = 1
GROUP BY hour, program, first_program, source, author_kind, sentiment, hostility, partisan;

DROP TABLE IF EXISTS ${db}.mentions_daily_mv;
CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.mentions_daily_mv TO ${db}.mentions_daily
AS SELECT
    toDate(posted_at, 'Asia/Makassar') AS day,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    source, author_kind, sentiment, hostility, partisan,
    toInt64(count()) AS mentions,
    toInt64(countIf(political = 1)) AS political,
    toInt64(countIf(threat = 1)) AS threats,
    toInt64(countIf(neutrality_breach = 1)) AS breaches,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views,
    uniqState(author_id) AS authors
FROM ${db}.mentions
WHERE counted = 1
GROUP BY day, program, first_program, source, author_kind, sentiment, hostility, partisan;

DROP TABLE IF EXISTS ${db}.places_hourly_mv;
CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.places_hourly_mv TO ${db}.places_hourly
AS SELECT
    toStartOfHour(posted_at) AS hour,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(places), [''], places), arrayEnumerate(if(empty(places), [''], places)))), 1) AS LowCardinality(String)) AS place,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(places), [''], places), arrayEnumerate(if(empty(places), [''], places)))), 2) = 1) AS first_place,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    sentiment, hostility, partisan,
    toInt64(count()) AS mentions,
    toInt64(countIf(political = 1)) AS political,
    toInt64(countIf(threat = 1)) AS threats,
    toInt64(countIf(neutrality_breach = 1)) AS breaches,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views,
    uniqState(author_id) AS authors
FROM ${db}.mentions
WHERE counted = 1
GROUP BY hour, place, first_place, program, first_program, sentiment, hostility, partisan;

DROP TABLE IF EXISTS ${db}.accounts_daily_mv;
CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.accounts_daily_mv TO ${db}.accounts_daily
AS SELECT
    toDate(posted_at, 'Asia/Makassar') AS day,
    source, author_id, author_kind,
    toInt64(count()) AS mentions,
    toInt64(countIf(hostility IN ('abusive', 'hate'))) AS hostile,
    toInt64(countIf(sentiment = 'negative')) AS negative,
    toInt64(countIf(partisan = 1)) AS partisan,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views
FROM ${db}.mentions
WHERE author_id != '' AND counted = 1
GROUP BY day, source, author_id, author_kind;

DROP TABLE IF EXISTS ${db}.terms_daily_mv;
CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.terms_daily_mv TO ${db}.terms_daily
AS SELECT
    toDate(posted_at, 'Asia/Makassar') AS day,
    CAST(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 1) AS LowCardinality(String)) AS program,
    toUInt8(tupleElement(arrayJoin(arrayMap((p, i) -> (p, i), if(empty(programs), [''], programs), arrayEnumerate(if(empty(programs), [''], programs)))), 2) = 1) AS first_program,
    arrayJoin(arrayFilter(t -> lengthUTF8(t) >= 3 AND NOT match(t, '^[0-9_]+$'), arrayDistinct(extractAll(lowerUTF8(concat(title, ' ', text)), '#?[a-z0-9_]+')))) AS term,
    toInt64(count()) AS mentions
FROM ${db}.mentions
WHERE counted = 1
GROUP BY day, program, first_program, term;

DROP TABLE IF EXISTS ${db}.signals_hourly_mv;
CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.signals_hourly_mv TO ${db}.signals_hourly
AS SELECT
    toStartOfHour(posted_at) AS hour,
    CAST(arrayJoin(arrayConcat(['all'],
        arrayMap(p -> concat('program:', p), if(empty(programs), ['(lainnya)'], programs)),
        arrayMap(p -> concat('place:', p), if(empty(places), ['(tanpa lokasi)'], places)))) AS LowCardinality(String)) AS scope,
    toInt64(count()) AS total,
    toInt64(countIf(sentiment = 'positive')) AS positive,
    toInt64(countIf(sentiment = 'neutral')) AS neutral,
    toInt64(countIf(sentiment = 'negative')) AS negative,
    toInt64(countIf(hostility = 'abusive')) AS abusive,
    toInt64(countIf(hostility = 'hate')) AS hate,
    toInt64(countIf(hostility IN ('abusive', 'hate'))) AS hostile,
    toInt64(countIf(political = 1)) AS political,
    toInt64(countIf(partisan = 1)) AS partisan,
    toInt64(countIf(threat = 1)) AS threats,
    toInt64(countIf(neutrality_breach = 1)) AS breaches,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views
FROM ${db}.mentions
WHERE counted = 1
GROUP BY hour, scope;

DROP TABLE IF EXISTS ${db}.rollup_seen_mv;

DROP TABLE IF EXISTS ${db}.rollup_seen;
