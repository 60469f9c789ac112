# Dengar — the two commands of the README:
#   make run   the whole pipeline on this machine over the demo corpus
#   make test  vet + every test, with real ClickHouse and a Kafka-protocol broker
SHELL := /bin/bash
GO ?= go
DENGAR_DIR ?= .dengar
CH_PORT ?= 19000
CH_HTTP_PORT ?= 18123
BIN := bin/dengar
FUZZTIME ?= 3s

.PHONY: run test test-clockshift deps build vet bench fuzz clickhouse-start clickhouse-stop clean

deps:
	@./scripts/install-deps.sh

build:
	$(GO) build -o $(BIN) ./cmd/dengar

clickhouse-start: build
	@./$(BIN) clickhouse start --dir $(DENGAR_DIR)/clickhouse --port $(CH_PORT) --http-port $(CH_HTTP_PORT)

clickhouse-stop: build
	@./$(BIN) clickhouse stop --dir $(DENGAR_DIR)/clickhouse

run: deps build clickhouse-start
	./$(BIN) run --demo --exit-when-done --data-dir $(DENGAR_DIR) --clickhouse 127.0.0.1:$(CH_PORT) --metrics-addr ""

vet:
	$(GO) vet ./...

test: deps vet
	./scripts/fuzz.sh $(FUZZTIME)
	$(GO) test -count=1 -timeout 20m ./...
	$(MAKE) --no-print-directory test-clockshift

# The date guard: every test again with Dengar's clock (package clock) set
# years ahead, so a test that passes only near the day it was written fails
# today. The tests that read no clock and cost minutes are skipped here:
# model retraining, and the catalog's regexp gates and starts checked
# against every test text (pure properties of the regexps).
test-clockshift:
	$(GO) test -count=1 -timeout 20m -tags dengar_clockshift -skip '^(TestTrainReproducesShippedModels|TestGatesNeverRefuseAMatch|TestStartsAgreeWithRegexp)$$' ./...

bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x ./...

fuzz:
	./scripts/fuzz.sh 10s

# Stops the ClickHouse of $(DENGAR_DIR) first (when one runs) so that its
# data is not removed under it.
clean: build
	@./$(BIN) clickhouse stop --dir $(DENGAR_DIR)/clickhouse || true
	rm -rf $(DENGAR_DIR) bin
