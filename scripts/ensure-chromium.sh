#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium through playwright-core (never a downloaded
# browser). Installs the Debian package when no `chromium` is on the PATH and CHROMIUM_PATH is unset.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null; then exit 0; fi
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then sudo=sudo; else sudo=; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null || { echo "ensure-chromium: chromium still missing; set CHROMIUM_PATH" >&2; exit 1; }
