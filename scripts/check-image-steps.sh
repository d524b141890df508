#!/usr/bin/env bash
# Replays the Dockerfile outside Docker (CI has no engine), as a non-root user, in clean copies:
#   deps     pnpm from the registry, `pnpm fetch` with only the lockfile
#   build    the build context, `pnpm install --offline --frozen-lockfile`, `pnpm build`, assemble
#   runtime  the assembled tree alone, owned by root; no dev tools, nothing unreadable
# then migrates a fresh database, starts the api and the worker the way compose does (node itself,
# secrets through *_FILE), checks their health endpoints, stops both with SIGTERM and requires a
# clean exit. Needs the machine's PostgreSQL and Redis (scripts/ensure-services.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
started=$(date +%s)
step() { printf '[%3ss] %s\n' "$(($(date +%s) - started))" "$*"; }
fail() { echo "check-image-steps: $*" >&2; exit 1; }

work=$(mktemp -d /tmp/licensync-image.XXXXXX)
chmod 755 "$work"
prefix="imgcheck$$"
db="licensync_image_check_$$"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  redis-cli -h 127.0.0.1 --scan --pattern "$prefix:*" | xargs -r redis-cli -h 127.0.0.1 del >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The machine's own network settings (a CA bundle or proxy for the registry) pass through, as a
# build would get them from the Docker daemon's configuration; nothing else of this shell does.
passed=()
for v in NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR HTTPS_PROXY HTTP_PROXY NO_PROXY https_proxy http_proxy no_proxy; do
  [ -n "${!v:-}" ] && passed+=("$v=${!v}")
done

# The image runs as `node`, not root. As root (CI), use a dedicated unprivileged user.
if [ "$(id -u)" = 0 ]; then
  user=licensync-image
  id "$user" >/dev/null 2>&1 || useradd --system --create-home --home-dir "/var/lib/$user" --shell /usr/sbin/nologin "$user"
  home=$(getent passwd "$user" | cut -d: -f6)
  user_cmd=(setpriv --reuid="$user" --regid="$user" --init-groups)
else
  user=$(id -un)
  home=$HOME
  user_cmd=()
fi
# setpriv and env exec what follows, so a background job's pid is the program's own.
user_cmd+=(env -i "${passed[@]}" HOME="$home" PATH="$work/tools/bin:$work/tools/node_modules/.bin:/usr/bin:/bin")
as_user() { "${user_cmd[@]}" "$@"; }
step "running the image's steps as $user in $work"

# deps: node as in node:24-slim, then pnpm from the registry like the Dockerfile's npm install.
mkdir -p "$work/tools/bin" "$work/app"
cp "$(command -v node)" "$work/tools/bin/node"
cp "$repo/pnpm-lock.yaml" "$repo/pnpm-workspace.yaml" "$work/app/"
chown -R "$user" "$work/tools" "$work/app"
as_user "$(command -v npm)" install --loglevel=error --no-fund --no-audit --prefix "$work/tools" pnpm@12.4.2 >/dev/null
(cd "$work/app" && as_user pnpm fetch >/dev/null)
step "deps: pnpm $(as_user pnpm --version), store fetched from the lockfile alone"

# build: the build context is what git tracks or would track (.dockerignore excludes the rest).
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -xf - -C "$work/app"
chown -R "$user" "$work/app"
(cd "$work/app" && as_user pnpm install --offline --frozen-lockfile >/dev/null)
(cd "$work/app" && as_user pnpm build | tail -n1)
(cd "$work/app" && as_user sh scripts/assemble-runtime.sh "$work/app/runtime")
step "build: bundles and runtime file set assembled"

# runtime: COPY --from=build leaves root-owned files with their modes; the process runs as $user.
cp -a "$work/app/runtime" "$work/image"
chown -R root:root "$work/image" 2>/dev/null || true
dev=$(find "$work/image/node_modules/.pnpm" -maxdepth 1 -regextype egrep \
  -regex '.*/(vitest|@vitest\+|tsx|esbuild|@esbuild\+|typescript|@biomejs\+|vite|dclint|dockerfile-utils|drizzle-kit|ajv)[@+].*' -print)
[ -z "$dev" ] || fail "dev tools in the runtime tree: $dev"
[ -z "$(ls "$work/image" | grep -vxE 'dist|node_modules')" ] || fail "more than dist/ and node_modules/ in the runtime tree"
unreadable=$(find "$work/image" ! -perm -o+r ! -type l -print | head -n5)
[ -z "$unreadable" ] || fail "files the runtime user could not read: $unreadable"
step "runtime: $(du -sh "$work/image" | cut -f1), $(wc -l < "$work/image/dist/runtime-packages.txt") packages, no dev tools"

