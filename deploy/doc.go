// Package deploy holds Dengar's production deployment: the Docker Compose
// stack (compose.yaml, Dockerfile, Grafana provisioning) and the Kubernetes
// manifests under k8s/. The Go package only carries the tests that parse
// and validate those files, since no Docker engine or cluster runs in CI.
package deploy
