package main

import (
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/spf13/cobra"
)

func init() {
	var url string
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "healthcheck",
		Short: "Probe a role's /healthz (for container health checks: the image has no curl)",
		Long: `healthcheck GETs --url and exits 0 on HTTP 200, 1 otherwise. The Docker
image is distroless (no shell, no curl), so compose health checks run it.`,
		Example: `  dengar healthcheck --url http://127.0.0.1:9464/healthz`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c := &http.Client{Timeout: timeout}
			resp, err := c.Get(url)
			if err != nil {
				return fmt.Errorf("healthcheck %s: %w", url, err)
			}
			defer resp.Body.Close()
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("healthcheck %s: HTTP %d", url, resp.StatusCode)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&url, "url", "http://127.0.0.1:9464/healthz", "URL to probe")
	cmd.Flags().DurationVar(&timeout, "timeout", 3*time.Second, "request timeout")
	rootCmd.AddCommand(cmd)
}
