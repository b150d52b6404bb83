-- +goose Up
-- Where a platform's declaration came from: 'builtin' (the catalogue in the
-- binary) or 'import' (catalogue import). An import replaces a built-in
-- declaration; loading the built-in catalogue never replaces an imported one.
ALTER TABLE platforms ADD COLUMN origin TEXT NOT NULL DEFAULT 'builtin';
-- A catalogue document its declaration no longer lists is retired: kept with
-- its versions, no longer checked.
ALTER TABLE documents ADD COLUMN retired_at DATETIME;
-- The document's past declarations (Open Terms Archive history), as JSON.
ALTER TABLE documents ADD COLUMN history TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE documents DROP COLUMN history;
ALTER TABLE documents DROP COLUMN retired_at;
ALTER TABLE platforms DROP COLUMN origin;
