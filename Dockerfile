# syntax=docker/dockerfile:1
# Build one static binary, then ship it in two images:
#   worker  (--target worker): Debian slim with Chromium, for documents declared
#           with executeClientScripts; run it for `clausewatch worker`.
#   web     (the default, last stage): distroless and small, for `serve`,
#           `serve --no-worker`, `scheduler` and `migrate`.
FROM golang:1.26.10-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/clausewatch . && mkdir -p /out/data

# The fetcher starts Chromium headless, without its sandbox and without
# /dev/shm (engine/fetch/browser.go), so the container needs no extra
# capabilities or shm size. Run it with an init process (compose `init: true`)
# so that Chromium's exited helpers are reaped.
FROM debian:bookworm-slim AS worker
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium ca-certificates procps \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 65532 --user-group --create-home --home-dir /home/clausewatch clausewatch
WORKDIR /app
COPY --from=build /out/clausewatch /app/clausewatch
COPY --from=build --chown=65532:65532 /out/data /app/data
ENV CLAUSEWATCH_DATA_DIR=/app/data CLAUSEWATCH_CHROMIUM=/usr/bin/chromium HOME=/home/clausewatch
VOLUME ["/app/data"]
USER 65532:65532
ENTRYPOINT ["/app/clausewatch"]
CMD ["worker"]

# Busybox's wget, a static binary, lets a health check of the distroless web
# container ask /readyz (see deploy/compose.yaml); busybox picks the applet
# from the file name. No HEALTHCHECK here: scheduler and migrate use this
# image too and listen on nothing.
FROM busybox:1.37.0-musl AS wget

FROM gcr.io/distroless/static-debian12:nonroot AS web
WORKDIR /app
COPY --from=build /out/clausewatch /app/clausewatch
COPY --from=build --chown=65532:65532 /out/data /app/data
COPY --from=wget /bin/busybox /usr/local/bin/wget
# The embedded mode keeps its SQLite file and outbox here; mount a volume,
# or set DATABASE_URL and REDIS_URL to run against real servers.
ENV CLAUSEWATCH_ADDR=0.0.0.0:8080 CLAUSEWATCH_DATA_DIR=/app/data
VOLUME ["/app/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/app/clausewatch"]
CMD ["serve"]
