# The approval server, `interlock serve`, in a container. Build: `docker build -t agent-interlock .`;
# with PostgreSQL: `docker compose up` (compose.yaml). Not built on the project's machine (no Docker there):
# test/install/containers.test.ts checks what it can without it.

# Build stage: every dependency (TypeScript, esbuild) and a C++ toolchain for the native addons
# (better-sqlite3, tree-sitter) when no prebuilt binary fits.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends g++ make python3 \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY policies ./policies
# Build, then drop the dev dependencies; the compiled addons stay.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: production dependencies, the build and the policies only; no compiler, not root.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
  HOME=/var/lib/interlock \
  NO_COLOR=1
RUN groupadd --system interlock \
  && useradd --system --gid interlock --home-dir /var/lib/interlock --create-home interlock
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY --from=build /src/policies ./policies
RUN ln -s /app/dist/cli/main.js /usr/local/bin/interlock && chmod +x /app/dist/cli/main.js
USER interlock
# The server's state (its SQLite file when no database URL is set, the checkpoint signing key).
VOLUME /var/lib/interlock
EXPOSE 47812
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:47812/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Listens on every interface of the container: put a TLS proxy in front, or pass --tls-cert/--tls-key.
ENTRYPOINT ["interlock", "serve"]
CMD ["--host", "0.0.0.0", "--port", "47812"]
