package dashboards

import (
	"sort"
	"strings"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/stopwords"
	"github.com/dengar-id/dengar/store"
)

// cuesID shows a breach's cues (mention.Cue: rule: "words" → actor) with
// each rule by its Indonesian label (mention.CueRules), one per line.
var cuesID = func() string {
	var ids []string
	for id := range mention.CueRules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	labels := make([]string, len(ids))
	for i, id := range ids {
		labels[i] = mention.CueRules[id]
	}
	list := func(ss []string) string { return "['" + strings.Join(ss, "', '") + "']" }
	rule := "substring(c, 1, position(c, ': \"') - 1)"
	return "arrayStringConcat(arrayMap(c -> if(position(c, ': \"') > 0, concat(transform(" + rule + ", " + list(ids) + ", " + list(labels) + ", " + rule +
		"), substring(c, position(c, ': \"'))), c), cues), '; ')"
}()

// Variable queries (from the rollups, never the raw table).
const (
	sqlVarProgram    = `SELECT DISTINCT program FROM mentions_daily WHERE $__dateFilter(day) AND program != '' ORDER BY program`
	sqlVarSource     = `SELECT DISTINCT source FROM mentions_daily WHERE $__dateFilter(day) ORDER BY source`
	sqlVarPlace      = `SELECT DISTINCT place FROM places_hourly WHERE $__timeFilter(hour) AND place != '' ORDER BY place`
	sqlVarSourceRuns = `SELECT DISTINCT source FROM collector_runs WHERE $__timeFilter(started_at) ORDER BY source`
)

// Program modes of the rollup source.
const (
	// progOnce: $program (multi, All); with All, each mention counts once
	// (its first_program row).
	progOnce = iota
	// progEach: $program (multi, All); one row per program, '' excluded.
	progEach
	// progOne: the single-valued $program of the Program dashboard.
	progOne
)

// rollupColumns are the columns the rollup source yields.
const rollupColumns = "hour, program, source, author_kind, sentiment, hostility, partisan, mentions, political, threats, breaches, engagement, views, authors"

// rolled is a FROM source over the hourly rollups holding the rows that
// match the time range and the program, source and place variables.
// mentions_hourly answers while $place is All; places_hourly when places
// are selected (it has no source and author kind: the source filter does
// not apply then, and source and author_kind read ”).
// $__conditionalAll(0, $place) is true exactly when $place is All.
func rolled(mode int) string {
	var prog string
	switch mode {
	case progOnce:
		prog = "$__conditionalAll(program IN (${program:singlequote}), $program) AND (first_program = 1 OR NOT ($__conditionalAll(0, $program)))"
	case progEach:
		prog = "program != '' AND $__conditionalAll(program IN (${program:singlequote}), $program)"
	case progOne:
		prog = "program = ${program:singlequote}"
	}
	return `(
  SELECT ` + rollupColumns + `
  FROM mentions_hourly
  WHERE $__timeFilter(hour) AND ` + prog + `
    AND $__conditionalAll(source IN (${source:singlequote}), $source)
    AND $__conditionalAll(0, $place)
  UNION ALL
  SELECT hour, program, CAST('' AS LowCardinality(String)) AS source, CAST('' AS LowCardinality(String)) AS author_kind, sentiment, hostility, partisan, mentions, political, threats, breaches, engagement, views, authors
  FROM places_hourly
  WHERE $__timeFilter(hour) AND ` + prog + `
    AND $__conditionalAll(place IN (${place:singlequote}), $place)
    AND NOT ($__conditionalAll(0, $place))
)`
}

// Raw mentions, for lists and breakdowns the rollups do not hold, are read
// through the read model (store.Read): the effective labels, human
// corrections applied, as every other reader sees them. rawWhere filters
// on what no correction changes (time, source); scopeOnly on the
// effective programs and places.
const (
	rawWhere  = "$__timeFilter(posted_at)\n    AND $__conditionalAll(source IN (${source:singlequote}), $source)"
	scopeOnly = "$__conditionalAll(hasAny(programs, [${program:singlequote}]), $program)\n    AND $__conditionalAll(hasAny(places, [${place:singlequote}]), $place)"
)

