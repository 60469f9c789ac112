package dashboards_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/dengar-id/dengar/dashboards"
)

// fakeGrafana reproduces the parts of Grafana's HTTP API that push uses,
// with the documented paths, methods, bodies, answers and errors:
//
//	GET  /api/folders/:uid            200 folder | 404 {"message":"folder not found"}
//	POST /api/folders                 {uid,title} → 200 folder | 409 same uid
//	PUT  /api/folders/:uid            {title,version|overwrite} → 200 | 412 version-mismatch
//	GET  /api/datasources/uid/:uid    200 (secureJsonFields, never secrets) | 404
//	POST /api/datasources             → {"datasource":…,"id":…,"message":"Datasource added"} | 409 same name
//	PUT  /api/datasources/uid/:uid    → {"datasource":…,"message":"Datasource updated"} | 404
//	GET  /api/dashboards/uid/:uid     {"dashboard":…,"meta":{"folderUid":…}} | 404
//	POST /api/dashboards/db           {dashboard,folderUid,overwrite,message} → {"id","uid","url","status":"success","version","slug"}
//	                                  | 400 missing title / unknown folder | 412 version-mismatch, name-exists
//
// Every request needs "Authorization: Bearer <token>" (401 otherwise);
// the viewer token may read but not write (403). Bodies must be JSON.
type fakeGrafana struct {
	t           *testing.T
	token       string
	viewerToken string

	mu          sync.Mutex
	nextID      int
	folders     map[string]map[string]any
	datasources map[string]map[string]any
	secrets     map[string]map[string]any
	dashboards  map[string]storedDash
	log         []string
	// reject412 makes POST /api/dashboards/db answer 412 for this uid.
	reject412 string
}

type storedDash struct {
	model     map[string]any
	folderUID string
	version   int
}

func newFakeGrafana(t *testing.T) (*fakeGrafana, *httptest.Server) {
	f := &fakeGrafana{t: t, token: "glsa_admin", viewerToken: "glsa_viewer",
		folders: map[string]map[string]any{}, datasources: map[string]map[string]any{},
		secrets: map[string]map[string]any{}, dashboards: map[string]storedDash{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

func reply(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func msg(w http.ResponseWriter, code int, m string, status ...string) {
	body := map[string]any{"message": m}
	if len(status) > 0 {
		body["status"] = status[0]
	}
	reply(w, code, body)
}

func (f *fakeGrafana) writes() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, l := range f.log {
		if !strings.HasPrefix(l, "GET ") {
			out = append(out, l)
		}
	}
	return out
}

func (f *fakeGrafana) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log = append(f.log, r.Method+" "+r.URL.Path)
	auth := r.Header.Get("Authorization")
	switch auth {
	case "Bearer " + f.token:
	case "Bearer " + f.viewerToken:
		if r.Method != http.MethodGet {
			msg(w, 403, "Access denied to this resource")
			return
		}
	default:
		msg(w, 401, "Unauthorized")
		return
	}
	var body map[string]any
	if r.Method == http.MethodPost || r.Method == http.MethodPut {
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			msg(w, 400, "bad request data: Content-Type "+ct)
			return
		}
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &body); err != nil {
			msg(w, 400, "bad request data")
			return
		}
	}
	p := r.URL.Path
	switch {
	case r.Method == "GET" && strings.HasPrefix(p, "/api/folders/"):
		uid := strings.TrimPrefix(p, "/api/folders/")
		if fo, ok := f.folders[uid]; ok {
			reply(w, 200, fo)
			return
		}
		msg(w, 404, "folder not found")
	case r.Method == "POST" && p == "/api/folders":
		uid, _ := body["uid"].(string)
		title, _ := body["title"].(string)
		if title == "" {
			msg(w, 400, "folder title cannot be empty")
			return
		}
		if _, ok := f.folders[uid]; ok {
			msg(w, 409, "a folder with the same uid already exists")
			return
		}
		f.nextID++
		fo := map[string]any{"id": f.nextID, "uid": uid, "title": title, "url": "/dashboards/f/" + uid + "/", "version": 1, "canSave": true}
		f.folders[uid] = fo
		reply(w, 200, fo)
	case r.Method == "PUT" && strings.HasPrefix(p, "/api/folders/"):
		uid := strings.TrimPrefix(p, "/api/folders/")
		fo, ok := f.folders[uid]
		if !ok {
			msg(w, 404, "folder not found")
			return
		}
		if ow, _ := body["overwrite"].(bool); !ow {
			if v, _ := body["version"].(float64); int(v) != fo["version"].(int) {
				msg(w, 412, "the folder has been changed by someone else", "version-mismatch")
				return
			}
		}
		fo["title"] = body["title"]
		fo["version"] = fo["version"].(int) + 1
		reply(w, 200, fo)
	case r.Method == "GET" && strings.HasPrefix(p, "/api/datasources/uid/"):
		uid := strings.TrimPrefix(p, "/api/datasources/uid/")
		if ds, ok := f.datasources[uid]; ok {
			reply(w, 200, ds)
			return
		}
		msg(w, 404, "Data source not found")
	case r.Method == "POST" && p == "/api/datasources":
		name, _ := body["name"].(string)
		if name == "" || body["type"] == nil || body["access"] == nil {
			msg(w, 400, "Required field is missing")
			return
		}
		for _, ds := range f.datasources {
			if ds["name"] == name {
				msg(w, 409, "data source with the same name already exists")
				return
			}
		}
		f.nextID++
		ds := f.storeDS(body, f.nextID, 1)
		reply(w, 200, map[string]any{"datasource": ds, "id": f.nextID, "message": "Datasource added", "name": name})
	case r.Method == "PUT" && strings.HasPrefix(p, "/api/datasources/uid/"):
		uid := strings.TrimPrefix(p, "/api/datasources/uid/")
		old, ok := f.datasources[uid]
		if !ok {
			msg(w, 404, "Data source not found")
			return
		}
		if body["uid"] != uid {
			msg(w, 400, "uid in body does not match the path")
			return
		}
		ds := f.storeDS(body, old["id"].(int), old["version"].(int)+1)
		reply(w, 200, map[string]any{"datasource": ds, "id": old["id"], "message": "Datasource updated", "name": ds["name"]})
	case r.Method == "GET" && strings.HasPrefix(p, "/api/dashboards/uid/"):
		uid := strings.TrimPrefix(p, "/api/dashboards/uid/")
		d, ok := f.dashboards[uid]
		if !ok {
			msg(w, 404, "Dashboard not found")
			return
		}
		reply(w, 200, map[string]any{"dashboard": d.model, "meta": map[string]any{
			"folderUid": d.folderUID, "slug": "x", "url": "/d/" + uid + "/x", "version": d.version, "canSave": true}})
	case r.Method == "POST" && p == "/api/dashboards/db":
		f.saveDashboard(w, body)
	default:
		msg(w, 404, "Not found")
	}
}

