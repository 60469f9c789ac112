package deploy

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// roles are the Dengar processes every deployment must run.
var roles = []string{"collect", "analyze", "sink", "alert", "report"}

// secretName matches environment variables that hold secrets.
var secretName = regexp.MustCompile(`(PASSWORD|TOKEN|SECRET|_KEY|WEBHOOK_URL)$`)

// envRef is a Compose variable reference such as ${X} or ${X:?msg}.
var envRef = regexp.MustCompile(`^\$\{([A-Z0-9_]+)(:?[-?][^}]*)?\}$`)

func readYAML(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return m
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	default:
		return strings.TrimSpace(strings.Trim(strings.ReplaceAll(strings.TrimSpace(toJSON(x)), `"`, ""), "[]"))
	}
}

func toJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

// envMap normalises a Compose environment (map or KEY=VALUE list).
func envMap(v any) map[string]string {
	out := map[string]string{}
	switch e := v.(type) {
	case map[string]any:
		for k, val := range e {
			out[k] = str(val)
		}
	case []any:
		for _, item := range e {
			k, val, _ := strings.Cut(str(item), "=")
			out[k] = val
		}
	}
	return out
}

func TestComposeServices(t *testing.T) {
	c := readYAML(t, "compose.yaml")
	services := asMap(c["services"])
	if len(services) == 0 {
		t.Fatal("compose.yaml has no services")
	}
	for _, want := range append([]string{"kafka", "clickhouse", "grafana", "migrate"}, roles...) {
		if _, ok := services[want]; !ok {
			t.Errorf("service %q missing", want)
		}
	}
	// Services others wait for with service_completed_successfully are
	// one-shot jobs: they need no health check.
	oneShot := map[string]bool{}
	for _, s := range services {
		for dep, cond := range asMap(asMap(s)["depends_on"]) {
			if str(asMap(cond)["condition"]) == "service_completed_successfully" {
				oneShot[dep] = true
			}
		}
	}
	validRestart := []string{"no", "always", "on-failure", "unless-stopped"}
	for name, raw := range services {
		s := asMap(raw)
		t.Run(name, func(t *testing.T) {
			if s["image"] == nil && s["build"] == nil {
				t.Error("neither image nor build")
			}
			if img := str(s["image"]); img != "" && s["build"] == nil {
				if !strings.Contains(img, ":") || strings.HasSuffix(img, ":latest") {
					t.Errorf("third-party image %q is not pinned to a version", img)
				}
			}
			if r := str(s["restart"]); !slices.Contains(validRestart, r) || r == "no" {
				t.Errorf("restart = %q, want one of always, on-failure, unless-stopped", r)
			}
			hc := asMap(s["healthcheck"])
			switch {
			case hc == nil:
				t.Error("no healthcheck")
			case hc["disable"] == true:
				if !oneShot[name] {
					t.Error("healthcheck disabled on a long-running service")
				}
			case len(asSlice(hc["test"])) < 2:
				t.Errorf("healthcheck test %v is not a CMD/CMD-SHELL list", hc["test"])
			}
			for dep := range asMap(s["depends_on"]) {
				if _, ok := services[dep]; !ok {
					t.Errorf("depends_on unknown service %q", dep)
				}
			}
			for k, v := range envMap(s["environment"]) {
				if secretName.MatchString(k) && !envRef.MatchString(v) {
					t.Errorf("secret %s is inlined (%q): use ${%s} from deploy/.env", k, v, k)
				}
			}
			for _, v := range asSlice(s["volumes"]) {
				src, _, _ := strings.Cut(str(v), ":")
				if strings.HasPrefix(src, ".") {
					if _, err := os.Stat(src); err != nil {
						t.Errorf("bind mount source %s: %v", src, err)
					}
				}
			}
		})
	}
	// Roles run the dengar binary with their subcommand and health check
	// on the metrics port.
	for _, r := range roles {
		s := asMap(services[r])
		cmd := asSlice(s["command"])
		if len(cmd) == 0 || str(cmd[0]) != r {
			t.Errorf("service %s: command %v does not start with %q", r, cmd, r)
		}
		if s["build"] == nil {
			t.Errorf("service %s: not built from deploy/Dockerfile", r)
		}
		if test := strings.Join(strSlice(asMap(s["healthcheck"])["test"]), " "); !strings.Contains(test, "/healthz") {
			t.Errorf("service %s: healthcheck %q does not probe /healthz", r, test)
		}
		if port := metricsPort(cmd); port != "9464" {
			t.Errorf("service %s: --metrics-addr port %q, healthcheck expects 9464", r, port)
		}
	}
}

