package model

import (
	"fmt"
	"io/fs"
)

// Load decodes the model file name from fsys (the embedded models).
func Load(fsys fs.FS, name string) (*Model, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", name, err)
	}
	defer f.Close()
	m, err := Decode(f)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", name, err)
	}
	return m, nil
}

// LoadTFIDF decodes the TF-IDF model file name from fsys.
func LoadTFIDF(fsys fs.FS, name string) (*TFIDF, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", name, err)
	}
	defer f.Close()
	t, err := DecodeTFIDF(f)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", name, err)
	}
	return t, nil
}