// storeDS keeps a data source the way Grafana returns it: secrets are
// write-only and show up as secureJsonFields.
func (f *fakeGrafana) storeDS(body map[string]any, id, version int) map[string]any {
	uid, _ := body["uid"].(string)
	sec, _ := body["secureJsonData"].(map[string]any)
	fields := map[string]any{}
	if old, ok := f.secrets[uid]; ok {
		for k := range old {
			fields[k] = true
		}
	}
	if len(sec) > 0 {
		f.secrets[uid] = sec
		for k := range sec {
			fields[k] = true
		}
	}
	ds := map[string]any{"id": id, "uid": uid, "orgId": 1, "name": body["name"], "type": body["type"], "access": body["access"],
		"url": body["url"], "jsonData": body["jsonData"], "secureJsonFields": fields, "version": version, "readOnly": false, "isDefault": false}
	f.datasources[uid] = ds
	return ds
}

func (f *fakeGrafana) saveDashboard(w http.ResponseWriter, body map[string]any) {
	model, _ := body["dashboard"].(map[string]any)
	if model == nil {
		msg(w, 400, "bad request data: dashboard missing")
		return
	}
	title, _ := model["title"].(string)
	uid, _ := model["uid"].(string)
	if title == "" {
		msg(w, 400, "Dashboard title cannot be empty")
		return
	}
	folderUID, _ := body["folderUid"].(string)
	if _, ok := f.folders[folderUID]; folderUID != "" && !ok {
		msg(w, 400, "folder not found")
		return
	}
	if uid == f.reject412 {
		msg(w, 412, "The dashboard has been changed by someone else", "version-mismatch")
		return
	}
	overwrite, _ := body["overwrite"].(bool)
	old, exists := f.dashboards[uid]
	if !overwrite {
		if exists {
			if v, _ := model["version"].(float64); int(v) != old.version {
				msg(w, 412, "The dashboard has been changed by someone else", "version-mismatch")
				return
			}
		}
		for ouid, d := range f.dashboards {
			if ouid != uid && d.folderUID == folderUID && d.model["title"] == title {
				msg(w, 412, "A dashboard with the same name in the folder already exists", "name-exists")
				return
			}
		}
	}
	version := 1
	id := 0
	if exists {
		version = old.version + 1
		id = int(old.model["id"].(float64))
	} else {
		f.nextID++
		id = f.nextID
	}
	stored := map[string]any{}
	b, _ := json.Marshal(model)
	_ = json.Unmarshal(b, &stored)
	stored["id"] = float64(id)
	stored["version"] = float64(version)
	f.dashboards[uid] = storedDash{model: stored, folderUID: folderUID, version: version}
	reply(w, 200, map[string]any{"id": id, "uid": uid, "url": "/d/" + uid + "/x", "status": "success", "version": version, "slug": "x"})
}

