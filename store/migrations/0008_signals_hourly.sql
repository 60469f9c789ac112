-- signals_hourly: per hour and scope, the counts that alerts and most
-- dashboard panels need, so that spike baselines (28 days x every program
-- and place) and trends of the whole city, one program or one place read a
-- few thousand rows. hostile = abusive + hate.
-- scope is 'all', 'program:<id>' or 'place:<id>' (program:'' and place:''
-- are written as 'program:(lainnya)' and 'place:(tanpa lokasi)'); each
-- mention counts once per scope. Gated like the rollups of 0002.
CREATE TABLE IF NOT EXISTS ${db}.signals_hourly
(
    hour DateTime,
    scope LowCardinality(String),
    total Int64,
    positive Int64,
    neutral Int64,
    negative Int64,
    abusive Int64,
    hate Int64,
    hostile Int64,
    political Int64,
    partisan Int64,
    threats Int64,
    breaches Int64,
    engagement Int64,
    views Int64
)
ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, scope);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.signals_hourly_mv TO ${db}.signals_hourly
AS SELECT
    toStartOfHour(posted_at) AS hour,
    CAST(arrayJoin(arrayConcat(['all'],
        arrayMap(p -> concat('program:', p), if(empty(programs), ['(lainnya)'], programs)),
        arrayMap(p -> concat('place:', p), if(empty(places), ['(tanpa lokasi)'], places)))) AS LowCardinality(String)) AS scope,
    toInt64(uniqExact(id)) AS total,
    toInt64(uniqExactIf(id, sentiment = 'positive')) AS positive,
    toInt64(uniqExactIf(id, sentiment = 'neutral')) AS neutral,
    toInt64(uniqExactIf(id, sentiment = 'negative')) AS negative,
    toInt64(uniqExactIf(id, hostility = 'abusive')) AS abusive,
    toInt64(uniqExactIf(id, hostility = 'hate')) AS hate,
    toInt64(uniqExactIf(id, hostility IN ('abusive', 'hate'))) AS hostile,
    toInt64(uniqExactIf(id, political = 1)) AS political,
    toInt64(uniqExactIf(id, partisan = 1)) AS partisan,
    toInt64(uniqExactIf(id, threat = 1)) AS threats,
    toInt64(uniqExactIf(id, neutrality_breach = 1)) AS breaches,
    sum(likes + replies + shares) AS engagement,
    sum(views) AS views
FROM ${db}.mentions
ANY LEFT JOIN ${db}.rollup_seen USING seen_h
WHERE (first_insert = 0 OR first_insert = if(insert_id = 0, toUInt64(toUInt32(ingested_at)), insert_id))
GROUP BY hour, scope;
