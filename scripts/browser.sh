#!/usr/bin/env bash
# The browser the report's test runs in: Debian's Chromium, installed from Debian's packages when missing.
#
#   scripts/browser.sh install     installs it if needed (as root, or with sudo) and prints its path
#   scripts/browser.sh path        prints its path, or fails when it is not installed
set -euo pipefail

find_chromium() {
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

case "${1:-}" in
  install)
    if ! find_chromium >/dev/null; then
      sudo=""
      if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "browser.sh: installing chromium needs root or sudo" >&2; exit 2; }
        sudo="sudo -n"
      fi
      echo "browser.sh: installing Debian's chromium (a few minutes, once)" >&2
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
    fi
    find_chromium
    ;;
  path)
    find_chromium || { echo "browser.sh: chromium is not installed; run scripts/browser.sh install" >&2; exit 1; }
    ;;
  *)
    sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
