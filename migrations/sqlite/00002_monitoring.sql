-- +goose Up
CREATE TABLE platforms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    jurisdiction TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- A document is either in the catalogue (platform_id set, organization_id
-- NULL) or an organization's custom URL (organization_id set).
CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform_id INTEGER REFERENCES platforms(id) ON DELETE CASCADE,
    organization_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
    doc_type TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    sources TEXT NOT NULL,
    rules_hash TEXT NOT NULL DEFAULT '',
    conditionals TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending',
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    last_checked_at DATETIME,
    last_success_at DATETIME,
    next_check_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    latest_version_id INTEGER,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX documents_platform_type_idx ON documents (platform_id, doc_type);
CREATE INDEX documents_due_idx ON documents (next_check_at);
CREATE INDEX documents_org_idx ON documents (organization_id);

-- Raw fetched bytes, content-addressed so that identical fetches are kept once.
CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    content_type TEXT NOT NULL DEFAULT '',
    body BLOB NOT NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    markdown TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    prev_sha256 TEXT NOT NULL DEFAULT '',
    snapshot_ids TEXT NOT NULL DEFAULT '[]',
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX versions_document_idx ON versions (document_id, id);

CREATE TABLE changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    from_version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    to_version_id INTEGER NOT NULL UNIQUE REFERENCES versions(id) ON DELETE CASCADE,
    summary TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL DEFAULT '',
    added_words INTEGER NOT NULL DEFAULT 0,
    removed_words INTEGER NOT NULL DEFAULT 0,
    sections_changed INTEGER NOT NULL DEFAULT 0,
    sections TEXT NOT NULL DEFAULT '[]',
    provisions TEXT NOT NULL DEFAULT '[]',
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX changes_document_idx ON changes (document_id, created_at);
CREATE INDEX changes_created_idx ON changes (created_at);

-- +goose Down
DROP TABLE changes;
DROP TABLE versions;
DROP TABLE snapshots;
DROP TABLE documents;
DROP TABLE platforms;
