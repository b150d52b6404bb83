-- +goose Up
-- A watch is one organization following either a catalogue platform (all
-- its documents) or one of its own custom documents. Watches over a plan's
-- limit after a downgrade are paused, never deleted.
CREATE TABLE watches (
    id BIGSERIAL PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    platform_id BIGINT REFERENCES platforms(id) ON DELETE CASCADE,
    document_id BIGINT REFERENCES documents(id) ON DELETE CASCADE,
    paused_at TIMESTAMPTZ,
    paused_reason TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((platform_id IS NULL) <> (document_id IS NULL))
);
CREATE UNIQUE INDEX watches_org_platform_idx ON watches (organization_id, platform_id);
CREATE UNIQUE INDEX watches_org_document_idx ON watches (organization_id, document_id);
CREATE INDEX watches_platform_idx ON watches (platform_id);
CREATE INDEX watches_document_idx ON watches (document_id);

-- The secret of an organization's private Atom feed; deleting the row
-- revokes it.
CREATE TABLE feed_tokens (
    organization_id BIGINT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE feed_tokens;
DROP TABLE watches;
