package dashboards

// Variable queries.
const (
	sqlVarProgram = `SELECT DISTINCT arrayJoin(programs) AS program FROM mentions WHERE $__timeFilter(posted_at) ORDER BY program`
	sqlVarSource  = `SELECT DISTINCT source FROM mentions WHERE $__timeFilter(posted_at) ORDER BY source`
	sqlVarPlace   = `SELECT DISTINCT arrayJoin(places) AS place FROM mentions WHERE $__timeFilter(posted_at) ORDER BY place`

	sqlVarSourceRuns = `SELECT DISTINCT source FROM collector_runs WHERE $__timeFilter(started_at) ORDER BY source`
)

// wAll filters mentions by the time range and the three variables.
var wAll = and("$__timeFilter(posted_at)", fProgramRaw, fSourceRaw, fPlaceRaw)

// Ringkasan.
var (
	sqlRingkasanTotal = `SELECT count() AS sebutan
FROM mentions FINAL
WHERE ` + wAll

	sqlRingkasanAuthors = `SELECT uniqExact(author_id) AS penulis
FROM mentions FINAL
WHERE ` + wAll

	sqlRingkasanNegative = `SELECT countIf(sentiment = 'negative') / greatest(count(), 1) AS porsi_negatif
FROM mentions FINAL
WHERE ` + wAll

	sqlRingkasanHostileShare = `SELECT countIf(` + hostile + `) / greatest(count(), 1) AS porsi_bermusuhan
FROM mentions FINAL
WHERE ` + wAll

	sqlRingkasanBreaches = `SELECT countIf(neutrality_breach = 1) AS pelanggaran
FROM mentions FINAL
WHERE ` + wAll

	sqlRingkasanVolume = `SELECT ` + bucket("posted_at") + ` AS time, source AS sumber, count() AS sebutan
FROM mentions FINAL
WHERE ` + wAll + `
GROUP BY time, sumber
ORDER BY time, sumber`

	sqlRingkasanSentiment = `SELECT ` + bucket("posted_at") + ` AS time, ` + sentimentID + ` AS sentimen, count() AS sebutan
FROM mentions FINAL
WHERE ` + wAll + `
  AND sentiment != ''
GROUP BY time, sentimen
ORDER BY time, sentimen`

	sqlRingkasanShareOfVoice = `SELECT arrayJoin(programs) AS program, count() AS sebutan
FROM mentions FINAL
WHERE ` + wAll + `
GROUP BY program
ORDER BY sebutan DESC, program
LIMIT 15`

	sqlRingkasanHostileTrend = `SELECT ` + bucket("posted_at") + ` AS time, countIf(` + hostile + `) / count() AS porsi_bermusuhan
FROM mentions FINAL
WHERE ` + wAll + `
GROUP BY time
ORDER BY time`

	sqlRingkasanLatestBreaches = `SELECT posted_at AS waktu, if(author_org = '', author_name, author_org) AS instansi, ` + levelID + ` AS tingkat,
  author_handle AS akun, source AS sumber, substringUTF8(text, 1, 280) AS isi, url
FROM mentions FINAL
WHERE ` + wAll + `
  AND neutrality_breach = 1
ORDER BY posted_at DESC, id
LIMIT 20`
)

