#!/usr/bin/env bash
# Installs what Dengar's local run and tests need on Debian/Ubuntu:
# ClickHouse (server + client), poppler-utils (pdftoppm, for the report's PDF
# test) and kcat (to look at Kafka topics). Already-installed packages are
# left alone. Without root it prints exactly what to install.
set -euo pipefail

need=()
command -v clickhouse-server >/dev/null 2>&1 || [ -x /usr/sbin/clickhouse-server ] || command -v clickhouse >/dev/null 2>&1 || need+=(clickhouse-server)
command -v clickhouse-client >/dev/null 2>&1 || command -v clickhouse >/dev/null 2>&1 || need+=(clickhouse-client)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v kcat >/dev/null 2>&1 || need+=(kcat)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Dengar needs: ${need[*]} (ClickHouse server and client, pdftoppm, kcat)." >&2
  echo "This is not a Debian/Ubuntu machine: install them with your package manager, then run this again." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "Dengar needs these Debian packages: ${need[*]}" >&2
    echo "Install them as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

echo "Installing ${need[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq "${need[@]}" >/dev/null
echo "Installed ${need[*]}." >&2
