#!/usr/bin/env bash
# Runs every fuzz target of the project for a while each (default 3s), so
# that parsers meet fresh random input on every CI run, not only the seeds.
#   scripts/fuzz.sh 30s     # longer, by hand
set -euo pipefail
cd "$(dirname "$0")/.."
t="${1:-3s}"
fail=0
while IFS= read -r line; do
  file="${line%%:*}"
  name="$(sed -E 's/^.*func (Fuzz[A-Za-z0-9_]+).*/\1/' <<<"$line")"
  pkg="./$(dirname "$file")"
  out=""
  ok=0
  for attempt in 1 2; do
    if out=$(go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "$t" 2>&1); then
      ok=1
      break
    fi
    # Go's fuzzing coordinator (before Go 1.27, go.dev/issue/75804) can
    # report its own -fuzztime deadline as "context deadline exceeded"
    # when a worker is slow to stop on a loaded machine: no input failed.
    # Retry that once. A real finding always writes its input to
    # testdata/fuzz and is never retried.
    if grep -q 'Failing input written' <<<"$out" || ! grep -q 'context deadline exceeded' <<<"$out"; then
      break
    fi
    echo "retry fuzz $pkg $name (engine timed out without a failing input)"
  done
  if [ "$ok" = 0 ] && ! grep -q 'Failing input written' <<<"$out" && grep -q 'context deadline exceeded' <<<"$out"; then
    # Twice the coordinator's race and nothing written: replay the seeds
    # and testdata/fuzz deterministically; if they pass, nothing was found.
    if go test "$pkg" -count=1 -run "^${name}\$" >/dev/null 2>&1; then
      echo "ok   fuzz $pkg $name ($t; the engine's deadline race twice, go.dev/issue/75804; corpus replay passed)"
      continue
    fi
  fi
  if [ "$ok" = 0 ]; then
    echo "FAIL fuzz $pkg $name"; echo "$out" | tail -30; fail=1
  else
    echo "ok   fuzz $pkg $name ($t)"
  fi
done < <(grep -rEn '^func Fuzz[A-Za-z0-9_]+\(f \*testing\.F\)' --include='*_test.go' . | grep -v '/vendor/')
exit $fail
