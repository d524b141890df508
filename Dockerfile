# One image for every licensync process; the compose file picks the command. Plain Dockerfile
# syntax (no BuildKit-only flags), so Debian's docker-compose 1.29 builds it as well as Compose v2.
# scripts/check-image-steps.sh replays these steps outside Docker in CI: keep the two in step.

# 1. pnpm and every package in the lockfile. Only the lockfile is copied, so this layer is reused
#    until pnpm-lock.yaml changes, however often the sources do.
FROM node:24-slim AS deps
RUN npm install --global --no-fund --no-audit pnpm@12.4.2
WORKDIR /app
# pnpm runs as the user that owns /app: nothing it writes (some files with mode 0600) can end up
# unreadable by the user that runs the processes.
RUN chown node:node /app
USER node
COPY --chown=node:node pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch

# 2. The sources, an offline install from the fetched store, the bundles, and the runtime file set:
#    dist/ plus only the packages the bundles import (no dev tools, no test packages).
FROM deps AS build
COPY --chown=node:node . .
RUN pnpm install --offline --frozen-lockfile \
 && pnpm build \
 && sh scripts/assemble-runtime.sh /app/runtime

# 3. What runs: node, dist/ and its packages, owned by root and read-only to the process.
FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WORKER_PORT=3001
WORKDIR /app
COPY --from=build /app/runtime/ ./
USER node
EXPOSE 3000 3001
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/healthcheck.js", "PORT"]
# node itself is the process (no pnpm, sh or tsx in between), so SIGTERM reaches licensync's own
# handler, which finishes in-flight work and closes connections.
CMD ["node", "--enable-source-maps", "dist/api.js"]
