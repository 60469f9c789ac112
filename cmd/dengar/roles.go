package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dengar-id/dengar/mention"
	"github.com/dengar-id/dengar/store"
	"github.com/dengar-id/dengar/stream"
)

// Flags shared by the long-running roles.
var (
	flagBrokers     string
	flagMetricsAddr string
	flagClickHouse  string
)

// addRoleFlags adds --brokers, --clickhouse and --metrics-addr to cmd.
func addRoleFlags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&flagBrokers, "brokers", "", "comma-separated Kafka bootstrap brokers (overrides kafka.brokers)")
	cmd.Flags().StringVar(&flagClickHouse, "clickhouse", "", "ClickHouse native address host:port (overrides clickhouse.addr)")
	cmd.Flags().StringVar(&flagMetricsAddr, "metrics-addr", defaultMetricsAddr, metricsAddrUsage)
}

// roleConfig loads the configuration and applies the role flags.
func roleConfig() (*appConfig, error) {
	cfg, err := loadConfig()
	if err != nil {
		return nil, err
	}
	if flagBrokers != "" {
		cfg.Kafka.Brokers = strings.Split(flagBrokers, ",")
	}
	if flagClickHouse != "" {
		cfg.ClickHouse.Addr = flagClickHouse
	}
	return cfg, nil
}

// requireBrokers fails with a clear message when no broker is configured.
func requireBrokers(cfg *appConfig) error {
	if len(cfg.Kafka.Brokers) == 0 {
		return fmt.Errorf("no Kafka brokers: set kafka.brokers in the config or pass --brokers (for development: `dengar broker` or `dengar run`)")
	}
	return nil
}

// startKafkaRole prepares a long-running Kafka role: the configuration with
// the role flags applied, brokers required, metrics served and the
// pipeline's topics created when missing (waiting for the broker while it
// is unreachable).
func startKafkaRole(ctx context.Context, role string) (*appConfig, error) {
	cfg, err := roleConfig()
	if err != nil {
		return nil, err
	}
	if err := requireBrokers(cfg); err != nil {
		return nil, err
	}
	if err := serveMetrics(ctx, flagMetricsAddr); err != nil {
		return nil, err
	}
	if err := stream.WaitTopics(ctx, cfg.Kafka, role); err != nil {
		return nil, err
	}
	return cfg, nil
}

// openStore migrates the schema and connects to ClickHouse, waiting while
// it is unreachable (readiness role/clickhouse), and warns when citizens
// would be pseudonymised with the development key.
func openStore(ctx context.Context, cfg *appConfig, role string) (*store.DB, *store.Pseudonymizer, error) {
	db, err := openMigrated(ctx, cfg, role)
	if err != nil {
		return nil, nil, err
	}
	p, ok := store.PseudonymizerFromEnv()
	if !ok {
		slog.Warn("DENGAR_PSEUDONYM_KEY is not set: citizen pseudonyms use the development key; set it in production")
	}
	return db, p.WithPublicAccounts(publicAccounts(cfg)), nil
}

// publicAccounts says which @handles stay named in stored texts: the
// registered government, media and public-admin accounts.
func publicAccounts(cfg *appConfig) store.PublicAccounts {
	reg := cfg.CatalogIndex().Registry
	return func(source, handle string) bool {
		a, ok := reg.Lookup(source, handle)
		return ok && a.Kind != mention.KindCitizen && a.Kind != mention.KindUnknown && a.Kind != ""
	}
}

// writers opens the producers a role needs.
type writers struct {
	raw, tagged, dlq *stream.Writer
}

func openWriters(k stream.Config) *writers {
	return &writers{
		raw:    stream.NewWriter(k, k.Topics.Raw),
		tagged: stream.NewWriter(k, k.Topics.Tagged),
		dlq:    stream.NewWriter(k, k.Topics.DLQ),
	}
}

// importWriters opens the producers of a one-off import into the raw
// topic (`collect --file`, `simulate`): brokers required and the
// pipeline's topics created when missing.
func importWriters(ctx context.Context, cfg *appConfig) (*writers, error) {
	if err := requireBrokers(cfg); err != nil {
		return nil, err
	}
	if err := stream.EnsureTopics(ctx, cfg.Kafka); err != nil {
		return nil, err
	}
	return openWriters(cfg.Kafka), nil
}

func (w *writers) Close() {
	for _, x := range []*stream.Writer{w.raw, w.tagged, w.dlq} {
		if err := x.Close(); err != nil {
			slog.Warn("close writer", "topic", x.Topic(), "err", err)
		}
	}
}

// openMigrated migrates the schema and opens ClickHouse, waiting while it
// is unreachable (readiness role/clickhouse).
func openMigrated(ctx context.Context, cfg *appConfig, role string) (*store.DB, error) {
	var db *store.DB
	err := untilUp(ctx, role, "clickhouse", func(ctx context.Context) error {
		if _, err := store.Migrate(ctx, cfg.ClickHouse); err != nil {
			return err
		}
		var err error
		db, err = store.Open(ctx, cfg.ClickHouse)
		return err
	})
	return db, err
}