// effective is a FROM source of the effective mentions of the range and
// the variables with cols whose labels satisfy only, read narrowly (the
// mentions whose model labels satisfy it, plus the corrected ones). Raw
// reads never use FINAL (slow over long ranges): a mention has a row per
// stored version, so lists keep one row per id with LIMIT 1 BY id and
// counts count distinct ids (or seen_h).
func effective(only string, cols ...string) string {
	return indent(store.Read{Cols: cols, Where: rawWhere, Only: only + "\n    AND " + scopeOnly}.SQL())
}

// indent shifts a subquery's lines under the line that opens it.
func indent(sql string) string { return strings.ReplaceAll(sql, "\n", "\n  ") }

// byKey restricts mentions to the rows whose primary key, (hour, id), is
// in the set sub selects: ClickHouse then reads only the granules that
// hold them, instead of the id column of the whole range.
func byKey(sub string) string {
	return "(toStartOfHour(posted_at), id) IN (" + sub + ")"
}

// Ringkasan.
var (
	sqlRingkasanTotal = `SELECT sum(mentions) AS sebutan
FROM ` + rolled(progOnce)

	sqlRingkasanAuthors = `SELECT uniqMerge(authors) AS penulis
FROM ` + rolled(progOnce)

	sqlRingkasanNegative = `SELECT sumIf(mentions, sentiment = 'negative') / greatest(sum(mentions), 1) AS porsi_negatif
FROM ` + rolled(progOnce)

	sqlRingkasanHostileShare = `SELECT sumIf(mentions, ` + hostile + `) / greatest(sum(mentions), 1) AS porsi_bermusuhan
FROM ` + rolled(progOnce)

	sqlRingkasanBreaches = `SELECT sum(breaches) AS pelanggaran
FROM ` + rolled(progOnce)

	sqlRingkasanVolume = `SELECT ` + bucket("hour") + ` AS time, if(source = '', 'semua sumber', source) AS sumber, sum(mentions) AS sebutan
FROM ` + rolled(progOnce) + `
GROUP BY time, sumber
HAVING sebutan != 0
ORDER BY time, sumber`

	sqlRingkasanSentiment = `SELECT ` + bucket("hour") + ` AS time, ` + sentimentID + ` AS sentimen, sum(mentions) AS sebutan
FROM ` + rolled(progOnce) + `
WHERE sentiment != ''
GROUP BY time, sentimen
HAVING sebutan != 0
ORDER BY time, sentimen`

	sqlRingkasanShareOfVoice = `SELECT program, sum(mentions) AS sebutan
FROM ` + rolled(progEach) + `
GROUP BY program
HAVING sebutan > 0
ORDER BY sebutan DESC, program
LIMIT 15`

	sqlRingkasanHostileTrend = `SELECT ` + bucket("hour") + ` AS time, sumIf(mentions, ` + hostile + `) / greatest(sum(mentions), 1) AS porsi_bermusuhan
FROM ` + rolled(progOnce) + `
GROUP BY time
HAVING sum(mentions) > 0
ORDER BY time`

	// Which model version tagged each day's mentions (the newest stored
	// version of each id: after `dengar retag` a period shows the new
	// version once). Program and place are the model's labels, so they do
	// not filter here; the time range and the source do.
	sqlRingkasanModels = `SELECT hari, model, count() AS sebutan
FROM (
  SELECT id, toDate(any(posted_at), 'Asia/Makassar') AS hari, if(argMax(model, ingested_at) = '', '(tanpa versi)', toString(argMax(model, ingested_at))) AS model
  FROM mentions
  WHERE ` + rawWhere + `
  GROUP BY id
)
GROUP BY hari, model
ORDER BY hari, model`

	sqlRingkasanLatestBreaches = `SELECT posted_at AS waktu, if(author_org = '', author_name, author_org) AS instansi, ` + levelID + ` AS tingkat,
  author_handle AS akun, source AS sumber, substringUTF8(text, 1, 280) AS isi, url
FROM ` + effective(breach, "posted_at", "id", "author_org", "author_name", "author_level", "author_handle", "source", "text", "url") + `
ORDER BY posted_at DESC, id
LIMIT 1 BY id
LIMIT 20`
)

