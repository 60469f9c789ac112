package dashboards

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"

	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

// Folder is a Grafana folder.
type Folder struct {
	UID   string `json:"uid"`
	Title string `json:"title"`
}

// DataSource is the part of a Grafana data source that push manages.
type DataSource struct {
	// ID is Grafana's numeric id, known once the data source exists.
	ID   int64
	UID  string
	Name string
	Type string
	// Access is "proxy" (server side) for the ClickHouse plugin.
	Access   string
	JSONData map[string]any
	// SecureJSONData holds write-only secrets (the ClickHouse password);
	// Grafana never returns them.
	SecureJSONData map[string]any
}

// StoredDashboard is a dashboard as Grafana returns it.
type StoredDashboard struct {
	Model     map[string]any
	FolderUID string
	Version   int64
}

// Provisioner is the small slice of Grafana's HTTP API that push needs.
// GrafanaAPI implements it with grafana-api-golang-client; tests may use
// that same implementation against a fake server.
type Provisioner interface {
	// Folder returns ErrNotFound when no folder has uid.
	Folder(ctx context.Context, uid string) (Folder, error)
	CreateFolder(ctx context.Context, f Folder) error
	UpdateFolder(ctx context.Context, f Folder) error
	// DataSource returns ErrNotFound when no data source has uid.
	DataSource(ctx context.Context, uid string) (DataSource, error)
	CreateDataSource(ctx context.Context, ds DataSource) error
	UpdateDataSource(ctx context.Context, ds DataSource) error
	// Dashboard returns ErrNotFound when no dashboard has uid.
	Dashboard(ctx context.Context, uid string) (StoredDashboard, error)
	// SaveDashboard creates or overwrites the dashboard with model's uid in
	// the folder and returns its new version.
	SaveDashboard(ctx context.Context, model map[string]any, folderUID, message string) (int64, error)
}

// ErrNotFound is returned by a Provisioner for a missing object.
var ErrNotFound = errors.New("not found")

// ErrUnauthorized means Grafana rejected the token (HTTP 401 or 403).
var ErrUnauthorized = errors.New("grafana rejected the credentials")

// APIError is a non-2xx answer from Grafana.
type APIError struct {
	// Op is the request, e.g. "POST /api/dashboards/db".
	Op string
	// Status is the HTTP status code.
	Status int
	// Message is Grafana's "message" field, or the raw body.
	Message string
}

// Error implements error.
func (e *APIError) Error() string {
	return fmt.Sprintf("grafana %s: HTTP %d: %s", e.Op, e.Status, e.Message)
}

// Is makes errors.Is(err, ErrUnauthorized) and ErrNotFound work.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.Status == 401 || e.Status == 403
	case ErrNotFound:
		return e.Status == 404
	}
	return false
}

// PushSpec is what push makes Grafana hold.
type PushSpec struct {
	Folder     Folder
	DataSource DataSource
	Dashboards []dashboard.Dashboard
	// Force overwrites objects even when they already match.
	Force bool
}

// PushResult counts what push did.
type PushResult struct {
	Created, Updated, Unchanged []string
}

