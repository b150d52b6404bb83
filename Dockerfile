# syntax=docker/dockerfile:1
# Build a static binary, then run it as a non-root user on a minimal image.
FROM golang:1.26.10-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/clausewatch . && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /out/clausewatch /app/clausewatch
COPY --from=build --chown=65532:65532 /out/data /app/data
# The embedded mode keeps its SQLite file and outbox here; mount a volume,
# or set DATABASE_URL and REDIS_URL to run against real servers.
ENV CLAUSEWATCH_ADDR=0.0.0.0:8080 CLAUSEWATCH_DATA_DIR=/app/data
VOLUME ["/app/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/app/clausewatch"]
CMD ["serve"]