// Konten bermusuhan.
var (
	sqlHostileVolume = `SELECT ` + bucket("posted_at") + ` AS time, ` + hostilityID + ` AS jenis, count() AS sebutan
FROM mentions FINAL
WHERE ` + wAll + `
  AND ` + hostile + `
GROUP BY time, jenis
ORDER BY time, jenis`

	sqlHostileShare = `SELECT ` + bucket("posted_at") + ` AS time, countIf(` + hostile + `) / count() AS porsi_bermusuhan
FROM mentions FINAL
WHERE ` + wAll + `
GROUP BY time
ORDER BY time`

	sqlHostileCategories = `SELECT ` + categoryID + ` AS kategori, count() AS sebutan
FROM mentions FINAL
ARRAY JOIN hostility_categories AS kategori_en
WHERE ` + wAll + `
  AND ` + hostile + `
GROUP BY kategori
ORDER BY sebutan DESC, kategori`

	sqlHostileTargets = `SELECT ` + targetID + ` AS sasaran, count() AS sebutan
FROM mentions FINAL
WHERE ` + wAll + `
  AND ` + hostile + `
GROUP BY sasaran
ORDER BY sebutan DESC, sasaran`

	sqlHostileByPlace = `SELECT wilayah, countIf(` + hostile + `) AS bermusuhan, count() AS semua
FROM mentions FINAL
ARRAY JOIN places AS wilayah
WHERE ` + wAll + `
GROUP BY wilayah
HAVING bermusuhan > 0
ORDER BY bermusuhan DESC, wilayah
LIMIT 20`

	sqlHostileSpikes = `SELECT opened_at AS dibuka, severity AS tingkat, scope_id AS cakupan, family AS jenis,
  observed AS teramati, expected AS dugaan, ratio AS rasio, state AS status, title AS judul
FROM alerts FINAL
WHERE $__timeFilter(opened_at)
  AND family IN ('hostile', 'threat')
ORDER BY opened_at DESC, id
LIMIT 50`

	sqlHostileTop = `SELECT posted_at AS waktu, author_handle AS akun, author_kind AS jenis_akun, source AS sumber,
  ` + hostilityID + ` AS label, round(hostility_score, 2) AS skor, ` + targetID + ` AS sasaran,
  substringUTF8(text, 1, 280) AS isi, url
FROM mentions FINAL
WHERE ` + wAll + `
  AND ` + hostile + `
ORDER BY hostility_score DESC, posted_at DESC, id
LIMIT 50`
)

// Netralitas.
var (
	wBreach = wAll + "\n  AND neutrality_breach = 1"

	sqlBreachCount = `SELECT count() AS pelanggaran
FROM mentions FINAL
WHERE ` + wBreach

	sqlBreachAccounts = `SELECT uniqExact(author_id) AS akun
FROM mentions FINAL
WHERE ` + wBreach

	sqlBreachUnverified = `SELECT countIf(breach_unverified = 1) AS belum_terverifikasi
FROM mentions FINAL
WHERE ` + wBreach

	sqlBreachTrend = `SELECT ` + bucket("posted_at") + ` AS time, ` + levelID + ` AS tingkat, count() AS unggahan
FROM mentions FINAL
WHERE ` + wBreach + `
GROUP BY time, tingkat
ORDER BY time, tingkat`

	sqlBreachByAgency = `SELECT if(author_org = '', author_handle, author_org) AS instansi, count() AS pelanggaran
FROM mentions FINAL
WHERE ` + wBreach + `
GROUP BY instansi
ORDER BY pelanggaran DESC, instansi
LIMIT 20`

	sqlBreachByLevel = `SELECT ` + levelID + ` AS tingkat, count() AS pelanggaran
FROM mentions FINAL
WHERE ` + wBreach + `
GROUP BY tingkat
ORDER BY pelanggaran DESC, tingkat`

	sqlBreachList = `SELECT posted_at AS waktu, if(author_org = '', author_name, author_org) AS instansi, ` + levelID + ` AS tingkat,
  author_handle AS akun, source AS sumber,
  transform(stance, ['support', 'oppose', 'mixed'], ['mendukung', 'menentang', 'campuran'], stance) AS sikap,
  arrayStringConcat(actors, ', ') AS aktor, arrayStringConcat(cues, ', ') AS isyarat,
  if(breach_unverified = 1, 'belum', 'ya') AS terverifikasi,
  substringUTF8(text, 1, 280) AS isi, url
FROM mentions FINAL
WHERE ` + wBreach + `
ORDER BY posted_at DESC, id
LIMIT 100`
)

