-- After distribution: who recorded each redemption (the officer signed in on the device that synced
-- it, or who redeemed online), and a reviewer's decision on a conflict: who took it and why (the
-- reason is also in the change log). Redemptions recorded before this migration name no officer.
ALTER TABLE redemption ADD COLUMN recorded_by uuid REFERENCES app_user(id);
ALTER TABLE redemption ADD COLUMN reviewed_by uuid REFERENCES app_user(id);
ALTER TABLE redemption ADD COLUMN review_reason text CHECK (review_reason IS NULL OR char_length(review_reason) BETWEEN 1 AND 500);
-- Reconciliation per day: stock movements by cycle and day.
CREATE INDEX stock_movement_cycle_day ON stock_movement (cycle_id, occurred_on) WHERE cycle_id IS NOT NULL;