# Secrets as compose mounts them: files, read through *_FILE.
mkdir -p "$work/secrets"
printf 'image-check-admin-token-%s\n' "$$" > "$work/secrets/admin_token"
printf 'whsec_image_check_%s\n' "$$" > "$work/secrets/stripe_webhook_secret"
printf 'unused-with-trust-auth\n' > "$work/secrets/postgres_password"
head -c 32 /dev/urandom | base64 > "$work/secrets/encryption_key"
chmod 644 "$work/secrets"/*
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
api_port=$(free_port)
worker_port=$(free_port)
run_env=(NODE_ENV=production HOST=127.0.0.1 PORT="$api_port" WORKER_PORT="$worker_port"
  DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" DATABASE_PASSWORD_FILE="$work/secrets/postgres_password"
  REDIS_URL=redis://127.0.0.1:6379 QUEUE_PREFIX="$prefix" LOG_LEVEL=warn
  ADMIN_TOKEN_FILE="$work/secrets/admin_token" STRIPE_WEBHOOK_SECRET_FILE="$work/secrets/stripe_webhook_secret"
  ENCRYPTION_KEY_FILE="$work/secrets/encryption_key")
in_image() { (cd "$work/image" && exec "${user_cmd[@]}" "${run_env[@]}" "$@"); }

[ "$(in_image node dist/migrate.js)" = "migrations applied" ] || fail "migrate did not apply the migrations"
step "migrate: database $db migrated"

(cd "$work/image" && exec "${user_cmd[@]}" "${run_env[@]}" node dist/api.js) > "$work/api.log" 2>&1 &
pids+=($!)
(cd "$work/image" && exec "${user_cmd[@]}" "${run_env[@]}" node dist/worker.js) > "$work/worker.log" 2>&1 &
pids+=($!)
wait_for() {
  for _ in $(seq 1 60); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
  cat "$work/api.log" "$work/worker.log" >&2
  fail "$1 did not answer"
}
wait_for "http://127.0.0.1:$api_port/healthz"
wait_for "http://127.0.0.1:$worker_port/healthz"
curl -fsS "http://127.0.0.1:$api_port/readyz" >/dev/null || fail "api /readyz is not 200"
curl -fsS "http://127.0.0.1:$worker_port/readyz" >/dev/null || fail "worker /readyz is not 200"
curl -fsS "http://127.0.0.1:$worker_port/metrics" | grep -q '^process_cpu_user_seconds_total' || fail "worker /metrics"
in_image node dist/healthcheck.js PORT || fail "the api's HEALTHCHECK command failed"
in_image node dist/healthcheck.js WORKER_PORT || fail "the worker's HEALTHCHECK command failed"
token=$(head -n1 "$work/secrets/admin_token")
for _ in $(seq 1 20); do
  status=$(curl -fsS -H "authorization: Bearer $token" "http://127.0.0.1:$api_port/api/v1/status")
  grep -q '"workers_ready":true' <<<"$status" && break
  sleep 0.5
done
grep -q '"workers_ready":true' <<<"$status" || fail "status does not see the worker: $status"
# The console's assets travel beside the bundle (dist/console-assets), not in node_modules.
curl -fsS "http://127.0.0.1:$api_port/console/assets/htmx.min.js" | grep -q 'htmx' || fail "console: htmx not served"
curl -fsS "http://127.0.0.1:$api_port/console/assets/console.css" >/dev/null || fail "console: stylesheet not served"
step "api and worker answer /healthz, /readyz, /metrics; status sees the worker"

for i in 0 1; do kill -TERM "${pids[$i]}"; done
for i in 0 1; do
  name=$([ "$i" = 0 ] && echo api || echo worker)
  for _ in $(seq 1 40); do kill -0 "${pids[$i]}" 2>/dev/null || break; sleep 0.5; done
  kill -0 "${pids[$i]}" 2>/dev/null && fail "$name still runs 20 s after SIGTERM"
  code=0
  wait "${pids[$i]}" || code=$?
  [ "$code" = 0 ] || { cat "$work/$name.log" >&2; fail "$name exited with $code after SIGTERM"; }
done
pids=()
step "SIGTERM: api and worker exited 0"
echo "check-image-steps: ok"
