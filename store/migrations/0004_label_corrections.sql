-- label_corrections: human corrections of the model's tags. A correction
-- of (mention_id, field) overrides the model's value everywhere it is
-- shown: typed queries read mentions through the overrides, and the
-- rollups receive -1/+1 rows when a correction is added (DB.AddCorrections).
-- field is one of sentiment | hostility | partisan | emotion | programs |
-- places | threat; programs and places hold a comma-separated list;
-- partisan and threat hold 0 or 1. The newest correction of a field wins.
-- previous is the effective value before the correction (audit trail).
CREATE TABLE IF NOT EXISTS ${db}.label_corrections
(
    mention_id String,
    field LowCardinality(String),
    value String,
    previous String,
    posted_at DateTime,
    corrected_by String,
    corrected_at DateTime,
    note String
)
ENGINE = ReplacingMergeTree(corrected_at)
ORDER BY (mention_id, field);

-- label_overrides: the newest correction per mention, one row per mention,
-- with has_<field> = 1 where that field is corrected. Panels LEFT JOIN it
-- on id: if(o.has_sentiment, o.sentiment, m.sentiment).
CREATE VIEW IF NOT EXISTS ${db}.label_overrides
AS SELECT
    mention_id AS id,
    max(field = 'sentiment') AS has_sentiment,
    argMaxIf(value, corrected_at, field = 'sentiment') AS sentiment,
    max(field = 'hostility') AS has_hostility,
    argMaxIf(value, corrected_at, field = 'hostility') AS hostility,
    max(field = 'partisan') AS has_partisan,
    toUInt8(argMaxIf(value, corrected_at, field = 'partisan') = '1') AS partisan,
    max(field = 'threat') AS has_threat,
    toUInt8(argMaxIf(value, corrected_at, field = 'threat') = '1') AS threat,
    max(field = 'emotion') AS has_emotion,
    argMaxIf(value, corrected_at, field = 'emotion') AS emotion,
    max(field = 'programs') AS has_programs,
    arrayFilter(x -> x != '', splitByChar(',', argMaxIf(value, corrected_at, field = 'programs'))) AS programs,
    max(field = 'places') AS has_places,
    arrayFilter(x -> x != '', splitByChar(',', argMaxIf(value, corrected_at, field = 'places'))) AS places
FROM ${db}.label_corrections
GROUP BY mention_id;
