-- +goose Up
CREATE TABLE platforms (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    jurisdiction TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A document is either in the catalogue (platform_id set, organization_id
-- NULL) or an organization's custom URL (organization_id set).
CREATE TABLE documents (
    id BIGSERIAL PRIMARY KEY,
    platform_id BIGINT REFERENCES platforms(id) ON DELETE CASCADE,
    organization_id BIGINT REFERENCES organizations(id) ON DELETE CASCADE,
    doc_type TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    sources TEXT NOT NULL,
    rules_hash TEXT NOT NULL DEFAULT '',
    conditionals TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending',
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    last_checked_at TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    next_check_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    latest_version_id BIGINT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX documents_platform_type_idx ON documents (platform_id, doc_type);
CREATE INDEX documents_due_idx ON documents (next_check_at);
CREATE INDEX documents_org_idx ON documents (organization_id);

-- Raw fetched bytes, content-addressed so that identical fetches are kept once.
CREATE TABLE snapshots (
    id BIGSERIAL PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    content_type TEXT NOT NULL DEFAULT '',
    body BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE versions (
    id BIGSERIAL PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    markdown TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    prev_sha256 TEXT NOT NULL DEFAULT '',
    snapshot_ids TEXT NOT NULL DEFAULT '[]',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX versions_document_idx ON versions (document_id, id);

CREATE TABLE changes (
    id BIGSERIAL PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    from_version_id BIGINT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    to_version_id BIGINT NOT NULL UNIQUE REFERENCES versions(id) ON DELETE CASCADE,
    summary TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL DEFAULT '',
    added_words INTEGER NOT NULL DEFAULT 0,
    removed_words INTEGER NOT NULL DEFAULT 0,
    sections_changed INTEGER NOT NULL DEFAULT 0,
    sections TEXT NOT NULL DEFAULT '[]',
    provisions TEXT NOT NULL DEFAULT '[]',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX changes_document_idx ON changes (document_id, created_at);
CREATE INDEX changes_created_idx ON changes (created_at);

-- +goose Down
DROP TABLE changes;
DROP TABLE versions;
DROP TABLE snapshots;
DROP TABLE documents;
DROP TABLE platforms;
