#!/usr/bin/env bash
# `pnpm lint:docker`: docker-compose.yml and the Dockerfile, each checked by what reads it.
#   dclint             the compose file against the Compose Specification (what Compose v2 reads),
#                      plus its best-practice rules (ports bound to an interface, quoting, key order)
#   docker-compose     Debian's 1.29 `config`, the older reader the file must also satisfy
#   dockerfile-utils   the Dockerfile's instructions and arguments (the VS Code Docker linter)
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm exec dclint --max-warnings 0 docker-compose.yml
pnpm exec dockerfile-utils lint Dockerfile
if command -v docker-compose >/dev/null; then
  docker-compose -f docker-compose.yml config -q
  echo "docker-compose $(docker-compose version --short): docker-compose.yml is valid"
elif [ "${CI:-}" = true ]; then
  echo "lint-docker: docker-compose is missing (apt-get install docker-compose)" >&2
  exit 1
else
  echo "lint-docker: skipped Debian's docker-compose check (apt-get install docker-compose to run it)"
fi
echo "lint-docker: ok"