func strSlice(v any) []string {
	var out []string
	for _, x := range asSlice(v) {
		out = append(out, str(x))
	}
	return out
}

func metricsPort(cmd []any) string {
	for i, a := range cmd {
		if str(a) == "--metrics-addr" && i+1 < len(cmd) {
			_, port, _ := strings.Cut(str(cmd[i+1]), ":")
			return port
		}
	}
	return ""
}

func TestComposeInfrastructure(t *testing.T) {
	services := asMap(readYAML(t, "compose.yaml")["services"])
	major := func(image string) int {
		_, tag, _ := strings.Cut(image, ":")
		n, _ := strconv.Atoi(strings.Split(tag, ".")[0])
		return n
	}
	if m := major(str(asMap(services["clickhouse"])["image"])); m < 24 {
		t.Errorf("ClickHouse major version %d, want 24+", m)
	}
	g := asMap(services["grafana"])
	if m := major(str(g["image"])); m < 11 {
		t.Errorf("Grafana major version %d, want 11+", m)
	}
	if p := envMap(g["environment"])["GF_INSTALL_PLUGINS"]; !strings.Contains(p, "grafana-clickhouse-datasource") {
		t.Errorf("GF_INSTALL_PLUGINS = %q, want the ClickHouse plugin", p)
	}
	k := envMap(asMap(services["kafka"])["environment"])
	if !strings.Contains(k["KAFKA_PROCESS_ROLES"], "controller") || k["KAFKA_CONTROLLER_QUORUM_VOTERS"] == "" {
		t.Errorf("Kafka is not in KRaft mode: %v", k)
	}
	// The analyzers must be scalable: no fixed container name or host port.
	a := asMap(services["analyze"])
	if a["container_name"] != nil || a["ports"] != nil {
		t.Error("analyze has a container_name or published ports: it cannot be scaled")
	}
}

// TestEnvExample checks every variable compose.yaml reads is documented.
func TestEnvExample(t *testing.T) {
	compose, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(".env.example")
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	for _, line := range strings.Split(string(example), "\n") {
		if k, _, ok := strings.Cut(strings.TrimSpace(line), "="); ok && !strings.HasPrefix(k, "#") {
			defined[k] = true
		}
	}
	refs := regexp.MustCompile(`\$\{([A-Z0-9_]+)`).FindAllStringSubmatch(string(compose), -1)
	if len(refs) == 0 {
		t.Fatal("compose.yaml reads no variables")
	}
	for _, r := range refs {
		if !defined[r[1]] {
			t.Errorf("compose.yaml reads ${%s}, missing from .env.example", r[1])
		}
	}
}

func TestGrafanaProvisioning(t *testing.T) {
	services := asMap(readYAML(t, "compose.yaml")["services"])
	mounts := map[string]string{} // container path → host path
	for _, v := range asSlice(asMap(services["grafana"])["volumes"]) {
		parts := strings.Split(str(v), ":")
		if len(parts) >= 2 {
			mounts[parts[1]] = parts[0]
		}
	}
	if mounts["/etc/grafana/provisioning"] != "./grafana/provisioning" {
		t.Fatalf("grafana does not mount ./grafana/provisioning at /etc/grafana/provisioning: %v", mounts)
	}

	ds := readYAML(t, "grafana/provisioning/datasources/clickhouse.yaml")
	list := asSlice(ds["datasources"])
	if len(list) != 1 {
		t.Fatalf("want 1 provisioned data source, got %d", len(list))
	}
	d := asMap(list[0])
	if str(d["type"]) != "grafana-clickhouse-datasource" {
		t.Errorf("data source type %q", str(d["type"]))
	}
	uid := str(d["uid"])
	jd := asMap(d["jsonData"])
	if str(jd["protocol"]) != "native" || str(jd["host"]) != "clickhouse" || str(jd["port"]) != "9000" {
		t.Errorf("jsonData %v: want native protocol to clickhouse:9000", jd)
	}
	if pw := str(asMap(d["secureJsonData"])["password"]); !strings.HasPrefix(pw, "$") {
		t.Errorf("password is inlined in the provisioning file")
	}

	prov := readYAML(t, "grafana/provisioning/dashboards/dengar.yaml")
	providers := asSlice(prov["providers"])
	if len(providers) != 1 {
		t.Fatalf("want 1 dashboard provider, got %d", len(providers))
	}
	p := asMap(providers[0])
	path := str(asMap(p["options"])["path"])
	host, ok := mounts[path]
	if !ok {
		t.Fatalf("provider path %s is not mounted into grafana (mounts %v)", path, mounts)
	}
	files, _ := filepath.Glob(filepath.Join(host, "*.json"))
	if len(files) < 5 {
		t.Fatalf("%s holds %d dashboards, want at least 5", host, len(files))
	}
	// Every panel must query the provisioned data source.
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var dash struct {
			UID    string `json:"uid"`
			Panels []struct {
				Title   string `json:"title"`
				Targets []struct {
					Datasource struct{ Type, UID string } `json:"datasource"`
				} `json:"targets"`
			} `json:"panels"`
		}
		if err := json.Unmarshal(b, &dash); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, pn := range dash.Panels {
			for _, tg := range pn.Targets {
				if tg.Datasource.UID != uid || tg.Datasource.Type != "grafana-clickhouse-datasource" {
					t.Errorf("%s panel %q queries %+v, want the provisioned uid %q", filepath.Base(f), pn.Title, tg.Datasource, uid)
				}
			}
		}
	}
}

