# Relational Intake API: multi-stage image.
#   docker build -t relational-intake .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://user:pass@host:5432/db relational-intake
# Always set DATABASE_URL in a container: without it the app would start an embedded
# PostgreSQL inside the container (the compose file points it at the postgres service).

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: all dependencies, compile TypeScript to dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# Dependencies first, so source edits reuse this layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# The whole (filtered) context: .dockerignore keeps out node_modules, dist, .data, .git,
# tests and secrets; copying everything keeps new top-level folders (bench/...) building.
COPY . .
RUN npm run build

# ---- runtime: production dependencies and compiled output only ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app

# Production dependencies only; the `node` devDependency is not installed, so the
# image's own Node 24 runs the app. Installed as root, read-only for the app user.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# Compiled app, including the migrations that run at boot.
COPY --from=build /app/dist ./dist

# The only folder the app may write to (DATA_DIR, used solely without DATABASE_URL).
RUN mkdir -p /app/.data && chown node:node /app/.data

USER node
EXPOSE 3000

# No curl in slim images: probe the liveness endpoint with Node's own fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

# Exec form: node is PID 1 and receives SIGTERM, which the app handles (graceful close).
# The memory flags are npm start's (docs/operations.md#memory): a bounded young generation
# and an old space cleaned well before it grows past the 200 MB an API process is meant for.
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=256", "dist/src/main.js"]
