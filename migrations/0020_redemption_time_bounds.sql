-- Offline redemptions carry the device's clock, which cannot be trusted on its own. A redemption
-- dated before its card was issued, before its cycle's list existed, or synced after its card was
-- revoked or its cycle closed is kept for review instead of standing: `held` says why. A cycle
-- remembers when it was closed; cycles closed before this migration count as closed from now.
ALTER TABLE aid_cycle ADD COLUMN closed_at timestamptz;
UPDATE aid_cycle SET closed_at = now() WHERE status = 'closed';
ALTER TABLE aid_cycle ADD CONSTRAINT aid_cycle_closed_at CHECK ((status = 'closed') = (closed_at IS NOT NULL));

ALTER TABLE redemption ADD COLUMN held text
  CHECK (held IN ('before_card', 'before_cycle', 'after_revocation', 'after_close'));
ALTER TABLE redemption ADD CONSTRAINT redemption_held_in_review CHECK (held IS NULL OR status = 'conflict');
