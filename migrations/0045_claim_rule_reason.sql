-- Reconstruction (#16): why a version of the claim rules was saved. The rule editor asks for a reason
-- with every new version; the history lists who saved each version, when and why. Versions saved
-- before this migration have none.
ALTER TABLE claim_rule_version
  ADD COLUMN reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 1000);
