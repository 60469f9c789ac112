package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"

	"github.com/dengar-id/dengar/store"
)

// RenderHTML writes the report as one self-contained HTML page (charts as
// base64 PNG, CSS inline).
func RenderHTML(r *Report, chs []Chart) ([]byte, error) {
	l, err := newLang(r.Lang)
	if err != nil {
		return nil, err
	}
	chart := map[string]Chart{}
	for _, c := range chs {
		chart[c.Key] = c
	}
	funcs := template.FuncMap{
		"T":     l.T,
		"int":   l.Int,
		"float": l.Float,
		"pct":   l.Pct,
		"signed": func(f float64) string {
			if f > 0 {
				return "+" + l.Float(f)
			}
			return l.Float(f)
		},
		"chart": func(key string) template.HTML {
			c, ok := chart[key]
			if !ok {
				return ""
			}
			return template.HTML(fmt.Sprintf(`<figure><img alt="%s" src="data:image/png;base64,%s"><figcaption>%s</figcaption></figure>`,
				template.HTMLEscapeString(c.Title), base64.StdEncoding.EncodeToString(c.PNG), template.HTMLEscapeString(c.Title)))
		},
		"kpiClass": func(k KPI) string {
			switch {
			case k.Good == nil:
				return "neutral"
			case *k.Good:
				return "good"
			}
			return "bad"
		},
		"join": func(s []string) string { return strings.Join(s, ", ") },
		"safeURL": func(u string) template.URL {
			if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
				return template.URL(u)
			}
			return ""
		},
		"add":          func(a, b int) int { return a + b },
		"int64":        func(n int) int64 { return int64(n) },
		"meta":         func(p Post) string { return postMeta(l, p) },
		"account":      func(p Post) string { return breachAccount(l, p) },
		"baseAvg":      func(n int) string { return baseAvgTitle(l, n) },
		"coverageBase": func(c Coverage) string { return coverageBase(l, c) },
		"spikeSize":    func(s Spike) string { return spikeSize(l, s) },
		"spikeWhat":    func(s Spike) string { return spikeWhat(l, s) },
		"keys":         func(kc []store.KeyCount) string { return keyList(l, kc) },
		"change":       func(cur, prev int64) string { return countChange(l, float64(cur), float64(prev)).text },
		"lines":        func(s string) []string { return strings.Split(s, "\n") },
		"unfinished":   func() string { return fmt.Sprintf(l.T("unfinished"), r.DataUntil) },
	}
	t, err := template.New("report").Funcs(funcs).Parse(htmlTemplate)
	if err != nil {
		return nil, fmt.Errorf("html template: %w", err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, r); err != nil {
		return nil, fmt.Errorf("render html: %w", err)
	}
	return b.Bytes(), nil
}

const htmlTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} — {{.WeekLabel}}</title>
<style>
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1f2937; margin: 0; background: #f3f4f6; font-size: 14px; line-height: 1.5; }
main { max-width: 880px; margin: 0 auto; background: #fff; padding: 0 36px 36px; }
header.cover { background: #12355b; color: #fff; margin: 0 -36px 24px; padding: 28px 36px 22px; }
header.cover .org { font-size: 13px; opacity: .8; letter-spacing: .02em; }
header.cover h1 { margin: 6px 0 4px; font-size: 26px; }
header.cover .week { font-size: 17px; }
.banner { background: #fef3c7; border-left: 5px solid #d97706; padding: 10px 14px; margin: 12px 0; }
h2 { color: #12355b; border-bottom: 2px solid #12355b; padding-bottom: 4px; margin-top: 32px; font-size: 19px; }
h3 { font-size: 15px; margin: 18px 0 6px; color: #12355b; }
.kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin: 14px 0; }
.kpi { border: 1px solid #e5e7eb; border-radius: 6px; padding: 10px; background: #f9fafb; }
.kpi .label { font-size: 12px; color: #4b5563; min-height: 2.6em; }
.kpi .value { font-size: 22px; font-weight: bold; }
.kpi .change { font-size: 13px; font-weight: bold; }
.kpi .prev { font-size: 11px; color: #6b7280; }
.good { color: #047857; } .bad { color: #b91c1c; } .neutral { color: #374151; }
.summary p { margin: 6px 0; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 14px; font-size: 12.5px; table-layout: auto; }
th { background: #12355b; color: #fff; text-align: left; padding: 6px 8px; font-weight: 600; }
td { padding: 5px 8px; border-bottom: 1px solid #e5e7eb; vertical-align: top; overflow-wrap: break-word; word-break: normal; hyphens: manual; }
tr:nth-child(even) td { background: #f9fafb; }
td.num, th.num { text-align: right; white-space: nowrap; }
figure { margin: 10px 0 16px; }
figure img { width: 100%; height: auto; border: 1px solid #e5e7eb; }
figcaption { font-size: 12px; color: #4b5563; text-align: center; }
.post { font-size: 12px; color: #374151; border-left: 3px solid #cbd5e1; padding: 2px 8px; margin: 4px 0; }
.post .meta { color: #6b7280; }
.post .headline { font-weight: bold; display: block; }
.cues { margin: 4px 0 0; padding-left: 16px; color: #374151; }
.muted { color: #6b7280; }
ul.notes li { margin: 4px 0; }
a { color: #1d4ed8; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; } header.cover { margin: 0 0 18px; } h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<header class="cover">
<div class="org">{{T "subtitle"}}</div>
<h1>{{.Title}}</h1>
<div class="week">{{.WeekLabel}} <span class="muted" style="color:#cbd5e1">({{.Week}}, WITA)</span></div>
</header>
{{if .NoData}}<div class="banner">{{T "no.data.banner"}}</div>{{end}}
{{if .Unfinished}}<div class="banner">{{unfinished}}</div>{{end}}

<h2>1. {{T "s1"}}</h2>
<div class="kpis">
{{range .Summary.KPIs}}<div class="kpi"><div class="label">{{.Label}}</div><div class="value">{{.Display}}</div><div class="change {{kpiClass .}}">{{.Change}}</div><div class="prev">{{T "prev"}}: {{.PrevText}}</div></div>
{{end}}</div>
<div class="summary">{{range .Summary.Sentences}}<p>{{.}}</p>{{end}}</div>

<h2>2. {{T "s2"}}</h2>
{{if .Programs.Series}}
{{chart "volume"}}
<table><thead><tr><th>{{T "program"}}</th><th class="num">{{T "mentions"}}</th><th class="num">{{T "index"}}</th><th class="num">{{T "prev.index"}}</th><th class="num">{{T "change"}}</th></tr></thead><tbody>
{{range .Programs.Series}}<tr><td>{{.Name}}</td><td class="num">{{int .Total}}</td><td class="num">{{signed .WeekIndex}}</td><td class="num">{{if .PrevValid}}{{signed .PrevIndex}}{{else}}{{T "na"}}{{end}}</td><td class="num">{{if .PrevValid}}{{signed .Delta}}{{else}}{{T "na"}}{{end}}</td></tr>
{{end}}</tbody></table>
{{chart "sentiment"}}
{{if .Programs.Movers}}<h3>{{T "movers"}}</h3><table><thead><tr><th>{{T "program"}}</th><th class="num">{{T "prev.index"}}</th><th class="num">{{T "index"}}</th><th class="num">{{T "change"}}</th></tr></thead><tbody>
{{range .Programs.Movers}}<tr><td>{{.Name}}</td><td class="num">{{signed .PrevIndex}}</td><td class="num">{{signed .WeekIndex}}</td><td class="num {{if gt .Delta 0.0}}good{{else}}bad{{end}}">{{if gt .Delta 0.0}}▲{{else}}▼{{end}} {{signed .Delta}}</td></tr>
{{end}}</tbody></table>{{end}}
{{else}}<p class="muted">{{T "no.programs"}}</p>{{end}}

<h2>3. {{T "s3"}}</h2>
{{if .Issues.Terms}}
<table><thead><tr><th>{{T "term"}}</th><th class="num">{{T "this.week"}}</th><th class="num">{{T "authors"}}</th><th class="num">{{baseAvg .Issues.BaseWeeks}}</th><th class="num">{{T "rise"}}</th></tr></thead><tbody>
{{range .Issues.Terms}}{{if not .SameAs}}<tr><td><b>{{.Term}}</b> <span class="muted">({{T (printf "issue.%s" .Kind)}})</span>{{if .Related}}<br><span class="muted">+ {{join .Related}}</span>{{end}}</td><td class="num">{{int .Current}}</td><td class="num">{{int .Authors}}</td><td class="num">{{float .WeeklyBase}}</td><td class="num">{{if .New}}{{T "new"}}{{else}}×{{float .Lift}}{{end}}</td></tr>
{{end}}{{end}}</tbody></table>
{{range .Issues.Terms}}{{if .Examples}}<h3>{{.Term}}{{range .Related}} · {{.}}{{end}}</h3>{{range .Examples}}{{template "post" .}}{{end}}{{end}}{{end}}
{{else}}<p class="muted">{{T "no.terms"}}</p>{{end}}

<h2>4. {{T "s4"}}</h2>
{{chart "hostile"}}
{{if not .NoData}}<h3>{{T "hostile.kinds"}}</h3>
<table><thead><tr><th>{{T "kind"}}</th><th class="num">{{T "this.week"}}</th><th class="num">{{T "prev"}}</th><th class="num">{{T "change"}}</th></tr></thead><tbody>
{{with .Spikes.Kinds}}<tr><td>{{T "kind.abusive"}}</td><td class="num">{{int .Abusive}}</td><td class="num">{{int .PrevAbusive}}</td><td class="num">{{change .Abusive .PrevAbusive}}</td></tr>
<tr><td>{{T "kind.hate"}}</td><td class="num">{{int .Hate}}</td><td class="num">{{int .PrevHate}}</td><td class="num">{{change .Hate .PrevHate}}</td></tr>
<tr><td>{{T "kind.threat"}}</td><td class="num">{{int .Threats}}</td><td class="num">{{int .PrevThreats}}</td><td class="num">{{change .Threats .PrevThreats}}</td></tr>
{{end}}</tbody></table>
{{if or .Spikes.Targets .Spikes.Categories}}<p>{{T "hostile.targets"}}: {{keys .Spikes.Targets}}<br>{{T "hostile.cats"}}: {{with .Spikes.Categories}}{{keys .}}{{else}}{{T "none"}}{{end}}</p>{{end}}{{end}}
<h3>{{T "spikes"}}</h3>
{{if .Spikes.Spikes}}
<table><thead><tr><th>{{T "when"}}</th><th class="num">{{T "size"}}</th><th>{{T "alert"}}</th><th>{{T "about"}}</th><th>{{T "where"}}</th></tr></thead><tbody>
{{range .Spikes.Spikes}}<tr><td>{{.When}}</td><td class="num">{{range $i, $l := lines (spikeSize .)}}{{if $i}}<br>{{end}}{{$l}}{{end}}</td><td>{{range $i, $l := lines (spikeWhat .)}}{{if $i}}<br><span class="muted">{{$l}}</span>{{else}}{{$l}}{{end}}{{end}}</td><td>{{range $i, $p := .Programs}}{{if $i}}, {{end}}{{$p.Key}} ({{int $p.Count}}){{end}}{{if .Terms}}<br><span class="muted">{{join .Terms}}</span>{{end}}</td><td>{{range $i, $p := .Places}}{{if $i}}, {{end}}{{$p.Key}} ({{int $p.Count}}){{else}}{{T "none"}}{{end}}</td></tr>
{{end}}</tbody></table>
{{range .Spikes.Spikes}}{{range .Examples}}{{template "post" .}}{{end}}{{end}}
{{else if and (not .Spikes.AlertsRecorded) (not .NoData)}}<p class="muted">{{T "no.alerts"}}</p>{{else}}<p class="muted">{{T "no.spikes"}}</p>{{end}}

<h2>5. {{T "s5"}}</h2>
{{if .Breaches}}
{{if .BreachesByAgency}}<h3>{{T "by.agency"}}</h3><table><thead><tr><th>{{T "agency"}}</th><th>{{T "level"}}</th><th class="num">{{T "breaches.n"}}</th></tr></thead><tbody>
{{range .BreachesByAgency}}<tr><td>{{.Agency}}<br><span class="muted">{{.Account}}</span>{{if .Unverified}}<br><i class="bad">{{T "unverified"}}</i>{{end}}</td><td>{{.Level}}</td><td class="num"><b>{{int .Breaches}}</b></td></tr>
{{end}}</tbody></table>{{end}}
<table><thead><tr><th>{{T "time"}}</th><th>{{T "agency"}}</th><th>{{T "level"}}</th><th>{{T "content"}}</th><th>{{T "link"}}</th></tr></thead><tbody>
{{range .Breaches}}<tr><td style="white-space:nowrap">{{.Time}}</td><td>{{range $i, $l := lines (account .)}}{{if $i}}<br><span class="muted">{{$l}}</span>{{else}}{{$l}}{{end}}{{end}}</td><td>{{.Level}}</td><td>{{.Text}}{{if .Cues}}<div class="muted">{{T "cues"}}:</div><ul class="cues">{{range .Cues}}<li>{{.}}</li>{{end}}</ul>{{else if .Actors}}<br><span class="muted">{{join .Actors}}{{with .Stance}} ({{.}}){{end}}</span>{{end}}</td><td>{{with safeURL .URL}}<a href="{{.}}">{{T "link"}}</a>{{end}}</td></tr>
{{end}}</tbody></table>{{if lt (len .Breaches) .Summary.Current.Breaches}}<p class="muted">{{printf (T "breaches.cut") (int (len .Breaches | int64)) (int .Summary.Current.Breaches)}}</p>{{end}}
{{else}}<p class="muted">{{T "no.breaches"}}</p>{{end}}

<h2>6. {{T "s6"}}</h2>
{{chart "sources"}}
{{if .Sources.Shares}}<table><thead><tr><th>{{T "source"}}</th><th class="num">{{T "mentions"}}</th><th class="num">{{T "share"}}</th><th class="num">{{T "prev"}}</th><th class="num">{{T "change"}}</th></tr></thead><tbody>
{{range .Sources.Shares}}<tr><td>{{.Source}}</td><td class="num">{{int .Count}}</td><td class="num">{{pct .Share}}</td><td class="num">{{int .PrevCount}}</td><td class="num">{{.Change}}</td></tr>
{{end}}</tbody></table>{{end}}
{{if .Sources.Accounts}}<table><thead><tr><th>{{T "account"}}</th><th>{{T "kind"}}</th><th>{{T "source"}}</th><th class="num">{{T "mentions"}}</th><th class="num">{{T "engagement"}}</th></tr></thead><tbody>
{{range .Sources.Accounts}}<tr><td>{{.Account}}{{with .Org}}<br><span class="muted">{{.}}</span>{{end}}</td><td>{{.Kind}}</td><td>{{.Source}}</td><td class="num">{{int .Mentions}}</td><td class="num">{{int .Engagement}}</td></tr>
{{end}}</tbody></table>{{else}}<p class="muted">{{T "no.accounts"}}</p>{{end}}

<h2>7. {{T "s7"}}</h2>
<h3>{{T "gaps"}}</h3>
{{if .Method.Gaps}}<ul>{{range .Method.Gaps}}<li class="bad">{{.}}</li>{{end}}</ul>{{else}}<p>{{T "no.gaps"}}</p>{{end}}
{{if .Method.Coverage}}<h3>{{T "coverage"}}</h3><table><thead><tr><th>{{T "source"}}</th><th class="num">{{T "mentions"}}</th><th class="num">{{T "days.data"}}</th><th class="num">{{baseAvg 4}}</th><th>{{T "status"}}</th></tr></thead><tbody>
{{range .Method.Coverage}}<tr><td>{{.Source}}</td><td class="num">{{int .Count}}</td><td class="num">{{.DaysData}}/7</td><td class="num">{{coverageBase .}}</td><td{{if .Alarm}} class="bad"{{end}}>{{.Status}}</td></tr>
{{end}}</tbody></table>{{end}}
{{if .Method.Runs}}<h3>{{T "collector.runs"}}</h3><table><thead><tr><th>{{T "collector"}}</th><th class="num">{{T "runs"}}</th><th class="num">{{T "failed"}}</th><th>{{T "last.error"}}</th></tr></thead><tbody>
{{range .Method.Runs}}<tr><td>{{.Collector}}</td><td class="num">{{int .Runs}}</td><td class="num{{if .Failed}} bad{{end}}">{{int .Failed}}</td><td>{{or .LastErrorClass (T "none")}}</td></tr>
{{end}}</tbody></table>{{end}}
{{if .Method.Models}}<h3>{{T "models"}}</h3><table><thead><tr><th>Model</th><th class="num">{{T "mentions"}}</th></tr></thead><tbody>
{{range .Method.Models}}<tr><td>{{.Key}}</td><td class="num">{{int .Count}}</td></tr>
{{end}}</tbody></table>{{end}}
<h3>{{T "reading"}}</h3>
<ul class="notes">{{range .Method.Notes}}<li>{{.}}</li>{{end}}</ul>
</main>
</body>
</html>
{{define "post"}}<div class="post">{{with .Title}}<span class="headline">{{.}}</span>{{end}}“{{.Text}}” <span class="meta">— {{meta .}}{{with safeURL .URL}} · <a href="{{.}}">{{T "link"}}</a>{{end}}</span></div>{{end}}`