// Konten bermusuhan.
var (
	// By kind: kasar and ujaran kebencian from the label, ancaman from
	// the threats of the rollup (a threat is also counted under its
	// label).
	sqlHostileVolume = `SELECT time, tupleElement(k, 1) AS jenis, tupleElement(k, 2) AS sebutan
FROM
(
  SELECT ` + bucket("hour") + ` AS time, sumIf(mentions, hostility = 'abusive') AS kasar, sumIf(mentions, hostility = 'hate') AS kebencian, sum(threats) AS ancaman
  FROM ` + indent(rolled(progOnce)) + `
  GROUP BY time
)
ARRAY JOIN [('` + mention.LabelNames[mention.HostilityAbusive] + `', kasar), ('` + mention.LabelNames[mention.HostilityHate] + `', kebencian), ('ancaman', ancaman)] AS k
WHERE sebutan != 0
ORDER BY time, jenis`

	sqlHostileThreats = `SELECT sum(threats) AS ancaman
FROM ` + rolled(progOnce)

	sqlHostileShare = `SELECT ` + bucket("hour") + ` AS time, sumIf(mentions, ` + hostile + `) / greatest(sum(mentions), 1) AS porsi_bermusuhan
FROM ` + rolled(progOnce) + `
GROUP BY time
HAVING sum(mentions) > 0
ORDER BY time`

	// Categories and targets are not rollup dimensions: they are counted
	// over the hostile mentions of the range (a small subset).
	sqlHostileCategories = `SELECT ` + categoryID + ` AS kategori, uniqExact(seen_h) AS sebutan
FROM ` + effective(hostile, "seen_h", "hostility_categories") + `
ARRAY JOIN hostility_categories AS kategori_en
GROUP BY kategori
ORDER BY sebutan DESC, kategori`

	sqlHostileTargets = `SELECT ` + targetID + ` AS sasaran, uniqExact(seen_h) AS sebutan
FROM ` + effective(hostile, "seen_h", "hostility_target") + `
GROUP BY sasaran
ORDER BY sebutan DESC, sasaran`

	sqlHostileByPlace = `SELECT place AS wilayah, sumIf(mentions, ` + hostile + `) AS bermusuhan, sum(mentions) AS semua
FROM places_hourly
WHERE $__timeFilter(hour) AND place != ''
  AND $__conditionalAll(program IN (${program:singlequote}), $program) AND (first_program = 1 OR NOT ($__conditionalAll(0, $program)))
  AND $__conditionalAll(place IN (${place:singlequote}), $place)
GROUP BY wilayah
HAVING bermusuhan > 0
ORDER BY bermusuhan DESC, wilayah
LIMIT 20`

	// A spike's span and count (the alert message's, alert/README.md);
	// alerts recorded before spans existed show their peak window.
	sqlHostileSpikes = `SELECT opened_at AS dibuka, severity AS tingkat, scope_id AS cakupan, family AS jenis,
  if(span_count > 0, span_from, window_from) AS mulai, if(span_count > 0, span_to, window_to) AS selesai,
  if(span_count > 0, span_count, toInt64(observed)) AS sebutan,
  observed AS puncak, expected AS dugaan, ratio AS rasio, state AS status, title AS judul
FROM alerts FINAL
WHERE $__timeFilter(opened_at)
  AND family IN ('hostile', 'threat')
ORDER BY opened_at DESC, id
LIMIT 50`

	// The most hostile mentions are ranked over narrow columns (the first
	// 100 rows by a partial sort, then one per mention, as a mention has
	// few stored versions; 40 for 30, so that ties broken by id still find
	// the right 30). Only their texts are then read, by primary key (an
	// IN nested in a subquery would not use the key).
	sqlHostileTop = `SELECT posted_at AS waktu, author_handle AS akun, author_kind AS jenis_akun, source AS sumber,
  ` + hostilityID + ` AS label, round(hostility_score, 2) AS skor, ` + targetID + ` AS sasaran,
  substringUTF8(text, 1, 280) AS isi, url
FROM ` + indent(store.Read{Cols: []string{"posted_at", "id", "author_handle", "author_kind", "source", "hostility", "hostility_score", "hostility_target", "text", "url"},
		Where: "$__timeFilter(posted_at)\n    AND " + byKey(`
      SELECT toStartOfHour(posted_at), id
      FROM (
        SELECT id, posted_at, hostility_score
        FROM `+strings.ReplaceAll(effective(hostile, "id", "posted_at", "hostility_score"), "\n", "\n      ")+`
        ORDER BY hostility_score DESC, posted_at DESC
        LIMIT 100
      )
      ORDER BY hostility_score DESC, posted_at DESC
      LIMIT 1 BY id
      LIMIT 40`)}.SQL()) + `
ORDER BY hostility_score DESC, posted_at DESC, id
LIMIT 1 BY id
LIMIT 30`
)

