-- Reconstruction (#16): a decision reviewed. A rejected joint case can be reopened by a committee
-- member with a reason (a grievance upheld, new evidence): it goes back to inspection, a claims
-- officer checks it again, and a committee member who did not decide it before decides the review.
-- The earlier decision stays in the chain (claim_case_decision is never updated); the reopening is
-- its own step.
ALTER TABLE claim_case_decision DROP CONSTRAINT claim_case_decision_step_check;
ALTER TABLE claim_case_decision ADD CONSTRAINT claim_case_decision_step_check
  CHECK (step IN ('verified','inspection','approved','rejected','reopened'));

-- A governorate's decided cases, the latest decision first (the committee's and officers' list of
-- decisions, where a grievance starts).
CREATE INDEX claim_case_decided ON claim_case (org_id, governorate, decided_at DESC, id) WHERE state IN ('approved','rejected');