// Program (one program: ${program} is single-valued).
var (
	wProgram = and("$__timeFilter(posted_at)", "has(programs, ${program:singlequote})", fSourceRaw, fPlaceRaw)

	sqlProgramTotal = `SELECT count() AS sebutan
FROM mentions FINAL
WHERE ` + wProgram

	sqlProgramNet = `SELECT (countIf(sentiment = 'positive') - countIf(sentiment = 'negative')) / greatest(count(), 1) AS sentimen_bersih
FROM mentions FINAL
WHERE ` + wProgram

	sqlProgramAuthors = `SELECT uniqExact(author_id) AS penulis
FROM mentions FINAL
WHERE ` + wProgram

	sqlProgramEngagement = `SELECT sum(likes + replies + shares) AS keterlibatan
FROM mentions FINAL
WHERE ` + wProgram

	sqlProgramSentiment = `SELECT ` + bucket("posted_at") + ` AS time, ` + sentimentID + ` AS sentimen, count() AS sebutan
FROM mentions FINAL
WHERE ` + wProgram + `
  AND sentiment != ''
GROUP BY time, sentimen
ORDER BY time, sentimen`

	// Terms of the current range against the previous range of the same
	// length; words shorter than 4 letters and common function words are
	// left out.
	sqlProgramRisingTerms = `SELECT term AS istilah, countIf(posted_at >= $__fromTime) AS sekarang, countIf(posted_at < $__fromTime) AS sebelumnya,
  toInt64(sekarang) - toInt64(sebelumnya) AS kenaikan
FROM
(
  SELECT posted_at, arrayJoin(arrayDistinct(extractAll(lowerUTF8(concat(title, ' ', text)), '#?[a-z0-9_]+'))) AS term
  FROM mentions FINAL
  WHERE posted_at >= toDateTime(2 * toUInt32($__fromTime) - toUInt32($__toTime)) AND posted_at <= $__toTime
    AND has(programs, ${program:singlequote})
    AND ` + fSourceRaw + `
    AND ` + fPlaceRaw + `
)
WHERE length(term) >= 4 AND NOT has(['yang', 'untuk', 'dengan', 'dari', 'pada', 'akan', 'tidak', 'juga', 'sudah', 'kami', 'saya', 'kita', 'mereka', 'bisa', 'atau', 'karena', 'lebih', 'oleh', 'dalam', 'seperti', 'tersebut', 'hari', 'para', 'https', 'http'], term)
GROUP BY term
HAVING sekarang >= 2
ORDER BY kenaikan DESC, sekarang DESC, istilah
LIMIT 20`

	sqlProgramSources = `SELECT source AS sumber, countIf(sentiment = 'positive') AS positif, countIf(sentiment = 'neutral') AS netral,
  countIf(sentiment = 'negative') AS negatif
FROM mentions FINAL
WHERE ` + wProgram + `
GROUP BY sumber
ORDER BY count() DESC, sumber`

	sqlProgramPlaces = `SELECT wilayah, count() AS sebutan
FROM mentions FINAL
ARRAY JOIN places AS wilayah
WHERE ` + wProgram + `
GROUP BY wilayah
ORDER BY sebutan DESC, wilayah
LIMIT 20`

	sqlProgramExamples = `SELECT posted_at AS waktu, author_handle AS akun, source AS sumber, ` + sentimentID + ` AS sentimen,
  likes + replies + shares AS keterlibatan, substringUTF8(if(title = '', text, concat(title, ' — ', text)), 1, 280) AS isi, url
FROM mentions FINAL
WHERE ` + wProgram + `
ORDER BY keterlibatan DESC, posted_at DESC, id
LIMIT 50`
)

// Sumber (collector_runs: one row per collector pass).
var (
	fSourceRuns = "$__conditionalAll(source IN (${source:singlequote}), $source)"

	sqlSourceFreshness = `SELECT source AS sumber, collector AS kolektor, maxIf(finished_at, ok = 1) AS terakhir_berhasil,
  toInt64(toUInt32(now())) - toInt64(toUInt32(maxIf(finished_at, ok = 1))) AS umur_detik,
  max(started_at) AS terakhir_jalan
FROM collector_runs
WHERE started_at >= toDateTime(toUInt32($__toTime) - 7 * 86400) AND ` + fSourceRuns + `
GROUP BY sumber, kolektor
ORDER BY umur_detik DESC, sumber, kolektor`

	sqlSourceQuota = `SELECT source AS sumber, argMax(quota_used, started_at) AS terpakai, argMax(quota_limit, started_at) AS batas,
  if(batas > 0, terpakai / batas, 0) AS pemakaian
FROM collector_runs
WHERE $__timeFilter(started_at) AND ` + fSourceRuns + `
GROUP BY sumber
ORDER BY pemakaian DESC, sumber`

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

	sqlSourceLastErrors = `SELECT started_at AS waktu, source AS sumber, collector AS kolektor, errors AS galat, error AS pesan
FROM collector_runs
WHERE $__timeFilter(started_at) AND ` + fSourceRuns + ` AND (errors > 0 OR ok = 0)
ORDER BY started_at DESC
LIMIT 50`
)
