-- +goose Up
-- The SHA-256 of a version's significant text (noise removed), so a check
-- compares one hash instead of re-reading and re-normalizing the latest text.
ALTER TABLE versions ADD COLUMN significant_sha256 TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE versions DROP COLUMN significant_sha256;
