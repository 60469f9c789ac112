package dashboards

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	gapi "github.com/grafana/grafana-api-golang-client"
)

// GrafanaAPI is the Provisioner over Grafana's HTTP API, using
// grafana-api-golang-client (kept behind the interface: it is archived
// upstream). Requests carry "Authorization: Bearer <token>".
type GrafanaAPI struct {
	c       *gapi.Client
	baseURL string
}

// NewGrafanaAPI checks baseURL and returns a client authenticating with a
// service-account token. hc may be nil (a client with a 30 s timeout).
func NewGrafanaAPI(baseURL, token string, hc *http.Client) (*GrafanaAPI, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &URLError{URL: baseURL}
	}
	if token == "" {
		return nil, ErrNoToken
	}
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	c, err := gapi.New(strings.TrimRight(baseURL, "/"), gapi.Config{
		APIKey: token,
		Client: hc,
		// The client sends no Content-Type; Grafana binds JSON bodies only
		// with application/json.
		HTTPHeaders: map[string]string{"Content-Type": "application/json", "Accept": "application/json"},
	})
	if err != nil {
		return nil, &URLError{URL: baseURL}
	}
	return &GrafanaAPI{c: c, baseURL: baseURL}, nil
}

// URLError is a Grafana URL that cannot be used.
type URLError struct{ URL string }

// Error implements error.
func (e *URLError) Error() string {
	return fmt.Sprintf("invalid Grafana URL %q: want http(s)://host[:port][/path]", e.URL)
}

// ErrNoToken means GRAFANA_TOKEN is not set.
var ErrNoToken = errors.New("no Grafana token: set GRAFANA_TOKEN to a service account token")

// ErrUnreachable wraps transport errors (DNS, refused connection, TLS).
var ErrUnreachable = errors.New("grafana unreachable")

var statusPrefix = regexp.MustCompile(`^status: (\d{3}), body: (?s)(.*)$`)

// apiErr turns the client's errors into APIError / ErrUnreachable.
func (g *GrafanaAPI) apiErr(op string, err error) error {
	if err == nil {
		return nil
	}
	var nf gapi.ErrNotFound
	if errors.As(err, &nf) {
		return &APIError{Op: op, Status: 404, Message: grafanaMessage(string(nf.BodyContents))}
	}
	if m := statusPrefix.FindStringSubmatch(err.Error()); m != nil {
		code, _ := strconv.Atoi(m[1])
		return &APIError{Op: op, Status: code, Message: grafanaMessage(m[2])}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%w: %s %s: %v", ErrUnreachable, op, g.baseURL, ue.Err)
	}
	return fmt.Errorf("grafana %s: %w", op, err)
}

// grafanaMessage extracts {"message": "..."} from a Grafana error body.
func grafanaMessage(body string) string {
	var m struct {
		Message string `json:"message"`
		Status  string `json:"status"`
	}
	if json.Unmarshal([]byte(body), &m) == nil && m.Message != "" {
		if m.Status != "" {
			return m.Message + " (" + m.Status + ")"
		}
		return m.Message
	}
	if len(body) > 200 {
		body = body[:200] + "…"
	}
	return strings.TrimSpace(body)
}

// Folder implements Provisioner.
func (g *GrafanaAPI) Folder(_ context.Context, uid string) (Folder, error) {
	f, err := g.c.FolderByUID(uid)
	if err != nil {
		return Folder{}, g.apiErr("GET /api/folders/"+uid, err)
	}
	return Folder{UID: f.UID, Title: f.Title}, nil
}

// CreateFolder implements Provisioner.
func (g *GrafanaAPI) CreateFolder(_ context.Context, f Folder) error {
	_, err := g.c.NewFolder(f.Title, f.UID)
	return g.apiErr("POST /api/folders", err)
}

// UpdateFolder implements Provisioner (PUT with overwrite: true).
func (g *GrafanaAPI) UpdateFolder(_ context.Context, f Folder) error {
	return g.apiErr("PUT /api/folders/"+f.UID, g.c.UpdateFolder(f.UID, f.Title))
}

// DataSource implements Provisioner.
func (g *GrafanaAPI) DataSource(_ context.Context, uid string) (DataSource, error) {
	d, err := g.c.DataSourceByUID(uid)
	if err != nil {
		return DataSource{}, g.apiErr("GET /api/datasources/uid/"+uid, err)
	}
	return DataSource{ID: d.ID, UID: d.UID, Name: d.Name, Type: d.Type, Access: d.Access, JSONData: d.JSONData}, nil
}

func toGapi(ds DataSource) *gapi.DataSource {
	return &gapi.DataSource{
		ID: ds.ID, UID: ds.UID, Name: ds.Name, Type: ds.Type, Access: ds.Access,
		JSONData: ds.JSONData, SecureJSONData: ds.SecureJSONData,
	}
}

// CreateDataSource implements Provisioner.
func (g *GrafanaAPI) CreateDataSource(_ context.Context, ds DataSource) error {
	_, err := g.c.NewDataSource(toGapi(ds))
	return g.apiErr("POST /api/datasources", err)
}

// UpdateDataSource implements Provisioner.
func (g *GrafanaAPI) UpdateDataSource(_ context.Context, ds DataSource) error {
	return g.apiErr("PUT /api/datasources/uid/"+ds.UID, g.c.UpdateDataSourceByUID(toGapi(ds)))
}

// Dashboard implements Provisioner.
func (g *GrafanaAPI) Dashboard(_ context.Context, uid string) (StoredDashboard, error) {
	d, err := g.c.DashboardByUID(uid)
	if err != nil {
		return StoredDashboard{}, g.apiErr("GET /api/dashboards/uid/"+uid, err)
	}
	var version int64
	if v, ok := d.Model["version"].(float64); ok {
		version = int64(v)
	}
	return StoredDashboard{Model: d.Model, FolderUID: d.Meta.FolderUID, Version: version}, nil
}

// SaveDashboard implements Provisioner: POST /api/dashboards/db with
// overwrite: true and folderUid.
func (g *GrafanaAPI) SaveDashboard(_ context.Context, model map[string]any, folderUID, message string) (int64, error) {
	m := make(map[string]any, len(model)+1)
	for k, v := range model {
		m[k] = v
	}
	m["id"] = nil // update by uid
	r, err := g.c.NewDashboard(gapi.Dashboard{Model: m, FolderUID: folderUID, Overwrite: true, Message: message})
	if err != nil {
		return 0, g.apiErr("POST /api/dashboards/db", err)
	}
	return r.Version, nil
}