// Netralitas. Trends come from the rollup (breaches, and partisan posts by
// government accounts); the breakdown by agency and level and the list
// read the breaching mentions, a small subset.
var (
	sqlBreachCount = `SELECT sum(breaches) AS pelanggaran
FROM ` + rolled(progOnce)

	// Breaching mentions: a rare subset, read narrowly.
	sqlBreachAccounts = `SELECT uniqExact(author_id) AS akun
FROM ` + effective(breach, "author_id")

	sqlBreachUnverified = `SELECT uniqExactIf(id, breach_unverified = 1) AS belum_terverifikasi
FROM ` + effective(breach, "id", "breach_unverified")

	sqlBreachTrend = `SELECT ` + bucket("hour") + ` AS time,
  sumIf(mentions, author_kind = 'government' AND partisan = 1) AS partisan_akun_pemerintah,
  sum(breaches) AS pelanggaran
FROM ` + rolled(progOnce) + `
GROUP BY time
HAVING partisan_akun_pemerintah != 0 OR pelanggaran != 0
ORDER BY time`

	sqlBreachByAgency = `SELECT if(author_org = '', author_handle, author_org) AS instansi, uniqExact(id) AS pelanggaran
FROM ` + effective(breach, "id", "author_org", "author_handle") + `
GROUP BY instansi
ORDER BY pelanggaran DESC, instansi
LIMIT 20`

	sqlBreachByLevel = `SELECT ` + levelID + ` AS tingkat, uniqExact(id) AS pelanggaran
FROM ` + effective(breach, "id", "author_level") + `
GROUP BY tingkat
ORDER BY pelanggaran DESC, tingkat`

	sqlBreachList = `SELECT posted_at AS waktu, if(author_org = '', author_name, author_org) AS instansi, ` + levelID + ` AS tingkat,
  author_handle AS akun, source AS sumber,
  transform(stance, ['support', 'oppose', 'mixed'], ['mendukung', 'menentang', 'campuran'], stance) AS sikap,
  arrayStringConcat(actors, ', ') AS aktor, ` + cuesID + ` AS isyarat,
  if(breach_unverified = 1, 'belum', 'ya') AS terverifikasi,
  substringUTF8(text, 1, 280) AS isi, url
FROM ` + effective(breach, "posted_at", "id", "author_org", "author_name", "author_level", "author_handle", "source", "stance", "actors", "cues", "breach_unverified", "text", "url") + `
ORDER BY posted_at DESC, id
LIMIT 1 BY id
LIMIT 100`
)

// prevFrom is the start of the range before the dashboard's, of the same
// length.
const prevFrom = "toDateTime(2 * toUInt32($__fromTime) - toUInt32($__toTime))"