func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	froms := regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllStringSubmatch(s, -1)
	if len(froms) < 2 {
		t.Fatalf("want a multi-stage build, got %d stages", len(froms))
	}
	if final := froms[len(froms)-1][1]; !strings.Contains(final, "distroless/static") {
		t.Errorf("final stage %s, want distroless/static", final)
	}
	if !regexp.MustCompile(`(?m)^USER\s+(nonroot|65532)`).MatchString(s) {
		t.Error("the image does not run as non-root")
	}
	if !strings.Contains(s, "CGO_ENABLED=0") {
		t.Error("the binary is not built static (CGO_ENABLED=0)")
	}
}

// k8sObject is one document of a manifest.
type k8sObject struct {
	file string
	m    map[string]any
}

func (o k8sObject) kind() string { return str(o.m["kind"]) }
func (o k8sObject) name() string { return str(asMap(o.m["metadata"])["name"]) }

func readK8s(t *testing.T) (objs []k8sObject, files map[string]bool) {
	t.Helper()
	paths, _ := filepath.Glob("k8s/*.yaml")
	files = map[string]bool{}
	for _, p := range paths {
		base := filepath.Base(p)
		files[base] = true
		if base == "kustomization.yaml" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		for {
			var m map[string]any
			err := dec.Decode(&m)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if m != nil {
				objs = append(objs, k8sObject{file: base, m: m})
			}
		}
	}
	return objs, files
}

func labelsMatch(selector, labels map[string]any) bool {
	if len(selector) == 0 {
		return false
	}
	for k, v := range selector {
		if str(labels[k]) != str(v) {
			return false
		}
	}
	return true
}

