#!/usr/bin/env bash
# Validates docker-compose.yml offline with Debian's docker-compose 1.29.2: no Docker engine runs in CI and images
# cannot be pulled, but `docker-compose config` checks the file against the compose schema without either.
# The .deb files are fetched with `apt-get download` and unpacked with `dpkg-deb -x`: nothing is installed.
#
# Usage: scripts/validate-compose.sh [COMPOSE_FILE]   (default: docker-compose.yml at the repository root)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/target/tools/docker-compose"
DEBS_DIR="$TOOLS_DIR/debs"
ROOT_DIR="$TOOLS_DIR/root"

usage() {
  echo "Usage: $0 [COMPOSE_FILE]" >&2
  echo "Validates a compose file with docker-compose 1.29.2 (Debian package, unpacked under target/tools/)." >&2
}

if [[ $# -gt 1 ]]; then usage; exit 2; fi
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
COMPOSE_FILE="${1:-$REPO_ROOT/docker-compose.yml}"
if [[ ! -f "$COMPOSE_FILE" ]]; then
  echo "No such compose file: $COMPOSE_FILE" >&2
  exit 2
fi

# docker-compose and the Python modules it imports that a bare Debian python3 lacks (its dependencies, and
# theirs). python3-yaml, -six, -distro and -distutils are part of most python3 installs but are cheap to add.
PACKAGES=(
  docker-compose
  python3-docker python3-dockerpty python3-docopt python3-dotenv python3-texttable python3-websocket
  python3-cached-property python3-distro python3-yaml python3-six
  python3-jsonschema python3-attr python3-pyrsistent
  python3-requests python3-urllib3 python3-idna python3-certifi python3-charset-normalizer python3-chardet
  python3-packaging
)

download() {
  (cd "$DEBS_DIR" && apt-get download "${PACKAGES[@]}")
}

if [[ ! -x "$ROOT_DIR/usr/bin/docker-compose" ]]; then
  mkdir -p "$DEBS_DIR"
  # The package lists may be missing or stale on a fresh machine; refresh them only when that is the problem.
  if ! download; then
    echo "apt-get download failed; running apt-get update and retrying." >&2
    apt-get update -qq
    download
  fi
  rm -rf "$ROOT_DIR"
  mkdir -p "$ROOT_DIR"
  for deb in "$DEBS_DIR"/*.deb; do
    dpkg-deb -x "$deb" "$ROOT_DIR"
  done
fi

# Debian puts pure-Python modules in dist-packages of the system interpreter: use that interpreter, not a
# pyenv or virtualenv python3 that may be first on PATH.
export PYTHONPATH="$ROOT_DIR/usr/lib/python3/dist-packages${PYTHONPATH:+:$PYTHONPATH}"
# `config` resolves ${VAR} references and relative paths; it never contacts a Docker engine.
exec /usr/bin/python3 "$ROOT_DIR/usr/bin/docker-compose" -f "$COMPOSE_FILE" config -q
