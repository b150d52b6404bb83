-- +goose Up
-- One Stripe customer per organization, created on the first checkout and
-- reused for every later one.
CREATE TABLE billing_customers (
    organization_id BIGINT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    stripe_customer_id TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The last known state of each Stripe subscription. organization_id stays
-- empty while a subscription's events arrive before the checkout that links
-- it. last_event_created is the creation time (Unix seconds) of the newest
-- event applied, so that older events delivered late are ignored.
CREATE TABLE billing_subscriptions (
    stripe_subscription_id TEXT PRIMARY KEY,
    organization_id BIGINT REFERENCES organizations(id) ON DELETE CASCADE,
    stripe_customer_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    price_id TEXT NOT NULL DEFAULT '',
    plan TEXT NOT NULL DEFAULT '',
    current_period_end TIMESTAMPTZ,
    cancel_at_period_end BOOLEAN NOT NULL DEFAULT FALSE,
    past_due_since TIMESTAMPTZ,
    last_event_created BIGINT NOT NULL DEFAULT 0,
    last_notice TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX billing_subscriptions_org_idx ON billing_subscriptions (organization_id);
CREATE INDEX billing_subscriptions_customer_idx ON billing_subscriptions (stripe_customer_id);

-- Every Stripe event id is stored once; the row is inserted in the same
-- transaction that applies the event, so a redelivery is a no-op.
CREATE TABLE stripe_events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    created BIGINT NOT NULL,
    organization_id BIGINT REFERENCES organizations(id) ON DELETE SET NULL,
    outcome TEXT NOT NULL DEFAULT '',
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE stripe_events;
DROP TABLE billing_subscriptions;
DROP TABLE billing_customers;
