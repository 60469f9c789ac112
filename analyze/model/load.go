package model

import (
	"fmt"
	"io"
	"io/fs"
)

// Load decodes the model file name from fsys (the embedded models).
func Load(fsys fs.FS, name string) (*Model, error) { return load(fsys, name, Decode) }

// LoadTFIDF decodes the TF-IDF model file name from fsys.
func LoadTFIDF(fsys fs.FS, name string) (*TFIDF, error) { return load(fsys, name, DecodeTFIDF) }

// LoadTrees decodes the tree ensemble file name from fsys.
func LoadTrees(fsys fs.FS, name string) (*Trees, error) { return load(fsys, name, DecodeTrees) }

func load[T any](fsys fs.FS, name string, decode func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := fsys.Open(name)
	if err != nil {
		return zero, fmt.Errorf("model %s: %w", name, err)
	}
	defer f.Close()
	m, err := decode(f)
	if err != nil {
		return zero, fmt.Errorf("model %s: %w", name, err)
	}
	return m, nil
}
