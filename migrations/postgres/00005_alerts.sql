-- +goose Up
-- Per-organization alert settings; a missing row means the defaults
-- (same-day alerts on where the plan has them, digest on Monday 08:00 UTC).
CREATE TABLE alert_settings (
    organization_id BIGINT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    same_day BOOLEAN NOT NULL DEFAULT TRUE,
    digest_weekday INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A member's opt-out of one kind of alert mail ('same_day' or 'digest') in
-- one organization; no row means subscribed.
CREATE TABLE alert_opt_outs (
    organization_id BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id, kind)
);

-- An organization's webhook endpoint and its signing secret.
CREATE TABLE alert_webhooks (
    id BIGSERIAL PRIMARY KEY,
    organization_id BIGINT NOT NULL UNIQUE REFERENCES organizations(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Source-health notices about a document: 'failing' and 'resumed'
-- alternate, numbered per document; the unique sequence number makes two
-- workers noticing the same failure write one notice.
CREATE TABLE source_notices (
    id BIGSERIAL PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    since TIMESTAMPTZ NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (document_id, seq)
);

-- One weekly digest of an organization; period is the ISO week it was
-- sent in ("2026-W10"), so a re-run in the same week sends nothing.
CREATE TABLE digests (
    id BIGSERIAL PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    changes INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (organization_id, period)
);

-- A change waiting for an organization's digest; digest_id is set when a
-- digest takes it, so every change is in exactly one digest.
CREATE TABLE digest_items (
    organization_id BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    change_id BIGINT NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
    digest_id BIGINT REFERENCES digests(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, change_id)
);
CREATE INDEX digest_items_pending_idx ON digest_items (organization_id) WHERE digest_id IS NULL;

-- The outbox: one row per message to send, written in the transaction
-- that records its cause (a change, a notice, a digest). recipient_id is a
-- user for e-mail and the organization's webhook for the webhook channel.
CREATE TABLE alert_deliveries (
    id BIGSERIAL PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    change_id BIGINT REFERENCES changes(id) ON DELETE CASCADE,
    notice_id BIGINT REFERENCES source_notices(id) ON DELETE CASCADE,
    digest_id BIGINT REFERENCES digests(id) ON DELETE CASCADE,
    recipient_id BIGINT NOT NULL,
    channel TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until TIMESTAMPTZ,
    sent_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (change_id, recipient_id, channel),
    UNIQUE (notice_id, recipient_id, channel),
    UNIQUE (digest_id, recipient_id, channel)
);
CREATE INDEX alert_deliveries_due_idx ON alert_deliveries (next_attempt_at) WHERE state IN ('pending', 'sending');
CREATE INDEX alert_deliveries_org_idx ON alert_deliveries (organization_id, state);

-- +goose Down
DROP TABLE alert_deliveries;
DROP TABLE digest_items;
DROP TABLE digests;
DROP TABLE source_notices;
DROP TABLE alert_webhooks;
DROP TABLE alert_opt_outs;
DROP TABLE alert_settings;
