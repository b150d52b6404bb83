-- +goose Up
-- Provision-level alert rules. user_id 0 is the organization's rule, any
-- other a member's own rule on top of it; watch_id 0 covers every watch, any
-- other overrides it for that watch. Lists are stored as ",a,b," so that a
-- single LIKE tests membership on both databases; empty means "any".
CREATE TABLE alert_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL DEFAULT 0,
    watch_id INTEGER NOT NULL DEFAULT 0,
    categories TEXT NOT NULL DEFAULT '',
    change_kinds TEXT NOT NULL DEFAULT '',
    min_severity INTEGER NOT NULL DEFAULT 0,
    stance_changes BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX alert_rules_scope_idx ON alert_rules (organization_id, user_id, watch_id);

-- +goose Down
DROP TABLE alert_rules;