// latestFrom is the start of the hour from which the latest n mentions of
// ${program} in [from, to] run, found in the hourly rollup (from when the
// range holds fewer). Reading raw mentions from there only keeps "latest
// n" lists cheap however long the range. The place filter is not in the
// rollup: with places selected the sample may hold fewer than n mentions.
func latestFrom(from, to, toOp, n string) string {
	return `greatest(` + from + `, (
        SELECT arrayFirst((h, c) -> c >= ` + n + `, arrayMap(t -> t.1, s), arrayCumSum(arrayMap(t -> t.2, s)))
        FROM (SELECT arrayReverseSort(groupArray((hour, n))) AS s FROM (
          SELECT hour, sum(mentions) AS n FROM mentions_hourly
          WHERE hour >= toStartOfHour(` + from + `) AND hour ` + toOp + ` ` + to + ` AND program = ${program:singlequote}
            AND $__conditionalAll(source IN (${source:singlequote}), $source)
          GROUP BY hour))))`
}

// stopList is the SQL array of the stop words of at least minLen letters.
func stopList(minLen int) string {
	var ws []string
	for _, w := range stopwords.Words() {
		if len([]rune(w)) >= minLen {
			ws = append(ws, "'"+w+"'")
		}
	}
	return "[" + strings.Join(ws, ", ") + "]"
}

// exampleSample is how many of the latest mentions of the program the
// example posts are chosen from, by engagement.
const exampleSample = "500"

// exampleWhere covers the latest exampleSample mentions of the program
// (what no correction changes: time and source); exampleOnly selects the
// program's (and the places') effective mentions.
var (
	exampleWhere = and("posted_at >= "+latestFrom("$__fromTime", "$__toTime", "<=", exampleSample), "posted_at <= $__toTime",
		"$__conditionalAll(source IN (${source:singlequote}), $source)")
	exampleOnly = and("has(programs, ${program:singlequote})", "$__conditionalAll(hasAny(places, [${place:singlequote}]), $place)")
)

// Program (one program: ${program} is single-valued).
var (
	sqlProgramTotal = `SELECT sum(mentions) AS sebutan
FROM ` + rolled(progOne)

	sqlProgramNet = `SELECT (sumIf(mentions, sentiment = 'positive') - sumIf(mentions, sentiment = 'negative')) / greatest(sum(mentions), 1) AS sentimen_bersih
FROM ` + rolled(progOne)

	sqlProgramAuthors = `SELECT uniqMerge(authors) AS penulis
FROM ` + rolled(progOne)

	sqlProgramEngagement = `SELECT sum(engagement) AS keterlibatan
FROM ` + rolled(progOne)

	sqlProgramSentiment = `SELECT ` + bucket("hour") + ` AS time, ` + sentimentID + ` AS sentimen, sum(mentions) AS sebutan
FROM ` + rolled(progOne) + `
WHERE sentiment != ''
GROUP BY time, sentimen
HAVING sebutan != 0
ORDER BY time, sentimen`

	// Rising terms come from the terms_daily rollup (per WITA day, program
	// and term): the days of the range against the days of the previous
	// range of the same length. Words shorter than 4 letters and stop
	// words (package stopwords, as the report and the alerts) are left
	// out. The rollup has no source or place.
	sqlProgramRisingTerms = `SELECT term AS istilah,
  sumIf(mentions, day >= toDate($__fromTime, 'Asia/Makassar')) AS sekarang,
  sumIf(mentions, day < toDate($__fromTime, 'Asia/Makassar')) AS sebelumnya,
  sekarang - sebelumnya AS kenaikan
FROM terms_daily
WHERE program = ${program:singlequote}
  AND day >= toDate(` + prevFrom + `, 'Asia/Makassar') AND day <= toDate($__toTime, 'Asia/Makassar')
  AND length(term) >= 4 AND NOT has(` + stopList(4) + `, term)
GROUP BY term
HAVING sekarang >= 2
ORDER BY kenaikan DESC, sekarang DESC, istilah
LIMIT 20`

	sqlProgramSources = `SELECT if(source = '', 'semua sumber', source) AS sumber, sumIf(mentions, sentiment = 'positive') AS positif,
  sumIf(mentions, sentiment = 'neutral') AS netral, sumIf(mentions, sentiment = 'negative') AS negatif
FROM ` + rolled(progOne) + `
GROUP BY sumber
HAVING sum(mentions) > 0
ORDER BY sum(mentions) DESC, sumber`

	sqlProgramPlaces = `SELECT place AS wilayah, sum(mentions) AS sebutan
FROM places_hourly
WHERE $__timeFilter(hour) AND place != '' AND program = ${program:singlequote}
  AND $__conditionalAll(place IN (${place:singlequote}), $place)
GROUP BY wilayah
HAVING sebutan > 0
ORDER BY sebutan DESC, wilayah
LIMIT 20`

	// The 20 most engaging of the latest exampleSample mentions of the
	// program: the time bound (latestFrom) keeps the read to a few hundred
	// rows, whose texts are cheap to read.
	sqlProgramExamples = `SELECT posted_at AS waktu, author_handle AS akun, source AS sumber, ` + sentimentID + ` AS sentimen,
  e AS keterlibatan, substringUTF8(if(title = '', text, concat(title, ' — ', text)), 1, 280) AS isi, url
FROM
(
  SELECT posted_at, id, author_handle, source, sentiment, likes + replies + shares AS e, title, text, url
  FROM ` + indent(indent(store.Read{Cols: []string{"posted_at", "id", "author_handle", "source", "sentiment", "likes", "replies", "shares", "title", "text", "url"},
		Where: exampleWhere, Only: exampleOnly}.SQL())) + `
  ORDER BY posted_at DESC, id
  LIMIT 1 BY id
  LIMIT ` + exampleSample + `
)
ORDER BY keterlibatan DESC, posted_at DESC, id
LIMIT 20`
)