func TestKubernetesManifests(t *testing.T) {
	objs, files := readK8s(t)
	byKind := map[string]map[string]k8sObject{}
	for _, o := range objs {
		if o.m["apiVersion"] == nil || o.kind() == "" || o.name() == "" {
			t.Errorf("%s: object without apiVersion/kind/metadata.name: %v", o.file, o.m)
			continue
		}
		if byKind[o.kind()] == nil {
			byKind[o.kind()] = map[string]k8sObject{}
		}
		if _, dup := byKind[o.kind()][o.name()]; dup {
			t.Errorf("duplicate %s %s", o.kind(), o.name())
		}
		byKind[o.kind()][o.name()] = o
	}

	// kustomization lists every manifest except the secret template.
	kz := readYAML(t, "k8s/kustomization.yaml")
	listed := map[string]bool{}
	for _, r := range asSlice(kz["resources"]) {
		listed[str(r)] = true
		if !files[str(r)] {
			t.Errorf("kustomization lists missing file %s", str(r))
		}
	}
	for f := range files {
		if f != "kustomization.yaml" && !strings.HasSuffix(f, ".example.yaml") && !listed[f] {
			t.Errorf("%s is not listed in kustomization.yaml", f)
		}
		if strings.HasSuffix(f, ".example.yaml") && listed[f] {
			t.Errorf("template %s must not be applied by kustomize", f)
		}
	}

	secrets := byKind["Secret"]
	if len(secrets) != 1 {
		t.Fatalf("want one Secret template, got %d", len(secrets))
	}
	var secretKeys map[string]any
	var secretObj string
	for n, s := range secrets {
		secretObj, secretKeys = n, asMap(s.m["stringData"])
	}
	cm := byKind["ConfigMap"]["dengar-config"]
	var conf map[string]any
	if err := yaml.Unmarshal([]byte(str(asMap(cm.m["data"])["dengar.yaml"])), &conf); err != nil || conf["kafka"] == nil || conf["clickhouse"] == nil {
		t.Errorf("ConfigMap dengar-config: dengar.yaml does not parse into kafka/clickhouse sections: %v", err)
	}

	// Each role runs as a Deployment; migrate is a Job.
	deployments := byKind["Deployment"]
	for _, r := range roles {
		d, ok := deployments["dengar-"+r]
		if !ok {
			t.Errorf("no Deployment for role %s", r)
			continue
		}
		c := asMap(asSlice(asMap(asMap(asMap(d.m["spec"])["template"])["spec"])["containers"])[0])
		if args := strSlice(c["args"]); len(args) == 0 || args[0] != r {
			t.Errorf("Deployment dengar-%s runs %v", r, args)
		}
	}
	if _, ok := byKind["Job"]["dengar-migrate"]; !ok {
		t.Error("no Job dengar-migrate")
	}

	podSpecs := map[string]map[string]any{} // "Kind/name" → pod template
	for kind, objs := range byKind {
		if kind != "Deployment" && kind != "Job" {
			continue
		}
		for name, o := range objs {
			tmpl := asMap(asMap(o.m["spec"])["template"])
			podSpecs[kind+"/"+name] = tmpl
			labels := asMap(asMap(tmpl["metadata"])["labels"])
			if kind == "Deployment" {
				sel := asMap(asMap(asMap(o.m["spec"])["selector"])["matchLabels"])
				if !labelsMatch(sel, labels) {
					t.Errorf("Deployment %s: selector %v does not match template labels %v", name, sel, labels)
				}
			}
			spec := asMap(tmpl["spec"])
			for _, v := range asSlice(spec["volumes"]) {
				if ref := str(asMap(asMap(v)["configMap"])["name"]); ref != "" {
					if _, ok := byKind["ConfigMap"][ref]; !ok {
						t.Errorf("%s/%s mounts unknown ConfigMap %s", kind, name, ref)
					}
				}
			}
			for _, raw := range asSlice(spec["containers"]) {
				c := asMap(raw)
				if str(asMap(asMap(c["resources"])["requests"])["cpu"]) == "" {
					t.Errorf("%s/%s: container %s has no CPU request (the HPA needs it)", kind, name, str(c["name"]))
				}
				ports := map[string]bool{}
				for _, p := range asSlice(c["ports"]) {
					ports[str(asMap(p)["name"])] = true
				}
				for _, probe := range []string{"readinessProbe", "livenessProbe"} {
					pr := asMap(c[probe])
					if kind == "Deployment" && pr == nil {
						t.Errorf("%s/%s: no %s", kind, name, probe)
					}
					if port := str(asMap(pr["httpGet"])["port"]); port != "" && !ports[port] {
						t.Errorf("%s/%s: %s port %q is not a container port", kind, name, probe, port)
					}
					// Readiness is /readyz (an outage makes a pod not
					// ready); liveness /healthz (an outage never restarts it).
					want := map[string]string{"readinessProbe": "/readyz", "livenessProbe": "/healthz"}[probe]
					if path := str(asMap(pr["httpGet"])["path"]); kind == "Deployment" && path != want {
						t.Errorf("%s/%s: %s probes %q, want %s", kind, name, probe, path, want)
					}
				}
				for _, e := range asSlice(c["env"]) {
					em := asMap(e)
					if em["value"] != nil && secretName.MatchString(str(em["name"])) {
						t.Errorf("%s/%s: secret %s inlined as a value", kind, name, str(em["name"]))
					}
					ref := asMap(asMap(em["valueFrom"])["secretKeyRef"])
					if ref == nil {
						continue
					}
					if str(ref["name"]) != secretObj {
						t.Errorf("%s/%s: env %s reads Secret %s, want %s", kind, name, str(em["name"]), str(ref["name"]), secretObj)
					}
					if _, ok := secretKeys[str(ref["key"])]; !ok {
						t.Errorf("%s/%s: env %s reads key %s missing from the Secret template", kind, name, str(em["name"]), str(ref["key"]))
					}
				}
			}
		}
	}

	// Every Service selects the pods of some Deployment.
	for name, s := range byKind["Service"] {
		sel := asMap(asMap(s.m["spec"])["selector"])
		found := false
		for _, d := range deployments {
			labels := asMap(asMap(asMap(asMap(d.m["spec"])["template"])["metadata"])["labels"])
			if labelsMatch(sel, labels) {
				found = true
			}
		}
		if !found {
			t.Errorf("Service %s: selector %v matches no Deployment", name, sel)
		}
	}

	// The analyzers are scaled by an HPA on CPU that targets a Deployment.
	hpas := byKind["HorizontalPodAutoscaler"]
	if len(hpas) == 0 {
		t.Fatal("no HorizontalPodAutoscaler")
	}
	for name, h := range hpas {
		spec := asMap(h.m["spec"])
		ref := asMap(spec["scaleTargetRef"])
		if str(ref["kind"]) != "Deployment" {
			t.Errorf("HPA %s targets kind %s", name, str(ref["kind"]))
		}
		if _, ok := deployments[str(ref["name"])]; !ok {
			t.Errorf("HPA %s targets unknown Deployment %s", name, str(ref["name"]))
		}
		minR, _ := spec["minReplicas"].(int)
		maxR, _ := spec["maxReplicas"].(int)
		if minR < 1 || maxR <= minR {
			t.Errorf("HPA %s: replicas %d…%d", name, minR, maxR)
		}
		cpu := false
		for _, m := range asSlice(spec["metrics"]) {
			if str(asMap(asMap(m)["resource"])["name"]) == "cpu" {
				cpu = true
			}
		}
		if !cpu {
			t.Errorf("HPA %s does not scale on CPU", name)
		}
	}
	if h, ok := hpas["dengar-analyze"]; !ok || str(asMap(asMap(h.m["spec"])["scaleTargetRef"])["name"]) != "dengar-analyze" {
		t.Error("the analyzers (dengar-analyze) are not scaled by an HPA")
	}
}

