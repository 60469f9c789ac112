package catalog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dengar-id/dengar/mention"
)

func (a *Account) validate() error {
	if a.Handle == "" && a.ID == "" {
		return errors.New("account needs a handle or an id")
	}
	if a.Platform == "" {
		return fmt.Errorf("account %s needs a platform (or *)", a.key())
	}
	switch a.Kind {
	case mention.KindGovernment:
		switch a.Level {
		case mention.LevelOPD, mention.LevelKecamatan, mention.LevelKelurahan, mention.LevelBUMD, mention.LevelRT:
		default:
			return fmt.Errorf("account %s: government level %q (want opd, kecamatan, kelurahan, bumd or rt)", a.key(), a.Level)
		}
	case mention.KindMedia, mention.KindPublicAdmin:
	default:
		return fmt.Errorf("account %s: kind %q (want government, media or public_admin)", a.key(), a.Kind)
	}
	return nil
}

// ValidateAccounts checks accounts as the user wrote them, naming a bad
// one by its place in that list (where, e.g. "catalog.accounts") — not by
// its place in the registry it is later merged into.
func ValidateAccounts(where string, accounts []Account) error {
	for i := range accounts {
		if err := accounts[i].validate(); err != nil {
			return fmt.Errorf("%s[%d]: %w", where, i, err)
		}
	}
	return nil
}

func (a *Account) key() string {
	if a.Handle != "" {
		return a.Platform + ":@" + a.Handle
	}
	return a.Platform + ":" + a.ID
}

// Registry finds registered accounts by platform and handle or id. It is
// safe for concurrent use once built.
type Registry struct {
	byKey map[string]*Account
	n     int
}

// platformOf maps source names to registry platforms.
func platformOf(source string) string {
	s := strings.ToLower(strings.TrimSpace(source))
	switch s {
	case "twitter":
		return "x"
	case "ig":
		return "instagram"
	case "fb", "meta":
		return "facebook"
	case "yt":
		return "youtube"
	}
	return s
}

func normHandle(h string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(h), "@"))
}

// NewRegistry indexes accounts; invalid entries are an error.
func NewRegistry(accounts []Account) (*Registry, error) {
	r := &Registry{byKey: map[string]*Account{}}
	for i := range accounts {
		a := accounts[i]
		if err := a.validate(); err != nil {
			return nil, fmt.Errorf("registry: entry %d: %w", i+1, err)
		}
		a.Platform = platformOf(a.Platform)
		if a.Handle != "" {
			r.byKey[a.Platform+"\x00h:"+normHandle(a.Handle)] = &a
		}
		if a.ID != "" {
			r.byKey[a.Platform+"\x00i:"+strings.TrimSpace(a.ID)] = &a
		}
		r.n++
	}
	return r, nil
}

// Len is the number of registered accounts.
func (r *Registry) Len() int {
	if r == nil {
		return 0
	}
	return r.n
}

// Lookup finds the account of source (the collector kind or platform) with
// the given handle (with or without "@") or platform id, and returns the
// author fields a collector stamps on a mention: Kind, Org and Level (plus
// the handle or id looked up).
func (r *Registry) Lookup(source, handleOrID string) (mention.Author, bool) {
	if r == nil || handleOrID == "" {
		return mention.Author{}, false
	}
	p := platformOf(source)
	for _, plat := range []string{p, "*"} {
		if a, ok := r.byKey[plat+"\x00h:"+normHandle(handleOrID)]; ok {
			return a.author(handleOrID, ""), true
		}
		if a, ok := r.byKey[plat+"\x00i:"+strings.TrimSpace(handleOrID)]; ok {
			return a.author("", handleOrID), true
		}
	}
	return mention.Author{}, false
}

// LookupAuthor tries the author's id, then handle.
func (r *Registry) LookupAuthor(source string, a mention.Author) (mention.Author, bool) {
	if a.ID != "" {
		if x, ok := r.Lookup(source, a.ID); ok {
			return x, true
		}
	}
	if a.Handle != "" {
		return r.Lookup(source, a.Handle)
	}
	return mention.Author{}, false
}

func (a *Account) author(handle, id string) mention.Author {
	return mention.Author{Handle: handle, ID: id, Kind: a.Kind, Org: a.Org, Level: a.Level}
}

// Stamp fills m's author kind, org and level from the registry when the
// account is registered, and reports whether it was.
func (r *Registry) Stamp(m *mention.Mention) bool {
	x, ok := r.LookupAuthor(m.Source, m.Author)
	if !ok {
		return false
	}
	m.Author.Kind, m.Author.Org, m.Author.Level = x.Kind, x.Org, x.Level
	return true
}

// ParseAccountsCSV reads a registry CSV: a header naming the columns
// platform, handle, id, kind, level, org (any order; handle or id may be
// absent), lines starting with # are comments.
func ParseAccountsCSV(name string, data []byte) ([]Account, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("registry %s: header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, need := range []string{"platform", "kind"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("registry %s: header has no %q column", name, need)
		}
	}
	_, hasH := col["handle"]
	_, hasI := col["id"]
	if !hasH && !hasI {
		return nil, fmt.Errorf("registry %s: header needs a handle or an id column", name)
	}
	get := func(rec []string, k string) string {
		if i, ok := col[k]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []Account
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("registry %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		a := Account{Platform: get(rec, "platform"), Handle: strings.TrimPrefix(get(rec, "handle"), "@"), ID: get(rec, "id"),
			Kind: get(rec, "kind"), Level: get(rec, "level"), Org: get(rec, "org")}
		if err := a.validate(); err != nil {
			return nil, fmt.Errorf("registry %s: line %d: %w", name, line, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// LoadAccounts reads a registry file: .csv, or .yaml/.yml holding a list of
// accounts (or a mapping with an "accounts" list).
func LoadAccounts(path string) ([]Account, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("registry: %w", err)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		var list []Account
		if err := yaml.Unmarshal(b, &list); err != nil {
			var wrap struct {
				Accounts []Account `yaml:"accounts"`
			}
			if err2 := yaml.Unmarshal(b, &wrap); err2 != nil {
				return nil, fmt.Errorf("registry %s: %w", path, err)
			}
			list = wrap.Accounts
		}
		for i := range list {
			if err := list[i].validate(); err != nil {
				return nil, fmt.Errorf("registry %s: entry %d: %w", path, i+1, err)
			}
		}
		return list, nil
	default:
		return ParseAccountsCSV(path, b)
	}
}
