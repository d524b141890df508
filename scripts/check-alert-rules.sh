#!/usr/bin/env bash
# Checks deploy/prometheus with promtool: the rules' syntax and their unit tests. promtool comes
# from Debian's `prometheus` package, unpacked into .tools/promtool (no service is installed or
# started) when it is not on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
promtool="$(command -v promtool || true)"
if [ -z "$promtool" ]; then
  promtool="$root/.tools/promtool/usr/bin/promtool"
  if [ ! -x "$promtool" ]; then
    tmp="$(mktemp -d)"
    # A fresh machine may have no package lists yet: fetch them once, then try again.
    (cd "$tmp" && { apt-get download prometheus >/dev/null 2>&1 || { apt-get update -qq && apt-get download prometheus >/dev/null; }; })
    mkdir -p "$root/.tools/promtool"
    dpkg -x "$tmp"/prometheus_*.deb "$root/.tools/promtool"
    rm -rf "$tmp"
  fi
fi
cd "$root/deploy/prometheus"
"$promtool" check rules licensync-alerts.yml
"$promtool" check config prometheus.yml
"$promtool" test rules licensync-alerts.test.yml