// TestConfigFiles checks the config files shipped to containers: they
// parse, hold every section of the embedded default (so no stage silently
// runs on defaults in production), keep secrets out, point at the compose
// services and link alerts to dashboards that exist.
func TestConfigFiles(t *testing.T) {
	embedded := readYAML(t, "../cmd/dengar/dengar.yaml")
	cm := map[string]any{}
	for _, o := range func() []k8sObject { objs, _ := readK8s(t); return objs }() {
		if o.kind() == "ConfigMap" && o.name() == "dengar-config" {
			if err := yaml.Unmarshal([]byte(str(asMap(o.m["data"])["dengar.yaml"])), &cm); err != nil {
				t.Fatalf("ConfigMap dengar.yaml: %v", err)
			}
		}
	}
	compose := readYAML(t, "dengar.yaml")
	dashFiles, _ := filepath.Glob("../dashboards/json/*.json")
	uids := map[string]bool{}
	for _, f := range dashFiles {
		uids[strings.TrimSuffix(filepath.Base(f), ".json")] = true
	}
	for name, c := range map[string]map[string]any{"deploy/dengar.yaml": compose, "k8s ConfigMap": cm} {
		for section := range embedded {
			if _, ok := c[section]; !ok {
				t.Errorf("%s lacks section %q of cmd/dengar/dengar.yaml", name, section)
			}
		}
		for family, uid := range asMap(asMap(asMap(c["alerts"])["grafana"])["dashboards"]) {
			if !uids[str(uid)] {
				t.Errorf("%s: alerts.grafana.dashboards.%s = %q is not a dashboard (have %v)", name, family, str(uid), uids)
			}
		}
	}
	if got := str(asSlice(asMap(compose["kafka"])["brokers"])[0]); got != "kafka:9092" {
		t.Errorf("deploy/dengar.yaml kafka.brokers = %q, want the compose service kafka:9092", got)
	}
	if got := str(asMap(compose["clickhouse"])["addr"]); got != "clickhouse:9000" {
		t.Errorf("deploy/dengar.yaml clickhouse.addr = %q, want clickhouse:9000", got)
	}
	for _, p := range []string{"dengar.yaml", "k8s/configmap.yaml"} {
		b, _ := os.ReadFile(p)
		if regexp.MustCompile(`(?im)^\s*(password|token|secret)\s*:`).Match(b) {
			t.Errorf("%s holds a secret", p)
		}
	}
}
