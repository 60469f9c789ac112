package main

import (
	"github.com/schollz/progressbar/v3"
)

// progressBar draws import progress on stderr.
func progressBar(label string) func(read, total int64) {
	var bar *progressbar.ProgressBar
	return func(read, total int64) {
		if bar == nil {
			bar = progressbar.DefaultBytes(total, "importing "+label)
		}
		_ = bar.Set64(read)
		if read >= total {
			_ = bar.Finish()
		}
	}
}
