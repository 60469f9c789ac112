package store

// A fast synthetic loader for benchmarks: it generates tagged mentions
// inside ClickHouse (INSERT … SELECT FROM numbers) with realistic
// distributions, so 10 million rows load in minutes and go through the
// same materialized views as the sink's inserts.

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dengar-id/dengar/clock"
)

// SynthOptions shape a synthetic load.
type SynthOptions struct {
	// Rows to generate.
	Rows int64
	// End is the end of the time span (default now, truncated to the hour);
	// Span its length (default 180 days).
	End  time.Time
	Span time.Duration
	// Seed varies the data (default 1).
	Seed uint64
	// Chunk is the rows per INSERT (default 1,000,000).
	Chunk int64
	// Progress, when set, is called after every chunk.
	Progress func(done int64)
}

// Synthetic catalog: 10 programs, 10 kecamatan, 9 sources.
var (
	synthPrograms = []string{"probebaya", "banjir", "jalan_rusak", "pasar_pagi", "air_bersih", "sampah", "beasiswa", "kesehatan_gratis", "teras_samarinda", "parkir"}
	synthPlaces   = []string{"samarinda_ulu", "samarinda_ilir", "samarinda_kota", "samarinda_seberang", "sungai_kunjang", "sungai_pinang", "sambutan", "palaran", "loa_janan_ilir", "sambutan_utara"}
	synthSources  = []string{"x", "facebook", "instagram", "youtube", "telegram", "rss", "googlenews", "mastodon", "webhook"}
	synthWords    = strings.Fields(`warga kota samarinda pemkot wali program jalan banjir rusak lagi parah mantap bagus hebat terima kasih bantuan dana rt
	pasar sampah air bersih macet parkir liar sekolah beasiswa puskesmas gratis pelayanan lambat cepat kecewa senang bangga malu korupsi
	janji bohong bukti kerja nyata anggaran proyek kontraktor drainase got tersumbat hujan deras genangan pompa sungai karang mumus
	mahakam jembatan lampu gelap aman rawan pungli izin kantor camat lurah dinas pejabat pilkada paslon kampanye relawan coblos dukung
	tolak netral asn buzzer hoaks klarifikasi viral video foto info tolong bantu segera perbaiki kapan selesai mahal murah harga naik
	turun subsidi bansos sembako antre lama ribet mudah online aplikasi website down error ramai sepi pagi malam minggu besok kemarin
	bubuhan kada kawa banar pang ulun pian handak bujur lawas hanyar kampung kita sidin tulak bulik mun kaina`)
)