// Push creates or updates the folder, the ClickHouse data source and every
// dashboard (by uid) so that Grafana matches spec. It is idempotent: a
// second run finds everything equal and writes nothing (unless spec.Force).
func Push(ctx context.Context, p Provisioner, spec PushSpec) (PushResult, error) {
	var res PushResult
	note := func(list *[]string, what string) {
		*list = append(*list, what)
		slog.Debug("grafana push", "object", what)
	}

	// Folder.
	f, err := p.Folder(ctx, spec.Folder.UID)
	switch {
	case errors.Is(err, ErrNotFound):
		if err := p.CreateFolder(ctx, spec.Folder); err != nil {
			return res, fmt.Errorf("create folder %s: %w", spec.Folder.UID, err)
		}
		note(&res.Created, "folder/"+spec.Folder.UID)
	case err != nil:
		return res, fmt.Errorf("read folder %s: %w", spec.Folder.UID, err)
	case f.Title != spec.Folder.Title || spec.Force:
		if err := p.UpdateFolder(ctx, spec.Folder); err != nil {
			return res, fmt.Errorf("update folder %s: %w", spec.Folder.UID, err)
		}
		note(&res.Updated, "folder/"+spec.Folder.UID)
	default:
		note(&res.Unchanged, "folder/"+spec.Folder.UID)
	}

	// Data source.
	want := spec.DataSource
	ds, err := p.DataSource(ctx, want.UID)
	switch {
	case errors.Is(err, ErrNotFound):
		if err := p.CreateDataSource(ctx, want); err != nil {
			return res, fmt.Errorf("create data source %s: %w", want.UID, err)
		}
		note(&res.Created, "datasource/"+want.UID)
	case err != nil:
		return res, fmt.Errorf("read data source %s: %w", want.UID, err)
	case !sameDataSource(ds, want) || spec.Force:
		want.ID = ds.ID
		if err := p.UpdateDataSource(ctx, want); err != nil {
			return res, fmt.Errorf("update data source %s: %w", want.UID, err)
		}
		note(&res.Updated, "datasource/"+want.UID)
	default:
		note(&res.Unchanged, "datasource/"+want.UID)
	}

	// Dashboards.
	for _, d := range spec.Dashboards {
		if d.Uid == nil || *d.Uid == "" {
			return res, errors.New("a dashboard has no uid")
		}
		uid := *d.Uid
		model, err := toModel(d)
		if err != nil {
			return res, fmt.Errorf("dashboard %s: %w", uid, err)
		}
		cur, err := p.Dashboard(ctx, uid)
		created := false
		switch {
		case errors.Is(err, ErrNotFound):
			created = true
		case err != nil:
			return res, fmt.Errorf("read dashboard %s: %w", uid, err)
		case cur.FolderUID == spec.Folder.UID && sameModel(cur.Model, model) && !spec.Force:
			note(&res.Unchanged, "dashboard/"+uid)
			continue
		}
		if _, err := p.SaveDashboard(ctx, model, spec.Folder.UID, "dengar dashboards push"); err != nil {
			return res, fmt.Errorf("save dashboard %s: %w", uid, err)
		}
		if created {
			note(&res.Created, "dashboard/"+uid)
		} else {
			note(&res.Updated, "dashboard/"+uid)
		}
	}
	return res, nil
}

// toModel turns a built dashboard into the JSON object Grafana stores.
func toModel(d dashboard.Dashboard) (map[string]any, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	delete(m, "id")
	delete(m, "version")
	return m, nil
}

// sameModel compares dashboards ignoring the fields Grafana assigns.
func sameModel(stored, want map[string]any) bool {
	a := make(map[string]any, len(stored))
	for k, v := range stored {
		if k == "id" || k == "version" {
			continue
		}
		a[k] = v
	}
	// Round-trip through JSON so numbers compare alike.
	norm := func(m map[string]any) any {
		b, _ := json.Marshal(m)
		var v any
		_ = json.Unmarshal(b, &v)
		return v
	}
	return reflect.DeepEqual(norm(a), norm(want))
}

// sameDataSource compares the managed fields. Secrets cannot be read back;
// use PushSpec.Force to rotate a password.
func sameDataSource(have, want DataSource) bool {
	if have.Name != want.Name || have.Type != want.Type || have.Access != want.Access {
		return false
	}
	for k, v := range want.JSONData {
		if fmt.Sprint(have.JSONData[k]) != fmt.Sprint(v) {
			return false
		}
	}
	return true
}

// UserMessage explains a push error to the operator, in Indonesian (logs
// stay in English).
func UserMessage(err error) string {
	var ue *URLError
	var ae *APIError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ue):
		return fmt.Sprintf("URL Grafana tidak valid: %q (contoh: http://grafana:3000)", ue.URL)
	case errors.Is(err, ErrNoToken):
		return "GRAFANA_TOKEN belum diisi: buat token service account (peran Editor atau Admin) di Grafana lalu isi variabel lingkungan GRAFANA_TOKEN"
	case errors.Is(err, ErrUnreachable):
		return "Grafana tidak dapat dihubungi: periksa grafana.url dan jaringan (" + err.Error() + ")"
	case errors.As(err, &ae) && ae.Status == 401:
		return "token ditolak oleh Grafana (HTTP 401): periksa GRAFANA_TOKEN"
	case errors.As(err, &ae) && ae.Status == 403:
		return "token ditolak oleh Grafana (HTTP 403): service account perlu peran Editor atau Admin"
	case errors.As(err, &ae) && ae.Status == 412:
		return "Grafana menolak perubahan (HTTP 412: versi berbeda atau judul dasbor sudah dipakai): " + ae.Message
	case errors.As(err, &ae):
		return fmt.Sprintf("Grafana menjawab HTTP %d: %s", ae.Status, ae.Message)
	}
	return "gagal mengirim dasbor ke Grafana: " + err.Error()
}
