-- +goose Up
-- The sweep pages through due documents by (next_check_at, id): with both
-- columns in one index each page is a bounded index range that starts where
-- the last one ended, instead of collecting and sorting every due row.
DROP INDEX documents_due_idx;
CREATE INDEX documents_due_idx ON documents (next_check_at, id);

-- +goose Down
DROP INDEX documents_due_idx;
CREATE INDEX documents_due_idx ON documents (next_check_at);
