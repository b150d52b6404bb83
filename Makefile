.PHONY: test build run vet bench

# Installs and starts what the tests need (PostgreSQL, Redis, stripe-mock,
# mailpit, Chromium) where missing, then runs vet, gofmt and every test.
test:
	./scripts/test.sh

build:
	CGO_ENABLED=0 go build -trimpath -o bin/clausewatch .

run:
	go run .

vet:
	go vet ./...
