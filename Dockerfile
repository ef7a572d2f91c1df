# syntax=docker/dockerfile:1
# One image for every netwatch service: `docker run netwatch service NAME`; the api serves the built UI.
#
# Stage 1 builds the whole monorepo (TypeScript, the libpcap addon, the Vite UI) and prunes the
# dev dependencies; stage 2 is the runtime: Node, the libpcap runtime, a non-root user.
# Build: docker build -t netwatch:local .   (docker-compose.yml does this for you)

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
# The addon compiles against libpcap; node-gyp finds Node's headers in the image (no download).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpcap-dev gcc libc6-dev make python3 \
 && rm -rf /var/lib/apt/lists/*
# package-lock.json is written by npm 11 (engines); the image ships npm 10.
RUN npm install -g npm@11.6.2 --no-audit --no-fund
WORKDIR /src
ENV npm_config_nodedir=/usr/local CI=true
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 # Tests, sources and build caches are not needed at run time.
 && find services bench -path '*/node_modules' -prune -o \( -name '*.test.js' -o -name '*.test.d.ts' -o -name '*.map' -o -name '*.tsbuildinfo' \) -print0 | xargs -0 rm -f \
 && rm -rf bench ui/src ui/test ui/bench ui/node_modules/.vite .git

FROM ${NODE_IMAGE} AS runtime
# libpcap0.8 for the capture addon; libcap2-bin only long enough to set file capabilities.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpcap0.8 libcap2-bin \
 # Sensors run a copy of node that may hold CAP_NET_RAW/CAP_NET_ADMIN (+ep), granted only when the
 # container has them (cap_add). The plain node keeps no capabilities: processors run it with
 # cap_drop: [ALL] and no-new-privileges, which a file-capability binary could not start under.
 && cp /usr/local/bin/node /usr/local/bin/node-capture \
 && setcap cap_net_raw,cap_net_admin+ep /usr/local/bin/node-capture \
 && apt-get purge -y libcap2-bin && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 netwatch \
 && useradd --system --uid 10001 --gid netwatch --home-dir /var/lib/netwatch --create-home --shell /usr/sbin/nologin netwatch
WORKDIR /app
COPY --from=build --chown=root:root /src /app
COPY docker/netwatch docker/netwatch-capture /usr/local/bin/
ENV NODE_ENV=production \
    NETWATCH_API_UI_DIR=/app/ui/dist \
    XDG_CACHE_HOME=/var/lib/netwatch/cache
USER netwatch
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["netwatch", "healthcheck"]
ENTRYPOINT ["netwatch"]
CMD ["--help"]
