-- mentions_effective: raw mentions with human corrections applied, for
-- SQL written outside the typed layer (Grafana panels). The e_* columns
-- are the effective tags: e_sentiment, e_hostility, e_partisan, e_threat,
-- e_emotion, e_programs, e_places, e_breach. Always filter on posted_at:
-- ClickHouse 24+ pushes the filter into the view; 18.16 does not (there,
-- use it only on small data, e.g. tests).
CREATE VIEW IF NOT EXISTS ${db}.mentions_effective
AS SELECT
    id, source, channel, url, author_id, author_handle, author_name, author_kind, author_org, author_level,
    title, text, lang, posted_at, collected_at, parent_id, query,
    likes, replies, shares, views,
    sentiment, hostility, hostility_target, hostility_categories, threat, emotion,
    political, partisan, stance, actors, programs, institutions, places,
    neutrality_breach, breach_unverified, needs_review, model, ingested_at,
    if(has_sentiment = 1, c_sentiment, toString(sentiment)) AS e_sentiment,
    if(has_hostility = 1, c_hostility, toString(hostility)) AS e_hostility,
    if(has_partisan = 1, c_partisan, partisan) AS e_partisan,
    if(has_threat = 1, c_threat, threat) AS e_threat,
    if(has_emotion = 1, c_emotion, toString(emotion)) AS e_emotion,
    if(has_programs = 1, c_programs, programs) AS e_programs,
    if(has_places = 1, c_places, places) AS e_places,
    if(has_partisan = 1, toUInt8(c_partisan = 1 AND author_kind = 'government'), neutrality_breach) AS e_breach
FROM ${db}.mentions
ANY LEFT JOIN
(
    SELECT id, has_sentiment, sentiment AS c_sentiment, has_hostility, hostility AS c_hostility,
        has_partisan, partisan AS c_partisan, has_threat, threat AS c_threat, has_emotion, emotion AS c_emotion,
        has_programs, programs AS c_programs, has_places, places AS c_places
    FROM ${db}.label_overrides
) USING id;