func pushSpec(t *testing.T, password string) dashboards.PushSpec {
	t.Helper()
	ds, err := dashboards.All(dashboards.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sec := map[string]any{}
	if password != "" {
		sec["password"] = password
	}
	return dashboards.PushSpec{
		Folder: dashboards.Folder{UID: dashboards.DefaultFolderUID, Title: dashboards.DefaultFolderTitle},
		DataSource: dashboards.DataSource{UID: dashboards.DefaultDatasourceUID, Name: dashboards.DefaultDatasourceName,
			Type: dashboards.PluginType, Access: "proxy",
			JSONData:       map[string]any{"host": "clickhouse", "port": 9000, "protocol": "native", "defaultDatabase": "dengar", "username": "dengar"},
			SecureJSONData: sec},
		Dashboards: ds,
	}
}

func TestPushCreatesThenIsIdempotent(t *testing.T) {
	fake, srv := newFakeGrafana(t)
	api, err := dashboards.NewGrafanaAPI(srv.URL, fake.token, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	spec := pushSpec(t, "rahasia")

	res, err := dashboards.Push(ctx, api, spec)
	if err != nil {
		t.Fatal(err)
	}
	wantWrites := []string{"POST /api/folders", "POST /api/datasources"}
	for range spec.Dashboards {
		wantWrites = append(wantWrites, "POST /api/dashboards/db")
	}
	if got := fake.writes(); !reflect.DeepEqual(got, wantWrites) {
		t.Errorf("first push wrote %q, want %q", got, wantWrites)
	}
	if len(res.Created) != 2+len(spec.Dashboards) || len(res.Updated) != 0 {
		t.Errorf("first push result %+v", res)
	}
	// What Grafana now holds.
	if fo := fake.folders[dashboards.DefaultFolderUID]; fo == nil || fo["title"] != "Dengar" {
		t.Errorf("folder %v", fo)
	}
	ds := fake.datasources[dashboards.DefaultDatasourceUID]
	jd, _ := ds["jsonData"].(map[string]any)
	if ds["type"] != "grafana-clickhouse-datasource" || jd["protocol"] != "native" || jd["host"] != "clickhouse" ||
		jd["port"] != float64(9000) || jd["defaultDatabase"] != "dengar" || jd["username"] != "dengar" {
		t.Errorf("data source %v", ds)
	}
	if fake.secrets[dashboards.DefaultDatasourceUID]["password"] != "rahasia" {
		t.Errorf("password not sent in secureJsonData")
	}
	for _, d := range spec.Dashboards {
		st, ok := fake.dashboards[*d.Uid]
		if !ok {
			t.Errorf("dashboard %s not created", *d.Uid)
			continue
		}
		if st.folderUID != dashboards.DefaultFolderUID || st.version != 1 || st.model["title"] != *d.Title {
			t.Errorf("dashboard %s stored in folder %q, version %d, title %v", *d.Uid, st.folderUID, st.version, st.model["title"])
		}
	}

	// Second push: everything matches, nothing is written.
	fake.log = nil
	res, err = dashboards.Push(ctx, api, spec)
	if err != nil {
		t.Fatal(err)
	}
	if w := fake.writes(); len(w) != 0 {
		t.Errorf("second push wrote %q, want nothing", w)
	}
	if len(res.Unchanged) != 2+len(spec.Dashboards) {
		t.Errorf("second push result %+v", res)
	}
	for _, d := range spec.Dashboards {
		if v := fake.dashboards[*d.Uid].version; v != 1 {
			t.Errorf("dashboard %s version %d after an idempotent push", *d.Uid, v)
		}
	}

	// Someone edits a dashboard and renames the folder in the UI: the next
	// push restores both, overwriting by uid.
	edited := fake.dashboards[dashboards.UIDProgram]
	edited.model["title"] = "diubah di UI"
	fake.folders[dashboards.DefaultFolderUID]["title"] = "Lain"
	fake.log = nil
	res, err = dashboards.Push(ctx, api, spec)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fake.writes(), []string{"PUT /api/folders/dengar", "POST /api/dashboards/db"}; !reflect.DeepEqual(got, want) {
		t.Errorf("repair push wrote %q, want %q", got, want)
	}
	if st := fake.dashboards[dashboards.UIDProgram]; st.version != 2 || st.model["title"] != "Dengar — Program" {
		t.Errorf("program dashboard version %d title %v", st.version, st.model["title"])
	}
	if !reflect.DeepEqual(res.Updated, []string{"folder/dengar", "dashboard/" + dashboards.UIDProgram}) {
		t.Errorf("updated %q", res.Updated)
	}

	// A changed ClickHouse address updates the data source in place.
	spec.DataSource.JSONData["host"] = "ch-2"
	fake.log = nil
	if _, err := dashboards.Push(ctx, api, spec); err != nil {
		t.Fatal(err)
	}
	if got := fake.writes(); !reflect.DeepEqual(got, []string{"PUT /api/datasources/uid/" + dashboards.DefaultDatasourceUID}) {
		t.Errorf("data source update wrote %q", got)
	}
	if ds := fake.datasources[dashboards.DefaultDatasourceUID]; ds["version"] != 2 || ds["jsonData"].(map[string]any)["host"] != "ch-2" {
		t.Errorf("data source after update %v", ds)
	}

	// Force rewrites everything (e.g. to rotate the password).
	spec.Force = true
	fake.log = nil
	res, err = dashboards.Push(ctx, api, spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Updated) != 2+len(spec.Dashboards) {
		t.Errorf("forced push updated %q", res.Updated)
	}
}

func TestPushErrors(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name       string
		token      string
		reject     string
		wantStatus int
		wantUnauth bool
		wantMsg    string
	}{
		{name: "bad token", token: "salah", wantStatus: 401, wantUnauth: true, wantMsg: "token ditolak"},
		{name: "viewer token", token: "glsa_viewer", wantStatus: 403, wantUnauth: true, wantMsg: "token ditolak"},
		{name: "precondition failed", token: "glsa_admin", reject: dashboards.UIDNetralitas, wantStatus: 412, wantMsg: "HTTP 412"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake, srv := newFakeGrafana(t)
			fake.reject412 = c.reject
			api, err := dashboards.NewGrafanaAPI(srv.URL, c.token, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = dashboards.Push(ctx, api, pushSpec(t, ""))
			var ae *dashboards.APIError
			if !errors.As(err, &ae) || ae.Status != c.wantStatus {
				t.Fatalf("err = %v, want HTTP %d", err, c.wantStatus)
			}
			if errors.Is(err, dashboards.ErrUnauthorized) != c.wantUnauth {
				t.Errorf("errors.Is(err, ErrUnauthorized) = %v", !c.wantUnauth)
			}
			if m := dashboards.UserMessage(err); !strings.Contains(m, c.wantMsg) {
				t.Errorf("user message %q lacks %q", m, c.wantMsg)
			}
			if strings.Contains(err.Error(), c.token) && c.token != "" {
				t.Errorf("error leaks the token: %v", err)
			}
		})
	}

	t.Run("bad url", func(t *testing.T) {
		for _, u := range []string{"localhost:3000", "ftp://grafana", "http://", "::"} {
			_, err := dashboards.NewGrafanaAPI(u, "t", nil)
			var ue *dashboards.URLError
			if !errors.As(err, &ue) {
				t.Errorf("NewGrafanaAPI(%q) = %v, want URLError", u, err)
			}
			if m := dashboards.UserMessage(err); !strings.Contains(m, "URL Grafana tidak valid") {
				t.Errorf("message %q", m)
			}
		}
		if _, err := dashboards.NewGrafanaAPI("http://grafana:3000", "", nil); !errors.Is(err, dashboards.ErrNoToken) {
			t.Errorf("empty token: %v", err)
		}
	})
	t.Run("unreachable", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		url := srv.URL
		srv.Close()
		api, err := dashboards.NewGrafanaAPI(url, "t", nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = dashboards.Push(ctx, api, pushSpec(t, ""))
		if !errors.Is(err, dashboards.ErrUnreachable) {
			t.Fatalf("err = %v, want ErrUnreachable", err)
		}
		if m := dashboards.UserMessage(err); !strings.Contains(m, "tidak dapat dihubungi") {
			t.Errorf("message %q", m)
		}
	})
}

// TestPushPathPrefix checks a Grafana served under a sub-path.
func TestPushPathPrefix(t *testing.T) {
	fake, srv := newFakeGrafana(t)
	mux := http.NewServeMux()
	mux.Handle("/grafana/", http.StripPrefix("/grafana", fake))
	sub := httptest.NewServer(mux)
	defer sub.Close()
	_ = srv
	api, err := dashboards.NewGrafanaAPI(sub.URL+"/grafana/", fake.token, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dashboards.Push(context.Background(), api, pushSpec(t, "")); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.dashboards); n != 5 {
		t.Errorf("%d dashboards stored, want 5", n)
	}
}
