-- +goose Up
-- A check fingerprints the fetched page before converting it and stops when
-- the fingerprint is the latest version's; a version made by an older
-- extraction version is first re-extracted from its snapshots (a technical
-- upgrade), so that a new converter or noise rule never passes for a change.
-- Existing versions have version 0 and no fingerprint: their next check
-- upgrades them.
ALTER TABLE versions ADD COLUMN content_fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE versions ADD COLUMN extraction_version INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE versions DROP COLUMN extraction_version;
ALTER TABLE versions DROP COLUMN content_fingerprint;