// Sumber (collector_runs: one row per collector pass). Freshness is
// measured at the end of the dashboard's range ($__toTime: "now" live).
var (
	fSourceRuns = "$__conditionalAll(source IN (${source:singlequote}), $source)"

	sqlSourceFreshness = `SELECT source AS sumber, collector AS kolektor, maxIf(finished_at, ok = 1) AS terakhir_berhasil,
  toInt64(toUInt32($__toTime)) - toInt64(toUInt32(maxIf(finished_at, ok = 1))) AS umur_detik,
  max(started_at) AS terakhir_jalan
FROM collector_runs
WHERE started_at >= toDateTime(toUInt32($__toTime) - 7 * 86400) AND started_at <= $__toTime AND ` + fSourceRuns + `
GROUP BY sumber, kolektor
ORDER BY umur_detik DESC, sumber, kolektor`

	sqlSourceQuota = `SELECT source AS sumber, collector AS kolektor, argMax(quota_remaining, started_at) AS sisa_kuota, max(started_at) AS diukur
FROM collector_runs
WHERE $__timeFilter(started_at) AND quota_remaining >= 0 AND ` + fSourceRuns + `
GROUP BY sumber, kolektor
ORDER BY sisa_kuota, sumber, kolektor`

	sqlSourceItems = `SELECT ` + bucket("started_at") + ` AS time, source AS sumber, sum(items) AS item
FROM collector_runs
WHERE $__timeFilter(started_at) AND ` + fSourceRuns + `
GROUP BY time, sumber
ORDER BY time, sumber`

	sqlSourceErrors = `SELECT ` + bucket("started_at") + ` AS time, source AS sumber, sum(errors) AS galat
FROM collector_runs
WHERE $__timeFilter(started_at) AND ` + fSourceRuns + `
GROUP BY time, sumber
ORDER BY time, sumber`

	sqlSourceLastErrors = `SELECT started_at AS waktu, source AS sumber, collector AS kolektor, error_class AS jenis, errors AS galat, last_error AS pesan
FROM collector_runs
WHERE $__timeFilter(started_at) AND ` + fSourceRuns + ` AND (errors > 0 OR ok = 0)
ORDER BY started_at DESC, kolektor
LIMIT 50`
)
