package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/analyze/emotion"
	"github.com/dengar-id/dengar/analyze/hostility"
	"github.com/dengar-id/dengar/analyze/model"
	"github.com/dengar-id/dengar/analyze/models"
	"github.com/dengar-id/dengar/analyze/sentiment"
	"github.com/dengar-id/dengar/analyze/train"
	"github.com/dengar-id/dengar/clock"
)

func init() {
	var task, data, out string
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Rebuild the shipped sentiment, hostility and emotion models from the public data sets",
		Long: `train rebuilds the embedded models reproducibly (fixed seeds, deterministic
order: a re-run writes the same bytes) from the data folder, and prints the
validation scores. Texts that occur in a reported test split are never
trained on. Commit the written files together with analyze/models/NOTICE.md.`,
		Example: `  dengar train --task all --data ../shared/data --out analyze/models
  dengar train --task sentiment`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTrain(cmd.Context(), cmd.OutOrStdout(), task, data, out)
		},
	}
	cmd.Flags().StringVar(&task, "task", "all", "sentiment, hostility, emotion or all")
	cmd.Flags().StringVar(&data, "data", "../shared/data", "folder of the public data sets")
	cmd.Flags().StringVar(&out, "out", "analyze/models", "folder the model files are written to")
	rootCmd.AddCommand(cmd)
}

type trainer struct {
	name  string
	file  string
	train func(ctx context.Context, data string) (*model.Model, error)
	// second, when set, trains further model files shipped with the
	// first, by file name.
	second func(ctx context.Context, data string) (map[string]encoder, error)
}

// encoder is a trained model that writes its file.
type encoder interface{ Encode(io.Writer) error }

var trainers = []trainer{
	{name: "sentiment", file: sentiment.ModelFile, train: func(ctx context.Context, data string) (*model.Model, error) {
		return train.Sentiment(ctx, data, train.SentimentOptions{Version: models.Version})
	}},
	{name: "hostility", file: hostility.ModelFile, train: func(ctx context.Context, data string) (*model.Model, error) {
		return train.Hostility(ctx, data, train.HostilityOptions{Version: models.Version})
	}, second: func(ctx context.Context, data string) (map[string]encoder, error) {
		tf, st, err := train.HostilityMember(ctx, data, train.HostilityOptions{Version: models.Version})
		if err != nil {
			return nil, err
		}
		return map[string]encoder{hostility.MemberFile: tf, hostility.StackFile: st}, nil
	}},
	{name: "emotion", file: emotion.ModelFile, train: func(ctx context.Context, data string) (*model.Model, error) {
		return train.Emotion(ctx, data, train.EmotionOptions{Version: models.Version})
	}},
}

func runTrain(ctx context.Context, w io.Writer, task, data, out string) error {
	if _, err := os.Stat(data); err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	ran := false
	for _, t := range trainers {
		if task != "all" && task != t.name {
			continue
		}
		ran = true
		start := clock.Now()
		m, err := t.train(ctx, data)
		if err != nil {
			return err
		}
		path := filepath.Join(out, t.file)
		n, err := writeModel(path, m)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s: wrote %s (%d bytes) in %s\n", t.name, path, n, clock.Since(start).Round(time.Millisecond))
		for _, s := range m.Sources {
			fmt.Fprintf(w, "  trained on %s (%s): %d rows\n", s.Name, s.License, s.Rows)
		}
		fmt.Fprintf(w, "  params: %s\n", m.Params)
		for _, k := range slices.Sorted(maps.Keys(m.Valid)) {
			fmt.Fprintf(w, "  valid %s=%.4f\n", k, m.Valid[k])
		}
		fmt.Fprintf(w, "  review below confidence %.3f\n", m.ReviewBelow)
		if t.second != nil {
			start := clock.Now()
			files, err := t.second(ctx, data)
			if err != nil {
				return err
			}
			for _, name := range slices.Sorted(maps.Keys(files)) {
				path := filepath.Join(out, name)
				n, err := writeModel(path, files[name])
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "%s: wrote %s (%d bytes) in %s\n", t.name, path, n, clock.Since(start).Round(time.Millisecond))
			}
		}
	}
	if !ran {
		return fmt.Errorf("--task %q: want sentiment, hostility, emotion or all", task)
	}
	return nil
}

// writeModel encodes m into the file path and returns its size.
func writeModel(path string, m encoder) (int, error) {
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return 0, err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return 0, fmt.Errorf("write model: %w", err)
	}
	return buf.Len(), nil
}
