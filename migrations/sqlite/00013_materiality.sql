-- +goose Up
-- A change is 'substantive' or 'editorial' (spelling, punctuation, contact
-- details, a rename: recorded, but no same-day alert by default). Changes
-- recorded before the distinction existed were alerted as substantive.
ALTER TABLE changes ADD COLUMN materiality TEXT NOT NULL DEFAULT 'substantive';
-- Whether the organization also wants same-day alerts for editorial changes.
ALTER TABLE alert_settings ADD COLUMN editorial BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE alert_settings DROP COLUMN editorial;
ALTER TABLE changes DROP COLUMN materiality;