func sqlArray(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = sqlString(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// synthSQL is the INSERT … SELECT generating rows [offset, offset+n).
// h(k) is a per-row uniform 64-bit hash, u(k) a uniform float in [0, 1).
func (db *DB) synthSQL(offset, n int64, end time.Time, span time.Duration, seed, insertID uint64) string {
	h := func(k int) string { return fmt.Sprintf("cityHash64(number, %d, %d)", seed, k) }
	u := func(k int) string { return fmt.Sprintf("(%s %% 1000000 / 1000000.0)", h(k)) }
	start := end.Add(-span).Unix()
	days := int64(span / (24 * time.Hour))
	if days < 1 {
		days = 1
	}
	// Hours of day in WITA weighted towards mornings and evenings, as UTC
	// offsets from local midnight.
	hourWeights := []int{1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 6, 5, 6, 5, 5, 5, 5, 6, 7, 8, 9, 8, 5, 2}
	var hours []string
	for hr, w := range hourWeights {
		for i := 0; i < w; i++ {
			hours = append(hours, fmt.Sprint(hr))
		}
	}
	// Programs: Zipf-like popularity by repetition.
	var progPick []string
	for i, p := range synthPrograms {
		for j := 0; j < 10-i; j++ {
			progPick = append(progPick, p)
		}
	}
	// Sources weighted: x, facebook, instagram most.
	srcWeights := []int{30, 25, 15, 10, 6, 5, 4, 3, 2}
	var srcPick []string
	for i, s := range synthSources {
		for j := 0; j < srcWeights[i]; j++ {
			srcPick = append(srcPick, s)
		}
	}
	// posted_at: a day (uniform over the span), an hour (weighted), a second.
	// Local midnight of day d is start-aligned: WITA = UTC+8.
	posted := fmt.Sprintf("toDateTime(%d + (%s %% %d) * 86400 + toUInt64(%s[1 + %s %% %d]) * 3600 + %s %% 3600)",
		start, h(1), days, sqlArray(hours), h(2), len(hours), h(3))
	rank := fmt.Sprintf("toUInt64(exp(%s * log(500000.0)))", u(4)) // log-uniform: Zipf authors
	kindExpr := fmt.Sprintf("multiIf(cityHash64(%s, 1) %% 100 < 90, 'citizen', cityHash64(%s, 1) %% 100 < 94, 'government', cityHash64(%s, 1) %% 100 < 97, 'media', cityHash64(%s, 1) %% 100 < 99, 'public_admin', 'unknown')",
		rank, rank, rank, rank)
	prog1 := fmt.Sprintf("%s[1 + %s %% %d]", sqlArray(progPick), h(5), len(progPick))
	prog2 := fmt.Sprintf("%s[1 + %s %% %d]", sqlArray(synthPrograms), h(6), len(synthPrograms))
	programs := fmt.Sprintf("multiIf(%s %% 100 < 30, emptyArrayString(), %s %% 100 < 92, [%s], arrayDistinct([%s, %s]))", h(7), h(7), prog1, prog1, prog2)
	places := fmt.Sprintf("if(%s %% 2 = 0, emptyArrayString(), [%s[1 + %s %% %d]])", h(8), sqlArray(synthPlaces), h(9), len(synthPlaces))
	sentiment := fmt.Sprintf("multiIf(%s %% 100 < 35, 'neutral', %s %% 100 < 60, 'positive', 'negative')", h(10), h(10))
	hostility := fmt.Sprintf("multiIf(%s %% 100 < 85, 'none', %s %% 100 < 97, 'abusive', 'hate')", h(11), h(11))
	partisan := fmt.Sprintf("toUInt8(%s %% 100 < 4)", h(12))
	likes := fmt.Sprintf("toInt64(exp(%s * 7.0)) - 1", u(13))
	nwords := fmt.Sprintf("(8 + %s %% 8)", h(14))
	words := fmt.Sprintf("arrayStringConcat(arrayMap(i -> %s[1 + toUInt64(exp((cityHash64(number, %d, i) %% 1000000 / 1000000.0) * log(%d.0))) - 1], range(%s)), ' ')",
		sqlArray(synthWords), seed, len(synthWords), nwords)
	text := fmt.Sprintf("concat(%s, if(notEmpty(programs), concat(' #', programs[1]), ''))", words)
	cols := []string{
		"concat(source, ':s', toString(number)) AS id", srcPickExpr(srcPick, h(15)) + " AS source", "'' AS channel", "concat('https://', source, '.example/', toString(number)) AS url",
		"if(author_kind = 'citizen', concat('warga-', lower(substring(hex(cityHash64(" + rank + ")), 1, 12))), concat('akun', toString(" + rank + "))) AS author_id",
		"author_id AS author_handle", "if(author_kind = 'citizen', '', concat('Akun ', toString(" + rank + "))) AS author_name",
		kindExpr + " AS author_kind",
		"if(author_kind = 'government', concat('Dinas ', toString(" + rank + " % 40)), '') AS author_org",
		"if(author_kind = 'government', ['opd', 'kecamatan', 'kelurahan', 'bumd', 'rt'][1 + " + rank + " % 5], '') AS author_level",
		"toInt64(" + rank + " % 5000) AS author_followers", "toInt64(100) AS author_posts", "toUInt8(0) AS author_verified", "toDateTime(0) AS author_created_at",
		"'' AS title", text + " AS text", "'id' AS lang", posted + " AS posted_at", "posted_at AS collected_at", "'' AS parent_id", "'' AS story_id", "'' AS query",
		likes + " AS likes", "intDiv(likes, 10) AS replies", "intDiv(likes, 20) AS shares", "likes * 30 AS views",
		sentiment + " AS sentiment", "toFloat32(0) AS sentiment_score", "toFloat32(0.8) AS sentiment_confidence",
		hostility + " AS hostility", "toFloat32(0) AS hostility_score", "if(hostility = 'hate', 'group', '') AS hostility_target",
		"if(hostility = 'none', emptyArrayString(), [['religion', 'race', 'physical', 'gender', 'other'][1 + " + h(16) + " % 5]]) AS hostility_categories",
		"'' AS hostility_strength", fmt.Sprintf("toUInt8(hostility != 'none' AND %s %% 100 < 3) AS threat", h(17)),
		"'' AS emotion", "partisan AS political", partisan + " AS partisan", "if(partisan = 1, 'support', '') AS stance",
		"if(partisan = 1, ['paslon-1'], emptyArrayString()) AS actors", "emptyArrayString() AS cues",
		programs + " AS programs", "emptyArrayString() AS institutions", places + " AS places",
		"toUInt8(partisan = 1 AND author_kind = 'government') AS neutrality_breach", "toUInt8(0) AS breach_unverified", "toUInt8(0) AS needs_review",
		"'synth' AS model", fmt.Sprintf("toDateTime(%d) AS ingested_at", end.Unix()), fmt.Sprintf("toUInt64(%d) AS insert_id", insertID),
		// every synthetic id is new: the rollup views count it (gate.go)
		"toUInt8(1) AS counted",
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c[strings.LastIndex(c, " AS ")+4:]
	}
	return "INSERT INTO " + db.table("mentions") + " (" + strings.Join(names, ", ") + ") SELECT " + strings.Join(cols, ", ") +
		fmt.Sprintf(" FROM numbers(%d, %d)", offset, n)
}

func srcPickExpr(pick []string, h string) string {
	return fmt.Sprintf("%s[1 + %s %% %d]", sqlArray(pick), h, len(pick))
}

// LoadSynthetic inserts o.Rows synthetic tagged mentions (ids
// "<source>:s<n>") spread over [o.End − o.Span, o.End): 10 programs
// (Zipf-like, 30% none, 8% two), 10 kecamatan (half the mentions),
// 9 sources, log-uniform (Zipf) authors of which 90% citizens
// (pseudonyms) and 4% government, 40% negative, 15% hostile, 4%
// partisan, heavy-tailed engagement, texts from a small Indonesian and
// Banjar vocabulary. The rollup views see every chunk, as with the sink.
func (db *DB) LoadSynthetic(ctx context.Context, o SynthOptions) error {
	if o.Rows <= 0 {
		return fmt.Errorf("%w: synthetic rows must be positive", ErrBadQuery)
	}
	if o.End.IsZero() {
		o.End = clock.Now().UTC().Truncate(time.Hour)
	}
	if o.Span <= 0 {
		o.Span = 180 * 24 * time.Hour
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Chunk <= 0 {
		o.Chunk = 1_000_000
	}
	// Align the span on local midnights so days are whole.
	l := o.End.In(clock.WITA)
	end := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, clock.WITA).UTC()
	for done := int64(0); done < o.Rows; {
		n := min(o.Chunk, o.Rows-done)
		q := db.synthSQL(done, n, end, o.Span, o.Seed, rand.Uint64()|1)
		if err := db.conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("load synthetic rows %d…%d: %w", done, done+n, err)
		}
		done += n
		if o.Progress != nil {
			o.Progress(done)
		}
	}
	return nil
}

// LoadSyntheticCollectorRuns writes one pass per collector every
// `every` over [end − span, end) for the 9 synthetic sources.
func (db *DB) LoadSyntheticCollectorRuns(ctx context.Context, end time.Time, span, every time.Duration) error {
	var runs []CollectorRun
	r := rand.New(rand.NewPCG(1, 2))
	for t := end.Add(-span); t.Before(end); t = t.Add(every) {
		for _, s := range synthSources {
			ok := r.IntN(50) != 0
			run := CollectorRun{Collector: s, Source: s, StartedAt: t, FinishedAt: t.Add(20 * time.Second), Items: int64(r.IntN(200)), QuotaRemaining: -1, OK: ok}
			if !ok {
				run.Errors, run.ErrorClass, run.LastError = 1, "network", "connection reset"
			}
			if s == "youtube" {
				run.QuotaRemaining = int64(10000 - t.Hour()*400)
			}
			runs = append(runs, run)
		}
		if len(runs) >= 50000 {
			if err := db.InsertCollectorRuns(ctx, runs); err != nil {
				return err
			}
			runs = runs[:0]
		}
	}
	return db.InsertCollectorRuns(ctx, runs)
}
